// heraldctl report: a campaign report as PDF, HTML or CSV, rendered offscreen (no display needed).
#include <QCoreApplication>
#include <QDateTime>
#include <QLibraryInfo>
#include <QTranslator>

#include "Cli.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/widgets/Report.h"
#include "herald/widgets/WorkspaceSnapshot.h"

namespace herald::app::cli {

int runReport(const QStringList& args)
{
    Command cmd(QStringLiteral("report"),
                QStringLiteral("report --workspace FILE [--campaign ID | --from DATE --to DATE] [--account ID,..] "
                               "--format pdf|html|csv --out PATH [--language en|zh_CN]"),
                QStringLiteral("Write a report: summary figures against the previous period, the engagement trend "
                               "with its forecast, top posts, campaign results and comment sentiment. With --campaign "
                               "the period is the campaign's (unless --from/--to are given) and the posts are the "
                               "campaign's; without either, the last 28 days. CSV writes one file per table into the "
                               "--out folder. Needs no display."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("campaign"), QStringLiteral("Campaign id (see heraldctl info)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("account"), QStringLiteral("Only these account ids."), QStringLiteral("ID,..")});
    p.addOption({QStringLiteral("format"), QStringLiteral("pdf, html or csv."), QStringLiteral("FORMAT"),
                 QStringLiteral("pdf")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file (a folder for csv)."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("language"), QStringLiteral("en or zh_CN (default: the system's)."),
                 QStringLiteral("LANG")});
    if (auto stop = cmd.parse(args))
        return *stop;

    const QString formatName = p.value(QStringLiteral("format"));
    ui::ReportFormat format;
    if (formatName == QLatin1String("pdf"))
        format = ui::ReportFormat::Pdf;
    else if (formatName == QLatin1String("html"))
        format = ui::ReportFormat::Html;
    else if (formatName == QLatin1String("csv"))
        format = ui::ReportFormat::Csv;
    else
        return cmd.usageError(QStringLiteral("--format takes pdf, html or csv"));
    const QString out = p.value(QStringLiteral("out"));
    const QString workspace = cmd.workspace(false);
    if (out.isEmpty() || workspace.isEmpty())
        return cmd.usageError(QStringLiteral("--workspace FILE and --out PATH are required"));
    QDate from, to;
    if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"))) {
        from = QDate::fromString(p.value(QStringLiteral("from")), Qt::ISODate);
        to = QDate::fromString(p.value(QStringLiteral("to")), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || to < from)
            return cmd.usageError(QStringLiteral("--from and --to take dates as YYYY-MM-DD, --from first"));
    }
    std::vector<std::int64_t> accounts;
    for (const auto& id : p.value(QStringLiteral("account")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        accounts.push_back(id.toLongLong(&ok));
        if (!ok)
            return cmd.usageError(QStringLiteral("--account takes account ids separated by commas"));
    }
    // Fail on an unwritable output before any work.
    if (auto ok = ui::checkReportOutput(out, format); !ok)
        return reportError(ok.error());

    if (p.isSet(QStringLiteral("language"))) {
        const QLocale locale(p.value(QStringLiteral("language")));
        QLocale::setDefault(locale);
        auto* own = new QTranslator(qApp);
        if (own->load(locale, QStringLiteral("herald"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(own);
    }

    auto snapshot = ui::loadWorkspaceSnapshot(workspace);
    if (!snapshot)
        return reportError(snapshot.error());
    ui::ReportRequest request;
    request.workspacePath = snapshot->path;
    request.workspaceName = snapshot->name;
    request.zone = snapshot->timeZone;
    request.accountIds = accounts;
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(snapshot->timeZone).date();
    if (p.isSet(QStringLiteral("campaign"))) {
        bool ok = false;
        const qint64 id = p.value(QStringLiteral("campaign")).toLongLong(&ok);
        auto found = std::find_if(snapshot->campaigns.begin(), snapshot->campaigns.end(),
                                  [&](const auto& c) { return c.id == id; });
        if (!ok || found == snapshot->campaigns.end())
            return reportError({ErrorCode::NotFound, QStringLiteral("%1: no campaign with id %2")
                                                         .arg(workspace, p.value(QStringLiteral("campaign")))
                                                         .toStdString()});
        request.campaignId = id;
        request.campaignName = QString::fromStdString(found->name);
        if (!from.isValid()) {
            from = QDate::fromString(QString::fromStdString(found->startDay), Qt::ISODate);
            to = std::min(QDate::fromString(QString::fromStdString(found->endDay), Qt::ISODate), today);
            if (!from.isValid() || !to.isValid() || to < from)
                return reportError({ErrorCode::Invalid, QStringLiteral("campaign %1 has no usable dates; give "
                                                                       "--from and --to")
                                                            .arg(id)
                                                            .toStdString()});
        }
    }
    if (!from.isValid()) {
        to = today;
        from = today.addDays(-27);
    }
    request.from = from;
    request.to = to;
    auto data = ui::gatherReport(request);
    if (!data)
        return reportError(data.error());
    if (auto written = ui::writeReport(request, *data, format, out); !written)
        return reportError(written.error());
    if (cmd.json())
        printJson({{QStringLiteral("path"), out},
                   {QStringLiteral("format"), formatName},
                   {QStringLiteral("from"), from.toString(Qt::ISODate)},
                   {QStringLiteral("to"), to.toString(Qt::ISODate)},
                   {QStringLiteral("has_data"), data->hasData}});
    else
        printLine(QStringLiteral("Wrote %1 report %2 (%3 to %4)%5")
                      .arg(formatName, out, from.toString(Qt::ISODate), to.toString(Qt::ISODate),
                           data->hasData ? QString() : QStringLiteral(", which says the period has no data")));
    return Ok;
}

} // namespace herald::app::cli
