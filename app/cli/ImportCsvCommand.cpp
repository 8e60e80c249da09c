#include <chrono>

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include "Cli.h"
#include "herald/engine/Clock.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QJsonObject mappingJson(const engine::CsvImportReport& r)
{
    QJsonObject mapping;
    for (int k = 0; k < engine::kImportFieldCount; ++k) {
        const int col = r.mapping.columns[static_cast<std::size_t>(k)];
        if (col >= 0 && static_cast<std::size_t>(col) < r.header.size())
            mapping.insert(qs(std::string(engine::importFieldKey(static_cast<engine::ImportField>(k)))),
                           qs(r.header[static_cast<std::size_t>(col)]));
    }
    return mapping;
}

QString delimiterName(char d)
{
    return d == '\t' ? QStringLiteral("tab") : QStringLiteral("'%1'").arg(QLatin1Char(d));
}

int listFormats(bool json)
{
    QJsonArray list;
    for (const auto& f : engine::csvFormats()) {
        QJsonArray columns;
        for (const auto& spec : f.fields)
            columns.append(qs(std::string(engine::importFieldKey(spec.field))) +
                           (spec.required ? QStringLiteral("*") : QString()));
        list.append(QJsonObject{{QStringLiteral("name"), qs(f.name)},
                                {QStringLiteral("label"), qs(f.label)},
                                {QStringLiteral("rows"),
                                 f.kind == engine::CsvRowKind::Post ? QStringLiteral("posts") : QStringLiteral("days")},
                                {QStringLiteral("fields"), columns}});
        if (!json)
            printLine(QStringLiteral("%1 %2").arg(qs(f.name), -20).arg(qs(f.label)));
    }
    if (json)
        printJson({{QStringLiteral("formats"), list}});
    return Ok;
}

} // namespace

int runImportCsv(const QStringList& args)
{
    Command cmd(QStringLiteral("import-csv"),
                QStringLiteral("import-csv FILE --account ID [--format NAME] [--dry-run] [--force] [--json]"),
                QStringLiteral("Import a platform's analytics export (X, LinkedIn, Facebook, Instagram, Weibo, WeChat) "
                               "or Herald's generic CSV into an account. The whole file is imported in one "
                               "transaction or not at all: any bad row is listed with its line and nothing changes "
                               "(exit status 2)."));
    auto& p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("CSV file to import."));
    p.addOption({QStringLiteral("account"), QStringLiteral("Account to import into (see heraldctl account list)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Format name instead of detection (see --list-formats)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Check the file and show what would be imported.")});
    p.addOption({QStringLiteral("force"), QStringLiteral("Import again a file that was imported before.")});
    p.addOption({QStringLiteral("date-order"),
                 QStringLiteral("Slashed dates: auto (default), month-first or day-first."), QStringLiteral("ORDER")});
    p.addOption({QStringLiteral("decimal"), QStringLiteral("Decimal separator: auto (default), dot or comma."),
                 QStringLiteral("SEP")});
    p.addOption({QStringLiteral("list-formats"), QStringLiteral("List the formats Herald reads and exit.")});
    if (auto stop = cmd.parse(args))
        return *stop;
    if (p.isSet(QStringLiteral("list-formats")))
        return listFormats(cmd.json());

    const QStringList positional = p.positionalArguments();
    if (positional.size() != 1)
        return cmd.usageError(QStringLiteral("give exactly one CSV file"));
    const QString file = positional.first();
    bool idOk = false;
    const qint64 accountId = p.value(QStringLiteral("account")).toLongLong(&idOk);
    if (!idOk || accountId <= 0)
        return cmd.usageError(QStringLiteral("--account needs an account id"));
    const QString workspace = cmd.workspace(false);
    if (workspace.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace or HERALD_WORKSPACE)"));

    engine::CsvImportRequest request;
    request.accountId = accountId;
    request.fileName = QFileInfo(file).fileName().toStdString();
    auto& options = request.options;
    options.format = p.value(QStringLiteral("format")).toStdString();
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.reimport = p.isSet(QStringLiteral("force"));
    const QString order = p.value(QStringLiteral("date-order"));
    if (order == QLatin1String("month-first"))
        options.dateOrder = engine::DateOrder::MonthFirst;
    else if (order == QLatin1String("day-first"))
        options.dateOrder = engine::DateOrder::DayFirst;
    else if (!order.isEmpty() && order != QLatin1String("auto"))
        return cmd.usageError(QStringLiteral("--date-order is auto, month-first or day-first"));
    const QString decimal = p.value(QStringLiteral("decimal"));
    if (decimal == QLatin1String("dot"))
        options.numberStyle = engine::NumberStyle::DotDecimal;
    else if (decimal == QLatin1String("comma"))
        options.numberStyle = engine::NumberStyle::CommaDecimal;
    else if (!decimal.isEmpty() && decimal != QLatin1String("auto"))
        return cmd.usageError(QStringLiteral("--decimal is auto, dot or comma"));

    auto content = engine::readImportFile(file.toStdString());
    if (!content)
        return reportError(content.error());
    request.content = std::move(*content);
    auto db = engine::Database::open(workspace.toStdString());
    if (!db)
        return reportError(db.error());
    engine::AccountRepository accounts(*db);
    auto account = accounts.find(accountId);
    if (!account)
        return reportError(account.error());
    if (!*account)
        return reportError({ErrorCode::NotFound, "there is no account " + std::to_string(accountId)});
    // Times written without a zone are in the account's zone.
    const QTimeZone zone((*account)->timeZone.c_str());
    if (zone.isValid())
        options.utcOffset = [zone](std::int64_t utc) {
            return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()));
        };

    const bool terminal = stderrIsTerminal() && !cmd.json();
    auto last = std::chrono::steady_clock::now();
    auto progress = [&](double v) {
        const auto now = std::chrono::steady_clock::now();
        if (!terminal || now - last < std::chrono::milliseconds(100))
            return;
        last = now;
        QTextStream(stderr) << "\rImporting " << file << ": " << qRound(v * 100) << "%";
    };
    engine::SystemClock clock;
    auto report = engine::importCsv(*db, request, clock, {}, progress);
    if (terminal)
        QTextStream(stderr) << "\r\033[K";
    if (!report)
        return reportError({report.error().code, file.toStdString() + ": " + report.error().detail});
    const auto& r = *report;

    if (cmd.json()) {
        QJsonArray rejected;
        for (const auto& bad : r.rejected)
            rejected.append(
                QJsonObject{{QStringLiteral("line"), qint64(bad.line)}, {QStringLiteral("reason"), qs(bad.reason)}});
        printJson({{QStringLiteral("file"), file},
                   {QStringLiteral("account"), accountId},
                   {QStringLiteral("format"), qs(r.format)},
                   {QStringLiteral("format_label"), qs(r.formatLabel)},
                   {QStringLiteral("delimiter"), QString(QLatin1Char(r.delimiter))},
                   {QStringLiteral("header_line"), qint64(r.headerLine)},
                   {QStringLiteral("mapping"), mappingJson(r)},
                   {QStringLiteral("sha256"), qs(r.sha256)},
                   {QStringLiteral("rows_read"), qint64(r.rowsRead)},
                   {QStringLiteral("rows_imported"), r.rejected.empty() ? qint64(r.rowsImported) : 0},
                   {QStringLiteral("posts_created"), qint64(r.postsCreated)},
                   {QStringLiteral("posts_updated"), qint64(r.postsUpdated)},
                   {QStringLiteral("post_metrics"), qint64(r.postMetrics)},
                   {QStringLiteral("account_metrics"), qint64(r.accountMetrics)},
                   {QStringLiteral("rejected"), rejected},
                   {QStringLiteral("committed"), r.committed},
                   {QStringLiteral("dry_run"), r.dryRun},
                   {QStringLiteral("already_imported"), r.alreadyImported},
                   {QStringLiteral("import_id"), qint64(r.importId)}});
        return r.rejected.empty() ? Ok : DataError;
    }

    printLine(QStringLiteral("Format: %1 (%2), delimiter %3, header on line %4")
                  .arg(qs(r.format), qs(r.formatLabel), delimiterName(r.delimiter))
                  .arg(r.headerLine));
    printLine(QStringLiteral("Columns:"));
    const QJsonObject mapping = mappingJson(r);
    for (auto it = mapping.begin(); it != mapping.end(); ++it)
        printLine(QStringLiteral("  %1 <- \"%2\"").arg(it.key(), -15).arg(it.value().toString()));
    if (!r.rejected.empty()) {
        for (const auto& bad : r.rejected)
            printErrorLine(QStringLiteral("heraldctl: %1:%2: %3").arg(file).arg(bad.line).arg(qs(bad.reason)));
        printErrorLine(QStringLiteral("heraldctl: %1 of %2 rows rejected; nothing was imported")
                           .arg(r.rejected.size())
                           .arg(r.rowsRead));
        return DataError;
    }
    if (r.dryRun) {
        printLine(QStringLiteral("Dry run: %1 rows would be imported%2")
                      .arg(r.rowsImported)
                      .arg(r.alreadyImported ? QStringLiteral(" (this file was imported before)") : QString()));
    } else if (r.alreadyImported) {
        printLine(QStringLiteral("%1 was already imported into account %2 (import %3); nothing changed. Use --force "
                                 "to import it again.")
                      .arg(file)
                      .arg(accountId)
                      .arg(r.importId));
    } else {
        printLine(QStringLiteral("Imported %1 rows into account %2: %3 posts created, %4 updated, %5 post metrics, "
                                 "%6 account metric values.")
                      .arg(r.rowsImported)
                      .arg(accountId)
                      .arg(r.postsCreated)
                      .arg(r.postsUpdated)
                      .arg(r.postMetrics)
                      .arg(r.accountMetrics));
    }
    return Ok;
}

} // namespace herald::app::cli
