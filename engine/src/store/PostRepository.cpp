#include "herald/engine/store/PostRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::int64_t> PostRepository::insert(Post& post)
{
    if (post.status == PostStatus::Scheduled && (!post.scheduledUtc || post.localTime.empty() || post.timeZone.empty()))
        return fail(ErrorCode::Invalid, "a scheduled post needs its local time, zone and UTC instant");
    auto stmt = m_db.prepare("INSERT INTO posts(title, body, campaign_id, parent_post_id, status, local_time, time_zone, "
                             "scheduled_utc, created_utc, updated_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, post.title).bind(2, post.body).bind(3, post.campaignId).bind(4, post.parentPostId);
    s.bind(5, postStatusKey(post.status)).bind(6, post.localTime).bind(7, post.timeZone).bind(8, post.scheduledUtc);
    s.bind(9, post.createdUtc).bind(10, post.updatedUtc);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    post.id = m_db.lastInsertRowId();

    for (auto& target : post.targets) {
        target.postId = post.id;
        if (auto r = insertTarget(target); !r)
            return tl::unexpected(r.error());
    }
    for (const auto& tag : post.tags) {
        auto id = tagId(tag);
        if (!id)
            return tl::unexpected(id.error());
        auto link = m_db.prepare("INSERT OR IGNORE INTO post_tags(post_id, tag_id) VALUES (?1, ?2)");
        if (!link)
            return tl::unexpected(link.error());
        if (auto r = (*link)->bind(1, post.id).bind(2, *id).run(); !r)
            return tl::unexpected(r.error());
    }
    return post.id;
}

Result<void> PostRepository::insertTarget(PostTarget& t)
{
    auto stmt = m_db.prepare("INSERT INTO post_targets(post_id, account_id, variant_text, status, attempts, "
                             "next_attempt_utc, external_id, permalink, published_utc, last_error, idempotency_key) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, t.postId).bind(2, t.accountId).bind(3, t.variantText).bind(4, postStatusKey(t.status));
    s.bind(5, t.attempts).bind(6, t.nextAttemptUtc).bindTextOrNull(7, t.externalId).bind(8, t.permalink);
    s.bind(9, t.publishedUtc).bind(10, t.lastError).bind(11, t.idempotencyKey);
    if (auto r = s.run(); !r)
        return r;
    t.id = m_db.lastInsertRowId();
    return {};
}

Result<std::int64_t> PostRepository::tagId(std::string_view name)
{
    if (name.empty())
        return fail(ErrorCode::Invalid, "a tag needs a name");
    auto ins = m_db.prepare("INSERT OR IGNORE INTO tags(name) VALUES (?1)");
    if (!ins)
        return tl::unexpected(ins.error());
    if (auto r = (*ins)->bind(1, name).run(); !r)
        return tl::unexpected(r.error());
    auto sel = m_db.prepare("SELECT id FROM tags WHERE name = ?1");
    if (!sel)
        return tl::unexpected(sel.error());
    (*sel)->bind(1, name);
    auto row = (*sel)->step();
    if (!row)
        return tl::unexpected(row.error());
    std::int64_t id = *row ? (*sel)->int64(0) : 0;
    (*sel)->reset();
    if (!id)
        return fail(ErrorCode::Storage, "tag \"" + std::string(name) + "\" vanished after insert");
    return id;
}

Result<std::optional<Post>> PostRepository::find(std::int64_t id)
{
    auto stmt = m_db.prepare("SELECT id, title, body, campaign_id, parent_post_id, status, local_time, time_zone, "
                             "scheduled_utc, created_utc, updated_utc FROM posts WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, id);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row) {
        (*stmt)->reset();
        return std::optional<Post>();
    }
    const auto& s = **stmt;
    Post p;
    p.id = s.int64(0);
    p.title = s.text(1);
    p.body = s.text(2);
    p.campaignId = s.optionalInt64(3);
    p.parentPostId = s.optionalInt64(4);
    p.status = postStatusFromKey(s.text(5)).value_or(PostStatus::Draft);
    p.localTime = s.text(6);
    p.timeZone = s.text(7);
    p.scheduledUtc = s.optionalInt64(8);
    p.createdUtc = s.int64(9);
    p.updatedUtc = s.int64(10);
    (*stmt)->reset();

    auto targets = m_db.prepare("SELECT id, post_id, account_id, variant_text, status, attempts, next_attempt_utc, "
                                "COALESCE(external_id, ''), permalink, published_utc, last_error, idempotency_key "
                                "FROM post_targets WHERE post_id = ?1 ORDER BY id");
    if (!targets)
        return tl::unexpected(targets.error());
    (*targets)->bind(1, id);
    while (true) {
        auto r = (*targets)->step();
        if (!r)
            return tl::unexpected(r.error());
        if (!*r)
            break;
        const auto& t = **targets;
        PostTarget pt;
        pt.id = t.int64(0);
        pt.postId = t.int64(1);
        pt.accountId = t.int64(2);
        pt.variantText = t.text(3);
        pt.status = postStatusFromKey(t.text(4)).value_or(PostStatus::Draft);
        pt.attempts = static_cast<int>(t.int64(5));
        pt.nextAttemptUtc = t.optionalInt64(6);
        pt.externalId = t.text(7);
        pt.permalink = t.text(8);
        pt.publishedUtc = t.optionalInt64(9);
        pt.lastError = t.text(10);
        pt.idempotencyKey = t.text(11);
        p.targets.push_back(std::move(pt));
    }
    (*targets)->reset();

    auto tags = m_db.prepare("SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id "
                             "WHERE pt.post_id = ?1 ORDER BY t.name");
    if (!tags)
        return tl::unexpected(tags.error());
    (*tags)->bind(1, id);
    while (true) {
        auto r = (*tags)->step();
        if (!r)
            return tl::unexpected(r.error());
        if (!*r)
            break;
        p.tags.push_back((*tags)->text(0));
    }
    (*tags)->reset();
    return std::optional<Post>(std::move(p));
}

} // namespace herald::engine
