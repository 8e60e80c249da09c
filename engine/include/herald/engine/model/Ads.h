#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace herald::engine {

struct AdAudience
{
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> segmentId;
    std::string specJson; // Herald's targeting spec, exported per platform
    std::int64_t sizeEstimate = 0;
    std::int64_t createdUtc = 0;
};

struct AdSet
{
    std::int64_t id = 0;
    std::optional<std::int64_t> campaignId;
    std::optional<std::int64_t> audienceId;
    std::string name;
    std::string platform; // facebook, instagram, linkedin, x, ...
    std::string externalId;
    double dailyBudget = 0;
    double bid = 0;
    std::string currency = "EUR";
    std::string status = "active";
    std::int64_t createdUtc = 0;
};

struct AdMetricDay
{
    std::int64_t adSetId = 0;
    std::string day; // YYYY-MM-DD
    std::int64_t impressions = 0;
    std::int64_t clicks = 0;
    double spend = 0;
    std::int64_t conversions = 0;
    double revenue = 0;
};

} // namespace herald::engine
