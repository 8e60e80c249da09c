#include "AccountJobs.h"

#include <QDateTime>
#include <QTimeZone>

#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/platforms/OAuth.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"

namespace herald::ui::accounts {

namespace {

constexpr std::chrono::minutes kBrowserWait{5};

int zoneOffset(const std::string& zone, std::int64_t utc)
{
    const QTimeZone tz(QByteArray::fromStdString(zone));
    return tz.isValid() ? tz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc())) : 0;
}

} // namespace

Result<std::vector<StatusRow>> loadStatusRows(const std::string& workspace)
{
    auto db = engine::Database::open(workspace, engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    auto accounts = engine::AccountRepository(*db).list();
    if (!accounts)
        return tl::unexpected(accounts.error());
    auto statuses = engine::SyncStateRepository(*db).accountStatuses();
    if (!statuses)
        return tl::unexpected(statuses.error());
    std::vector<StatusRow> rows;
    for (auto& a : *accounts) {
        StatusRow row{std::move(a), {}};
        for (const auto& s : *statuses)
            if (s.accountId == row.account.id)
                row.sync = s;
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<Connected> connectAccount(const std::string& workspace, const engine::Account& draft,
                                 const connectors::Credentials& credentials, const AccountSecrets& secrets,
                                 const engine::Clock& clock)
{
    if (!secrets.isComplete())
        return fail(ErrorCode::Invalid, "no secret store is set up");
    connectors::ThreadSleeper sleeper;
    connectors::HttpClient http({}, sleeper, clock);
    auto verified = connectors::verifyAccount(draft, credentials, http);
    if (!verified)
        return tl::unexpected(verified.error());
    if (auto r = secrets.write(verified->secretRef, credentials); !r)
        return tl::unexpected(r.error());
    auto db = engine::Database::open(workspace);
    if (!db)
        return tl::unexpected(db.error());
    auto attached = connectors::attachAccount(*db, *verified, clock.nowUtc());
    if (!attached)
        return tl::unexpected(attached.error());
    return Connected{attached->account, attached->reattached};
}

Result<connectors::Credentials> mastodonBrowserSignIn(const std::string& baseUrl, const OpenBrowser& open,
                                                      const engine::Clock& clock, std::stop_token stop)
{
    auto receiver = connectors::LoopbackReceiver::listen();
    if (!receiver)
        return tl::unexpected(receiver.error());
    const std::string redirect = (*receiver)->redirectUri();
    connectors::ThreadSleeper sleeper;
    connectors::HttpClient http({}, sleeper, clock);
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    auto app = connectors::registerMastodonApp(http, base, redirect);
    if (!app)
        return tl::unexpected(app.error());
    const auto pkce = connectors::makePkce();
    const std::string state = connectors::makeOAuthState();
    open(connectors::mastodonAuthorizeUrl(base, app->clientId, redirect, state, pkce.challenge));
    auto code = (*receiver)->waitForCode(state, kBrowserWait, stop);
    if (!code)
        return tl::unexpected(code.error());
    return connectors::exchangeMastodonCode(http, base, *app, code->code, redirect, pkce.verifier);
}

Result<connectors::Credentials> xBrowserSignIn(const std::string& clientId, std::uint16_t port, const OpenBrowser& open,
                                               const engine::Clock& clock, std::stop_token stop)
{
    if (clientId.empty())
        return fail(ErrorCode::Invalid, "signing in to X needs the client ID of your X developer app");
    auto receiver = connectors::LoopbackReceiver::listen(port);
    if (!receiver)
        return tl::unexpected(receiver.error());
    connectors::XOAuthClient client;
    client.clientId = clientId;
    const std::string redirect = (*receiver)->redirectUri();
    const auto pkce = connectors::makePkce();
    const std::string state = connectors::makeOAuthState();
    open(connectors::xAuthorizeUrl(client, redirect, state, pkce.challenge));
    auto code = (*receiver)->waitForCode(state, kBrowserWait, stop);
    if (!code)
        return tl::unexpected(code.error());
    connectors::ThreadSleeper sleeper;
    connectors::HttpClient http({}, sleeper, clock);
    return connectors::exchangeXCode(http, client, code->code, redirect, pkce.verifier);
}

Result<std::string> removeAccount(const std::string& workspace, std::int64_t accountId, const AccountSecrets& secrets)
{
    auto db = engine::Database::open(workspace);
    if (!db)
        return tl::unexpected(db.error());
    engine::AccountRepository accounts(*db);
    auto found = accounts.find(accountId);
    if (!found)
        return tl::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, "no account with id " + std::to_string(accountId));
    if (auto r = accounts.remove(accountId); !r)
        return tl::unexpected(r.error());
    if ((*found)->secretRef.empty() || !secrets.remove)
        return std::string();
    if (auto r = secrets.remove((*found)->secretRef); !r)
        return r.error().detail;
    return std::string();
}

Result<connectors::SyncReport> syncAll(const std::string& workspace, const AccountSecrets& secrets,
                                       const engine::Clock& clock, std::stop_token stop,
                                       std::function<void(const connectors::SyncProgress&)> progress)
{
    if (!secrets.isComplete())
        return fail(ErrorCode::Invalid, "no secret store is set up");
    connectors::SyncHooks hooks;
    hooks.openDatabase = [workspace] { return engine::Database::open(workspace); };
    hooks.loadCredentials = [read = secrets.read](const engine::Account& a) { return read(a.secretRef); };
    hooks.saveCredentials = [write = secrets.write](const engine::Account& a, const connectors::Credentials& c) {
        (void)write(a.secretRef, c); // a failure shows up as an auth error at the next sync
    };
    hooks.utcOffset = zoneOffset;
    hooks.progress = std::move(progress);
    connectors::ThreadSleeper sleeper;
    connectors::Synchronizer synchronizer(std::move(hooks), clock, sleeper);
    return synchronizer.run({}, stop);
}

} // namespace herald::ui::accounts
