#include "herald/engine/store/SyncStateRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

SyncState readState(const Statement& s)
{
    SyncState st;
    st.accountId = s.int64(0);
    st.resource = s.text(1);
    st.cursor = s.text(2);
    st.lastSyncUtc = s.optionalInt64(3);
    st.lastError = s.text(4);
    st.items = s.int64(5);
    return st;
}

constexpr const char* kSelectState =
    "SELECT account_id, resource, cursor, last_sync_utc, last_error, items FROM sync_state";

} // namespace

Result<SyncState> SyncStateRepository::state(std::int64_t accountId, const std::string& resource)
{
    auto stmt = m_db.prepare(std::string(kSelectState) + " WHERE account_id = ?1 AND resource = ?2");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId).bind(2, resource);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    SyncState out;
    if (*row) {
        out = readState(**stmt);
    } else {
        out.accountId = accountId;
        out.resource = resource;
    }
    (*stmt)->reset();
    return out;
}

Result<std::vector<SyncState>> SyncStateRepository::states(std::int64_t accountId)
{
    auto stmt = m_db.prepare(std::string(kSelectState) + " WHERE account_id = ?1 ORDER BY resource");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId);
    std::vector<SyncState> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back(readState(**stmt));
    }
    (*stmt)->reset();
    return out;
}

Result<void> SyncStateRepository::save(const SyncState& st)
{
    auto stmt = m_db.prepare("INSERT INTO sync_state(account_id, resource, cursor, last_sync_utc, last_error, items) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(account_id, resource) DO UPDATE SET "
                             "cursor = excluded.cursor, last_sync_utc = excluded.last_sync_utc, "
                             "last_error = excluded.last_error, items = excluded.items");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, st.accountId).bind(2, st.resource).bind(3, st.cursor).bind(4, st.lastSyncUtc);
    s.bind(5, st.lastError).bind(6, st.items);
    return s.run();
}

Result<void> SyncStateRepository::setError(std::int64_t accountId, const std::string& resource,
                                           const std::string& error)
{
    auto stmt = m_db.prepare("INSERT INTO sync_state(account_id, resource, last_error) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT(account_id, resource) DO UPDATE SET last_error = excluded.last_error");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, accountId).bind(2, resource).bind(3, error).run();
}

Result<void> SyncStateRepository::setAccountError(std::int64_t accountId, const std::string& error)
{
    auto stmt = m_db.prepare("UPDATE accounts SET last_error = ?2 WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, accountId).bind(2, error).run();
}

Result<void> SyncStateRepository::setRateLimitedUntil(std::int64_t accountId, std::optional<std::int64_t> utc)
{
    auto stmt = m_db.prepare("UPDATE accounts SET rate_limited_until_utc = ?2 WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, accountId).bind(2, utc).run();
}

Result<std::vector<AccountSyncStatus>> SyncStateRepository::accountStatuses()
{
    // Without an account-wide error, the resources' own (e.g. a followers list the API tier refuses).
    auto stmt = m_db.prepare("SELECT a.id, COALESCE(NULLIF(a.last_error, ''), (SELECT group_concat(s.resource || ': ' "
                             "|| s.last_error, '; ') FROM sync_state s WHERE s.account_id = a.id AND "
                             "s.last_error <> ''), ''), a.rate_limited_until_utc, "
                             "(SELECT MAX(s.last_sync_utc) FROM sync_state s WHERE s.account_id = a.id) "
                             "FROM accounts a ORDER BY a.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<AccountSyncStatus> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const auto& s = **stmt;
        out.push_back({s.int64(0), s.text(1), s.optionalInt64(2), s.optionalInt64(3)});
    }
    (*stmt)->reset();
    return out;
}

Result<std::optional<std::int64_t>> SyncStateRepository::targetByExternalId(std::int64_t accountId,
                                                                            const std::string& externalId)
{
    auto stmt = m_db.prepare("SELECT id FROM post_targets WHERE account_id = ?1 AND external_id = ?2");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId).bind(2, externalId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    std::optional<std::int64_t> id;
    if (*row)
        id = (*stmt)->int64(0);
    (*stmt)->reset();
    return id;
}

Result<SyncedPost> SyncStateRepository::upsertPublishedPost(std::int64_t accountId, const std::string& externalId,
                                                            const std::string& permalink, const std::string& text,
                                                            std::int64_t publishedUtc)
{
    if (externalId.empty())
        return fail(ErrorCode::Invalid, "a synced post needs the platform's id");
    auto existing = targetByExternalId(accountId, externalId);
    if (!existing)
        return tl::unexpected(existing.error());
    if (*existing) {
        // A post published from Herald keeps its own text; only the platform's facts are refreshed.
        auto upd = m_db.prepare("UPDATE post_targets SET permalink = ?2, status = 'published', "
                                "published_utc = COALESCE(published_utc, ?3) WHERE id = ?1");
        if (!upd)
            return tl::unexpected(upd.error());
        if (auto r = (*upd)->bind(1, **existing).bind(2, permalink).bind(3, publishedUtc).run(); !r)
            return tl::unexpected(r.error());
        return SyncedPost{**existing, false};
    }
    auto post =
        // A post that came from the platform went out at its publication time: the calendar shows it there.
        m_db.prepare("INSERT INTO posts(body, status, scheduled_utc, created_utc, updated_utc) "
                     "VALUES (?1, 'published', ?2, ?2, ?2)");
    if (!post)
        return tl::unexpected(post.error());
    if (auto r = (*post)->bind(1, text).bind(2, publishedUtc).run(); !r)
        return tl::unexpected(r.error());
    const std::int64_t postId = m_db.lastInsertRowId();
    auto target = m_db.prepare("INSERT INTO post_targets(post_id, account_id, status, attempts, external_id, "
                               "permalink, published_utc) VALUES (?1, ?2, 'published', 0, ?3, ?4, ?5)");
    if (!target)
        return tl::unexpected(target.error());
    auto& t = **target;
    t.bind(1, postId).bind(2, accountId).bind(3, externalId).bind(4, permalink).bind(5, publishedUtc);
    if (auto r = t.run(); !r)
        return tl::unexpected(r.error());
    return SyncedPost{m_db.lastInsertRowId(), true};
}

Result<bool> SyncStateRepository::addPostMetricSnapshot(const PostMetricSample& m)
{
    auto latest = m_db.prepare("SELECT value FROM post_metrics WHERE target_id = ?1 AND metric = ?2 "
                               "ORDER BY ts_utc DESC LIMIT 1");
    if (!latest)
        return tl::unexpected(latest.error());
    (*latest)->bind(1, m.targetId).bind(2, m.metric);
    auto row = (*latest)->step();
    if (!row)
        return tl::unexpected(row.error());
    const bool same = *row && (*latest)->real(0) == m.value;
    (*latest)->reset();
    if (same)
        return false;
    auto ins = m_db.prepare("INSERT INTO post_metrics(target_id, metric, ts_utc, value) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT(target_id, metric, ts_utc) DO UPDATE SET value = excluded.value");
    if (!ins)
        return tl::unexpected(ins.error());
    if (auto r = (*ins)->bind(1, m.targetId).bind(2, m.metric).bind(3, m.timestampUtc).bind(4, m.value).run(); !r)
        return tl::unexpected(r.error());
    return true;
}

Result<std::vector<std::pair<std::int64_t, std::string>>>
SyncStateRepository::publishedTargets(std::int64_t accountId, std::int64_t sinceUtc, std::int64_t afterTargetId,
                                      int limit)
{
    auto stmt = m_db.prepare("SELECT id, external_id FROM post_targets WHERE account_id = ?1 AND status = 'published' "
                             "AND external_id IS NOT NULL AND published_utc >= ?2 AND id > ?3 ORDER BY id LIMIT ?4");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId).bind(2, sinceUtc).bind(3, afterTargetId).bind(4, limit);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.emplace_back((*stmt)->int64(0), (*stmt)->text(1));
    }
    (*stmt)->reset();
    return out;
}

Result<bool> SyncStateRepository::commentExists(std::int64_t accountId, const std::string& externalId)
{
    auto stmt = m_db.prepare("SELECT 1 FROM comments WHERE account_id = ?1 AND external_id = ?2");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId).bind(2, externalId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    const bool found = *row;
    (*stmt)->reset();
    return found;
}

Result<bool> SyncStateRepository::upsertFollower(const AudienceMember& m)
{
    if (m.externalId.empty())
        return fail(ErrorCode::Invalid, "a follower needs the platform's id");
    auto find = m_db.prepare("SELECT 1 FROM audience_members WHERE account_id = ?1 AND external_id = ?2");
    if (!find)
        return tl::unexpected(find.error());
    (*find)->bind(1, m.accountId).bind(2, m.externalId);
    auto found = (*find)->step();
    if (!found)
        return tl::unexpected(found.error());
    const bool existed = *found;
    (*find)->reset();
    auto stmt = m_db.prepare(
        "INSERT INTO audience_members(account_id, external_id, handle, display_name, language, follower_since_utc, "
        "follower_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(account_id, external_id) DO UPDATE SET "
        "handle = excluded.handle, display_name = excluded.display_name, follower_count = excluded.follower_count, "
        "follower_since_utc = COALESCE(audience_members.follower_since_utc, excluded.follower_since_utc)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, m.accountId).bind(2, m.externalId).bind(3, m.handle).bind(4, m.displayName).bind(5, m.language);
    s.bind(6, m.followerSinceUtc).bind(7, m.followerCount);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    return !existed;
}

} // namespace herald::engine
