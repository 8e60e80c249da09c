#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "Cli.h"
#include "PublishCommon.h"
#include "herald/widgets/QtZoneConverter.h"
#include "herald/connectors/DateTime.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostingSlots.h"

namespace herald::app::cli {

namespace {

using connectors::ProblemKind;

const QString kSynopsis =
    QStringLiteral("post add --account ID[,ID..] --text TEXT|--text-file F [--variant ID=TEXT] [--media FILE[:ALT]] "
                   "[--at ISO-8601 --tz ZONE | --queue | --now] [--campaign ID] [--tag T] [--reply-to POST] | "
                   "post list [--status S] [--from DATE --to DATE] | post cancel ID");

QString statusName(engine::PostStatus status)
{
    return QString::fromLatin1(engine::postStatusKey(status).data(),
                               static_cast<qsizetype>(engine::postStatusKey(status).size()));
}

std::optional<std::int64_t> parseId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    return ok && id > 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

// "--media FILE[:ALT]": the alt text follows the last colon that comes after the file's extension.
std::pair<QString, QString> splitMedia(const QString& value)
{
    const auto dot = value.lastIndexOf(QLatin1Char('.'));
    const auto colon = value.indexOf(QLatin1Char(':'), dot < 0 ? 0 : dot);
    if (colon < 0)
        return {value, QString()};
    return {value.left(colon), value.mid(colon + 1)};
}

QJsonObject entryJson(const engine::CalendarEntry& e)
{
    QJsonArray targets;
    for (const auto& t : e.targets)
        targets.append(
            QJsonObject{{QStringLiteral("target_id"), qint64(t.targetId)},
                        {QStringLiteral("account_id"), qint64(t.accountId)},
                        {QStringLiteral("account"), QString::fromStdString(t.accountHandle)},
                        {QStringLiteral("platform"),
                         QString::fromLatin1(engine::platformKey(t.platform).data(),
                                             static_cast<qsizetype>(engine::platformKey(t.platform).size()))},
                        {QStringLiteral("status"), statusName(t.status)},
                        {QStringLiteral("permalink"), QString::fromStdString(t.permalink)},
                        {QStringLiteral("error"), QString::fromStdString(t.lastError)},
                        {QStringLiteral("preflight"), QString::fromStdString(t.preflightError)}});
    QJsonArray tags;
    for (const auto& tag : e.tags)
        tags.append(QString::fromStdString(tag));
    QJsonObject o{{QStringLiteral("id"), qint64(e.postId)},
                  {QStringLiteral("status"), statusName(e.status)},
                  {QStringLiteral("text"), QString::fromStdString(e.body)},
                  {QStringLiteral("local_time"), QString::fromStdString(e.localTime)},
                  {QStringLiteral("time_zone"), QString::fromStdString(e.timeZone)},
                  {QStringLiteral("campaign"), QString::fromStdString(e.campaignName)},
                  {QStringLiteral("tags"), tags},
                  {QStringLiteral("targets"), targets}};
    o.insert(QStringLiteral("scheduled_utc"),
             e.scheduledUtc ? QJsonValue(QString::fromStdString(connectors::formatIso8601Utc(*e.scheduledUtc)))
                            : QJsonValue());
    if (e.parentPostId)
        o.insert(QStringLiteral("reply_to"), qint64(*e.parentPostId));
    return o;
}

int add(Command& cmd, engine::Database& db, const QString& workspacePath)
{
    auto& p = cmd.parser();
    const engine::SystemClock clock;
    const std::int64_t now = clock.nowUtc();
    const ui::QtZoneConverter zones;

    // Targets and text.
    std::vector<std::int64_t> accountIds;
    for (const QString& value : p.values(QStringLiteral("account")))
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto id = parseId(part);
            if (!id)
                return cmd.usageError(QStringLiteral("--account takes account ids, not \"%1\"").arg(part));
            if (std::find(accountIds.begin(), accountIds.end(), *id) == accountIds.end())
                accountIds.push_back(*id);
        }
    if (accountIds.empty())
        return cmd.usageError(QStringLiteral("--account is required"));
    const bool hasText = p.isSet(QStringLiteral("text"));
    const bool hasFile = p.isSet(QStringLiteral("text-file"));
    if (hasText == hasFile)
        return cmd.usageError(QStringLiteral("give the text with exactly one of --text and --text-file"));
    std::string body;
    if (hasText) {
        body = p.value(QStringLiteral("text")).toStdString();
    } else {
        QFile file(p.value(QStringLiteral("text-file")));
        if (!file.open(QIODevice::ReadOnly))
            return reportError(Error{ErrorCode::NotFound, "cannot read the text file " + file.fileName().toStdString() +
                                                              ": " + file.errorString().toStdString()});
        body = QString::fromUtf8(file.readAll()).trimmed().toStdString();
    }
    connectors::PostDraft draft;
    // The composer normalises to NFC at the Qt edge; so does the command line.
    draft.body = QString::fromStdString(body).normalized(QString::NormalizationForm_C).toStdString();
    draft.accountIds = accountIds;
    for (const QString& value : p.values(QStringLiteral("variant"))) {
        const auto eq = value.indexOf(QLatin1Char('='));
        const auto id = eq > 0 ? parseId(value.left(eq)) : std::nullopt;
        if (!id)
            return cmd.usageError(QStringLiteral("--variant takes ID=TEXT, not \"%1\"").arg(value));
        if (std::find(accountIds.begin(), accountIds.end(), *id) == accountIds.end())
            return cmd.usageError(QStringLiteral("--variant for account %1, which is not among --account").arg(*id));
        draft.variants.emplace_back(*id, value.mid(eq + 1).normalized(QString::NormalizationForm_C).toStdString());
    }
    for (const QString& value : p.values(QStringLiteral("media"))) {
        const auto [file, alt] = splitMedia(value);
        draft.media.push_back({QFileInfo(file).absoluteFilePath().toStdString(), {}, alt.toStdString(), {}});
    }

    // When: --at (+ --tz), --queue, --now, or nothing (a draft).
    const int modes = int(p.isSet(QStringLiteral("at"))) + int(p.isSet(QStringLiteral("queue"))) +
                      int(p.isSet(QStringLiteral("now")));
    if (modes > 1)
        return cmd.usageError(QStringLiteral("choose one of --at, --queue and --now"));
    const std::string zone =
        p.isSet(QStringLiteral("tz")) ? p.value(QStringLiteral("tz")).toStdString() : publish::workspaceZone(db);
    if (!ui::isKnownTimeZone(zone))
        return reportError(Error{ErrorCode::Invalid, "unknown time zone \"" + zone +
                                                         "\" (use an IANA name such as "
                                                         "Europe/Berlin)"});
    std::optional<engine::Schedule> when;
    if (p.isSet(QStringLiteral("at"))) {
        const std::string at = p.value(QStringLiteral("at")).toStdString();
        if (auto local = engine::parseLocalMinute(at)) {
            const std::string minute = engine::formatLocalMinute(*local);
            auto utc = zones.toUtc(minute, zone);
            if (!utc)
                return reportError(Error{ErrorCode::Invalid, "--at " + at + " does not exist in " + zone +
                                                                 " (skipped by a daylight-saving change)"});
            when = engine::Schedule{minute, zone, *utc};
        } else if (auto instant = connectors::parseIso8601Utc(at); instant && at.size() > 10) {
            when = engine::Schedule{zones.toLocal(*instant, zone), zone, *instant};
        } else {
            return reportError(Error{ErrorCode::Invalid, "--at \"" + at +
                                                             "\" is not an ISO 8601 time "
                                                             "(2026-08-01T09:00, or with Z or an offset)"});
        }
        draft.scheduledUtc = when->utc;
    } else if (p.isSet(QStringLiteral("now"))) {
        when = engine::Schedule{zones.toLocal(now, zone), zone, now};
    }

    auto accounts = engine::AccountRepository(db).list();
    if (!accounts)
        return reportError(accounts.error());
    std::optional<std::int64_t> parent;
    if (p.isSet(QStringLiteral("reply-to"))) {
        parent = parseId(p.value(QStringLiteral("reply-to")));
        if (!parent)
            return cmd.usageError(QStringLiteral("--reply-to takes a post id"));
        auto found = engine::CalendarQuery(db).entry(*parent);
        if (!found)
            return reportError(found.error());
        if (!*found)
            return reportError(Error{ErrorCode::NotFound, "post " + std::to_string(*parent) + " does not exist"});
        draft.isReply = true;
    }
    const std::string mediaFolder = connectors::mediaFolderFor(workspacePath.toStdString());
    const auto problems = connectors::validatePost(draft, *accounts, mediaFolder, now);
    for (const auto& problem : problems) {
        std::string where = problem.accountId ? "account " + std::to_string(problem.accountId) + ": " : "";
        if (problem.mediaIndex >= 0)
            where += "media " + std::to_string(problem.mediaIndex + 1) + ": ";
        std::string text = where + problem.detail;
        if (problem.kind == ProblemKind::InThePast)
            text = "the time " + when->localTime + " " + zone + " is in the past; publish now? use --now";
        printErrorLine(
            QStringLiteral("heraldctl: %1%2")
                .arg(problem.blocking ? QString() : QStringLiteral("warning: "), QString::fromStdString(text)));
    }
    if (connectors::hasBlockingProblem(problems))
        return DataError;

    if (p.isSet(QStringLiteral("queue"))) {
        auto slot = engine::PostingSlots(db).nextFreeSlot(accountIds, now, zones);
        if (!slot)
            return reportError(slot.error());
        if (!*slot)
            return reportError(Error{ErrorCode::NotFound, "account " + std::to_string(accountIds.front()) +
                                                              " has no free posting slot in the next 90 days"});
        when = **slot;
    }

    std::vector<engine::Media> media;
    for (const auto& m : draft.media) {
        auto stored = connectors::importMediaFile(m.path, mediaFolder, m.altText);
        if (!stored)
            return reportError(stored.error());
        media.push_back(*stored);
    }
    engine::Post post;
    post.body = draft.body;
    post.parentPostId = parent;
    post.createdUtc = post.updatedUtc = now;
    if (when) {
        post.status = engine::PostStatus::Scheduled;
        post.localTime = when->localTime;
        post.timeZone = when->timeZone;
        post.scheduledUtc = when->utc;
    }
    if (p.isSet(QStringLiteral("campaign"))) {
        const auto campaign = parseId(p.value(QStringLiteral("campaign")));
        if (!campaign)
            return cmd.usageError(QStringLiteral("--campaign takes a campaign id"));
        post.campaignId = campaign;
    }
    for (const QString& tag : p.values(QStringLiteral("tag")))
        post.tags.push_back(tag.trimmed().toStdString());
    for (const auto id : accountIds) {
        engine::PostTarget t;
        t.accountId = id;
        for (const auto& [variantId, text] : draft.variants)
            if (variantId == id)
                t.variantText = text;
        post.targets.push_back(t);
    }
    auto created = engine::PostEditor(db).create(post, media);
    if (!created) {
        if (created.error().detail.find("FOREIGN KEY") != std::string::npos)
            return reportError(Error{ErrorCode::NotFound,
                                     "campaign " + std::to_string(post.campaignId.value_or(0)) + " does not exist"});
        return reportError(created.error());
    }
    auto entry = engine::CalendarQuery(db).entry(*created);
    if (!entry || !*entry)
        return reportError(entry ? Error{ErrorCode::Storage, "the new post vanished"} : entry.error());
    if (cmd.json()) {
        printJson(entryJson(**entry));
        return Ok;
    }
    if (!when)
        printLine(QStringLiteral("Post %1 saved as a draft.").arg(*created));
    else
        printLine(QStringLiteral("Post %1 scheduled for %2 (%3).")
                      .arg(*created)
                      .arg(publish::formatLocal(when->localTime, when->timeZone),
                           QString::fromStdString(connectors::formatIso8601Utc(when->utc))));
    return Ok;
}

std::optional<std::int64_t> parseBound(const QString& text, bool end)
{
    const std::string s = text.toStdString();
    auto utc = connectors::parseIso8601Utc(s);
    if (!utc)
        return std::nullopt;
    // A bare day as the end of a range includes that whole day.
    return end && s.size() == 10 ? *utc + 86400 : *utc;
}

int list(Command& cmd, engine::Database& db)
{
    auto& p = cmd.parser();
    engine::CalendarFilter filter;
    for (const QString& value : p.values(QStringLiteral("status")))
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto status = engine::postStatusFromKey(part.trimmed().toStdString());
            if (!status)
                return cmd.usageError(QStringLiteral("unknown status \"%1\" (draft, scheduled, publishing, "
                                                     "published, failed, cancelled)")
                                          .arg(part));
            filter.statuses.push_back(*status);
        }
    std::int64_t from = 0;
    std::int64_t to = std::int64_t(1) << 40;
    const bool ranged = p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"));
    if (p.isSet(QStringLiteral("from"))) {
        const auto v = parseBound(p.value(QStringLiteral("from")), false);
        if (!v)
            return cmd.usageError(QStringLiteral("--from takes YYYY-MM-DD or an ISO 8601 time"));
        from = *v;
    }
    if (p.isSet(QStringLiteral("to"))) {
        const auto v = parseBound(p.value(QStringLiteral("to")), true);
        if (!v)
            return cmd.usageError(QStringLiteral("--to takes YYYY-MM-DD or an ISO 8601 time"));
        to = *v;
    }
    engine::CalendarQuery calendar(db);
    auto entries = calendar.between(from, to, filter);
    if (!entries)
        return reportError(entries.error());
    if (!ranged) {
        auto drafts = calendar.unscheduled(filter, 100000);
        if (!drafts)
            return reportError(drafts.error());
        entries->insert(entries->end(), drafts->begin(), drafts->end());
    }
    if (cmd.json()) {
        QJsonArray posts;
        for (const auto& e : *entries)
            posts.append(entryJson(e));
        printJson({{QStringLiteral("posts"), posts}});
        return Ok;
    }
    if (entries->empty()) {
        printLine(QStringLiteral("No posts."));
        return Ok;
    }
    for (const auto& e : *entries) {
        QStringList targets;
        for (const auto& t : e.targets)
            targets << QStringLiteral("%1:%2").arg(QString::fromStdString(t.accountHandle), statusName(t.status));
        QString text = QString::fromStdString(e.body).simplified();
        if (text.size() > 48)
            text = text.left(47) + QChar(0x2026);
        printLine(QStringLiteral("%1  %2  %3  %4  %5")
                      .arg(e.postId, 6)
                      .arg(statusName(e.status), -10)
                      .arg(e.scheduledUtc ? publish::formatLocal(e.localTime, e.timeZone) : QStringLiteral("-"), -34)
                      .arg(targets.join(QLatin1Char(' ')), text));
    }
    return Ok;
}

int cancel(Command& cmd, engine::Database& db, const QString& idText)
{
    const auto id = parseId(idText);
    if (!id)
        return cmd.usageError(QStringLiteral("post cancel takes a post id, not \"%1\"").arg(idText));
    auto r = engine::PostEditor(db).cancel(*id, engine::SystemClock().nowUtc());
    if (!r)
        return reportError(r.error());
    auto entry = engine::CalendarQuery(db).entry(*id);
    if (!entry || !*entry)
        return reportError(entry ? Error{ErrorCode::NotFound, "post vanished"} : entry.error());
    if (cmd.json()) {
        printJson(entryJson(**entry));
        return Ok;
    }
    printLine(QStringLiteral("Post %1 is %2.").arg(*id).arg(statusName((*entry)->status)));
    return Ok;
}

} // namespace

int runPost(const QStringList& args)
{
    Command cmd(QStringLiteral("post"), kSynopsis,
                QStringLiteral("Compose, list and cancel posts. A post goes to one or more accounts (each may have "
                               "its own variant text) and is checked as the composer checks it: each network's "
                               "length rule, media present and acceptable, accounts known. --at is a wall time in "
                               "--tz (default: the workspace's zone) and stays at that wall time across daylight-"
                               "saving changes. Posts go out with heraldctl publish-due."));
    auto& p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("add, list or cancel."));
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Post id (cancel)."), QStringLiteral("[ID]"));
    p.addOption({QStringLiteral("account"), QStringLiteral("Account id(s), comma-separated or repeated."),
                 QStringLiteral("ID[,ID..]")});
    p.addOption({QStringLiteral("text"), QStringLiteral("The post's text."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("text-file"), QStringLiteral("Read the text from a UTF-8 file."), QStringLiteral("F")});
    p.addOption({QStringLiteral("variant"), QStringLiteral("Text for one account instead of the base text."),
                 QStringLiteral("ID=TEXT")});
    p.addOption({QStringLiteral("media"), QStringLiteral("Attach an image or video, with optional alt text."),
                 QStringLiteral("FILE[:ALT]")});
    p.addOption({QStringLiteral("at"),
                 QStringLiteral("When: 2026-08-01T09:00 (wall time in --tz) or an instant with "
                                "Z or an offset."),
                 QStringLiteral("ISO-8601")});
    p.addOption({QStringLiteral("tz"), QStringLiteral("IANA time zone of --at (default: the workspace's)."),
                 QStringLiteral("ZONE")});
    p.addOption(
        {QStringLiteral("queue"), QStringLiteral("Put the post into the first account's next free posting slot.")});
    p.addOption({QStringLiteral("now"), QStringLiteral("Due at once: the next publish-due sends it.")});
    p.addOption({QStringLiteral("campaign"), QStringLiteral("Campaign id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("tag"), QStringLiteral("A tag (repeatable)."), QStringLiteral("T")});
    p.addOption({QStringLiteral("reply-to"), QStringLiteral("Make this post a follow-up of another (a thread)."),
                 QStringLiteral("POST")});
    p.addOption({QStringLiteral("status"), QStringLiteral("list: only posts with this status (repeatable)."),
                 QStringLiteral("S")});
    p.addOption(
        {QStringLiteral("from"), QStringLiteral("list: from this day or instant (UTC)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("list: up to this day (inclusive) or instant (UTC)."),
                 QStringLiteral("DATE")});
    if (auto stop = cmd.parse(args))
        return *stop;
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return cmd.usageError(QStringLiteral("missing action (add, list or cancel)"));
    const QString action = positional.first();
    if (action != QLatin1String("add") && action != QLatin1String("list") && action != QLatin1String("cancel"))
        return cmd.usageError(QStringLiteral("unknown action \"%1\"").arg(action));
    if (action == QLatin1String("cancel") && positional.size() != 2)
        return cmd.usageError(QStringLiteral("post cancel takes one post id"));
    if (action != QLatin1String("cancel") && positional.size() != 1)
        return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = publish::openWorkspace(cmd, path, db))
        return *stop;
    if (action == QLatin1String("add"))
        return add(cmd, *db, path);
    if (action == QLatin1String("list"))
        return list(cmd, *db);
    return cancel(cmd, *db, positional.at(1));
}

} // namespace herald::app::cli
