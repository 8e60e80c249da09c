#include <cmath>
#include <limits>

#include <QObject>
#include <QTest>

#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/Ets.h"

#include "ForecastTestData.h"

using namespace herald::engine;
namespace tf = herald::test::forecast;

Q_DECLARE_METATYPE(Eigen::VectorXd)
Q_DECLARE_METATYPE(EtsSpec)

namespace {

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(b), 1e-12);
}

} // namespace

class TestEts : public QObject
{
    Q_OBJECT

private slots:
    void selectsRModel_data();
    void selectsRModel();
    void holdoutMatchesR_data();
    void holdoutMatchesR();
    void fixedModelsMatchR_data();
    void fixedModelsMatchR();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void constantSeries();
    void cancels();
};

void TestEts::selectsRModel_data()
{
    QTest::addColumn<QString>("series");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

// The AICc selection over the ETS family picks R's model with R's AICc (never worse), R's smoothing
// parameters to 1e-3, and R's 12-step forecasts and analytic 80%/95% intervals to 1e-3 relative.
void TestEts::selectsRModel()
{
    QFETCH(QString, series);
    const QJsonObject expected =
        tf::loadJson(QStringLiteral("forecast_full.json"))[series].toObject()[QStringLiteral("ets")].toObject();
    const Eigen::VectorXd y = tf::loadSeries(series);
    EtsOptions options;
    options.period = 12;
    const auto result = fitEts(y, options);
    QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
    const EtsModel& model = result->model;
    QCOMPARE(QString::fromStdString(model.label()), expected[QStringLiteral("method")].toString());
    const double rAicc = expected[QStringLiteral("aicc")].toDouble();
    QVERIFY2(model.aicc <= rAicc + 1e-6 * std::abs(rAicc),
             qPrintable(QStringLiteral("AICc %1 vs R %2").arg(model.aicc, 0, 'g', 12).arg(rAicc, 0, 'g', 12)));
    QVERIFY(close(model.aicc, rAicc, 1e-6));
    QVERIFY(close(model.loglik, expected[QStringLiteral("loglik")].toDouble(), 1e-6));
    QVERIFY(close(model.sigma2, expected[QStringLiteral("sigma2")].toDouble(), 1e-4));
    const QJsonObject par = expected[QStringLiteral("par")].toObject();
    QVERIFY(std::abs(model.alpha - par[QStringLiteral("alpha")].toDouble()) <= 1e-3);
    if (par.contains(QStringLiteral("beta")))
        QVERIFY(std::abs(model.beta - par[QStringLiteral("beta")].toDouble()) <= 1e-3);
    if (par.contains(QStringLiteral("phi")))
        QVERIFY(std::abs(model.phi - par[QStringLiteral("phi")].toDouble()) <= 1e-3);
    QVERIFY(close(model.initialState[0], par[QStringLiteral("l")].toDouble(), 1e-3));
    for (const EtsModel& other : result->fitted)
        QVERIFY(other.aicc >= model.aicc);

    const auto fc = forecastEts(model, 12);
    QVERIFY(fc.has_value());
    const QJsonObject rf = expected[QStringLiteral("forecast")].toObject();
    const std::pair<const char*, const std::vector<double>*> parts[] = {{"mean", &fc->mean},
                                                                        {"lower_80", &fc->lower80},
                                                                        {"upper_80", &fc->upper80},
                                                                        {"lower_95", &fc->lower95},
                                                                        {"upper_95", &fc->upper95}};
    for (const auto& [key, values] : parts) {
        const double diff = tf::maxRelativeDifference(*values, tf::toVector(rf[QString::fromLatin1(key)]));
        QVERIFY2(diff <= 1e-3, qPrintable(QStringLiteral("%1 differs by %2").arg(QString::fromLatin1(key)).arg(diff)));
    }
    // Intervals nest and widen with the horizon: in absolute terms for additive errors, relative to the
    // forecast for multiplicative ones (whose width follows the seasonal factor).
    const bool relative = model.spec.error == EtsError::Multiplicative;
    auto width = [&](int h) { return (fc->upper95[h] - fc->lower95[h]) / (relative ? fc->mean[h] : 1.0); };
    for (int h = 0; h < 12; ++h) {
        QVERIFY(fc->lower95[h] < fc->lower80[h] && fc->lower80[h] < fc->mean[h]);
        QVERIFY(fc->mean[h] < fc->upper80[h] && fc->upper80[h] < fc->upper95[h]);
        if (h > 0)
            QVERIFY2(width(h) >= width(h - 1), qPrintable(QStringLiteral("step %1").arg(h + 1)));
    }
}

void TestEts::holdoutMatchesR_data()
{
    selectsRModel_data();
}

// Fitted on all but the last 12 observations: R's model, R's forecasts, and a holdout MASE within 5% of R's.
void TestEts::holdoutMatchesR()
{
    QFETCH(QString, series);
    const QJsonObject expected =
        tf::loadJson(QStringLiteral("holdout_accuracy.json"))[series].toObject()[QStringLiteral("ets")].toObject();
    const auto result = evaluateHoldout(tf::loadSeries(series), HoldoutOptions{HoldoutMethod::Ets, 12, 12});
    QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
    QCOMPARE(QString::fromStdString(result->model), expected[QStringLiteral("fitted_model")].toString());
    const double diff =
        tf::maxRelativeDifference(result->forecast.mean, tf::toVector(expected[QStringLiteral("forecast")]));
    QVERIFY2(diff <= 1e-3, qPrintable(QStringLiteral("forecast differs by %1").arg(diff)));
    const double rMase = expected[QStringLiteral("MASE")].toDouble();
    QVERIFY2(result->accuracy.mase <= 1.05 * rMase,
             qPrintable(QStringLiteral("MASE %1 vs R %2").arg(result->accuracy.mase).arg(rMase)));
    QVERIFY(close(result->accuracy.smape, expected[QStringLiteral("sMAPE")].toDouble(), 1e-3));
}

void TestEts::fixedModelsMatchR_data()
{
    QTest::addColumn<EtsSpec>("spec");
    QTest::addColumn<double>("aicc");
    QTest::addColumn<double>("firstForecast");
    QTest::addColumn<double>("upper95At12");
    // ets(AirPassengers, model, damped) and forecast(fit, h = 12) with R 4.2.2, forecast 8.20.
    QTest::newRow("Holt-Winters additive ETS(A,A,A)")
        << EtsSpec{EtsError::Additive, EtsTrend::Additive, EtsSeason::Additive} << 1570.7288378805 << 437.2862726415
        << 570.8769408836;
    QTest::newRow("Holt-Winters multiplicative ETS(M,A,M)")
        << EtsSpec{EtsError::Multiplicative, EtsTrend::Additive, EtsSeason::Multiplicative} << 1403.6643809728
        << 448.9737671674 << 530.9407680130;
    QTest::newRow("damped trend ETS(A,Ad,N)") << EtsSpec{EtsError::Additive, EtsTrend::AdditiveDamped, EtsSeason::None}
                                              << 1740.2052748208 << 432.1065718398 << 665.2814116917;
    QTest::newRow("simple exponential smoothing ETS(M,N,N)")
        << EtsSpec{EtsError::Multiplicative, EtsTrend::None, EtsSeason::None} << 1674.0716897636 << 431.9957918789
        << 761.3323386524;
}

void TestEts::fixedModelsMatchR()
{
    QFETCH(EtsSpec, spec);
    QFETCH(double, aicc);
    QFETCH(double, firstForecast);
    QFETCH(double, upper95At12);
    EtsOptions options;
    options.period = 12;
    options.model = spec;
    const auto result = fitEts(tf::loadSeries(QStringLiteral("AirPassengers")), options);
    QVERIFY(result.has_value());
    QCOMPARE(result->fitted.size(), std::size_t(1));
    QVERIFY2(close(result->model.aicc, aicc, 1e-6), qPrintable(QString::number(result->model.aicc, 'g', 12)));
    const auto fc = forecastEts(result->model, 12);
    QVERIFY(fc.has_value());
    QVERIFY(close(fc->mean[0], firstForecast, 1e-4));
    QVERIFY(close(fc->upper95[11], upper95At12, 1e-4));
}

void TestEts::rejectsInvalidInput_data()
{
    QTest::addColumn<Eigen::VectorXd>("series");
    QTest::addColumn<int>("period");
    QTest::addColumn<bool>("multiplicative");
    Eigen::VectorXd withNan = tf::loadSeries(QStringLiteral("ldeaths"));
    withNan(5) = std::numeric_limits<double>::quiet_NaN();
    Eigen::VectorXd withZero = tf::loadSeries(QStringLiteral("ldeaths"));
    withZero(5) = 0.0;
    QTest::newRow("empty") << Eigen::VectorXd() << 12 << false;
    QTest::newRow("nan") << withNan << 12 << false;
    QTest::newRow("too short") << Eigen::VectorXd(Eigen::VectorXd::LinSpaced(6, 1.0, 6.0)) << 1 << false;
    QTest::newRow("period 0") << Eigen::VectorXd(tf::loadSeries(QStringLiteral("ldeaths"))) << 0 << false;
    QTest::newRow("multiplicative on zero") << withZero << 12 << true;
    QTest::newRow("season longer than the series")
        << Eigen::VectorXd(tf::loadSeries(QStringLiteral("ldeaths")).head(10)) << 12 << true;
}

void TestEts::rejectsInvalidInput()
{
    QFETCH(Eigen::VectorXd, series);
    QFETCH(int, period);
    QFETCH(bool, multiplicative);
    EtsOptions options;
    options.period = period;
    if (multiplicative)
        options.model = EtsSpec{EtsError::Multiplicative, EtsTrend::None, EtsSeason::Multiplicative};
    const auto result = fitEts(series, options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Invalid);
}

void TestEts::constantSeries()
{
    const auto result = fitEts(Eigen::VectorXd::Constant(40, 7.5), EtsOptions{});
    QVERIFY(result.has_value());
    QCOMPARE(QString::fromStdString(result->model.label()), QStringLiteral("ETS(A,N,N)"));
    const auto fc = forecastEts(result->model, 6);
    QVERIFY(fc.has_value());
    for (int h = 0; h < 6; ++h) {
        QCOMPARE(fc->mean[h], 7.5);
        QCOMPARE(fc->upper95[h], 7.5);
    }
}

void TestEts::cancels()
{
    EtsOptions options;
    options.period = 12;
    int calls = 0;
    const auto result =
        fitEts(tf::loadSeries(QStringLiteral("co2")), options, [&calls](double) { return ++calls < 3; });
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Cancelled);
}

QTEST_APPLESS_MAIN(TestEts)
#include "tst_ets.moc"
