// Robust STL and anomaly flags on synthetic daily series with a weekly cycle, trend and noise.
#include <algorithm>
#include <cmath>
#include <random>

#include <QTest>

#include "herald/engine/analytics/Anomalies.h"

using namespace herald::engine;

namespace {

// 52 weeks of a daily metric: level 100, slow trend, weekly pattern, noise of sd 1.5 (Gaussian, or
// uniform so that a clean series has no tail events at all).
Eigen::VectorXd dailySeries(std::uint64_t seed, int n = 364, bool gaussian = true)
{
    static constexpr double weekly[7] = {0.0, 5.0, 8.0, 6.0, 3.0, -10.0, -12.0};
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.5);
    std::uniform_real_distribution<double> uniform(-1.5 * std::sqrt(3.0), 1.5 * std::sqrt(3.0));
    Eigen::VectorXd y(n);
    for (int t = 0; t < n; ++t)
        y[t] = 100.0 + 0.05 * t + 4.0 * std::sin(t / 40.0) + weekly[t % 7] + (gaussian ? normal(rng) : uniform(rng));
    return y;
}

} // namespace

class TestAnomalies : public QObject
{
    Q_OBJECT

private slots:
    void cleanSeriesHasNoFlags_data();
    void cleanSeriesHasNoFlags();
    void findsInjectedSpikesAndDrops_data();
    void findsInjectedSpikesAndDrops();
    void decompositionRecoversComponents();
    void gapsAreNeverFlagged();
    void invalidInput();
};

void TestAnomalies::cleanSeriesHasNoFlags_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {1u, 2u, 3u, 4u, 5u})
        QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
}

void TestAnomalies::cleanSeriesHasNoFlags()
{
    QFETCH(quint64, seed);
    // Bounded noise (|e| <= 1.73 sd) never reaches a score of 4.5 unless the decomposition is off.
    const auto r = detectAnomalies(dailySeries(seed, 364, false));
    QVERIFY(r.has_value());
    QVERIFY2(r->anomalies.empty(), qPrintable(QString::number(r->anomalies.size())));
    double largest = 0.0;
    for (Eigen::Index t = 0; t < r->decomposition.remainder.size(); ++t)
        largest = std::max(largest, std::fabs(r->decomposition.remainder[t]));
    // Noise bound 2.6 plus the estimation error of seasonal and trend (sd ~0.5 each).
    QVERIFY2(largest < 5.0, qPrintable(QString::number(largest)));
}

void TestAnomalies::findsInjectedSpikesAndDrops_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<bool>("gaussian");
    for (quint64 seed : {11u, 12u, 13u}) {
        QTest::addRow("uniform noise, seed %llu", static_cast<unsigned long long>(seed)) << seed << false;
        QTest::addRow("gaussian noise, seed %llu", static_cast<unsigned long long>(seed)) << seed << true;
    }
}

void TestAnomalies::findsInjectedSpikesAndDrops()
{
    QFETCH(quint64, seed);
    QFETCH(bool, gaussian);
    Eigen::VectorXd y = dailySeries(seed, 364, gaussian);
    const Eigen::VectorXd clean = y;
    struct Injected
    {
        Eigen::Index day;
        double delta;
    };
    const Injected injected[] = {{3, 14.0}, {100, 15.0}, {101, -13.0}, {250, -15.0}, {360, 20.0}};
    for (const Injected& i : injected)
        y[i.day] += i.delta;
    const auto r = detectAnomalies(y);
    QVERIFY(r.has_value());
    // Bounded noise: exactly the injected days. Gaussian noise: a genuine ~4 sd noise day may join them.
    if (gaussian)
        QVERIFY(r->anomalies.size() >= std::size(injected) && r->anomalies.size() <= std::size(injected) + 1);
    else
        QCOMPARE(r->anomalies.size(), std::size(injected));
    for (const Injected& i : injected) {
        const auto it = std::find_if(r->anomalies.begin(), r->anomalies.end(),
                                     [&](const Anomaly& a) { return a.index == static_cast<std::size_t>(i.day); });
        QVERIFY2(it != r->anomalies.end(), qPrintable(QString::number(i.day)));
        QCOMPARE(it->kind, i.delta > 0 ? AnomalyKind::Spike : AnomalyKind::Drop);
        QCOMPARE(it->observed, y[i.day]);
        // The robust fit ignores the outlier, so the expected value is near the clean value (noise sd 1.5).
        QVERIFY2(std::fabs(it->expected - clean[i.day]) < 5.0, qPrintable(QString::number(it->expected)));
        QVERIFY(std::fabs(it->size - i.delta) < 5.0);
        QVERIFY(std::fabs(it->score) > 4.5);
        QVERIFY(r->decomposition.weights[i.day] < 0.2);
    }
}

void TestAnomalies::decompositionRecoversComponents()
{
    const Eigen::VectorXd y = dailySeries(21);
    const auto stl = stlDecompose(y);
    QVERIFY(stl.has_value());
    QVERIFY(((stl->seasonal + stl->trend + stl->remainder) - y).cwiseAbs().maxCoeff() < 1e-9);
    // Weekly shape recovered (mid-year, away from the ends): Saturday and Sunday lowest, Tuesday highest.
    static constexpr double weekly[7] = {0.0, 5.0, 8.0, 6.0, 3.0, -10.0, -12.0};
    const double mean = 0.0 / 7.0 + (5 + 8 + 6 + 3 - 10 - 12) / 7.0;
    for (int t = 140; t < 147; ++t)
        QVERIFY2(std::fabs(stl->seasonal[t] - (weekly[t % 7] - mean)) < 1.5,
                 qPrintable(QString::number(stl->seasonal[t])));
    QVERIFY(std::sqrt(stl->remainder.squaredNorm() / y.size()) < 1.6); // about the noise sd
}

void TestAnomalies::gapsAreNeverFlagged()
{
    Eigen::VectorXd y = dailySeries(31, 364, false);
    for (int t = 180; t < 186; ++t)
        y[t] = std::nan("");
    y[0] = std::nan(""); // a gap at the very start
    y[200] -= 16.0;
    const auto r = detectAnomalies(y);
    QVERIFY(r.has_value());
    QCOMPARE(r->anomalies.size(), std::size_t{1});
    QCOMPARE(r->anomalies[0].index, std::size_t{200});
    QCOMPARE(r->anomalies[0].kind, AnomalyKind::Drop);
    QVERIFY(std::isnan(r->decomposition.remainder[182]));
    QVERIFY(std::isfinite(r->decomposition.trend[182]) && std::isfinite(r->decomposition.seasonal[0]));
}

void TestAnomalies::invalidInput()
{
    QCOMPARE(detectAnomalies(Eigen::VectorXd::Ones(13)).error().code, herald::ErrorCode::Invalid); // < 2 weeks
    Eigen::VectorXd y = dailySeries(1, 30);
    y[4] = std::numeric_limits<double>::infinity();
    QVERIFY(!detectAnomalies(y).has_value());
    QVERIFY(!detectAnomalies(Eigen::VectorXd::Constant(30, std::nan(""))).has_value());
    StlOptions even;
    even.seasonalWindow = 8;
    QVERIFY(!stlDecompose(dailySeries(1, 30), even).has_value());
    AnomalyOptions zero;
    zero.threshold = 0.0;
    QVERIFY(!detectAnomalies(dailySeries(1, 30), zero).has_value());
    // A perfectly regular series decomposes exactly and flags nothing.
    Eigen::VectorXd regular(56);
    for (int t = 0; t < 56; ++t)
        regular[t] = 10.0 + (t % 7 == 5 ? -3.0 : 1.0);
    const auto r = detectAnomalies(regular);
    QVERIFY(r.has_value());
    QVERIFY(r->anomalies.empty());
}

QTEST_APPLESS_MAIN(TestAnomalies)
#include "tst_anomalies.moc"
