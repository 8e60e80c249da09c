#include "herald/engine/store/CalendarQuery.h"

#include "PublishSql.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

using publishsql::Arg;

// One row per target (or one row for a post without targets); tags folded into one column.
constexpr const char* kSelect =
    "SELECT p.id, p.title, p.body, p.status, p.local_time, p.time_zone, p.scheduled_utc, p.parent_post_id, "
    "p.campaign_id, COALESCE(c.name, ''), COALESCE(c.colour, ''), p.evergreen, p.repeat_every, p.repeat_unit, "
    "(SELECT group_concat(name, char(31)) FROM (SELECT tg.name FROM post_tags ptg JOIN tags tg ON tg.id = ptg.tag_id "
    "WHERE ptg.post_id = p.id ORDER BY tg.name)), "
    "t.id, t.account_id, a.platform, a.handle, t.status, t.permalink, t.last_error, t.preflight_error "
    "FROM posts p LEFT JOIN campaigns c ON c.id = p.campaign_id "
    "LEFT JOIN post_targets t ON t.post_id = p.id LEFT JOIN accounts a ON a.id = t.account_id ";

std::string filterSql(const CalendarFilter& filter, std::vector<Arg>& args)
{
    std::string sql;
    if (!filter.accountIds.empty())
        sql += " AND EXISTS (SELECT 1 FROM post_targets ft WHERE ft.post_id = p.id AND ft.account_id IN (" +
               publishsql::placeholders(args, filter.accountIds) + "))";
    if (!filter.campaignIds.empty())
        sql += " AND p.campaign_id IN (" + publishsql::placeholders(args, filter.campaignIds) + ")";
    if (!filter.statuses.empty()) {
        std::vector<std::string> keys;
        for (const auto s : filter.statuses)
            keys.emplace_back(postStatusKey(s));
        sql += " AND p.status IN (" + publishsql::placeholders(args, keys) + ")";
    }
    if (!filter.tags.empty())
        sql += " AND EXISTS (SELECT 1 FROM post_tags fpt JOIN tags ftg ON ftg.id = fpt.tag_id WHERE fpt.post_id = p.id "
               "AND ftg.name IN (" +
               publishsql::placeholders(args, filter.tags) + "))";
    return sql;
}

std::vector<std::string> splitTags(const std::string& joined)
{
    std::vector<std::string> tags;
    if (joined.empty())
        return tags;
    std::size_t start = 0;
    while (true) {
        const auto end = joined.find('\x1f', start);
        tags.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return tags;
}

Result<std::vector<CalendarEntry>> query(Database& db, const std::string& where, const std::vector<Arg>& args)
{
    auto stmt = publishsql::prepare(db, kSelect + where, args);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    std::vector<CalendarEntry> out;
    while (true) {
        auto row = s.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::int64_t postId = s.int64(0);
        if (out.empty() || out.back().postId != postId) {
            CalendarEntry e;
            e.postId = postId;
            e.title = s.text(1);
            e.body = s.text(2);
            e.status = postStatusFromKey(s.text(3)).value_or(PostStatus::Draft);
            e.localTime = s.text(4);
            e.timeZone = s.text(5);
            e.scheduledUtc = s.optionalInt64(6);
            e.parentPostId = s.optionalInt64(7);
            e.campaignId = s.optionalInt64(8);
            e.campaignName = s.text(9);
            e.campaignColour = s.text(10);
            e.evergreen = s.int64(11) != 0;
            e.repeatEvery = static_cast<int>(s.int64(12));
            e.repeatUnit = s.text(13);
            e.tags = splitTags(s.text(14));
            out.push_back(std::move(e));
        }
        if (s.isNull(15))
            continue;
        CalendarTarget t;
        t.targetId = s.int64(15);
        t.accountId = s.int64(16);
        t.platform = platformFromKey(s.text(17)).value_or(Platform::Mastodon);
        t.accountHandle = s.text(18);
        t.status = postStatusFromKey(s.text(19)).value_or(PostStatus::Draft);
        t.permalink = s.text(20);
        t.lastError = s.text(21);
        t.preflightError = s.text(22);
        out.back().targets.push_back(std::move(t));
    }
    return out;
}

} // namespace

Result<std::vector<CalendarEntry>> CalendarQuery::between(std::int64_t fromUtc, std::int64_t toUtc,
                                                          const CalendarFilter& filter)
{
    std::vector<Arg> args{fromUtc, toUtc};
    const std::string where = "WHERE p.scheduled_utc >= ?1 AND p.scheduled_utc < ?2" + filterSql(filter, args) +
                              " ORDER BY p.scheduled_utc, p.id, t.id";
    return query(m_db, where, args);
}

Result<std::vector<CalendarEntry>> CalendarQuery::unscheduled(const CalendarFilter& filter, int limit)
{
    std::vector<Arg> args{std::int64_t{limit}};
    // The limit applies to posts, not to target rows.
    const std::string where = "WHERE p.id IN (SELECT p.id FROM posts p WHERE p.scheduled_utc IS NULL" +
                              filterSql(filter, args) + " ORDER BY p.id DESC LIMIT ?1) ORDER BY p.id DESC, t.id";
    return query(m_db, where, args);
}

Result<std::optional<CalendarEntry>> CalendarQuery::entry(std::int64_t postId)
{
    auto rows = query(m_db, "WHERE p.id = ?1 ORDER BY t.id", {postId});
    if (!rows)
        return tl::unexpected(rows.error());
    if (rows->empty())
        return std::optional<CalendarEntry>();
    return std::optional<CalendarEntry>(std::move(rows->front()));
}

} // namespace herald::engine
