#include <cmath>
#include <random>

#include <QTest>

#include "AdsFixture.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/ads/AdSetStats.h"
#include "herald/engine/analytics/SpecialFunctions.h"
#include "herald/engine/store/AdRepository.h"

using namespace herald;
using namespace herald::engine;

namespace {

std::int64_t addAdSet(Database& db, const std::string& name, std::optional<std::int64_t> audience = std::nullopt)
{
    AdSet s;
    s.name = name;
    s.audienceId = audience;
    s.createdUtc = 1;
    return AdRepository(db).insertAdSet(s).value();
}

void addDay(Database& db, std::int64_t adSet, const std::string& day, std::int64_t impressions, std::int64_t clicks,
            double spend, std::int64_t conversions, double revenue)
{
    test::must(AdRepository(db).upsertMetric({adSet, day, impressions, clicks, spend, conversions, revenue}));
}

AdSetStats arm(std::int64_t id, std::int64_t impressions, std::int64_t clicks, double spend, std::int64_t conversions)
{
    AdSetStats s;
    s.id = id;
    s.name = "arm " + std::to_string(id);
    s.impressions = impressions;
    s.clicks = clicks;
    s.spend = spend;
    s.conversions = conversions;
    return s;
}

} // namespace

class TestAdSetStats : public QObject
{
    Q_OBJECT

private slots:
    void statisticsWithIntervals()
    {
        auto db = Database::createInMemory().value();
        const auto id = addAdSet(db, "feed");
        addDay(db, id, "2026-05-01", 10000, 120, 60.0, 6, 300.0);
        addDay(db, id, "2026-05-02", 8000, 100, 50.0, 4, 180.0);
        addDay(db, id, "2026-05-03", 12000, 180, 70.0, 10, 520.0);
        addDay(db, id, "2026-06-01", 5000, 10, 20.0, 0, 0.0); // outside the range below
        addAdSet(db, "idle");
        const auto all = adSetStatistics(db, "2026-05-01", "2026-05-31").value();
        QCOMPARE(all.size(), std::size_t(2));
        const auto& s = all[0];
        QCOMPARE(s.days, std::int64_t(3));
        QCOMPARE(s.impressions, std::int64_t(30000));
        QCOMPARE(s.clicks, std::int64_t(400));
        QCOMPARE(s.conversions, std::int64_t(20));
        QCOMPARE(s.ctr.value, 400.0 / 30000.0);
        const auto wilson = wilsonInterval(400, 30000, 0.05);
        QCOMPARE(s.ctr.interval.low, wilson.low);
        QCOMPARE(s.ctr.interval.high, wilson.high);
        QCOMPARE(s.conversionRate.value, 20.0 / 400.0);
        // CPC = 180 / 400; delta method on the log scale: factor exp(1.959964 / sqrt(400)).
        const double factor = std::exp(normalIsf(0.025) / 20.0);
        QCOMPARE(s.cpc.value, 0.45);
        QVERIFY(std::abs(s.cpc.interval.low - 0.45 / factor) < 1e-12);
        QVERIFY(std::abs(s.cpc.interval.high - 0.45 * factor) < 1e-12);
        QCOMPARE(s.cpa.value, 9.0);
        QVERIFY(s.cpa.interval.high / 9.0 > 1.5); // 20 conversions: a wide interval
        // ROAS ratio estimator: r = 1000 / 180; residuals over days by hand.
        const double r = 1000.0 / 180.0;
        const double ss = std::pow(300 - r * 60, 2) + std::pow(180 - r * 50, 2) + std::pow(520 - r * 70, 2);
        const double se = std::sqrt(ss / (3.0 * 2.0)) / 60.0;
        QCOMPARE(s.roas.value, r);
        QVERIFY(std::abs(s.roas.interval.high - (r + normalIsf(0.025) * se)) < 1e-9);
        QVERIFY(!all[1].ctr.defined);
        QVERIFY(!all[1].cpc.defined);
        QCOMPARE(adSetStatistics(db).value()[0].days, std::int64_t(4));
        QVERIFY(!adSetStatistics(db, {}, {}, 1.5));
    }

    void ctrModelNeedsHistory()
    {
        auto db = Database::createInMemory().value();
        const FixedClock clock(1);
        AudienceFilter a;
        a.countries = {"DE"};
        const auto one = saveAdAudience(db, "one", a, clock).value();
        a.countries = {"DE", "NL"};
        const auto two = saveAdAudience(db, "two", a, clock).value();
        addDay(db, addAdSet(db, "x", one), "2026-05-01", 10000, 200, 10, 0, 0);
        addDay(db, addAdSet(db, "y", two), "2026-05-01", 10000, 150, 10, 0, 0);
        const auto model = fitCtrModel(db).value();
        QVERIFY(!model.enoughHistory);
        QCOMPARE(model.distinctAudiences, std::int64_t(2));
        QVERIFY(!predictCtr(model, a));
    }

    void ctrModelLearnsFromAudiences()
    {
        auto db = Database::createInMemory().value();
        const FixedClock clock(1);
        // Wider audiences (more countries) click less: CTR 3%, 2.4%, 1.8%, 1.4%, 1%.
        const std::vector<std::string> countries = {"DE", "NL", "FR", "ES", "IT"};
        const int clicks[] = {300, 240, 180, 140, 100};
        for (int k = 1; k <= 5; ++k) {
            AudienceFilter f;
            f.countries.assign(countries.begin(), countries.begin() + k);
            const auto audience = saveAdAudience(db, "a" + std::to_string(k), f, clock).value();
            addDay(db, addAdSet(db, "s" + std::to_string(k), audience), "2026-05-01", 10000, clicks[k - 1], 10, 0, 0);
        }
        const auto model = fitCtrModel(db).value();
        QVERIFY(model.enoughHistory);
        QCOMPARE(model.features, (std::vector<std::string>{"countries"}));
        QVERIFY(model.coefficients[1] < 0);
        AudienceFilter narrow;
        narrow.countries = {"DE"};
        AudienceFilter wide;
        wide.countries = countries;
        const double pNarrow = *predictCtr(model, narrow);
        const double pWide = *predictCtr(model, wide);
        QVERIFY(pNarrow > pWide);
        QVERIFY2(std::abs(pNarrow - 0.03) < 0.004, QByteArray::number(pNarrow).constData());
        QVERIFY2(std::abs(pWide - 0.01) < 0.004, QByteArray::number(pWide).constData());
    }

    void budgetIsDeterministicPerSeed()
    {
        const std::vector<AdSetStats> arms = {arm(1, 50000, 900, 400, 30), arm(2, 40000, 800, 380, 36),
                                              arm(3, 1000, 0, 0, 0)};
        const auto a = planBudget(arms, BudgetGoal::Conversions, 1000, 7).value();
        const auto b = planBudget(arms, BudgetGoal::Conversions, 1000, 7).value();
        QCOMPARE(a.rows.size(), std::size_t(2));
        QCOMPARE(a.skipped, (std::vector<std::string>{"arm 3"}));
        for (std::size_t i = 0; i < a.rows.size(); ++i)
            QCOMPARE(a.rows[i].allocation.budget, b.rows[i].allocation.budget);
        double total = 0;
        for (const auto& r : a.rows)
            total += r.allocation.budget;
        QVERIFY(std::abs(total - 1000) < 1e-6);
        QVERIFY(!planBudget({arm(1, 0, 0, 0, 0)}, BudgetGoal::Clicks, 100));
        QVERIFY(!planBudget(arms, BudgetGoal::Clicks, -5));
    }

    // Simulated campaign: three ad sets with true conversion rates 2%, 5%, 3% per click at the same CPC.
    // Each round the planner splits the budget, the clicks bought convert at the true rates, and the
    // results feed the next round. The budget must converge on the best ad set.
    void thompsonConvergesToBestArm()
    {
        const double truth[] = {0.02, 0.05, 0.03};
        const double cpc = 0.5;
        std::mt19937_64 rng(42);
        std::vector<AdSetStats> arms = {arm(1, 0, 20, 10, 0), arm(2, 0, 20, 10, 1), arm(3, 0, 20, 10, 1)};
        double lastShare = 0;
        std::int64_t boughtClicks[3] = {};
        for (int round = 0; round < 40; ++round) {
            const auto plan = planBudget(arms, BudgetGoal::Conversions, 500, 1000 + round, 4000).value();
            for (std::size_t i = 0; i < 3; ++i) {
                const auto clicks = static_cast<std::int64_t>(plan.rows[i].allocation.budget / cpc);
                std::binomial_distribution<std::int64_t> conversions(clicks, truth[i]);
                arms[i].clicks += clicks;
                arms[i].impressions += clicks * 50;
                arms[i].spend += clicks * cpc;
                arms[i].conversions += conversions(rng);
                boughtClicks[i] += clicks;
            }
            lastShare = plan.rows[1].allocation.budget / 500.0;
        }
        const auto final = planBudget(arms, BudgetGoal::Conversions, 500, 99).value();
        QVERIFY2(final.rows[1].allocation.probabilityBest > 0.95,
                 QByteArray::number(final.rows[1].allocation.probabilityBest).constData());
        QVERIFY2(lastShare > 0.9, QByteArray::number(lastShare).constData());
        QVERIFY(boughtClicks[1] > boughtClicks[0] + boughtClicks[2]);
    }
};

QTEST_APPLESS_MAIN(TestAdSetStats)
#include "tst_adsetstats.moc"
