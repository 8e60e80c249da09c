#include <cmath>
#include <limits>

#include <QObject>
#include <QRegularExpression>
#include <QTest>

#include "herald/engine/analytics/Arima.h"

#include "ForecastTestData.h"

Q_DECLARE_METATYPE(Eigen::VectorXd)

using namespace herald::engine;
namespace tf = herald::test::forecast;

namespace {

struct ParsedLabel
{
    ArimaOrder order;
    bool drift = false;
    bool mean = false;
};

// "ARIMA(0,0,2)(2,1,0)[12] with drift" -> orders and constant, as forecast:::arima.string writes them.
ParsedLabel parseLabel(const QString& label)
{
    static const QRegularExpression re(
        QStringLiteral(R"(ARIMA\((\d+),(\d+),(\d+)\)(?:\((\d+),(\d+),(\d+)\)\[(\d+)\])?(.*))"));
    const QRegularExpressionMatch m = re.match(label);
    ParsedLabel out;
    out.order.p = m.captured(1).toInt();
    out.order.d = m.captured(2).toInt();
    out.order.q = m.captured(3).toInt();
    if (!m.captured(7).isEmpty()) {
        out.order.seasonalP = m.captured(4).toInt();
        out.order.seasonalD = m.captured(5).toInt();
        out.order.seasonalQ = m.captured(6).toInt();
        out.order.period = m.captured(7).toInt();
    }
    out.drift = m.captured(8).contains(QStringLiteral("drift"));
    out.mean = m.captured(8).contains(QStringLiteral("non-zero"));
    return out;
}

std::vector<double> coefficientsInROrder(const ArimaModel& m)
{
    std::vector<double> c;
    c.insert(c.end(), m.ar.begin(), m.ar.end());
    c.insert(c.end(), m.ma.begin(), m.ma.end());
    c.insert(c.end(), m.seasonalAr.begin(), m.seasonalAr.end());
    c.insert(c.end(), m.seasonalMa.begin(), m.seasonalMa.end());
    if (m.hasMean)
        c.push_back(m.mean);
    if (m.hasDrift)
        c.push_back(m.drift);
    return c;
}

herald::Result<ArimaModel> fitLabel(const Eigen::VectorXd& y, const QString& label)
{
    const ParsedLabel parsed = parseLabel(label);
    ArimaOptions options;
    options.order = parsed.order;
    options.includeDrift = parsed.drift;
    options.includeMean = parsed.mean || parsed.order.d + parsed.order.seasonalD > 0;
    return fitArima(y, options);
}

} // namespace

class TestArima : public QObject
{
    Q_OBJECT

private slots:
    void matchesRForFixedOrder_data();
    void matchesRForFixedOrder();
    void holdoutForecastMatchesR_data();
    void holdoutForecastMatchesR();
    void intervalInvariants();
    void rejectsInvalidInput_data();
    void rejectsInvalidInput();
    void cancels();
};

void TestArima::matchesRForFixedOrder_data()
{
    QTest::addColumn<QString>("series");
    QTest::addColumn<QString>("fit");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        for (const char* f : {"auto_arima", "auto_arima_exhaustive"})
            QTest::newRow((std::string(s) + "/" + f).c_str()) << QString::fromLatin1(s) << QString::fromLatin1(f);
}

// The model R chose, fitted again at the same order: coefficients, AICc and the 12-step forecasts with their
// 80% and 95% intervals agree with R forecast 8.20 to 1e-3 relative.
void TestArima::matchesRForFixedOrder()
{
    QFETCH(QString, series);
    QFETCH(QString, fit);
    const QJsonObject expected = tf::loadJson(QStringLiteral("forecast_full.json"))[series].toObject()[fit].toObject();
    QVERIFY(!expected.isEmpty());
    const Eigen::VectorXd y = tf::loadSeries(series);
    const auto model = fitLabel(y, expected[QStringLiteral("label")].toString());
    QVERIFY2(model.has_value(), model ? "" : model.error().detail.c_str());
    QCOMPARE(QString::fromStdString(model->label()), expected[QStringLiteral("label")].toString());

    std::vector<double> rCoef;
    const QJsonObject coefObject = expected[QStringLiteral("coef")].toObject();
    // QJsonObject sorts keys; rebuild R's order (ar, ma, sar, sma, intercept/drift) by name.
    for (const char* prefix : {"ar", "ma", "sar", "sma"})
        for (int i = 1; i <= 5; ++i) {
            const QString key = QString::fromLatin1(prefix) + QString::number(i);
            if (coefObject.contains(key))
                rCoef.push_back(coefObject[key].toDouble());
        }
    for (const char* key : {"intercept", "drift"})
        if (coefObject.contains(QString::fromLatin1(key)))
            rCoef.push_back(coefObject[QString::fromLatin1(key)].toDouble());
    const std::vector<double> ours = coefficientsInROrder(*model);
    QCOMPARE(ours.size(), rCoef.size());
    // Coefficients near zero are compared on an absolute scale of 1e-3 of a unit coefficient.
    for (std::size_t i = 0; i < ours.size(); ++i)
        QVERIFY2(std::abs(ours[i] - rCoef[i]) <= 1e-3 * std::max(std::abs(rCoef[i]), 0.1),
                 qPrintable(
                     QStringLiteral("coef %1: %2 vs R %3").arg(i).arg(ours[i], 0, 'g', 10).arg(rCoef[i], 0, 'g', 10)));
    QCOMPARE(model->nobs, expected[QStringLiteral("nobs")].toInt());
    const double rAicc = expected[QStringLiteral("aicc")].toDouble();
    QVERIFY2(std::abs(model->aicc - rAicc) <= 1e-4 * std::abs(rAicc),
             qPrintable(QStringLiteral("AICc %1 vs R %2").arg(model->aicc, 0, 'g', 12).arg(rAicc, 0, 'g', 12)));
    const double rSigma2 = expected[QStringLiteral("sigma2")].toDouble();
    QVERIFY2(std::abs(model->sigma2 - rSigma2) <= 1e-3 * rSigma2,
             qPrintable(QStringLiteral("sigma2 %1 vs R %2").arg(model->sigma2, 0, 'g', 12).arg(rSigma2, 0, 'g', 12)));

    const auto fc = forecastArima(*model, 12);
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
}

void TestArima::holdoutForecastMatchesR_data()
{
    QTest::addColumn<QString>("series");
    for (const char* s : {"AirPassengers", "ldeaths", "USAccDeaths", "co2"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

// On the training part (all but the last 12), R's holdout model refitted at its order forecasts as R did.
void TestArima::holdoutForecastMatchesR()
{
    QFETCH(QString, series);
    const QJsonObject expected = tf::loadJson(QStringLiteral("holdout_accuracy.json"))[series].toObject();
    const Eigen::VectorXd y = tf::loadSeries(series);
    const int trainN = expected[QStringLiteral("train_n")].toInt();
    const QJsonObject aa = expected[QStringLiteral("auto_arima")].toObject();
    const auto model = fitLabel(y.head(trainN), aa[QStringLiteral("fitted_model")].toString());
    QVERIFY(model.has_value());
    const auto fc = forecastArima(*model, 12);
    QVERIFY(fc.has_value());
    const double diff = tf::maxRelativeDifference(fc->mean, tf::toVector(aa[QStringLiteral("forecast")]));
    QVERIFY2(diff <= 1e-3, qPrintable(QStringLiteral("forecast differs by %1").arg(diff)));
}

void TestArima::intervalInvariants()
{
    const Eigen::VectorXd y = tf::loadSeries(QStringLiteral("USAccDeaths"));
    ArimaOptions options;
    options.order = ArimaOrder{1, 1, 1, 0, 1, 1, 12};
    const auto model = fitArima(y, options);
    QVERIFY(model.has_value());
    const auto fc = forecastArima(*model, 36);
    QVERIFY(fc.has_value());
    for (int h = 0; h < 36; ++h) {
        QVERIFY(fc->lower95[h] < fc->lower80[h]);
        QVERIFY(fc->lower80[h] < fc->mean[h]);
        QVERIFY(fc->mean[h] < fc->upper80[h]);
        QVERIFY(fc->upper80[h] < fc->upper95[h]);
        if (h > 0)
            QVERIFY(fc->upper95[h] - fc->lower95[h] > fc->upper95[h - 1] - fc->lower95[h - 1]);
    }
    QVERIFY(!forecastArima(*model, 0).has_value());
}

void TestArima::rejectsInvalidInput_data()
{
    QTest::addColumn<Eigen::VectorXd>("series");
    QTest::addColumn<int>("seasonalD");
    Eigen::VectorXd withNan = tf::loadSeries(QStringLiteral("ldeaths"));
    withNan(10) = std::numeric_limits<double>::quiet_NaN();
    Eigen::VectorXd withInf = tf::loadSeries(QStringLiteral("ldeaths"));
    withInf(3) = std::numeric_limits<double>::infinity();
    QTest::newRow("empty") << Eigen::VectorXd() << 0;
    QTest::newRow("nan") << withNan << 0;
    QTest::newRow("inf") << withInf << 0;
    QTest::newRow("shorter than its season")
        << Eigen::VectorXd(tf::loadSeries(QStringLiteral("ldeaths")).head(10)) << 1;
    QTest::newRow("too short for the parameters")
        << Eigen::VectorXd(tf::loadSeries(QStringLiteral("ldeaths")).head(4)) << 0;
}

void TestArima::rejectsInvalidInput()
{
    QFETCH(Eigen::VectorXd, series);
    QFETCH(int, seasonalD);
    ArimaOptions options;
    options.order = ArimaOrder{1, 0, 1, 0, seasonalD, 0, 12};
    const auto model = fitArima(series, options);
    QVERIFY(!model.has_value());
    QCOMPARE(model.error().code, herald::ErrorCode::Invalid);
    QVERIFY(!model.error().detail.empty());
}

void TestArima::cancels()
{
    const Eigen::VectorXd y = tf::loadSeries(QStringLiteral("co2"));
    ArimaOptions options;
    options.order = ArimaOrder{1, 1, 1, 1, 1, 2, 12};
    int calls = 0;
    const auto model = fitArima(y, options, [&calls](double) { return ++calls < 2; });
    QVERIFY(!model.has_value());
    QCOMPARE(model.error().code, herald::ErrorCode::Cancelled);
}

QTEST_APPLESS_MAIN(TestArima)
#include "tst_arima.moc"
