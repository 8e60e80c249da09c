#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/model/Platform.h"

namespace herald::engine {

class Database;

/// One published target with its latest counts. Engagements are defined the same way on every
/// network: likes + replies + reposts + quotes + clicks; the rate is engagements / impressions
/// (0 without impressions), matching the dashboard's account-level definition.
struct PostPerformance
{
    std::int64_t targetId = 0;
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    Platform platform = Platform::Mastodon;
    std::string handle;
    std::int64_t publishedUtc = 0;
    std::string text; // the network's variant, or the post's body
    std::string permalink;
    std::string campaign;
    std::optional<std::int64_t> campaignId;
    std::vector<std::string> tags; // the post's tags, sorted
    double impressions = 0;
    double likes = 0;
    double replies = 0;
    double reposts = 0;
    double quotes = 0;
    double clicks = 0;
    double engagements = 0;
    double engagementRate = 0;
};

/// Targets published in [fromUtc, toUtc) on `accountIds` (all when empty), newest first, with the
/// latest snapshot of each counter. O(targets x metrics).
Result<std::vector<PostPerformance>> queryPostPerformance(Database& db, std::int64_t fromUtc, std::int64_t toUtc,
                                                          const std::vector<std::int64_t>& accountIds);

/// What a post-level series adds up per period (each target's latest counts, on its publish day).
enum class PostSeriesMetric { Impressions, Engagements, EngagementRate, Clicks, Posts };

/// One point per day, week or month from fromDay over the days whose local starts are
/// `dayStartsUtc` (one per day and one more for the end of the last day), from `posts` (already
/// narrowed to an account, campaign or tag by the caller). Periods without posts are 0, except the
/// rate, which is missing without impressions. O(posts log days + days).
std::vector<SeriesPoint> postSeries(const std::vector<PostPerformance>& posts, PostSeriesMetric metric,
                                    const std::string& fromDay, const std::vector<std::int64_t>& dayStartsUtc,
                                    Granularity granularity);

} // namespace herald::engine
