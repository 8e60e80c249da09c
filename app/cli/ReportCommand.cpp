// heraldctl report: a campaign report as PDF, HTML or CSV, rendered offscreen (no display needed).
#include <algorithm>
#include <tuple>

#include <QCoreApplication>
#include <QLocale>
#include <QJsonArray>
#include <QJsonObject>
#include <QDateTime>

#include "Cli.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/widgets/Report.h"
#include "herald/widgets/WorkspaceSnapshot.h"

namespace herald::app::cli {

namespace {

int listTemplates(const Command& cmd, const QString& workspace)
{
    auto templates = ui::loadReportTemplates(workspace);
    if (!templates)
        return reportError(templates.error());
    if (cmd.json()) {
        QJsonArray list;
        for (const auto& t : *templates) {
            QJsonArray campaigns, accounts;
            for (auto id : t.campaignIds)
                campaigns.append(qint64(id));
            for (auto id : t.accountIds)
                accounts.append(qint64(id));
            list.append(QJsonObject{{QStringLiteral("name"), t.name},
                                    {QStringLiteral("format"), ui::reportFormatKey(t.format)},
                                    {QStringLiteral("last_days"), t.lastDays},
                                    {QStringLiteral("campaigns"), campaigns},
                                    {QStringLiteral("accounts"), accounts},
                                    {QStringLiteral("language"), t.language}});
        }
        printJson({{QStringLiteral("templates"), list}});
        return Ok;
    }
    if (templates->empty())
        printLine(QStringLiteral("No report templates in %1 (save one from the Reports panel).").arg(workspace));
    for (const auto& t : *templates)
        printLine(QStringLiteral("%1\t%2\t%3").arg(t.name, ui::reportFormatKey(t.format),
                                                   t.lastDays > 0 ? QStringLiteral("last %1 days").arg(t.lastDays)
                                                   : t.from.isValid()
                                                       ? t.from.toString(Qt::ISODate) + QStringLiteral(" to ") +
                                                             t.to.toString(Qt::ISODate)
                                                       : QStringLiteral("campaign dates")));
    return Ok;
}

} // namespace

int runReport(const QStringList& args)
{
    Command cmd(QStringLiteral("report"),
                QStringLiteral("report --workspace FILE (--template NAME | [--campaign ID,..] [--from DATE --to DATE] "
                               "[--account ID,..] [--language en|zh_CN]) [--format pdf|html|csv] --out PATH\n"
                               "       heraldctl report --workspace FILE --list-templates"),
                QStringLiteral("Write a report: summary figures against the previous period, the engagement trend "
                               "with its forecast, top posts, campaign results and comment sentiment. With --campaign "
                               "the period runs from the first campaign's start to the last one's end (unless --from/--to "
                               "are given) and the posts are the campaigns'; without either, the last 28 days. "
                               "--template uses a template saved from the Reports panel (its period moves with today "
                               "when it was saved as the last N days); options given as well override it. CSV writes "
                               "one file per table into the --out folder. Needs no display."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("template"), QStringLiteral("A report template saved in the workspace."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("list-templates"), QStringLiteral("List the workspace's report templates.")});
    p.addOption({QStringLiteral("campaign"), QStringLiteral("Campaign ids (see heraldctl info)."), QStringLiteral("ID,..")});
    p.addOption({QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD."), QStringLiteral("DATE")});
    p.addOption({QStringLiteral("account"), QStringLiteral("Only these account ids."), QStringLiteral("ID,..")});
    p.addOption({QStringLiteral("format"), QStringLiteral("pdf, html or csv (default: the template's, else pdf)."),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file (a folder for csv)."), QStringLiteral("PATH")});
    p.addOption({QStringLiteral("language"), QStringLiteral("en or zh_CN (default: the template's, else the system's)."),
                 QStringLiteral("LANG")});
    if (auto stop = cmd.parse(args))
        return *stop;

    const QString workspace = cmd.workspace(false);
    if (workspace.isEmpty())
        return cmd.usageError(QStringLiteral("--workspace FILE is required"));
    if (p.isSet(QStringLiteral("list-templates")))
        return listTemplates(cmd, workspace);

    std::optional<ui::ReportFormat> format;
    if (p.isSet(QStringLiteral("format"))) {
        format = ui::reportFormatFromKey(p.value(QStringLiteral("format")));
        if (!format)
            return cmd.usageError(QStringLiteral("--format takes pdf, html or csv"));
    }
    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return cmd.usageError(QStringLiteral("--out PATH is required"));
    QDate from, to;
    if (p.isSet(QStringLiteral("from")) || p.isSet(QStringLiteral("to"))) {
        from = QDate::fromString(p.value(QStringLiteral("from")), Qt::ISODate);
        to = QDate::fromString(p.value(QStringLiteral("to")), Qt::ISODate);
        if (!from.isValid() || !to.isValid() || to < from)
            return cmd.usageError(QStringLiteral("--from and --to take dates as YYYY-MM-DD, --from first"));
    }
    auto ids = [&](const QString& option, std::vector<std::int64_t>& into) {
        for (const auto& id : p.value(option).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            into.push_back(id.toLongLong(&ok));
            if (!ok)
                return false;
        }
        return true;
    };
    std::vector<std::int64_t> accounts, campaigns;
    if (!ids(QStringLiteral("account"), accounts))
        return cmd.usageError(QStringLiteral("--account takes account ids separated by commas"));
    if (!ids(QStringLiteral("campaign"), campaigns))
        return cmd.usageError(QStringLiteral("--campaign takes campaign ids separated by commas"));

    // Fail on an unwritable output before any work (with a template, its format is known below).
    if (format || !p.isSet(QStringLiteral("template")))
        if (auto ok = ui::checkReportOutput(out, format.value_or(ui::ReportFormat::Pdf)); !ok)
            return reportError(ok.error());
    auto snapshot = ui::loadWorkspaceSnapshot(workspace);
    if (!snapshot)
        return reportError(snapshot.error());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(snapshot->timeZone).date();

    ui::ReportRequest request;
    if (p.isSet(QStringLiteral("template"))) {
        const QString name = p.value(QStringLiteral("template"));
        auto templates = ui::loadReportTemplates(workspace);
        if (!templates)
            return reportError(templates.error());
        auto found = std::find_if(templates->begin(), templates->end(), [&](const auto& t) { return t.name == name; });
        if (found == templates->end())
            return reportError({ErrorCode::NotFound, QStringLiteral("%1: no report template called \"%2\" (heraldctl "
                                                                    "report --list-templates lists them)")
                                                         .arg(workspace, name)
                                                         .toStdString()});
        auto fromTemplate = ui::requestFromTemplate(*found, *snapshot, today);
        if (!fromTemplate)
            return reportError(fromTemplate.error());
        request = *fromTemplate;
        if (!format)
            format = found->format;
    } else {
        request.workspacePath = snapshot->path;
        request.workspaceName = snapshot->name;
        request.zone = snapshot->timeZone;
        request.to = today;
        request.from = today.addDays(-27);
    }
    if (!format)
        format = ui::ReportFormat::Pdf;
    if (p.isSet(QStringLiteral("account")))
        request.accountIds = accounts;
    if (p.isSet(QStringLiteral("campaign"))) {
        request.campaignIds.clear();
        request.campaignNames.clear();
        for (auto id : campaigns) {
            auto found = std::find_if(snapshot->campaigns.begin(), snapshot->campaigns.end(),
                                      [&](const auto& c) { return c.id == id; });
            if (found == snapshot->campaigns.end())
                return reportError({ErrorCode::NotFound,
                                    QStringLiteral("%1: no campaign with id %2").arg(workspace).arg(id).toStdString()});
            request.campaignIds.push_back(id);
            request.campaignNames.append(QString::fromStdString(found->name));
        }
        if (!from.isValid()) {
            auto period = ui::campaignPeriod(campaigns, *snapshot, today);
            if (!period)
                return reportError(period.error());
            std::tie(from, to) = *period;
        }
    }
    if (from.isValid()) {
        request.from = from;
        request.to = to;
    }
    if (p.isSet(QStringLiteral("language")))
        request.language = p.value(QStringLiteral("language"));
    if (!request.language.isEmpty())
        QLocale::setDefault(QLocale(request.language)); // the messages below, too

    if (auto ok = ui::checkReportOutput(out, *format); !ok)
        return reportError(ok.error());
    auto data = ui::gatherReport(request);
    if (!data)
        return reportError(data.error());
    if (auto written = ui::writeReport(request, *data, *format, out); !written)
        return reportError(written.error());
    const QString formatName = ui::reportFormatKey(*format);
    if (cmd.json())
        printJson({{QStringLiteral("path"), out},
                   {QStringLiteral("format"), formatName},
                   {QStringLiteral("from"), request.from.toString(Qt::ISODate)},
                   {QStringLiteral("to"), request.to.toString(Qt::ISODate)},
                   {QStringLiteral("has_data"), data->hasData}});
    else
        printLine(QStringLiteral("Wrote %1 report %2 (%3 to %4)%5")
                      .arg(formatName, out, request.from.toString(Qt::ISODate), request.to.toString(Qt::ISODate),
                           data->hasData ? QString() : QStringLiteral(", which says the period has no data")));
    return Ok;
}

} // namespace herald::app::cli
