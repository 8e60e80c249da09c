#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "FixtureServer.h"
#include "MastodonRoutes.h"
#include "TestSupport.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

using herald::engine::Database;
using herald::test::FixtureServer;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QByteArray kToken = "mstdn-Secr3tTok3n-abcdefghijklmnop";

// heraldctl on a workspace, with secrets in a private folder (never the real keychain).
struct Cli
{
    herald::test::TempFolder folder;
    QString workspace = QString::fromStdString(folder.path("w.herald"));
    QString secrets = QString::fromStdString(folder.path("secrets"));
    FixtureServer server;

    Cli()
    {
        if (!Database::create(workspace.toStdString()))
            throw std::runtime_error("cannot create the workspace");
        herald::test::routeMastodonAccount(server);
    }

    QProcessEnvironment environment() const
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HERALD_WORKSPACE"), workspace);
        env.insert(QStringLiteral("HERALD_SECRET_STORE"), QStringLiteral("file:") + secrets);
        return env;
    }

    Run run(const QStringList& args, const QByteArray& input = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(QStringLiteral(HERALDCTL_PATH), args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                QString::fromUtf8(p.readAllStandardError())};
    }

    Run addAccount() const
    {
        return run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--platform"),
                    QStringLiteral("mastodon"), QStringLiteral("--url"), QString::fromStdString(server.baseUrl()),
                    QStringLiteral("--token-stdin"), QStringLiteral("--json")},
                   kToken + "\n");
    }

    std::int64_t count(const std::string& sql) const
    {
        auto db = Database::open(workspace.toStdString());
        if (!db)
            throw std::runtime_error(db.error().detail);
        auto stmt = db->prepare(sql);
        if (!stmt || !(*stmt)->step().value_or(false))
            throw std::runtime_error("query failed: " + sql);
        const auto v = (*stmt)->int64(0);
        (*stmt)->reset();
        return v;
    }
};

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private slots:
    void addSyncAndList();
    void addRejectsBadCredentials();
    void addAgainReattaches();
    void usageErrors();
    void syncFailureExitsTwo();
    void removeDeletesTheSecret();
    void killedSyncLeavesASoundWorkspace();
};

void TestCliSync::addSyncAndList()
{
    Cli cli;
    const auto added = cli.addAccount();
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    const auto account = added.json();
    QCOMPARE(account.value(QStringLiteral("handle")).toString(), QStringLiteral("herald"));
    QCOMPARE(account.value(QStringLiteral("external_id")).toString(), QStringLiteral("109302436954721982"));
    QCOMPARE(account.value(QStringLiteral("reattached")).toBool(), false);
    QCOMPARE(account.value(QStringLiteral("secret_store")).toString(), QStringLiteral("file"));
    // The token was sent to the platform, then kept in the private file, never in the workspace.
    QCOMPARE(cli.server.requests().front().header("authorization"), "Bearer " + kToken.toStdString());
    const QString secretsFile = cli.secrets + QStringLiteral("/secrets.json");
    QVERIFY(QFile::exists(secretsFile));
    QCOMPARE(QFileInfo(secretsFile).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    QFile secrets(secretsFile);
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    QVERIFY(secrets.readAll().contains(kToken));
    QFile workspace(cli.workspace);
    QVERIFY(workspace.open(QIODevice::ReadOnly));
    QVERIFY(!workspace.readAll().contains(kToken));
    QVERIFY(!QFile::exists(cli.workspace + QStringLiteral("-wal")) || [&] {
        QFile wal(cli.workspace + QStringLiteral("-wal"));
        return wal.open(QIODevice::ReadOnly) && !wal.readAll().contains(kToken);
    }());

    const auto synced = cli.run({QStringLiteral("sync"), QStringLiteral("--json")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QCOMPARE(synced.json().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(synced.json().value(QStringLiteral("items")).toInt() >= 5 + 3 + 3);
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(5));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM comments"), std::int64_t(3));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM audience_members"), std::int64_t(3));
    QCOMPARE(cli.count("SELECT value FROM account_metrics WHERE metric = 'followers'"), std::int64_t(1287));

    const auto listed = cli.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const auto rows = listed.json().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("connected"));
    QVERIFY(rows[0].toObject().value(QStringLiteral("last_sync_utc")).toInteger() > 0);
    const auto text = cli.run({QStringLiteral("account"), QStringLiteral("list")});
    QVERIFY(text.out.contains("herald"));
    QVERIFY(text.out.contains("connected"));

    // Only one resource, then the same again: nothing is duplicated.
    QCOMPARE(cli.run({QStringLiteral("sync"), QStringLiteral("--resource"), QStringLiteral("posts")}).exitCode, 0);
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(5));
    QCOMPARE(cli.run({QStringLiteral("check")}).exitCode, 0);
}

void TestCliSync::addRejectsBadCredentials()
{
    Cli cli;
    cli.server.route("GET", "/api/v1/accounts/verify_credentials",
                     {herald::test::mastodonFixture("error_401.json", 401)});
    const auto added = cli.addAccount();
    QCOMPARE(added.exitCode, 2);
    QVERIFY(!added.err.isEmpty());
    QVERIFY(!added.err.contains(QString::fromLatin1(kToken)));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM accounts"), std::int64_t(0));
    QVERIFY(!QFile::exists(cli.secrets + QStringLiteral("/secrets.json")));
}

void TestCliSync::addAgainReattaches()
{
    Cli cli;
    const auto first = cli.addAccount();
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(cli.run({QStringLiteral("sync"), QStringLiteral("--resource"), QStringLiteral("posts")}).exitCode, 0);
    const auto second = cli.addAccount();
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.json().value(QStringLiteral("reattached")).toBool(), true);
    QCOMPARE(second.json().value(QStringLiteral("id")).toInteger(),
             first.json().value(QStringLiteral("id")).toInteger());
    QCOMPARE(cli.count("SELECT COUNT(*) FROM accounts"), std::int64_t(1));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(5)); // its history stays attached
}

void TestCliSync::usageErrors()
{
    Cli cli;
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--token-stdin")}, "x").exitCode,
             1);
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--platform"),
                      QStringLiteral("linkedin"), QStringLiteral("--token-stdin")},
                     "x")
                 .exitCode,
             1);
    // Nothing on standard input: refused before any request.
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--platform"),
                      QStringLiteral("mastodon"), QStringLiteral("--url"), QString::fromStdString(cli.server.baseUrl()),
                      QStringLiteral("--token-stdin")})
                 .exitCode,
             1);
    QCOMPARE(cli.server.requests().size(), std::size_t(0));
    QCOMPARE(cli.run({QStringLiteral("sync"), QStringLiteral("--resource"), QStringLiteral("likes")}).exitCode, 1);
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("remove")}).exitCode, 1);
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("42")}).exitCode, 2);
    QCOMPARE(cli.run({QStringLiteral("account"), QStringLiteral("frobnicate")}).exitCode, 1);
}

void TestCliSync::syncFailureExitsTwo()
{
    Cli cli;
    QCOMPARE(cli.addAccount().exitCode, 0);
    cli.server.route("GET", herald::test::kMastodonStatusesPath,
                     {herald::test::mastodonFixture("error_401.json", 401)});
    const auto synced = cli.run({QStringLiteral("sync")});
    QCOMPARE(synced.exitCode, 2);
    QVERIFY(synced.out.contains("needs reconnecting"));
    const auto listed = cli.run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
    const auto row = listed.json().value(QStringLiteral("accounts")).toArray().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("needs_reconnect"));
    QVERIFY(!row.value(QStringLiteral("last_error")).toString().isEmpty());
}

void TestCliSync::removeDeletesTheSecret()
{
    Cli cli;
    const auto added = cli.addAccount();
    QCOMPARE(added.exitCode, 0);
    QCOMPARE(cli.run({QStringLiteral("sync")}).exitCode, 0);
    const QString id = QString::number(added.json().value(QStringLiteral("id")).toInteger());
    const auto removed = cli.run({QStringLiteral("account"), QStringLiteral("remove"), id});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM accounts"), std::int64_t(0));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(0));
    QFile secrets(cli.secrets + QStringLiteral("/secrets.json"));
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    QVERIFY(!secrets.readAll().contains(kToken));
}

void TestCliSync::killedSyncLeavesASoundWorkspace()
{
    Cli cli;
    QCOMPARE(cli.addAccount().exitCode, 0);
    // Page 2 of the posts answers only after a long while: the child is killed while waiting for it.
    auto slow = herald::test::mastodonFixture(
        "account_statuses_page2.json", 200,
        {herald::test::mastodonNextLink(herald::test::kMastodonStatusesPath, "117020580400000000")});
    slow.delay = std::chrono::milliseconds(4000);
    cli.server.route("GET", herald::test::kMastodonStatusesPath, {slow}, {{"max_id", "117020580489281999"}});

    QProcess child;
    child.setProcessEnvironment(cli.environment());
    child.start(QStringLiteral(HERALDCTL_PATH),
                {QStringLiteral("sync"), QStringLiteral("--resource"), QStringLiteral("posts")});
    QVERIFY(child.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(cli.server.requestCount(herald::test::kMastodonStatusesPath) >= 2, 20000);
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(3)); // page 1 committed
    child.kill();                                                              // SIGKILL
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    const auto check = cli.run({QStringLiteral("check")});
    QVERIFY2(check.exitCode == 0, check.out.constData());
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(3));

    cli.server.route("GET", herald::test::kMastodonStatusesPath,
                     {herald::test::mastodonFixture(
                         "account_statuses_page2.json", 200,
                         {herald::test::mastodonNextLink(herald::test::kMastodonStatusesPath, "117020580400000000")})},
                     {{"max_id", "117020580489281999"}});
    const auto resumed = cli.run({QStringLiteral("sync")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    // The resumed run started at page 2, not page 1 again.
    const auto requests = cli.server.requests();
    std::vector<std::string> maxIds;
    for (const auto& r : requests)
        if (r.path == herald::test::kMastodonStatusesPath) {
            const auto it = r.query.find("max_id");
            maxIds.push_back(it == r.query.end() ? std::string() : it->second);
        }
    QVERIFY(maxIds.size() >= 4);
    QCOMPARE(maxIds[2], std::string("117020580489281999"));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM post_targets"), std::int64_t(5));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM posts"), std::int64_t(5));
    QCOMPARE(cli.count("SELECT COUNT(DISTINCT external_id) FROM post_targets"), std::int64_t(5));
    QCOMPARE(cli.count("SELECT COUNT(*) FROM (SELECT target_id, metric, value FROM post_metrics "
                       "GROUP BY target_id, metric, value HAVING COUNT(*) > 1)"),
             std::int64_t(0));
    QCOMPARE(cli.run({QStringLiteral("check")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
