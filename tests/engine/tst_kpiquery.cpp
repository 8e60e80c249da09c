#include <cmath>
#include <map>

#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/Transaction.h"

using namespace herald;
using namespace herald::engine;

namespace {

std::string dayName(int d) // d in 1..28 of February 2026
{
    char buf[11];
    std::snprintf(buf, sizeof buf, "2026-02-%02d", d);
    return buf;
}

constexpr std::int64_t kFeb1Utc = 1769904000; // 2026-02-01T00:00:00Z

// Two accounts with 28 days of daily figures generated from simple formulas, and posts published
// at noon on some days; the expected KPIs are recomputed here from the same formulas.
struct Fixture
{
    Database db = Database::createInMemory().value();
    std::int64_t a = 0;
    std::int64_t b = 0;

    static double followers(int account, int d) { return account == 0 ? 1000 + 3 * d : 400 + d * d; }
    static double impressions(int account, int d) { return account == 0 ? 500 + 10 * d : 200 + (d % 7) * 30; }
    static double engagements(int account, int d) { return account == 0 ? 20 + d : 5 + d % 3; }
    static bool publishes(int account, int d) { return account == 0 ? d % 2 == 0 : d % 5 == 0; }

    Fixture()
    {
        auto tx = Transaction::begin(db).value();
        AccountRepository accounts(db);
        Account x;
        x.platform = Platform::X;
        x.handle = "@one";
        x.externalId = "1";
        a = accounts.upsert(x).value();
        Account y;
        y.platform = Platform::Bluesky;
        y.handle = "two.bsky.social";
        y.externalId = "did:plc:two";
        b = accounts.upsert(y).value();
        MetricRepository m(db);
        PostRepository posts(db);
        for (int acc = 0; acc < 2; ++acc) {
            const auto id = acc == 0 ? a : b;
            for (int d = 1; d <= 28; ++d) {
                test::must(m.upsertAccountMetric({id, "followers", dayName(d), followers(acc, d)}));
                test::must(m.upsertAccountMetric({id, "impressions", dayName(d), impressions(acc, d)}));
                test::must(m.upsertAccountMetric({id, "engagements", dayName(d), engagements(acc, d)}));
                test::must(m.upsertAccountMetric({id, "profile_visits", dayName(d), 9999})); // must not count
                if (publishes(acc, d)) {
                    Post p;
                    p.status = PostStatus::Published;
                    PostTarget t;
                    t.accountId = id;
                    t.status = PostStatus::Published;
                    t.publishedUtc = kFeb1Utc + (d - 1) * 86400 + 12 * 3600;
                    t.externalId = std::to_string(acc * 100 + d);
                    p.targets.push_back(t);
                    posts.insert(p).value();
                }
            }
        }
        // A failed target in range never counts as published.
        Post p;
        PostTarget t;
        t.accountId = a;
        t.status = PostStatus::Failed;
        t.publishedUtc = kFeb1Utc + 3600;
        p.targets.push_back(t);
        posts.insert(p).value();
        test::must(tx.commit());
    }

    static KpiRange range(int from, int to)
    {
        return {dayName(from), dayName(to), kFeb1Utc + (from - 1) * 86400, kFeb1Utc + to * 86400};
    }
};

} // namespace

class TestKpiQuery : public QObject
{
    Q_OBJECT

private slots:
    void matchesIndependentSums_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("accounts"); // bit 0: first, bit 1: second, 0: all
        QTest::newRow("week, all") << 8 << 14 << 0;
        QTest::newRow("week, first") << 8 << 14 << 1;
        QTest::newRow("week, second") << 8 << 14 << 2;
        QTest::newRow("whole month") << 1 << 28 << 3;
        QTest::newRow("one day") << 10 << 10 << 0;
        QTest::newRow("first day") << 1 << 3 << 0;
    }

    void matchesIndependentSums()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, accounts);
        Fixture f;
        std::vector<std::int64_t> ids;
        if (accounts & 1)
            ids.push_back(f.a);
        if (accounts & 2)
            ids.push_back(f.b);
        auto r = queryKpis(f.db, Fixture::range(from, to), ids);
        QVERIFY2(r, r ? "" : r.error().detail.c_str());

        double followers = 0, before = 0, impressions = 0, engagements = 0;
        std::int64_t published = 0;
        for (int acc = 0; acc < 2; ++acc) {
            if (accounts && !(accounts & (1 << acc)))
                continue;
            followers += Fixture::followers(acc, to);
            before += from > 1 ? Fixture::followers(acc, from - 1) : 0;
            for (int d = from; d <= to; ++d) {
                impressions += Fixture::impressions(acc, d);
                engagements += Fixture::engagements(acc, d);
                published += Fixture::publishes(acc, d) ? 1 : 0;
            }
        }
        QCOMPARE(r->followers, followers);
        QCOMPARE(r->followerGrowth, followers - before);
        QCOMPARE(r->impressions, impressions);
        QCOMPARE(r->engagements, engagements);
        QCOMPARE(r->postsPublished, published);
        QCOMPARE(r->engagementRate, engagements / impressions);
        QVERIFY(r->hasData);
    }

    void snapshotComparesPeriods()
    {
        Fixture f;
        auto snap = queryKpiSnapshot(f.db, Fixture::range(15, 28), Fixture::range(1, 14), {});
        QVERIFY(snap);
        QVERIFY(snap->current.impressions > snap->previous.impressions);
        auto change = percentChange(snap->current.impressions, snap->previous.impressions);
        QVERIFY(change.has_value());
        QCOMPARE(*change, (snap->current.impressions - snap->previous.impressions) / snap->previous.impressions * 100);
        QVERIFY(!percentChange(5, 0).has_value());
        QCOMPARE(*percentChange(50, 100), -50.0);
    }

    void emptyRangeIsZeroNotError()
    {
        Fixture f;
        auto r = queryKpis(f.db, {"2030-01-01", "2030-01-07", 1893456000, 1894060800}, {});
        QVERIFY(r);
        QVERIFY(!r->hasData);
        QCOMPARE(r->impressions, 0.0);
        QCOMPARE(r->engagementRate, 0.0);
        QCOMPARE(r->postsPublished, std::int64_t(0));
        // Followers carry the last known level forward; growth over an empty period is zero.
        QCOMPARE(r->followers, Fixture::followers(0, 28) + Fixture::followers(1, 28));
        QCOMPARE(r->followerGrowth, 0.0);
    }

    void emptyWorkspace()
    {
        auto db = Database::createInMemory().value();
        auto r = queryKpis(db, Fixture::range(1, 7), {});
        QVERIFY(r);
        QCOMPARE(r->followers, 0.0);
        QVERIFY(!r->hasData);
    }

    void invalidRange()
    {
        Fixture f;
        auto r = queryKpis(f.db, Fixture::range(10, 3), {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Invalid);
    }
};

QTEST_APPLESS_MAIN(TestKpiQuery)
#include "tst_kpiquery.moc"
