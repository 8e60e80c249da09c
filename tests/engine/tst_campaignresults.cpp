#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/CampaignResults.h"
#include "herald/engine/store/CommentRepository.h"
#include "herald/engine/store/Database.h"

using namespace herald;
using namespace herald::engine;

class TestCampaignResults : public QObject
{
    Q_OBJECT

private slots:
    void resultsUpToTheDay()
    {
        auto db = Database::createInMemory().value();
        Campaign spring;
        spring.name = "Spring";
        spring.startDay = "2026-03-01";
        spring.endDay = "2026-04-30";
        spring.budget = 1000;
        spring.goal = "signups";
        spring.goalTarget = 200;
        CampaignRepository(db).insert(spring).value();
        Campaign autumn;
        autumn.name = "Autumn";
        autumn.startDay = "2026-09-01";
        autumn.endDay = "2026-09-30";
        CampaignRepository(db).insert(autumn).value();
        AdRepository ads(db);
        for (const char* name : {"A", "B"}) {
            AdSet set;
            set.name = name;
            set.campaignId = spring.id;
            ads.insertAdSet(set).value();
            test::must(ads.upsertMetric({set.id, "2026-03-10", 1000, 30, 50.0, 4, 0}));
            test::must(ads.upsertMetric({set.id, "2026-04-20", 2000, 60, 80.0, 6, 0})); // after the day asked
        }
        auto r = queryCampaignResults(db, "2026-03-01", "2026-03-31").value();
        QCOMPARE(r.size(), std::size_t(1)); // Autumn does not run in March
        QCOMPARE(r[0].name, std::string("Spring"));
        QCOMPARE(r[0].spend, 100.0);
        QCOMPARE(r[0].results, 8.0);
        QCOMPARE(r[0].costPerResult, 12.5);
        QCOMPARE(r[0].goalTarget, 200.0);
        auto later = queryCampaignResults(db, "2026-04-01", "2026-09-30").value();
        QCOMPARE(later.size(), std::size_t(2));
        QCOMPARE(later[0].spend, 260.0);
        QCOMPARE(later[1].costPerResult, 0.0); // no results: no cost per result
    }

    void commentsInRange()
    {
        auto db = Database::createInMemory().value();
        Account a;
        a.handle = "@a";
        a.externalId = "1";
        AccountRepository(db).upsert(a).value();
        CommentRepository comments(db);
        for (int i = 0; i < 4; ++i) {
            Comment c;
            c.accountId = a.id;
            c.externalId = std::to_string(i);
            c.body = "comment " + std::to_string(i);
            c.timestampUtc = 100 * i;
            if (i == 1)
                c.sentiment = 0.5;
            comments.upsert(c).value();
        }
        auto r = queryComments(db, 100, 300, {}).value();
        QCOMPARE(r.size(), std::size_t(2));
        QVERIFY(r[0].scored);
        QCOMPARE(r[0].sentiment, 0.5);
        QVERIFY(!r[1].scored);
        QVERIFY(queryComments(db, 0, 1000, {a.id + 1}).value().empty());
    }
};

QTEST_APPLESS_MAIN(TestCampaignResults)
#include "tst_campaignresults.moc"
