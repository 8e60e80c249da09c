#include <QDialog>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/CalendarPanel.h"
#include "herald/widgets/WorkspaceSnapshot.h"

// "Import Posts…" on the calendar: a bad file lists every rejected line and stores nothing; a good
// file stores every post and the calendar reloads.
using namespace herald;
using ui::CalendarPanel;

class TestCalendarImport : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    std::string m_path;
    engine::FixedClock m_clock{1773576000}; // 2026-03-15T12:00Z

    std::int64_t count(const char* table) const
    {
        auto db = engine::Database::open(m_path).value();
        auto stmt = db.prepare(std::string("SELECT COUNT(*) FROM ") + table).value();
        (void)stmt->step();
        const auto n = stmt->int64(0);
        stmt->reset();
        return n;
    }

    static QString fixture(const char* name) { return QString::fromStdString(test::fixturesDir() + "/posts/" + name); }

private slots:
    void initTestCase()
    {
        m_path = m_dir.path("import.herald");
        auto db = engine::Database::create(m_path).value();
        test::must(engine::SettingsRepository(db).setValue(engine::settingKeys::kTimeZone, "Europe/Berlin"));
        engine::Account m;
        m.platform = engine::Platform::Mastodon;
        m.handle = "@herald@example.social";
        m.externalId = "1";
        QCOMPARE(engine::AccountRepository(db).upsert(m).value(), std::int64_t(1));
        engine::Account b;
        b.platform = engine::Platform::Bluesky;
        b.handle = "herald.bsky.social";
        b.externalId = "2";
        QCOMPARE(engine::AccountRepository(db).upsert(b).value(), std::int64_t(2));
        engine::Campaign c;
        c.name = "Spring launch";
        QCOMPARE(engine::CampaignRepository(db).insert(c).value(), std::int64_t(1));
    }

    void badFileListsEveryLineThenGoodFileImports()
    {
        CalendarPanel panel(m_clock);
        panel.resize(1000, 800);
        panel.show();
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("importPostsButton")) != nullptr);

        QSignalSpy rejected(&panel, &CalendarPanel::importRejected);
        QSignalSpy imported(&panel, &CalendarPanel::postsImported);
        panel.importPostsFrom(fixture("bad.csv"));
        QVERIFY(rejected.wait(10000));
        const QStringList lines = rejected.at(0).at(0).toStringList();
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("Line 4: ")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("Line 5: ")), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("Line 6: ")), qPrintable(lines.at(2)));
        auto* dialog = panel.findChild<QDialog*>(QStringLiteral("importProblemsDialog"));
        QVERIFY(dialog != nullptr);
        const QString shown = dialog->findChild<QPlainTextEdit*>(QStringLiteral("importProblems"))->toPlainText();
        QVERIFY(shown.contains(QStringLiteral("Mars/Olympus")));
        QVERIFY(shown.contains(QStringLiteral("account 99 does not exist")));
        QCOMPARE(count("posts"), std::int64_t(0));
        QCOMPARE(count("post_targets"), std::int64_t(0));
        dialog->close();
        QCOMPARE(imported.size(), 0);

        panel.importPostsFrom(fixture("good.csv"));
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.at(0).at(0).toInt(), 3);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(count("posts"), std::int64_t(3));
        QCOMPARE(count("post_targets"), std::int64_t(4));
        QCOMPARE(count("media"), std::int64_t(1));
    }
};

QTEST_MAIN(TestCalendarImport)
#include "tst_calendarimport.moc"
