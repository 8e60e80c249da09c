#include "herald/engine/store/PostPerformance.h"

#include <algorithm>
#include <unordered_map>

#include "AccountFilter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::vector<PostPerformance>> queryPostPerformance(Database& db, std::int64_t fromUtc, std::int64_t toUtc,
                                                          const std::vector<std::int64_t>& accountIds)
{
    const auto filter = accountFilterJson(accountIds);
    auto targets = db.prepare(
        "SELECT t.id, t.post_id, t.account_id, a.platform, a.handle, t.published_utc, "
        "CASE WHEN t.variant_text <> '' THEN t.variant_text ELSE p.body END, t.permalink, COALESCE(c.name, ''), p.campaign_id "
        "FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN accounts a ON a.id = t.account_id "
        "LEFT JOIN campaigns c ON c.id = p.campaign_id "
        "WHERE t.status = 'published' AND t.published_utc >= ?2 AND t.published_utc < ?3 "
        "AND (?1 IS NULL OR t.account_id IN (SELECT value FROM json_each(?1))) ORDER BY t.published_utc DESC");
    if (!targets)
        return tl::unexpected(targets.error());
    (*targets)->bind(1, filter).bind(2, fromUtc).bind(3, toUtc);
    std::vector<PostPerformance> out;
    std::unordered_map<std::int64_t, std::size_t> byTarget;
    while (true) {
        auto row = (*targets)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const auto& s = **targets;
        PostPerformance p;
        p.targetId = s.int64(0);
        p.postId = s.int64(1);
        p.accountId = s.int64(2);
        p.platform = platformFromKey(s.text(3)).value_or(Platform::Mastodon);
        p.handle = s.text(4);
        p.publishedUtc = s.int64(5);
        p.text = s.text(6);
        p.permalink = s.text(7);
        p.campaign = s.text(8);
        if (!s.isNull(9))
            p.campaignId = s.int64(9);
        byTarget.emplace(p.targetId, out.size());
        out.push_back(std::move(p));
    }
    (*targets)->reset();
    if (out.empty())
        return out;

    // Counters are cumulative snapshots, so the latest is the largest.
    auto metrics = db.prepare(
        "SELECT m.target_id, m.metric, MAX(m.value) FROM post_targets t JOIN post_metrics m ON m.target_id = t.id "
        "WHERE t.status = 'published' AND t.published_utc >= ?2 AND t.published_utc < ?3 "
        "AND (?1 IS NULL OR t.account_id IN (SELECT value FROM json_each(?1))) GROUP BY m.target_id, m.metric");
    if (!metrics)
        return tl::unexpected(metrics.error());
    (*metrics)->bind(1, filter).bind(2, fromUtc).bind(3, toUtc);
    while (true) {
        auto row = (*metrics)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        auto it = byTarget.find((*metrics)->int64(0));
        if (it == byTarget.end())
            continue;
        auto& p = out[it->second];
        const std::string name = (*metrics)->text(1);
        const double v = (*metrics)->real(2);
        if (name == "impressions")
            p.impressions = v;
        else if (name == "likes")
            p.likes = v;
        else if (name == "replies")
            p.replies = v;
        else if (name == "reposts")
            p.reposts = v;
        else if (name == "quotes")
            p.quotes = v;
        else if (name == "clicks")
            p.clicks = v;
    }
    (*metrics)->reset();
    auto tags = db.prepare(
        "SELECT t.id, g.name FROM post_targets t JOIN post_tags pt ON pt.post_id = t.post_id "
        "JOIN tags g ON g.id = pt.tag_id "
        "WHERE t.status = 'published' AND t.published_utc >= ?2 AND t.published_utc < ?3 "
        "AND (?1 IS NULL OR t.account_id IN (SELECT value FROM json_each(?1))) ORDER BY g.name");
    if (!tags)
        return tl::unexpected(tags.error());
    (*tags)->bind(1, filter).bind(2, fromUtc).bind(3, toUtc);
    while (true) {
        auto row = (*tags)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (auto it = byTarget.find((*tags)->int64(0)); it != byTarget.end())
            out[it->second].tags.push_back((*tags)->text(1));
    }
    (*tags)->reset();
    for (auto& p : out) {
        p.engagements = p.likes + p.replies + p.reposts + p.quotes + p.clicks;
        p.engagementRate = p.impressions > 0 ? p.engagements / p.impressions : 0;
    }
    return out;
}

std::vector<SeriesPoint> postSeries(const std::vector<PostPerformance>& posts, PostSeriesMetric metric,
                                    const std::string& fromDay, const std::vector<std::int64_t>& dayStartsUtc,
                                    Granularity granularity)
{
    std::vector<SeriesPoint> out;
    const auto first = dayNumber(fromDay);
    if (!first || dayStartsUtc.size() < 2)
        return out;
    const std::int64_t last = *first + std::int64_t(dayStartsUtc.size()) - 2;
    struct Totals
    {
        double value = 0, impressions = 0, engagements = 0;
    };
    std::vector<Totals> days(dayStartsUtc.size() - 1);
    for (const auto& p : posts) {
        auto it = std::upper_bound(dayStartsUtc.begin(), dayStartsUtc.end(), p.publishedUtc);
        if (it == dayStartsUtc.begin() || it == dayStartsUtc.end())
            continue; // outside the days
        auto& t = days[std::size_t(it - dayStartsUtc.begin() - 1)];
        switch (metric) {
        case PostSeriesMetric::Impressions: t.value += p.impressions; break;
        case PostSeriesMetric::Engagements: t.value += p.engagements; break;
        case PostSeriesMetric::Clicks: t.value += p.clicks; break;
        case PostSeriesMetric::Posts: t.value += 1; break;
        case PostSeriesMetric::EngagementRate: break;
        }
        t.impressions += p.impressions;
        t.engagements += p.engagements;
    }
    for (std::int64_t start = periodStartDay(*first, granularity); start <= last;
         start = nextPeriodDay(start, granularity)) {
        const std::int64_t end = std::min(nextPeriodDay(start, granularity) - 1, last);
        Totals sum;
        for (std::int64_t d = std::max(start, *first); d <= end; ++d) {
            const auto& t = days[std::size_t(d - *first)];
            sum.value += t.value;
            sum.impressions += t.impressions;
            sum.engagements += t.engagements;
        }
        SeriesPoint point;
        point.period = dayString(start);
        if (metric == PostSeriesMetric::EngagementRate) {
            point.missing = sum.impressions <= 0;
            point.value = point.missing ? 0 : sum.engagements / sum.impressions;
        } else {
            point.value = sum.value;
        }
        out.push_back(std::move(point));
    }
    return out;
}

} // namespace herald::engine
