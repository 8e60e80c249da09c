#include <QJsonArray>
#include <QJsonObject>

#include "Cli.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/WorkspaceInfo.h"

namespace herald::app::cli {

namespace {

// Parses a command that works on one workspace (FILE, --workspace or HERALD_WORKSPACE) and opens
// it. Returns an exit status when the command must stop: after --help, or on a usage or data error.
std::optional<int> openCommandWorkspace(Command& cmd, const QStringList& args, QString& path,
                                        std::optional<engine::Database>& db)
{
    cmd.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Workspace file."));
    if (auto stop = cmd.parse(args))
        return stop;
    path = cmd.workspace(true);
    if (path.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given"));
    auto opened = engine::Database::open(path.toStdString());
    if (!opened)
        return reportError(opened.error());
    db = std::move(*opened);
    return std::nullopt;
}

} // namespace

int runInfo(const QStringList& args)
{
    Command cmd(QStringLiteral("info"), QStringLiteral("info FILE [--json]"),
                QStringLiteral("Print a workspace's schema version, row counts per table and date span."));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = openCommandWorkspace(cmd, args, path, db))
        return *stop;
    auto info = engine::readWorkspaceInfo(*db);
    if (!info)
        return reportError(info.error());

    if (cmd.json()) {
        QJsonObject tables;
        for (const auto& [name, rows] : info->rowCounts)
            tables.insert(QString::fromStdString(name), qint64(rows));
        printJson({{QStringLiteral("path"), path},
                   {QStringLiteral("schema_version"), info->schemaVersion},
                   {QStringLiteral("demo"), info->isDemo},
                   {QStringLiteral("name"), QString::fromStdString(info->name)},
                   {QStringLiteral("time_zone"), QString::fromStdString(info->timeZone)},
                   {QStringLiteral("first_day"), QString::fromStdString(info->firstDay)},
                   {QStringLiteral("last_day"), QString::fromStdString(info->lastDay)},
                   {QStringLiteral("rows"), tables}});
        return Ok;
    }
    printLine(QStringLiteral("Workspace:      %1%2").arg(path, info->isDemo ? QStringLiteral(" (demo data)") : QString()));
    if (!info->name.empty())
        printLine(QStringLiteral("Name:           %1").arg(QString::fromStdString(info->name)));
    printLine(QStringLiteral("Schema version: %1").arg(info->schemaVersion));
    if (!info->timeZone.empty())
        printLine(QStringLiteral("Time zone:      %1").arg(QString::fromStdString(info->timeZone)));
    printLine(QStringLiteral("Date span:      %1")
                  .arg(info->firstDay.empty() ? QStringLiteral("no data")
                                              : QString::fromStdString(info->firstDay + " to " + info->lastDay)));
    printLine(QStringLiteral("Rows:"));
    for (const auto& [name, rows] : info->rowCounts)
        printLine(QStringLiteral("  %1 %2").arg(QString::fromStdString(name), -18).arg(rows, 10));
    return Ok;
}

int runCheck(const QStringList& args)
{
    Command cmd(QStringLiteral("check"), QStringLiteral("check FILE [--json]"),
                QStringLiteral("Check a workspace: SQLite's integrity check, foreign keys and Herald's own "
                               "invariants. Exit status 0 when sound, 2 when problems were found."));
    QString path;
    std::optional<engine::Database> db;
    if (auto stop = openCommandWorkspace(cmd, args, path, db))
        return *stop;
    auto problems = engine::checkWorkspace(*db);
    if (!problems)
        return reportError(problems.error());
    if (cmd.json()) {
        QJsonArray list;
        for (const auto& p : *problems)
            list.append(QString::fromStdString(p));
        printJson({{QStringLiteral("path"), path}, {QStringLiteral("ok"), problems->empty()},
                   {QStringLiteral("problems"), list}});
    } else if (problems->empty()) {
        printLine(QStringLiteral("%1: ok").arg(path));
    } else {
        for (const auto& p : *problems)
            printErrorLine(QStringLiteral("heraldctl: %1: %2").arg(path, QString::fromStdString(p)));
    }
    return problems->empty() ? Ok : DataError;
}

int runBackup(const QStringList& args)
{
    Command cmd(QStringLiteral("backup"), QStringLiteral("backup FILE OUT"),
                QStringLiteral("Write a consistent copy of a workspace, even while Herald has it open."));
    cmd.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Workspace file."));
    cmd.parser().addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("New file for the copy."));
    if (auto stop = cmd.parse(args))
        return *stop;
    const auto positional = cmd.parser().positionalArguments();
    const bool fromOption = cmd.parser().isSet(QStringLiteral("workspace"));
    const QString path = cmd.workspace(true);
    const QString out = positional.value(fromOption ? 0 : 1);
    if (path.isEmpty() || out.isEmpty())
        return cmd.usageError(QStringLiteral("give the workspace and the file to write"));
    auto db = engine::Database::open(path.toStdString());
    if (!db)
        return reportError(db.error());
    if (auto r = db->backupTo(out.toStdString()); !r)
        return reportError(r.error());
    if (cmd.json())
        printJson({{QStringLiteral("path"), path}, {QStringLiteral("backup"), out}});
    else
        printLine(QStringLiteral("Backed up %1 to %2").arg(path, out));
    return Ok;
}

} // namespace herald::app::cli
