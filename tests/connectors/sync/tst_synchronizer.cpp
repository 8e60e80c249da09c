#include <QTest>

#include "FixtureServer.h"
#include "MastodonRoutes.h"
#include "TestSupport.h"
#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/SyncStateRepository.h"

using herald::ErrorCode;
using herald::connectors::Credentials;
using herald::connectors::SyncOptions;
using herald::connectors::SyncResource;
using herald::engine::Database;
using herald::test::FixtureServer;
using herald::test::kMastodonStatusesPath;
using herald::test::mastodonFixture;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z

std::int64_t scalar(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        throw std::runtime_error("query failed: " + sql);
    const auto v = (*stmt)->int64(0);
    (*stmt)->reset();
    return v;
}

std::string text(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        throw std::runtime_error("query failed: " + sql);
    auto v = (*stmt)->text(0);
    (*stmt)->reset();
    return v;
}

// A workspace file with one Mastodon account on a fixture server, and a Synchronizer over it.
struct Harness
{
    herald::test::TempFolder folder;
    std::string path = folder.path("sync.herald");
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::connectors::ThreadSleeper sleeper;
    std::optional<Database> db;
    herald::engine::Account account;
    std::vector<herald::connectors::SyncProgress> progress;
    std::stop_source stopSource;
    std::function<void(const herald::connectors::SyncProgress&)> onProgress;

    Harness()
    {
        db = must2(Database::create(path));
        account.platform = herald::engine::Platform::Mastodon;
        account.handle = "herald";
        account.baseUrl = server.baseUrl();
        account.externalId = herald::test::kMastodonAccountId;
        account.secretRef = "ref-1";
        account.timeZone = "UTC";
        must(herald::engine::AccountRepository(*db).upsert(account));
    }

    template <typename T> static T must2(herald::Result<T> r)
    {
        if (!r)
            throw std::runtime_error(r.error().detail);
        return std::move(*r);
    }

    herald::connectors::SyncReport sync(std::vector<SyncResource> resources = {})
    {
        herald::connectors::SyncHooks hooks;
        const std::string file = path;
        hooks.openDatabase = [file] { return Database::open(file); };
        hooks.loadCredentials = [](const herald::engine::Account& a) -> herald::Result<Credentials> {
            if (a.secretRef.empty())
                return herald::fail(ErrorCode::NotFound, "no secret");
            Credentials c;
            c.accessToken = "token-" + a.secretRef;
            return c;
        };
        hooks.utcOffset = [](const std::string& zone, std::int64_t) { return zone == "Asia/Tokyo" ? 9 * 3600 : 0; };
        hooks.progress = [this](const herald::connectors::SyncProgress& p) {
            progress.push_back(p);
            if (onProgress)
                onProgress(p);
        };
        herald::connectors::Synchronizer synchronizer(hooks, clock, sleeper);
        SyncOptions options;
        options.resources = std::move(resources);
        options.http.maxAttempts = 1;
        auto report = synchronizer.run(options, stopSource.get_token());
        if (!report)
            throw std::runtime_error(report.error().detail);
        return *report;
    }

    std::int64_t count(const char* table) { return scalar(*db, std::string("SELECT COUNT(*) FROM ") + table); }
};

} // namespace

class TestSynchronizer : public QObject
{
    Q_OBJECT

private slots:
    void fullSyncWritesEveryResource();
    void repeatedSyncAddsNothing();
    void incrementalSyncAsksOnlyForNewerPosts();
    void interruptedSyncResumesFromItsCursor();
    void authFailureMarksNeedsReconnect();
    void rateLimitIsRecorded();
    void otherErrorsAreKeptPerResource();
    void accountsSyncConcurrently();
    void reconnectReattachesTheAccount();
    void xTierRefusalIsShownNotFailed();
};

void TestSynchronizer::fullSyncWritesEveryResource()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    const auto report = h.sync();
    QVERIFY(report.ok());
    QCOMPARE(report.accounts.size(), std::size_t(1));
    QCOMPARE(h.count("posts"), std::int64_t(5));
    QCOMPARE(h.count("post_targets"), std::int64_t(5));
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM post_targets WHERE status = 'published' AND published_utc IS NOT NULL "
                           "AND permalink LIKE 'https://mastodon.example/@herald/%'"),
             std::int64_t(5));
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM posts WHERE status = 'published'"), std::int64_t(5));
    // Counts from the listing, refreshed by the statuses batch of the metrics pass.
    QCOMPARE(scalar(*h.db, "SELECT MAX(m.value) FROM post_metrics m JOIN post_targets t ON t.id = m.target_id "
                           "WHERE t.external_id = '117020580518794573' AND m.metric = 'likes'"),
             std::int64_t(42));
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM post_metrics WHERE ts_utc = " + std::to_string(kNow)),
             h.count("post_metrics"));
    QCOMPARE(scalar(*h.db, "SELECT value FROM account_metrics WHERE metric = 'followers' AND day = '2026-08-01'"),
             std::int64_t(1287));
    QCOMPARE(scalar(*h.db, "SELECT value FROM account_metrics WHERE metric = 'posts' AND day = '2026-08-01'"),
             std::int64_t(342));
    QCOMPARE(h.count("comments"), std::int64_t(3));
    // A reply to one of the account's posts is linked to that post's target.
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM comments c JOIN post_targets t ON t.id = c.target_id "
                           "WHERE c.external_id = '117020600000000001' AND t.external_id = '117020580518794573'"),
             std::int64_t(1));
    QCOMPARE(h.count("audience_members"), std::int64_t(3));
    // Cursors: the posts pass is complete and remembers the newest post for the next incremental pass.
    const std::string postsCursor = text(*h.db, "SELECT cursor FROM sync_state WHERE resource = 'posts'");
    QVERIFY2(postsCursor.find("\"since\":\"117020580518794573\"") != std::string::npos, postsCursor.c_str());
    QVERIFY(postsCursor.find("\"next\"") == std::string::npos);
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM sync_state WHERE last_sync_utc = " + std::to_string(kNow)),
             std::int64_t(4));
    QCOMPARE(scalar(*h.db, "SELECT items FROM sync_state WHERE resource = 'posts'"), std::int64_t(5));
    QCOMPARE(text(*h.db, "SELECT last_error FROM accounts"), std::string());
    // Progress: pages counted per resource.
    QVERIFY(!h.progress.empty());
    QCOMPARE(h.progress.front().resource, SyncResource::Posts);
    QCOMPARE(h.progress.front().items, std::int64_t(3));
    must(herald::engine::checkWorkspace(*h.db));
    QVERIFY(herald::engine::checkWorkspace(*h.db)->empty());
}

void TestSynchronizer::repeatedSyncAddsNothing()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    QVERIFY(h.sync().ok());
    const auto targets = h.count("post_targets");
    const auto metrics = h.count("post_metrics");
    const auto comments = h.count("comments");
    const auto members = h.count("audience_members");
    // A later run with the same answers (and a later clock) changes nothing.
    h.clock.set(kNow + 3600);
    QVERIFY(h.sync().ok());
    QCOMPARE(h.count("post_targets"), targets);
    QCOMPARE(h.count("posts"), targets);
    QCOMPARE(h.count("post_metrics"), metrics);
    QCOMPARE(h.count("comments"), comments);
    QCOMPARE(h.count("audience_members"), members);
    QCOMPARE(h.count("account_metrics"), std::int64_t(3));
}

void TestSynchronizer::incrementalSyncAsksOnlyForNewerPosts()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    QVERIFY(h.sync({SyncResource::Posts}).ok());
    const auto before = h.server.requests().size();
    QVERIFY(h.sync({SyncResource::Posts}).ok());
    const auto requests = h.server.requests();
    QVERIFY(requests.size() > before);
    const auto& first = requests[before];
    QCOMPARE(first.path, kMastodonStatusesPath);
    const auto since = first.query.find("since_id");
    QVERIFY(since != first.query.end());
    QCOMPARE(since->second, std::string("117020580518794573"));
    QVERIFY(first.query.find("max_id") == first.query.end());
}

void TestSynchronizer::interruptedSyncResumesFromItsCursor()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    // Cancel right after the first page is committed.
    h.onProgress = [&](const herald::connectors::SyncProgress&) { h.stopSource.request_stop(); };
    const auto first = h.sync({SyncResource::Posts});
    QVERIFY(first.cancelled);
    QVERIFY(!first.ok());
    QCOMPARE(h.count("post_targets"), std::int64_t(3));
    const std::string cursor = text(*h.db, "SELECT cursor FROM sync_state WHERE resource = 'posts'");
    QVERIFY2(cursor.find("\"next\":\"117020580489281999\"") != std::string::npos, cursor.c_str());
    QVERIFY(cursor.find("\"top\":\"117020580518794573\"") != std::string::npos);

    h.stopSource = std::stop_source();
    h.onProgress = {};
    const auto before = h.server.requests().size();
    QVERIFY(h.sync({SyncResource::Posts}).ok());
    const auto requests = h.server.requests();
    const auto maxId = requests[before].query.find("max_id");
    QVERIFY(maxId != requests[before].query.end());
    QCOMPARE(maxId->second, std::string("117020580489281999")); // resumed, not restarted
    QCOMPARE(h.count("post_targets"), std::int64_t(5));
    QCOMPARE(h.count("posts"), std::int64_t(5));
    QCOMPARE(scalar(*h.db, "SELECT COUNT(DISTINCT external_id) FROM post_targets"), std::int64_t(5));
    const std::string done = text(*h.db, "SELECT cursor FROM sync_state WHERE resource = 'posts'");
    QVERIFY2(done.find("\"since\":\"117020580518794573\"") != std::string::npos, done.c_str());
}

void TestSynchronizer::authFailureMarksNeedsReconnect()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    h.server.route("GET", kMastodonStatusesPath, {mastodonFixture("error_401.json", 401)});
    const auto report = h.sync();
    QCOMPARE(report.accounts.size(), std::size_t(1));
    QVERIFY(report.accounts[0].needsReconnect);
    QVERIFY(report.accounts[0].error);
    QCOMPARE(report.accounts[0].error->code, ErrorCode::AuthExpired);
    QCOMPARE(text(*h.db, "SELECT status FROM accounts"), std::string("needs_reconnect"));
    QVERIFY(!text(*h.db, "SELECT last_error FROM accounts").empty());
    QVERIFY(!text(*h.db, "SELECT last_error FROM sync_state WHERE resource = 'posts'").empty());
    // The account stopped: no retries, no other resources.
    QCOMPARE(h.server.requestCount(kMastodonStatusesPath), std::size_t(1));
    QCOMPARE(h.server.requestCount(herald::test::kMastodonNotificationsPath), std::size_t(0));
    // A needs-reconnect account is left out of the next run of all accounts.
    const auto next = h.sync();
    QVERIFY(next.accounts.empty());
}

void TestSynchronizer::rateLimitIsRecorded()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    h.server.route("GET", herald::test::kMastodonNotificationsPath,
                   {mastodonFixture("error_429.json", 429, {{"Retry-After", "3600"}})});
    const auto report = h.sync();
    QVERIFY(!report.ok());
    QCOMPARE(report.accounts[0].error->code, ErrorCode::RateLimited);
    QCOMPARE(report.accounts[0].rateLimitedUntilUtc.value_or(0), kNow + 3600);
    QCOMPARE(scalar(*h.db, "SELECT rate_limited_until_utc FROM accounts"), kNow + 3600);
    QCOMPARE(text(*h.db, "SELECT status FROM accounts"), std::string("connected"));
    QCOMPARE(h.count("post_targets"), std::int64_t(5)); // what came before the limit stays
    // Once the limit has passed, a successful run clears it.
    h.server.route(
        "GET", herald::test::kMastodonNotificationsPath,
        {mastodonFixture("notifications_page1.json", 200,
                         {herald::test::mastodonNextLink(herald::test::kMastodonNotificationsPath, "3300009")})});
    h.clock.set(kNow + 3700);
    QVERIFY(h.sync().ok());
    QCOMPARE(scalar(*h.db, "SELECT COUNT(*) FROM accounts WHERE rate_limited_until_utc IS NULL AND last_error = ''"),
             std::int64_t(1));
}

void TestSynchronizer::otherErrorsAreKeptPerResource()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    h.server.route("GET", herald::test::kMastodonFollowersPath, {mastodonFixture("wrong_shape_statuses.json")});
    const auto report = h.sync();
    QVERIFY(!report.ok());
    QCOMPARE(report.accounts[0].error->code, ErrorCode::Parse);
    QVERIFY(!report.accounts[0].needsReconnect);
    QVERIFY(!text(*h.db, "SELECT last_error FROM sync_state WHERE resource = 'followers'").empty());
    QCOMPARE(text(*h.db, "SELECT last_error FROM sync_state WHERE resource = 'comments'"), std::string());
    QCOMPARE(h.count("comments"), std::int64_t(3)); // the other resources still ran
    QCOMPARE(text(*h.db, "SELECT status FROM accounts"), std::string("connected"));
}

void TestSynchronizer::accountsSyncConcurrently()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    FixtureServer second;
    herald::test::routeMastodonAccount(second);
    herald::engine::Account other = h.account;
    other.id = 0;
    other.baseUrl = second.baseUrl();
    other.secretRef = "ref-2";
    must(herald::engine::AccountRepository(*h.db).upsert(other));
    const auto report = h.sync();
    QVERIFY(report.ok());
    QCOMPARE(report.accounts.size(), std::size_t(2));
    QCOMPARE(h.count("post_targets"), std::int64_t(10));
    QCOMPARE(scalar(*h.db, "SELECT COUNT(DISTINCT account_id) FROM comments"), std::int64_t(2));
    QCOMPARE(second.requests().front().header("authorization"), std::string("Bearer token-ref-2"));
}

void TestSynchronizer::reconnectReattachesTheAccount()
{
    Harness h;
    herald::test::routeMastodonAccount(h.server);
    herald::connectors::HttpClient http({}, h.sleeper, h.clock);
    herald::engine::Account draft;
    draft.platform = herald::engine::Platform::Mastodon;
    draft.baseUrl = h.server.baseUrl() + "/";
    draft.timeZone = "Asia/Tokyo";
    Credentials credentials;
    credentials.accessToken = "new-token";
    auto verified = herald::connectors::verifyAccount(draft, credentials, http);
    QVERIFY2(verified, verified ? "" : verified.error().detail.c_str());
    QCOMPARE(verified->externalId, herald::test::kMastodonAccountId);
    QCOMPARE(verified->handle, std::string("herald"));
    QCOMPARE(verified->baseUrl, h.server.baseUrl());
    QCOMPARE(verified->secretRef, herald::connectors::secretRefFor(*verified));

    must(herald::engine::AccountRepository(*h.db).setStatus(h.account.id,
                                                            herald::engine::AccountStatus::NeedsReconnect));
    auto attached = herald::connectors::attachAccount(*h.db, *verified, kNow);
    QVERIFY(attached);
    QVERIFY(attached->reattached);
    QCOMPARE(attached->account.id, h.account.id);
    QCOMPARE(h.count("accounts"), std::int64_t(1));
    QCOMPARE(text(*h.db, "SELECT status FROM accounts"), std::string("connected"));
    QCOMPARE(text(*h.db, "SELECT time_zone FROM accounts"), std::string("Asia/Tokyo"));

    // Another instance with the same account id is another account.
    draft.baseUrl = "https://other.example";
    auto elsewhere = *verified;
    elsewhere.baseUrl = draft.baseUrl;
    auto second = herald::connectors::attachAccount(*h.db, elsewhere, kNow);
    QVERIFY(second);
    QVERIFY(!second->reattached);
    QCOMPARE(h.count("accounts"), std::int64_t(2));
}

void TestSynchronizer::xTierRefusalIsShownNotFailed()
{
    Harness h;
    must(herald::engine::AccountRepository(*h.db).remove(h.account.id));
    herald::engine::Account x;
    x.platform = herald::engine::Platform::X;
    x.handle = "heraldcoffee";
    x.baseUrl = h.server.baseUrl();
    x.externalId = "1567890123456789012";
    x.secretRef = "ref-x";
    must(herald::engine::AccountRepository(*h.db).upsert(x));
    h.server.route("GET", "/2/users/1567890123456789012/followers",
                   {FixtureServer::json("x/error_403_tier.json", 403)});
    const auto report = h.sync({SyncResource::Followers});
    QVERIFY(report.ok()); // a refusal of the access tier is not a failure of the account
    QCOMPARE(report.accounts[0].skipped, std::vector<std::string>{"followers"});
    const std::string error = text(*h.db, "SELECT last_error FROM sync_state WHERE resource = 'followers'");
    QVERIFY2(error.find("access tier") != std::string::npos, error.c_str());
    QCOMPARE(text(*h.db, "SELECT status FROM accounts"), std::string("connected"));
}

QTEST_APPLESS_MAIN(TestSynchronizer)
#include "tst_synchronizer.moc"
