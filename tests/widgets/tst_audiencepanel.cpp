#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFrame>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include "AudienceRulesTab.h"
#include "TestSupport.h"
#include "herald/engine/Clock.h"
#include "herald/engine/demo/DemoGenerator.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/AudienceData.h"
#include "herald/widgets/AudiencePanel.h"

using namespace herald;
using namespace herald::ui;

namespace {

constexpr int kAudience = 1200;

template <typename T> T* child(QObject& parent, const char* name)
{
    auto* found = parent.findChild<T*>(QString::fromLatin1(name));
    if (!found)
        throw std::runtime_error(std::string("no child ") + name);
    return found;
}

} // namespace

class TestAudiencePanel : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    QString m_demo;
    QString m_empty;
    engine::FixedClock m_clock{1782864000}; // 2026-07-01 00:00 UTC

private slots:
    void initTestCase()
    {
        m_demo = QString::fromStdString(m_dir.path("demo.herald"));
        {
            auto db = engine::Database::create(m_demo.toStdString()).value();
            engine::DemoOptions options;
            options.days = 60;
            options.audience = kAudience;
            options.endDay = "2026-06-30";
            test::must(engine::generateDemo(db, options));
        }
        m_empty = QString::fromStdString(m_dir.path("empty.herald"));
        test::must(engine::Database::create(m_empty.toStdString()));
    }

    void honestEmptyStates()
    {
        AudiencePanel panel(m_clock);
        auto* pages = panel.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(pages->currentIndex(), 0);
        QVERIFY(child<QLabel>(panel, "audienceEmptyState")->text().contains(QStringLiteral("Open a workspace")));

        QSignalSpy loaded(&panel, &AudiencePanel::overviewLoaded);
        panel.setWorkspace(loadWorkspaceSnapshot(m_empty).value());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(pages->currentIndex(), 0);
        QVERIFY(child<QLabel>(panel, "audienceEmptyState")->text().contains(QStringLiteral("no audience yet")));
        panel.runSegmentation(); // nothing to run: ignored
        QVERIFY(!panel.isRunning());
    }

    void segmentSaveAndCompare()
    {
        AudiencePanel panel(m_clock);
        panel.resize(1200, 800);
        panel.show();
        QSignalSpy loaded(&panel, &AudiencePanel::overviewLoaded);
        panel.setWorkspace(loadWorkspaceSnapshot(m_demo).value());
        QVERIFY(loaded.wait(10000));
        auto* accounts = child<QListWidget>(panel, "audienceAccountList");
        QCOMPARE(accounts->count(), 4);
        QCOMPARE(accounts->item(0)->checkState(), Qt::Checked);
        QCOMPARE(panel.savedRunCount(), 0);
        QCOMPARE(child<QListWidget>(panel, "audienceFeatureList")->count(), 12);

        // Three segments on every feature, on the worker thread.
        child<QCheckBox>(panel, "autoKCheck")->setChecked(false);
        QVERIFY(child<QSpinBox>(panel, "kSpin")->isEnabled());
        child<QSpinBox>(panel, "kSpin")->setValue(3);
        auto* rules = panel.findChild<AudienceRulesTab*>();
        QVERIFY(rules);
        QSignalSpy shown(&panel, &AudiencePanel::segmentationShown);
        QSignalSpy rulesShown(rules, &AudienceRulesTab::rulesShown);
        child<QPushButton>(panel, "runSegmentationButton")->click();
        QVERIFY(panel.isRunning());
        QVERIFY(shown.wait(60000));
        QVERIFY(!panel.isRunning());
        const AudienceRun* run = panel.currentRun();
        QVERIFY(run);
        QCOMPARE(run->result.k, 3);
        QCOMPARE(run->result.memberIds.size(), std::size_t(kAudience));

        // Cards, the map (every member, one series per segment) and the silhouette plot.
        const auto cards = panel.findChildren<QFrame*>(QStringLiteral("segmentCard"));
        QCOMPARE(cards.size(), 3);
        QVERIFY(cards.front()
                    ->findChild<QLabel*>(QStringLiteral("segmentCardTitle"))
                    ->text()
                    .contains(QStringLiteral("Segment 1")));
        QVERIFY(!cards.front()->findChild<QLabel*>(QStringLiteral("segmentTraits"))->text().isEmpty());
        auto* map = child<QChartView>(panel, "segmentScatter")->chart();
        QCOMPARE(map->series().size(), 3);
        qsizetype points = 0;
        for (auto* s : map->series())
            points += static_cast<QScatterSeries*>(s)->count();
        QCOMPARE(points, qsizetype(kAudience));
        QCOMPARE(child<QChartView>(panel, "silhouettePlot")->chart()->series().size(), 4); // 3 segments + mean
        QVERIFY(child<QTableWidget>(panel, "recommendedTagsTable")->rowCount() > 0);
        QVERIFY(child<QTableWidget>(panel, "topPostsTable")->rowCount() > 0);

        // Export one segment's handles.
        const QString csv = QString::fromStdString(m_dir.path("segment1.csv"));
        QVERIFY(panel.exportHandles(0, csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.front(), QStringLiteral("handle,segment"));
        QCOMPARE(lines.size() - 1, qsizetype(run->result.segments[0].size));
        QVERIFY(!panel.exportHandles(7, csv));

        // Interest rules: filters and "Use as hashtags".
        if (rulesShown.isEmpty())
            QVERIFY(rulesShown.wait(20000));
        const int all = rules->visibleRuleCount();
        QVERIFY(all > 0);
        child<QDoubleSpinBox>(panel, "minLiftSpin")->setValue(99);
        QCOMPARE(rules->visibleRuleCount(), 0);
        child<QDoubleSpinBox>(panel, "minLiftSpin")->setValue(1.0);
        QCOMPARE(rules->visibleRuleCount(), all);
        child<QDoubleSpinBox>(panel, "minConfidenceSpin")->setValue(0.6);
        QVERIFY(rules->visibleRuleCount() < all);
        QSignalSpy hashtags(&panel, &AudiencePanel::hashtagsChosen);
        child<QPushButton>(panel, "useAsHashtagsButton")->click();
        QCOMPARE(hashtags.count(), 1);
        const auto tags = hashtags.front().front().toStringList();
        QVERIFY(!tags.isEmpty());
        for (const auto& t : tags)
            QVERIFY2(t.startsWith(QLatin1Char('#')) && !t.contains(QLatin1Char('-')), qPrintable(t));
        QCOMPARE(QApplication::clipboard()->text(), tags.join(QLatin1Char(' ')));

        // Save through the name prompt, then save again by call, and compare the two runs.
        QSignalSpy saved(&panel, &AudiencePanel::segmentsSaved);
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setTextValue(QStringLiteral("Demo segments"));
            dialog->accept();
        });
        child<QPushButton>(panel, "saveSegmentsButton")->click();
        QVERIFY(saved.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.savedRunCount(), 1);
        auto* table = child<QTableWidget>(panel, "savedRunsTable");
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Demo segments"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("3"));
        const QString first = saved.front().front().toString();

        panel.saveSegments(QStringLiteral("Again"));
        QVERIFY(saved.wait(10000));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.savedRunCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Again"));
        const QString second = saved.back().front().toString();

        // The same name a third time is refused with a message.
        panel.saveSegments(QStringLiteral("Again"));
        QTRY_VERIFY(child<QLabel>(panel, "segmentationSummary")->text().contains(QStringLiteral("already named")));

        QSignalSpy compared(&panel, &AudiencePanel::runsCompared);
        panel.compareRuns(first, second);
        QVERIFY(compared.wait(10000));
        auto* cmp = child<QTableWidget>(panel, "runComparisonTable");
        QCOMPARE(cmp->rowCount(), 3);
        QCOMPARE(cmp->columnCount(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(cmp->item(i, i)->text().endsWith(QStringLiteral("J 1.00")), qPrintable(cmp->item(i, i)->text()));

        // Another workspace: the shown run is dropped, the saved runs of the new one are listed.
        panel.setWorkspace(loadWorkspaceSnapshot(m_empty).value());
        QVERIFY(!panel.currentRun());
        QCOMPARE(panel.findChildren<QFrame*>(QStringLiteral("segmentCard")).size(), 0);
        QVERIFY(!child<QPushButton>(panel, "saveSegmentsButton")->isEnabled());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(panel.savedRunCount(), 0);
    }

    void tooFewFeaturesIsAMessage()
    {
        AudiencePanel panel(m_clock);
        QSignalSpy loaded(&panel, &AudiencePanel::overviewLoaded);
        panel.setWorkspace(loadWorkspaceSnapshot(m_demo).value());
        QVERIFY(loaded.wait(10000));
        auto* features = child<QListWidget>(panel, "audienceFeatureList");
        for (int i = 0; i < features->count(); ++i)
            features->item(i)->setCheckState(Qt::Unchecked);
        QSignalSpy failed(&panel, &AudiencePanel::segmentationFailed);
        panel.runSegmentation();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.front().front().toString(), QStringLiteral("Choose at least one feature."));
    }
};

QTEST_MAIN(TestAudiencePanel)
#include "tst_audiencepanel.moc"
