// The Ads panel offscreen on a demo workspace: build an audience from a saved segment, save it, export
// targeting JSON, plan a budget with the what-if slider, read an A/B verdict, define a test.
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>

#include "TestSupport.h"
#include "ads/AbTestsTab.h"
#include "ads/AdAudiencesTab.h"
#include "ads/AdSetsTab.h"
#include "ads/BudgetTab.h"
#include "herald/engine/Clock.h"
#include "herald/engine/demo/DemoGenerator.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/AdsPanel.h"

using namespace herald;

namespace {

double scalar(const std::string& workspace, const std::string& sql)
{
    auto db = engine::Database::open(workspace).value();
    auto stmt = db.prepare(sql).value();
    if (!stmt->step().value_or(false))
        return -1;
    const double v = stmt->real(0);
    stmt->reset();
    return v;
}

double plannedTotal(const engine::BudgetPlan& plan)
{
    double total = 0;
    for (const auto& r : plan.rows)
        total += r.allocation.budget;
    return total;
}

} // namespace

class TestAdsPanel : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    std::string m_path;
    const engine::FixedClock m_clock{1782820800}; // 2026-06-30 12:00 UTC

private slots:
    void initTestCase()
    {
        m_path = m_dir.path("ads.herald");
        auto db = engine::Database::create(m_path).value();
        engine::DemoOptions options;
        options.days = 120;
        options.audience = 1500;
        options.endDay = "2026-06-30";
        options.seed = 3;
        QVERIFY(engine::generateDemo(db, options));
        // A segment as the audience panel saves it.
        test::must(db.exec("INSERT INTO segments(id, name, created_utc) VALUES (501, 'Makers', 1);"
                           "INSERT INTO segment_members SELECT 501, id FROM audience_members ORDER BY id LIMIT 300;"));
    }

    void emptyStateWithoutWorkspace()
    {
        ui::AdsPanel panel(m_clock);
        auto* size = panel.findChild<QLabel*>(QStringLiteral("audienceSizeLabel"));
        QVERIFY(size);
        QVERIFY(size->text().contains(QStringLiteral("Open a workspace")));
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("budgetSummary"))
                    ->text()
                    .contains(QStringLiteral("Open a workspace")));
    }

    void audienceFromSegmentAndExport()
    {
        ui::AdsPanel panel(m_clock);
        panel.resize(1200, 800);
        panel.show();
        auto* tab = panel.audiencesTab();
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        auto* segments = panel.findChild<QComboBox*>(QStringLiteral("segmentCombo"));
        QTRY_COMPARE(segments->count(), 1);
        QVERIFY(segments->currentText().startsWith(QStringLiteral("Makers")));

        QSignalSpy applied(tab, &ui::AdAudiencesTab::segmentApplied);
        QSignalSpy sized(tab, &ui::AdAudiencesTab::audienceSized);
        panel.findChild<QPushButton*>(QStringLiteral("useSegmentButton"))->click();
        QVERIFY(applied.wait(10000));
        QTRY_VERIFY(!sized.isEmpty() && tab->shownSize() >= 0);
        const auto filter = tab->currentFilter();
        QCOMPARE(*filter.segmentId, std::int64_t(501));
        QVERIFY(!filter.countries.empty());
        QVERIFY(!panel.findChild<QLineEdit*>(QStringLiteral("countriesEdit"))->text().isEmpty());
        QTRY_VERIFY(tab->shownSize() > 0);
        QVERIFY(tab->shownSize() <= 300);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("audienceSizeLabel"))
                    ->text()
                    .contains(QString::number(tab->shownSize())));

        // Save it.
        QSignalSpy saved(tab, &ui::AdAudiencesTab::audienceSaved);
        panel.findChild<QLineEdit*>(QStringLiteral("audienceNameEdit"))->setText(QStringLiteral("Makers, derived"));
        panel.findChild<QPushButton*>(QStringLiteral("saveAudienceButton"))->click();
        QVERIFY(saved.wait(10000));
        const qint64 id = saved.first().first().toLongLong();
        QCOMPARE(scalar(m_path, "SELECT size_estimate FROM ad_audiences WHERE id = " + std::to_string(id)),
                 double(tab->shownSize()));
        QCOMPARE(scalar(m_path, "SELECT segment_id FROM ad_audiences WHERE id = " + std::to_string(id)), 501.0);

        // Export the Meta targeting JSON.
        const QString out = QString::fromStdString(m_dir.path("targeting.json"));
        QVERIFY(tab->exportTo(ui::AdAudiencesTab::ExportFormat::MetaTargeting, out).value());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto spec = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(spec.contains(QStringLiteral("geo_locations")));
        QVERIFY(panel.findChild<QPlainTextEdit*>(QStringLiteral("validationText"))
                    ->toPlainText()
                    .contains(QStringLiteral("Meta: ready to export")));

        // A country that is not ISO 3166-1 blocks the export and says why.
        panel.findChild<QLineEdit*>(QStringLiteral("countriesEdit"))->setText(QStringLiteral("UK"));
        const QString blocked = QString::fromStdString(m_dir.path("blocked.json"));
        QVERIFY(!tab->exportTo(ui::AdAudiencesTab::ExportFormat::MetaTargeting, blocked).value());
        QVERIFY(!QFile::exists(blocked));
        const QString validation = panel.findChild<QPlainTextEdit*>(QStringLiteral("validationText"))->toPlainText();
        QVERIFY(validation.contains(QStringLiteral("Meta: cannot be exported")));
        QVERIFY(validation.contains(QStringLiteral("\"UK\" is not an ISO 3166-1 alpha-2")));

        // A hashed customer file of the same audience.
        panel.findChild<QLineEdit*>(QStringLiteral("countriesEdit"))->clear();
        const QString custom = QString::fromStdString(m_dir.path("custom.csv"));
        const auto written = tab->exportTo(ui::AdAudiencesTab::ExportFormat::MetaCustomAudience, custom);
        QVERIFY2(written, written ? "" : written.error().detail.c_str());
        QFile customFile(custom);
        QVERIFY(customFile.open(QIODevice::ReadOnly));
        QVERIFY(customFile.readLine().startsWith("email,phone"));

        // Clear starts again from everyone.
        sized.clear();
        panel.findChild<QPushButton*>(QStringLiteral("clearAudienceButton"))->click();
        QVERIFY(sized.wait(10000));
        QCOMPARE(tab->shownSize(), qint64(scalar(m_path, "SELECT COUNT(*) FROM audience_members")));
        QVERIFY(!tab->currentFilter().segmentId);
    }

    void adSetsAndBudget()
    {
        ui::AdsPanel panel(m_clock);
        QSignalSpy shown(panel.adSetsTab(), &ui::AdSetsTab::adSetsShown);
        QSignalSpy planned(panel.budgetTab(), &ui::BudgetTab::budgetPlanned);
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        QVERIFY(shown.wait(10000));
        auto* table = panel.findChild<QTableWidget*>(QStringLiteral("adSetsTable"));
        QCOMPARE(table->rowCount(), int(scalar(m_path, "SELECT COUNT(*) FROM ad_sets")));
        QVERIFY(table->rowCount() > 0);
        QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("ctrModelLabel"))->text().isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(panel.budgetTab()->shownPlan().has_value(), 10000);
        QVERIFY(std::abs(plannedTotal(*panel.budgetTab()->shownPlan()) - 1000.0) < 1e-6);
        double pBest = 0;
        for (const auto& r : panel.budgetTab()->shownPlan()->rows)
            pBest += r.allocation.probabilityBest;
        QVERIFY(std::abs(pBest - 1.0) < 1e-9);
        // What if the budget doubled?
        planned.clear();
        panel.findChild<QSlider*>(QStringLiteral("whatIfSlider"))->setValue(200);
        QVERIFY(planned.wait(10000));
        QVERIFY(std::abs(plannedTotal(*panel.budgetTab()->shownPlan()) - 2000.0) < 1e-6);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("budgetSummary"))->text().contains(QStringLiteral("Expected")));

        // A malformed import changes nothing and says why.
        const QString bad = QString::fromStdString(m_dir.path("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("Ad set name,Day,Impressions\nX,2026-06-01,5\n");
        badFile.close();
        QSignalSpy imported(panel.adSetsTab(), &ui::AdSetsTab::importFinished);
        panel.adSetsTab()->importFile(bad);
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.first().at(0).toBool(), false);
        QVERIFY(imported.first().at(1).toString().contains(QStringLiteral("missing column")));
    }

    void abVerdictAndNewTest()
    {
        ui::AdsPanel panel(m_clock);
        auto* tab = panel.abTestsTab();
        QSignalSpy evaluated(tab, &ui::AbTestsTab::evaluationShown);
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        QVERIFY(evaluated.wait(10000));
        const auto& e = *tab->shownEvaluation();
        QCOMPARE(e.variants.size(), std::size_t(2));
        const QString verdict = panel.findChild<QLabel*>(QStringLiteral("abVerdict"))->text();
        QCOMPARE(verdict, ui::AbTestsTab::verdictText(e));
        QVERIFY(!verdict.isEmpty());
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("abPValue"))->text().contains(QStringLiteral("p = ")));
        QCOMPARE(panel.findChild<QTableWidget*>(QStringLiteral("abVariantTable"))->rowCount(), 2);
        if (e.verdict == engine::AbVerdict::Winner)
            QVERIFY(e.plannedSampleReached);
        QVERIFY(scalar(m_path, "SELECT length(result_json) FROM ab_tests WHERE id = " + std::to_string(e.test.id)) >
                10);

        // Define a test of two other ad sets with a planned sample they have not reached.
        engine::AbTestDefinition t;
        t.name = "Professionals vs developers";
        t.subject = "ad_set";
        t.metric = "ctr";
        t.plannedSample = 100'000'000;
        t.variants = {{"A", std::nullopt, 3}, {"B", std::nullopt, 4}};
        QSignalSpy created(tab, &ui::AbTestsTab::testCreated);
        evaluated.clear();
        tab->createTest(t);
        QVERIFY(created.wait(10000));
        QTRY_VERIFY2_WITH_TIMEOUT(!evaluated.isEmpty(),
                                  qPrintable(panel.findChild<QLabel*>(QStringLiteral("abVerdict"))->text()), 10000);
        QVERIFY2(tab->shownEvaluation()->test.id == created.first().first().toLongLong(),
                 qPrintable(panel.findChild<QLabel*>(QStringLiteral("abVerdict"))->text()));
        QCOMPARE(tab->shownEvaluation()->verdict, engine::AbVerdict::NotEnoughData);
        QVERIFY(
            panel.findChild<QLabel*>(QStringLiteral("abVerdict"))->text().contains(QStringLiteral("Not enough data")));

        // The sample-size calculator answers at once.
        QVERIFY(
            panel.findChild<QLabel*>(QStringLiteral("sampleSizeResult"))->text().contains(QStringLiteral("3,835")) ||
            panel.findChild<QLabel*>(QStringLiteral("sampleSizeResult"))->text().contains(QStringLiteral("3835")));
    }
};

QTEST_MAIN(TestAdsPanel)
#include "tst_adspanel.moc"
