#include <fstream>

#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

#include "../widgets/WorkspaceFixture.h"
#include "AppSettings.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "herald/engine/Clock.h"

using namespace herald;
using app::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HeraldTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        QSettings().clear();
    }

    void shortcutsSwitchPanels()
    {
        app::AppSettings settings;
        engine::FixedClock clock(1774000000);
        MainWindow w(settings, clock);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* stack = w.findChild<QStackedWidget*>(QStringLiteral("panelStack"));
        auto* nav = w.findChild<QListWidget*>(QStringLiteral("navigation"));
        QVERIFY(stack && nav);
        QCOMPARE(nav->count(), int(MainWindow::PanelCount));
        const char* names[] = {"dashboardPanel", "calendarPanel", "audiencePanel", "trendsPanel",
                               "adsPanel",       "inboxPanel",    "reportsPanel",  "accountsPanel"};
        for (int i = MainWindow::PanelCount - 1; i >= 0; --i) {
            QTest::keyClick(&w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(int(w.currentPanel()), i);
            QCOMPARE(stack->currentWidget()->objectName(), QLatin1String(names[i]));
            QCOMPARE(nav->currentRow(), i);
        }
        // Panels not built yet say so instead of showing made-up content.
        QTest::keyClick(&w, Qt::Key_6, Qt::ControlModifier); // the inbox
        auto* text = stack->currentWidget()->findChild<QLabel*>(QStringLiteral("emptyStateDescription"));
        QVERIFY(text && text->text().contains(QStringLiteral("not built yet")));
    }

    void opensWorkspaceAndRemembersIt()
    {
        test::TempFolder dir;
        const auto path = dir.path("shop.herald");
        test::writeSmallWorkspace(path, QDate(2026, 3, 31));
        app::AppSettings settings;
        engine::FixedClock clock(1774958400);
        {
            MainWindow w(settings, clock);
            w.show();
            QSignalSpy opened(&w, &MainWindow::workspaceOpened);
            w.openWorkspace(QString::fromStdString(path));
            QVERIFY(opened.wait(5000));
            QVERIFY(w.windowTitle().contains(QStringLiteral("Fixture")));
            QVERIFY(!w.windowTitle().contains(QStringLiteral("demo")));
            auto* label = w.findChild<QLabel*>(QStringLiteral("workspaceLabel"));
            QVERIFY(label->text().contains(QStringLiteral("shop.herald")));
            QVERIFY(label->text().contains(QStringLiteral("Europe/Berlin")));
            QCOMPARE(w.workspace()->accounts.size(), std::size_t(2));
            w.showPanel(MainWindow::Trends);
            w.resize(1250, 760);
            w.close();
        }
        QCOMPARE(settings.lastWorkspace(), QString::fromStdString(path));
        QCOMPARE(settings.recentWorkspaces().value(0), QString::fromStdString(path));
        QCOMPARE(settings.lastPanel(), int(MainWindow::Trends));
        QVERIFY(!settings.windowGeometry().isEmpty());
        MainWindow again(settings, clock);
        QCOMPARE(again.currentPanel(), MainWindow::Trends);
        QCOMPARE(again.size(), QSize(1250, 760));
    }

    void demoWorkspaceIsLabelled()
    {
        test::TempFolder dir;
        const auto path = dir.path("demo.herald");
        test::writeSmallWorkspace(path, QDate(2026, 3, 31));
        {
            auto db = engine::Database::open(path).value();
            test::must(engine::SettingsRepository(db).setValue(engine::settingKeys::kDemo, "1"));
        }
        app::AppSettings settings;
        engine::FixedClock clock(1774958400);
        MainWindow w(settings, clock);
        QSignalSpy opened(&w, &MainWindow::workspaceOpened);
        w.openWorkspace(QString::fromStdString(path));
        QVERIFY(opened.wait(5000));
        QVERIFY(w.windowTitle().contains(QStringLiteral("(demo data)")));
    }

    void refusesForeignFileAndKeepsIt()
    {
        test::TempFolder dir;
        const auto path = dir.path("notes.herald");
        std::ofstream(path) << "date,clicks\n2026-01-01,3\n";
        app::AppSettings settings;
        engine::FixedClock clock(1774958400);
        MainWindow w(settings, clock);
        w.show();
        QSignalSpy failed(&w, &MainWindow::workspaceFailed);
        w.openWorkspace(QString::fromStdString(path));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("not an SQLite database")));
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("errorBox"));
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("not a Herald workspace")));
        QVERIFY(box->informativeText().contains(QStringLiteral("notes.herald")));
        box->close();
        QVERIFY(w.workspace() == nullptr);
        std::ifstream in(path);
        std::string first;
        std::getline(in, first);
        QCOMPARE(first, std::string("date,clicks"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
