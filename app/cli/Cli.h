#pragma once

#include <optional>

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "herald/engine/Result.h"

namespace herald::app::cli {

/// Exit statuses of every heraldctl command.
enum Exit { Ok = 0, Usage = 1, DataError = 2 };

/// One subcommand's parser with the options every command shares (--help, --json, --workspace).
class Command
{
public:
    Command(const QString& name, const QString& synopsis, const QString& description);

    QCommandLineParser& parser() { return m_parser; }
    /// Parses `args` (args[0] is the subcommand). Returns an exit status when the command must stop
    /// here: 0 after --help, 1 after a usage error (printed).
    std::optional<int> parse(const QStringList& args);
    bool json() const;
    /// The workspace from --workspace, the first positional argument (when `positional`), or
    /// HERALD_WORKSPACE; empty when none was given.
    QString workspace(bool positional) const;
    int usageError(const QString& message) const;

private:
    QString m_name;
    QString m_synopsis;
    QCommandLineParser m_parser;
};

/// Prints "heraldctl: <detail>" on stderr and returns the exit status for the error.
int reportError(const herald::Error& error);
void printJson(const QJsonObject& object);
void printLine(const QString& text);
void printErrorLine(const QString& text);
/// True when stderr is a terminal (progress is shown only there).
bool stderrIsTerminal();

int runDemo(const QStringList& args);
int runInfo(const QStringList& args);
int runCheck(const QStringList& args);
int runBackup(const QStringList& args);
int runAnalyze(const QStringList& args);
int runReport(const QStringList& args);
int runImportCsv(const QStringList& args);
int runSegment(const QStringList& args);
int runAudience(const QStringList& args);
int runAbTest(const QStringList& args);
int runImportAds(const QStringList& args);
int runAccount(const QStringList& args);
int runSync(const QStringList& args);
int runPost(const QStringList& args);
int runPublishDue(const QStringList& args);

} // namespace herald::app::cli
