#include "CsvImportWriter.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

constexpr ImportField kEngagementParts[] = {ImportField::Likes, ImportField::Replies, ImportField::Reposts,
                                            ImportField::Quotes, ImportField::Clicks};

std::string localTimeText(std::int64_t local)
{
    const std::int64_t dayNumber = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const std::int64_t seconds = local - dayNumber * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60));
    return dayString(dayNumber) + buf;
}

} // namespace

Result<void> CsvImportWriter::writePost(const CsvRowValues& row, CsvImportReport& report)
{
    std::string externalId = row.externalId;
    if (externalId.empty())
        externalId =
            row.permalink.empty()
                ? "csv:" +
                      sha256Hex(std::to_string(row.publishedUtc) + "\n" + row.title + "\n" + row.text).substr(0, 24)
                : row.permalink;
    auto find = m_db.prepare("SELECT id, post_id FROM post_targets WHERE account_id = ?1 AND external_id = ?2");
    if (!find)
        return tl::unexpected(find.error());
    (*find)->bind(1, m_account.id).bind(2, externalId);
    auto found = (*find)->step();
    if (!found)
        return tl::unexpected(found.error());
    std::int64_t targetId = 0;
    std::int64_t postId = 0;
    if (*found) {
        targetId = (*find)->int64(0);
        postId = (*find)->int64(1);
    }
    (*find)->reset();

    if (targetId) {
        auto post = m_db.prepare(
            "UPDATE posts SET title = CASE WHEN ?2 <> '' THEN ?2 ELSE title END, "
            "body = CASE WHEN ?3 <> '' THEN ?3 ELSE body END, status = 'published', updated_utc = ?4 WHERE id = ?1");
        if (!post)
            return tl::unexpected(post.error());
        if (auto r = (*post)->bind(1, postId).bind(2, row.title).bind(3, row.text).bind(4, m_now).run(); !r)
            return r;
        auto target = m_db.prepare("UPDATE post_targets SET status = 'published', published_utc = ?2, "
                                   "permalink = CASE WHEN ?3 <> '' THEN ?3 ELSE permalink END WHERE id = ?1");
        if (!target)
            return tl::unexpected(target.error());
        if (auto r = (*target)->bind(1, targetId).bind(2, row.publishedUtc).bind(3, row.permalink).run(); !r)
            return r;
        ++report.postsUpdated;
    } else {
        Post post;
        post.title = row.title;
        post.body = row.text;
        post.status = PostStatus::Published;
        post.localTime = localTimeText(row.publishedLocal);
        post.timeZone = m_account.timeZone;
        post.scheduledUtc = row.publishedUtc;
        post.createdUtc = row.publishedUtc;
        post.updatedUtc = m_now;
        PostTarget t;
        t.accountId = m_account.id;
        t.status = PostStatus::Published;
        t.attempts = 1;
        t.externalId = externalId;
        t.permalink = row.permalink;
        t.publishedUtc = row.publishedUtc;
        post.targets.push_back(std::move(t));
        PostRepository posts(m_db);
        if (auto r = posts.insert(post); !r)
            return tl::unexpected(r.error());
        targetId = post.targets.front().id;
        ++report.postsCreated;
    }
    MetricRepository metrics(m_db);
    PostMetricSample sample;
    sample.targetId = targetId;
    sample.timestampUtc = m_now;
    for (const auto& [field, value] : row.metrics) {
        sample.metric = std::string(importFieldKey(field));
        sample.value = value;
        if (auto r = metrics.upsertPostMetric(sample); !r)
            return r;
        ++report.postMetrics;
    }
    m_touchedUtc.push_back(row.publishedUtc);
    return {};
}

Result<void> CsvImportWriter::writeDay(const CsvRowValues& row, CsvImportReport& report)
{
    MetricRepository metrics(m_db);
    AccountMetricDay day;
    day.accountId = m_account.id;
    day.day = row.day;
    bool hasEngagements = false;
    bool hasParts = false;
    double parts = 0;
    for (const auto& [field, value] : row.metrics) {
        day.metric = std::string(importFieldKey(field));
        day.value = value;
        if (auto r = metrics.upsertAccountMetric(day); !r)
            return r;
        ++report.accountMetrics;
        hasEngagements |= field == ImportField::Engagements;
        if (std::find(std::begin(kEngagementParts), std::end(kEngagementParts), field) != std::end(kEngagementParts)) {
            hasParts = true;
            parts += value;
        }
    }
    // Without an engagements column, the day's engagements are the sum of its interactions.
    if (!hasEngagements && hasParts) {
        day.metric = "engagements";
        day.value = parts;
        if (auto r = metrics.upsertAccountMetric(day); !r)
            return r;
        ++report.accountMetrics;
    }
    return {};
}

// Post files: the account's daily impressions and engagements on the days the file touches are
// raised to at least the sum over that day's posts (latest snapshot of each post), so the
// dashboard sees imported posts. Never lowered: a daily export may already hold larger totals.
Result<void> CsvImportWriter::deriveDailyTotals(const CsvImportOptions& options, CsvImportReport& report)
{
    if (m_touchedUtc.empty())
        return {};
    const bool impressions = m_layout.mapping.has(ImportField::Impressions);
    const bool engagements = std::any_of(std::begin(kEngagementParts), std::end(kEngagementParts),
                                         [&](ImportField f) { return m_layout.mapping.has(f); });
    if (!impressions && !engagements)
        return {};
    auto offset = [&](std::int64_t utc) { return options.utcOffset ? options.utcOffset(utc) : 0; };
    auto localDay = [&](std::int64_t utc) {
        const std::int64_t local = utc + offset(utc);
        return local >= 0 ? local / 86400 : (local - 86399) / 86400;
    };
    std::set<std::int64_t> days;
    for (std::int64_t utc : m_touchedUtc)
        days.insert(localDay(utc));
    const auto [lo, hi] = std::minmax_element(m_touchedUtc.begin(), m_touchedUtc.end());
    auto stmt = m_db.prepare("SELECT t.published_utc, "
                             "COALESCE(MAX(CASE WHEN m.metric = 'impressions' THEN m.value END), 0), "
                             "COALESCE(MAX(CASE WHEN m.metric = 'likes' THEN m.value END), 0) + "
                             "COALESCE(MAX(CASE WHEN m.metric = 'replies' THEN m.value END), 0) + "
                             "COALESCE(MAX(CASE WHEN m.metric = 'reposts' THEN m.value END), 0) + "
                             "COALESCE(MAX(CASE WHEN m.metric = 'quotes' THEN m.value END), 0) + "
                             "COALESCE(MAX(CASE WHEN m.metric = 'clicks' THEN m.value END), 0) "
                             "FROM post_targets t JOIN post_metrics m ON m.target_id = t.id "
                             "WHERE t.account_id = ?1 AND t.status = 'published' AND t.published_utc BETWEEN ?2 AND ?3 "
                             "GROUP BY t.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, m_account.id).bind(2, *lo - 2 * 86400).bind(3, *hi + 2 * 86400);
    std::map<std::int64_t, std::pair<double, double>> sums;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::int64_t day = localDay((*stmt)->int64(0));
        if (!days.count(day))
            continue;
        sums[day].first += (*stmt)->real(1);
        sums[day].second += (*stmt)->real(2);
    }
    (*stmt)->reset();
    auto raise = m_db.prepare("INSERT INTO account_metrics(account_id, metric, day, value) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT(account_id, metric, day) DO UPDATE SET value = MAX(value, excluded.value)");
    if (!raise)
        return tl::unexpected(raise.error());
    for (const auto& [day, totals] : sums) {
        const std::string dayText = dayString(day);
        if (impressions) {
            if (auto r =
                    (*raise)->bind(1, m_account.id).bind(2, "impressions").bind(3, dayText).bind(4, totals.first).run();
                !r)
                return r;
            ++report.accountMetrics;
        }
        if (engagements) {
            if (auto r = (*raise)
                             ->bind(1, m_account.id)
                             .bind(2, "engagements")
                             .bind(3, dayText)
                             .bind(4, totals.second)
                             .run();
                !r)
                return r;
            ++report.accountMetrics;
        }
    }
    return {};
}

} // namespace herald::engine
