// A/B statistics against statsmodels 0.13.5 / scipy 1.10.1 (shared/datasets/ab_stats) and invariants.
#include <cmath>
#include <random>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/analytics/AbStats.h"
#include "herald/engine/analytics/SpecialFunctions.h"

using namespace herald::engine;

namespace {

const QJsonObject& expected()
{
    static const QJsonObject root = [] {
        QFile f(QString::fromStdString(herald::test::sharedDataDir() + "/ab_stats/expected/ab_stats.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot open ab_stats.json");
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return root;
}

// Relative 1e-9 (so tiny p-values are compared relatively); an exact zero must come out as zero.
bool near(double actual, double want, double rel = 1e-9)
{
    if (want == 0.0)
        return std::fabs(actual) <= 1e-15;
    return std::fabs(actual - want) <= rel * std::fabs(want);
}

#define CHECK_NEAR(actual, want)                                                                                       \
    QVERIFY2(near((actual), (want)), qPrintable(QStringLiteral("%1 = %2, peer %3")                                     \
                                                    .arg(QStringLiteral(#actual))                                      \
                                                    .arg((actual), 0, 'g', 17)                                         \
                                                    .arg((want), 0, 'g', 17)))

AbTable tableOf(const QJsonObject& t)
{
    return {t.value(QStringLiteral("conv_a")).toInteger(), t.value(QStringLiteral("n_a")).toInteger(),
            t.value(QStringLiteral("conv_b")).toInteger(), t.value(QStringLiteral("n_b")).toInteger()};
}

} // namespace

class TestAbStats : public QObject
{
    Q_OBJECT

private slots:
    void peerTables_data();
    void peerTables();
    void peerSampleSize_data();
    void peerSampleSize();
    void specialFunctions();
    void rateIntervals();
    void invariants();
    void probabilityBestMatchesExactTwoArm();
    void probabilityBestThreeArms();
    void probabilityBestCancels();
    void invalidInput();
};

void TestAbStats::peerTables_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray tables = expected().value(QStringLiteral("tables")).toArray();
    QVERIFY(tables.size() >= 8);
    for (int i = 0; i < tables.size(); ++i)
        QTest::newRow(qPrintable(tables[i].toObject().value(QStringLiteral("name")).toString())) << i;
}

void TestAbStats::peerTables()
{
    QFETCH(int, index);
    const QJsonObject t = expected().value(QStringLiteral("tables")).toArray()[index].toObject();
    const auto r = analyzeAb(tableOf(t));
    QVERIFY(r.has_value());
    CHECK_NEAR(r->rateA, t[QStringLiteral("p_a")].toDouble());
    CHECK_NEAR(r->rateB, t[QStringLiteral("p_b")].toDouble());

    const QJsonObject z = t[QStringLiteral("ztest_pooled")].toObject();
    QCOMPARE(r->zTest.defined, !z[QStringLiteral("z")].isNull());
    if (r->zTest.defined) {
        CHECK_NEAR(r->zTest.z, z[QStringLiteral("z")].toDouble());
        CHECK_NEAR(r->zTest.pTwoSided, z[QStringLiteral("p_two_sided")].toDouble());
        CHECK_NEAR(r->zTest.pLarger, z[QStringLiteral("p_larger")].toDouble());
    } else {
        QVERIFY(std::isnan(r->zTest.z) && std::isnan(r->zTest.pTwoSided));
    }

    for (const bool yates : {true, false}) {
        const QJsonObject c = t[yates ? QStringLiteral("chi2_yates") : QStringLiteral("chi2_no_correction")].toObject();
        const ChiSquared& mine = yates ? r->chiSquaredYates : r->chiSquared;
        QCOMPARE(mine.defined, !c.contains(QStringLiteral("error")));
        if (!mine.defined)
            continue;
        CHECK_NEAR(mine.statistic, c[QStringLiteral("chi2")].toDouble());
        CHECK_NEAR(mine.p, c[QStringLiteral("p")].toDouble());
        const QJsonArray e = c[QStringLiteral("expected")].toArray();
        for (int i = 0; i < 4; ++i)
            CHECK_NEAR(mine.expected[static_cast<std::size_t>(i)], e[i / 2].toArray()[i % 2].toDouble());
    }

    CHECK_NEAR(r->fisherP, t[QStringLiteral("fisher_exact_p_two_sided")].toDouble());
    const QJsonArray wald = t[QStringLiteral("ci95_diff_wald")].toArray();
    CHECK_NEAR(r->differenceWald.low, wald[0].toDouble());
    CHECK_NEAR(r->differenceWald.high, wald[1].toDouble());
    const QJsonArray newcombe = t[QStringLiteral("ci95_diff_newcomb")].toArray();
    CHECK_NEAR(r->differenceNewcombe.low, newcombe[0].toDouble());
    CHECK_NEAR(r->differenceNewcombe.high, newcombe[1].toDouble());
    // The peer's own closed form carries ~1e-12 rounding (0.4999999999992 for identical arms).
    QVERIFY2(std::fabs(r->probabilityBBeatsA - t[QStringLiteral("bayes_prob_b_beats_a")].toDouble()) < 1e-9,
             qPrintable(QString::number(r->probabilityBBeatsA, 'g', 17)));
}

void TestAbStats::peerSampleSize_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = expected().value(QStringLiteral("sample_size")).toArray();
    QVERIFY(cases.size() >= 7);
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        QTest::addRow("p%g_mde%g_a%g_pow%g", c[QStringLiteral("baseline")].toDouble(),
                      c[QStringLiteral("mde_abs")].toDouble(), c[QStringLiteral("alpha")].toDouble(),
                      c[QStringLiteral("power")].toDouble())
            << i;
    }
}

void TestAbStats::peerSampleSize()
{
    QFETCH(int, index);
    const QJsonObject c = expected().value(QStringLiteral("sample_size")).toArray()[index].toObject();
    SampleSizeOptions o;
    o.baselineRate = c[QStringLiteral("baseline")].toDouble();
    o.minimumDetectableEffect = c[QStringLiteral("mde_abs")].toDouble();
    o.alpha = c[QStringLiteral("alpha")].toDouble();
    o.power = c[QStringLiteral("power")].toDouble();
    const auto r = sampleSize(o);
    QVERIFY(r.has_value());
    CHECK_NEAR(r->cohensH, c[QStringLiteral("cohens_h")].toDouble());
    CHECK_NEAR(r->perGroup, c[QStringLiteral("n_per_group_statsmodels")].toDouble());
    QCOMPARE(r->perGroupCeil, c[QStringLiteral("n_per_group_statsmodels_ceil")].toInteger());
    CHECK_NEAR(r->perGroupClassic, c[QStringLiteral("n_per_group_classic_formula")].toDouble());
    QCOMPARE(r->perGroupClassicCeil, c[QStringLiteral("n_per_group_classic_ceil")].toInteger());
    // Power at the solved size is the requested power.
    const auto power = powerForSampleSize(o, r->perGroup);
    QVERIFY(power.has_value());
    QVERIFY(std::fabs(*power - o.power) < 1e-12);
}

void TestAbStats::specialFunctions()
{
    QVERIFY(near(normalQuantile(0.975), 1.959963984540054, 1e-14));
    QVERIFY(near(normalQuantile(1e-10), -6.361340902404056, 1e-13));
    QVERIFY(near(normalIsf(0.005), 2.5758293035489004, 1e-14));
    for (const double p : {1e-300, 1e-20, 0.001, 0.3, 0.5, 0.77, 0.999999})
        QVERIFY(near(normalCdf(normalQuantile(p)), p, 1e-13));
    QVERIFY(near(normalSf(10.0), 7.619853024160527e-24, 1e-13));
    QVERIFY(near(regularizedBeta(2.0, 3.0, 0.4), 0.5248, 1e-14));
    QVERIFY(near(regularizedGammaP(3.0, 2.0), 1.0 - 5.0 * std::exp(-2.0), 1e-14));
    QVERIFY(near(regularizedGammaQ(1.0, 50.0), std::exp(-50.0), 1e-13));
    QVERIFY(near(chiSquaredSf(3.841458820694124, 1.0), 0.05, 1e-13));
    QVERIFY(near(chiSquaredSf(4.0, 4.0), 3.0 * std::exp(-2.0), 1e-13)); // Q(2, 2) = e^-2 (1 + 2)
    // t with 1 dof is Cauchy: P(|T| > 1) = 1/2.
    QVERIFY(near(studentTTwoSidedP(1.0, 1.0), 0.5, 1e-13));
    QVERIFY(near(studentTTwoSidedP(2.0, 10.0), 0.07338803477074037, 1e-11));
    // Large parameters, references from mpmath at 30 digits (scipy's betainc is off by 3e-10 here).
    QVERIFY(near(studentTTwoSidedP(1.0, 99989.0), 0.31731292783030576, 1e-10));
    QVERIFY(near(regularizedBeta(10001.0, 990001.0, 0.0101), 0.84017777806696839, 1e-10));
    QVERIFY(std::isnan(normalQuantile(1.5)));
    QVERIFY(std::isnan(regularizedBeta(-1.0, 2.0, 0.5)));
}

void TestAbStats::rateIntervals()
{
    // statsmodels proportion_confint(0, 100, method='wilson') upper bound (the Newcombe interval of the
    // zero_in_both_arms table is exactly +- this).
    const Interval zero = wilsonInterval(0, 100, 0.05);
    QVERIFY(std::fabs(zero.low) < 1e-17);
    QVERIFY(near(zero.high, 0.03699349820698569));
    const Interval normal = normalInterval(200, 2000, 0.05);
    QVERIFY(near(normal.high - 0.1, 0.1 - normal.low, 1e-12));
    QVERIFY(near(normal.high - normal.low, 2.0 * 1.959963984540054 * std::sqrt(0.1 * 0.9 / 2000.0), 1e-12));
    AbOptions o;
    o.rateInterval = RateInterval::Normal;
    const auto r = analyzeAb({200, 2000, 240, 2000}, o);
    QVERIFY(r.has_value());
    QCOMPARE(r->rateAInterval.low, normal.low);
}

void TestAbStats::invariants()
{
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 30; ++trial) {
        std::uniform_int_distribution<std::int64_t> nDist(5, 3000);
        const std::int64_t nA = nDist(rng);
        const std::int64_t nB = nDist(rng);
        const AbTable t{std::uniform_int_distribution<std::int64_t>(1, nA - 1)(rng), nA,
                        std::uniform_int_distribution<std::int64_t>(1, nB - 1)(rng), nB};
        const auto r = analyzeAb(t);
        QVERIFY(r.has_value());
        QVERIFY(near(r->chiSquared.statistic, r->zTest.z * r->zTest.z, 1e-10));
        QVERIFY(r->chiSquaredYates.statistic <= r->chiSquared.statistic);
        QVERIFY(r->fisherP >= 0.0 && r->fisherP <= 1.0); // underflows to 0 beyond |z| ~ 38
        // Swapping the arms mirrors the table: same two-sided p-values, complementary Bayes probability.
        const auto s = analyzeAb({t.conversionsB, t.visitorsB, t.conversionsA, t.visitorsA});
        QVERIFY(near(s->fisherP, r->fisherP, 1e-10));
        QVERIFY(std::fabs(s->probabilityBBeatsA + r->probabilityBBeatsA - 1.0) < 1e-10);
        QVERIFY(r->rateAInterval.low <= r->rateA && r->rateA <= r->rateAInterval.high);
        QVERIFY(r->differenceNewcombe.low <= r->difference && r->difference <= r->differenceNewcombe.high);
        // E[max(pB - pA, 0)] - E[max(pA - pB, 0)] = E[pB] - E[pA].
        const double meanA = (1.0 + t.conversionsA) / (2.0 + t.visitorsA);
        const double meanB = (1.0 + t.conversionsB) / (2.0 + t.visitorsB);
        QVERIFY(std::fabs(r->expectedLossChoosingA - r->expectedLossChoosingB - (meanB - meanA)) < 1e-12);
    }
}

void TestAbStats::probabilityBestMatchesExactTwoArm()
{
    for (const AbTable& t : {AbTable{200, 2000, 240, 2000}, AbTable{1, 8, 4, 9}, AbTable{0, 500, 12, 500},
                             AbTable{10000, 1000000, 10300, 1000000}, AbTable{30, 1000, 55, 1200}}) {
        const auto exact = analyzeAb(t);
        const auto q = probabilityBest({{t.conversionsA, t.visitorsA}, {t.conversionsB, t.visitorsB}});
        QVERIFY(exact.has_value() && q.has_value());
        QVERIFY2(std::fabs(q->probabilityBest[1] - exact->probabilityBBeatsA) < 1e-9,
                 qPrintable(QString::number(q->probabilityBest[1] - exact->probabilityBBeatsA)));
        QVERIFY(std::fabs(q->probabilityBest[0] + q->probabilityBest[1] - 1.0) < 1e-9);
        QVERIFY(std::fabs(q->expectedLoss[0] - exact->expectedLossChoosingA) < 1e-9);
        QVERIFY(std::fabs(q->expectedLoss[1] - exact->expectedLossChoosingB) < 1e-9);
    }
}

void TestAbStats::probabilityBestThreeArms()
{
    // Three identical arms: each is best with probability 1/3; a clearly better fourth arm dominates.
    const auto same = probabilityBest({{100, 1000}, {100, 1000}, {100, 1000}});
    QVERIFY(same.has_value());
    for (double p : same->probabilityBest)
        QVERIFY(std::fabs(p - 1.0 / 3.0) < 1e-9);
    const auto skewed = probabilityBest({{100, 1000}, {100, 1000}, {100, 1000}, {200, 1000}});
    QVERIFY(skewed->probabilityBest[3] > 0.999999);
    QVERIFY(skewed->expectedLoss[3] < 1e-9);
    QVERIFY(std::fabs(skewed->expectedLoss[0] - 0.1) < 1e-3);
    double sum = 0.0;
    const auto mixed = probabilityBest({{3, 40}, {50, 400}, {1200, 10000}, {0, 5}});
    for (double p : mixed->probabilityBest)
        sum += p;
    QVERIFY(std::fabs(sum - 1.0) < 1e-9);
}

void TestAbStats::probabilityBestCancels()
{
    int calls = 0;
    const auto r = probabilityBest({{1, 10}, {2, 10}, {3, 10}}, {}, [&](double) { return ++calls < 2; });
    QVERIFY(r.has_value());
    QVERIFY(r->cancelled);
    QVERIFY(r->probabilityBest.empty());
}

void TestAbStats::invalidInput()
{
    QCOMPARE(analyzeAb({5, 4, 1, 10}).error().code, herald::ErrorCode::Invalid);
    QCOMPARE(analyzeAb({0, 0, 1, 10}).error().code, herald::ErrorCode::Invalid);
    QCOMPARE(analyzeAb({-1, 10, 1, 10}).error().code, herald::ErrorCode::Invalid);
    AbOptions badAlpha;
    badAlpha.alpha = 1.5;
    QVERIFY(!analyzeAb({1, 10, 1, 10}, badAlpha).has_value());
    QVERIFY(!probabilityBest({{1, 10}}).has_value());
    SampleSizeOptions s;
    s.minimumDetectableEffect = 0.0;
    QVERIFY(!sampleSize(s).has_value());
    s.minimumDetectableEffect = 0.95;
    QVERIFY(!sampleSize(s).has_value());
    s.minimumDetectableEffect = 0.01;
    s.power = 0.01;
    QVERIFY(!sampleSize(s).has_value());
}

QTEST_APPLESS_MAIN(TestAbStats)
#include "tst_abstats.moc"
