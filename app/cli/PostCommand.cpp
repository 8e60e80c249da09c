#include <algorithm>

#include <QFile>
#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "Cli.h"
#include "PublishCommon.h"
#include "herald/widgets/QtZoneConverter.h"
#include "herald/connectors/DateTime.h"
#include "herald/connectors/publish/PostImport.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostingSlots.h"

namespace herald::app::cli {

namespace {

using connectors::ProblemKind;

const QString kSynopsis = QStringLiteral(
    "post add --account ID[,ID..] --text TEXT|--text-file F [--variant ID=TEXT] [--media FILE[:ALT]] "
    "[--at ISO-8601 --tz ZONE | --queue | --now] [--repeat-every N [--repeat-unit day|week] --until YYYY-MM-DD] "
    "[--evergreen [--gap-days N]] [--campaign ID] [--tag T] [--reply-to POST] | "
    "post list [--status S] [--from DATE --to DATE] | post cancel ID | post import FILE [--dry-run]");

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
    o.insert(QStringLiteral("evergreen"), e.evergreen);
    if (e.repeatEvery > 0) {
        o.insert(QStringLiteral("repeat_every"), e.repeatEvery);
        o.insert(QStringLiteral("repeat_unit"), QString::fromStdString(e.repeatUnit));
    }
    return o;
}

Error invalid(const std::string& detail)
{
    return Error{ErrorCode::Invalid, detail};
}

// --repeat-every/--repeat-unit/--until: nullopt without --repeat-every; an Invalid error names the option.
Result<std::optional<engine::Recurrence>> parseRecurrence(const QCommandLineParser& p)
{
    const bool every = p.isSet(QStringLiteral("repeat-every"));
    if (!every) {
        if (p.isSet(QStringLiteral("repeat-unit")) || p.isSet(QStringLiteral("until")))
            return tl::unexpected(invalid("--repeat-unit and --until need --repeat-every"));
        return std::nullopt;
    }
    engine::Recurrence rule;
    bool ok = false;
    rule.every = p.value(QStringLiteral("repeat-every")).trimmed().toInt(&ok);
    if (!ok || rule.every < 1 || rule.every > 365)
        return tl::unexpected(invalid("--repeat-every takes a whole number from 1 to 365, not \"" +
                                      p.value(QStringLiteral("repeat-every")).toStdString() + "\""));
    const QString unit = p.value(QStringLiteral("repeat-unit")).trimmed();
    if (unit.isEmpty() || unit == QLatin1String("week"))
        rule.unit = engine::RepeatUnit::Week;
    else if (unit == QLatin1String("day"))
        rule.unit = engine::RepeatUnit::Day;
    else
        return tl::unexpected(invalid("--repeat-unit is day or week, not \"" + unit.toStdString() + "\""));
    if (!p.isSet(QStringLiteral("until")))
        return tl::unexpected(invalid("--repeat-every needs --until YYYY-MM-DD (the last day of the series)"));
    const QString until = p.value(QStringLiteral("until")).trimmed();
    if (until.size() != 10 || !QDate::fromString(until, Qt::ISODate).isValid())
        return tl::unexpected(invalid("--until takes a date YYYY-MM-DD, not \"" + until.toStdString() + "\""));
    rule.untilDay = until.toStdString();
    return rule;
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
    auto recurrence = parseRecurrence(p);
    if (!recurrence)
        return reportError(recurrence.error());
    if (*recurrence && modes == 0)
        return reportError(invalid("--repeat-every needs a time to repeat from (--at, --queue or --now)"));
    const bool evergreen = p.isSet(QStringLiteral("evergreen"));
    int gapDays = 30;
    if (p.isSet(QStringLiteral("gap-days"))) {
        bool ok = false;
        gapDays = p.value(QStringLiteral("gap-days")).trimmed().toInt(&ok);
        if (!evergreen)
            return reportError(invalid("--gap-days needs --evergreen"));
        if (!ok || gapDays < 1 || gapDays > 3650)
            return reportError(invalid("--gap-days takes a whole number of days from 1 to 3650, not \"" +
                                       p.value(QStringLiteral("gap-days")).toStdString() + "\""));
    }
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
    if (*recurrence && (*recurrence)->untilDay <= when->localTime.substr(0, 10))
        return reportError(invalid("--until " + (*recurrence)->untilDay + " is not after the post's day " +
                                   when->localTime.substr(0, 10) + " (" + when->timeZone + ")"));

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
    engine::PostEditor editor(db);
    std::vector<std::int64_t> occurrences;
    if (*recurrence) {
        auto ids = editor.setRecurrence(*created, **recurrence, zones, now);
        if (!ids)
            return reportError(ids.error());
        occurrences = *ids;
    }
    if (evergreen)
        if (auto r = editor.setEvergreen(*created, true, gapDays, now); !r)
            return reportError(r.error());
    auto entry = engine::CalendarQuery(db).entry(*created);
    if (!entry || !*entry)
        return reportError(entry ? Error{ErrorCode::Storage, "the new post vanished"} : entry.error());
    if (cmd.json()) {
        QJsonObject o = entryJson(**entry);
        if (*recurrence) {
            QJsonArray ids;
            for (const auto id : occurrences)
                ids.append(qint64(id));
            o.insert(QStringLiteral("occurrences"), ids);
        }
        if (evergreen)
            o.insert(QStringLiteral("evergreen_gap_days"), gapDays);
        printJson(o);
        return Ok;
    }
    if (!when)
        printLine(QStringLiteral("Post %1 saved as a draft.").arg(*created));
    else
        printLine(QStringLiteral("Post %1 scheduled for %2 (%3).")
                      .arg(*created)
                      .arg(publish::formatLocal(when->localTime, when->timeZone),
                           QString::fromStdString(connectors::formatIso8601Utc(when->utc))));
    if (*recurrence)
        printLine(QStringLiteral("Repeats every %1 %2 until %3: %4 more occurrence(s) scheduled.")
                      .arg((*recurrence)->every)
                      .arg((*recurrence)->unit == engine::RepeatUnit::Day ? QStringLiteral("day(s)")
                                                                          : QStringLiteral("week(s)"),
                           QString::fromStdString((*recurrence)->untilDay))
                      .arg(occurrences.size()));
    if (evergreen)
        printLine(QStringLiteral("In the evergreen pool: copies fill free posting slots, at least %1 day(s) apart.")
                      .arg(gapDays));
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

// "post import FILE": every row checked first; "FILE:LINE: reason" per bad row and exit 2, nothing stored.
int importFile(Command& cmd, engine::Database& db, const QString& workspacePath, const QString& file)
{
    const ui::QtZoneConverter zones;
    connectors::PostImportOptions options;
    options.mediaFolder = connectors::mediaFolderFor(workspacePath.toStdString());
    options.workspaceZone = publish::workspaceZone(db);
    options.nowUtc = engine::SystemClock().nowUtc();
    options.dryRun = cmd.parser().isSet(QStringLiteral("dry-run"));
    auto result = connectors::importPostsCsv(db, file.toStdString(), zones, options);
    if (!result)
        return reportError(result.error());
    const bool good = result->problems.empty();
    if (cmd.json()) {
        QJsonArray problems;
        for (const auto& problem : result->problems)
            problems.append(QJsonObject{{QStringLiteral("line"), qint64(problem.line)},
                                        {QStringLiteral("reason"), QString::fromStdString(problem.reason)}});
        QJsonArray ids;
        for (const auto id : result->postIds)
            ids.append(qint64(id));
        printJson({{QStringLiteral("file"), file},
                   {QStringLiteral("rows"), result->rows},
                   {QStringLiteral("dry_run"), options.dryRun},
                   {QStringLiteral("imported"), qint64(result->postIds.size())},
                   {QStringLiteral("post_ids"), ids},
                   {QStringLiteral("problems"), problems}});
        return good ? Ok : DataError;
    }
    for (const auto& problem : result->problems)
        printErrorLine(
            QStringLiteral("%1:%2: %3").arg(file).arg(problem.line).arg(QString::fromStdString(problem.reason)));
    if (!good) {
        printErrorLine(QStringLiteral("heraldctl: %1 of %2 rows have problems; nothing was imported")
                           .arg(QString::number(result->problems.size()), QString::number(result->rows)));
        return DataError;
    }
    if (options.dryRun) {
        printLine(QStringLiteral("All %1 rows of %2 are good (dry run: nothing stored).").arg(result->rows).arg(file));
        return Ok;
    }
    QStringList ids;
    for (const auto id : result->postIds)
        ids << QString::number(id);
    printLine(
        QStringLiteral("Imported %1 posts (%2).").arg(result->postIds.size()).arg(ids.join(QStringLiteral(", "))));
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
                               "saving changes. Posts go out with heraldctl publish-due. post import reads a CSV "
                               "(text,at,time_zone,accounts,media,campaign,tags), checks every row the same way "
                               "and stores all posts in one transaction, or none when any row is bad."));
    auto& p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("add, list, cancel or import."));
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Post id (cancel) or CSV file (import)."),
                            QStringLiteral("[ID|FILE]"));
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
    p.addOption({QStringLiteral("repeat-every"),
                 QStringLiteral("Repeat the post every N days or weeks, at the same wall time (needs --until)."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("repeat-unit"), QStringLiteral("day or week (default: week)."), QStringLiteral("UNIT")});
    p.addOption({QStringLiteral("until"), QStringLiteral("Last day of the repetition, in the post's zone."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("evergreen"),
                 QStringLiteral("Put the post into the evergreen pool: publish-due fills free posting slots with "
                                "copies of it.")});
    p.addOption({QStringLiteral("gap-days"),
                 QStringLiteral("Least number of days between two evergreen copies (default 30)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("status"), QStringLiteral("list: only posts with this status (repeatable)."),
                 QStringLiteral("S")});
    p.addOption(
        {QStringLiteral("from"), QStringLiteral("list: from this day or instant (UTC)."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("list: up to this day (inclusive) or instant (UTC)."),
                 QStringLiteral("DATE")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("import: check every row, store nothing.")});
    if (auto stop = cmd.parse(args))
        return *stop;
    const QStringList positional = p.positionalArguments();
    if (positional.isEmpty())
        return cmd.usageError(QStringLiteral("missing action (add, list, cancel or import)"));
    const QString action = positional.first();
    const bool takesArgument = action == QLatin1String("cancel") || action == QLatin1String("import");
    if (action != QLatin1String("add") && action != QLatin1String("list") && !takesArgument)
        return cmd.usageError(QStringLiteral("unknown action \"%1\"").arg(action));
    if (action == QLatin1String("cancel") && positional.size() != 2)
        return cmd.usageError(QStringLiteral("post cancel takes one post id"));
    if (action == QLatin1String("import") && positional.size() != 2)
        return cmd.usageError(QStringLiteral("post import takes one CSV file"));
    if (!takesArgument && positional.size() != 1)
        return cmd.usageError(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = publish::openWorkspace(cmd, path, db))
        return *stop;
    if (action == QLatin1String("add"))
        return add(cmd, *db, path);
    if (action == QLatin1String("list"))
        return list(cmd, *db);
    if (action == QLatin1String("import"))
        return importFile(cmd, *db, path, positional.at(1));
    return cancel(cmd, *db, positional.at(1));
}

} // namespace herald::app::cli
