#include <cstdio>
#include <iostream>
#include <iterator>

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include "Cli.h"
#include "SecretStore.h"
#include "SyncCommon.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/SyncStateRepository.h"

namespace herald::app::cli {

namespace {

const QString kSynopsis =
    QStringLiteral("account add --platform mastodon|bluesky|x [--url BASE_URL] (--token-stdin | --handle HANDLE "
                   "--app-password-stdin) [--time-zone ZONE] | account list | account remove ID");

// The secret is read from standard input so that it never appears in argv or the shell history.
std::string readSecretFromStdin()
{
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    return text;
}

const char* statusKey(engine::AccountStatus status)
{
    switch (status) {
    case engine::AccountStatus::Connected:
        return "connected";
    case engine::AccountStatus::NeedsReconnect:
        return "needs_reconnect";
    case engine::AccountStatus::Disabled:
        return "disabled";
    }
    return "connected";
}

void printSecretWarning(const SecretStore& store)
{
    if (!store.warning().empty())
        printErrorLine(QStringLiteral("heraldctl: warning: %1").arg(QString::fromStdString(store.warning())));
}

int addAccount(Command& cmd, engine::Database& db)
{
    auto& p = cmd.parser();
    const auto platform = engine::platformFromKey(p.value(QStringLiteral("platform")).toStdString());
    if (!platform || (*platform != engine::Platform::Mastodon && *platform != engine::Platform::Bluesky &&
                      *platform != engine::Platform::X))
        return cmd.usageError(QStringLiteral("--platform takes mastodon, bluesky or x"));
    const bool token = p.isSet(QStringLiteral("token-stdin"));
    const bool appPassword = p.isSet(QStringLiteral("app-password-stdin"));
    if (token == appPassword)
        return cmd.usageError(QStringLiteral("give exactly one of --token-stdin and --app-password-stdin"));
    if (appPassword && (*platform != engine::Platform::Bluesky || !p.isSet(QStringLiteral("handle"))))
        return cmd.usageError(QStringLiteral("--app-password-stdin is for Bluesky and needs --handle"));
    engine::Account draft;
    draft.platform = *platform;
    draft.baseUrl = p.value(QStringLiteral("url")).toStdString();
    if (draft.baseUrl.empty() && *platform == engine::Platform::Mastodon)
        return cmd.usageError(
            QStringLiteral("a Mastodon account needs --url (the instance, e.g. https://mastodon.social)"));
    draft.handle = p.value(QStringLiteral("handle")).toStdString();
    QString zone = p.value(QStringLiteral("time-zone"));
    if (zone.isEmpty()) {
        auto stored = engine::SettingsRepository(db).value(engine::settingKeys::kTimeZone);
        zone = stored && *stored ? QString::fromStdString(**stored) : QStringLiteral("UTC");
    }
    if (!QTimeZone(zone.toUtf8()).isValid())
        return cmd.usageError(QStringLiteral("unknown time zone \"%1\"").arg(zone));
    draft.timeZone = zone.toStdString();

    connectors::Credentials credentials;
    const std::string secret = readSecretFromStdin();
    if (secret.empty())
        return cmd.usageError(token ? QStringLiteral("no token on standard input")
                                    : QStringLiteral("no app password on standard input"));
    (token ? credentials.accessToken : credentials.appPassword) = secret;

    engine::SystemClock clock;
    connectors::ThreadSleeper sleeper;
    connectors::HttpClient http({}, sleeper, clock);
    auto verified = connectors::verifyAccount(draft, credentials, http);
    if (!verified)
        return reportError(verified.error());
    auto store = SecretStore::fromEnvironment();
    if (auto r = store->write(verified->secretRef, credentials); !r)
        return reportError(r.error());
    printSecretWarning(*store);
    auto attached = connectors::attachAccount(db, *verified, clock.nowUtc());
    if (!attached)
        return reportError(attached.error());
    const auto& a = attached->account;
    if (cmd.json()) {
        printJson({{QStringLiteral("id"), qint64(a.id)},
                   {QStringLiteral("platform"), QString::fromUtf8(engine::platformKey(a.platform).data())},
                   {QStringLiteral("handle"), QString::fromStdString(a.handle)},
                   {QStringLiteral("display_name"), QString::fromStdString(a.displayName)},
                   {QStringLiteral("base_url"), QString::fromStdString(a.baseUrl)},
                   {QStringLiteral("external_id"), QString::fromStdString(a.externalId)},
                   {QStringLiteral("reattached"), attached->reattached},
                   {QStringLiteral("secret_store"), store->backend() == SecretStore::Backend::Keychain
                                                        ? QStringLiteral("keychain")
                                                        : QStringLiteral("file")}});
        return Ok;
    }
    printLine(QStringLiteral("%1 %2 account %3 (%4), id %5")
                  .arg(attached->reattached ? QStringLiteral("Reconnected") : QStringLiteral("Added"),
                       QString::fromUtf8(engine::platformDisplayName(a.platform).data()),
                       QString::fromStdString(a.handle), QString::fromStdString(a.displayName))
                  .arg(a.id));
    return Ok;
}

int listAccounts(const Command& cmd, engine::Database& db)
{
    auto accounts = engine::AccountRepository(db).list();
    if (!accounts)
        return reportError(accounts.error());
    auto statuses = engine::SyncStateRepository(db).accountStatuses();
    if (!statuses)
        return reportError(statuses.error());
    auto statusOf = [&](std::int64_t id) {
        for (const auto& s : *statuses)
            if (s.accountId == id)
                return s;
        return engine::AccountSyncStatus{};
    };
    if (cmd.json()) {
        QJsonArray rows;
        for (const auto& a : *accounts) {
            const auto s = statusOf(a.id);
            QJsonObject row{{QStringLiteral("id"), qint64(a.id)},
                            {QStringLiteral("platform"), QString::fromUtf8(engine::platformKey(a.platform).data())},
                            {QStringLiteral("handle"), QString::fromStdString(a.handle)},
                            {QStringLiteral("display_name"), QString::fromStdString(a.displayName)},
                            {QStringLiteral("base_url"), QString::fromStdString(a.baseUrl)},
                            {QStringLiteral("external_id"), QString::fromStdString(a.externalId)},
                            {QStringLiteral("status"), QString::fromLatin1(statusKey(a.status))},
                            {QStringLiteral("last_error"), QString::fromStdString(s.lastError)}};
            row.insert(QStringLiteral("last_sync_utc"),
                       s.lastSyncUtc ? QJsonValue(qint64(*s.lastSyncUtc)) : QJsonValue());
            row.insert(QStringLiteral("rate_limited_until_utc"),
                       s.rateLimitedUntilUtc ? QJsonValue(qint64(*s.rateLimitedUntilUtc)) : QJsonValue());
            rows.append(row);
        }
        printJson({{QStringLiteral("accounts"), rows}});
        return Ok;
    }
    if (accounts->empty()) {
        printLine(QStringLiteral(
            "No accounts. Add one with: heraldctl account add --platform mastodon --url URL --token-stdin"));
        return Ok;
    }
    printLine(QStringLiteral("%1 %2 %3 %4 %5")
                  .arg(QStringLiteral("ID"), 4)
                  .arg(QStringLiteral("NETWORK"), -9)
                  .arg(QStringLiteral("HANDLE"), -24)
                  .arg(QStringLiteral("STATUS"), -16)
                  .arg(QStringLiteral("LAST SYNC")));
    const std::int64_t now = engine::SystemClock().nowUtc();
    for (const auto& a : *accounts) {
        auto s = statusOf(a.id);
        if (s.rateLimitedUntilUtc && *s.rateLimitedUntilUtc <= now)
            s.rateLimitedUntilUtc.reset(); // the limit has passed
        QString status = QString::fromLatin1(statusKey(a.status));
        if (s.rateLimitedUntilUtc && a.status == engine::AccountStatus::Connected)
            status = QStringLiteral("rate_limited");
        printLine(QStringLiteral("%1 %2 %3 %4 %5")
                      .arg(a.id, 4)
                      .arg(QString::fromUtf8(engine::platformDisplayName(a.platform).data()), -9)
                      .arg(QString::fromStdString(a.handle), -24)
                      .arg(status, -16)
                      .arg(formatUtc(s.lastSyncUtc)));
        if (s.rateLimitedUntilUtc)
            printLine(QStringLiteral("     rate limited until %1").arg(formatUtc(s.rateLimitedUntilUtc)));
        if (!s.lastError.empty())
            printLine(QStringLiteral("     last error: %1").arg(QString::fromStdString(s.lastError)));
    }
    return Ok;
}

int removeAccount(const Command& cmd, engine::Database& db, const QString& idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return cmd.usageError(QStringLiteral("account remove takes an account id (see heraldctl account list)"));
    engine::AccountRepository accounts(db);
    auto found = accounts.find(id);
    if (!found)
        return reportError(found.error());
    if (!*found)
        return reportError({ErrorCode::NotFound, "no account with id " + std::to_string(id)});
    if (auto r = accounts.remove(id); !r)
        return reportError(r.error());
    if (!(*found)->secretRef.empty()) {
        auto store = SecretStore::fromEnvironment();
        if (auto r = store->remove((*found)->secretRef); !r)
            printErrorLine(QStringLiteral("heraldctl: warning: the account is removed but its secret is not: %1")
                               .arg(QString::fromStdString(r.error().detail)));
    }
    if (cmd.json())
        printJson({{QStringLiteral("removed"), id}});
    else
        printLine(QStringLiteral("Removed account %1 (%2) and everything synced for it")
                      .arg(id)
                      .arg(QString::fromStdString((*found)->handle)));
    return Ok;
}

} // namespace

int runAccount(const QStringList& args)
{
    Command cmd(QStringLiteral("account"), kSynopsis,
                QStringLiteral("Connect, list and remove Mastodon, Bluesky and X accounts. Secrets are read from "
                               "standard input, verified against the platform and kept in the OS keychain (or, "
                               "without one, in a file readable only by you); the workspace keeps a reference."));
    auto& p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("add, list or remove."));
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Account id (remove)."), QStringLiteral("[ID]"));
    p.addOption({QStringLiteral("platform"), QStringLiteral("mastodon, bluesky or x."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("url"), QStringLiteral("Instance, PDS or API base URL (Mastodon: required)."),
                 QStringLiteral("BASE_URL")});
    p.addOption({QStringLiteral("token-stdin"), QStringLiteral("Read an access token from standard input.")});
    p.addOption(
        {QStringLiteral("handle"), QStringLiteral("Bluesky handle to sign in with."), QStringLiteral("HANDLE")});
    p.addOption(
        {QStringLiteral("app-password-stdin"), QStringLiteral("Read a Bluesky app password from standard input.")});
    p.addOption({QStringLiteral("time-zone"),
                 QStringLiteral("IANA zone of the account's metric days (default: the "
                                "workspace's)."),
                 QStringLiteral("ZONE")});
    if (auto stop = cmd.parse(args))
        return *stop;
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return cmd.usageError(QStringLiteral("missing action (add, list or remove)"));
    const QString action = positional.first();
    if (action != QLatin1String("add") && action != QLatin1String("list") && action != QLatin1String("remove"))
        return cmd.usageError(QStringLiteral("unknown action \"%1\"").arg(action));
    if (action == QLatin1String("remove") && positional.size() != 2)
        return cmd.usageError(QStringLiteral("account remove takes one account id"));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = openOptionWorkspace(cmd, path, db))
        return *stop;
    if (action == QLatin1String("add"))
        return addAccount(cmd, *db);
    if (action == QLatin1String("list"))
        return listAccounts(cmd, *db);
    return removeAccount(cmd, *db, positional[1]);
}

} // namespace herald::app::cli
