#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// A reporting period: whole local days [fromDay, toDay] (YYYY-MM-DD, inclusive) and the same
/// period as UTC instants [fromUtc, toUtc). The caller converts with the workspace's time zone.
struct KpiRange
{
    std::string fromDay;
    std::string toDay;
    std::int64_t fromUtc = 0;
    std::int64_t toUtc = 0;
};

/// The dashboard's headline figures for one period. Definitions (the one source of truth that
/// panels and reports share):
///  - followers: sum over the accounts of the last `followers` level on or before toDay;
///  - followerGrowth: followers minus the same sum on the day before fromDay;
///  - postsPublished: targets published in [fromUtc, toUtc);
///  - impressions, engagements: sums of the accounts' daily totals over the days;
///  - engagementRate: engagements / impressions (0 when there are no impressions).
struct KpiValues
{
    double followers = 0;
    double followerGrowth = 0;
    std::int64_t postsPublished = 0;
    double impressions = 0;
    double engagements = 0;
    double engagementRate = 0;
    bool hasData = false; // any metric day or published post in the period
};

/// Current and previous period of the same length.
struct KpiSnapshot
{
    KpiValues current;
    KpiValues previous;
};

/// Figures for `range`, over `accountIds` (all accounts when empty). O(accounts x days).
Result<KpiValues> queryKpis(Database& db, const KpiRange& range, const std::vector<std::int64_t>& accountIds);
/// Both periods in one read transaction, so the comparison sees one snapshot.
Result<KpiSnapshot> queryKpiSnapshot(Database& db, const KpiRange& current, const KpiRange& previous,
                                     const std::vector<std::int64_t>& accountIds);
/// Relative change in percent, or nullopt when the previous value is 0.
std::optional<double> percentChange(double current, double previous);

} // namespace herald::engine
