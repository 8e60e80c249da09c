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
        p.tags = {"launch", "Beta"};
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
        QCOMPARE(all[1].tags, (std::vector<std::string>{"Beta", "launch"}));
        QVERIFY(!all[1].campaignId);

        QCOMPARE(queryPostPerformance(db, 0, 10000, {b}).value().size(), std::size_t(1));
        QCOMPARE(queryPostPerformance(db, 1500, 10000, {}).value().size(), std::size_t(1));
        QVERIFY(queryPostPerformance(db, 3000, 4000, {}).value().empty());
    }

    void postSeriesBucketsByLocalDay()
    {
        // Three local days starting at 100, 200 (a short day) and 250; the range ends at 400.
        const std::vector<std::int64_t> starts{100, 200, 250, 400};
        auto post = [](std::int64_t at, double impressions, double engagements, double clicks) {
            PostPerformance p;
            p.publishedUtc = at;
            p.impressions = impressions;
            p.engagements = engagements;
            p.clicks = clicks;
            return p;
        };
        const std::vector<PostPerformance> posts{post(100, 100, 10, 1), post(199, 50, 5, 2), post(260, 0, 3, 0),
                                                 post(400, 999, 999, 999) /* after the range */,
                                                 post(99, 999, 999, 999) /* before it */};
        auto daily = postSeries(posts, PostSeriesMetric::Impressions, "2026-03-28", starts, Granularity::Day);
        QCOMPARE(daily.size(), std::size_t(3));
        QCOMPARE(daily[0].period, std::string("2026-03-28"));
        QCOMPARE(daily[0].value, 150.0);
        QCOMPARE(daily[1].value, 0.0);
        QVERIFY(!daily[1].missing);
        QCOMPARE(daily[2].value, 0.0);
        auto rate = postSeries(posts, PostSeriesMetric::EngagementRate, "2026-03-28", starts, Granularity::Day);
        QCOMPARE(rate[0].value, 15.0 / 150.0);
        QVERIFY(rate[1].missing);
        QVERIFY(rate[2].missing); // engagements but no impressions
        auto count = postSeries(posts, PostSeriesMetric::Posts, "2026-03-28", starts, Granularity::Day);
        QCOMPARE(count[0].value + count[1].value + count[2].value, 3.0);
        // 2026-03-28 is a Saturday: the weeks start on 03-23 and 03-30.
        auto weekly = postSeries(posts, PostSeriesMetric::Clicks, "2026-03-28", starts, Granularity::Week);
        QCOMPARE(weekly.size(), std::size_t(2));
        QCOMPARE(weekly[0].period, std::string("2026-03-23"));
        QCOMPARE(weekly[0].value, 3.0);
        QCOMPARE(weekly[1].period, std::string("2026-03-30"));
        QCOMPARE(weekly[1].value, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPostPerformance)
#include "tst_postperformance.moc"
