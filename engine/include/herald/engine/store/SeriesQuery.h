#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// Account-level metrics that have a daily series. Followers is a level (the period's last day);
/// impressions, engagements and profile visits are sums; engagement rate is engagements /
/// impressions over the period (the same definition as the dashboard's KPI).
enum class SeriesMetric { Followers, Impressions, Engagements, EngagementRate, ProfileVisits };

enum class Granularity { Day, Week, Month }; // weeks start on Monday

struct SeriesPoint
{
    std::string period; // first day of the period, YYYY-MM-DD
    double value = 0;
    bool missing = false; // no data for any selected account in the period
};

/// One point per day, week or month from fromDay to toDay (inclusive, local days), over
/// `accountIds` (all accounts when empty). Periods without data are present and marked missing.
/// O(accounts x days).
Result<std::vector<SeriesPoint>> querySeries(Database& db, SeriesMetric metric, const std::string& fromDay,
                                             const std::string& toDay, const std::vector<std::int64_t>& accountIds,
                                             Granularity granularity);

/// The day number that starts the day, week (Monday) or month holding `day`.
std::int64_t periodStartDay(std::int64_t day, Granularity granularity);
/// The day number that starts the period after the one starting at `start`.
std::int64_t nextPeriodDay(std::int64_t start, Granularity granularity);

/// Days since 1970-01-01 of a YYYY-MM-DD string, or nullopt when it is not a valid date.
std::optional<std::int64_t> dayNumber(const std::string& day);
/// The YYYY-MM-DD of a day number.
std::string dayString(std::int64_t dayNumber);

} // namespace herald::engine
