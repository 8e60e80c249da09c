#include "herald/engine/store/PostEditor.h"

#include <set>

#include "PublishSql.h"
#include "herald/engine/ZoneConverter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

using publishsql::Arg;
using publishsql::editableStatus;
using publishsql::inTransaction;

Result<void> insertMedia(Database& db, std::int64_t postId, const std::vector<Media>& media)
{
    int position = 0;
    for (const auto& m : media) {
        if (m.path.empty() || m.sha256.empty())
            return fail(ErrorCode::Invalid, "a media file needs its path and hash");
        if (auto r =
                publishsql::run(db,
                                "INSERT INTO media(post_id, position, path, mime, alt_text, sha256, size_bytes) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                {postId, std::int64_t{position++}, m.path, m.mime, m.altText, m.sha256, m.sizeBytes});
            !r)
            return r;
    }
    return {};
}

Result<void> setTags(Database& db, std::int64_t postId, const std::vector<std::string>& tags)
{
    if (auto r = publishsql::run(db, "DELETE FROM post_tags WHERE post_id = ?1", {postId}); !r)
        return r;
    PostRepository posts(db);
    for (const auto& tag : tags) {
        auto id = posts.tagId(tag);
        if (!id)
            return tl::unexpected(id.error());
        if (auto r =
                publishsql::run(db, "INSERT OR IGNORE INTO post_tags(post_id, tag_id) VALUES (?1, ?2)", {postId, *id});
            !r)
            return r;
    }
    return {};
}

} // namespace

namespace {

// One post's rows (inside the caller's transaction); targets of a scheduled post are due at its instant.
Result<std::int64_t> insertPost(Database& db, Post& post, const std::vector<Media>& media)
{
    const bool scheduled = post.status == PostStatus::Scheduled;
    for (auto& t : post.targets) {
        t.status = scheduled ? PostStatus::Scheduled : PostStatus::Draft;
        t.nextAttemptUtc = post.scheduledUtc;
    }
    auto id = PostRepository(db).insert(post);
    if (!id)
        return id;
    if (auto r = insertMedia(db, *id, media); !r)
        return tl::unexpected(r.error());
    return id;
}

// The post's stored time; nullopt when it has no instant.
Result<std::optional<Schedule>> storedSchedule(Database& db, std::int64_t postId)
{
    auto stmt = db.prepare("SELECT local_time, time_zone, scheduled_utc FROM posts WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, postId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    std::optional<Schedule> stored;
    if (*row && !(*stmt)->isNull(2))
        stored = Schedule{(*stmt)->text(0), (*stmt)->text(1), (*stmt)->int64(2)};
    (*stmt)->reset();
    return stored;
}

// One post to `when` (inside the caller's transaction): a draft keeps its targets drafts, anything
// else becomes due at the new instant with its attempts reset.
Result<void> moveTo(Database& db, std::int64_t postId, bool draft, const Schedule& when, std::int64_t nowUtc)
{
    if (auto r = publishsql::run(db,
                                 "UPDATE posts SET local_time = ?2, time_zone = ?3, scheduled_utc = ?4, "
                                 "updated_utc = ?5 WHERE id = ?1",
                                 {postId, when.localTime, when.timeZone, when.utc, nowUtc});
        !r)
        return r;
    const std::string targets =
        draft ? "UPDATE post_targets SET next_attempt_utc = ?2 WHERE post_id = ?1 AND status = 'draft'"
              : "UPDATE post_targets SET status = 'scheduled', next_attempt_utc = ?2, attempts = 0, last_error = '', "
                "preflight_error = '', preflight_utc = NULL WHERE post_id = ?1 AND status IN ('scheduled', "
                "'failed', 'cancelled', 'draft')";
    if (auto r = publishsql::run(db, targets, {postId, when.utc}); !r)
        return r;
    return publishsql::refreshPostStatus(db, postId, nowUtc);
}

// The post and the follow-ups that travel with it (see publishsql::followUpsOf).
Result<std::vector<std::int64_t>> withFollowUps(Database& db, std::int64_t postId, bool sameTime)
{
    auto ids = publishsql::followUpsOf(db, postId, sameTime);
    if (ids)
        ids->insert(ids->begin(), postId);
    return ids;
}

} // namespace

Result<std::int64_t> PostEditor::create(Post& post, const std::vector<Media>& media)
{
    return inTransaction(m_db, [&]() -> Result<std::int64_t> { return insertPost(m_db, post, media); });
}

Result<std::vector<std::int64_t>> PostEditor::createMany(std::vector<Post>& posts,
                                                         const std::vector<std::vector<Media>>& media)
{
    if (!media.empty() && media.size() != posts.size())
        return fail(ErrorCode::Invalid, "createMany needs one media list per post");
    return inTransaction(m_db, [&]() -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> ids;
        ids.reserve(posts.size());
        for (std::size_t i = 0; i < posts.size(); ++i) {
            auto id = insertPost(m_db, posts[i], media.empty() ? std::vector<Media>{} : media[i]);
            if (!id)
                return tl::unexpected(id.error());
            ids.push_back(*id);
        }
        return ids;
    });
}

Result<std::vector<std::int64_t>> PostEditor::createThread(std::vector<Post>& posts,
                                                           const std::vector<std::vector<Media>>& media)
{
    if (!media.empty() && media.size() != posts.size())
        return fail(ErrorCode::Invalid, "createThread needs one media list per post");
    return inTransaction(m_db, [&]() -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> ids;
        for (std::size_t i = 0; i < posts.size(); ++i) {
            if (i > 0)
                posts[i].parentPostId = ids.back();
            auto id = insertPost(m_db, posts[i], media.empty() ? std::vector<Media>{} : media[i]);
            if (!id)
                return tl::unexpected(id.error());
            ids.push_back(*id);
        }
        return ids;
    });
}

Result<std::optional<Schedule>> PostEditor::reschedule(std::int64_t postId, const Schedule& when, std::int64_t nowUtc)
{
    if (when.localTime.empty() || when.timeZone.empty())
        return fail(ErrorCode::Invalid, "a schedule needs its local time and zone");
    return inTransaction(m_db, [&]() -> Result<std::optional<Schedule>> {
        auto status = editableStatus(m_db, postId, "reschedule");
        if (!status)
            return tl::unexpected(status.error());
        auto previous = storedSchedule(m_db, postId);
        if (!previous)
            return previous;

        // Follow-ups planned for the same moment (a thread written in one go) move with the post.
        auto ids = withFollowUps(m_db, postId, true);
        if (!ids)
            return tl::unexpected(ids.error());
        for (const auto id : *ids) {
            auto own = publishsql::postStatus(m_db, id);
            if (!own)
                return tl::unexpected(own.error());
            if (auto r = moveTo(m_db, id, *own == "draft", when, nowUtc); !r)
                return tl::unexpected(r.error());
        }
        return previous;
    });
}

Result<void> PostEditor::unschedule(std::int64_t postId, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        auto status = editableStatus(m_db, postId, "unschedule");
        if (!status)
            return tl::unexpected(status.error());
        auto ids = withFollowUps(m_db, postId, true);
        if (!ids)
            return tl::unexpected(ids.error());
        for (const auto id : *ids) {
            if (auto r = publishsql::run(m_db,
                                         "UPDATE posts SET status = 'draft', local_time = '', time_zone = '', "
                                         "scheduled_utc = NULL, updated_utc = ?2 WHERE id = ?1",
                                         {id, nowUtc});
                !r)
                return r;
            if (auto r = publishsql::run(m_db,
                                         "UPDATE post_targets SET status = 'draft', next_attempt_utc = NULL "
                                         "WHERE post_id = ?1 AND status NOT IN ('published', 'publishing')",
                                         {id});
                !r)
                return r;
        }
        return {};
    });
}

Result<void> PostEditor::schedule(std::int64_t postId, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        auto status = editableStatus(m_db, postId, "schedule");
        if (!status)
            return tl::unexpected(status.error());
        auto stored = storedSchedule(m_db, postId);
        if (!stored)
            return tl::unexpected(stored.error());
        const bool timed = *stored && !(*stored)->localTime.empty() && !(*stored)->timeZone.empty();
        if (!timed)
            return fail(ErrorCode::Invalid, "post " + std::to_string(postId) + " has no time to be scheduled at");
        auto ids = withFollowUps(m_db, postId, true);
        if (!ids)
            return tl::unexpected(ids.error());
        for (const auto id : *ids) {
            if (auto r = publishsql::run(m_db,
                                         "UPDATE post_targets SET status = 'scheduled', attempts = 0, last_error = '', "
                                         "next_attempt_utc = (SELECT scheduled_utc FROM posts WHERE id = ?1) "
                                         "WHERE post_id = ?1 AND status IN ('draft', 'cancelled', 'failed')",
                                         {id});
                !r)
                return r;
            if (auto r = publishsql::refreshPostStatus(m_db, id, nowUtc); !r)
                return r;
        }
        return {};
    });
}

Result<void> PostEditor::cancel(std::int64_t postId, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        if (auto status = publishsql::postStatus(m_db, postId); !status)
            return tl::unexpected(status.error());
        // A follow-up cannot go out without the post it replies to: the whole rest of the thread goes.
        auto ids = withFollowUps(m_db, postId, false);
        if (!ids)
            return tl::unexpected(ids.error());
        for (const auto id : *ids) {
            if (auto r = publishsql::run(m_db,
                                         "UPDATE post_targets SET status = 'cancelled', next_attempt_utc = NULL "
                                         "WHERE post_id = ?1 AND status IN ('draft', 'scheduled', 'failed')",
                                         {id});
                !r)
                return r;
            auto targets = publishsql::scalar(m_db, "SELECT COUNT(*) FROM post_targets WHERE post_id = ?1", {id});
            if (!targets)
                return tl::unexpected(targets.error());
            auto r = *targets == 0 ? publishsql::run(m_db, "UPDATE posts SET status = 'cancelled', updated_utc = ?2 WHERE id = ?1",
                                            {id, nowUtc})
                          : publishsql::refreshPostStatus(m_db, id, nowUtc);
            if (!r)
                return r;
        }
        return {};
    });
}

Result<void> PostEditor::retryTarget(std::int64_t targetId, std::int64_t atUtc, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        auto stmt = m_db.prepare("SELECT post_id, status FROM post_targets WHERE id = ?1");
        if (!stmt)
            return tl::unexpected(stmt.error());
        (*stmt)->bind(1, targetId);
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, "post target " + std::to_string(targetId) + " does not exist");
        const std::int64_t postId = (*stmt)->int64(0);
        const std::string status = (*stmt)->text(1);
        (*stmt)->reset();
        if (status != "failed")
            return fail(ErrorCode::Invalid,
                        "post target " + std::to_string(targetId) + " is " + status + ", not failed");
        if (auto r =
                publishsql::run(m_db,
                                "UPDATE post_targets SET status = 'scheduled', attempts = 0, next_attempt_utc = ?2 "
                                "WHERE id = ?1",
                                {targetId, atUtc});
            !r)
            return r;
        return publishsql::refreshPostStatus(m_db, postId, nowUtc);
    });
}

Result<std::int64_t> PostEditor::duplicate(std::int64_t postId, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<std::int64_t> {
        auto copy = publishsql::copyPost(m_db, postId, std::nullopt, false, std::nullopt, nowUtc);
        if (!copy)
            return copy;
        // A thread is copied whole: each follow-up replies to the copy of the post before it.
        auto chain = thread(postId);
        if (!chain)
            return tl::unexpected(chain.error());
        std::int64_t parent = *copy;
        for (const auto id : *chain) {
            auto next = publishsql::copyPost(m_db, id, std::nullopt, false, std::nullopt, nowUtc);
            if (!next)
                return next;
            if (auto r = publishsql::run(m_db, "UPDATE posts SET parent_post_id = ?2 WHERE id = ?1", {*next, parent});
                !r)
                return tl::unexpected(r.error());
            parent = *next;
        }
        return copy;
    });
}

Result<void> PostEditor::update(std::int64_t postId, const PostContent& content, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        auto status = editableStatus(m_db, postId, "edit");
        if (!status)
            return tl::unexpected(status.error());
        if (content.title)
            if (auto r = publishsql::run(m_db, "UPDATE posts SET title = ?2 WHERE id = ?1", {postId, *content.title});
                !r)
                return r;
        if (content.body)
            if (auto r = publishsql::run(m_db, "UPDATE posts SET body = ?2 WHERE id = ?1", {postId, *content.body}); !r)
                return r;
        if (content.campaignId) {
            auto stmt = m_db.prepare("UPDATE posts SET campaign_id = ?2 WHERE id = ?1");
            if (!stmt)
                return tl::unexpected(stmt.error());
            if (auto r = (*stmt)->bind(1, postId).bind(2, *content.campaignId).run(); !r)
                return r;
        }
        if (content.tags)
            if (auto r = setTags(m_db, postId, *content.tags); !r)
                return r;
        if (content.media) {
            if (auto r = publishsql::run(m_db, "DELETE FROM media WHERE post_id = ?1", {postId}); !r)
                return r;
            if (auto r = insertMedia(m_db, postId, *content.media); !r)
                return r;
        }
        if (content.variants) {
            std::vector<Arg> args{postId};
            std::vector<std::int64_t> keep;
            for (const auto& v : *content.variants)
                keep.push_back(v.first);
            const std::string list = publishsql::placeholders(args, keep);
            auto locked = publishsql::scalar(m_db,
                                             "SELECT COUNT(*) FROM post_targets WHERE post_id = ?1 AND status IN "
                                             "('published', 'publishing') AND account_id NOT IN (" +
                                                 (list.empty() ? std::string("NULL") : list) + ")",
                                             args);
            if (!locked)
                return tl::unexpected(locked.error());
            if (*locked > 0)
                return fail(ErrorCode::Invalid, "cannot remove a target that was already published");
            if (auto r = publishsql::run(m_db,
                                         "DELETE FROM post_targets WHERE post_id = ?1 AND account_id NOT IN (" +
                                             (list.empty() ? std::string("NULL") : list) + ")",
                                         args);
                !r)
                return r;
            const bool scheduled = *status == "scheduled" || *status == "failed";
            for (const auto& [accountId, text] : *content.variants) {
                if (auto r = publishsql::run(
                        m_db,
                        "INSERT INTO post_targets(post_id, account_id, variant_text, status, next_attempt_utc) "
                        "SELECT ?1, ?2, ?3, ?4, scheduled_utc FROM posts WHERE id = ?1 "
                        "ON CONFLICT(post_id, account_id) DO UPDATE SET variant_text = excluded.variant_text",
                        {postId, accountId, text, std::string(scheduled ? "scheduled" : "draft")});
                    !r)
                    return r;
            }
        }
        if (auto r = publishsql::run(m_db, "UPDATE posts SET updated_utc = ?2 WHERE id = ?1", {postId, nowUtc}); !r)
            return r;
        return publishsql::refreshPostStatus(m_db, postId, nowUtc);
    });
}

Result<void> PostEditor::removeDraft(std::int64_t postId)
{
    return inTransaction(m_db, [&]() -> Result<void> {
        auto status = publishsql::postStatus(m_db, postId);
        if (!status)
            return tl::unexpected(status.error());
        if (*status != "draft" && *status != "cancelled")
            return fail(ErrorCode::Invalid, "post " + std::to_string(postId) + " is " + *status +
                                                "; only drafts and cancelled posts can be deleted");
        auto out = publishsql::scalar(
            m_db, "SELECT COUNT(*) FROM post_targets WHERE post_id = ?1 AND status = 'published'", {postId});
        if (!out)
            return tl::unexpected(out.error());
        if (*out > 0)
            return fail(ErrorCode::Invalid, "post " + std::to_string(postId) + " has published targets");
        return publishsql::run(m_db, "DELETE FROM posts WHERE id = ?1", {postId});
    });
}

Result<std::vector<Media>> PostEditor::media(std::int64_t postId)
{
    auto stmt = m_db.prepare("SELECT id, post_id, position, path, mime, alt_text, sha256, size_bytes FROM media "
                             "WHERE post_id = ?1 ORDER BY position, id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, postId);
    return (*stmt)->collect([](const Statement& s) {
        return Media{s.int64(0), s.int64(1), static_cast<int>(s.int64(2)), s.text(3), s.text(4), s.text(5),
                     s.text(6), s.int64(7)};
    });
}

Result<std::vector<Schedule>> recurrenceOccurrences(const Schedule& first, const Recurrence& rule,
                                                    const ZoneConverter& zones, int limit)
{
    const auto start = parseLocalMinute(first.localTime);
    if (!start)
        return fail(ErrorCode::Invalid, "malformed local time \"" + first.localTime + "\"");
    const auto until = parseCivilDate(rule.untilDay);
    if (!until)
        return fail(ErrorCode::Invalid, "malformed end date \"" + rule.untilDay + "\" (expected YYYY-MM-DD)");
    if (rule.every < 1)
        return fail(ErrorCode::Invalid, "a repeat interval must be at least 1");
    const std::int64_t step = rule.every * (rule.unit == RepeatUnit::Week ? 7 : 1);
    const std::int64_t firstDay = daysFromCivil(start->date);
    const std::int64_t lastDay = daysFromCivil(*until);
    std::vector<Schedule> out;
    for (std::int64_t day = firstDay + step; day <= lastDay && static_cast<int>(out.size()) < limit; day += step) {
        const std::string local = formatLocalMinute(LocalMinute{civilFromDays(day), start->minuteOfDay});
        const auto utc = zones.toUtc(local, first.timeZone);
        if (utc)
            out.push_back(Schedule{local, first.timeZone, *utc});
    }
    return out;
}

Result<std::vector<std::int64_t>> PostEditor::setRecurrence(std::int64_t postId, const Recurrence& rule,
                                                            const ZoneConverter& zones, std::int64_t nowUtc)
{
    return inTransaction(m_db, [&]() -> Result<std::vector<std::int64_t>> {
        auto stmt = m_db.prepare("SELECT local_time, time_zone, scheduled_utc, status FROM posts WHERE id = ?1");
        if (!stmt)
            return tl::unexpected(stmt.error());
        (*stmt)->bind(1, postId);
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, "post " + std::to_string(postId) + " does not exist");
        if ((*stmt)->isNull(2))
            return fail(ErrorCode::Invalid, "post " + std::to_string(postId) + " has no time to repeat from");
        const Schedule first{(*stmt)->text(0), (*stmt)->text(1), (*stmt)->int64(2)};
        const bool scheduled = (*stmt)->text(3) == "scheduled";
        (*stmt)->reset();
        auto occurrences = recurrenceOccurrences(first, rule, zones);
        if (!occurrences)
            return tl::unexpected(occurrences.error());
        if (auto r =
                publishsql::run(m_db,
                                "UPDATE posts SET repeat_every = ?2, repeat_unit = ?3, repeat_until = ?4, "
                                "updated_utc = ?5 WHERE id = ?1",
                                {postId, std::int64_t{rule.every},
                                 std::string(rule.unit == RepeatUnit::Week ? "week" : "day"), rule.untilDay, nowUtc});
            !r)
            return tl::unexpected(r.error());
        std::vector<std::int64_t> ids;
        for (const auto& when : *occurrences) {
            auto id = publishsql::copyPost(m_db, postId, when, scheduled, std::nullopt, nowUtc);
            if (!id)
                return tl::unexpected(id.error());
            ids.push_back(*id);
        }
        return ids;
    });
}

Result<void> PostEditor::setEvergreen(std::int64_t postId, bool evergreen, int gapDays, std::int64_t nowUtc)
{
    if (gapDays < 1)
        return fail(ErrorCode::Invalid, "the evergreen gap must be at least one day");
    auto r = publishsql::run(m_db,
                             "UPDATE posts SET evergreen = ?2, evergreen_gap_days = ?3, updated_utc = ?4 WHERE id = ?1",
                             {postId, std::int64_t{evergreen ? 1 : 0}, std::int64_t{gapDays}, nowUtc});
    if (!r)
        return r;
    if (m_db.changes() != 1)
        return fail(ErrorCode::NotFound, "post " + std::to_string(postId) + " does not exist");
    return {};
}

} // namespace herald::engine
