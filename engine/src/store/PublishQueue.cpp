#include "herald/engine/store/PublishQueue.h"

#include "PublishSql.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

using publishsql::Arg;

constexpr const char* kTargetSelect =
    "SELECT t.id, t.post_id, t.account_id, CASE WHEN t.variant_text <> '' THEN t.variant_text ELSE p.body END, "
    "t.status, t.attempts, t.idempotency_key, COALESCE(p.scheduled_utc, 0), "
    "COALESCE(t.next_attempt_utc, p.scheduled_utc, 0), t.platform_scheduled, p.parent_post_id, "
    "COALESCE(pt.external_id, ''), pt.status "
    "FROM post_targets t JOIN posts p ON p.id = t.post_id "
    "LEFT JOIN post_targets pt ON pt.post_id = p.parent_post_id AND pt.account_id = t.account_id ";

Result<std::int64_t> postOfTarget(Database& db, std::int64_t targetId)
{
    auto stmt = db.prepare("SELECT post_id FROM post_targets WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, targetId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "post target " + std::to_string(targetId) + " does not exist");
    const std::int64_t postId = (*stmt)->int64(0);
    (*stmt)->reset();
    return postId;
}

// Updates one target and re-derives its post's status, in one transaction.
Result<void> updateTarget(Database& db, std::int64_t targetId, const std::string& set, std::vector<Arg> args,
                          std::int64_t nowUtc)
{
    return publishsql::inTransaction(db, [&]() -> Result<void> {
        auto postId = postOfTarget(db, targetId);
        if (!postId)
            return tl::unexpected(postId.error());
        args.insert(args.begin(), Arg{targetId});
        if (auto r = publishsql::run(db, "UPDATE post_targets SET " + set + " WHERE id = ?1", args); !r)
            return r;
        return publishsql::refreshPostStatus(db, *postId, nowUtc);
    });
}

} // namespace

Result<std::vector<DueTarget>> PublishQueue::select(const std::string& where, const std::vector<std::int64_t>& args)
{
    std::vector<Arg> bound(args.begin(), args.end());
    auto stmt = publishsql::prepare(m_db, kTargetSelect + where, bound);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    std::vector<DueTarget> out;
    while (true) {
        auto row = s.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        DueTarget t;
        t.targetId = s.int64(0);
        t.postId = s.int64(1);
        t.accountId = s.int64(2);
        t.text = s.text(3);
        t.status = postStatusFromKey(s.text(4)).value_or(PostStatus::Draft);
        t.attempts = static_cast<int>(s.int64(5));
        t.idempotencyKey = s.text(6);
        t.scheduledUtc = s.int64(7);
        t.dueUtc = s.int64(8);
        t.platformScheduled = s.int64(9) != 0;
        t.parentPostId = s.optionalInt64(10);
        t.replyToExternalId = s.text(11);
        if (!s.isNull(12))
            t.parentTargetStatus = postStatusFromKey(s.text(12));
        out.push_back(std::move(t));
    }
    return out;
}

Result<std::vector<DueTarget>> PublishQueue::due(std::int64_t nowUtc, int limit, std::int64_t platformLeadSeconds)
{
    // The first range is the due index's; the second adds the few targets the platform will hold.
    return select("WHERE t.status = 'scheduled' AND p.status IN ('scheduled', 'publishing') AND "
                  "(t.next_attempt_utc <= ?1 OR (t.platform_scheduled = 1 AND t.attempts = 0 AND "
                  "t.next_attempt_utc <= ?1 + ?3)) ORDER BY t.next_attempt_utc, p.id, t.id LIMIT ?2",
                  {nowUtc, limit, platformLeadSeconds});
}

Result<std::vector<DueTarget>> PublishQueue::inFlight()
{
    return select("WHERE t.status = 'publishing' ORDER BY t.id", {});
}

Result<std::vector<DueTarget>> PublishQueue::upcoming(std::int64_t fromUtc, std::int64_t toUtc)
{
    return select("WHERE t.status = 'scheduled' AND p.scheduled_utc BETWEEN ?1 AND ?2 ORDER BY p.scheduled_utc, t.id",
                  {fromUtc, toUtc});
}

Result<std::optional<DueTarget>> PublishQueue::target(std::int64_t targetId)
{
    auto rows = select("WHERE t.id = ?1", {targetId});
    if (!rows)
        return tl::unexpected(rows.error());
    if (rows->empty())
        return std::optional<DueTarget>();
    return std::optional<DueTarget>(std::move(rows->front()));
}

Result<std::optional<std::string>> PublishQueue::claim(std::int64_t targetId, const std::string& newKey,
                                                       std::int64_t nowUtc)
{
    std::optional<std::string> key;
    auto done = publishsql::inTransaction(m_db, [&]() -> Result<void> {
        if (auto r = publishsql::run(m_db,
                                     "UPDATE post_targets SET status = 'publishing', attempts = attempts + 1, "
                                     "idempotency_key = CASE WHEN idempotency_key = '' THEN ?2 ELSE idempotency_key "
                                     "END WHERE id = ?1 AND status = 'scheduled'",
                                     {targetId, newKey});
            !r)
            return r;
        if (m_db.changes() != 1)
            return {};
        auto stmt = m_db.prepare("SELECT idempotency_key, post_id FROM post_targets WHERE id = ?1");
        if (!stmt)
            return tl::unexpected(stmt.error());
        (*stmt)->bind(1, targetId);
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        key = (*stmt)->text(0);
        const std::int64_t postId = (*stmt)->int64(1);
        (*stmt)->reset();
        return publishsql::refreshPostStatus(m_db, postId, nowUtc);
    });
    if (!done)
        return tl::unexpected(done.error());
    return key;
}

Result<void> PublishQueue::markPublished(std::int64_t targetId, const std::string& externalId,
                                         const std::string& permalink, std::int64_t publishedUtc)
{
    return updateTarget(m_db, targetId,
                        "status = 'published', external_id = NULLIF(?2, ''), permalink = ?3, published_utc = ?4, "
                        "last_error = '', next_attempt_utc = NULL, preflight_error = ''",
                        {externalId, permalink, publishedUtc}, publishedUtc);
}

Result<void> PublishQueue::markRetry(std::int64_t targetId, std::int64_t nextAttemptUtc, const std::string& error)
{
    return updateTarget(m_db, targetId, "status = 'scheduled', next_attempt_utc = ?2, last_error = ?3",
                        {nextAttemptUtc, error}, nextAttemptUtc);
}

Result<void> PublishQueue::markFailed(std::int64_t targetId, const std::string& error)
{
    auto postId = postOfTarget(m_db, targetId);
    if (!postId)
        return tl::unexpected(postId.error());
    // The post's updated time comes from its last edit; a failure does not count as one.
    auto updated = m_db.prepare("SELECT updated_utc FROM posts WHERE id = ?1");
    if (!updated)
        return tl::unexpected(updated.error());
    (*updated)->bind(1, *postId);
    auto row = (*updated)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t when = *row ? (*updated)->int64(0) : 0;
    (*updated)->reset();
    return updateTarget(m_db, targetId, "status = 'failed', next_attempt_utc = NULL, last_error = ?2", {error}, when);
}

Result<void> PublishQueue::setPreflight(std::int64_t targetId, const std::string& problem, std::int64_t checkedUtc)
{
    return publishsql::run(m_db, "UPDATE post_targets SET preflight_error = ?2, preflight_utc = ?3 WHERE id = ?1",
                           {targetId, problem, checkedUtc});
}

Result<void> PublishQueue::refreshPostStatus(std::int64_t postId, std::int64_t nowUtc)
{
    return publishsql::inTransaction(m_db, [&] { return publishsql::refreshPostStatus(m_db, postId, nowUtc); });
}

Result<void> PublishQueue::setPlatformScheduled(std::int64_t targetId, bool platformScheduled)
{
    return publishsql::run(m_db, "UPDATE post_targets SET platform_scheduled = ?2 WHERE id = ?1",
                           {targetId, std::int64_t{platformScheduled ? 1 : 0}});
}

Result<std::int64_t> PublishQueue::beginRun(const std::string& source, std::int64_t startedUtc)
{
    if (auto r = publishsql::run(m_db, "INSERT INTO publisher_runs(source, started_utc) VALUES (?1, ?2)",
                                 {source, startedUtc});
        !r)
        return tl::unexpected(r.error());
    return m_db.lastInsertRowId();
}

Result<void> PublishQueue::finishRun(std::int64_t runId, std::int64_t finishedUtc, int published, int failed,
                                     const std::string& detail)
{
    return publishsql::run(m_db,
                           "UPDATE publisher_runs SET finished_utc = ?2, published = ?3, failed = ?4, detail = ?5 "
                           "WHERE id = ?1",
                           {runId, finishedUtc, std::int64_t{published}, std::int64_t{failed}, detail});
}

Result<std::optional<PublisherRun>> PublishQueue::lastRun()
{
    auto stmt = m_db.prepare("SELECT id, source, started_utc, finished_utc, published, failed, detail "
                             "FROM publisher_runs ORDER BY started_utc DESC, id DESC LIMIT 1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<PublisherRun>();
    const auto& s = **stmt;
    PublisherRun run{s.int64(0),
                     s.text(1),
                     s.int64(2),
                     s.optionalInt64(3),
                     static_cast<int>(s.int64(4)),
                     static_cast<int>(s.int64(5)),
                     s.text(6)};
    (*stmt)->reset();
    return std::optional<PublisherRun>(std::move(run));
}

} // namespace herald::engine
