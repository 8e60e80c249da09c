#include <cmath>
#include <limits>

#include <QObject>
#include <QTest>

#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/AutoArima.h"

#include "ForecastTestData.h"

using namespace herald::engine;
namespace tf = herald::test::forecast;

Q_DECLARE_METATYPE(Eigen::VectorXd)

class TestAutoArima : public QObject
{
    Q_OBJECT

private slots:
    void choosesROrder_data();
    void choosesROrder();
    void holdoutMatchesR_data();
    void holdoutMatchesR();
    void differencingTestsMatchR_data();
    void differencingTestsMatchR();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void constantSeries();
    void exactSeasonalPatternWithTrend();
    void cancels();
};

void TestAutoArima::choosesROrder_data()
{
    QTest::addColumn<QString>("series");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

// The stepwise search picks R's model on every shared series (co2 through the CSS approximation and its ML
// refit), with R's AICc to 1e-5 relative; the chosen model is the best of the candidates it fitted.
void TestAutoArima::choosesROrder()
{
    QFETCH(QString, series);
    const QJsonObject expected =
        tf::loadJson(QStringLiteral("forecast_full.json"))[series].toObject()[QStringLiteral("auto_arima")].toObject();
    const Eigen::VectorXd y = tf::loadSeries(series);
    AutoArimaOptions options;
    options.period = 12;
    const auto result = autoArima(y, options);
    QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
    QCOMPARE(QString::fromStdString(result->model.label()), expected[QStringLiteral("label")].toString());
    QCOMPARE(result->approximationUsed, expected[QStringLiteral("approximation_used")].toBool());
    const double rAicc = expected[QStringLiteral("aicc")].toDouble();
    QVERIFY2(std::abs(result->model.aicc - rAicc) <= 1e-5 * std::abs(rAicc),
             qPrintable(QStringLiteral("AICc %1 vs R %2").arg(result->model.aicc, 0, 'g', 12).arg(rAicc, 0, 'g', 12)));
    QVERIFY(result->candidates.size() >= 5);
    if (!result->approximationUsed) {
        for (const ArimaCandidate& c : result->candidates)
            QVERIFY(c.criterion >= result->model.aicc - 1e-9);
    }
    const auto fc = forecastArima(result->model, 12);
    QVERIFY(fc.has_value());
    const double diff = tf::maxRelativeDifference(
        fc->mean, tf::toVector(expected[QStringLiteral("forecast")].toObject()[QStringLiteral("mean")]));
    QVERIFY2(diff <= 1e-3, qPrintable(QStringLiteral("forecast differs by %1").arg(diff)));
}

void TestAutoArima::holdoutMatchesR_data()
{
    choosesROrder_data();
}

// On the training part the search picks R's holdout model, and its holdout MASE is within 5% of R's.
void TestAutoArima::holdoutMatchesR()
{
    QFETCH(QString, series);
    const QJsonObject expected = tf::loadJson(QStringLiteral("holdout_accuracy.json"))[series]
                                     .toObject()[QStringLiteral("auto_arima")]
                                     .toObject();
    const Eigen::VectorXd y = tf::loadSeries(series);
    const auto result = evaluateHoldout(y, HoldoutOptions{HoldoutMethod::AutoArima, 12, 12});
    QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
    QCOMPARE(QString::fromStdString(result->model), expected[QStringLiteral("fitted_model")].toString());
    const double rMase = expected[QStringLiteral("MASE")].toDouble();
    QVERIFY2(result->accuracy.mase <= 1.05 * rMase,
             qPrintable(QStringLiteral("MASE %1 vs R %2").arg(result->accuracy.mase).arg(rMase)));
    QVERIFY(std::abs(result->accuracy.mase - rMase) <= 1e-3 * rMase);
    QVERIFY(std::abs(result->accuracy.smape - expected[QStringLiteral("sMAPE")].toDouble()) <=
            1e-3 * expected[QStringLiteral("sMAPE")].toDouble());
    QVERIFY(result->filled.empty());
}

void TestAutoArima::differencingTestsMatchR_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<int>("length");
    QTest::addColumn<double>("strength"); // forecast:::seas.heuristic(x)
    QTest::addColumn<double>("kpss");     // urca::ur.kpss(diff(x, 12), "mu", use.lag = trunc(3 sqrt(n) / 13))
    QTest::addColumn<int>("d");           // ndiffs(diff(x, 12))
    // Computed with R 4.2.2, forecast 8.20, urca 1.3-3 (Debian 12) on the shared series and their training parts.
    QTest::newRow("AirPassengers") << "AirPassengers" << 144 << 0.9406724903 << 0.9704024795 << 1;
    QTest::newRow("AirPassengers train") << "AirPassengers" << 132 << 0.9289982397 << 0.6692200476 << 1;
    QTest::newRow("ldeaths") << "ldeaths" << 72 << 0.8882933228 << 0.0552188200 << 0;
    QTest::newRow("ldeaths train") << "ldeaths" << 60 << 0.8835580640 << 0.0723465646 << 0;
    QTest::newRow("USAccDeaths") << "USAccDeaths" << 72 << 0.9447944649 << 1.7389579904 << 1;
    QTest::newRow("USAccDeaths train") << "USAccDeaths" << 60 << 0.9385656562 << 1.2768916606 << 1;
    QTest::newRow("co2") << "co2" << 468 << 0.9897715912 << 2.2523221346 << 1;
    QTest::newRow("co2 train") << "co2" << 456 << 0.9899935638 << 2.3985864336 << 1;
}

void TestAutoArima::differencingTestsMatchR()
{
    QFETCH(QString, series);
    QFETCH(int, length);
    QFETCH(double, strength);
    QFETCH(double, kpss);
    QFETCH(int, d);
    const Eigen::VectorXd y = tf::loadSeries(series).head(length);
    const auto s = seasonalStrength(y, 12);
    QVERIFY(s.has_value());
    QVERIFY2(std::abs(*s - strength) <= 1e-9, qPrintable(QString::number(*s, 'g', 12)));
    QCOMPARE(*nsdiffs(y, 12), 1);
    const Eigen::VectorXd dy = y.tail(length - 12) - y.head(length - 12);
    QVERIFY2(std::abs(kpssStatistic(dy) - kpss) <= 1e-9 * kpss,
             qPrintable(QString::number(kpssStatistic(dy), 'g', 12)));
    QCOMPARE(*ndiffs(dy), d);
}

void TestAutoArima::rejectsInvalidInput_data()
{
    QTest::addColumn<Eigen::VectorXd>("series");
    QTest::addColumn<int>("period");
    Eigen::VectorXd withNan = tf::loadSeries(QStringLiteral("USAccDeaths"));
    withNan(20) = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("empty") << Eigen::VectorXd() << 12;
    QTest::newRow("nan") << withNan << 12;
    QTest::newRow("period 0") << Eigen::VectorXd(tf::loadSeries(QStringLiteral("USAccDeaths"))) << 0;
}

void TestAutoArima::rejectsInvalidInput()
{
    QFETCH(Eigen::VectorXd, series);
    QFETCH(int, period);
    AutoArimaOptions options;
    options.period = period;
    const auto result = autoArima(series, options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Invalid);
    QVERIFY(!seasonalStrength(Eigen::VectorXd::Ones(20), 12).has_value()); // shorter than two seasons
}

void TestAutoArima::constantSeries()
{
    const auto result = autoArima(Eigen::VectorXd::Constant(30, 4.0), AutoArimaOptions{});
    QVERIFY(result.has_value());
    const auto fc = forecastArima(result->model, 5);
    QVERIFY(fc.has_value());
    for (int h = 0; h < 5; ++h) {
        QCOMPARE(fc->mean[h], 4.0);
        QCOMPARE(fc->lower95[h], 4.0);
    }
}

// A weekly pattern on a straight line has constant seasonal differences: auto.arima's exact drift model, whose
// forecasts continue the pattern with zero-width intervals.
void TestAutoArima::exactSeasonalPatternWithTrend()
{
    const double pattern[7] = {10, 14, 13, 12, 9, 4, 3};
    Eigen::VectorXd y(56);
    for (int t = 0; t < 56; ++t)
        y(t) = pattern[t % 7] + 0.5 * t;
    AutoArimaOptions options;
    options.period = 7;
    const auto result = autoArima(y, options);
    QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
    QCOMPARE(QString::fromStdString(result->model.label()), QStringLiteral("ARIMA(0,0,0)(0,1,0)[7] with drift"));
    const auto fc = forecastArima(result->model, 14);
    QVERIFY(fc.has_value());
    for (int h = 0; h < 14; ++h) {
        QVERIFY(std::abs(fc->mean[h] - (pattern[(56 + h) % 7] + 0.5 * (56 + h))) < 1e-9);
        QVERIFY(std::abs(fc->upper95[h] - fc->lower95[h]) < 1e-9);
    }
}

void TestAutoArima::cancels()
{
    AutoArimaOptions options;
    options.period = 12;
    double last = -1.0;
    bool monotone = true;
    int calls = 0;
    const auto result = autoArima(tf::loadSeries(QStringLiteral("co2")), options, [&](double f) {
        monotone = monotone && f >= last && f <= 1.0;
        last = f;
        return ++calls < 5;
    });
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Cancelled);
    QVERIFY(monotone);
}

QTEST_APPLESS_MAIN(TestAutoArima)
#include "tst_autoarima.moc"
