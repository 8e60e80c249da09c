#include "herald/connectors/sync/Synchronizer.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "SyncPages.h"
#include "herald/connectors/Connector.h"
#include "herald/connectors/http/RateLimiter.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SyncStateRepository.h"

namespace herald::connectors {

std::string_view syncResourceKey(SyncResource resource)
{
    switch (resource) {
    case SyncResource::Posts:
        return "posts";
    case SyncResource::Metrics:
        return "metrics";
    case SyncResource::Comments:
        return "comments";
    case SyncResource::Followers:
        return "followers";
    }
    return "posts";
}

std::optional<SyncResource> syncResourceFromKey(std::string_view key)
{
    for (auto resource : kAllSyncResources)
        if (syncResourceKey(resource) == key)
            return resource;
    return std::nullopt;
}

std::int64_t SyncReport::items() const
{
    std::int64_t total = 0;
    for (const auto& a : accounts)
        total += a.items;
    return total;
}

bool SyncReport::ok() const
{
    return !cancelled && std::none_of(accounts.begin(), accounts.end(), [](const auto& a) { return a.error; });
}

Synchronizer::Synchronizer(SyncHooks hooks, const engine::Clock& clock, Sleeper& sleeper)
    : m_hooks(std::move(hooks)), m_clock(clock), m_sleeper(sleeper)
{
}

Result<SyncReport> Synchronizer::run(const SyncOptions& options, std::stop_token stop)
{
    if (!m_hooks.openDatabase || !m_hooks.loadCredentials)
        return fail(ErrorCode::Invalid, "the synchronizer needs a workspace and a credential store");
    std::vector<std::int64_t> ids = options.accountIds;
    if (ids.empty()) {
        auto db = m_hooks.openDatabase();
        if (!db)
            return tl::unexpected(db.error());
        auto accounts = engine::AccountRepository(*db).list();
        if (!accounts)
            return tl::unexpected(accounts.error());
        for (const auto& a : *accounts)
            if (a.status == engine::AccountStatus::Connected && !a.secretRef.empty())
                ids.push_back(a.id);
    }

    SyncReport report;
    report.accounts.resize(ids.size());
    auto limiter = std::make_shared<RateLimiter>(m_clock); // shared by every account: budgets are per host
    std::atomic<std::size_t> nextAccount{0};
    auto worker = [&] {
        for (std::size_t i = nextAccount++; i < ids.size(); i = nextAccount++)
            report.accounts[i] = syncAccount(ids[i], options, limiter, stop);
    };
    const int threads = std::clamp(options.threads, 1, std::max(1, static_cast<int>(ids.size())));
    if (threads == 1) {
        worker();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back(worker);
        for (auto& t : pool)
            t.join();
    }
    report.cancelled = stop.stop_requested();
    return report;
}

AccountSyncResult Synchronizer::syncAccount(std::int64_t accountId, const SyncOptions& options,
                                            const std::shared_ptr<RateLimiter>& limiter, std::stop_token stop)
{
    AccountSyncResult result;
    result.accountId = accountId;
    auto db = m_hooks.openDatabase();
    if (!db) {
        result.error = db.error();
        return result;
    }
    engine::AccountRepository accounts(*db);
    engine::SyncStateRepository states(*db);
    auto found = accounts.find(accountId);
    if (!found || !*found) {
        result.error =
            found ? Error{ErrorCode::NotFound, "no account with id " + std::to_string(accountId)} : found.error();
        return result;
    }
    const engine::Account account = **found;
    // Bookkeeping writes below are best effort: the sync's own error is what the caller needs.
    auto needsReconnect = [&](const Error& error) {
        result.error = error;
        result.needsReconnect = true;
        (void)accounts.setStatus(account.id, engine::AccountStatus::NeedsReconnect);
        (void)states.setAccountError(account.id, error.detail);
    };

    auto credentials = m_hooks.loadCredentials(account);
    if (!credentials) {
        // A missing or unreadable secret needs a new sign-in; a locked or refusing keychain does not.
        const auto code = credentials.error().code;
        if (code == ErrorCode::NotFound || code == ErrorCode::AuthExpired || code == ErrorCode::Invalid ||
            code == ErrorCode::Parse) {
            needsReconnect(credentials.error());
        } else {
            result.error = credentials.error();
            (void)states.setAccountError(account.id, credentials.error().detail);
        }
        return result;
    }
    HttpClient http(options.http, m_sleeper, m_clock, limiter);
    CredentialsChanged onChanged;
    if (m_hooks.saveCredentials)
        onChanged = [this, account](const Credentials& c) { m_hooks.saveCredentials(account, c); };
    auto connector = makeConnector(account, *credentials, http, onChanged);
    if (!connector) {
        result.error = connector.error();
        (void)states.setAccountError(account.id, connector.error().detail);
        return result;
    }

    std::vector<SyncResource> resources = options.resources;
    if (resources.empty())
        resources.assign(std::begin(kAllSyncResources), std::end(kAllSyncResources));
    for (auto resource : resources) {
        if (stop.stop_requested())
            break;
        ResourceContext context{*db, **connector, account, m_clock, options, m_hooks, stop, {}};
        context.pageDone = [&](int pages, std::int64_t items) {
            if (!m_hooks.progress)
                return;
            std::lock_guard lock(m_progressMutex);
            m_hooks.progress(SyncProgress{account.id, resource, pages, items});
        };
        auto outcome = syncResource(context, resource);
        if (outcome) {
            result.pages += outcome->pages;
            result.items += outcome->items;
            continue;
        }
        const Error& error = outcome.error();
        const std::string key(syncResourceKey(resource));
        if (isNotOffered(error)) {
            result.skipped.push_back(key);
            continue;
        }
        // X refuses the followers list below some access tiers: shown as such, not an account failure.
        if (resource == SyncResource::Followers && error.code == ErrorCode::Permission &&
            error.detail.find("access tier") != std::string::npos) {
            (void)states.setError(account.id, key, error.detail);
            result.skipped.push_back(key);
            continue;
        }
        if (error.code == ErrorCode::Cancelled)
            break;
        (void)states.setError(account.id, key, error.detail);
        if (error.code == ErrorCode::AuthExpired) {
            needsReconnect(error);
            return result;
        }
        if (!result.error)
            result.error = error;
        if (error.code == ErrorCode::RateLimited) {
            const auto wait = rateLimitWaitSeconds(error).value_or(60);
            result.rateLimitedUntilUtc = m_clock.nowUtc() + wait;
            (void)states.setRateLimitedUntil(account.id, result.rateLimitedUntilUtc);
            (void)states.setAccountError(account.id, error.detail);
            return result;
        }
    }
    if (!stop.stop_requested()) {
        (void)states.setAccountError(account.id, result.error ? result.error->detail : std::string());
        if (!result.error)
            (void)states.setRateLimitedUntil(account.id, std::nullopt);
    }
    return result;
}

} // namespace herald::connectors
