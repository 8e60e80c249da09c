#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/Result.h"
#include "herald/engine/model/Post.h"

namespace herald::engine {
class Clock;
class Database;
struct Account;
struct DueTarget;
} // namespace herald::engine

namespace herald::connectors {

class Connector;
class HttpClient;
class Sleeper;

/// Gives the connector for an account (tests: one talking to the fixture server).
using ConnectorSource = std::function<Result<std::unique_ptr<Connector>>(const engine::Account&)>;
/// Gives the credentials of an account (the app's secret store; tests: a map).
using CredentialsSource = std::function<Result<Credentials>(const engine::Account&)>;

/// A ConnectorSource over makeConnector(): credentials from `credentials`, requests through `http`
/// (which must outlive every connector made), refreshed tokens handed to `onChanged`.
ConnectorSource connectorSource(HttpClient& http, CredentialsSource credentials,
                                std::function<void(const engine::Account&, const Credentials&)> onChanged = {});

struct PublisherOptions
{
    int maxAttempts = 5;                  // claims per target before it fails for good
    std::chrono::seconds backoffBase{60}; // retry n waits uniform in [base*2^(n-1)/2, base*2^(n-1)]
    std::chrono::seconds backoffCap{6 * 3600};
    std::chrono::seconds maxInlineRateLimitWait{60}; // a shorter rate-limit wait is slept through in the run
    std::int64_t reconcileSlackSeconds = 600;        // own posts created this long before the planned time count
    int reconcilePages = 3;                          // pages of own posts searched when reconciling
    std::string mediaFolder;                         // where media paths are relative to ("<workspace>.media")
    std::string source = "cli";                      // recorded in publisher_runs
    int batchLimit = 1000;
    std::uint64_t jitterSeed = 0; // 0 = from std::random_device
};

/// What happened to one target in a run.
struct TargetOutcome
{
    std::int64_t targetId = 0;
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    engine::PostStatus status = engine::PostStatus::Scheduled; // published, scheduled (retry) or failed
    std::string externalId;
    std::string permalink;
    std::string error; // the platform's message (retry or failure)
    std::optional<std::int64_t> nextAttemptUtc;
    bool reconciled = false; // found among the account's own posts after an interrupted run
};

struct PublishReport
{
    std::int64_t runId = 0;
    std::vector<TargetOutcome> outcomes;
    int published = 0;
    int failed = 0;
    int retrying = 0;
};

/// A pre-flight problem of one target (also stored in post_targets.preflight_error).
struct PreflightIssue
{
    std::int64_t targetId = 0;
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    std::string problem;
};

/// Publishes due post targets (claim, send, record): claim in a transaction (publishing, attempts+1,
/// idempotency key stored), then the network call, then the result; transient errors retry with
/// exponential backoff and jitter up to maxAttempts, rate limits wait for the platform's reset,
/// permanent errors fail with the platform's message (auth also flags the account needs_reconnect).
/// Targets left in publishing by a dead run are reconciled against the account's own recent posts
/// before any retry. Follow-ups (parent_post_id) go out as replies after their parent. Synchronous;
/// run it on a worker thread with its own Database connection.
class Publisher
{
public:
    Publisher(engine::Database& db, ConnectorSource connectors, const engine::Clock& clock, Sleeper& sleeper,
              PublisherOptions options = {});
    ~Publisher();
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    /// Reconciles in-flight targets, then publishes every due target (threads in order) and records
    /// the run in publisher_runs. Stops between targets when `stop` is requested.
    Result<PublishReport> publishDue(std::stop_token stop = {});
    /// The targets publishDue() would handle now (in-flight ones first), without touching anything.
    Result<std::vector<engine::DueTarget>> dueNow();
    /// Checks the scheduled targets planned in [fromUtc, toUtc]: account present and connected, token
    /// valid (verifyCredentials), text within the limit, media present with matching hash and of an
    /// accepted kind and count. Stores each result; returns the problems.
    Result<std::vector<PreflightIssue>> preflight(std::int64_t fromUtc, std::int64_t toUtc);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace herald::connectors
