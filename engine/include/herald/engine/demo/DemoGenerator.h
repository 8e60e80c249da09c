#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// What the demo generator makes. Everything is a pure function of the options: the same options
/// give the same rows and the same values.
struct DemoOptions
{
    int days = 365;              // history length, ending on endDay
    std::uint64_t seed = 1;
    int audience = 20000;        // audience members over all accounts
    int accounts = 4;            // 4: Mastodon, Bluesky, X, LinkedIn; up to 10 adds more networks
    std::string endDay;          // YYYY-MM-DD, last day of history (the caller passes "today")
    std::string timeZone = "Europe/Berlin"; // workspace zone, stored in settings
    /// UTC offset in seconds of timeZone at a UTC instant; the caller supplies the zone rules.
    std::function<int(std::int64_t utc)> utcOffset = [](std::int64_t) { return 0; };
    /// Progress in [0, 1]; return false to cancel (nothing is written then).
    std::function<bool(double)> progress;
};

struct DemoSummary
{
    std::int64_t accounts = 0;
    std::int64_t campaigns = 0;
    std::int64_t posts = 0;
    std::int64_t targets = 0;
    std::int64_t postMetrics = 0;
    std::int64_t accountMetrics = 0;
    std::int64_t members = 0;
    std::int64_t events = 0;
    std::int64_t comments = 0;
    std::int64_t adSets = 0;
};

/// Fills an empty workspace with a realistic, labelled demo in one transaction; on any failure or
/// cancellation the workspace is left as it was. O(days x accounts + audience + events).
Result<DemoSummary> generateDemo(Database& db, const DemoOptions& options);

} // namespace herald::engine
