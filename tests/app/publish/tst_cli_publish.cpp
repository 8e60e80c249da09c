#include <array>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include "FixtureServer.h"
#include "SecretStore.h"
#include "TestSupport.h"
#include "herald/connectors/DateTime.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

// heraldctl post add/list/cancel and publish-due end to end: validation with exit status 2, time
// zones, the queue, the dry run, and a publish-due killed between the platform's answer and the
// write, after which a second run publishes nothing twice.
namespace {

using namespace herald;
using herald::test::FixtureServer;
using herald::test::must;

constexpr const char* kStatuses = "/api/v1/statuses";
constexpr const char* kAccountId = "109302436954721982";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

struct Cli
{
    test::TempFolder folder;
    QString workspace = QString::fromStdString(folder.path("w.herald"));
    QString secrets = QString::fromStdString(folder.path("secrets"));
    FixtureServer server;
    std::int64_t mastodon = 0;
    std::int64_t bluesky = 0;

    Cli()
    {
        auto db = engine::Database::create(workspace.toStdString()).value();
        engine::Account a;
        a.platform = engine::Platform::Mastodon;
        a.handle = "herald";
        a.baseUrl = server.baseUrl();
        a.externalId = kAccountId;
        a.secretRef = "mastodon-herald";
        a.timeZone = "Europe/Berlin";
        must(engine::AccountRepository(db).upsert(a));
        mastodon = a.id;
        engine::Account b;
        b.platform = engine::Platform::Bluesky;
        b.handle = "herald.bsky.social";
        b.baseUrl = server.baseUrl(); // its PDS
        b.externalId = "did:plc:herald";
        b.secretRef = "bluesky-herald";
        must(engine::AccountRepository(db).upsert(b));
        bluesky = b.id;
        connectors::Credentials c;
        c.accessToken = "token-123";
        must(app::SecretStore::fileStore(secrets)->write("mastodon-herald", c));
    }

    QProcessEnvironment environment() const
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HERALD_WORKSPACE"), workspace);
        env.insert(QStringLiteral("HERALD_SECRET_STORE"), QStringLiteral("file:") + secrets);
        return env;
    }

    Run run(const QStringList& args) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(HERALDCTL_PATH), args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    std::int64_t scalar(const std::string& sql) const
    {
        auto db = engine::Database::open(workspace.toStdString(), engine::Database::Mode::ReadOnly).value();
        auto stmt = db.prepare(sql).value();
        if (!stmt->step().value())
            return -1;
        return stmt->int64(0);
    }

    std::string text(const std::string& sql) const
    {
        auto db = engine::Database::open(workspace.toStdString(), engine::Database::Mode::ReadOnly).value();
        auto stmt = db.prepare(sql).value();
        if (!stmt->step().value())
            return {};
        return stmt->text(0);
    }
};

QJsonObject json(const QByteArray& out)
{
    return QJsonDocument::fromJson(out).object();
}

QString future(int days, const char* time)
{
    return QDateTime::currentDateTimeUtc().addDays(days).date().toString(Qt::ISODate) + QLatin1Char('T') +
           QLatin1String(time);
}

std::string statusJson(const std::string& id, const std::string& html, std::int64_t createdUtc)
{
    std::string body = FixtureServer::fixture("mastodon/status_created.json");
    auto replace = [&body](const std::string& from, const std::string& to) {
        for (auto at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size()))
            body.replace(at, from.size(), to);
    };
    replace("117030000000000001", id);
    replace("<p>Hello from Herald</p>", html);
    replace("2026-08-01T15:00:00.000Z", connectors::formatIso8601Utc(createdUtc));
    return body;
}

} // namespace

class TestCliPublish : public QObject
{
    Q_OBJECT

private slots:
    void addValidatesLikeTheComposer()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        // Over Mastodon's 500 characters.
        auto r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QString(501, QLatin1Char('a')), QStringLiteral("--now")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("501 of 500")), qPrintable(r.err));
        // 300 graphemes is fine for Bluesky only as graphemes: 301 is refused for that account alone.
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"),
                     id + QLatin1Char(',') + QString::number(cli.bluesky), QStringLiteral("--text"),
                     QString(301, QLatin1Char('b')), QStringLiteral("--now")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("account %1: the text counts 301 of 300").arg(cli.bluesky)),
                 qPrintable(r.err));
        // In the past: asks to publish now.
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("late"), QStringLiteral("--at"),
                     QStringLiteral("2020-01-01T09:00"), QStringLiteral("--tz"), QStringLiteral("Europe/Berlin")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("publish now? use --now")), qPrintable(r.err));
        // Unknown account, missing media, unknown zone.
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), QStringLiteral("99"),
                     QStringLiteral("--text"), QStringLiteral("hi"), QStringLiteral("--now")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("account 99 does not exist")), qPrintable(r.err));
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("hi"), QStringLiteral("--media"),
                     QStringLiteral("/nonexistent/photo.png:alt"), QStringLiteral("--now")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/photo.png does not exist")), qPrintable(r.err));
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("hi"), QStringLiteral("--at"), future(3, "09:00"),
                     QStringLiteral("--tz"), QStringLiteral("Mars/Olympus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown time zone")), qPrintable(r.err));
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("hi"), QStringLiteral("--now"),
                     QStringLiteral("--queue")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts"), std::int64_t(0)); // nothing stored by a refusal
    }

    void addScheduleListAndCancel()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        const QString photo = QString::fromStdString(cli.folder.path("photo.png"));
        {
            QFile f(photo);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\x89PNG not really");
        }
        const QString at = future(10, "09:00");
        auto r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QStringLiteral("Planned in Berlin"), QStringLiteral("--at"), at,
                          QStringLiteral("--tz"), QStringLiteral("Europe/Berlin"), QStringLiteral("--media"),
                          photo + QStringLiteral(":A photo"), QStringLiteral("--tag"), QStringLiteral("launch"),
                          QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto post = json(r.out);
        QCOMPARE(post.value(QStringLiteral("status")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(post.value(QStringLiteral("local_time")).toString(), at);
        QCOMPARE(post.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
        const QDateTime expected(QDate::fromString(at.left(10), Qt::ISODate), QTime(9, 0),
                                 QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        QCOMPARE(cli.scalar("SELECT scheduled_utc FROM posts"), std::int64_t(expected.toSecsSinceEpoch()));
        // The media file was copied into the workspace's media folder under its hash.
        const std::string stored = cli.text("SELECT path FROM media");
        QCOMPARE(stored.size(), std::size_t(64 + 4));
        QVERIFY(QFile::exists(cli.workspace + QStringLiteral(".media/") + QString::fromStdString(stored)));
        QCOMPARE(cli.text("SELECT alt_text FROM media"), std::string("A photo"));

        // The queue: Mon-Sun 12:30 in the account's zone; the first free slot after now.
        {
            auto db = engine::Database::open(cli.workspace.toStdString()).value();
            std::vector<engine::PostingSlot> daily;
            for (int d = 1; d <= 7; ++d)
                daily.push_back({d, 12 * 60 + 30});
            must(engine::PostingSlots(db).setSlots(cli.mastodon, daily));
        }
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("queued"), QStringLiteral("--queue"),
                     QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto queued = json(r.out);
        QVERIFY(queued.value(QStringLiteral("local_time")).toString().endsWith(QStringLiteral("T12:30")));
        QCOMPARE(queued.value(QStringLiteral("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("queued too"), QStringLiteral("--queue"),
                     QStringLiteral("--json")});
        const auto second = json(r.out);
        QCOMPARE(
            QDate::fromString(second.value(QStringLiteral("local_time")).toString().left(10), Qt::ISODate),
            QDate::fromString(queued.value(QStringLiteral("local_time")).toString().left(10), Qt::ISODate).addDays(1));

        r = cli.run({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("posts")).toArray().size(), 3);
        const auto postId = post.value(QStringLiteral("id")).toInteger();
        r = cli.run({QStringLiteral("post"), QStringLiteral("cancel"), QString::number(postId)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("cancelled"));
        r = cli.run({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                     QStringLiteral("cancelled"), QStringLiteral("--json")});
        const auto cancelled = json(r.out).value(QStringLiteral("posts")).toArray();
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.at(0).toObject().value(QStringLiteral("id")).toInteger(), postId);
        QCOMPARE(cli.run({QStringLiteral("post"), QStringLiteral("cancel"), QStringLiteral("999")}).exitCode, 2);
    }

    void dryRunListsExactlyTheDueTargets()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        QCOMPARE(cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QStringLiteral("now one"), QStringLiteral("--now")})
                     .exitCode,
                 0);
        QCOMPARE(
            cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("later"), QStringLiteral("--at"), future(2, "09:00")})
                .exitCode,
            0);
        QCOMPARE(cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QStringLiteral("a draft")})
                     .exitCode,
                 0);
        QCOMPARE(cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QStringLiteral("now two"), QStringLiteral("--now")})
                     .exitCode,
                 0);
        auto r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto due = json(r.out).value(QStringLiteral("due")).toArray();
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("now one"));
        QCOMPARE(due.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("now two"));
        QCOMPARE(cli.server.requests().size(), std::size_t(0));
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM post_targets WHERE status = 'scheduled'"), std::int64_t(3));
    }

    void publishesAndSurvivesAKillBetweenAnswerAndWrite()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        QCOMPARE(cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                          QStringLiteral("--text"), QStringLiteral("Hello from Herald"), QStringLiteral("--now")})
                     .exitCode,
                 0);
        const std::int64_t sentAt = QDateTime::currentSecsSinceEpoch();
        // The instance takes a second to answer, which leaves time to block the write that follows.
        auto created = FixtureServer::json("mastodon/status_created.json");
        created.body = statusJson("117030000000000042", "<p>Hello from Herald</p>", sentAt);
        created.delay = std::chrono::milliseconds(1000);
        cli.server.route("POST", kStatuses, {created});

        QProcess child;
        child.setProcessEnvironment(cli.environment());
        child.start(QStringLiteral(HERALDCTL_PATH), {QStringLiteral("publish-due"), QStringLiteral("--no-preflight")});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(cli.server.requestCount(kStatuses) == 1, 20000);
        {
            // Hold the workspace's write lock: the child gets the platform's answer but cannot record it.
            auto blocker = engine::Database::open(cli.workspace.toStdString()).value();
            auto lock = engine::Transaction::begin(blocker);
            QVERIFY(lock);
            QThread::msleep(1700); // the server answered after 1000 ms; the child now waits for the lock
            QCOMPARE(child.state(), QProcess::Running);
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(5000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        } // the lock is rolled back and released here
        QCOMPARE(cli.text("SELECT status FROM post_targets"), std::string("publishing"));

        // Restart: the target is found among the account's own posts and not sent again.
        cli.server.route("GET", std::string("/api/v1/accounts/") + kAccountId + "/statuses",
                         {{200, "[" + created.body + "]", {}, std::chrono::milliseconds(0), false}});
        auto r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--no-preflight")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QVERIFY2(r.out.contains("found after an interrupted run"), r.out.constData());
        QCOMPARE(cli.server.requestCount(kStatuses), std::size_t(1));
        QCOMPARE(cli.text("SELECT status FROM post_targets"), std::string("published"));
        QCOMPARE(cli.text("SELECT external_id FROM post_targets"), std::string("117030000000000042"));
        QCOMPARE(cli.text("SELECT status FROM posts"), std::string("published"));
        // And a third run has nothing to do.
        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.out).value(QStringLiteral("outcomes")).toArray().size(), 0);
        QCOMPARE(cli.server.requestCount(kStatuses), std::size_t(1));
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM publisher_runs WHERE finished_utc IS NOT NULL"), std::int64_t(2));
    }

    // A two-post thread for Mastodon, Bluesky and X from heraldctl: published in order on each
    // network, the follow-up replying to the first post there, and listed with its links.
    void threadPublishedOnThreeNetworksWithLinks()
    {
        Cli cli;
        std::int64_t x = 0;
        {
            auto db = engine::Database::open(cli.workspace.toStdString()).value();
            engine::AccountRepository accounts(db);
            engine::Account a;
            a.platform = engine::Platform::X;
            a.handle = "heraldcoffee";
            a.baseUrl = cli.server.baseUrl();
            a.externalId = "1567890123456789012";
            a.secretRef = "x-heraldcoffee";
            must(accounts.upsert(a));
            x = a.id;
            connectors::Credentials c;
            c.accessToken = "token-456";
            auto store = app::SecretStore::fileStore(cli.secrets);
            must(store->write("bluesky-herald", c));
            must(store->write("x-heraldcoffee", c));
        }
        const QString accounts = QStringLiteral("%1,%2,%3").arg(cli.mastodon).arg(cli.bluesky).arg(x);
        auto r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), accounts,
                          QStringLiteral("--text"), QStringLiteral("1/2 Hello from Herald"), QStringLiteral("--now"),
                          QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString rootId = QString::number(json(r.out).value(QStringLiteral("id")).toInteger());
        r = cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), accounts,
                     QStringLiteral("--text"), QStringLiteral("2/2 The end"), QStringLiteral("--now"),
                     QStringLiteral("--reply-to"), rootId, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("reply_to")).toInteger(), rootId.toLongLong());

        const std::int64_t now = QDateTime::currentSecsSinceEpoch();
        cli.server.route("POST", kStatuses,
                         {{200, statusJson("117030000000000101", "<p>1/2 Hello from Herald</p>", now), {}, {}, false},
                          {200, statusJson("117030000000000102", "<p>2/2 The end</p>", now), {}, {}, false}});
        std::string first = FixtureServer::fixture("bluesky/create_record.json");
        std::string second = first;
        second.replace(second.find("3m6cn7qwqlk2e"), 13, "3m6cn7qwqlk3f");
        cli.server.route("POST", "/xrpc/com.atproto.repo.createRecord",
                         {{200, first, {}, {}, false}, {200, second, {}, {}, false}});
        cli.server.route("GET", "/xrpc/app.bsky.feed.getPosts", {FixtureServer::json("bluesky/get_posts.json")});
        std::string tweet = FixtureServer::fixture("x/tweet_created.json");
        std::string reply = tweet;
        for (auto at = reply.find("1991780000000000001"); at != std::string::npos;
             at = reply.find("1991780000000000001"))
            reply.replace(at, 19, "1991780000000000002");
        cli.server.route("POST", "/2/tweets", {{201, tweet, {}, {}, false}, {201, reply, {}, {}, false}});

        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--no-preflight"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QVERIFY2(json(r.out).value(QStringLiteral("outcomes")).toArray().size() == 6, r.out.constData());
        // Each network's follow-up replies to that network's first post.
        std::vector<std::string> mastodonBodies, tweets;
        for (const auto& request : cli.server.requests()) {
            if (request.path == kStatuses)
                mastodonBodies.push_back(request.body);
            if (request.path == "/2/tweets")
                tweets.push_back(request.body);
        }
        QCOMPARE(mastodonBodies.size(), std::size_t(2));
        QVERIFY(mastodonBodies[1].find("in_reply_to_id=117030000000000101") != std::string::npos);
        QCOMPARE(tweets.size(), std::size_t(2));
        QVERIFY2(tweets[1].find(R"("in_reply_to_tweet_id":"1991780000000000001")") != std::string::npos,
                 tweets[1].c_str());
        QCOMPARE(cli.server.requestCount("/xrpc/app.bsky.feed.getPosts"), std::size_t(1));

        r = cli.run({QStringLiteral("post"), QStringLiteral("list"), QStringLiteral("--status"),
                     QStringLiteral("published"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto posts = json(r.out).value(QStringLiteral("posts")).toArray();
        QCOMPARE(posts.size(), 2);
        QStringList links;
        for (const auto& post : posts)
            for (const auto& target : post.toObject().value(QStringLiteral("targets")).toArray()) {
                QCOMPARE(target.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("published"));
                links << target.toObject().value(QStringLiteral("permalink")).toString();
            }
        links.sort();
        QCOMPARE(links, (QStringList{QStringLiteral("https://bsky.app/profile/herald.bsky.social/post/3m6cn7qwqlk2e"),
                                     QStringLiteral("https://bsky.app/profile/herald.bsky.social/post/3m6cn7qwqlk3f"),
                                     QStringLiteral("https://mastodon.example/@herald/117030000000000101"),
                                     QStringLiteral("https://mastodon.example/@herald/117030000000000102"),
                                     QStringLiteral("https://x.com/heraldcoffee/status/1991780000000000001"),
                                     QStringLiteral("https://x.com/heraldcoffee/status/1991780000000000002")}));
    }

    void addRepeatsEveryWeekUntilADay()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        const QString at = future(10, "09:00");
        const QDate first = QDate::fromString(at.left(10), Qt::ISODate);
        const QString until = first.addDays(14).toString(Qt::ISODate);
        auto add = [&](const QStringList& extra) {
            QStringList args{QStringLiteral("post"),   QStringLiteral("add"),          QStringLiteral("--account"), id,
                             QStringLiteral("--text"), QStringLiteral("Weekly tip"),   QStringLiteral("--at"),      at,
                             QStringLiteral("--tz"),   QStringLiteral("Europe/Berlin")};
            return cli.run(args + extra);
        };
        // Bad rules are refused with the reason and exit status 2; nothing is stored.
        const std::pair<QStringList, const char*> bad[] = {
            {{QStringLiteral("--repeat-every"), QStringLiteral("0"), QStringLiteral("--until"), until},
             "--repeat-every"},
            {{QStringLiteral("--repeat-every"), QStringLiteral("1")}, "--until"},
            {{QStringLiteral("--repeat-every"), QStringLiteral("1"), QStringLiteral("--repeat-unit"),
              QStringLiteral("month"), QStringLiteral("--until"), until},
             "--repeat-unit"},
            {{QStringLiteral("--repeat-every"), QStringLiteral("1"), QStringLiteral("--until"),
              first.toString(Qt::ISODate)},
             "not after the post's day"},
            {{QStringLiteral("--repeat-every"), QStringLiteral("1"), QStringLiteral("--until"),
              QStringLiteral("2026-02-30")},
             "--until"},
            {{QStringLiteral("--until"), until}, "--repeat-every"},
            {{QStringLiteral("--gap-days"), QStringLiteral("10")}, "--evergreen"},
            {{QStringLiteral("--evergreen"), QStringLiteral("--gap-days"), QStringLiteral("0")}, "--gap-days"},
        };
        for (const auto& [extra, reason] : bad) {
            const auto r = add(extra);
            QVERIFY2(r.exitCode == 2, qPrintable(extra.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.contains(QLatin1String(reason)), qPrintable(r.err));
        }
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts"), std::int64_t(0));

        auto r = add({QStringLiteral("--repeat-every"), QStringLiteral("1"), QStringLiteral("--repeat-unit"),
                      QStringLiteral("week"), QStringLiteral("--until"), until, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto post = json(r.out);
        QCOMPARE(post.value(QStringLiteral("repeat_every")).toInt(), 1);
        QCOMPARE(post.value(QStringLiteral("repeat_unit")).toString(), QStringLiteral("week"));
        QCOMPARE(post.value(QStringLiteral("occurrences")).toArray().size(), 2);
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts WHERE status = 'scheduled'"), std::int64_t(3));
        // Every occurrence at 09:00 Berlin wall time, a week apart.
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        auto db = engine::Database::open(cli.workspace.toStdString(), engine::Database::Mode::ReadOnly).value();
        auto stmt = db.prepare("SELECT local_time, scheduled_utc FROM posts ORDER BY scheduled_utc").value();
        for (int week = 0; week < 3; ++week) {
            QVERIFY(stmt->step().value());
            const QDate day = first.addDays(7 * week);
            QCOMPARE(QString::fromStdString(stmt->text(0)), day.toString(Qt::ISODate) + QStringLiteral("T09:00"));
            QCOMPARE(stmt->int64(1), std::int64_t(QDateTime(day, QTime(9, 0), berlin).toSecsSinceEpoch()));
        }
        QVERIFY(!stmt->step().value());
    }

    void evergreenFillsAFreeSlotOncePerGap()
    {
        Cli cli;
        const QString id = QString::number(cli.mastodon);
        {
            auto db = engine::Database::open(cli.workspace.toStdString()).value();
            std::vector<engine::PostingSlot> daily;
            for (int d = 1; d <= 7; ++d)
                daily.push_back({d, 12 * 60 + 30});
            must(engine::PostingSlots(db).setSlots(cli.mastodon, daily));
        }
        auto r =
            cli.run({QStringLiteral("post"), QStringLiteral("add"), QStringLiteral("--account"), id,
                     QStringLiteral("--text"), QStringLiteral("Our evergreen guide"), QStringLiteral("--evergreen"),
                     QStringLiteral("--gap-days"), QStringLiteral("30"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("evergreen")).toBool(), true);
        QCOMPARE(cli.scalar("SELECT evergreen_gap_days FROM posts"), std::int64_t(30));

        // The dry run lists what is due and changes nothing: no copy.
        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("due")).toArray().size(), 0);
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts"), std::int64_t(1));
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts WHERE last_evergreen_utc IS NOT NULL"), std::int64_t(0));

        // A real run puts one copy into the first free 12:30 slot (the gap keeps it to one in 7 days).
        const std::int64_t before = QDateTime::currentSecsSinceEpoch();
        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--no-preflight"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("evergreen_copies")).toInt(), 1);
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts"), std::int64_t(2));
        QCOMPARE(cli.text("SELECT status FROM posts WHERE evergreen = 0"), std::string("scheduled"));
        QCOMPARE(cli.text("SELECT body FROM posts WHERE evergreen = 0"), std::string("Our evergreen guide"));
        QVERIFY(cli.text("SELECT local_time FROM posts WHERE evergreen = 0").ends_with("T12:30"));
        QCOMPARE(cli.text("SELECT time_zone FROM posts WHERE evergreen = 0"), std::string("Europe/Berlin"));
        const std::int64_t slot = cli.scalar("SELECT scheduled_utc FROM posts WHERE evergreen = 0");
        QVERIFY(slot > before && slot <= before + 86400 + 3600);
        QCOMPARE(cli.scalar("SELECT account_id FROM post_targets WHERE post_id = (SELECT id FROM posts WHERE "
                            "evergreen = 0)"),
                 cli.mastodon);
        QCOMPARE(cli.scalar("SELECT last_evergreen_utc FROM posts WHERE evergreen = 1"), slot);

        // Within the gap, a second run makes no new copy; neither does a dry run.
        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--no-preflight"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("evergreen_copies")).toInt(), 0);
        r = cli.run({QStringLiteral("publish-due"), QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts"), std::int64_t(2));
        QCOMPARE(cli.server.requests().size(), std::size_t(0));
    }

    void importChecksEveryRowThenStoresAll()
    {
        Cli cli;
        QCOMPARE(cli.mastodon, std::int64_t(1)); // the fixtures name accounts 1 and 2
        QCOMPARE(cli.bluesky, std::int64_t(2));
        {
            auto db = engine::Database::open(cli.workspace.toStdString()).value();
            engine::Campaign c;
            c.name = "Spring launch";
            must(engine::CampaignRepository(db).insert(c));
        }
        const QString bad = QString::fromStdString(test::fixturesDir() + "/posts/bad.csv");
        const QString good = QString::fromStdString(test::fixturesDir() + "/posts/good.csv");
        const auto counts = [&] {
            return std::array<std::int64_t, 3>{cli.scalar("SELECT COUNT(*) FROM posts"),
                                               cli.scalar("SELECT COUNT(*) FROM post_targets"),
                                               cli.scalar("SELECT COUNT(*) FROM media")};
        };

        // Every bad row is listed as FILE:LINE: reason; the good row is not stored either.
        auto r = cli.run({QStringLiteral("post"), QStringLiteral("import"), bad});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":4: account 99 does not exist")), qPrintable(r.err));
        QVERIFY2(r.err.contains(bad + QStringLiteral(":5: time_zone: unknown time zone \"Mars/Olympus\"")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(bad + QStringLiteral(":6: at: 2020-01-01T09:00 Europe/Berlin is in the past")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(bad + QStringLiteral(":2:")), qPrintable(r.err));
        QCOMPARE(counts(), (std::array<std::int64_t, 3>{0, 0, 0}));
        r = cli.run({QStringLiteral("post"), QStringLiteral("import"), bad, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        const auto problems = json(r.out).value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 3);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("line")).toInt(), 4);

        // A dry run of the good file stores nothing; the real run stores all three posts.
        r = cli.run({QStringLiteral("post"), QStringLiteral("import"), good, QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(counts(), (std::array<std::int64_t, 3>{0, 0, 0}));
        r = cli.run({QStringLiteral("post"), QStringLiteral("import"), good, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.out).value(QStringLiteral("imported")).toInt(), 3);
        QCOMPARE(counts(), (std::array<std::int64_t, 3>{3, 4, 1}));
        QCOMPARE(cli.text("SELECT time_zone FROM posts WHERE body LIKE 'Behind%'"), std::string("America/New_York"));
        QCOMPARE(cli.scalar("SELECT COUNT(*) FROM posts WHERE status = 'scheduled' AND campaign_id = 1"),
                 std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestCliPublish)
#include "tst_cli_publish.moc"
