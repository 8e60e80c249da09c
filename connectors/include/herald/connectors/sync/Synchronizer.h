#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/Result.h"
#include "herald/engine/model/Account.h"

namespace herald::engine {
class Clock;
class Database;
} // namespace herald::engine

namespace herald::connectors {

class Sleeper;

enum class SyncResource { Posts, Metrics, Comments, Followers };

inline constexpr SyncResource kAllSyncResources[] = {SyncResource::Posts, SyncResource::Metrics, SyncResource::Comments,
                                                     SyncResource::Followers};

/// "posts", "metrics", "comments", "followers" (the sync_state.resource key).
std::string_view syncResourceKey(SyncResource resource);
std::optional<SyncResource> syncResourceFromKey(std::string_view key);

/// Reported after every page written; `pages` and `items` count the current run of that resource.
struct SyncProgress
{
    std::int64_t accountId = 0;
    SyncResource resource = SyncResource::Posts;
    int pages = 0;
    std::int64_t items = 0;
};

/// What one account's run did. `error` is the first failure; later resources still ran unless the
/// failure stopped the account (auth, rate limit, cancel).
struct AccountSyncResult
{
    std::int64_t accountId = 0;
    int pages = 0;
    std::int64_t items = 0;
    std::optional<Error> error;
    bool needsReconnect = false;                     // auth failed: the account was marked needs_reconnect
    std::optional<std::int64_t> rateLimitedUntilUtc; // the platform asked to wait this long
    std::vector<std::string> skipped;                // resources the platform does not offer
};

struct SyncReport
{
    std::vector<AccountSyncResult> accounts;
    bool cancelled = false;
    std::int64_t items() const;
    /// True when no account failed (a cancelled run is not ok either).
    bool ok() const;
};

struct SyncOptions
{
    std::vector<std::int64_t> accountIds; // empty: every connected account
    std::vector<SyncResource> resources;  // empty: all four
    int threads = 2;                      // accounts synced at once
    int pageSize = 0;                     // 0: the platform's maximum
    int metricsDays = 30;                 // post counts are refreshed for posts this recent
    HttpClientOptions http;               // per-account client; the rate limiter is shared per host
};

/// Hooks that connect the Synchronizer to the app. All may be called from worker threads at once.
struct SyncHooks
{
    /// A new connection to the workspace (each worker thread opens its own).
    std::function<Result<engine::Database>()> openDatabase;
    /// The account's secret, from the keychain.
    std::function<Result<Credentials>(const engine::Account&)> loadCredentials;
    /// Stores refreshed tokens; may be empty.
    std::function<void(const engine::Account&, const Credentials&)> saveCredentials;
    /// Seconds east of UTC of IANA `zone` at `utc`, for the account's local metric day; empty = UTC.
    std::function<int(const std::string& zone, std::int64_t utc)> utcOffset;
    /// Called after each page (serialised; never two calls at once); may be empty.
    std::function<void(const SyncProgress&)> progress;
};

/// DESIGN flow 1: per account and resource, pages from the stored cursor, each page written with its
/// advanced cursor in one transaction, upserts keyed by (account, external id), so an interrupted
/// run repeats at most one page and repeats change nothing. Accounts run concurrently.
class Synchronizer
{
public:
    Synchronizer(SyncHooks hooks, const engine::Clock& clock, Sleeper& sleeper);

    /// Syncs the selected accounts and resources; returns when all are done or `stop` was requested
    /// (then between pages). Fails only when the workspace cannot be read at all.
    Result<SyncReport> run(const SyncOptions& options, std::stop_token stop = {});

private:
    AccountSyncResult syncAccount(std::int64_t accountId, const SyncOptions& options,
                                  const std::shared_ptr<RateLimiter>& limiter, std::stop_token stop);

    SyncHooks m_hooks;
    const engine::Clock& m_clock;
    Sleeper& m_sleeper;
    std::mutex m_progressMutex; // progress callbacks are serialised across workers
};

/// An account identity verified against the platform, ready to store: handle, name, external id and
/// the secret reference filled in from the platform's answer. Nothing is written.
/// `draft` gives platform, baseUrl, timeZone (and for Bluesky the handle to sign in with).
Result<engine::Account> verifyAccount(const engine::Account& draft, const Credentials& credentials, HttpClient& http);

/// The keychain key for an account: "herald:<platform>:<base url>:<external id>".
std::string secretRefFor(const engine::Account& account);

struct AttachedAccount
{
    engine::Account account;
    bool reattached = false; // an account with the same platform, base URL and external id existed
};

/// Stores a verified account: a new row, or the existing one with the same (platform, base URL,
/// external id) re-attached (status connected, errors cleared), so its history stays one account.
Result<AttachedAccount> attachAccount(engine::Database& db, engine::Account account, std::int64_t nowUtc);

} // namespace herald::connectors
