#include <QtTest>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimer>
#include <QToolButton>

#include "ComposerFixture.h"
#include "../WorkspaceFixture.h"
#include "composer/ComposerData.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/ComposerDialog.h"

using namespace herald;
using herald::engine::PostStatus;
using herald::test::must;

namespace {

// 2026-03-20T10:00:00Z: before Europe/Berlin switches to summer time (2026-03-29).
constexpr std::int64_t kNow = 1774000800;

struct Workspace
{
    test::TempFolder folder;
    std::string path = folder.path("composer.herald");
    test::ComposerAccounts ids = test::writeComposerWorkspace(path);
    ui::WorkspaceSnapshot snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value();
    engine::FixedClock clock{kNow};

    engine::Post post(std::int64_t id)
    {
        auto db = engine::Database::open(path).value();
        return engine::PostRepository(db).find(id).value().value();
    }
};

template <typename T> T* child(QWidget& parent, const QString& name)
{
    auto* w = parent.findChild<T*>(name);
    if (!w)
        throw std::runtime_error("no widget " + name.toStdString());
    return w;
}

void check(ui::ComposerDialog& d, std::int64_t accountId)
{
    child<QCheckBox>(d, QStringLiteral("account_%1").arg(accountId))->setChecked(true);
}

void flushChecks()
{
    QTest::qWait(250); // the live checks run 150 ms after the last edit
}

const engine::PostTarget& targetOf(const engine::Post& p, std::int64_t accountId)
{
    for (const auto& t : p.targets)
        if (t.accountId == accountId)
            return t;
    throw std::runtime_error("no target for account " + std::to_string(accountId));
}

} // namespace

class TestComposerDialog : public QObject
{
    Q_OBJECT

private slots:
    void composesTwoTargetsWithVariantAndSchedules()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
        check(d, w.ids.mastodon);
        check(d, w.ids.x);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Spring is here 🌱"));
        child<QPlainTextEdit>(d, QStringLiteral("variantEdit_%1").arg(w.ids.x))
            ->setPlainText(QStringLiteral("Spring! 🌱"));
        child<QDateEdit>(d, QStringLiteral("dateEdit"))->setDate(QDate(2026, 4, 2));
        child<QTimeEdit>(d, QStringLiteral("timeEdit"))->setTime(QTime(9, 0));
        child<QComboBox>(d, QStringLiteral("zoneCombo"))->setCurrentText(QStringLiteral("Europe/Berlin"));
        child<QLineEdit>(d, QStringLiteral("tagsEdit"))->setText(QStringLiteral("launch, spring"));
        auto* campaign = child<QComboBox>(d, QStringLiteral("campaignCombo"));
        campaign->setCurrentIndex(campaign->findText(QStringLiteral("Spring launch")));
        flushChecks();
        // For looking at the dialog: HERALD_SCREENSHOT_DIR=/tmp/shots ./tst_composerdialog
        if (const QString shots = qEnvironmentVariable("HERALD_SCREENSHOT_DIR"); !shots.isEmpty())
            d.grab().save(shots + QStringLiteral("/composer.png"));
        auto* schedule = child<QPushButton>(d, QStringLiteral("scheduleButton"));
        QVERIFY(schedule->isEnabled());
        schedule->click();
        QCOMPARE(saved.count(), 1);
        QCOMPARE(d.result(), int(QDialog::Accepted));

        const auto p = w.post(saved.at(0).at(0).value<std::int64_t>());
        QCOMPARE(p.status, PostStatus::Scheduled);
        QCOMPARE(p.body, std::string("Spring is here 🌱"));
        QCOMPARE(p.localTime, std::string("2026-04-02T09:00"));
        QCOMPARE(p.timeZone, std::string("Europe/Berlin"));
        // 09:00 CEST (UTC+2, after the DST change) = 07:00 UTC.
        QCOMPARE(p.scheduledUtc.value(),
                 QDateTime(QDate(2026, 4, 2), QTime(7, 0), QTimeZone::utc()).toSecsSinceEpoch());
        QCOMPARE(p.targets.size(), std::size_t(2));
        QCOMPARE(targetOf(p, w.ids.x).variantText, std::string("Spring! 🌱"));
        QCOMPARE(targetOf(p, w.ids.mastodon).variantText, std::string());
        QCOMPARE(targetOf(p, w.ids.x).status, PostStatus::Scheduled);
        QCOMPARE(p.campaignId.value(), w.ids.campaign);
        QCOMPARE(p.tags.size(), std::size_t(2));
        {
            auto db = engine::Database::open(w.path).value();
            engine::PublishQueue queue(db);
            QVERIFY(!queue.target(targetOf(p, w.ids.mastodon).id).value()->platformScheduled);
        }
        // No published history in this workspace: no prediction, said plainly.
        QTRY_VERIFY(child<QLabel>(d, QStringLiteral("predictionLabel"))
                        ->text()
                        .contains(QStringLiteral("X @herald: not enough history for a prediction.")));
    }

    void writesAThreadAndReopensItFromAFollowUp()
    {
        Workspace w;
        std::int64_t rootId = 0;
        std::vector<std::int64_t> followUps;
        {
            ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
            QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
            check(d, w.ids.mastodon);
            check(d, w.ids.x);
            child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("1/3 Spring is here 🌱"));
            QCOMPARE(d.addFollowUp(QStringLiteral("2/3 New beans from Huila")), 1);
            child<QPushButton>(d, QStringLiteral("addFollowUpButton"))->click();
            auto* third = child<QPlainTextEdit>(d, QStringLiteral("followUpEdit_2"));
            QVERIFY(third->hasFocus() || !QApplication::activeWindow());
            third->setPlainText(QString(300, QLatin1Char('a')));
            flushChecks();
            // Each follow-up counts per network; the third is over X's limit and blocks scheduling.
            auto* counter = child<QLabel>(d, QStringLiteral("followUpCounter_2"));
            QVERIFY2(counter->text().contains(QStringLiteral("X 300 / 280")), qPrintable(counter->text()));
            QVERIFY2(counter->text().contains(QStringLiteral("Mastodon 300 / 500")), qPrintable(counter->text()));
            QVERIFY(counter->property("overLimit").toBool());
            QVERIFY(!child<QLabel>(d, QStringLiteral("followUpCounter_1"))->property("overLimit").toBool());
            auto* problems = child<QListWidget>(d, QStringLiteral("problemList"));
            QCOMPARE(problems->count(), 1);
            QVERIFY2(problems->item(0)->text().startsWith(QStringLiteral("Post 3 of the thread: ")),
                     qPrintable(problems->item(0)->text()));
            QVERIFY(!child<QPushButton>(d, QStringLiteral("scheduleButton"))->isEnabled());
            // A thread cannot repeat, and repeating posts cannot gain follow-ups.
            QVERIFY(!child<QCheckBox>(d, QStringLiteral("repeatCheck"))->isEnabled());

            third->setPlainText(QStringLiteral("3/3 Come by https://example.com/") + QString(60, QLatin1Char('s')));
            flushChecks();
            QVERIFY2(counter->text().contains(QStringLiteral("X 35 / 280")), qPrintable(counter->text()));
            QCOMPARE(problems->count(), 0);
            child<QDateEdit>(d, QStringLiteral("dateEdit"))->setDate(QDate(2026, 4, 2));
            child<QTimeEdit>(d, QStringLiteral("timeEdit"))->setTime(QTime(9, 0));
            flushChecks();
            if (const QString shots = qEnvironmentVariable("HERALD_SCREENSHOT_DIR"); !shots.isEmpty())
                d.grab().save(shots + QStringLiteral("/composer-thread.png"));
            child<QPushButton>(d, QStringLiteral("scheduleButton"))->click();
            QCOMPARE(saved.count(), 1);
            rootId = saved.at(0).at(0).value<std::int64_t>();
            auto db = engine::Database::open(w.path).value();
            followUps = engine::PostEditor(db).thread(rootId).value();
        }
        QCOMPARE(followUps.size(), std::size_t(2));
        const auto root = w.post(rootId);
        const auto second = w.post(followUps[0]);
        const auto third = w.post(followUps[1]);
        QCOMPARE(second.body, std::string("2/3 New beans from Huila"));
        QCOMPARE(second.parentPostId, std::optional<std::int64_t>(rootId));
        QCOMPARE(third.parentPostId, std::optional<std::int64_t>(followUps[0]));
        for (const auto& p : {second, third}) {
            QCOMPARE(p.status, PostStatus::Scheduled);
            QCOMPARE(p.scheduledUtc, root.scheduledUtc);
            QCOMPARE(p.localTime, std::string("2026-04-02T09:00"));
            QCOMPARE(p.targets.size(), std::size_t(2));
        }

        // Opening the last post of the thread opens the whole thread; dropping the middle post
        // leaves two posts, the second now saying what the third said.
        ui::ComposerDialog e(w.snapshot, w.clock, followUps[1]);
        QCOMPARE(e.postId(), std::optional<std::int64_t>(rootId));
        QCOMPARE(child<QPlainTextEdit>(e, QStringLiteral("bodyEdit"))->toPlainText(), QStringLiteral("1/3 Spring is here 🌱"));
        QCOMPARE(e.followUps().size(), 2);
        QCOMPARE(e.followUps().at(0), QStringLiteral("2/3 New beans from Huila"));
        QVERIFY(!e.isDirty());
        e.findChildren<QToolButton*>(QStringLiteral("removeFollowUpButton")).first()->click();
        QCOMPARE(e.followUps().size(), 1);
        QVERIFY(e.isDirty());
        QVERIFY(child<QPlainTextEdit>(e, QStringLiteral("followUpEdit_1"))->toPlainText().startsWith(QStringLiteral("3/3")));
        flushChecks();
        child<QPushButton>(e, QStringLiteral("scheduleButton"))->click();
        QCOMPARE(e.result(), int(QDialog::Accepted));
        auto db = engine::Database::open(w.path).value();
        const auto now = engine::PostEditor(db).thread(rootId).value();
        QCOMPARE(now, std::vector<std::int64_t>{followUps[0]});
        QVERIFY(w.post(followUps[0]).body.starts_with("3/3 Come by"));
    }

    void suggestsHashtagsAndPredictsFromHistory()
    {
        test::TempFolder folder;
        const std::string path = folder.path("history.herald");
        const QDate lastDay(2026, 3, 19);
        test::writeSmallWorkspace(path, lastDay);
        const auto snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value();
        engine::FixedClock clock(QDateTime(lastDay.addDays(1), QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch());
        ui::ComposerDialog d(snapshot, clock, std::nullopt);
        d.setSuggestedHashtags({QStringLiteral("privacy"), QStringLiteral("#launch")});
        QTRY_VERIFY(d.findChildren<QPushButton*>(QStringLiteral("hashtagButton")).size() == 3);
        QStringList tags;
        for (auto* b : d.findChildren<QPushButton*>(QStringLiteral("hashtagButton")))
            tags << b->text();
        // Both tags of the last 90 days, then the interest rule not already there.
        QCOMPARE(tags.size(), 3);
        QVERIFY(tags.contains(QStringLiteral("#launch")));
        QVERIFY(tags.contains(QStringLiteral("#tips")));
        QCOMPARE(tags.last(), QStringLiteral("#privacy"));
        auto* body = child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"));
        body->setPlainText(QStringLiteral("Hello"));
        body->moveCursor(QTextCursor::End);
        d.findChildren<QPushButton*>(QStringLiteral("hashtagButton")).last()->click();
        QCOMPARE(body->toPlainText(), QStringLiteral("Hello #privacy "));

        const auto& account = snapshot.accounts.front();
        check(d, account.id);
        flushChecks();
        auto* prediction = child<QLabel>(d, QStringLiteral("predictionLabel"));
        QVERIFY2(prediction->text().contains(QStringLiteral("engagement at this time (90 % interval")),
                 qPrintable(prediction->text()));
        auto* best = child<QPushButton>(d, QStringLiteral("bestSlotButton0"));
        QVERIFY(best->isVisible() || !best->isHidden());
        const qint64 utc = best->property("utc").toLongLong();
        QVERIFY(utc > clock.nowUtc() && utc <= clock.nowUtc() + 7 * 86400 + 3600);
        best->click();
        const QDateTime shown(child<QDateEdit>(d, QStringLiteral("dateEdit"))->date(),
                              child<QTimeEdit>(d, QStringLiteral("timeEdit"))->time(), QTimeZone("Europe/Berlin"));
        QCOMPARE(shown.toSecsSinceEpoch(), utc);
    }

    void closingWithUnsavedChangesAsks()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        d.show();
        check(d, w.ids.mastodon);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Unsaved"));
        QVERIFY(d.isDirty());
        auto answer = [this](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, this, [button] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                    box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        d.reject();
        QVERIFY(d.isVisible()); // still editing
        answer(QMessageBox::Save);
        d.reject();
        QVERIFY(!d.isVisible());
        QVERIFY(d.postId().has_value());
        QCOMPARE(w.post(*d.postId()).body, std::string("Unsaved"));
        QCOMPARE(w.post(*d.postId()).status, PostStatus::Draft);
    }

    void mastodonTargetCanBeHandedToItsScheduler()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        auto* handOver = child<QCheckBox>(d, QStringLiteral("platformScheduleCheck"));
        check(d, w.ids.x);
        flushChecks();
        QVERIFY(handOver->isHidden()); // X has no scheduler of its own
        check(d, w.ids.mastodon);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Held by the instance"));
        d.presetSchedule(QDateTime(QDate(2026, 3, 25), QTime(18, 0)));
        flushChecks();
        QVERIFY(!handOver->isHidden());
        handOver->setChecked(true);
        child<QPushButton>(d, QStringLiteral("scheduleButton"))->click();
        const auto p = w.post(d.postId().value());
        auto db = engine::Database::open(w.path).value();
        engine::PublishQueue queue(db);
        QVERIFY(queue.target(targetOf(p, w.ids.mastodon).id).value()->platformScheduled);
        QVERIFY(!queue.target(targetOf(p, w.ids.x).id).value()->platformScheduled);
        // Reopened, the choice is shown.
        ui::ComposerDialog again(w.snapshot, w.clock, p.id);
        QVERIFY(child<QCheckBox>(again, QStringLiteral("platformScheduleCheck"))->isChecked());
        QVERIFY(!again.isDirty());
    }

    void overLimitOnXBlocksSchedulingWhileMastodonIsFine()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
        check(d, w.ids.mastodon);
        check(d, w.ids.x);
        // 300 Latin characters: over X's 280, within Mastodon's 500.
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QString(300, QLatin1Char('a')));
        flushChecks();
        auto* xCounter = child<QLabel>(d, QStringLiteral("counter_%1").arg(w.ids.x));
        auto* mCounter = child<QLabel>(d, QStringLiteral("counter_%1").arg(w.ids.mastodon));
        QVERIFY2(xCounter->text().contains(QStringLiteral("300 / 280")), qPrintable(xCounter->text()));
        QVERIFY(xCounter->property("overLimit").toBool());
        QVERIFY2(mCounter->text().contains(QStringLiteral("300 / 500")), qPrintable(mCounter->text()));
        QVERIFY(!mCounter->property("overLimit").toBool());
        auto* problems = child<QListWidget>(d, QStringLiteral("problemList"));
        QCOMPARE(problems->count(), 1);
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("X @herald")));
        QVERIFY(!problems->item(0)->text().contains(QStringLiteral("Mastodon")));
        QVERIFY(!child<QPushButton>(d, QStringLiteral("scheduleButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(d, QStringLiteral("publishNowButton"))->isEnabled());

        // A shorter X variant fixes it; URLs weigh 23 on X whatever their length.
        const QString url = QStringLiteral("https://example.com/") + QString(100, QLatin1Char('p'));
        child<QPlainTextEdit>(d, QStringLiteral("variantEdit_%1").arg(w.ids.x))
            ->setPlainText(QString(250, QLatin1Char('b')) + QLatin1Char(' ') + url);
        flushChecks();
        QVERIFY2(xCounter->text().contains(QStringLiteral("274 / 280")), qPrintable(xCounter->text()));
        QCOMPARE(problems->count(), 0);
        QVERIFY(child<QPushButton>(d, QStringLiteral("scheduleButton"))->isEnabled());
        QCOMPARE(saved.count(), 0);
    }

    void titleKeepsWholeCharacters()
    {
        QCOMPARE(ui::composer::postTitle(QStringLiteral("Spring\nmore")), QStringLiteral("Spring"));
        // 79 letters and an emoji (two UTF-16 units): the emoji does not fit and is left out whole.
        const QString text = QString(79, QLatin1Char('a')) + QStringLiteral("🌱 and more");
        QCOMPARE(ui::composer::postTitle(text), QString(79, QLatin1Char('a')));
        QCOMPARE(ui::composer::postTitle(QStringLiteral("社区提问：你平时怎么整理笔记？")),
                 QStringLiteral("社区提问：你平时怎么整理笔记？"));
    }

    void utmAppendedPerNetwork_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("platform");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain link, X") << QStringLiteral("Read https://herald.example/post now")
                                       << int(engine::Platform::X)
                                       << QStringLiteral(
                                              "Read https://herald.example/post?utm_source=x&utm_medium=social"
                                              "&utm_campaign=spring26&utm_content=teaser now");
        QTest::newRow("query, fragment and full stop, Mastodon")
            << QStringLiteral("See https://herald.example/a?b=1#top.") << int(engine::Platform::Mastodon)
            << QStringLiteral("See https://herald.example/a?b=1&utm_source=mastodon&utm_medium=social"
                              "&utm_campaign=spring26&utm_content=teaser#top.");
        QTest::newRow("existing utm replaced, Bluesky")
            << QStringLiteral("http://x.example/?utm_source=old") << int(engine::Platform::Bluesky)
            << QStringLiteral("http://x.example/?utm_source=bluesky&utm_medium=social&utm_campaign=spring26"
                              "&utm_content=teaser");
        QTest::newRow("no link") << QStringLiteral("No link here") << int(engine::Platform::X)
                                 << QStringLiteral("No link here");
    }

    void utmAppendedPerNetwork()
    {
        QFETCH(QString, text);
        QFETCH(int, platform);
        QFETCH(QString, expected);
        ui::composer::UtmFields fields{QStringLiteral("spring26"), QStringLiteral("teaser")};
        QCOMPARE(ui::composer::appendUtm(text, engine::Platform(platform), fields), expected);
    }

    void utmBuilderShowsAndSavesTheTextPerTarget()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
        check(d, w.ids.mastodon);
        check(d, w.ids.x);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))
            ->setPlainText(QStringLiteral("New: https://herald.example/launch"));
        auto* campaign = child<QComboBox>(d, QStringLiteral("campaignCombo"));
        campaign->setCurrentIndex(campaign->findText(QStringLiteral("Spring launch")));
        child<QCheckBox>(d, QStringLiteral("utmCheck"))->setChecked(true);
        flushChecks();
        const QString preview = child<QPlainTextEdit>(d, QStringLiteral("utmPreview"))->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral(
                     "https://herald.example/launch?utm_source=x&utm_medium=social&utm_campaign=spring26")),
                 qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral(
            "https://herald.example/launch?utm_source=mastodon&utm_medium=social&utm_campaign=spring26")));
        child<QPushButton>(d, QStringLiteral("draftButton"))->click();
        QCOMPARE(saved.count(), 1);
        const auto p = w.post(saved.at(0).at(0).value<std::int64_t>());
        QCOMPARE(p.status, PostStatus::Draft);
        QCOMPARE(
            targetOf(p, w.ids.x).variantText,
            std::string("New: https://herald.example/launch?utm_source=x&utm_medium=social&utm_campaign=spring26"));
        QCOMPARE(targetOf(p, w.ids.mastodon).variantText,
                 std::string(
                     "New: https://herald.example/launch?utm_source=mastodon&utm_medium=social&utm_campaign=spring26"));
    }

    void mediaImportedWithAltText()
    {
        Workspace w;
        const QString red = QString::fromStdString(w.folder.path("red.png"));
        const QString blue = QString::fromStdString(w.folder.path("blue.png"));
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(image.save(red));
        image.fill(Qt::blue);
        QVERIFY(image.save(blue));

        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
        check(d, w.ids.mastodon);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Two pictures"));
        QVERIFY(d.addMediaFile(red, QStringLiteral("A red square")));
        QVERIFY(d.addMediaFile(blue));
        QVERIFY(!d.addMediaFile(QString::fromStdString(w.folder.path("missing.png"))));
        flushChecks();
        auto* media = child<QListWidget>(d, QStringLiteral("mediaList"));
        QCOMPARE(media->count(), 2);
        QVERIFY(!media->item(0)->icon().isNull());
        QVERIFY(media->item(1)->text().contains(QStringLiteral("No alt text")));
        auto* problems = child<QListWidget>(d, QStringLiteral("problemList"));
        QCOMPARE(problems->count(), 1); // a warning, not blocking
        QVERIFY(problems->item(0)->text().contains(QStringLiteral("Image 2 has no alt text")));
        QVERIFY(!problems->item(0)->data(Qt::UserRole + 1).toBool());
        QVERIFY(child<QPushButton>(d, QStringLiteral("scheduleButton"))->isEnabled());

        // Move the blue one up, then give it alt text.
        media->setCurrentRow(1);
        child<QPushButton>(d, QStringLiteral("mediaUpButton"))->click();
        QCOMPARE(media->currentRow(), 0);
        auto* alt = child<QLineEdit>(d, QStringLiteral("altTextEdit"));
        alt->setText(QStringLiteral("A blue square"));
        emit alt->textEdited(alt->text());
        child<QPushButton>(d, QStringLiteral("draftButton"))->click();
        QCOMPARE(saved.count(), 1);

        auto db = engine::Database::open(w.path).value();
        const auto stored = engine::PostEditor(db).media(saved.at(0).at(0).value<std::int64_t>()).value();
        QCOMPARE(stored.size(), std::size_t(2));
        const std::string folder = connectors::mediaFolderFor(w.path);
        QCOMPARE(stored[0].altText, std::string("A blue square"));
        QCOMPARE(stored[0].sha256, connectors::sha256OfFile(blue.toStdString()).value());
        QCOMPARE(stored[1].altText, std::string("A red square"));
        QCOMPARE(stored[1].sha256, connectors::sha256OfFile(red.toStdString()).value());
        QCOMPARE(stored[1].path, stored[1].sha256 + ".png");
        QVERIFY(QFile::exists(QString::fromStdString(connectors::resolveMediaPath(folder, stored[1].path))));
        QCOMPARE(connectors::sha256OfFile(connectors::resolveMediaPath(folder, stored[1].path)).value(),
                 stored[1].sha256);
    }

    void autosaveCreatesADraftThenUpdatesIt()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        child<QTimer>(d, QStringLiteral("autosaveTimer"))->setInterval(50);
        check(d, w.ids.mastodon);
        auto* body = child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"));
        body->setPlainText(QStringLiteral("First thoughts"));
        QTRY_VERIFY(d.postId().has_value());
        QTRY_VERIFY(!d.isDirty());
        const auto id = *d.postId();
        auto p = w.post(id);
        QCOMPARE(p.status, PostStatus::Draft);
        QCOMPARE(p.body, std::string("First thoughts"));
        QVERIFY(p.localTime.empty()); // no time chosen: an unscheduled draft
        QCOMPARE(p.targets.size(), std::size_t(1));

        body->setPlainText(QStringLiteral("Second thoughts"));
        QTRY_COMPARE(w.post(id).body, std::string("Second thoughts"));
        QCOMPARE(*d.postId(), id); // the same post, not a new one
        d.reject();
    }

    void editingLoadsThePostAndPastTimeOffersPublishNow()
    {
        Workspace w;
        std::int64_t id = 0;
        {
            ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
            check(d, w.ids.x);
            child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Later"));
            d.presetSchedule(QDateTime(QDate(2026, 3, 21), QTime(8, 30)));
            child<QPushButton>(d, QStringLiteral("draftButton"))->click();
            id = d.postId().value();
        }
        ui::ComposerDialog d(w.snapshot, w.clock, id);
        QCOMPARE(child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->toPlainText(), QStringLiteral("Later"));
        QVERIFY(child<QCheckBox>(d, QStringLiteral("account_%1").arg(w.ids.x))->isChecked());
        QCOMPARE(child<QTimeEdit>(d, QStringLiteral("timeEdit"))->time(), QTime(8, 30));
        QVERIFY(!d.isDirty());

        child<QDateEdit>(d, QStringLiteral("dateEdit"))->setDate(QDate(2026, 3, 19)); // yesterday
        bool asked = false;
        QTimer::singleShot(0, this, [&asked] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            box->button(QMessageBox::Yes)->click();
        });
        child<QPushButton>(d, QStringLiteral("scheduleButton"))->click();
        QVERIFY(asked);
        const auto p = w.post(id);
        QCOMPARE(p.status, PostStatus::Scheduled);
        QCOMPARE(p.scheduledUtc.value(), kNow);
        QCOMPARE(p.localTime, std::string("2026-03-20T11:00"));
    }

    void repeatsWeeklyAcrossDstAndShowsItWhenEdited()
    {
        Workspace w;
        ui::ComposerDialog d(w.snapshot, w.clock, std::nullopt);
        QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
        check(d, w.ids.mastodon);
        child<QPlainTextEdit>(d, QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("Tuesday tip"));
        child<QDateEdit>(d, QStringLiteral("dateEdit"))->setDate(QDate(2026, 3, 24));
        child<QTimeEdit>(d, QStringLiteral("timeEdit"))->setTime(QTime(9, 0));
        child<QComboBox>(d, QStringLiteral("zoneCombo"))->setCurrentText(QStringLiteral("Europe/Berlin"));
        auto* repeat = child<QCheckBox>(d, QStringLiteral("repeatCheck"));
        auto* every = child<QSpinBox>(d, QStringLiteral("repeatEverySpin"));
        auto* unit = child<QComboBox>(d, QStringLiteral("repeatUnitCombo"));
        auto* until = child<QDateEdit>(d, QStringLiteral("repeatUntilEdit"));
        QVERIFY(!every->isEnabled());
        repeat->setChecked(true);
        QVERIFY(every->isEnabled());
        every->setValue(1);
        unit->setCurrentIndex(unit->findData(QStringLiteral("week")));
        child<QCheckBox>(d, QStringLiteral("evergreenCheck"))->setChecked(true);
        child<QSpinBox>(d, QStringLiteral("evergreenGapSpin"))->setValue(45);
        flushChecks();

        // An end on the post's own day is refused before anything is written.
        until->setDate(QDate(2026, 3, 24));
        child<QPushButton>(d, QStringLiteral("scheduleButton"))->click();
        QCOMPARE(saved.count(), 0);
        QVERIFY(child<QLabel>(d, QStringLiteral("statusLine"))->text().contains(QStringLiteral("must end after")));
        QVERIFY(!d.postId());

        until->setDate(QDate(2026, 4, 7));
        child<QPushButton>(d, QStringLiteral("scheduleButton"))->click();
        QCOMPARE(saved.count(), 1);
        const std::int64_t id = d.postId().value();

        // Three posts at 09:00 Berlin: 08:00 UTC before the change on 29 March, 07:00 UTC after it.
        const std::pair<const char*, QDateTime> expected[] = {
            {"2026-03-24T09:00", QDateTime(QDate(2026, 3, 24), QTime(8, 0), QTimeZone::utc())},
            {"2026-03-31T09:00", QDateTime(QDate(2026, 3, 31), QTime(7, 0), QTimeZone::utc())},
            {"2026-04-07T09:00", QDateTime(QDate(2026, 4, 7), QTime(7, 0), QTimeZone::utc())}};
        {
            auto db = engine::Database::open(w.path).value();
            auto stmt = db.prepare("SELECT id, local_time, time_zone, scheduled_utc, status, body FROM posts "
                                   "ORDER BY scheduled_utc")
                            .value();
            for (const auto& [local, utc] : expected) {
                QVERIFY(stmt->step().value());
                QCOMPARE(stmt->text(1), std::string(local));
                QCOMPARE(stmt->text(2), std::string("Europe/Berlin"));
                QCOMPARE(stmt->int64(3), std::int64_t(utc.toSecsSinceEpoch()));
                QCOMPARE(stmt->text(4), std::string("scheduled"));
                QCOMPARE(stmt->text(5), std::string("Tuesday tip"));
            }
            QVERIFY(!stmt->step().value());
            stmt->reset();
            auto rule = db.prepare("SELECT repeat_every, repeat_unit, repeat_until, evergreen, evergreen_gap_days "
                                   "FROM posts WHERE id = ?1")
                            .value();
            rule->bind(1, id);
            QVERIFY(rule->step().value());
            QCOMPARE(rule->int64(0), std::int64_t(1));
            QCOMPARE(rule->text(1), std::string("week"));
            QCOMPARE(rule->text(2), std::string("2026-04-07"));
            QCOMPARE(rule->int64(3), std::int64_t(1));
            QCOMPARE(rule->int64(4), std::int64_t(45));
            rule->reset();
        }

        // Editing shows the stored state; the series is not created a second time on save.
        ui::ComposerDialog edit(w.snapshot, w.clock, id);
        QVERIFY(child<QCheckBox>(edit, QStringLiteral("repeatCheck"))->isChecked());
        QVERIFY(!child<QCheckBox>(edit, QStringLiteral("repeatCheck"))->isEnabled());
        QCOMPARE(child<QSpinBox>(edit, QStringLiteral("repeatEverySpin"))->value(), 1);
        QCOMPARE(child<QComboBox>(edit, QStringLiteral("repeatUnitCombo"))->currentData().toString(),
                 QStringLiteral("week"));
        QCOMPARE(child<QDateEdit>(edit, QStringLiteral("repeatUntilEdit"))->date(), QDate(2026, 4, 7));
        QVERIFY(child<QCheckBox>(edit, QStringLiteral("evergreenCheck"))->isChecked());
        QCOMPARE(child<QSpinBox>(edit, QStringLiteral("evergreenGapSpin"))->value(), 45);
        QVERIFY(!edit.isDirty());
        child<QCheckBox>(edit, QStringLiteral("evergreenCheck"))->setChecked(false);
        child<QPushButton>(edit, QStringLiteral("scheduleButton"))->click();
        auto db = engine::Database::open(w.path).value();
        auto count = db.prepare("SELECT COUNT(*), SUM(evergreen) FROM posts").value();
        QVERIFY(count->step().value());
        QCOMPARE(count->int64(0), std::int64_t(3));
        QCOMPARE(count->int64(1), std::int64_t(0));
        count->reset();
    }
};

QTEST_MAIN(TestComposerDialog)
#include "tst_composerdialog.moc"
