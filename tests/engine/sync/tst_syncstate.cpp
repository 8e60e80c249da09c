#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AudienceRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/SyncStateRepository.h"

using namespace herald::engine;
using herald::test::must;

namespace {

std::int64_t scalar(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        throw std::runtime_error("query failed: " + sql);
    const auto v = (*stmt)->int64(0);
    (*stmt)->reset();
    return v;
}

struct Workspace
{
    Database db = Database::createInMemory().value();
    std::int64_t account = 0;
    Workspace()
    {
        Account a{0, Platform::Mastodon, "alice", "", "", "1", "", "UTC", AccountStatus::Connected, 0};
        account = AccountRepository(db).upsert(a).value();
    }
};

} // namespace

class TestSyncState : public QObject
{
    Q_OBJECT

private slots:
    void stateRoundTrip();
    void accountStatus();
    void publishedPostsAreKeyedByExternalId();
    void unchangedSnapshotsAreSkipped();
    void followersKeepWhatImportsAdded();
};

void TestSyncState::stateRoundTrip()
{
    Workspace w;
    SyncStateRepository repo(w.db);
    auto empty = repo.state(w.account, "posts");
    QVERIFY(empty);
    QCOMPARE(empty->cursor, std::string());
    QVERIFY(!empty->lastSyncUtc);
    QVERIFY(repo.save({w.account, "posts", R"({"next":"9"})", 100, "", 40}));
    QVERIFY(repo.setError(w.account, "posts", "Mastodon: timeout"));
    auto st = repo.state(w.account, "posts").value();
    QCOMPARE(st.cursor, std::string(R"({"next":"9"})")); // an error keeps the cursor
    QCOMPARE(st.lastError, std::string("Mastodon: timeout"));
    QCOMPARE(st.lastSyncUtc.value_or(0), std::int64_t(100));
    QCOMPARE(st.items, std::int64_t(40));
    QVERIFY(repo.setError(w.account, "followers", "refused"));
    QCOMPARE(repo.states(w.account)->size(), std::size_t(2));
}

void TestSyncState::accountStatus()
{
    Workspace w;
    SyncStateRepository repo(w.db);
    QVERIFY(repo.save({w.account, "posts", "", 100, "", 1}));
    QVERIFY(repo.save({w.account, "comments", "", 250, "", 1}));
    QVERIFY(repo.setRateLimitedUntil(w.account, 900));
    QVERIFY(repo.setAccountError(w.account, "rate limited"));
    auto statuses = repo.accountStatuses().value();
    QCOMPARE(statuses.size(), std::size_t(1));
    QCOMPARE(statuses[0].lastSyncUtc.value_or(0), std::int64_t(250));
    QCOMPARE(statuses[0].rateLimitedUntilUtc.value_or(0), std::int64_t(900));
    QCOMPARE(statuses[0].lastError, std::string("rate limited"));
    QVERIFY(repo.setRateLimitedUntil(w.account, std::nullopt));
    QVERIFY(!repo.accountStatuses()->front().rateLimitedUntilUtc);
    // Without an account-wide error, the resources' errors show.
    QVERIFY(repo.setAccountError(w.account, ""));
    QCOMPARE(repo.accountStatuses()->front().lastError, std::string());
    QVERIFY(repo.setError(w.account, "followers", "not on your tier"));
    QCOMPARE(repo.accountStatuses()->front().lastError, std::string("followers: not on your tier"));
}

void TestSyncState::publishedPostsAreKeyedByExternalId()
{
    Workspace w;
    SyncStateRepository repo(w.db);
    auto first = repo.upsertPublishedPost(w.account, "117", "https://m.example/@a/117", "<p>Hello</p>", 1000);
    QVERIFY(first);
    QVERIFY(first->inserted);
    auto again = repo.upsertPublishedPost(w.account, "117", "https://m.example/@a/117b", "<p>Edited</p>", 1000);
    QVERIFY(again);
    QVERIFY(!again->inserted);
    QCOMPARE(again->targetId, first->targetId);
    QCOMPARE(scalar(w.db, "SELECT COUNT(*) FROM posts"), std::int64_t(1));
    QCOMPARE(scalar(w.db, "SELECT COUNT(*) FROM post_targets WHERE permalink = 'https://m.example/@a/117b' AND "
                          "status = 'published' AND published_utc = 1000"),
             std::int64_t(1));
    QCOMPARE(repo.targetByExternalId(w.account, "117")->value_or(0), first->targetId);
    QVERIFY(!repo.targetByExternalId(w.account, "118")->has_value());
    QVERIFY(!repo.upsertPublishedPost(w.account, "", "", "", 0));
    QCOMPARE(repo.publishedTargets(w.account, 999, 0, 10)->size(), std::size_t(1));
    QCOMPARE(repo.publishedTargets(w.account, 1001, 0, 10)->size(), std::size_t(0));
    QCOMPARE(repo.publishedTargets(w.account, 0, first->targetId, 10)->size(), std::size_t(0));
}

void TestSyncState::unchangedSnapshotsAreSkipped()
{
    Workspace w;
    SyncStateRepository repo(w.db);
    const auto target = repo.upsertPublishedPost(w.account, "1", "", "x", 10)->targetId;
    QCOMPARE(repo.addPostMetricSnapshot({target, "likes", 100, 5}).value(), true);
    QCOMPARE(repo.addPostMetricSnapshot({target, "likes", 200, 5}).value(), false);
    QCOMPARE(repo.addPostMetricSnapshot({target, "likes", 300, 7}).value(), true);
    QCOMPARE(repo.addPostMetricSnapshot({target, "replies", 300, 0}).value(), true);
    QCOMPARE(scalar(w.db, "SELECT COUNT(*) FROM post_metrics"), std::int64_t(3));
    QCOMPARE(scalar(w.db, "SELECT value FROM post_metrics WHERE metric = 'likes' ORDER BY ts_utc DESC LIMIT 1"),
             std::int64_t(7));
}

void TestSyncState::followersKeepWhatImportsAdded()
{
    Workspace w;
    AudienceMember imported;
    imported.accountId = w.account;
    imported.externalId = "42";
    imported.handle = "old";
    imported.country = "DE";
    imported.interests = {"coffee"};
    must(AudienceRepository(w.db).upsertMember(imported));
    SyncStateRepository repo(w.db);
    AudienceMember synced;
    synced.accountId = w.account;
    synced.externalId = "42";
    synced.handle = "new";
    synced.followerCount = 77;
    QCOMPARE(repo.upsertFollower(synced).value(), false);
    synced.externalId = "43";
    QCOMPARE(repo.upsertFollower(synced).value(), true);
    QCOMPARE(scalar(w.db, "SELECT COUNT(*) FROM audience_members WHERE external_id = '42' AND handle = 'new' AND "
                          "country = 'DE' AND follower_count = 77"),
             std::int64_t(1));
    QCOMPARE(scalar(w.db, "SELECT COUNT(*) FROM member_interests"), std::int64_t(1));
    QCOMPARE(repo.commentExists(w.account, "c1").value(), false);
}

QTEST_APPLESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
