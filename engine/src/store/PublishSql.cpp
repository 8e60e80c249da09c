#include "PublishSql.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine::publishsql {

Result<Statement*> prepare(Database& db, const std::string& sql, const std::vector<Arg>& args)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (const auto* n = std::get_if<std::int64_t>(&args[i]))
            (*stmt)->bind(index, *n);
        else
            (*stmt)->bind(index, std::get<std::string>(args[i]));
    }
    return stmt;
}

Result<void> run(Database& db, const std::string& sql, const std::vector<Arg>& args)
{
    auto stmt = prepare(db, sql, args);
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->run();
}

Result<std::int64_t> scalar(Database& db, const std::string& sql, const std::vector<Arg>& args)
{
    auto stmt = prepare(db, sql, args);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t value = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return value;
}

Result<std::vector<std::int64_t>> column(Database& db, const std::string& sql, const std::vector<Arg>& args)
{
    auto stmt = prepare(db, sql, args);
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->collect([](const Statement& s) { return s.int64(0); });
}

std::string placeholders(std::vector<Arg>& args, const std::vector<std::int64_t>& values)
{
    std::string out;
    for (const auto v : values) {
        args.emplace_back(v);
        out += (out.empty() ? "?" : ", ?") + std::to_string(args.size());
    }
    return out;
}

std::string placeholders(std::vector<Arg>& args, const std::vector<std::string>& values)
{
    std::string out;
    for (const auto& v : values) {
        args.emplace_back(v);
        out += (out.empty() ? "?" : ", ?") + std::to_string(args.size());
    }
    return out;
}

Result<std::string> postStatus(Database& db, std::int64_t postId)
{
    auto stmt = db.prepare("SELECT status FROM posts WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, postId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "post " + std::to_string(postId) + " does not exist");
    std::string status = (*stmt)->text(0);
    (*stmt)->reset();
    return status;
}

Result<std::vector<std::int64_t>> followUpsOf(Database& db, std::int64_t postId, bool sameTimeAs)
{
    std::string sql = "WITH RECURSIVE below(id) AS (SELECT id FROM posts WHERE parent_post_id = ?1 "
                      "UNION ALL SELECT p.id FROM posts p JOIN below b ON p.parent_post_id = b.id) "
                      "SELECT p.id FROM posts p JOIN below b ON b.id = p.id";
    if (sameTimeAs)
        sql += " WHERE p.status NOT IN ('published', 'publishing') "
               "AND p.scheduled_utc IS (SELECT scheduled_utc FROM posts WHERE id = ?1)";
    return column(db, sql + " ORDER BY p.id", {postId});
}

Result<std::string> editableStatus(Database& db, std::int64_t postId, const char* what)
{
    auto status = postStatus(db, postId);
    if (!status)
        return status;
    if (*status == "published" || *status == "publishing")
        return fail(ErrorCode::Invalid,
                    std::string("cannot ") + what + " post " + std::to_string(postId) + ": it is " + *status);
    return status;
}

Result<void> refreshPostStatus(Database& db, std::int64_t postId, std::int64_t nowUtc)
{
    auto stmt = db.prepare("SELECT status, COUNT(*) FROM post_targets WHERE post_id = ?1 GROUP BY status");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, postId);
    std::int64_t total = 0, draft = 0, scheduled = 0, publishing = 0, published = 0, failed = 0, cancelled = 0;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::string status = (*stmt)->text(0);
        const std::int64_t n = (*stmt)->int64(1);
        total += n;
        if (status == "draft")
            draft = n;
        else if (status == "scheduled")
            scheduled = n;
        else if (status == "publishing")
            publishing = n;
        else if (status == "published")
            published = n;
        else if (status == "failed")
            failed = n;
        else if (status == "cancelled")
            cancelled = n;
    }
    if (total == 0)
        return {};
    std::string status;
    if (publishing > 0)
        status = "publishing";
    else if (scheduled > 0)
        status = "scheduled";
    else if (failed > 0)
        status = "failed";
    else if (published > 0 && draft == 0)
        status = "published";
    else if (draft > 0)
        status = "draft";
    else
        status = cancelled == total ? "cancelled" : "published";
    return run(db, "UPDATE posts SET status = ?2, updated_utc = ?3 WHERE id = ?1 AND status <> ?2",
               {postId, status, nowUtc});
}

Result<std::int64_t> copyPost(Database& db, std::int64_t sourceId, const std::optional<Schedule>& at, bool scheduled,
                              std::optional<std::int64_t> onlyAccount, std::int64_t nowUtc)
{
    const std::string status = at && scheduled ? "scheduled" : "draft";
    std::vector<Arg> args{sourceId, status, nowUtc};
    std::string schedule = "local_time, time_zone, scheduled_utc";
    if (at) {
        args.emplace_back(at->localTime);
        args.emplace_back(at->timeZone);
        args.emplace_back(at->utc);
        schedule = "?4, ?5, ?6";
    }
    auto inserted = run(db,
                        "INSERT INTO posts(title, body, campaign_id, parent_post_id, status, local_time, time_zone, "
                        "scheduled_utc, created_utc, updated_utc, evergreen_gap_days) "
                        "SELECT title, body, campaign_id, NULL, ?2, " +
                            schedule + ", ?3, ?3, evergreen_gap_days FROM posts WHERE id = ?1",
                        args);
    if (!inserted)
        return tl::unexpected(inserted.error());
    if (db.changes() != 1)
        return fail(ErrorCode::NotFound, "post " + std::to_string(sourceId) + " does not exist");
    const std::int64_t id = db.lastInsertRowId();

    std::vector<Arg> targetArgs{sourceId, id, status};
    std::string targetSql = "INSERT INTO post_targets(post_id, account_id, variant_text, status, next_attempt_utc) "
                            "SELECT ?2, account_id, variant_text, ?3, (SELECT scheduled_utc FROM posts WHERE id = ?2) "
                            "FROM post_targets WHERE post_id = ?1";
    if (onlyAccount) {
        targetArgs.emplace_back(*onlyAccount);
        targetSql += " AND account_id = ?4";
    }
    if (auto r = run(db, targetSql + " ORDER BY id", targetArgs); !r)
        return tl::unexpected(r.error());
    if (auto r = run(db, "INSERT INTO post_tags(post_id, tag_id) SELECT ?2, tag_id FROM post_tags WHERE post_id = ?1",
                     {sourceId, id});
        !r)
        return tl::unexpected(r.error());
    if (auto r = run(db,
                     "INSERT INTO media(post_id, position, path, mime, alt_text, sha256, size_bytes) "
                     "SELECT ?2, position, path, mime, alt_text, sha256, size_bytes FROM media WHERE post_id = ?1 "
                     "ORDER BY position",
                     {sourceId, id});
        !r)
        return tl::unexpected(r.error());
    return id;
}

} // namespace herald::engine::publishsql
