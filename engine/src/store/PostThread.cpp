// PostEditor: threads (a post and its follow-ups, each replying to the one before).
#include "herald/engine/store/PostEditor.h"

#include "PublishSql.h"
#include "herald/engine/store/Database.h"

namespace herald::engine {

namespace {

using publishsql::Arg;

Result<std::optional<std::int64_t>> firstReply(Database& db, std::int64_t postId)
{
    auto ids = publishsql::column(db, "SELECT id FROM posts WHERE parent_post_id = ?1 ORDER BY id LIMIT 1", {postId});
    if (!ids)
        return tl::unexpected(ids.error());
    return ids->empty() ? std::nullopt : std::optional<std::int64_t>(ids->front());
}

Result<std::vector<std::int64_t>> chainBelow(Database& db, std::int64_t postId)
{
    std::vector<std::int64_t> ids;
    for (std::int64_t at = postId;;) {
        auto next = firstReply(db, at);
        if (!next)
            return tl::unexpected(next.error());
        if (!*next)
            return ids;
        ids.push_back(**next);
        at = **next;
    }
}

// Refuses to delete a tail of the thread holding anything already out (or on its way).
Result<void> deletableTail(Database& db, std::int64_t firstId)
{
    auto below = publishsql::followUpsOf(db, firstId);
    if (!below)
        return tl::unexpected(below.error());
    below->insert(below->begin(), firstId);
    std::vector<Arg> args;
    const std::string list = publishsql::placeholders(args, *below);
    auto out = publishsql::scalar(
        db, "SELECT COUNT(*) FROM post_targets WHERE status IN ('published', 'publishing') AND post_id IN (" + list + ")",
        args);
    if (!out)
        return tl::unexpected(out.error());
    if (*out > 0)
        return fail(ErrorCode::Invalid, "cannot remove post " + std::to_string(firstId) +
                                            " from its thread: it or a reply to it was already published");
    return {};
}

// Gives follow-up `id` the first post's targets (with `part`'s variants), tags and targets' state.
Result<void> alignFollowUp(Database& db, std::int64_t rootId, std::int64_t id, const std::vector<std::int64_t>& accounts,
                           const ThreadPart& part, const std::string& state, std::int64_t nowUtc)
{
    if (auto r = publishsql::run(db,
                                 "DELETE FROM post_targets WHERE post_id = ?1 AND account_id NOT IN "
                                 "(SELECT account_id FROM post_targets WHERE post_id = ?2)",
                                 {id, rootId});
        !r)
        return r;
    for (const auto accountId : accounts) {
        std::string text;
        for (const auto& [variantAccount, variant] : part.variants)
            if (variantAccount == accountId)
                text = variant;
        if (auto r = publishsql::run(
                db,
                "INSERT INTO post_targets(post_id, account_id, variant_text, status, next_attempt_utc) "
                "SELECT ?1, ?2, ?3, ?4, scheduled_utc FROM posts WHERE id = ?1 "
                "ON CONFLICT(post_id, account_id) DO UPDATE SET variant_text = excluded.variant_text, "
                "status = excluded.status, next_attempt_utc = excluded.next_attempt_utc, attempts = 0, "
                "last_error = '', preflight_error = '', preflight_utc = NULL",
                {id, accountId, text, state});
            !r)
            return r;
    }
    if (auto r = publishsql::run(db, "DELETE FROM post_tags WHERE post_id = ?1", {id}); !r)
        return r;
    if (auto r = publishsql::run(db,
                                 "INSERT INTO post_tags(post_id, tag_id) SELECT ?1, tag_id FROM post_tags "
                                 "WHERE post_id = ?2",
                                 {id, rootId});
        !r)
        return r;
    return publishsql::refreshPostStatus(db, id, nowUtc);
}

} // namespace

Result<std::vector<std::int64_t>> PostEditor::thread(std::int64_t postId)
{
    if (auto status = publishsql::postStatus(m_db, postId); !status)
        return tl::unexpected(status.error());
    return chainBelow(m_db, postId);
}

Result<std::vector<std::int64_t>> PostEditor::setThread(std::int64_t postId, const std::vector<ThreadPart>& parts,
                                                        std::int64_t nowUtc)
{
    return publishsql::inTransaction(m_db, [&]() -> Result<std::vector<std::int64_t>> {
        auto rootStatus = publishsql::editableStatus(m_db, postId, "change the thread of");
        if (!rootStatus)
            return tl::unexpected(rootStatus.error());
        const std::string state =
            *rootStatus == "draft" || *rootStatus == "cancelled" ? *rootStatus : std::string("scheduled");
        auto accounts =
            publishsql::column(m_db, "SELECT account_id FROM post_targets WHERE post_id = ?1 ORDER BY id", {postId});
        if (!accounts)
            return tl::unexpected(accounts.error());
        auto existing = chainBelow(m_db, postId);
        if (!existing)
            return tl::unexpected(existing.error());
        if (existing->size() > parts.size()) {
            const std::int64_t firstGone = (*existing)[parts.size()];
            if (auto r = deletableTail(m_db, firstGone); !r)
                return tl::unexpected(r.error());
            // Deleting the first removes the rest of the tail (parent_post_id cascades).
            if (auto r = publishsql::run(m_db, "DELETE FROM posts WHERE id = ?1", {firstGone}); !r)
                return tl::unexpected(r.error());
            existing->resize(parts.size());
        }

        std::vector<std::int64_t> ids;
        std::int64_t parent = postId;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto& part = parts[i];
            std::int64_t id = 0;
            if (i < existing->size()) {
                id = (*existing)[i];
                if (auto status = publishsql::editableStatus(m_db, id, "rewrite"); !status)
                    return tl::unexpected(status.error());
                if (auto r = publishsql::run(m_db,
                                             "UPDATE posts SET title = ?2, body = ?3, updated_utc = ?4, "
                                             "(campaign_id, local_time, time_zone, scheduled_utc) = "
                                             "(SELECT campaign_id, local_time, time_zone, scheduled_utc FROM posts "
                                             "WHERE id = ?5) WHERE id = ?1",
                                             {id, part.title, part.body, nowUtc, postId});
                    !r)
                    return tl::unexpected(r.error());
            } else {
                if (auto r = publishsql::run(
                        m_db,
                        "INSERT INTO posts(title, body, campaign_id, parent_post_id, status, local_time, time_zone, "
                        "scheduled_utc, created_utc, updated_utc) "
                        "SELECT ?2, ?3, campaign_id, ?4, ?5, local_time, time_zone, scheduled_utc, ?6, ?6 "
                        "FROM posts WHERE id = ?1",
                        {postId, part.title, part.body, parent, state, nowUtc});
                    !r)
                    return tl::unexpected(r.error());
                id = m_db.lastInsertRowId();
            }
            if (auto r = alignFollowUp(m_db, postId, id, *accounts, part, state, nowUtc); !r)
                return tl::unexpected(r.error());
            ids.push_back(id);
            parent = id;
        }
        return ids;
    });
}

} // namespace herald::engine
