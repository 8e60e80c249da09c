// The founder's round trip through the GUI: compose one post for two networks, schedule it, find it
// on the calendar, move it to another day by a drop on the month view, and undo the move.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QUndoStack>

#include "../composer/ComposerFixture.h"
#include "calendar/CalendarData.h"
#include "calendar/MonthView.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/widgets/CalendarPanel.h"
#include "herald/widgets/ComposerDialog.h"

using namespace herald;

namespace {

// 2026-03-20 10:00 UTC, a Friday: the post goes out on Thursday 2 April.
constexpr std::int64_t kNow = 1774000800;

std::int64_t berlin(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Berlin")).toSecsSinceEpoch();
}

std::vector<std::int64_t> postsOn(const ui::CalendarPanel& panel, const QDate& day)
{
    std::vector<std::int64_t> ids;
    for (int i : panel.days().on(day))
        ids.push_back(panel.days().entries()[std::size_t(i)].postId);
    return ids;
}

} // namespace

class TestComposeAndPlan : public QObject
{
    Q_OBJECT

private slots:
    void composeScheduleSeeMoveUndo()
    {
        test::TempFolder folder;
        const std::string path = folder.path("founder.herald");
        const auto ids = test::writeComposerWorkspace(path);
        const auto snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value();
        engine::FixedClock clock{kNow};

        ui::CalendarPanel calendar(clock);
        calendar.resize(1100, 760);
        calendar.show();
        calendar.setWorkspace(snapshot);
        calendar.showDate(QDate(2026, 4, 1));
        QTRY_VERIFY_WITH_TIMEOUT(calendar.isUpToDate(), 10000);
        QVERIFY(postsOn(calendar, QDate(2026, 4, 2)).empty());

        // Compose: Mastodon and X, a shorter text for X, Thursday 09:00 Berlin time.
        std::int64_t postId = 0;
        {
            ui::ComposerDialog composer(snapshot, clock, std::nullopt);
            QSignalSpy saved(&composer, &ui::ComposerDialog::postSaved);
            QObject::connect(&composer, &ui::ComposerDialog::postSaved, &calendar, [&] { calendar.reload(); });
            composer.findChild<QCheckBox*>(QStringLiteral("account_%1").arg(ids.mastodon))->setChecked(true);
            composer.findChild<QCheckBox*>(QStringLiteral("account_%1").arg(ids.x))->setChecked(true);
            composer.findChild<QPlainTextEdit*>(QStringLiteral("bodyEdit"))
                ->setPlainText(QStringLiteral("Our spring release is out: faster sync, calmer notifications."));
            composer.findChild<QPlainTextEdit*>(QStringLiteral("variantEdit_%1").arg(ids.x))
                ->setPlainText(QStringLiteral("Spring release: faster sync."));
            composer.findChild<QDateEdit*>(QStringLiteral("dateEdit"))->setDate(QDate(2026, 4, 2));
            composer.findChild<QTimeEdit*>(QStringLiteral("timeEdit"))->setTime(QTime(9, 0));
            composer.findChild<QComboBox*>(QStringLiteral("zoneCombo"))->setCurrentText(QStringLiteral("Europe/Berlin"));
            QTest::qWait(250); // the live checks run shortly after the last edit
            auto* schedule = composer.findChild<QPushButton*>(QStringLiteral("scheduleButton"));
            QVERIFY(schedule->isEnabled());
            schedule->click();
            QCOMPARE(saved.count(), 1);
            postId = saved.at(0).at(0).value<std::int64_t>();
        }

        // The calendar shows it on Thursday, with both targets.
        QTRY_VERIFY_WITH_TIMEOUT(calendar.isUpToDate() && postsOn(calendar, QDate(2026, 4, 2)) ==
                                                              std::vector<std::int64_t>{postId},
                                 10000);
        const auto* entry = calendar.days().find(postId);
        QVERIFY(entry);
        QCOMPARE(entry->targets.size(), std::size_t(2));
        QCOMPARE(entry->status, engine::PostStatus::Scheduled);

        // Drop it on Friday: same wall time, the next day.
        auto* month = calendar.findChild<ui::MonthView*>(QStringLiteral("monthView"));
        QVERIFY(month);
        const QRect friday = month->cellRect(QDate(2026, 4, 3));
        QVERIFY(friday.isValid());
        emit month->postDropped(postId, month->dayAt(friday.center()));
        QTRY_VERIFY_WITH_TIMEOUT(calendar.pendingEdits() == 0 && calendar.isUpToDate(), 10000);
        auto db = engine::Database::open(path).value();
        auto moved = engine::PostRepository(db).find(postId).value().value();
        QCOMPARE(moved.localTime, std::string("2026-04-03T09:00"));
        QCOMPARE(moved.scheduledUtc.value(), berlin(2026, 4, 3, 9, 0));
        QCOMPARE(postsOn(calendar, QDate(2026, 4, 3)), std::vector<std::int64_t>{postId});

        // Undo puts it back on Thursday at the exact instant.
        calendar.undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(calendar.pendingEdits() == 0 && calendar.isUpToDate(), 10000);
        auto back = engine::PostRepository(db).find(postId).value().value();
        QCOMPARE(back.localTime, std::string("2026-04-02T09:00"));
        QCOMPARE(back.scheduledUtc.value(), berlin(2026, 4, 2, 9, 0));
        QCOMPARE(postsOn(calendar, QDate(2026, 4, 2)), std::vector<std::int64_t>{postId});
    }
};

QTEST_MAIN(TestComposeAndPlan)
#include "tst_composeandplan.moc"
