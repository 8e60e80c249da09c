#include <QJsonArray>
#include <QJsonObject>

#include "Cli.h"
#include "PublishCommon.h"
#include "herald/connectors/DateTime.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/connectors/sync/Publisher.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::app::cli {

namespace {

QString iso(std::int64_t utc)
{
    return QString::fromStdString(connectors::formatIso8601Utc(utc));
}

QString statusName(engine::PostStatus status)
{
    const auto key = engine::postStatusKey(status);
    return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
}

int dryRun(Command& cmd, connectors::Publisher& publisher, engine::Database& db)
{
    auto due = publisher.dueNow();
    if (!due)
        return reportError(due.error());
    auto accounts = engine::AccountRepository(db).list();
    if (!accounts)
        return reportError(accounts.error());
    auto handle = [&](std::int64_t id) {
        for (const auto& a : *accounts)
            if (a.id == id)
                return QString::fromStdString(a.handle);
        return QStringLiteral("(account %1 missing)").arg(id);
    };
    if (cmd.json()) {
        QJsonArray targets;
        for (const auto& t : *due)
            targets.append(QJsonObject{{QStringLiteral("target_id"), qint64(t.targetId)},
                                       {QStringLiteral("post_id"), qint64(t.postId)},
                                       {QStringLiteral("account_id"), qint64(t.accountId)},
                                       {QStringLiteral("account"), handle(t.accountId)},
                                       {QStringLiteral("status"), statusName(t.status)},
                                       {QStringLiteral("due_utc"), iso(t.dueUtc)},
                                       {QStringLiteral("attempts"), t.attempts},
                                       {QStringLiteral("text"), QString::fromStdString(t.text)}});
        printJson({{QStringLiteral("dry_run"), true}, {QStringLiteral("due"), targets}});
        return Ok;
    }
    if (due->empty()) {
        printLine(QStringLiteral("Nothing is due."));
        return Ok;
    }
    for (const auto& t : *due)
        printLine(QStringLiteral("target %1  post %2  %3  due %4%5")
                      .arg(t.targetId)
                      .arg(t.postId)
                      .arg(handle(t.accountId), iso(t.dueUtc),
                           t.status == engine::PostStatus::Publishing
                               ? QStringLiteral("  (interrupted: reconcile first)")
                               : QString()));
    printLine(QStringLiteral("%1 target(s) due; nothing was sent (dry run).").arg(due->size()));
    return Ok;
}

// Free posting slots of the next 7 days get copies from the evergreen pool before publishing.
Result<int> refillEvergreen(engine::Database& db, std::int64_t now)
{
    const ui::QtZoneConverter zones;
    return engine::PostingSlots(db).refillEvergreenPool(zones, now);
}

} // namespace

int runPublishDue(const QStringList& args)
{
    Command cmd(QStringLiteral("publish-due"), QStringLiteral("publish-due [--dry-run] [--json] [--no-preflight]"),
                QStringLiteral("Publish every post target that is due, as the desktop app does while it is open: "
                               "run it every minute from cron or a systemd user timer. Interrupted targets are first "
                               "looked up among the account's own posts, so nothing is published twice; transient "
                               "errors are retried later with backoff, permanent ones are marked failed with the "
                               "platform's message. Targets planned within the next hour get a pre-flight check. "
                               "First, free posting slots of the next 7 days are filled with copies of evergreen "
                               "posts (not with --dry-run, which changes nothing). "
                               "Exit status 2 when a target failed in this run."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("List the due targets without sending anything.")});
    p.addOption(
        {QStringLiteral("no-preflight"), QStringLiteral("Skip the pre-flight check of the next hour's posts.")});
    if (auto stop = cmd.parse(args))
        return *stop;
    if (!p.positionalArguments().isEmpty())
        return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().first()));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = publish::openWorkspace(cmd, path, db))
        return *stop;

    const engine::SystemClock clock;
    connectors::ThreadSleeper sleeper;
    connectors::HttpClientOptions httpOptions;
    httpOptions.maxAttempts = 2; // one quick retry for a blip; the Publisher schedules the real retries
    connectors::HttpClient http(httpOptions, sleeper, clock);
    connectors::PublisherOptions options;
    options.mediaFolder = connectors::mediaFolderFor(path.toStdString());
    options.source = "cli";
    connectors::Publisher publisher(*db, connectors::connectorSource(http, publish::credentialsSource()), clock,
                                    sleeper, options);
    if (p.isSet(QStringLiteral("dry-run")))
        return dryRun(cmd, publisher, *db);

    auto evergreen = refillEvergreen(*db, clock.nowUtc());
    if (!evergreen)
        return reportError(evergreen.error());

    QJsonArray preflight;
    if (!p.isSet(QStringLiteral("no-preflight"))) {
        const std::int64_t now = clock.nowUtc();
        auto issues = publisher.preflight(now, now + 3600);
        if (!issues)
            return reportError(issues.error());
        for (const auto& issue : *issues) {
            printErrorLine(QStringLiteral("heraldctl: pre-flight: post %1, target %2: %3")
                               .arg(issue.postId)
                               .arg(issue.targetId)
                               .arg(QString::fromStdString(issue.problem)));
            preflight.append(QJsonObject{{QStringLiteral("target_id"), qint64(issue.targetId)},
                                         {QStringLiteral("post_id"), qint64(issue.postId)},
                                         {QStringLiteral("problem"), QString::fromStdString(issue.problem)}});
        }
    }

    auto report = publisher.publishDue();
    if (!report)
        return reportError(report.error());
    if (cmd.json()) {
        QJsonArray outcomes;
        for (const auto& o : report->outcomes) {
            QJsonObject j{{QStringLiteral("target_id"), qint64(o.targetId)},
                          {QStringLiteral("post_id"), qint64(o.postId)},
                          {QStringLiteral("account_id"), qint64(o.accountId)},
                          {QStringLiteral("status"), statusName(o.status)},
                          {QStringLiteral("external_id"), QString::fromStdString(o.externalId)},
                          {QStringLiteral("permalink"), QString::fromStdString(o.permalink)},
                          {QStringLiteral("error"), QString::fromStdString(o.error)},
                          {QStringLiteral("reconciled"), o.reconciled}};
            if (o.nextAttemptUtc)
                j.insert(QStringLiteral("next_attempt_utc"), iso(*o.nextAttemptUtc));
            outcomes.append(j);
        }
        printJson({{QStringLiteral("run_id"), qint64(report->runId)},
                   {QStringLiteral("published"), report->published},
                   {QStringLiteral("failed"), report->failed},
                   {QStringLiteral("retrying"), report->retrying},
                   {QStringLiteral("evergreen_copies"), *evergreen},
                   {QStringLiteral("outcomes"), outcomes},
                   {QStringLiteral("preflight"), preflight}});
    } else {
        if (*evergreen > 0)
            printLine(QStringLiteral("%1 evergreen cop%2 placed in free posting slots.")
                          .arg(*evergreen)
                          .arg(*evergreen == 1 ? QStringLiteral("y") : QStringLiteral("ies")));
        for (const auto& o : report->outcomes) {
            switch (o.status) {
            case engine::PostStatus::Published:
                printLine(QStringLiteral("published  post %1 target %2  %3%4")
                              .arg(o.postId)
                              .arg(o.targetId)
                              .arg(QString::fromStdString(o.permalink.empty() ? o.externalId : o.permalink),
                                   o.reconciled ? QStringLiteral("  (found after an interrupted run)") : QString()));
                break;
            case engine::PostStatus::Failed:
                printLine(QStringLiteral("failed     post %1 target %2  %3")
                              .arg(o.postId)
                              .arg(o.targetId)
                              .arg(QString::fromStdString(o.error)));
                break;
            default:
                printLine(QStringLiteral("retrying   post %1 target %2  %3%4")
                              .arg(o.postId)
                              .arg(o.targetId)
                              .arg(o.nextAttemptUtc ? QStringLiteral("at %1: ").arg(iso(*o.nextAttemptUtc)) : QString(),
                                   QString::fromStdString(o.error)));
                break;
            }
        }
        printLine(QStringLiteral("%1 published, %2 failed, %3 to retry.")
                      .arg(report->published)
                      .arg(report->failed)
                      .arg(report->retrying));
    }
    return report->failed > 0 ? DataError : Ok;
}

} // namespace herald::app::cli
