// heraldctl import-ads: daily ad-set results from an Ads Manager CSV export.
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include "Cli.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AdsImport.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli {

int runImportAds(const QStringList& args)
{
    Command cmd(QStringLiteral("import-ads"), QStringLiteral("import-ads CSV --workspace FILE [--json]"),
                QStringLiteral("Import an Ads Manager export with a daily breakdown (Ad set name, Day or Reporting "
                               "starts, Impressions, Link clicks or Clicks (all), Amount spent (XXX); optional Results "
                               "or Purchases, Purchase conversion value, Ad set ID) into the workspace's ad sets. One "
                               "transaction: a missing column, a bad value or a currency mix changes nothing."));
    cmd.parser().addPositionalArgument(QStringLiteral("CSV"), QStringLiteral("The Ads Manager export."));
    if (auto stop = cmd.parse(args))
        return *stop;
    const QStringList positional = cmd.parser().positionalArguments();
    if (positional.size() != 1)
        return cmd.usageError(QStringLiteral("give one CSV file"));
    const QString workspace = cmd.workspace(false);
    if (workspace.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace FILE or HERALD_WORKSPACE)"));
    QFile file(positional[0]);
    if (!file.open(QIODevice::ReadOnly))
        return reportError({ErrorCode::NotFound,
                            "cannot read " + positional[0].toStdString() + ": " + file.errorString().toStdString()});
    const QByteArray bytes = file.readAll();
    auto db = engine::Database::open(workspace.toStdString());
    if (!db)
        return reportError(db.error());
    const engine::SystemClock clock;
    auto summary =
        engine::importAdsCsv(*db, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                             QFileInfo(positional[0]).fileName().toStdString(), clock);
    if (!summary)
        return reportError(summary.error());
    if (cmd.json()) {
        printJson({{QStringLiteral("rows"), qint64(summary->rows)},
                   {QStringLiteral("days"), qint64(summary->days)},
                   {QStringLiteral("ad_sets_created"), qint64(summary->adSetsCreated)},
                   {QStringLiteral("ad_sets_updated"), qint64(summary->adSetsUpdated)},
                   {QStringLiteral("currency"), QString::fromStdString(summary->currency)}});
        return Ok;
    }
    printLine(QStringLiteral("Imported %1 rows: %2 ad-set days, %3 new and %4 existing ad sets (%5).")
                  .arg(summary->rows)
                  .arg(summary->days)
                  .arg(summary->adSetsCreated)
                  .arg(summary->adSetsUpdated)
                  .arg(QString::fromStdString(summary->currency)));
    return Ok;
}

} // namespace herald::app::cli
