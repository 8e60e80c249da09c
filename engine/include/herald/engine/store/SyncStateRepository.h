#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Audience.h"
#include "herald/engine/model/Metrics.h"

namespace herald::engine {

class Database;

/// Where one account's sync of one resource (posts, metrics, comments, followers) stands.
struct SyncState
{
    std::int64_t accountId = 0;
    std::string resource;
    std::string cursor; // opaque to the store: the Synchronizer's own resume state
    std::optional<std::int64_t> lastSyncUtc;
    std::string lastError;  // empty after a successful run
    std::int64_t items = 0; // items written by the last run
};

/// An account's sync health as the Accounts panel and `heraldctl account list` show it.
struct AccountSyncStatus
{
    std::int64_t accountId = 0;
    std::string lastError; // the account's, else its resources' ("followers: ...; comments: ...")
    std::optional<std::int64_t> rateLimitedUntilUtc;
    std::optional<std::int64_t> lastSyncUtc; // the latest over the account's resources
};

/// A published post written by sync: its target row and whether it was new.
struct SyncedPost
{
    std::int64_t targetId = 0;
    bool inserted = false;
};

/// The sync_state table, the accounts' sync columns, and the idempotent writes of synced data keyed
/// by (account, external id). Callers group a page of writes and its cursor in one Transaction.
class SyncStateRepository
{
public:
    explicit SyncStateRepository(Database& db) : m_db(db) {}

    /// The stored state, or an empty one (no cursor, never synced) when there is none.
    Result<SyncState> state(std::int64_t accountId, const std::string& resource);
    Result<std::vector<SyncState>> states(std::int64_t accountId);
    Result<void> save(const SyncState& state);
    /// Records `error` for the resource (and keeps its cursor); empty clears it.
    Result<void> setError(std::int64_t accountId, const std::string& resource, const std::string& error);

    Result<void> setAccountError(std::int64_t accountId, const std::string& error);
    Result<void> setRateLimitedUntil(std::int64_t accountId, std::optional<std::int64_t> utc);
    Result<std::vector<AccountSyncStatus>> accountStatuses();

    /// Inserts a published post and its target for `accountId`, or updates the permalink and text of
    /// the target that already has `externalId`.
    Result<SyncedPost> upsertPublishedPost(std::int64_t accountId, const std::string& externalId,
                                           const std::string& permalink, const std::string& text,
                                           std::int64_t publishedUtc);
    /// The account's target with the platform id `externalId`, if any.
    Result<std::optional<std::int64_t>> targetByExternalId(std::int64_t accountId, const std::string& externalId);
    /// Writes the sample unless the latest stored sample of that target and metric has the same value
    /// (so a repeated page adds no rows). Returns whether a row was written.
    Result<bool> addPostMetricSnapshot(const PostMetricSample& sample);
    /// External ids of the account's published targets from `sinceUtc` on with id > `afterTargetId`,
    /// ascending by target id, at most `limit`.
    Result<std::vector<std::pair<std::int64_t, std::string>>>
    publishedTargets(std::int64_t accountId, std::int64_t sinceUtc, std::int64_t afterTargetId, int limit);
    Result<bool> commentExists(std::int64_t accountId, const std::string& externalId);
    /// Inserts a follower or refreshes its handle, name and follower count, keeping what imports or
    /// analytics added (country, interests, ...). Returns whether it was new.
    Result<bool> upsertFollower(const AudienceMember& member);

private:
    Database& m_db;
};

} // namespace herald::engine
