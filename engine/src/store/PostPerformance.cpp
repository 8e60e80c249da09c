#include "herald/engine/store/PostPerformance.h"

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
        "CASE WHEN t.variant_text <> '' THEN t.variant_text ELSE p.body END, t.permalink, COALESCE(c.name, '') "
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
    for (auto& p : out) {
        p.engagements = p.likes + p.replies + p.reposts + p.quotes + p.clicks;
        p.engagementRate = p.impressions > 0 ? p.engagements / p.impressions : 0;
    }
    return out;
}

} // namespace herald::engine
