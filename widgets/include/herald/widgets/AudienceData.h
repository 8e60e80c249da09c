#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <QString>
#include <QTimeZone>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"
#include "herald/engine/store/AudienceRecommendations.h"
#include "herald/engine/store/AudienceSegmentation.h"
#include "herald/engine/store/SegmentStore.h"

namespace herald::ui {

/// One segmentation job: which members, which features, how many segments.
struct AudienceRequest
{
    QString path;                         // workspace file
    std::vector<std::int64_t> accountIds; // empty: every account
    std::vector<std::string> features;    // catalogue ids; empty: all
    int k = 0;                            // 0: chosen by silhouette
    std::uint64_t seed = 1;
    QTimeZone zone = QTimeZone::utc(); // day parts are in this zone
    std::int64_t nowUtc = 0;
    bool recommendations = true;
};

/// Everything the audience panel shows for one run.
struct AudienceRun
{
    engine::AudienceFeatures features;
    engine::SegmentationResult result;
    std::vector<engine::SegmentRecommendations> recommendations; // per segment
    double featureMs = 0;                                        // stage timings, for the status bar and the benchmark
    double segmentMs = 0;
    double recommendMs = 0;
};

/// Opens the workspace read-only, builds the features, segments and, if asked, recommends per segment.
/// Blocking: call off the UI thread.
Result<std::shared_ptr<const AudienceRun>> runAudienceSegmentation(const AudienceRequest& request,
                                                                   const engine::Progress& progress = {});

/// Audience members per account id, and the saved runs (newest first).
struct AudienceOverview
{
    std::vector<std::pair<std::int64_t, std::int64_t>> membersPerAccount; // (account id, members)
    std::vector<engine::SavedSegmentRun> runs;
};

/// Reads the overview of a workspace. Blocking: call off the UI thread.
Result<AudienceOverview> loadAudienceOverview(const QString& path);

} // namespace herald::ui
