// Thompson-sampling budget allocation: an exact two-arm probability, cost awareness, convergence to the best
// arm over simulated rounds, invariants and validation.
#include <cmath>
#include <random>

#include <QTest>

#include "TestSupport.h"
#include "herald/engine/analytics/BudgetAllocation.h"

using namespace herald::engine;

class TestBudget : public QObject
{
    Q_OBJECT

private slots:
    void twoArmProbabilityMatchesClosedForm()
    {
        // Beta(2, 1) against Beta(1, 2) at equal cost: P(X > Y) = 5/6 exactly. 200,000 draws give a standard
        // error of 0.0008.
        BudgetOptions options;
        options.totalBudget = 600.0;
        options.draws = 200000;
        const auto r = allocateBudget({{1, 1, 1.0}, {0, 1, 1.0}}, options);
        QVERIFY(r);
        QVERIFY2(std::abs(r->arms[0].probabilityBest - 5.0 / 6.0) < 0.004,
                 qPrintable(QString::number(r->arms[0].probabilityBest)));
        QVERIFY(std::abs(r->arms[0].budget - 600.0 * r->arms[0].probabilityBest) < 1e-9);
        QCOMPARE(r->arms[0].posteriorMean, 2.0 / 3.0);
        QVERIFY(std::abs(r->arms[1].expectedSuccesses - r->arms[1].trials / 3.0) < 1e-9);
    }

    void invariants_data()
    {
        QTest::addColumn<double>("minShare");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("no floor") << 0.0 << quint64(1);
        QTest::newRow("10% floor") << 0.1 << quint64(2);
    }

    void invariants()
    {
        QFETCH(double, minShare);
        QFETCH(quint64, seed);
        const std::vector<BudgetArm> arms = {{30, 1000, 0.5}, {45, 1200, 0.6}, {5, 100, 0.4}, {0, 0, 1.0}};
        BudgetOptions options;
        options.totalBudget = 1000.0;
        options.seed = seed;
        options.minShare = minShare;
        const auto r = allocateBudget(arms, options);
        QVERIFY(r);
        double probability = 0.0, budget = 0.0, expected = 0.0;
        for (std::size_t i = 0; i < arms.size(); ++i) {
            const auto& a = r->arms[i];
            probability += a.probabilityBest;
            budget += a.budget;
            expected += a.expectedSuccesses;
            QVERIFY(a.budget >= minShare * options.totalBudget - 1e-9);
            QVERIFY(std::abs(a.trials * arms[i].costPerTrial - a.budget) < 1e-9);
        }
        QVERIFY(std::abs(probability - 1.0) < 1e-12);
        QVERIFY(std::abs(budget - options.totalBudget) < 1e-9);
        QVERIFY(std::abs(expected - r->expectedSuccesses) < 1e-9);
        // Same seed, same answer; another seed moves the Monte Carlo estimate a little.
        const auto again = allocateBudget(arms, options);
        QVERIFY(again);
        for (std::size_t i = 0; i < arms.size(); ++i)
            QCOMPARE(again->arms[i].probabilityBest, r->arms[i].probabilityBest);
        options.seed = seed + 100;
        const auto other = allocateBudget(arms, options);
        QVERIFY(other);
        QVERIFY(other->arms[0].probabilityBest != r->arms[0].probabilityBest);
        QVERIFY(std::abs(other->arms[0].probabilityBest - r->arms[0].probabilityBest) < 0.03);
    }

    void cheaperArmWinsAtEqualRate()
    {
        // Same conversion evidence, but arm 1 costs half as much per trial: twice the conversions per money.
        BudgetOptions options;
        options.totalBudget = 100.0;
        const auto r = allocateBudget({{200, 4000, 1.0}, {200, 4000, 0.5}}, options);
        QVERIFY(r);
        QVERIFY(r->arms[1].probabilityBest > 0.999);
    }

    void convergesToBestArm()
    {
        // Three ad sets with true conversion rates 2%, 3% and 4.5% at equal cost. Each round spends 2,000
        // trials as allocated, observes Bernoulli outcomes, and re-allocates.
        const double truth[] = {0.02, 0.03, 0.045};
        std::vector<BudgetArm> arms(3);
        std::mt19937_64 world(99);
        BudgetOptions options;
        options.totalBudget = 2000.0;
        options.draws = 4000;
        BudgetAllocation last;
        for (int round = 0; round < 40; ++round) {
            options.seed = static_cast<std::uint64_t>(round);
            const auto r = allocateBudget(arms, options);
            QVERIFY(r);
            last = *r;
            for (std::size_t i = 0; i < arms.size(); ++i) {
                const auto trials = static_cast<std::int64_t>(std::floor(r->arms[i].trials));
                for (std::int64_t t = 0; t < trials; ++t)
                    arms[i].successes += (world() >> 11) * 0x1.0p-53 < truth[i] ? 1 : 0;
                arms[i].trials += trials;
            }
        }
        QVERIFY2(last.arms[2].probabilityBest > 0.95, qPrintable(QString::number(last.arms[2].probabilityBest)));
        QVERIFY(last.arms[2].budget > 0.9 * options.totalBudget);
        // Most of all the money went to the best arm, not just the last round's.
        QVERIFY(arms[2].trials > arms[0].trials + arms[1].trials);
    }

    void rejectsInvalidInput_data()
    {
        QTest::addColumn<std::int64_t>("successes");
        QTest::addColumn<std::int64_t>("trials");
        QTest::addColumn<double>("cost");
        QTest::addColumn<double>("budget");
        QTest::addColumn<double>("minShare");
        QTest::newRow("successes > trials") << std::int64_t(5) << std::int64_t(4) << 1.0 << 10.0 << 0.0;
        QTest::newRow("negative trials") << std::int64_t(0) << std::int64_t(-1) << 1.0 << 10.0 << 0.0;
        QTest::newRow("zero cost") << std::int64_t(1) << std::int64_t(4) << 0.0 << 10.0 << 0.0;
        QTest::newRow("negative budget") << std::int64_t(1) << std::int64_t(4) << 1.0 << -1.0 << 0.0;
        QTest::newRow("NaN budget") << std::int64_t(1) << std::int64_t(4) << 1.0 << std::nan("") << 0.0;
        QTest::newRow("floor too large") << std::int64_t(1) << std::int64_t(4) << 1.0 << 10.0 << 0.6;
    }

    void rejectsInvalidInput()
    {
        QFETCH(std::int64_t, successes);
        QFETCH(std::int64_t, trials);
        QFETCH(double, cost);
        QFETCH(double, budget);
        QFETCH(double, minShare);
        BudgetOptions options;
        options.totalBudget = budget;
        options.minShare = minShare;
        const auto r = allocateBudget({{successes, trials, cost}, {1, 10, 1.0}}, options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, herald::ErrorCode::Invalid);
        QVERIFY(!allocateBudget({}, BudgetOptions{}));
    }
};

QTEST_APPLESS_MAIN(TestBudget)
#include "tst_budget.moc"
