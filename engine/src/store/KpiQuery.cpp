#include "herald/engine/store/KpiQuery.h"

#include <cmath>

#include "AccountFilter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

// CROSS JOIN in kDailySums fixes the loop order (accounts outside), so each account's days are a
// primary-key range instead of a scan of every metric row.
constexpr const char* kFollowersAt =
    "SELECT COALESCE(SUM((SELECT m.value FROM account_metrics m WHERE m.account_id = a.id AND m.metric = 'followers' "
    "AND m.day <= ?2 ORDER BY m.day DESC LIMIT 1)), 0) FROM accounts a "
    "WHERE ?1 IS NULL OR a.id IN (SELECT value FROM json_each(?1))";
constexpr const char* kFollowersBefore =
    "SELECT COALESCE(SUM((SELECT m.value FROM account_metrics m WHERE m.account_id = a.id AND m.metric = 'followers' "
    "AND m.day < ?2 ORDER BY m.day DESC LIMIT 1)), 0) FROM accounts a "
    "WHERE ?1 IS NULL OR a.id IN (SELECT value FROM json_each(?1))";
constexpr const char* kDailySums =
    "SELECT COALESCE(SUM(CASE WHEN m.metric = 'impressions' THEN m.value END), 0), "
    "COALESCE(SUM(CASE WHEN m.metric = 'engagements' THEN m.value END), 0), COUNT(*) "
    "FROM accounts a CROSS JOIN account_metrics m ON m.account_id = a.id "
    "AND m.metric IN ('impressions', 'engagements', 'followers') AND m.day BETWEEN ?2 AND ?3 "
    "WHERE ?1 IS NULL OR a.id IN (SELECT value FROM json_each(?1))";
constexpr const char* kPublished =
    "SELECT COUNT(*) FROM post_targets t WHERE t.status = 'published' AND t.published_utc >= ?2 "
    "AND t.published_utc < ?3 AND (?1 IS NULL OR t.account_id IN (SELECT value FROM json_each(?1)))";

Result<double> scalar(Database& db, const char* sql, const std::optional<std::string>& filter, std::string_view day)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, filter).bind(2, day);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    double v = (*stmt)->real(0);
    (*stmt)->reset();
    return v;
}

} // namespace

Result<KpiValues> queryKpis(Database& db, const KpiRange& range, const std::vector<std::int64_t>& accountIds)
{
    if (range.fromDay.size() != 10 || range.toDay.size() != 10 || range.toDay < range.fromDay)
        return fail(ErrorCode::Invalid, "the period " + range.fromDay + " to " + range.toDay + " is not a valid range");
    const auto filter = accountFilterJson(accountIds);
    KpiValues v;

    auto followers = scalar(db, kFollowersAt, filter, range.toDay);
    if (!followers)
        return tl::unexpected(followers.error());
    auto before = scalar(db, kFollowersBefore, filter, range.fromDay);
    if (!before)
        return tl::unexpected(before.error());
    v.followers = *followers;
    v.followerGrowth = *followers - *before;

    auto sums = db.prepare(kDailySums);
    if (!sums)
        return tl::unexpected(sums.error());
    (*sums)->bind(1, filter).bind(2, range.fromDay).bind(3, range.toDay);
    auto row = (*sums)->step();
    if (!row)
        return tl::unexpected(row.error());
    v.impressions = (*sums)->real(0);
    v.engagements = (*sums)->real(1);
    const std::int64_t metricRows = (*sums)->int64(2);
    (*sums)->reset();

    auto published = db.prepare(kPublished);
    if (!published)
        return tl::unexpected(published.error());
    (*published)->bind(1, filter).bind(2, range.fromUtc).bind(3, range.toUtc);
    row = (*published)->step();
    if (!row)
        return tl::unexpected(row.error());
    v.postsPublished = (*published)->int64(0);
    (*published)->reset();

    v.engagementRate = v.impressions > 0 ? v.engagements / v.impressions : 0.0;
    v.hasData = metricRows > 0 || v.postsPublished > 0;
    return v;
}

Result<KpiSnapshot> queryKpiSnapshot(Database& db, const KpiRange& current, const KpiRange& previous,
                                     const std::vector<std::int64_t>& accountIds)
{
    auto tx = Transaction::begin(db, Transaction::Kind::Deferred);
    if (!tx)
        return tl::unexpected(tx.error());
    KpiSnapshot snap;
    auto cur = queryKpis(db, current, accountIds);
    if (!cur)
        return tl::unexpected(cur.error());
    auto prev = queryKpis(db, previous, accountIds);
    if (!prev)
        return tl::unexpected(prev.error());
    snap.current = *cur;
    snap.previous = *prev;
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return snap;
}

std::optional<double> percentChange(double current, double previous)
{
    if (previous == 0)
        return std::nullopt;
    return (current - previous) / std::abs(previous) * 100.0;
}

} // namespace herald::engine
