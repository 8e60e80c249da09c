#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/store/Transaction.h"

using namespace herald;
using namespace herald::engine;

namespace {

// Two accounts, daily figures for February and March 2026 from simple formulas; 2026-03-10 is missing.
struct Fixture
{
    Database db = Database::createInMemory().value();
    std::int64_t a = 0, b = 0;
    static double impressions(int acc, std::int64_t day) { return acc == 0 ? 100 + day % 13 : 40 + day % 5; }
    static double engagements(int acc, std::int64_t day) { return acc == 0 ? 5 + day % 3 : 2; }

    Fixture()
    {
        auto tx = Transaction::begin(db).value();
        Account x;
        x.handle = "@a";
        x.externalId = "1";
        a = AccountRepository(db).upsert(x).value();
        Account y;
        y.handle = "@b";
        y.externalId = "2";
        b = AccountRepository(db).upsert(y).value();
        MetricRepository m(db);
        const auto first = *dayNumber("2026-02-01");
        const auto last = *dayNumber("2026-03-31");
        for (auto day = first; day <= last; ++day) {
            if (dayString(day) == "2026-03-10")
                continue;
            for (int acc = 0; acc < 2; ++acc) {
                const auto id = acc ? b : a;
                test::must(m.upsertAccountMetric({id, "followers", dayString(day), double(1000 * (acc + 1) + (day - first))}));
                test::must(m.upsertAccountMetric({id, "impressions", dayString(day), impressions(acc, day)}));
                test::must(m.upsertAccountMetric({id, "engagements", dayString(day), engagements(acc, day)}));
            }
        }
        test::must(tx.commit());
    }
};

} // namespace

class TestSeriesQuery : public QObject
{
    Q_OBJECT

private slots:
    void dayNumbers()
    {
        QCOMPARE(*dayNumber("1970-01-01"), std::int64_t(0));
        QCOMPARE(*dayNumber("2026-03-02") - *dayNumber("2026-02-23"), std::int64_t(7));
        QCOMPARE(dayString(*dayNumber("2024-02-29")), std::string("2024-02-29"));
        QVERIFY(!dayNumber("2026-02-30"));
        QVERIFY(!dayNumber("2026-13-01"));
        QVERIFY(!dayNumber("yesterday"));
    }

    void dailyMatchesRows()
    {
        Fixture f;
        auto s = querySeries(f.db, SeriesMetric::Impressions, "2026-03-08", "2026-03-12", {}, Granularity::Day).value();
        QCOMPARE(s.size(), std::size_t(5));
        QCOMPARE(s[0].period, std::string("2026-03-08"));
        const auto d8 = *dayNumber("2026-03-08");
        QCOMPARE(s[0].value, Fixture::impressions(0, d8) + Fixture::impressions(1, d8));
        QVERIFY(s[2].missing); // 2026-03-10
        QVERIFY(!s[3].missing);
        auto one = querySeries(f.db, SeriesMetric::Impressions, "2026-03-08", "2026-03-08", {f.b}, Granularity::Day).value();
        QCOMPARE(one[0].value, Fixture::impressions(1, d8));
    }

    void weeksStartOnMondayAndSum()
    {
        Fixture f;
        // 2026-03-01 is a Sunday: its week starts on Monday 2026-02-23, clipped to the range.
        auto s = querySeries(f.db, SeriesMetric::Engagements, "2026-03-01", "2026-03-15", {}, Granularity::Week).value();
        QCOMPARE(s.size(), std::size_t(3));
        QCOMPARE(s[0].period, std::string("2026-02-23"));
        QCOMPARE(s[1].period, std::string("2026-03-02"));
        QCOMPARE(s[2].period, std::string("2026-03-09"));
        const auto sunday = *dayNumber("2026-03-01");
        QCOMPARE(s[0].value, Fixture::engagements(0, sunday) + Fixture::engagements(1, sunday));
        double week = 0;
        for (auto d = *dayNumber("2026-03-02"); d <= *dayNumber("2026-03-08"); ++d)
            week += Fixture::engagements(0, d) + Fixture::engagements(1, d);
        QCOMPARE(s[1].value, week);
    }

    void monthsAndLevels()
    {
        Fixture f;
        auto s = querySeries(f.db, SeriesMetric::Followers, "2026-02-01", "2026-03-31", {}, Granularity::Month).value();
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s[1].period, std::string("2026-03-01"));
        const double last = 1000 + 2000 + 2.0 * double(*dayNumber("2026-03-31") - *dayNumber("2026-02-01"));
        QCOMPARE(s[1].value, last); // the level on the month's last day, not a sum
    }

    void rateAgreesWithKpis()
    {
        Fixture f;
        auto s = querySeries(f.db, SeriesMetric::EngagementRate, "2026-03-01", "2026-03-31", {}, Granularity::Month).value();
        auto k = queryKpis(f.db, {"2026-03-01", "2026-03-31", 0, 1}, {}).value();
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s[0].value, k.engagementRate);
        auto imp = querySeries(f.db, SeriesMetric::Impressions, "2026-03-01", "2026-03-31", {}, Granularity::Month).value();
        QCOMPARE(imp[0].value, k.impressions);
    }

    void invalidRange()
    {
        Fixture f;
        QVERIFY(!querySeries(f.db, SeriesMetric::Impressions, "2026-03-31", "2026-03-01", {}, Granularity::Day));
        QVERIFY(!querySeries(f.db, SeriesMetric::Impressions, "2026-02-30", "2026-03-01", {}, Granularity::Day));
    }
};

QTEST_APPLESS_MAIN(TestSeriesQuery)
#include "tst_seriesquery.moc"
