#pragma once

#include <cstdint>
#include <string>

namespace herald::engine {

/// A snapshot of one counter of one published target at one instant (counts are cumulative).
struct PostMetricSample
{
    std::int64_t targetId = 0;
    std::string metric; // impressions, likes, replies, reposts, quotes, clicks, ...
    std::int64_t timestampUtc = 0;
    double value = 0;
};

/// One account-level figure for one local calendar day of the account (followers is a level,
/// impressions / engagements / profile_visits are that day's totals).
struct AccountMetricDay
{
    std::int64_t accountId = 0;
    std::string metric;
    std::string day; // YYYY-MM-DD
    double value = 0;
};

} // namespace herald::engine
