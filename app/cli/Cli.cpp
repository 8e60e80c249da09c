#include "Cli.h"

#include <cstdio>

#include <QJsonDocument>
#include <QTextStream>
#include <unistd.h>

namespace herald::app::cli {

Command::Command(const QString& name, const QString& synopsis, const QString& description)
    : m_name(name), m_synopsis(synopsis)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print machine-readable JSON on stdout.")});
    m_parser.addOption({QStringLiteral("workspace"),
                        QStringLiteral("Workspace file (default: $HERALD_WORKSPACE)."), QStringLiteral("FILE")});
}

std::optional<int> Command::parse(const QStringList& args)
{
    if (!m_parser.parse(args))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        // Qt's first line names the binary's full path; show the subcommand's synopsis instead.
        QString help = m_parser.helpText();
        const auto firstLineEnd = help.indexOf(QLatin1Char('\n'));
        help.replace(0, firstLineEnd, QStringLiteral("Usage: heraldctl ") + m_synopsis);
        QTextStream(stdout) << help;
        return Ok;
    }
    return std::nullopt;
}

bool Command::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

QString Command::workspace(bool positional) const
{
    if (m_parser.isSet(QStringLiteral("workspace")))
        return m_parser.value(QStringLiteral("workspace"));
    if (positional && !m_parser.positionalArguments().isEmpty())
        return m_parser.positionalArguments().first();
    return qEnvironmentVariable("HERALD_WORKSPACE");
}

int Command::usageError(const QString& message) const
{
    printErrorLine(QStringLiteral("heraldctl %1: %2").arg(m_name, message));
    printErrorLine(QStringLiteral("Usage: heraldctl %1 (see heraldctl %2 --help)").arg(m_synopsis, m_name));
    return Usage;
}

int reportError(const herald::Error& error)
{
    printErrorLine(QStringLiteral("heraldctl: %1").arg(QString::fromStdString(error.detail)));
    return DataError;
}

void printJson(const QJsonObject& object)
{
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void printLine(const QString& text)
{
    QTextStream(stdout) << text << '\n';
}

void printErrorLine(const QString& text)
{
    QTextStream(stderr) << text << '\n';
}

bool stderrIsTerminal()
{
    return ::isatty(fileno(stderr)) == 1;
}

} // namespace herald::app::cli
