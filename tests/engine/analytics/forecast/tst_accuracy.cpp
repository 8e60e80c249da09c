#include <cmath>
#include <limits>
#include <random>

#include <QObject>
#include <QTest>

#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/SeasonalNaive.h"

#include "ForecastTestData.h"

using namespace herald::engine;
namespace tf = herald::test::forecast;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(b), 1e-12);
}

Eigen::VectorXd toEigen(const std::vector<double>& v)
{
    return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// A daily engagement-like series: weekly cycle, slow growth and seeded noise.
Eigen::VectorXd dailyEngagement(int days)
{
    std::mt19937_64 rng(20240101);
    std::normal_distribution<double> noise(0.0, 4.0);
    Eigen::VectorXd y(days);
    for (int t = 0; t < days; ++t)
        y(t) = 200.0 + 0.3 * t + 25.0 * std::sin(2.0 * 3.141592653589793 * t / 7.0) + noise(rng);
    return y;
}

} // namespace

class TestAccuracy : public QObject
{
    Q_OBJECT

private slots:
    void seasonalNaiveMatchesR_data();
    void seasonalNaiveMatchesR();
    void accuracyMatchesR_data();
    void accuracyMatchesR();
    void seasonalNaiveIntervals();
    void fillsGaps();
    void dailySeriesWithMissingDays();
    void holdoutOnDailySeriesWithGaps();
    void rejectsInvalidInput();
};

void TestAccuracy::seasonalNaiveMatchesR_data()
{
    QTest::addColumn<QString>("series");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

// snaive on the training part: R's forecasts exactly, and R's holdout MASE and sMAPE to 1e-9.
void TestAccuracy::seasonalNaiveMatchesR()
{
    QFETCH(QString, series);
    const QJsonObject expected =
        tf::loadJson(QStringLiteral("holdout_accuracy.json"))[series].toObject()[QStringLiteral("snaive")].toObject();
    const auto result = evaluateHoldout(tf::loadSeries(series), HoldoutOptions{HoldoutMethod::SeasonalNaive, 12, 12});
    QVERIFY(result.has_value());
    QCOMPARE(result->forecast.mean, tf::toVector(expected[QStringLiteral("forecast")]));
    QVERIFY(close(result->accuracy.mase, expected[QStringLiteral("MASE")].toDouble(), 1e-9));
    QVERIFY(close(result->accuracy.smape, expected[QStringLiteral("sMAPE")].toDouble(), 1e-9));
}

void TestAccuracy::accuracyMatchesR_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<QString>("model");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        for (const char* m : {"auto_arima", "ets", "snaive"})
            QTest::newRow((std::string(s) + "/" + m).c_str()) << QString::fromLatin1(s) << QString::fromLatin1(m);
}

// R's own forecasts scored by forecastAccuracy give forecast::accuracy's test-set MASE, RMSE, MAE, MAPE and the
// peer script's sMAPE.
void TestAccuracy::accuracyMatchesR()
{
    QFETCH(QString, series);
    QFETCH(QString, model);
    const QJsonObject holdout = tf::loadJson(QStringLiteral("holdout_accuracy.json"))[series].toObject();
    const QJsonObject expected = holdout[model].toObject();
    const Eigen::VectorXd y = tf::loadSeries(series);
    const int trainN = holdout[QStringLiteral("train_n")].toInt();
    const auto a = forecastAccuracy(y.head(trainN), toEigen(tf::toVector(holdout[QStringLiteral("test")])),
                                    toEigen(tf::toVector(expected[QStringLiteral("forecast")])), 12);
    QVERIFY(a.has_value());
    QVERIFY(close(a->mase, expected[QStringLiteral("MASE_forecast_accuracy")].toDouble(), 1e-9));
    QVERIFY(close(a->rmse, expected[QStringLiteral("RMSE")].toDouble(), 1e-9));
    QVERIFY(close(a->mae, expected[QStringLiteral("MAE")].toDouble(), 1e-9));
    QVERIFY(close(a->mape, expected[QStringLiteral("MAPE")].toDouble(), 1e-9));
    QVERIFY(close(a->smape, expected[QStringLiteral("sMAPE")].toDouble(), 1e-9));
}

// Seasonal naive intervals are constant within a season and widen by sqrt(k) in the k-th season.
void TestAccuracy::seasonalNaiveIntervals()
{
    const Eigen::VectorXd y = tf::loadSeries(QStringLiteral("USAccDeaths"));
    const auto model = seasonalNaive(y, SeasonalNaiveOptions{12, 36});
    QVERIFY(model.has_value());
    const Forecast& f = model->forecast;
    const Eigen::VectorXd d = y.tail(60) - y.head(60);
    QVERIFY(close(model->sigma2, d.squaredNorm() / 60.0, 1e-12));
    auto width = [&f](int h) { return f.upper95[h] - f.lower95[h]; };
    for (int h = 0; h < 36; ++h) {
        QCOMPARE(f.mean[h], y(60 + h % 12));
        QVERIFY(f.lower95[h] < f.lower80[h] && f.upper80[h] < f.upper95[h]);
        QVERIFY(close(width(h), width(0) * std::sqrt(h / 12 + 1.0), 1e-12));
    }
}

void TestAccuracy::fillsGaps()
{
    Eigen::VectorXd x(8);
    x << kNan, 2.0, kNan, kNan, 8.0, 9.0, kNan, kNan;
    const auto filled = fillGaps(x);
    QVERIFY(filled.has_value());
    Eigen::VectorXd expected(8);
    expected << 2.0, 2.0, 4.0, 6.0, 8.0, 9.0, 9.0, 9.0;
    QVERIFY(filled->values.isApprox(expected));
    QCOMPARE(filled->filled, (std::vector<Eigen::Index>{0, 2, 3, 6, 7}));
    QVERIFY(!fillGaps(Eigen::VectorXd::Constant(3, kNan)).has_value());
    QVERIFY(!fillGaps(Eigen::VectorXd()).has_value());
    Eigen::VectorXd withInf = expected;
    withInf(3) = std::numeric_limits<double>::infinity();
    QVERIFY(!fillGaps(withInf).has_value());
}

void TestAccuracy::dailySeriesWithMissingDays()
{
    const auto s = dailySeries({19000, 19001, 19004, 19005}, {10.0, 12.0, 18.0, 20.0});
    QVERIFY(s.has_value());
    QCOMPARE(s->firstDay, std::int64_t(19000));
    QCOMPARE(s->values.size(), Eigen::Index(6));
    QCOMPARE(s->values(2), 14.0);
    QCOMPARE(s->values(3), 16.0);
    QCOMPARE(s->filled, (std::vector<Eigen::Index>{2, 3}));
    QVERIFY(!dailySeries({3, 2}, {1.0, 2.0}).has_value());
    QVERIFY(!dailySeries({1, 2}, {1.0}).has_value());
}

// Missing days are interpolated before fitting and reported; the weekly ARIMA still beats the seasonal naive.
void TestAccuracy::holdoutOnDailySeriesWithGaps()
{
    Eigen::VectorXd y = dailyEngagement(140);
    const Eigen::VectorXd complete = y;
    for (int t : {10, 11, 50, 90})
        y(t) = kNan;
    const auto arima = evaluateHoldout(y, HoldoutOptions{HoldoutMethod::AutoArima, 7, 14});
    QVERIFY2(arima.has_value(), arima ? "" : arima.error().detail.c_str());
    QCOMPARE(arima->filled, (std::vector<Eigen::Index>{10, 11, 50, 90}));
    QVERIFY(arima->actual.isApprox(complete.tail(14)));
    const auto naive = evaluateHoldout(y, HoldoutOptions{HoldoutMethod::SeasonalNaive, 7, 14});
    QVERIFY(naive.has_value());
    QVERIFY2(arima->accuracy.mase < naive->accuracy.mase,
             qPrintable(QStringLiteral("%1 vs %2").arg(arima->accuracy.mase).arg(naive->accuracy.mase)));
}

void TestAccuracy::rejectsInvalidInput()
{
    const Eigen::VectorXd y = tf::loadSeries(QStringLiteral("ldeaths"));
    QVERIFY(!forecastAccuracy(y, y.head(3), y.head(4), 12).has_value());
    QVERIFY(!forecastAccuracy(y.head(12), y.head(3), y.head(3), 12).has_value());
    QVERIFY(!forecastAccuracy(Eigen::VectorXd::Ones(30), y.head(3), y.head(3), 12).has_value()); // zero scale
    QVERIFY(!seasonalNaive(y.head(12), SeasonalNaiveOptions{12, 12}).has_value());
    QVERIFY(!seasonalNaive(y, SeasonalNaiveOptions{0, 12}).has_value());
    QVERIFY(!seasonalNaive(Eigen::VectorXd(), SeasonalNaiveOptions{12, 12}).has_value());
    QVERIFY(!evaluateHoldout(y, HoldoutOptions{HoldoutMethod::SeasonalNaive, 12, 72}).has_value());
    const auto error = seasonalNaive(y.head(12), SeasonalNaiveOptions{12, 12}).error();
    QCOMPARE(error.code, herald::ErrorCode::Invalid);
}

QTEST_APPLESS_MAIN(TestAccuracy)
#include "tst_accuracy.moc"
