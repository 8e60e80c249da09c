#include "herald/widgets/Report.h"

#include <algorithm>
#include <memory>
#include <string_view>

#include <QBuffer>
#include <QChart>
#include <QGraphicsScene>
#include <QPainter>
#include <QCoreApplication>
#include <QtCore/qcoreapplication.h>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextStream>
#include <QTranslator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/Csv.h"
#include "herald/widgets/DateRanges.h"
#include "herald/widgets/TrendsPanel.h"

namespace herald::ui {

namespace {

// Translation context of the report's text.
class Report
{
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr std::size_t kTopPosts = 10;

// Answers every string of the report's contexts with its English source, whatever language the
// application speaks: installed last, it is asked first.
class SourceTextTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* /*disambiguation*/,
                      int /*n*/) const override
    {
        const std::string_view c(context ? context : "");
        if (c == "Report" || c == "herald::ui::TrendsPanel")
            return QString::fromUtf8(sourceText);
        return {};
    }
};

// The report's language for the time it is rendered: its translator and its number and date formats.
class ReportLanguage
{
public:
    explicit ReportLanguage(const QString& language) : m_previous(QLocale())
    {
        if (language.isEmpty() || !QCoreApplication::instance())
            return;
        const QLocale locale(language);
        if (locale.language() == QLocale::English) {
            m_translator = std::make_unique<SourceTextTranslator>();
        } else {
            auto own = std::make_unique<QTranslator>();
            if (!own->load(locale, QStringLiteral("herald"), QStringLiteral("_"), QStringLiteral(":/i18n")))
                return; // no translation in this build: the report stays in the application's language
            m_translator = std::move(own);
        }
        QCoreApplication::installTranslator(m_translator.get());
        QLocale::setDefault(locale);
        m_active = true;
    }
    ~ReportLanguage()
    {
        if (!m_active)
            return;
        QCoreApplication::removeTranslator(m_translator.get());
        QLocale::setDefault(m_previous);
    }
    ReportLanguage(const ReportLanguage&) = delete;
    ReportLanguage& operator=(const ReportLanguage&) = delete;

private:
    QLocale m_previous;
    std::unique_ptr<QTranslator> m_translator;
    bool m_active = false;
};

QString number(double v, int decimals = 0)
{
    return QLocale().toString(v, 'f', decimals);
}

QString percent(double ratio)
{
    return QLocale().toString(ratio * 100, 'f', 2) + QLatin1Char('%');
}

QString change(double current, double previous, bool hasPrevious)
{
    const auto c = engine::percentChange(current, previous);
    if (!hasPrevious || !c)
        return QStringLiteral("–");
    return (*c > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(*c, 'f', 1) + QLatin1Char('%');
}

QString escaped(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QString reportTitle(const ReportRequest& r)
{
    return r.campaignIds.empty() ? Report::tr("Social media report")
                                 : Report::tr("Campaign report: %1").arg(r.campaignNames.join(QStringLiteral(", ")));
}

QString rangeText(const ReportRequest& r)
{
    const QString format = Report::tr("d MMM yyyy", "Date format in reports (QDate format string)");
    return Report::tr("%1 – %2").arg(QLocale().toString(r.from, format), QLocale().toString(r.to, format));
}

// The engagements chart as a PNG, laid out at 900 x 390 and drawn at twice that for print.
QByteArray chartPng(const ReportData& data)
{
    auto parts = TrendsPanel::buildChart(data.engagements, engine::Granularity::Day, Report::tr("Engagements"), true,
                                         false);
    QGraphicsScene scene; // owns the chart from here on
    scene.addItem(parts.chart);
    const QRectF area(0, 0, 900, 390);
    parts.chart->setGeometry(area);
    scene.setSceneRect(area);
    QImage image(1800, 780, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(image.rect()), area);
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

struct KpiRow
{
    QString name;
    QString value;
    QString previous;
    QString change;
};

std::vector<KpiRow> kpiRows(const ReportData& d)
{
    const auto& c = d.dashboard.kpis.current;
    const auto& p = d.dashboard.kpis.previous;
    const bool prev = p.hasData;
    return {
        {Report::tr("Followers"), number(c.followers), number(p.followers), change(c.followers, p.followers, prev)},
        {Report::tr("Follower growth"), number(c.followerGrowth), number(p.followerGrowth),
         change(c.followerGrowth, p.followerGrowth, prev)},
        {Report::tr("Posts published"), number(double(c.postsPublished)), number(double(p.postsPublished)),
         change(double(c.postsPublished), double(p.postsPublished), prev)},
        {Report::tr("Impressions"), number(c.impressions), number(p.impressions), change(c.impressions, p.impressions, prev)},
        {Report::tr("Engagements"), number(c.engagements), number(p.engagements), change(c.engagements, p.engagements, prev)},
        {Report::tr("Engagement rate"), percent(c.engagementRate), percent(p.engagementRate),
         change(c.engagementRate, p.engagementRate, prev)},
    };
}

// One HTML body for both the HTML file (images as data URIs) and the PDF (images as resources).
QString buildHtml(const ReportRequest& r, const ReportData& d, const QString& chartSource)
{
    QString h;
    QTextStream out(&h);
    out << "<html><head><meta charset=\"utf-8\"><title>" << reportTitle(r).toHtmlEscaped() << "</title>"
        << "<style>body{font-family:'Noto Sans','Noto Sans CJK SC',sans-serif;color:#1f2933;}"
           "table{border-collapse:collapse;}th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;"
           "text-align:left;}td.n,th.n{text-align:right;}h1{color:#2f5d8a;}h2{color:#2f5d8a;margin-top:18px;}"
           ".muted{color:#5f6873;}</style></head><body>";
    out << "<h1>" << reportTitle(r).toHtmlEscaped() << "</h1>";
    out << "<p class=\"muted\">" << Report::tr("Workspace: %1").arg(r.workspaceName.toHtmlEscaped()) << "<br>"
        << Report::tr("Period: %1 (%2)").arg(rangeText(r).toHtmlEscaped(), QString::fromUtf8(r.zone.id()).toHtmlEscaped())
        << "<br>" << Report::tr("Generated by Herald on %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat))
        << "</p>";
    out << "<p style=\"page-break-after: always;\">&nbsp;</p>";
    if (!d.hasData) {
        out << "<h2>" << Report::tr("No data") << "</h2><p>"
            << Report::tr("There are no posts or metrics in this period for the chosen accounts, so this report has "
                  "nothing to show.")
            << "</p></body></html>";
        return h;
    }
    if (r.summary) {
        out << "<h2>" << Report::tr("Summary") << "</h2><p class=\"muted\">"
            << Report::tr("Compared with the previous period of the same length.") << "</p><table width=\"100%\" cellspacing=\"0\"><tr><th>" << Report::tr("Figure")
            << "</th><th class=\"n\">" << Report::tr("This period") << "</th><th class=\"n\">" << Report::tr("Previous period")
            << "</th><th class=\"n\">" << Report::tr("Change") << "</th></tr>";
        for (const auto& row : kpiRows(d))
            out << "<tr><td>" << row.name << "</td><td class=\"n\">" << row.value << "</td><td class=\"n\">"
                << row.previous << "</td><td class=\"n\">" << row.change << "</td></tr>";
        out << "</table>";
    }
    if (r.trends) {
        out << "<h2>" << Report::tr("Engagements by day") << "</h2>";
        out << "<p><img src=\"" << chartSource << "\" width=\"640\"></p>";
        if (d.engagements.forecast)
            out << "<p class=\"muted\">"
                << Report::tr("Forecast for the next 30 days with 80% and 95% intervals: %1")
                       .arg(escaped(d.engagements.forecastModel))
                << "</p>";
        if (!d.engagements.anomalies.empty()) {
            out << "<p>" << Report::tr("Unusual days:") << "</p><ul>";
            for (const auto& a : d.engagements.anomalies)
                out << "<li>"
                    << Report::tr("%1: %2 (expected %3)")
                           .arg(escaped(d.engagements.current[a.index].period), number(a.observed),
                                number(a.expected))
                    << "</li>";
            out << "</ul>";
        }
    }
    if (r.topPosts) {
        out << "<h2>" << Report::tr("Top posts") << "</h2>";
        if (d.topPosts.empty()) {
            out << "<p>" << Report::tr("No posts were published in this period.") << "</p>";
        } else {
            out << "<table width=\"100%\" cellspacing=\"0\"><tr><th width=\"14%\">" << Report::tr("Published")
                << "</th><th width=\"16%\">" << Report::tr("Account") << "</th><th width=\"44%\">" << Report::tr("Post")
                << "</th><th class=\"n\">" << Report::tr("Impressions") << "</th><th class=\"n\">" << Report::tr("Engagements")
                << "</th><th class=\"n\">" << Report::tr("Rate") << "</th></tr>";
            for (const auto& p : d.topPosts) {
                QString text = QString::fromStdString(p.text).simplified();
                if (text.size() > 120)
                    text = text.left(119) + QChar(0x2026);
                out << "<tr><td>"
                    << QDateTime::fromSecsSinceEpoch(p.publishedUtc, r.zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    << "</td><td>" << QString::fromUtf8(engine::platformDisplayName(p.platform).data()) << " · "
                    << escaped(p.handle) << "</td><td>" << text.toHtmlEscaped() << "</td><td class=\"n\">"
                    << number(p.impressions) << "</td><td class=\"n\">" << number(p.engagements)
                    << "</td><td class=\"n\">" << percent(p.engagementRate) << "</td></tr>";
            }
            out << "</table>";
        }
    }
    if (r.campaigns) {
        out << "<h2>" << Report::tr("Campaigns") << "</h2>";
        if (d.dashboard.campaigns.empty()) {
            out << "<p>" << Report::tr("No campaign runs in this period.") << "</p>";
        } else {
            out << "<table width=\"100%\" cellspacing=\"0\"><tr><th>" << Report::tr("Campaign") << "</th><th class=\"n\">" << Report::tr("Spend") << "</th><th class=\"n\">"
                << Report::tr("Budget") << "</th><th class=\"n\">" << Report::tr("Results") << "</th><th class=\"n\">" << Report::tr("Goal")
                << "</th><th class=\"n\">" << Report::tr("Cost per result") << "</th></tr>";
            for (const auto& c : d.dashboard.campaigns)
                out << "<tr><td>" << escaped(c.name) << "</td><td class=\"n\">" << number(c.spend, 2) << ' '
                    << escaped(c.currency) << "</td><td class=\"n\">" << number(c.budget, 2) << ' ' << escaped(c.currency)
                    << "</td><td class=\"n\">" << number(c.results) << "</td><td class=\"n\">" << number(c.goalTarget)
                    << "</td><td class=\"n\">" << (c.results > 0 ? number(c.costPerResult, 2) : QStringLiteral("–"))
                    << "</td></tr>";
            out << "</table>";
        }
    }
    if (r.sentiment) {
        const auto& s = d.dashboard;
        out << "<h2>" << Report::tr("Comment sentiment") << "</h2><p>";
        if (!s.sentimentAvailable)
            out << Report::tr("Sentiment is not available: the built-in lexicons could not be read.");
        else if (s.comments == 0)
            out << Report::tr("No comments in this period.");
        else
            out << Report::tr("%1 comments: %2 positive, %3 neutral, %4 negative.")
                       .arg(s.comments)
                       .arg(s.positive)
                       .arg(s.neutral)
                       .arg(s.negative);
        out << "</p>";
    }
    if (r.segments) {
        out << "<h2>" << Report::tr("Audience segments") << "</h2>";
        if (!d.segments) {
            out << "<p>" << Report::tr("No segmentation has been saved yet (Audience panel or heraldctl segment).")
                << "</p>";
        } else {
            const auto& run = *d.segments;
            out << "<p class=\"muted\">"
                << Report::tr("“%1”, saved %2: %3 segments, mean silhouette %4.")
                       .arg(escaped(run.name),
                            QLocale().toString(QDateTime::fromSecsSinceEpoch(run.createdUtc, r.zone).date(),
                                               QLocale::ShortFormat))
                       .arg(run.segments.size())
                       .arg(number(run.silhouette, 2))
                << "</p><table width=\"100%\" cellspacing=\"0\"><tr><th>" << Report::tr("Segment") << "</th><th class=\"n\">"
                << Report::tr("Members") << "</th><th class=\"n\">" << Report::tr("Share") << "</th><th>"
                << Report::tr("Stands out by") << "</th><th>" << Report::tr("Top interests") << "</th></tr>";
            for (const auto& s : run.segments) {
                QStringList traits, interests;
                for (std::size_t i = 0; i < s.traits.size() && i < 3; ++i)
                    traits.append(escaped(s.traits[i].label) + QStringLiteral(" (") +
                                  (s.traits[i].deviation > 0 ? QStringLiteral("+") : QString()) +
                                  number(s.traits[i].deviation, 1) + QStringLiteral(" sd)"));
                for (std::size_t i = 0; i < s.interests.size() && i < 3; ++i)
                    interests.append(escaped(s.interests[i].name));
                out << "<tr><td>" << (s.index + 1) << "</td><td class=\"n\">" << number(double(s.size))
                    << "</td><td class=\"n\">" << percent(s.share) << "</td><td>" << traits.join(QStringLiteral(", "))
                    << "</td><td>" << interests.join(QStringLiteral(", ")) << "</td></tr>";
            }
            out << "</table>";
        }
    }
    if (r.ads) {
        out << "<h2>" << Report::tr("Ad results") << "</h2>";
        if (d.adSets.empty()) {
            out << "<p>" << Report::tr("No ad set ran in this period.") << "</p>";
        } else {
            auto estimate = [](const engine::Estimate& e, int decimals, bool asPercent) {
                if (!e.defined)
                    return QStringLiteral("–");
                auto show = [&](double v) { return asPercent ? percent(v) : number(v, decimals); };
                return show(e.value) + QStringLiteral("<br><span class=\"muted\">") + show(e.interval.low) +
                       QStringLiteral("–") + show(e.interval.high) + QStringLiteral("</span>");
            };
            out << "<p class=\"muted\">" << Report::tr("Intervals are 95% confidence intervals.")
                << "</p><table width=\"100%\" cellspacing=\"0\" style=\"font-size:small\"><tr><th width=\"20%\">"
                << Report::tr("Ad set")
                << "</th><th class=\"n\">" << Report::tr("Spend") << "</th><th class=\"n\">"
                << Report::tr("Impressions") << "</th><th class=\"n\">" << Report::tr("CTR")
                << "</th><th class=\"n\">" << Report::tr("CPC") << "</th><th class=\"n\">"
                << Report::tr("Conversions") << "</th><th class=\"n\">" << Report::tr("CPA")
                << "</th><th class=\"n\">" << Report::tr("ROAS") << "</th></tr>";
            for (const auto& a : d.adSets)
                out << "<tr><td>" << escaped(a.name) << "</td><td class=\"n\">" << number(a.spend, 2) << ' '
                    << escaped(a.currency) << "</td><td class=\"n\">" << number(double(a.impressions))
                    << "</td><td class=\"n\">" << estimate(a.ctr, 2, true) << "</td><td class=\"n\">"
                    << estimate(a.cpc, 2, false) << "</td><td class=\"n\">" << number(double(a.conversions))
                    << "</td><td class=\"n\">" << estimate(a.cpa, 2, false) << "</td><td class=\"n\">"
                    << estimate(a.roas, 2, false) << "</td></tr>";
            out << "</table>";
        }
    }
    if (r.abTests) {
        out << "<h2>" << Report::tr("A/B tests") << "</h2>";
        if (d.abTests.empty()) {
            out << "<p>" << Report::tr("No A/B test ran in this period.") << "</p>";
        } else {
            out << "<table width=\"100%\" cellspacing=\"0\"><tr><th>" << Report::tr("Test") << "</th><th>"
                << Report::tr("Variants (rate, chance of being best)") << "</th><th class=\"n\">" << Report::tr("p-value")
                << "</th><th>" << Report::tr("Verdict") << "</th></tr>";
            for (const auto& e : d.abTests) {
                QStringList variants;
                for (const auto& v : e.variants)
                    variants.append(escaped(v.label) + QStringLiteral(": ") + percent(v.rate) + QStringLiteral(", ") +
                                    percent(v.probabilityBest));
                QString verdict;
                switch (e.verdict) {
                case engine::AbVerdict::Winner:
                    verdict = Report::tr("%1 wins").arg(e.best ? escaped(e.variants[*e.best].label) : QString());
                    break;
                case engine::AbVerdict::NoDifference:
                    verdict = Report::tr("No significant difference");
                    break;
                case engine::AbVerdict::NotEnoughData:
                    verdict = Report::tr("Too early: the planned sample (%1 per variant) is not reached")
                                  .arg(number(double(e.test.plannedSample)));
                    break;
                }
                out << "<tr><td>" << escaped(e.test.name) << "</td><td>" << variants.join(QStringLiteral("<br>"))
                    << "</td><td class=\"n\">" << (e.testDefined ? number(e.pValue, 4) : QStringLiteral("–"))
                    << "</td><td>" << verdict << "</td></tr>";
            }
            out << "</table>";
        }
    }
    out << "</body></html>";
    return h;
}

Result<bool> writeText(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": ") + file.errorString()).toStdString());
    file.write(text.toUtf8());
    if (!file.flush())
        return fail(ErrorCode::Storage, (path + QStringLiteral(": ") + file.errorString()).toStdString());
    return true;
}

Result<bool> writeCsv(const ReportRequest& r, const ReportData& d, const QString& folder)
{
    QDir dir(folder);
    QString summary = QStringLiteral("figure,this_period,previous_period\n");
    const auto& c = d.dashboard.kpis.current;
    const auto& p = d.dashboard.kpis.previous;
    const std::pair<const char*, std::pair<double, double>> figures[] = {
        {"followers", {c.followers, p.followers}},
        {"follower_growth", {c.followerGrowth, p.followerGrowth}},
        {"posts_published", {double(c.postsPublished), double(p.postsPublished)}},
        {"impressions", {c.impressions, p.impressions}},
        {"engagements", {c.engagements, p.engagements}},
        {"engagement_rate", {c.engagementRate, p.engagementRate}}};
    for (const auto& [name, values] : figures)
        summary += QStringLiteral("%1,%2,%3\n")
                       .arg(QLatin1String(name), QString::number(values.first, 'g', 15),
                            QString::number(values.second, 'g', 15));
    if (auto w = writeText(dir.filePath(QStringLiteral("summary.csv")), summary); !w)
        return w;
    QString daily = QStringLiteral("day,engagements\n");
    for (const auto& pt : d.engagements.current)
        daily += QString::fromStdString(pt.period) + QLatin1Char(',') +
                 (pt.missing ? QString() : QString::number(pt.value, 'g', 15)) + QLatin1Char('\n');
    if (auto w = writeText(dir.filePath(QStringLiteral("engagements_daily.csv")), daily); !w)
        return w;
    QString posts = QStringLiteral("published_utc,network,handle,text,impressions,engagements,engagement_rate,permalink\n");
    for (const auto& pp : d.topPosts)
        posts += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
                     .arg(QDateTime::fromSecsSinceEpoch(pp.publishedUtc, QTimeZone::utc()).toString(Qt::ISODate),
                          QString::fromUtf8(engine::platformKey(pp.platform).data()),
                          csvCell(QString::fromStdString(pp.handle)), csvCell(QString::fromStdString(pp.text)),
                          QString::number(pp.impressions, 'g', 15), QString::number(pp.engagements, 'g', 15),
                          QString::number(pp.engagementRate, 'g', 15), csvCell(QString::fromStdString(pp.permalink)));
    if (auto w = writeText(dir.filePath(QStringLiteral("top_posts.csv")), posts); !w)
        return w;
    QString campaigns = QStringLiteral("campaign,currency,spend,budget,results,goal,cost_per_result\n");
    for (const auto& cc : d.dashboard.campaigns)
        campaigns += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                         .arg(csvCell(QString::fromStdString(cc.name)), QString::fromStdString(cc.currency),
                              QString::number(cc.spend, 'g', 15), QString::number(cc.budget, 'g', 15),
                              QString::number(cc.results, 'g', 15), QString::number(cc.goalTarget, 'g', 15),
                              QString::number(cc.costPerResult, 'g', 15));
    if (auto w = writeText(dir.filePath(QStringLiteral("campaigns.csv")), campaigns); !w)
        return w;
    if (r.segments && d.segments) {
        QString segments = QStringLiteral("run,segment,members,share,top_interests\n");
        for (const auto& s : d.segments->segments) {
            QStringList interests;
            for (const auto& i : s.interests)
                interests.append(QString::fromStdString(i.name));
            segments += QStringLiteral("%1,%2,%3,%4,%5\n")
                            .arg(csvCell(QString::fromStdString(d.segments->name)))
                            .arg(s.index + 1)
                            .arg(s.size)
                            .arg(QString::number(s.share, 'g', 15), csvCell(interests.join(QLatin1Char(';'))));
        }
        if (auto w = writeText(dir.filePath(QStringLiteral("segments.csv")), segments); !w)
            return w;
    }
    if (r.ads) {
        QString ads = QStringLiteral("ad_set,platform,currency,spend,impressions,clicks,conversions,revenue,ctr,ctr_low,"
                                     "ctr_high,cpa,roas\n");
        auto value = [](const engine::Estimate& e) { return e.defined ? QString::number(e.value, 'g', 15) : QString(); };
        for (const auto& a : d.adSets)
            ads += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13\n")
                       .arg(csvCell(QString::fromStdString(a.name)), QString::fromStdString(a.platform),
                            QString::fromStdString(a.currency), QString::number(a.spend, 'g', 15))
                       .arg(a.impressions)
                       .arg(a.clicks)
                       .arg(a.conversions)
                       .arg(QString::number(a.revenue, 'g', 15), value(a.ctr),
                            a.ctr.defined ? QString::number(a.ctr.interval.low, 'g', 15) : QString(),
                            a.ctr.defined ? QString::number(a.ctr.interval.high, 'g', 15) : QString(), value(a.cpa),
                            value(a.roas));
        if (auto w = writeText(dir.filePath(QStringLiteral("ad_sets.csv")), ads); !w)
            return w;
    }
    if (r.abTests) {
        QString tests = QStringLiteral("test,variant,visitors,conversions,rate,probability_best,p_value,verdict\n");
        for (const auto& e : d.abTests)
            for (const auto& v : e.variants)
                tests += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
                             .arg(csvCell(QString::fromStdString(e.test.name)), csvCell(QString::fromStdString(v.label)))
                             .arg(v.visitors)
                             .arg(v.conversions)
                             .arg(QString::number(v.rate, 'g', 15), QString::number(v.probabilityBest, 'g', 15),
                                  e.testDefined ? QString::number(e.pValue, 'g', 15) : QString(),
                                  QString::fromLatin1(engine::abVerdictKey(e.verdict)));
        if (auto w = writeText(dir.filePath(QStringLiteral("ab_tests.csv")), tests); !w)
            return w;
    }
    return true;
}

} // namespace

Result<ReportData> gatherReport(const ReportRequest& request)
{
    if (!request.from.isValid() || !request.to.isValid() || request.to < request.from)
        return fail(ErrorCode::Invalid, "the report needs a valid period");
    const DayRange range{request.from, request.to};
    const auto current = toKpiRange(range, request.zone);
    const auto previous = toKpiRange(range.previous(), request.zone);
    ReportData data;
    auto dashboard = readDashboard(request.workspacePath.toStdString(), current, previous, request.accountIds,
                                   request.zone);
    if (!dashboard)
        return tl::unexpected(dashboard.error());
    data.dashboard = std::move(*dashboard);
    TrendsRequest trends;
    trends.workspacePath = request.workspacePath.toStdString();
    trends.timeZone = request.zone.id().toStdString();
    trends.series.metric = TrendMetric::Engagements;
    trends.series.accountIds = request.accountIds;
    trends.granularity = engine::Granularity::Day;
    trends.fromDay = current.fromDay;
    trends.toDay = current.toDay;
    trends.fromUtc = current.fromUtc;
    trends.toUtc = current.toUtc;
    trends.comparePrevious = true;
    trends.forecast = request.trends;
    trends.anomalies = request.trends;
    auto series = computeTrends(trends);
    if (!series)
        return tl::unexpected(series.error());
    data.engagements = std::move(*series);
    auto posts = data.engagements.posts;
    auto chosen = [&](std::optional<std::int64_t> id) {
        return id && std::find(request.campaignIds.begin(), request.campaignIds.end(), *id) != request.campaignIds.end();
    };
    if (!request.campaignIds.empty()) {
        std::erase_if(posts, [&](const auto& p) { return !chosen(p.campaignId); });
        std::erase_if(data.dashboard.campaigns, [&](const auto& c) { return !chosen(std::optional(c.campaignId)); });
    }
    std::sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) { return a.engagements > b.engagements; });
    if (posts.size() > kTopPosts)
        posts.resize(kTopPosts);
    data.topPosts = std::move(posts);
    data.hasData = data.dashboard.kpis.current.hasData;
    if (request.segments || request.ads || request.abTests) {
        auto db = engine::Database::open(request.workspacePath.toStdString());
        if (!db)
            return tl::unexpected(db.error());
        if (request.segments) {
            auto runs = engine::listSegmentRuns(*db);
            if (!runs)
                return tl::unexpected(runs.error());
            if (!runs->empty())
                data.segments = std::move(runs->front());
        }
        if (request.ads) {
            auto stats = engine::adSetStatistics(*db, current.fromDay, current.toDay);
            if (!stats)
                return tl::unexpected(stats.error());
            for (auto& s : *stats)
                if (s.days > 0)
                    data.adSets.push_back(std::move(s));
        }
        if (request.abTests) {
            auto tests = engine::listAbTests(*db);
            if (!tests)
                return tl::unexpected(tests.error());
            for (const auto& t : *tests) {
                if ((t.windowEndUtc && *t.windowEndUtc <= current.fromUtc) ||
                    (t.windowStartUtc && *t.windowStartUtc >= current.toUtc))
                    continue; // the test ran outside the period
                auto evaluation = engine::evaluateAbTest(*db, t.id);
                if (!evaluation)
                    return tl::unexpected(evaluation.error());
                data.abTests.push_back(std::move(*evaluation));
            }
        }
    }
    return data;
}

Result<bool> checkReportOutput(const QString& path, ReportFormat format)
{
    if (path.isEmpty())
        return fail(ErrorCode::Invalid, "no output path given");
    if (format == ReportFormat::Csv) {
        if (!QDir().mkpath(path))
            return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": the folder cannot be created")).toStdString());
        const QFileInfo info(path);
        if (!info.isDir() || !info.isWritable())
            return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": the folder is not writable")).toStdString());
        return true;
    }
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return fail(ErrorCode::NotFound, (path + QStringLiteral(": the folder ") + info.absolutePath() +
                                          QStringLiteral(" does not exist"))
                                             .toStdString());
    if (!folder.isWritable() || (info.exists() && !info.isWritable()))
        return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": cannot be written")).toStdString());
    if (info.isDir())
        return fail(ErrorCode::Invalid, (path + QStringLiteral(": is a folder")).toStdString());
    return true;
}

QString reportHtml(const ReportRequest& request, const ReportData& data)
{
    const ReportLanguage language(request.language);
    QString chart;
    if (data.hasData && request.trends)
        chart = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(chartPng(data).toBase64());
    return buildHtml(request, data, chart);
}

Result<bool> writeReport(const ReportRequest& request, const ReportData& data, ReportFormat format,
                         const QString& path)
{
    if (auto ok = checkReportOutput(path, format); !ok)
        return ok;
    const ReportLanguage language(request.language);
    switch (format) {
    case ReportFormat::Html: return writeText(path, reportHtml(request, data));
    case ReportFormat::Csv: return writeCsv(request, data, path);
    case ReportFormat::Pdf: {
        QTextDocument doc;
        if (data.hasData && request.trends) {
            QImage image;
            image.loadFromData(chartPng(data), "PNG");
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("herald:chart")), image);
        }
        doc.setHtml(buildHtml(request, data, QStringLiteral("herald:chart")));
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(300);
        pdf.setTitle(reportTitle(request));
        pdf.setCreator(QStringLiteral("Herald"));
        // QTextDocument::print lays the document out on pages and numbers them.
        doc.print(&pdf);
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return fail(ErrorCode::Storage, (path + QStringLiteral(": the PDF could not be written")).toStdString());
        return true;
    }
    }
    return fail(ErrorCode::Invalid, "unknown report format");
}

namespace {

constexpr std::string_view kTemplatePrefix = "report_template.";

QJsonArray idArray(const std::vector<std::int64_t>& ids)
{
    QJsonArray a;
    for (auto id : ids)
        a.append(QString::number(id));
    return a;
}

std::vector<std::int64_t> idsFrom(const QJsonValue& v)
{
    std::vector<std::int64_t> out;
    for (const auto& e : v.toArray())
        out.push_back(e.toString().toLongLong());
    return out;
}

QByteArray templateJson(const ReportTemplate& t)
{
    QJsonObject o{{QStringLiteral("name"), t.name},
                  {QStringLiteral("accounts"), idArray(t.accountIds)},
                  {QStringLiteral("campaigns"), idArray(t.campaignIds)},
                  {QStringLiteral("last_days"), t.lastDays},
                  {QStringLiteral("from"), t.from.toString(Qt::ISODate)},
                  {QStringLiteral("to"), t.to.toString(Qt::ISODate)},
                  {QStringLiteral("language"), t.language},
                  {QStringLiteral("format"), reportFormatKey(t.format)},
                  {QStringLiteral("sections"),
                   QJsonObject{{QStringLiteral("summary"), t.summary},
                               {QStringLiteral("trends"), t.trends},
                               {QStringLiteral("top_posts"), t.topPosts},
                               {QStringLiteral("campaigns"), t.campaigns},
                               {QStringLiteral("sentiment"), t.sentiment},
                               {QStringLiteral("segments"), t.segments},
                               {QStringLiteral("ads"), t.ads},
                               {QStringLiteral("ab_tests"), t.abTests}}}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ReportTemplate> templateFrom(const QByteArray& json)
{
    const auto doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const auto o = doc.object();
    ReportTemplate t;
    t.name = o.value(QStringLiteral("name")).toString();
    if (t.name.isEmpty())
        return std::nullopt;
    t.accountIds = idsFrom(o.value(QStringLiteral("accounts")));
    t.campaignIds = idsFrom(o.value(QStringLiteral("campaigns")));
    t.lastDays = o.value(QStringLiteral("last_days")).toInt(28);
    t.from = QDate::fromString(o.value(QStringLiteral("from")).toString(), Qt::ISODate);
    t.to = QDate::fromString(o.value(QStringLiteral("to")).toString(), Qt::ISODate);
    t.language = o.value(QStringLiteral("language")).toString();
    t.format = reportFormatFromKey(o.value(QStringLiteral("format")).toString()).value_or(ReportFormat::Pdf);
    const auto s = o.value(QStringLiteral("sections")).toObject();
    t.summary = s.value(QStringLiteral("summary")).toBool(true);
    t.trends = s.value(QStringLiteral("trends")).toBool(true);
    t.topPosts = s.value(QStringLiteral("top_posts")).toBool(true);
    t.campaigns = s.value(QStringLiteral("campaigns")).toBool(true);
    t.sentiment = s.value(QStringLiteral("sentiment")).toBool(true);
    t.segments = s.value(QStringLiteral("segments")).toBool(true);
    t.ads = s.value(QStringLiteral("ads")).toBool(true);
    t.abTests = s.value(QStringLiteral("ab_tests")).toBool(true);
    return t;
}

} // namespace

QString reportFormatKey(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf: return QStringLiteral("pdf");
    case ReportFormat::Html: return QStringLiteral("html");
    case ReportFormat::Csv: return QStringLiteral("csv");
    }
    return QStringLiteral("pdf");
}

std::optional<ReportFormat> reportFormatFromKey(const QString& key)
{
    if (key == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    if (key == QLatin1String("html"))
        return ReportFormat::Html;
    if (key == QLatin1String("csv"))
        return ReportFormat::Csv;
    return std::nullopt;
}

Result<std::vector<ReportTemplate>> loadReportTemplates(const QString& workspacePath)
{
    auto db = engine::Database::open(workspacePath.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    auto stmt = db->prepare("SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, std::string(kTemplatePrefix));
    std::vector<ReportTemplate> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (auto t = templateFrom(QByteArray::fromStdString((*stmt)->text(1))))
            out.push_back(std::move(*t));
    }
    (*stmt)->reset();
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return out;
}

Result<bool> saveReportTemplate(const QString& workspacePath, const ReportTemplate& reportTemplate)
{
    if (reportTemplate.name.trimmed().isEmpty())
        return fail(ErrorCode::Invalid, "a report template needs a name");
    auto db = engine::Database::open(workspacePath.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    const std::string key = std::string(kTemplatePrefix) + reportTemplate.name.trimmed().toStdString();
    if (auto r = engine::SettingsRepository(*db).setValue(key, templateJson(reportTemplate).toStdString()); !r)
        return tl::unexpected(r.error());
    return true;
}

Result<bool> deleteReportTemplate(const QString& workspacePath, const QString& name)
{
    auto db = engine::Database::open(workspacePath.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    auto stmt = db->prepare("DELETE FROM settings WHERE key = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, std::string(kTemplatePrefix) + name.toStdString());
    if (auto r = (*stmt)->step(); !r)
        return tl::unexpected(r.error());
    (*stmt)->reset();
    if (db->changes() == 0)
        return fail(ErrorCode::NotFound, "no report template called \"" + name.toStdString() + "\"");
    return true;
}

Result<std::pair<QDate, QDate>> campaignPeriod(const std::vector<std::int64_t>& campaignIds,
                                              const WorkspaceSnapshot& snapshot, const QDate& today)
{
    QDate from, to;
    for (auto id : campaignIds) {
        auto c = std::find_if(snapshot.campaigns.begin(), snapshot.campaigns.end(),
                              [id](const auto& x) { return x.id == id; });
        if (c == snapshot.campaigns.end())
            return fail(ErrorCode::NotFound, "no campaign with id " + std::to_string(id));
        const QDate start = QDate::fromString(QString::fromStdString(c->startDay), Qt::ISODate);
        const QDate end = QDate::fromString(QString::fromStdString(c->endDay), Qt::ISODate);
        if (!start.isValid())
            return fail(ErrorCode::Invalid, "campaign \"" + c->name + "\" has no start date; give the period");
        from = from.isValid() ? std::min(from, start) : start;
        const QDate last = end.isValid() ? std::min(end, today) : today;
        to = to.isValid() ? std::max(to, last) : last;
    }
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(ErrorCode::Invalid, "the campaigns have not started yet; give the period");
    return std::pair{from, to};
}

Result<ReportRequest> requestFromTemplate(const ReportTemplate& t, const WorkspaceSnapshot& snapshot,
                                          const QDate& today)
{
    ReportRequest r;
    r.workspacePath = snapshot.path;
    r.workspaceName = snapshot.name;
    r.zone = snapshot.timeZone;
    r.language = t.language;
    for (auto id : t.accountIds)
        if (std::none_of(snapshot.accounts.begin(), snapshot.accounts.end(), [id](const auto& a) { return a.id == id; }))
            return fail(ErrorCode::NotFound, "template \"" + t.name.toStdString() + "\": account " +
                                                 std::to_string(id) + " no longer exists");
    r.accountIds = t.accountIds;
    for (auto id : t.campaignIds) {
        auto c = std::find_if(snapshot.campaigns.begin(), snapshot.campaigns.end(),
                              [id](const auto& x) { return x.id == id; });
        if (c == snapshot.campaigns.end())
            return fail(ErrorCode::NotFound, "template \"" + t.name.toStdString() + "\": campaign " +
                                                 std::to_string(id) + " no longer exists");
        r.campaignIds.push_back(id);
        r.campaignNames.append(QString::fromStdString(c->name));
    }
    if (t.lastDays > 0) {
        r.to = today;
        r.from = today.addDays(-(t.lastDays - 1));
    } else if (t.from.isValid() && t.to.isValid()) {
        r.from = t.from;
        r.to = t.to;
    } else {
        auto period = campaignPeriod(t.campaignIds, snapshot, today);
        if (!period)
            return tl::unexpected(period.error());
        std::tie(r.from, r.to) = *period;
    }
    r.summary = t.summary;
    r.trends = t.trends;
    r.topPosts = t.topPosts;
    r.campaigns = t.campaigns;
    r.sentiment = t.sentiment;
    r.segments = t.segments;
    r.ads = t.ads;
    r.abTests = t.abTests;
    return r;
}

} // namespace herald::ui
