#include <QtTest>

#include <QCheckBox>
#include <QDateEdit>
#include <QFile>
#include <QPlainTextEdit>
#include <QTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include "ComposerFixture.h"
#include "FixtureServer.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/widgets/BackgroundPublishingDialog.h"
#include "herald/widgets/ComposerDialog.h"
#include "herald/widgets/FailedPostDialog.h"
#include "herald/widgets/PublishingService.h"

using namespace herald;
using herald::engine::PostStatus;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1785596400; // 2026-08-01T15:00:00Z, the fixtures' time
constexpr const char* kStatuses = "/api/v1/statuses";

struct Harness
{
    FixtureServer server;
    test::TempFolder folder;
    std::string path = folder.path("publish.herald");
    test::ComposerAccounts ids = test::writeComposerWorkspace(path, server.baseUrl());
    engine::FixedClock clock{kNow};
    std::unique_ptr<ui::PublishingService> service;

    Harness()
    {
        ui::PublishingOptions options;
        options.interval = std::chrono::hours(1); // runs only when asked
        options.http.maxAttempts = 1;
        options.http.totalTimeout = std::chrono::milliseconds(3000);
        options.credentials = [](const engine::Account& account) -> Result<connectors::Credentials> {
            if (!account.secretRef.ends_with("-herald"))
                return fail(ErrorCode::AuthExpired, "no credentials for " + account.secretRef);
            connectors::Credentials c;
            c.accessToken = "token-123";
            return c;
        };
        service = std::make_unique<ui::PublishingService>(QString::fromStdString(path), clock, options);
    }

    engine::Post post(const std::string& text, std::int64_t at)
    {
        auto db = engine::Database::open(path).value();
        engine::Post p;
        p.body = text;
        p.status = PostStatus::Scheduled;
        p.localTime = "2026-08-01T17:00";
        p.timeZone = "Europe/Berlin";
        p.scheduledUtc = at;
        p.createdUtc = p.updatedUtc = kNow - 3600;
        engine::PostTarget t;
        t.accountId = ids.mastodon;
        p.targets.push_back(t);
        must(engine::PostEditor(db).create(p));
        return p;
    }

    engine::DueTarget target(std::int64_t id)
    {
        auto db = engine::Database::open(path).value();
        return engine::PublishQueue(db).target(id).value().value();
    }

    bool run()
    {
        QSignalSpy finished(service.get(), &ui::PublishingService::runFinished);
        service->runNow();
        return finished.wait(15000);
    }
};

// A fixture file with every occurrence of `from` replaced by `to`.
std::string fixtureWith(const std::string& name, const std::string& from, const std::string& to)
{
    std::string body = FixtureServer::fixture(name);
    for (auto at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size()))
        body.replace(at, from.size(), to);
    return body;
}

FixtureResponse answer(std::string body, int status = 200)
{
    FixtureResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

} // namespace

class TestPublishingService : public QObject
{
    Q_OBJECT

private slots:
    void publishesADuePostAndReportsIt()
    {
        Harness h;
        h.server.route("POST", kStatuses, {FixtureServer::json("mastodon/status_created.json")});
        const auto due = h.post("Hello from Herald", kNow - 10);
        const auto later = h.post("Not yet", kNow + 7200);
        QSignalSpy published(h.service.get(), &ui::PublishingService::published);
        QSignalSpy failed(h.service.get(), &ui::PublishingService::targetFailed);
        QVERIFY(h.run());
        QCOMPARE(published.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(published.at(0).at(0).toLongLong(), due.id);
        QCOMPARE(published.at(0).at(1).toLongLong(), due.targets[0].id);
        QCOMPARE(published.at(0).at(2).toString(),
                 QStringLiteral("https://mastodon.example/@herald/117030000000000001"));
        QCOMPARE(h.target(due.targets[0].id).status, PostStatus::Published);
        QCOMPARE(h.target(later.targets[0].id).status, PostStatus::Scheduled);
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(1));
        QCOMPARE(h.server.requests().at(0).header("authorization"), std::string("Bearer token-123"));

        const auto run = ui::lastPublisherRun(h.path, "gui").value();
        QVERIFY(run.has_value());
        QCOMPARE(run->published, 1);
        QVERIFY(!ui::lastPublisherRun(h.path, "cli").value().has_value());
    }

    // From the composer to the networks: a two-post thread for Mastodon, Bluesky and X, scheduled
    // for 18:00 Berlin, goes out at that time and not before, each follow-up replying on its own
    // network, and the calendar holds every link.
    void composedThreadGoesOutOnThreeNetworksAtItsTime()
    {
        Harness h;
        std::int64_t bluesky = 0;
        {
            auto db = engine::Database::open(h.path).value();
            engine::Account b;
            b.platform = engine::Platform::Bluesky;
            b.handle = "herald.bsky.social";
            b.baseUrl = h.server.baseUrl();
            b.externalId = "did:plc:w4xbfzo7kqfes5zb7r6qv3rw";
            b.secretRef = "bluesky-herald";
            b.timeZone = "Europe/Berlin";
            bluesky = engine::AccountRepository(db).upsert(b).value();
            auto stmt = db.prepare("UPDATE accounts SET base_url = ?1 WHERE id = ?2").value();
            stmt->bind(1, h.server.baseUrl()).bind(2, h.ids.x);
            must(stmt->run());
        }
        std::int64_t rootId = 0;
        {
            const auto snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(h.path)).value();
            ui::ComposerDialog d(snapshot, h.clock, std::nullopt);
            QSignalSpy saved(&d, &ui::ComposerDialog::postSaved);
            for (auto id : {h.ids.mastodon, bluesky, h.ids.x})
                d.findChild<QCheckBox*>(QStringLiteral("account_%1").arg(id))->setChecked(true);
            d.findChild<QPlainTextEdit*>(QStringLiteral("bodyEdit"))->setPlainText(QStringLiteral("1/2 Roasting today"));
            d.addFollowUp(QStringLiteral("2/2 Doors open at 18:00"));
            d.findChild<QDateEdit*>(QStringLiteral("dateEdit"))->setDate(QDate(2026, 8, 1));
            d.findChild<QTimeEdit*>(QStringLiteral("timeEdit"))->setTime(QTime(18, 0)); // 16:00 UTC
            QTest::qWait(250);
            d.findChild<QPushButton*>(QStringLiteral("scheduleButton"))->click();
            QCOMPARE(saved.count(), 1);
            rootId = saved.at(0).at(0).value<std::int64_t>();
        }

        QSignalSpy published(h.service.get(), &ui::PublishingService::published);
        QVERIFY(h.run());
        QCOMPARE(published.count(), 0);
        // Only the pre-flight's credential checks (the post is within the hour); nothing is posted.
        for (const auto& r : h.server.requests())
            QCOMPARE(r.method, std::string("GET"));

        h.server.route("POST", kStatuses,
                       {answer(fixtureWith("mastodon/status_created.json", "117030000000000001", "117030000000000201")),
                        answer(fixtureWith("mastodon/status_created.json", "117030000000000001", "117030000000000202"))});
        h.server.route("POST", "/xrpc/com.atproto.repo.createRecord",
                       {answer(FixtureServer::fixture("bluesky/create_record.json")),
                        answer(fixtureWith("bluesky/create_record.json", "3m6cn7qwqlk2e", "3m6cn7qwqlk3f"))});
        h.server.route("GET", "/xrpc/app.bsky.feed.getPosts", {FixtureServer::json("bluesky/get_posts.json")});
        h.server.route("POST", "/2/tweets",
                       {answer(FixtureServer::fixture("x/tweet_created.json"), 201),
                        answer(fixtureWith("x/tweet_created.json", "1991780000000000001", "1991780000000000002"), 201)});
        h.clock.set(kNow + 3600);
        QVERIFY(h.run());
        QCOMPARE(published.count(), 6);
        std::vector<std::string> statuses, tweets;
        for (const auto& r : h.server.requests()) {
            if (r.path == kStatuses)
                statuses.push_back(r.body);
            if (r.path == "/2/tweets")
                tweets.push_back(r.body);
        }
        QCOMPARE(statuses.size(), std::size_t(2));
        QVERIFY(statuses[1].find("in_reply_to_id=117030000000000201") != std::string::npos);
        QCOMPARE(tweets.size(), std::size_t(2));
        QVERIFY(tweets[1].find("\"in_reply_to_tweet_id\":\"1991780000000000001\"") != std::string::npos);
        QCOMPARE(h.server.requestCount("/xrpc/app.bsky.feed.getPosts"), std::size_t(1));

        auto db = engine::Database::open(h.path).value();
        const auto followUp = engine::PostEditor(db).thread(rootId).value();
        QCOMPARE(followUp.size(), std::size_t(1));
        std::map<std::int64_t, std::string> links;
        for (auto id : {rootId, followUp[0]}) {
            const auto entry = engine::CalendarQuery(db).entry(id).value().value();
            QCOMPARE(entry.status, PostStatus::Published);
            for (const auto& t : entry.targets)
                if (id == followUp[0])
                    links[t.accountId] = t.permalink;
        }
        QCOMPARE(links[h.ids.mastodon], std::string("https://mastodon.example/@herald/117030000000000202"));
        QCOMPARE(links[bluesky], std::string("https://bsky.app/profile/herald.bsky.social/post/3m6cn7qwqlk3f"));
        QCOMPARE(links[h.ids.x], std::string("https://x.com/herald/status/1991780000000000002"));
    }

    void rejectedPostEmitsTheMessageAndRetryQueuesItAgain()
    {
        Harness h;
        h.server.route("POST", kStatuses, {FixtureServer::json("mastodon/error_422.json", 422)});
        const auto p = h.post("Hello", kNow - 5);
        QSignalSpy failed(h.service.get(), &ui::PublishingService::targetFailed);
        QVERIFY(h.run());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toLongLong(), p.id);
        QCOMPARE(failed.at(0).at(1).toLongLong(), p.targets[0].id);
        QVERIFY2(failed.at(0).at(2).toString().contains(QStringLiteral("Validation failed: Text can't be blank")),
                 qPrintable(failed.at(0).at(2).toString()));
        QCOMPARE(h.target(p.targets[0].id).status, PostStatus::Failed);

        ui::FailedPostDialog dialog(QString::fromStdString(h.path), h.clock, p.id);
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("targetTable"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Mastodon herald"));
        QVERIFY(table->item(0, 2)->text().contains(QStringLiteral("Validation failed: Text can't be blank")));
        auto* retry = dialog.findChild<QPushButton*>(QStringLiteral("retryButton"));
        QVERIFY(retry->isEnabled());
        QSignalSpy retried(&dialog, &ui::FailedPostDialog::retried);
        retry->click();
        QCOMPARE(retried.count(), 1);
        const auto t = h.target(p.targets[0].id);
        QCOMPARE(t.status, PostStatus::Scheduled);
        QCOMPARE(t.attempts, 0);
        QCOMPARE(t.dueUtc, kNow);
        QVERIFY(!retry->isEnabled());

        // The platform accepts it now: the next run publishes it.
        h.server.route("POST", kStatuses, {FixtureServer::json("mastodon/status_created.json")});
        QSignalSpy published(h.service.get(), &ui::PublishingService::published);
        QVERIFY(h.run());
        QCOMPARE(published.count(), 1);
        QCOMPARE(h.target(p.targets[0].id).status, PostStatus::Published);
    }

    void evergreenCopyFillsAFreeSlotBeforePublishing()
    {
        Harness h;
        std::int64_t source = 0;
        {
            auto db = engine::Database::open(h.path).value();
            std::vector<engine::PostingSlot> daily;
            for (int d = 1; d <= 7; ++d)
                daily.push_back({d, 9 * 60});
            must(engine::PostingSlots(db).setSlots(h.ids.mastodon, daily));
            engine::Post p;
            p.body = "Evergreen guide";
            p.createdUtc = p.updatedUtc = kNow - 3600;
            engine::PostTarget t;
            t.accountId = h.ids.mastodon;
            p.targets.push_back(t);
            source = engine::PostEditor(db).create(p).value();
            must(engine::PostEditor(db).setEvergreen(source, true, 30, kNow));
        }
        auto copies = [&h] {
            auto db = engine::Database::open(h.path).value();
            auto stmt = db.prepare("SELECT COUNT(*), MIN(local_time), MIN(scheduled_utc), MIN(status) FROM posts "
                                   "WHERE evergreen = 0")
                            .value();
            stmt->step().value();
            const auto row = std::make_tuple(stmt->int64(0), stmt->text(1), stmt->int64(2), stmt->text(3));
            stmt->reset();
            return row;
        };
        QVERIFY(h.run());
        // 2026-08-01 17:00 in Berlin now: the first free slot is tomorrow 09:00 CEST = 07:00 UTC.
        const auto [count, local, utc, status] = copies();
        QCOMPARE(count, std::int64_t(1));
        QCOMPARE(local, std::string("2026-08-02T09:00"));
        QCOMPARE(utc, kNow + 16 * 3600);
        QCOMPARE(status, std::string("scheduled"));
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(0)); // not due yet
        QVERIFY(h.run());
        QCOMPARE(std::get<0>(copies()), std::int64_t(1)); // within the 30-day gap: no second copy
    }

    void preflightWarnsOnceAheadOfTime()
    {
        Harness h;
        h.server.route("GET", "/api/v1/accounts/verify_credentials",
                       {FixtureServer::json("mastodon/error_401.json", 401)});
        const auto p = h.post("Soon", kNow + 1800);
        QSignalSpy problems(h.service.get(), &ui::PublishingService::preflightProblem);
        QVERIFY(h.run());
        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems.at(0).at(1).toLongLong(), p.targets[0].id);
        QVERIFY(!problems.at(0).at(2).toString().isEmpty());
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(0)); // nothing published ahead of time
        QVERIFY(h.run());
        QCOMPARE(problems.count(), 1); // the same problem is not reported twice
        // A minute before, it is checked again (and still not reported twice).
        h.clock.set(kNow + 1800 - 60);
        const auto before = h.server.requestCount("/api/v1/accounts/verify_credentials");
        QVERIFY(h.run());
        QVERIFY(h.server.requestCount("/api/v1/accounts/verify_credentials") > before);
        QCOMPARE(problems.count(), 1);
    }

    void systemdUnitsRunPublishDueEveryMinute()
    {
        const auto units =
            ui::systemdUnits(QStringLiteral("/opt/herald/bin/heraldctl"), QStringLiteral("/home/ann/My work.herald"));
        test::TempFolder folder;
        const QString dir = QString::fromStdString(folder.path("systemd/user"));
        must(ui::writeSystemdUnits(dir, units));
        QFile service(dir + QStringLiteral("/herald-publish.service"));
        QVERIFY(service.open(QIODevice::ReadOnly));
        const QString serviceText = QString::fromUtf8(service.readAll());
        QVERIFY2(
            serviceText.contains(QStringLiteral(
                "\nExecStart=\"/opt/herald/bin/heraldctl\" publish-due --workspace \"/home/ann/My work.herald\"\n")),
            qPrintable(serviceText));
        QVERIFY(serviceText.contains(QStringLiteral("\nType=oneshot\n")));
        QFile timer(dir + QStringLiteral("/herald-publish.timer"));
        QVERIFY(timer.open(QIODevice::ReadOnly));
        const QString timerText = QString::fromUtf8(timer.readAll());
        QVERIFY(timerText.contains(QStringLiteral("\nOnCalendar=*-*-* *:*:00\n")));
        QVERIFY(timerText.contains(QStringLiteral("\nUnit=herald-publish.service\n")));
        QVERIFY(timerText.contains(QStringLiteral("\nWantedBy=timers.target\n")));
        QCOMPARE(
            ui::cronLine(QStringLiteral("/opt/herald/bin/heraldctl"), QStringLiteral("/home/ann/My work.herald")),
            QStringLiteral("* * * * * '/opt/herald/bin/heraldctl' publish-due --workspace '/home/ann/My work.herald' "
                           ">/dev/null 2>&1"));
        // A % would be a specifier for systemd and a newline for cron.
        QVERIFY(ui::systemdUnits(QStringLiteral("/bin/h"), QStringLiteral("/w/100%.herald"))
                    .service.contains(QStringLiteral("\"/w/100%%.herald\"")));
        QVERIFY(ui::cronLine(QStringLiteral("/bin/h"), QStringLiteral("/w/100%.herald"))
                    .contains(QStringLiteral("'/w/100\\%.herald'")));
    }

    void backgroundDialogShowsLastCliRunAndInstallsUnits()
    {
        test::TempFolder folder;
        const std::string path = folder.path("bg.herald");
        test::writeComposerWorkspace(path);
        engine::FixedClock clock{kNow};
        {
            auto db = engine::Database::open(path).value();
            engine::PublishQueue queue(db);
            const auto run = queue.beginRun("cli", kNow - 120).value();
            must(queue.finishRun(run, kNow - 118, 2, 1, ""));
            must(queue.finishRun(queue.beginRun("gui", kNow - 30).value(), kNow - 29, 5, 0, ""));
        }
        ui::BackgroundPublishingDialog dialog(QString::fromStdString(path), clock);
        const QString last = dialog.findChild<QLabel*>(QStringLiteral("lastRunLabel"))->text();
        QVERIFY2(last.contains(QStringLiteral("2 minute(s) ago")) || last.contains(QStringLiteral("2 minutes ago")),
                 qPrintable(last));
        QVERIFY(last.contains(QStringLiteral("2 published, 1 failed")));
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("cronLine"))
                    ->text()
                    .contains(QStringLiteral("publish-due --workspace")));

        const QString units = QString::fromStdString(folder.path("units"));
        dialog.setUnitFolder(units);
        dialog.setRunSystemctl(false);
        QSignalSpy installed(&dialog, &ui::BackgroundPublishingDialog::installed);
        dialog.findChild<QPushButton*>(QStringLiteral("installTimerButton"))->click();
        QCOMPARE(installed.count(), 1);
        QFile service(units + QStringLiteral("/herald-publish.service"));
        QVERIFY(service.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(service.readAll())
                    .contains(QStringLiteral("publish-due --workspace \"%1\"").arg(QString::fromStdString(path))));
        QVERIFY(QFile::exists(units + QStringLiteral("/herald-publish.timer")));
    }
};

QTEST_MAIN(TestPublishingService)
#include "tst_publishingservice.moc"
