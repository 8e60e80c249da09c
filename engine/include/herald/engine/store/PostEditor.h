#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Post.h"

namespace herald::engine {

class Database;
struct ZoneConverter;

/// When a post goes out: the wall time and IANA zone the user chose and the UTC instant they mean.
/// All three are stored together so that 09:00 Europe/Berlin stays 09:00 across DST.
struct Schedule
{
    std::string localTime; // "YYYY-MM-DDTHH:MM"
    std::string timeZone;  // IANA zone
    std::int64_t utc = 0;
};

enum class RepeatUnit { Day, Week };

/// Repeat every `every` days or weeks, at the same wall time, until `untilDay` (inclusive, local).
struct Recurrence
{
    int every = 1;
    RepeatUnit unit = RepeatUnit::Week;
    std::string untilDay; // "YYYY-MM-DD" in the post's zone
};

/// What an edit may change on a post's content; unset fields stay as they are.
struct PostContent
{
    std::optional<std::string> title;
    std::optional<std::string> body;
    std::optional<std::optional<std::int64_t>> campaignId; // engaged with nullopt = no campaign
    std::optional<std::vector<std::string>> tags;
    /// Per-account variant text (empty text = use the body); accounts missing here lose their
    /// target, new ones gain one. Unset = keep the targets.
    std::optional<std::vector<std::pair<std::int64_t, std::string>>> variants;
    std::optional<std::vector<Media>> media; // replaces the post's media list (in order)
};

/// A post of a thread after its first: text and per-account variants. Follow-ups have no media.
struct ThreadPart
{
    std::string title;
    std::string body;
    /// Per-account text (empty = the body); the thread's accounts are the first post's.
    std::vector<std::pair<std::int64_t, std::string>> variants;
};

/// Edits of planned posts for the composer, the calendar and heraldctl. Each call is one transaction
/// of its own (do not call inside another Transaction). Published and publishing targets are never
/// changed: an edit that would alter them is refused with Invalid.
class PostEditor
{
public:
    explicit PostEditor(Database& db) : m_db(db) {}

    /// Inserts a new post (targets, tags, media) in one transaction; targets of a scheduled post are
    /// made due at its instant. Returns the id.
    Result<std::int64_t> create(Post& post, const std::vector<Media>& media = {});
    /// Inserts several posts (each with its media list, `media[i]` for `posts[i]`) in ONE transaction:
    /// all or none. Returns the ids in order.
    Result<std::vector<std::int64_t>> createMany(std::vector<Post>& posts,
                                                 const std::vector<std::vector<Media>>& media);
    /// Inserts a thread in ONE transaction: `posts[0]` as given (its parentPostId kept), each later
    /// post as a reply to the one before it. Returns the ids in order.
    Result<std::vector<std::int64_t>> createThread(std::vector<Post>& posts,
                                                   const std::vector<std::vector<Media>>& media);
    /// Moves a post to `when` (draft stays draft; scheduled, failed and cancelled targets become due
    /// at the new instant with their attempts reset). Follow-ups planned for the same instant move
    /// with it. Returns the previous schedule (for undo).
    Result<std::optional<Schedule>> reschedule(std::int64_t postId, const Schedule& when, std::int64_t nowUtc);
    /// Removes the time from a draft or scheduled post (and its follow-ups at the same time), turning
    /// it into an unscheduled draft.
    Result<void> unschedule(std::int64_t postId, std::int64_t nowUtc);
    /// Marks a draft (or a cancelled post) scheduled at its stored instant, with its follow-ups at the
    /// same instant.
    Result<void> schedule(std::int64_t postId, std::int64_t nowUtc);
    /// Cancels every target not yet published, of the post and of every follow-up below it (they
    /// cannot go out without it); a post becomes cancelled (or stays published when a target already
    /// went out). Cancelling twice is harmless.
    Result<void> cancel(std::int64_t postId, std::int64_t nowUtc);
    /// Puts a failed target back to scheduled, due at `atUtc`, attempts reset (the Retry button).
    Result<void> retryTarget(std::int64_t targetId, std::int64_t atUtc, std::int64_t nowUtc);
    /// A copy of the post as a draft (same text, variants, tags, campaign, media, schedule), without
    /// any publishing state; the follow-ups of its thread are copied too, as a thread of drafts.
    /// Returns the new (first) post's id.
    Result<std::int64_t> duplicate(std::int64_t postId, std::int64_t nowUtc);
    /// Changes text, variants, tags, campaign or media of a post not yet published.
    Result<void> update(std::int64_t postId, const PostContent& content, std::int64_t nowUtc);
    /// Deletes a draft or cancelled post (and its follow-ups); other statuses are refused.
    Result<void> removeDraft(std::int64_t postId);
    /// The post's media, in order.
    Result<std::vector<Media>> media(std::int64_t postId);

    /// The thread that `postId` starts, without it: its first reply, that reply's first reply, and so
    /// on (later replies to the same post are not part of it). The follow-ups' ids in order.
    Result<std::vector<std::int64_t>> thread(std::int64_t postId);
    /// Makes `postId`'s thread hold `parts` after it, in one transaction. Every follow-up takes the
    /// first post's accounts, campaign, tags, schedule and state (draft or scheduled): existing ones
    /// are rewritten in order, missing ones are added at the end, and those beyond `parts` are deleted.
    /// Refused with Invalid when the first post or a follow-up to change is published or publishing.
    /// Returns the follow-ups' ids in order.
    Result<std::vector<std::int64_t>> setThread(std::int64_t postId, const std::vector<ThreadPart>& parts,
                                                std::int64_t nowUtc);

    /// Stores `rule` on a scheduled post and creates its future occurrences as scheduled posts (same
    /// wall time in the post's zone, via `zones`), at most 366. Returns the new posts' ids.
    Result<std::vector<std::int64_t>> setRecurrence(std::int64_t postId, const Recurrence& rule,
                                                    const ZoneConverter& zones, std::int64_t nowUtc);
    /// Puts a post in or out of the evergreen pool; `gapDays` is the least time between two copies.
    Result<void> setEvergreen(std::int64_t postId, bool evergreen, int gapDays, std::int64_t nowUtc);

private:
    Database& m_db;
};

/// The occurrences after `first` (excluded) of `rule`, each at the same wall time in first.timeZone;
/// wall times skipped by a DST change are left out. At most `limit`.
Result<std::vector<Schedule>> recurrenceOccurrences(const Schedule& first, const Recurrence& rule,
                                                    const ZoneConverter& zones, int limit = 366);

} // namespace herald::engine
