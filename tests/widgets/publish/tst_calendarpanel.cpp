#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "TestSupport.h"
#include "WorkspaceFixture.h"
#include "calendar/BestTimeHeatmap.h"
#include "calendar/CalendarData.h"
#include "calendar/MonthView.h"
#include "calendar/WeekView.h"
#include "calendar/PostingSlotsDialog.h"
#include "calendar/QueueModel.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/widgets/CalendarPanel.h"
#include "herald/widgets/QtZoneConverter.h"

using namespace herald;
using ui::CalendarPanel;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

std::int64_t berlin(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kBerlin).toSecsSinceEpoch();
}

engine::Schedule berlinSchedule(int y, int m, int d, int h, int min)
{
    return {
        QDateTime(QDate(y, m, d), QTime(h, min), kBerlin).toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toStdString(),
        "Europe/Berlin", berlin(y, m, d, h, min)};
}

} // namespace

// Waits until every queued edit is written and the views show the latest read.
#define SETTLE(panel) QTRY_VERIFY_WITH_TIMEOUT((panel).pendingEdits() == 0 && (panel).isUpToDate(), 10000)

class TestCalendarPanel : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    std::string m_path;
    std::int64_t m_mastodon = 0, m_bluesky = 0;
    std::int64_t m_dstPost = 0, m_draft = 0, m_april = 0;
    engine::FixedClock m_clock{berlin(2026, 3, 15, 12, 0)};

    engine::CalendarEntry stored(std::int64_t postId)
    {
        auto db = engine::Database::open(m_path).value();
        auto e = engine::CalendarQuery(db).entry(postId).value();
        if (!e)
            throw std::runtime_error("post " + std::to_string(postId) + " is gone");
        return *e;
    }

    std::unique_ptr<CalendarPanel> openPanel()
    {
        auto panel = std::make_unique<CalendarPanel>(m_clock);
        panel->resize(1000, 800);
        panel->show();
        panel->setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value());
        return panel;
    }

    static std::vector<std::int64_t> postsOn(const CalendarPanel& panel, const QDate& day)
    {
        std::vector<std::int64_t> out;
        for (int i : panel.days().on(day))
            out.push_back(panel.days().entries()[std::size_t(i)].postId);
        return out;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.path("calendar.herald");
        auto db = engine::Database::create(m_path).value();
        test::must(engine::SettingsRepository(db).setValue(engine::settingKeys::kTimeZone, "Europe/Berlin"));
        engine::Account m;
        m.platform = engine::Platform::Mastodon;
        m.handle = "@herald@example.social";
        m.externalId = "1";
        m.timeZone = "Europe/Berlin";
        m_mastodon = engine::AccountRepository(db).upsert(m).value();
        engine::Account b;
        b.platform = engine::Platform::Bluesky;
        b.handle = "herald.bsky.social";
        b.externalId = "2";
        b.timeZone = "Europe/Berlin";
        m_bluesky = engine::AccountRepository(db).upsert(b).value();
        engine::Campaign c;
        c.name = "Spring launch";
        c.colour = "#e15759";
        const auto campaign = engine::CampaignRepository(db).insert(c).value();

        engine::PostEditor editor(db);
        auto make = [&](const std::string& body, engine::PostStatus status, std::optional<engine::Schedule> when,
                        std::vector<std::int64_t> accounts, std::vector<std::string> tags,
                        std::optional<std::int64_t> campaignId) {
            engine::Post p;
            p.body = body;
            p.status = status;
            if (when) {
                p.localTime = when->localTime;
                p.timeZone = when->timeZone;
                p.scheduledUtc = when->utc;
            }
            for (auto a : accounts) {
                engine::PostTarget t;
                t.accountId = a;
                p.targets.push_back(t);
            }
            p.tags = std::move(tags);
            p.campaignId = campaignId;
            return editor.create(p).value();
        };
        // 00:30 on the last Sunday of March: DST starts at 02:00 that day; in UTC it is still Saturday.
        m_dstPost = make("Spring forward", engine::PostStatus::Scheduled, berlinSchedule(2026, 3, 29, 0, 30),
                         {m_mastodon, m_bluesky}, {"launch"}, campaign);
        m_draft = make("A draft about tips", engine::PostStatus::Draft, berlinSchedule(2026, 3, 10, 9, 0), {m_mastodon},
                       {"tips"}, std::nullopt);
        m_april = make("April news", engine::PostStatus::Scheduled, berlinSchedule(2026, 4, 2, 12, 0), {m_bluesky}, {},
                       std::nullopt);
        // Mastodon posts Monday to Friday at 09:00.
        std::vector<engine::PostingSlot> weekly;
        for (int d = 1; d <= 5; ++d)
            weekly.push_back({d, 9 * 60});
        test::must(engine::PostingSlots(db).setSlots(m_mastodon, weekly));
    }

    void noWorkspaceIsHonest()
    {
        CalendarPanel panel(m_clock);
        panel.show();
        auto* label = panel.findChild<QLabel*>(QStringLiteral("calendarNoWorkspace"));
        QVERIFY(label);
        QVERIFY(label->isVisible());
    }

    void postsLandOnTheirDayAcrossDst()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        QCOMPARE(panel->timeZone().id(), QByteArray("Europe/Berlin"));
        QCOMPARE(panel->currentDate(), QDate(2026, 3, 15));
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 29)), std::vector<std::int64_t>{m_dstPost});
        QVERIFY(postsOn(*panel, QDate(2026, 3, 28)).empty());
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 10)), std::vector<std::int64_t>{m_draft});
        // The grid runs from Monday 23 February to Sunday 5 April, so April's post is on it too.
        QCOMPARE(postsOn(*panel, QDate(2026, 4, 2)), std::vector<std::int64_t>{m_april});

        // Shown in UTC, the same instant is on Saturday; the choice is stored as the workspace's zone.
        panel->setTimeZone(QTimeZone::utc());
        SETTLE(*panel);
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 28)), std::vector<std::int64_t>{m_dstPost});
        QVERIFY(postsOn(*panel, QDate(2026, 3, 29)).empty());
        {
            auto db = engine::Database::open(m_path).value();
            QCOMPARE(engine::SettingsRepository(db).value(engine::settingKeys::kTimeZone).value().value(),
                     std::string("UTC"));
        }
        panel->setTimeZone(kBerlin);
        SETTLE(*panel);
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 29)), std::vector<std::int64_t>{m_dstPost});
    }

    void monthSwitch()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        QSignalSpy shown(panel.get(), &CalendarPanel::calendarShown);
        panel->showNext();
        SETTLE(*panel);
        QCOMPARE(panel->currentDate(), QDate(2026, 4, 15));
        QVERIFY(shown.count() >= 1);
        QCOMPARE(postsOn(*panel, QDate(2026, 4, 2)), std::vector<std::int64_t>{m_april});
        // April's grid starts on Monday 30 March: the DST post is before it.
        QVERIFY(panel->days().find(m_dstPost) == nullptr);
        panel->showPrevious();
        SETTLE(*panel);
        QVERIFY(panel->days().find(m_dstPost) != nullptr);
    }

    void dragToAnotherDayThenUndoRedo()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        const auto before = stored(m_dstPost);
        QCOMPARE(before.scheduledUtc.value(), berlin(2026, 3, 29, 0, 30));

        // A drop on the month view: the drop position maps to its day, and the view's signal reaches the
        // panel, which keeps the post's wall time (00:30) on the new day.
        auto* month = panel->findChild<ui::MonthView*>(QStringLiteral("monthView"));
        QVERIFY(month);
        const QRect cell = month->cellRect(QDate(2026, 3, 31));
        QVERIFY(cell.isValid());
        QCOMPARE(month->dayAt(cell.center()), QDate(2026, 3, 31));
        QVERIFY(month->postAt(month->cellRect(QDate(2026, 3, 29)).topLeft() + QPoint(10, 28)) == m_dstPost);
        emit month->postDropped(m_dstPost, month->dayAt(cell.center()));
        SETTLE(*panel);
        auto moved = stored(m_dstPost);
        QCOMPARE(moved.localTime, std::string("2026-03-31T00:30"));
        QCOMPARE(moved.timeZone, std::string("Europe/Berlin"));
        QCOMPARE(moved.scheduledUtc.value(), berlin(2026, 3, 31, 0, 30));
        QCOMPARE(moved.status, engine::PostStatus::Scheduled);
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 31)), std::vector<std::int64_t>{m_dstPost});

        panel->undoStack()->undo();
        SETTLE(*panel);
        auto undone = stored(m_dstPost);
        QCOMPARE(undone.scheduledUtc, before.scheduledUtc);
        QCOMPARE(undone.localTime, before.localTime);
        QCOMPARE(postsOn(*panel, QDate(2026, 3, 29)), std::vector<std::int64_t>{m_dstPost});

        // Redo and undo again from the keyboard.
        panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
        QTest::keyClick(panel.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).scheduledUtc.value(), berlin(2026, 3, 31, 0, 30));
        QCOMPARE(stored(m_dstPost).localTime, std::string("2026-03-31T00:30"));
        QTest::keyClick(panel.get(), Qt::Key_Z, Qt::ControlModifier);
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).scheduledUtc, before.scheduledUtc);
    }

    void dropOnWeekSlotThenUndo()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        panel->setView(CalendarPanel::View::Week);
        panel->showDate(QDate(2026, 4, 2));
        SETTLE(*panel);
        QVERIFY(panel->days().find(m_april));
        const auto before = stored(m_april);
        auto* week = panel->findChild<ui::WeekView*>(QStringLiteral("weekView"));
        QVERIFY(week);
        // The lower half of the 15:00 row is the 15:30 slot.
        const QDateTime slot = week->slotAt(week->slotPosition(QDate(2026, 4, 3), 15) + QPoint(20, 30));
        QCOMPARE(slot, QDateTime(QDate(2026, 4, 3), QTime(15, 30), kBerlin));
        emit week->postDropped(m_april, slot);
        SETTLE(*panel);
        QCOMPARE(stored(m_april).scheduledUtc.value(), berlin(2026, 4, 3, 15, 30));
        QCOMPARE(stored(m_april).localTime, std::string("2026-04-03T15:30"));
        panel->undoStack()->undo();
        SETTLE(*panel);
        QCOMPARE(stored(m_april).scheduledUtc, before.scheduledUtc);
        QCOMPARE(stored(m_april).localTime, before.localTime);
    }

    void cancelDuplicateAndUndo()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        panel->cancelPost(m_dstPost);
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).status, engine::PostStatus::Cancelled);
        panel->undoStack()->undo();
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).status, engine::PostStatus::Scheduled);
        QCOMPARE(stored(m_dstPost).scheduledUtc.value(), berlin(2026, 3, 29, 0, 30));

        const auto before = panel->days().on(QDate(2026, 3, 29)).size();
        panel->duplicatePost(m_dstPost);
        SETTLE(*panel);
        QCOMPARE(panel->days().on(QDate(2026, 3, 29)).size(), before + 1);
        panel->undoStack()->undo();
        SETTLE(*panel);
        QCOMPARE(panel->days().on(QDate(2026, 3, 29)).size(), before);
    }

    void deletingAThreadDraftAndUndoBringsItBackWhole()
    {
        std::int64_t root = 0;
        {
            auto db = engine::Database::open(m_path).value();
            engine::PostEditor editor(db);
            engine::Post p;
            p.body = "1/2 thread draft";
            p.status = engine::PostStatus::Draft;
            p.createdUtc = p.updatedUtc = m_clock.nowUtc();
            engine::PostTarget t;
            t.accountId = m_mastodon;
            p.targets.push_back(t);
            root = editor.create(p).value();
            test::must(editor.setThread(root, {{"2/2", "2/2 the end", {}}}, m_clock.nowUtc()));
        }
        auto panel = openPanel();
        SETTLE(*panel);
        panel->deleteDraft(root);
        SETTLE(*panel);
        auto count = [this] {
            auto db = engine::Database::open(m_path, engine::Database::Mode::ReadOnly).value();
            auto stmt = db.prepare("SELECT COUNT(*) FROM posts WHERE body LIKE '%thread draft%' OR body = '2/2 the end'").value();
            stmt->step().value();
            const auto n = stmt->int64(0);
            stmt->reset();
            return n;
        };
        QCOMPARE(count(), std::int64_t(0));
        panel->undoStack()->undo();
        SETTLE(*panel);
        QCOMPARE(count(), std::int64_t(2));
        {
            auto db = engine::Database::open(m_path).value();
            auto again = db.prepare("SELECT id FROM posts WHERE body = '1/2 thread draft'").value();
            QVERIFY(again->step().value());
            const auto restored = again->int64(0);
            again->reset();
            const auto thread = engine::PostEditor(db).thread(restored).value();
            QCOMPARE(thread.size(), std::size_t(1));
            QCOMPARE(engine::CalendarQuery(db).entry(thread[0]).value()->body, std::string("2/2 the end"));
        }
        panel->undoStack()->redo(); // leave the shared workspace as the other tests expect it
        SETTLE(*panel);
        QCOMPARE(count(), std::int64_t(0));
    }

    void doubleClickComposesAndDeleteCancels()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        auto* month = panel->findChild<ui::MonthView*>(QStringLiteral("monthView"));
        QSignalSpy compose(panel.get(), &CalendarPanel::composeRequested);
        QTest::mouseDClick(month, Qt::LeftButton, {}, month->cellRect(QDate(2026, 3, 2)).center());
        QCOMPARE(compose.count(), 1);
        QVERIFY(!compose.at(0).at(0).value<std::optional<std::int64_t>>().has_value());
        QCOMPARE(compose.at(0).at(1).toDateTime(), QDateTime(QDate(2026, 3, 2), QTime(9, 0), kBerlin));
        const QPoint chip = month->cellRect(QDate(2026, 3, 29)).topLeft() + QPoint(10, 28);
        QTest::mouseDClick(month, Qt::LeftButton, {}, chip);
        QCOMPARE(compose.count(), 2);
        QCOMPARE(compose.at(1).at(0).value<std::optional<std::int64_t>>(), std::optional<std::int64_t>(m_dstPost));

        // Delete asks first; Yes cancels the selected scheduled post, and Ctrl+Z brings it back.
        QTest::mouseClick(month, Qt::LeftButton, {}, chip);
        QCOMPARE(panel->selectedPost(), std::optional<std::int64_t>(m_dstPost));
        panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
        QTest::keyClick(month, Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = panel->findChild<QMessageBox*>(QStringLiteral("confirmCancel"))) != nullptr);
        box->button(QMessageBox::Yes)->click();
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).status, engine::PostStatus::Cancelled);
        panel->undoStack()->undo();
        SETTLE(*panel);
        QCOMPARE(stored(m_dstPost).status, engine::PostStatus::Scheduled);
    }

    void filtersNarrowThePosts()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        engine::CalendarFilter tips;
        tips.tags = {"tips"};
        panel->setFilter(tips);
        SETTLE(*panel);
        QCOMPARE(panel->days().entries().size(), std::size_t(1));
        QCOMPARE(panel->days().entries().front().postId, m_draft);

        engine::CalendarFilter bluesky;
        bluesky.accountIds = {m_bluesky};
        panel->setFilter(bluesky);
        SETTLE(*panel);
        QVERIFY(panel->days().find(m_dstPost));
        QVERIFY(panel->days().find(m_april));
        QVERIFY(!panel->days().find(m_draft));

        engine::CalendarFilter drafts;
        drafts.statuses = {engine::PostStatus::Draft};
        panel->setFilter(drafts);
        SETTLE(*panel);
        QCOMPARE(panel->days().entries().size(), std::size_t(1));
    }

    void queueListsFreeSlotsAndAddsToQueue()
    {
        auto panel = openPanel();
        SETTLE(*panel);
        engine::CalendarFilter mastodon;
        mastodon.accountIds = {m_mastodon};
        panel->setFilter(mastodon);
        panel->setView(CalendarPanel::View::List);
        SETTLE(*panel);
        QAbstractItemModelTester tester(panel->queueModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* model = panel->queueModel();
        std::vector<qlonglong> free;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(ui::QueueModel::FreeSlotRole).toBool())
                free.push_back(model->index(r, 0).data(ui::QueueModel::UtcRole).toLongLong());
        // From Sunday 15 March noon, two weeks of weekday 09:00 slots.
        QCOMPARE(free.size(), std::size_t(10));
        QCOMPARE(free.front(), berlin(2026, 3, 16, 9, 0));
        QCOMPARE(free.back(), berlin(2026, 3, 27, 9, 0));
        QCOMPARE(model->index(0, ui::QueueModel::TextColumn).data().toString(), QStringLiteral("A draft about tips"));

        const auto before = stored(m_draft);
        panel->addToQueue(m_draft);
        SETTLE(*panel);
        auto queued = stored(m_draft);
        QCOMPARE(queued.scheduledUtc.value(), berlin(2026, 3, 16, 9, 0));
        QCOMPARE(queued.status, engine::PostStatus::Scheduled);
        int freeNow = 0;
        for (int r = 0; r < model->rowCount(); ++r)
            freeNow += model->index(r, 0).data(ui::QueueModel::FreeSlotRole).toBool() ? 1 : 0;
        QCOMPARE(freeNow, 9);

        panel->undoStack()->undo();
        SETTLE(*panel);
        auto undone = stored(m_draft);
        QCOMPARE(undone.status, engine::PostStatus::Draft);
        QCOMPARE(undone.scheduledUtc, before.scheduledUtc);
        QCOMPARE(undone.localTime, before.localTime);
    }

    void heatmapStates()
    {
        // Three scheduled posts and no published history: the heatmap says so instead of guessing.
        auto panel = openPanel();
        SETTLE(*panel);
        auto* heatmap = panel->findChild<ui::BestTimeHeatmap*>(QStringLiteral("bestTimeHeatmap"));
        QVERIFY(heatmap);
        QVERIFY(!heatmap->hasRates());
        QSignalSpy shown(panel.get(), &CalendarPanel::heatmapShown);
        engine::CalendarFilter one;
        one.accountIds = {m_bluesky};
        panel->setFilter(one);
        QTRY_VERIFY_WITH_TIMEOUT(!heatmap->message().startsWith(QStringLiteral("Fitting")), 10000);
        QVERIFY(!heatmap->hasRates());
        QVERIFY2(heatmap->message().contains(QStringLiteral("Not enough history")), qPrintable(heatmap->message()));

        // The fixture workspace has 40 published posts with impressions per account: enough for a model.
        const std::string path = m_dir.path("history.herald");
        test::writeSmallWorkspace(path, QDate(2026, 3, 31));
        CalendarPanel withHistory(m_clock);
        withHistory.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value());
        auto* cells = withHistory.findChild<ui::BestTimeHeatmap*>(QStringLiteral("bestTimeHeatmap"));
        engine::CalendarFilter first;
        first.accountIds = {1};
        withHistory.setFilter(first);
        QTRY_VERIFY_WITH_TIMEOUT(cells->hasRates(), 20000);
    }

    void followUpsReadAsReplies()
    {
        engine::CalendarEntry first;
        first.body = "1/2 Spring is here\nmore";
        QCOMPARE(ui::entryCaption(first), QStringLiteral("1/2 Spring is here"));
        engine::CalendarEntry second;
        second.body = "2/2 The end";
        second.parentPostId = 1;
        QCOMPARE(ui::entryCaption(second), QStringLiteral("↳ 2/2 The end"));
    }

    void slotTimesParse()
    {
        QString error;
        const auto ok = ui::PostingSlotsDialog::parseTimes(QStringLiteral("17:00, 9:00 12:30"), &error);
        QVERIFY(ok);
        QCOMPARE(*ok, (std::vector<int>{540, 750, 1020}));
        QVERIFY(!ui::PostingSlotsDialog::parseTimes(QStringLiteral("09:00, 25:00"), &error));
        QVERIFY(error.contains(QStringLiteral("25:00")));
    }

    void zoneConverterHandlesDst()
    {
        const ui::QtZoneConverter zones;
        QVERIFY(!zones.toUtc("2026-03-29T02:30", "Europe/Berlin"));
        QCOMPARE(zones.toUtc("2026-03-29T00:30", "Europe/Berlin").value(), berlin(2026, 3, 29, 0, 30));
        QCOMPARE(zones.toLocal(berlin(2026, 10, 25, 2, 30), "Europe/Berlin"), std::string("2026-10-25T02:30"));
        QVERIFY(!zones.toUtc("2026-03-29T00:30", "Not/AZone"));
    }
};

QTEST_MAIN(TestCalendarPanel)
#include "tst_calendarpanel.moc"
