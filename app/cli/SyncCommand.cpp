#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include "Cli.h"
#include "SecretStore.h"
#include "SyncCommon.h"
#include "herald/connectors/http/Sleeper.h"
#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Clock.h"

namespace herald::app::cli {

int runSync(const QStringList& args)
{
    Command cmd(QStringLiteral("sync"),
                QStringLiteral("sync [--account ID]... [--resource posts|metrics|comments|followers]... [--json]"),
                QStringLiteral("Sync posts, metrics, comments and followers of the connected accounts into the "
                               "workspace, each from where the last sync stopped. Exit status 2 when an account "
                               "failed (its error is kept and shown by heraldctl account list)."));
    auto& p = cmd.parser();
    p.addOption(
        {QStringLiteral("account"), QStringLiteral("Sync only this account (repeatable)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("resource"),
                 QStringLiteral("Sync only posts, metrics, comments or followers (repeatable)."),
                 QStringLiteral("NAME")});
    p.addOption(
        {QStringLiteral("threads"), QStringLiteral("Accounts synced at once (default 2)."), QStringLiteral("N")});
    if (auto stop = cmd.parse(args))
        return *stop;

    connectors::SyncOptions options;
    for (const auto& text : p.values(QStringLiteral("account"))) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return cmd.usageError(QStringLiteral("--account takes an account id, not \"%1\"").arg(text));
        options.accountIds.push_back(id);
    }
    for (const auto& text : p.values(QStringLiteral("resource"))) {
        const auto resource = connectors::syncResourceFromKey(text.toStdString());
        if (!resource)
            return cmd.usageError(
                QStringLiteral("unknown resource \"%1\" (posts, metrics, comments, followers)").arg(text));
        options.resources.push_back(*resource);
    }
    if (p.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        options.threads = p.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || options.threads < 1 || options.threads > 16)
            return cmd.usageError(QStringLiteral("--threads takes a whole number from 1 to 16"));
    }
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = openOptionWorkspace(cmd, path, db))
        return *stop;
    db.reset(); // each worker opens its own connection

    auto secrets = SecretStore::fromEnvironment();
    const std::string workspace = path.toStdString();
    const bool showProgress = stderrIsTerminal() && !cmd.json();
    QElapsedTimer sinceUpdate;
    sinceUpdate.start();
    connectors::SyncHooks hooks;
    hooks.openDatabase = [workspace] { return engine::Database::open(workspace); };
    hooks.loadCredentials = [&](const engine::Account& a) { return secrets->read(a.secretRef); };
    hooks.saveCredentials = [&](const engine::Account& a, const connectors::Credentials& c) {
        if (auto r = secrets->write(a.secretRef, c); !r)
            printErrorLine(QStringLiteral("heraldctl: warning: refreshed tokens of account %1 not stored: %2")
                               .arg(a.id)
                               .arg(QString::fromStdString(r.error().detail)));
    };
    hooks.utcOffset = zoneOffset;
    hooks.progress = [&](const connectors::SyncProgress& progress) {
        if (!showProgress || sinceUpdate.elapsed() < 100)
            return;
        sinceUpdate.restart();
        QTextStream(stderr) << "\r\033[KSyncing account " << progress.accountId << ' '
                            << QString::fromUtf8(connectors::syncResourceKey(progress.resource).data()) << ": "
                            << progress.pages << " pages, " << progress.items << " items" << Qt::flush;
    };
    engine::SystemClock clock;
    connectors::ThreadSleeper sleeper;
    connectors::Synchronizer synchronizer(std::move(hooks), clock, sleeper);
    QElapsedTimer timer;
    timer.start();
    auto report = synchronizer.run(options);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K" << Qt::flush;
    if (!secrets->warning().empty())
        printErrorLine(QStringLiteral("heraldctl: warning: %1").arg(QString::fromStdString(secrets->warning())));
    if (!report)
        return reportError(report.error());
    const double seconds = double(timer.elapsed()) / 1000.0;

    if (cmd.json()) {
        QJsonArray rows;
        for (const auto& a : report->accounts) {
            QJsonObject row{{QStringLiteral("id"), qint64(a.accountId)},
                            {QStringLiteral("pages"), a.pages},
                            {QStringLiteral("items"), qint64(a.items)},
                            {QStringLiteral("needs_reconnect"), a.needsReconnect}};
            if (a.error) {
                row.insert(QStringLiteral("error"), QString::fromStdString(a.error->detail));
                row.insert(QStringLiteral("error_code"), QString::fromLatin1(errorCodeName(a.error->code)));
            }
            if (a.rateLimitedUntilUtc)
                row.insert(QStringLiteral("rate_limited_until_utc"), qint64(*a.rateLimitedUntilUtc));
            QJsonArray skipped;
            for (const auto& s : a.skipped)
                skipped.append(QString::fromStdString(s));
            row.insert(QStringLiteral("not_offered"), skipped);
            rows.append(row);
        }
        printJson({{QStringLiteral("accounts"), rows},
                   {QStringLiteral("items"), qint64(report->items())},
                   {QStringLiteral("seconds"), seconds},
                   {QStringLiteral("ok"), report->ok()}});
    } else {
        if (report->accounts.empty())
            printLine(QStringLiteral("No connected accounts to sync."));
        for (const auto& a : report->accounts) {
            QString line =
                QStringLiteral("Account %1: %2 items in %3 pages").arg(a.accountId).arg(a.items).arg(a.pages);
            if (a.needsReconnect)
                line += QStringLiteral(" - needs reconnecting (heraldctl account add again)");
            else if (a.rateLimitedUntilUtc)
                line += QStringLiteral(" - rate limited until %1").arg(formatUtc(a.rateLimitedUntilUtc));
            printLine(line);
            if (a.error)
                printErrorLine(QStringLiteral("heraldctl: account %1: %2")
                                   .arg(a.accountId)
                                   .arg(QString::fromStdString(a.error->detail)));
        }
    }
    return report->ok() ? Ok : DataError;
}

} // namespace herald::app::cli
