#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/PostRepository.h"

using namespace herald;
using namespace herald::engine;

class TestPostPerformance : public QObject
{
    Q_OBJECT

private slots:
    void latestCountsAndOneDefinition()
    {
        auto db = Database::createInMemory().value();
        Account x;
        x.platform = Platform::X;
        x.handle = "@x";
        x.externalId = "1";
        const auto a = AccountRepository(db).upsert(x).value();
        Account m;
        m.platform = Platform::Mastodon;
        m.handle = "@m";
        m.externalId = "2";
        const auto b = AccountRepository(db).upsert(m).value();
        PostRepository posts(db);
        Post p;
        p.body = "Base text";
        p.status = PostStatus::Published;
        for (auto [account, variant, at] : {std::tuple{a, std::string("X variant"), 1000}, {b, std::string(), 2000}}) {
            PostTarget t;
            t.accountId = account;
            t.variantText = variant;
            t.status = PostStatus::Published;
            t.publishedUtc = at;
            t.externalId = std::to_string(at);
            t.permalink = "https://example/" + std::to_string(at);
            p.targets.push_back(t);
        }
        posts.insert(p).value();
        MetricRepository metrics(db);
        const auto tx = p.targets[0].id;
        // Two snapshots: only the later (larger) one counts.
        for (auto [ts, scale] : {std::pair{1500, 1.0}, {5000, 2.0}}) {
            test::must(metrics.upsertPostMetric({tx, "impressions", ts, 500 * scale}));
            test::must(metrics.upsertPostMetric({tx, "likes", ts, 10 * scale}));
            test::must(metrics.upsertPostMetric({tx, "replies", ts, 2 * scale}));
            test::must(metrics.upsertPostMetric({tx, "reposts", ts, 3 * scale}));
            test::must(metrics.upsertPostMetric({tx, "quotes", ts, 1 * scale}));
            test::must(metrics.upsertPostMetric({tx, "clicks", ts, 4 * scale}));
        }
        test::must(metrics.upsertPostMetric({p.targets[1].id, "likes", 3000, 7}));

        auto all = queryPostPerformance(db, 0, 10000, {}).value();
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].targetId, p.targets[1].id); // newest first
        QCOMPARE(all[0].text, std::string("Base text"));
        QCOMPARE(all[0].engagementRate, 0.0); // no impressions
        QCOMPARE(all[1].text, std::string("X variant"));
        QCOMPARE(all[1].impressions, 1000.0);
        QCOMPARE(all[1].engagements, 2.0 * (10 + 2 + 3 + 1 + 4));
        QCOMPARE(all[1].engagementRate, 40.0 / 1000.0);
        QCOMPARE(all[1].platform, Platform::X);

        QCOMPARE(queryPostPerformance(db, 0, 10000, {b}).value().size(), std::size_t(1));
        QCOMPARE(queryPostPerformance(db, 1500, 10000, {}).value().size(), std::size_t(1));
        QVERIFY(queryPostPerformance(db, 3000, 4000, {}).value().empty());
    }
};

QTEST_APPLESS_MAIN(TestPostPerformance)
#include "tst_postperformance.moc"
