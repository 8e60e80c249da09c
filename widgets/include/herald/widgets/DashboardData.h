#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <QTimeZone>

#include "herald/engine/Result.h"
#include "herald/engine/store/CampaignResults.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/engine/store/PostPerformance.h"

namespace herald::ui {

/// Everything the dashboard shows for one selection; reports read the same, so their numbers agree.
struct DashboardData
{
    engine::KpiSnapshot kpis;
    std::vector<double> followers, growth, posts, impressions, engagements, rate; // daily, for sparklines
    std::vector<engine::PostPerformance> best, worst;
    std::vector<engine::CampaignResults> campaigns;
    int comments = 0, positive = 0, neutral = 0, negative = 0;
    bool sentimentAvailable = true;
};


/// Reads the dashboard's figures for `current` against `previous` on `ids` (all when empty); days
/// are local to `zone`. Blocking: run it on a worker thread.
Result<DashboardData> readDashboard(const std::string& path, const engine::KpiRange& current,
                                    const engine::KpiRange& previous, const std::vector<std::int64_t>& ids,
                                    const QTimeZone& zone);

} // namespace herald::ui
