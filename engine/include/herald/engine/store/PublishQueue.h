#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Post.h"

namespace herald::engine {

class Database;

/// A target that is due (or left in publishing), with what the publisher needs to send it.
struct DueTarget
{
    std::int64_t targetId = 0;
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    std::string text; // the variant, or the post's body when the target has none
    PostStatus status = PostStatus::Scheduled;
    int attempts = 0;
    std::string idempotencyKey;
    std::int64_t scheduledUtc = 0;  // the post's planned instant
    std::int64_t dueUtc = 0;        // next_attempt_utc (or the planned instant)
    bool platformScheduled = false; // hand the post to the platform's own scheduler
    std::optional<std::int64_t> parentPostId;
    std::string replyToExternalId;                // the parent's published id on this account; empty if none yet
    std::optional<PostStatus> parentTargetStatus; // the parent's target on this account, if any
};

/// One run of the background publisher (GUI or heraldctl publish-due).
struct PublisherRun
{
    std::int64_t id = 0;
    std::string source; // "gui", "cli", ...
    std::int64_t startedUtc = 0;
    std::optional<std::int64_t> finishedUtc;
    int published = 0;
    int failed = 0;
    std::string detail;
};

/// The store side of publishing (claim, send, record). Each write is a transaction of its own.
class PublishQueue
{
public:
    explicit PublishQueue(Database& db) : m_db(db) {}

    /// Scheduled targets due at `nowUtc` (next_attempt_utc <= now), oldest first, at most `limit`,
    /// of posts that are scheduled (not draft or cancelled). Targets handed to the platform's own
    /// scheduler (platform_scheduled) are due `platformLeadSeconds` ahead of their time.
    Result<std::vector<DueTarget>> due(std::int64_t nowUtc, int limit = 1000, std::int64_t platformLeadSeconds = 86400);
    /// Targets left in `publishing` (a run died between claim and result): reconcile before retrying.
    Result<std::vector<DueTarget>> inFlight();
    /// Scheduled targets whose post is planned in [fromUtc, toUtc] (the pre-flight window).
    Result<std::vector<DueTarget>> upcoming(std::int64_t fromUtc, std::int64_t toUtc);
    /// The target as the publisher sees it, or nullopt.
    Result<std::optional<DueTarget>> target(std::int64_t targetId);

    /// Claims a scheduled target: status publishing, attempts+1 and the idempotency key stored (the
    /// given one is kept only when none is stored yet), in one transaction. False when another run
    /// claimed it first or it is no longer scheduled. Returns the key to send.
    Result<std::optional<std::string>> claim(std::int64_t targetId, const std::string& newKey, std::int64_t nowUtc);
    /// Records the platform's answer: published with its id, link and time (clears the error).
    Result<void> markPublished(std::int64_t targetId, const std::string& externalId, const std::string& permalink,
                               std::int64_t publishedUtc);
    /// Back to scheduled, due again at `nextAttemptUtc`, keeping `error` as the last error.
    Result<void> markRetry(std::int64_t targetId, std::int64_t nextAttemptUtc, const std::string& error);
    /// Failed for good with the platform's message.
    Result<void> markFailed(std::int64_t targetId, const std::string& error);
    /// Stores a pre-flight result (empty `problem` = all good) and when it was checked.
    Result<void> setPreflight(std::int64_t targetId, const std::string& problem, std::int64_t checkedUtc);
    /// Sets the post's own status from its targets (all published -> published, ...).
    Result<void> refreshPostStatus(std::int64_t postId, std::int64_t nowUtc);
    /// Whether the target is handed to the platform's scheduler instead of being sent at its time.
    Result<void> setPlatformScheduled(std::int64_t targetId, bool platformScheduled);

    /// Records the start of a publisher run; returns its id.
    Result<std::int64_t> beginRun(const std::string& source, std::int64_t startedUtc);
    /// Records the end of a run with its counts.
    Result<void> finishRun(std::int64_t runId, std::int64_t finishedUtc, int published, int failed,
                           const std::string& detail);
    /// The most recent run (finished or not), or nullopt when the publisher never ran.
    Result<std::optional<PublisherRun>> lastRun();

private:
    Result<std::vector<DueTarget>> select(const std::string& where, const std::vector<std::int64_t>& args);
    Database& m_db;
};

} // namespace herald::engine
