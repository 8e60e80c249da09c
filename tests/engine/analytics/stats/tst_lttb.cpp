// Largest-Triangle-Three-Buckets downsampling: shape of the output and the points it must keep.
#include <cmath>
#include <random>

#include <QTest>

#include "herald/engine/analytics/Lttb.h"

using namespace herald::engine;

class TestLttb : public QObject
{
    Q_OBJECT

private slots:
    void sizeAndEnds_data();
    void sizeAndEnds();
    void keepsSpikes();
    void keepsEveryPointBelowThreshold();
    void straightLineKeepsFirstOfEachBucket();
    void invalidInput();
};

void TestLttb::sizeAndEnds_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("threshold");
    QTest::newRow("1000 to 100") << 1000 << 100;
    QTest::newRow("1000 to 3") << 1000 << 3;
    QTest::newRow("1000 to 999") << 1000 << 999;
    QTest::newRow("uneven buckets") << 1237 << 97;
    QTest::newRow("100k to 2000") << 100000 << 2000;
}

void TestLttb::sizeAndEnds()
{
    QFETCH(int, n);
    QFETCH(int, threshold);
    std::mt19937_64 rng(5);
    std::normal_distribution<double> noise;
    Eigen::VectorXd x(n);
    Eigen::VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x[i] = i * 0.5 + (i % 7 == 0 ? 0.0 : 0.1); // monotone with repeats of spacing
        y[i] = std::sin(i * 0.01) + 0.1 * noise(rng);
    }
    const auto r = lttbIndices(x, y, static_cast<std::size_t>(threshold));
    QVERIFY(r.has_value());
    QCOMPARE(r->size(), static_cast<std::size_t>(threshold));
    QCOMPARE(r->front(), std::size_t{0});
    QCOMPARE(r->back(), static_cast<std::size_t>(n - 1));
    for (std::size_t i = 1; i < r->size(); ++i)
        QVERIFY((*r)[i] > (*r)[i - 1]); // strictly increasing indices, so x stays monotone
    const auto points = lttb(x, y, static_cast<std::size_t>(threshold));
    QCOMPARE(points->x.size(), r->size());
    const std::size_t mid = r->size() / 2;
    QCOMPARE(points->y[mid], y[static_cast<Eigen::Index>((*r)[mid])]);
}

void TestLttb::keepsSpikes()
{
    // A flat series with one spike up and one spike down: both extremes must survive 10,000 -> 50.
    const int n = 10000;
    Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(n, 0.0, n - 1.0);
    Eigen::VectorXd y = Eigen::VectorXd::Zero(n);
    for (int i = 0; i < n; ++i)
        y[i] = 0.01 * std::sin(i * 0.3);
    y[3333] = 50.0;
    y[7777] = -40.0;
    const auto r = lttbIndices(x, y, 50);
    QVERIFY(r.has_value());
    QVERIFY(std::find(r->begin(), r->end(), std::size_t{3333}) != r->end());
    QVERIFY(std::find(r->begin(), r->end(), std::size_t{7777}) != r->end());
}

void TestLttb::keepsEveryPointBelowThreshold()
{
    const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(10, 0.0, 9.0);
    const Eigen::VectorXd y = x.array().square();
    const auto r = lttbIndices(x, y, 10);
    QCOMPARE(r->size(), std::size_t{10});
    QCOMPARE(lttbIndices(x, y, 1000)->size(), std::size_t{10});
    QCOMPARE(lttbIndices(x.head(1), y.head(1), 3)->size(), std::size_t{1});
}

void TestLttb::straightLineKeepsFirstOfEachBucket()
{
    // On a straight line every triangle has area 0; ties keep the first point of the bucket.
    const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(102, 0.0, 101.0);
    const auto r = lttbIndices(x, 2.0 * x, 12); // 100 interior points, 10 buckets of 10
    QVERIFY(r.has_value());
    for (std::size_t b = 0; b < 10; ++b)
        QCOMPARE((*r)[b + 1], 1 + 10 * b);
}

void TestLttb::invalidInput()
{
    const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(10, 0.0, 9.0);
    QCOMPARE(lttbIndices(x, x.head(9), 5).error().code, herald::ErrorCode::Invalid);
    QVERIFY(!lttbIndices(x, x, 2).has_value());
    QVERIFY(!lttbIndices(Eigen::VectorXd(), Eigen::VectorXd(), 5).has_value());
    Eigen::VectorXd bad = x;
    bad[4] = std::nan("");
    QVERIFY(!lttbIndices(x, bad, 5).has_value());
    bad = x;
    bad[4] = 1.0; // x goes backwards
    QVERIFY(!lttbIndices(bad, x, 5).has_value());
}

QTEST_APPLESS_MAIN(TestLttb)
#include "tst_lttb.moc"
