#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AudienceRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/WorkspaceInfo.h"

using namespace herald;
using namespace herald::engine;

namespace {

double scalar(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return -1;
    auto v = (*stmt)->real(0);
    (*stmt)->reset();
    return v;
}

Account mastodon(const std::string& externalId)
{
    Account a;
    a.platform = Platform::Mastodon;
    a.handle = "@ana";
    a.baseUrl = "https://example.social";
    a.externalId = externalId;
    return a;
}

} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void accountReconnectReattaches()
    {
        auto db = Database::createInMemory().value();
        AccountRepository repo(db);
        auto a = mastodon("1001");
        const auto first = repo.upsert(a).value();
        test::must(MetricRepository(db).upsertAccountMetric({first, "followers", "2026-03-01", 50}));

        auto again = mastodon("1001");
        again.handle = "@ana_renamed";
        QCOMPARE(repo.upsert(again).value(), first);
        auto list = repo.list().value();
        QCOMPARE(list.size(), std::size_t(1));
        QCOMPARE(list[0].handle, std::string("@ana_renamed"));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM account_metrics WHERE account_id = " + std::to_string(first)), 1.0);

        auto other = mastodon("1002");
        QVERIFY(repo.upsert(other).value() != first);
        QCOMPARE(repo.list().value().size(), std::size_t(2));
    }

    void accountRemoveCascades()
    {
        auto db = Database::createInMemory().value();
        AccountRepository repo(db);
        auto a = mastodon("7");
        const auto id = repo.upsert(a).value();
        test::must(MetricRepository(db).upsertAccountMetric({id, "followers", "2026-03-01", 50}));
        QVERIFY(repo.remove(id));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM account_metrics"), 0.0);
        auto missing = repo.remove(id);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void postMetricUpsertIsIdempotent()
    {
        auto db = Database::createInMemory().value();
        auto a = mastodon("1");
        const auto account = AccountRepository(db).upsert(a).value();
        Post p;
        p.body = "Hello";
        p.status = PostStatus::Published;
        PostTarget t;
        t.accountId = account;
        t.status = PostStatus::Published;
        t.publishedUtc = 1000;
        t.externalId = "111";
        p.targets.push_back(t);
        p.tags = {"launch", "Launch", "tips"};
        PostRepository posts(db);
        QVERIFY(posts.insert(p));
        const auto target = p.targets[0].id;
        QVERIFY(target > 0);

        MetricRepository m(db);
        QVERIFY(m.upsertPostMetric({target, "likes", 2000, 5}));
        QVERIFY(m.upsertPostMetric({target, "likes", 2000, 5}));
        QVERIFY(m.upsertPostMetric({target, "likes", 2000, 8}));
        QVERIFY(m.upsertPostMetric({target, "likes", 3000, 9}));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM post_metrics"), 2.0);
        QCOMPARE(scalar(db, "SELECT value FROM post_metrics WHERE ts_utc = 2000"), 8.0);

        auto loaded = posts.find(p.id).value();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->targets.size(), std::size_t(1));
        QCOMPARE(loaded->targets[0].externalId, std::string("111"));
        // Tags are case-insensitive: "launch" and "Launch" are one tag.
        QCOMPARE(loaded->tags.size(), std::size_t(2));
    }

    void duplicateExternalIdRejected()
    {
        auto db = Database::createInMemory().value();
        auto a = mastodon("1");
        const auto account = AccountRepository(db).upsert(a).value();
        PostRepository posts(db);
        for (int i = 0; i < 2; ++i) {
            Post p;
            PostTarget t;
            t.accountId = account;
            t.externalId = "same";
            p.targets.push_back(t);
            auto r = posts.insert(p);
            QCOMPARE(bool(r), i == 0);
        }
    }

    void scheduledPostNeedsItsTime()
    {
        auto db = Database::createInMemory().value();
        Post p;
        p.status = PostStatus::Scheduled;
        auto r = PostRepository(db).insert(p);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Invalid);
    }

    void memberUpsertReplacesInterests()
    {
        auto db = Database::createInMemory().value();
        auto a = mastodon("1");
        const auto account = AccountRepository(db).upsert(a).value();
        AudienceRepository repo(db);
        AudienceMember m;
        m.accountId = account;
        m.externalId = "u1";
        m.interests = {"design", "rust"};
        const auto id = repo.upsertMember(m).value();
        AudienceMember again = m;
        again.interests = {"go"};
        again.followerCount = 77;
        QCOMPARE(repo.upsertMember(again).value(), id);
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM member_interests"), 1.0);
        QCOMPARE(scalar(db, "SELECT follower_count FROM audience_members"), 77.0);
    }

    void campaignValidation()
    {
        auto db = Database::createInMemory().value();
        Campaign c;
        c.name = "Spring";
        c.startDay = "2026-04-10";
        c.endDay = "2026-04-01";
        QVERIFY(!CampaignRepository(db).insert(c));
        c.endDay = "2026-05-01";
        QVERIFY(CampaignRepository(db).insert(c));
        QCOMPARE(CampaignRepository(db).list().value().at(0).endDay, std::string("2026-05-01"));
    }

    void settingsAndInfo()
    {
        auto db = Database::createInMemory().value();
        SettingsRepository s(db);
        QVERIFY(!s.isDemo().value());
        QVERIFY(s.setValue(settingKeys::kDemo, "1"));
        QVERIFY(s.setValue(settingKeys::kTimeZone, "Asia/Shanghai"));
        QVERIFY(s.isDemo().value());
        auto a = mastodon("1");
        const auto account = AccountRepository(db).upsert(a).value();
        test::must(MetricRepository(db).upsertAccountMetric({account, "followers", "2026-01-05", 1}));
        test::must(MetricRepository(db).upsertAccountMetric({account, "followers", "2026-03-05", 2}));
        auto info = readWorkspaceInfo(db).value();
        QVERIFY(info.isDemo);
        QCOMPARE(info.timeZone, std::string("Asia/Shanghai"));
        QCOMPARE(info.firstDay, std::string("2026-01-05"));
        QCOMPARE(info.lastDay, std::string("2026-03-05"));
        bool sawAccounts = false;
        for (const auto& [table, rows] : info.rowCounts)
            if (table == "accounts") {
                sawAccounts = true;
                QCOMPARE(rows, std::int64_t(1));
            }
        QVERIFY(sawAccounts);
    }
};

QTEST_APPLESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
