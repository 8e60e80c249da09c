#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QTest>

#include "TestSupport.h"
#include "WorkspaceFixture.h"
#include "herald/engine/store/CommentRepository.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/widgets/DateRanges.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/widgets/Report.h"
#include "herald/widgets/ReportsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTextBrowser>

using namespace herald;

namespace {

const QDate kToday(2026, 3, 31);
const std::string kHostile = "<script>alert('x')</script> & \"quotes\" <b>bold</b>";

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    std::string m_path;

    ui::ReportRequest request(const QDate& from, const QDate& to) const
    {
        ui::ReportRequest r;
        r.workspacePath = QString::fromStdString(m_path);
        r.workspaceName = QString::fromStdString(kHostile);
        r.zone = QTimeZone("Europe/Berlin");
        r.from = from;
        r.to = to;
        return r;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.path("report.herald");
        test::writeSmallWorkspace(m_path, kToday);
        auto db = engine::Database::open(m_path).value();
        engine::Comment c;
        c.accountId = 1;
        c.externalId = "c1";
        c.body = kHostile;
        c.timestampUtc = QDateTime(kToday, QTime(10, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch();
        engine::CommentRepository(db).upsert(c).value();
        // A post whose text tries to break the HTML.
        test::must(db.exec("UPDATE posts SET body = '" + std::string("<img src=x onerror=alert(1)> & </table>") +
                           "' WHERE id = 1"));
    }

    void figuresEqualTheDashboardQuery()
    {
        const auto r = request(kToday.addDays(-27), kToday);
        auto data = ui::gatherReport(r);
        QVERIFY2(data, data ? "" : data.error().detail.c_str());
        auto db = engine::Database::open(m_path).value();
        const ui::DayRange range{r.from, r.to};
        auto kpis = engine::queryKpis(db, ui::toKpiRange(range, r.zone), {}).value();
        QCOMPARE(data->dashboard.kpis.current.impressions, kpis.impressions);
        QCOMPARE(data->dashboard.kpis.current.postsPublished, kpis.postsPublished);
        QVERIFY(data->hasData);
        QVERIFY(data->topPosts.size() <= 10);
        for (std::size_t i = 1; i < data->topPosts.size(); ++i)
            QVERIFY(data->topPosts[i - 1].engagements >= data->topPosts[i].engagements);
    }

    void pdfHasPagesAndText()
    {
        const auto r = request(kToday.addDays(-89), kToday);
        auto data = ui::gatherReport(r).value();
        const QString pdf = QString::fromStdString(m_dir.path("r.pdf"));
        auto written = ui::writeReport(r, data, ui::ReportFormat::Pdf, pdf);
        QVERIFY2(written, written ? "" : written.error().detail.c_str());
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        const auto pagesLine = info.split(QLatin1Char('\n')).filter(QStringLiteral("Pages:"));
        QCOMPARE(pagesLine.size(), 1);
        const int pages = pagesLine[0].split(QLatin1Char(' '), Qt::SkipEmptyParts).last().toInt();
        QVERIFY2(pages >= 2 && pages <= 8, qPrintable(info)); // title page, then the sections
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("Social media report")));
        QVERIFY(text.contains(QStringLiteral("Summary")));
        QVERIFY(text.contains(QLocale().toString(data.dashboard.kpis.current.impressions, 'f', 0)));
        QVERIFY(text.contains(QStringLiteral("Top posts")));
    }

    void htmlEscapesUserText()
    {
        const auto r = request(kToday.addDays(-89), kToday);
        auto data = ui::gatherReport(r).value();
        const QString html = ui::reportHtml(r, data);
        QVERIFY(!html.contains(QString::fromStdString(kHostile)));
        QVERIFY(!html.contains(QStringLiteral("<script>")));
        QVERIFY(!html.contains(QStringLiteral("<img src=x")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert")));
        QVERIFY(html.contains(QStringLiteral("data:image/png;base64,"))); // the chart is embedded
        QCOMPARE(html.count(QStringLiteral("<table")), html.count(QStringLiteral("</table>")));
    }

    void csvOneFilePerTable()
    {
        const auto r = request(kToday.addDays(-27), kToday);
        auto data = ui::gatherReport(r).value();
        const QString folder = QString::fromStdString(m_dir.path("csv"));
        QVERIFY(ui::writeReport(r, data, ui::ReportFormat::Csv, folder));
        for (const char* name : {"summary.csv", "engagements_daily.csv", "top_posts.csv", "campaigns.csv"})
            QVERIFY2(QFile::exists(QDir(folder).filePath(QLatin1String(name))), name);
        QFile summary(QDir(folder).filePath(QStringLiteral("summary.csv")));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(summary.readAll()).split(QLatin1Char('\n'));
        QVERIFY(lines[4].startsWith(QStringLiteral("impressions,")));
        QCOMPARE(lines[4].split(QLatin1Char(','))[1].toDouble(), data.dashboard.kpis.current.impressions);
        QFile daily(QDir(folder).filePath(QStringLiteral("engagements_daily.csv")));
        QVERIFY(daily.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(daily.readAll()).trimmed().split(QLatin1Char('\n')).size(), 29); // header + 28 days
    }

    void emptyRangeSaysSo()
    {
        const auto r = request(QDate(2030, 1, 1), QDate(2030, 1, 31));
        auto data = ui::gatherReport(r).value();
        QVERIFY(!data.hasData);
        const QString html = ui::reportHtml(r, data);
        QVERIFY(html.contains(QStringLiteral("nothing to show")));
        const QString pdf = QString::fromStdString(m_dir.path("empty.pdf"));
        QVERIFY(ui::writeReport(r, data, ui::ReportFormat::Pdf, pdf));
        QVERIFY(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).contains(QStringLiteral("No data")));
    }

    void panelPreviewsAndSaves()
    {
        {
            auto db = engine::Database::open(m_path).value();
            engine::Campaign c;
            c.name = "March push";
            c.startDay = "2026-03-02";
            c.endDay = "2026-03-20";
            engine::CampaignRepository(db).insert(c).value();
        }
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        ui::ReportsPanel panel(clock);
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        QVERIFY(!panel.hasPreview());
        QVERIFY(!panel.save(QString::fromStdString(m_dir.path("early.pdf")))); // nothing to save yet
        auto* campaigns = panel.findChild<QListWidget*>(QStringLiteral("reportCampaignList"));
        auto found = campaigns->findItems(QStringLiteral("March push"), Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        found.front()->setCheckState(Qt::Checked);
        QCOMPARE(panel.findChild<QDateEdit*>(QStringLiteral("reportFromEdit"))->date(), QDate(2026, 3, 2));
        QCOMPARE(panel.findChild<QDateEdit*>(QStringLiteral("reportToEdit"))->date(), QDate(2026, 3, 20));
        QSignalSpy shown(&panel, &ui::ReportsPanel::previewShown);
        panel.preview();
        QVERIFY(shown.wait(20000));
        QVERIFY(panel.hasPreview());
        QVERIFY(panel.findChild<QTextBrowser*>(QStringLiteral("reportPreview"))
                    ->toPlainText()
                    .contains(QStringLiteral("Campaign report: March push")));
        const QString pdf = QString::fromStdString(m_dir.path("panel.pdf"));
        QVERIFY(panel.save(pdf));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QVERIFY(panel.save(QString::fromStdString(m_dir.path("panel.html"))));
    }

    void templatesRoundTripAndMove()
    {
        engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        const QString path = QString::fromStdString(m_path);
        ui::ReportsPanel panel(clock);
        const auto snapshot = ui::loadWorkspaceSnapshot(path).value();
        panel.setWorkspace(snapshot);
        // Last 28 days, Chinese, no sentiment, the X account only.
        panel.findChild<QComboBox*>(QStringLiteral("reportLanguageCombo"))->setCurrentIndex(2);
        auto* accounts = panel.findChild<QListWidget*>(QStringLiteral("reportAccountList"));
        accounts->item(0)->setCheckState(Qt::Checked);
        for (auto* box : panel.findChildren<QCheckBox*>())
            if (box->text() == QStringLiteral("Comment sentiment"))
                box->setChecked(false);
        QVERIFY(panel.saveTemplate(QStringLiteral("Weekly <board>")));
        QCOMPARE(panel.templateNames(), QStringList{QStringLiteral("Weekly <board>")});

        auto stored = ui::loadReportTemplates(path).value();
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored[0].lastDays, 28);
        QCOMPARE(stored[0].language, QStringLiteral("zh_CN"));
        QCOMPARE(stored[0].accountIds, std::vector<std::int64_t>{snapshot.accounts[0].id});
        QVERIFY(!stored[0].sentiment);
        QVERIFY(stored[0].summary);
        // Used ten days later, the period moves with the day.
        auto later = ui::requestFromTemplate(stored[0], snapshot, kToday.addDays(10)).value();
        QCOMPARE(later.to, kToday.addDays(10));
        QCOMPARE(later.from, kToday.addDays(10 - 27));

        // A campaign template keeps the campaign's own dates.
        ui::ReportTemplate campaign;
        campaign.name = QStringLiteral("Spring");
        campaign.campaignIds = {snapshot.campaigns[0].id};
        campaign.lastDays = 0;
        QVERIFY(ui::saveReportTemplate(path, campaign));
        auto spring = ui::requestFromTemplate(campaign, snapshot, kToday).value();
        QCOMPARE(spring.from, kToday.addDays(-119));
        QCOMPARE(spring.to, kToday);
        QCOMPARE(spring.campaignNames, QStringList{QStringLiteral("Spring launch")});

        // A fresh panel applies a saved template to its form.
        ui::ReportsPanel again(clock);
        again.setWorkspace(snapshot);
        QCOMPARE(again.templateNames().size(), 2);
        QVERIFY(again.applyTemplate(QStringLiteral("Weekly <board>")));
        const auto r = again.request();
        QCOMPARE(r.language, QStringLiteral("zh_CN"));
        QCOMPARE(r.accountIds, std::vector<std::int64_t>{snapshot.accounts[0].id});
        QVERIFY(!r.sentiment);
        QCOMPARE(r.from, kToday.addDays(-27));

        QVERIFY(ui::deleteReportTemplate(path, QStringLiteral("Spring")));
        QVERIFY(!ui::deleteReportTemplate(path, QStringLiteral("Spring")));
        QCOMPARE(ui::loadReportTemplates(path).value().size(), std::size_t(1));
        // A template whose campaign was removed says which.
        ui::ReportTemplate gone = campaign;
        gone.campaignIds = {424242};
        auto refused = ui::requestFromTemplate(gone, snapshot, kToday);
        QVERIFY(!refused);
        QVERIFY(refused.error().detail.find("424242") != std::string::npos);
    }

    void reportInChinese()
    {
        auto r = request(kToday.addDays(-27), kToday);
        r.language = QStringLiteral("zh_CN");
        auto data = ui::gatherReport(r).value();
        const QString html = ui::reportHtml(r, data);
        QVERIFY2(html.contains(QStringLiteral("概要")), qPrintable(html.left(400)));
        // The application's language is back afterwards.
        QCOMPARE(QCoreApplication::translate("Report", "Summary"), QStringLiteral("Summary"));
        r.language = QStringLiteral("en");
        QVERIFY(ui::reportHtml(r, data).contains(QStringLiteral("Summary")));
    }

    void adsAndAbTestsSections()
    {
        const QString path = QString::fromStdString(m_dir.path("ads.herald"));
        test::writeSmallWorkspace(path.toStdString(), kToday);
        std::int64_t a = 0, b = 0;
        {
            auto db = engine::Database::open(path.toStdString()).value();
            engine::AdRepository ads(db);
            engine::AdSet first;
            first.name = "Lookalike <EU>";
            first.platform = "facebook";
            engine::AdSet second = first;
            second.name = "Interests";
            a = ads.insertAdSet(first).value();
            b = ads.insertAdSet(second).value();
            for (int i = 0; i < 10; ++i) {
                const std::string day = kToday.addDays(-i).toString(Qt::ISODate).toStdString();
                test::must(ads.upsertMetric({a, day, 1000, 40, 20.0, 4, 80.0}));
                test::must(ads.upsertMetric({b, day, 1000, 20, 20.0, 1, 10.0}));
            }
            engine::AbTestDefinition t;
            t.name = "Audience test";
            t.subject = "ad_set";
            t.metric = "ctr";
            t.plannedSample = 5000;
            t.variants = {{"A", std::nullopt, a}, {"B", std::nullopt, b}};
            engine::FixedClock clock(QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
            engine::createAbTest(db, t, clock).value();
        }
        auto r = request(kToday.addDays(-27), kToday);
        r.workspacePath = path;
        auto data = ui::gatherReport(r).value();
        QCOMPARE(data.adSets.size(), std::size_t(2));
        QCOMPARE(data.adSets[0].impressions, std::int64_t(10000));
        QCOMPARE(data.adSets[0].clicks, std::int64_t(400));
        QCOMPARE(data.abTests.size(), std::size_t(1));
        // 400 of 10,000 against 200 of 10,000, past the planned 5,000 per variant: A wins.
        QCOMPARE(data.abTests[0].verdict, engine::AbVerdict::Winner);
        QVERIFY(!data.segments);
        const QString html = ui::reportHtml(r, data);
        QVERIFY(html.contains(QStringLiteral("Lookalike &lt;EU&gt;")));
        QVERIFY(!html.contains(QStringLiteral("Lookalike <EU>")));
        QVERIFY(html.contains(QStringLiteral("A wins")));
        QVERIFY(html.contains(QStringLiteral("4.00%"))); // A's CTR
        QVERIFY(html.contains(QStringLiteral("No segmentation has been saved yet")));
        const QString folder = QString::fromStdString(m_dir.path("ads-csv"));
        QVERIFY(ui::writeReport(r, data, ui::ReportFormat::Csv, folder));
        QFile tests(QDir(folder).filePath(QStringLiteral("ab_tests.csv")));
        QVERIFY(tests.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(tests.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[1].startsWith(QStringLiteral("Audience test,A,10000,400,0.04,")));
        QVERIFY(lines[1].endsWith(QStringLiteral(",winner")));
        // Without the sections, none of it is gathered.
        r.ads = r.abTests = r.segments = false;
        auto lean = ui::gatherReport(r).value();
        QVERIFY(lean.adSets.empty() && lean.abTests.empty());
        QVERIFY(!ui::reportHtml(r, lean).contains(QStringLiteral("Ad results")));
    }

    void unwritableOutputFailsFirst()
    {
        auto missing = ui::checkReportOutput(QStringLiteral("/nonexistent-folder/report.pdf"), ui::ReportFormat::Pdf);
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error().detail).contains(QStringLiteral("/nonexistent-folder")));
        QVERIFY(!ui::checkReportOutput(QString::fromStdString(m_dir.path("")), ui::ReportFormat::Html)); // a folder
        QVERIFY(!ui::checkReportOutput(QString(), ui::ReportFormat::Pdf));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
