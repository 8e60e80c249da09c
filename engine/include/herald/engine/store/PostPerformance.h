#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
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

} // namespace herald::engine
