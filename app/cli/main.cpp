#include <memory>
#include <string_view>

#include <QApplication>
#include <QTextStream>

#include "Cli.h"
#include "herald/engine/Versions.h"

namespace {

struct Subcommand
{
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

constexpr Subcommand kCommands[] = {
    {"demo", herald::app::cli::runDemo, "write a demo workspace"},
    {"info", herald::app::cli::runInfo, "schema version, row counts and date span of a workspace"},
    {"check", herald::app::cli::runCheck, "integrity check and Herald's invariants"},
    {"backup", herald::app::cli::runBackup, "consistent copy of a (possibly open) workspace"},
    {"analyze", herald::app::cli::runAnalyze, "run an analytics algorithm on your own CSV or text"},
    {"report", herald::app::cli::runReport, "write a PDF, HTML or CSV report (no display needed)"},
    {"import-csv", herald::app::cli::runImportCsv, "import a platform analytics export or generic CSV"},
    {"segment", herald::app::cli::runSegment, "segment the audience (k-means) and print or save the segments"},
    {"audience", herald::app::cli::runAudience, "export an ad audience or segment (handles, hashed list, targeting)"},
    {"abtest", herald::app::cli::runAbTest, "an A/B test's verdict and statistics as JSON"},
    {"import-ads", herald::app::cli::runImportAds, "import an Ads Manager CSV export into ad sets"},
    {"account", herald::app::cli::runAccount, "add, list or remove Mastodon, Bluesky and X accounts"},
    {"sync", herald::app::cli::runSync, "sync posts, metrics, comments and followers of the accounts"},
    {"post", herald::app::cli::runPost, "compose, list, cancel and import (CSV) scheduled posts"},
    {"publish-due", herald::app::cli::runPublishDue, "publish the posts that are due (cron, systemd timer)"},
};

void printUsage(QTextStream& out)
{
    out << "Usage: heraldctl COMMAND [options]\n\nHerald from the command line: the same workspace and engine "
           "as the desktop app, without a display.\n\nCommands:\n";
    for (const auto& c : kCommands)
        out << "  " << QString::fromLatin1(c.name).leftJustified(13) << c.summary << '\n';
    out << "\nEvery command takes --help, --json and --workspace FILE (or HERALD_WORKSPACE).\n"
           "Exit status: 0 ok, 1 usage error, 2 data error.\n";
}

} // namespace

int main(int argc, char* argv[])
{
    // Reports render charts, which needs a GUI application; offscreen, so no display is required.
    const bool gui = argc > 1 && std::string_view(argv[1]) == "report";
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationName(QStringLiteral("Herald"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args[0] == QLatin1String("help") || args[0] == QLatin1String("--help") ||
        args[0] == QLatin1String("-h")) {
        QTextStream out(args.isEmpty() ? stderr : stdout);
        printUsage(out);
        return args.isEmpty() ? herald::app::cli::Usage : herald::app::cli::Ok;
    }
    if (args[0] == QLatin1String("--version")) {
        QTextStream(stdout) << "heraldctl " << HERALD_VERSION << " (SQLite "
                            << QString::fromStdString(herald::engine::sqliteVersion()) << ", Eigen "
                            << QString::fromStdString(herald::engine::eigenVersion()) << ")\n";
        return herald::app::cli::Ok;
    }
    for (const auto& c : kCommands)
        if (args[0] == QLatin1String(c.name))
            return c.run(args);
    QTextStream err(stderr);
    err << "heraldctl: unknown command \"" << args[0] << "\"\n\n";
    printUsage(err);
    return herald::app::cli::Usage;
}
