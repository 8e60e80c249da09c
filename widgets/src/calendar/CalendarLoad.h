#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <QString>
#include <QTimeZone>

#include "calendar/CalendarData.h"
#include "herald/engine/store/CalendarQuery.h"

// Worker-thread reads of the calendar: each opens its own connection to the workspace at `path`.
namespace herald::ui {

/// Posts in [fromUtc, toUtc) grouped by their day in `zone`.
Result<std::shared_ptr<const CalendarDays>> loadCalendarRange(const QString& path, const QTimeZone& zone,
                                                              std::int64_t fromUtc, std::int64_t toUtc,
                                                              const engine::CalendarFilter& filter);

struct QueueData
{
    std::vector<engine::CalendarEntry> posts;
    std::vector<FreeSlot> freeSlots;
    int accountsWithSlots = 0; // of the accounts asked about
};

/// Every post of the filter (scheduled ones in time order, then up to `unscheduledLimit` drafts) and
/// the free slots of `accounts` (id, handle) in (nowUtc, nowUtc + slotDays].
Result<QueueData> loadQueue(const QString& path, const engine::CalendarFilter& filter,
                            const std::vector<std::pair<std::int64_t, std::string>>& accounts, std::int64_t nowUtc,
                            int slotDays = 14, int unscheduledLimit = 100000);

struct HeatmapData
{
    bool enoughHistory = false;
    std::vector<double> rates; // 168 hour-of-week rates, Monday 00:00 first; empty without enough history
    std::size_t posts = 0;     // published posts with impressions used by the fit
    int minPosts = 0;
};

/// The engagement model's hour-of-week heatmap of one account over its published history, with
/// hours of week in `accountZone` (defined in HeatmapLoad.cpp).
Result<HeatmapData> loadHeatmap(const QString& path, std::int64_t accountId, const std::string& accountZone,
                                std::int64_t nowUtc);

} // namespace herald::ui
