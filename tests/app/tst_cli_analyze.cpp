#include <cmath>
#include <fstream>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "TestSupport.h"

// heraldctl analyze end to end: each algorithm on the shared reference data, compared with the
// peers' stored answers, and the documented JSON keys.
namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run analyze(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(QStringLiteral(HERALDCTL_PATH), QStringList{QStringLiteral("analyze")} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QString shared(const char* relative)
{
    return QString::fromStdString(herald::test::sharedDataDir()) + QLatin1Char('/') + QLatin1String(relative);
}

QJsonObject expected(const char* relative)
{
    QFile f(shared(relative));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool close(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max(1e-300, std::abs(b));
}

} // namespace

class TestCliAnalyze : public QObject
{
    Q_OBJECT

private slots:
    void abtestMatchesStatsmodels()
    {
        const auto tables = expected("ab_stats/expected/ab_stats.json").value(QStringLiteral("tables")).toArray();
        QVERIFY(tables.size() >= 4);
        for (const auto& t : tables) {
            const auto e = t.toObject();
            const QString a = QStringLiteral("%1/%2").arg(e[QStringLiteral("conv_a")].toInteger()).arg(e[QStringLiteral("n_a")].toInteger());
            const QString b = QStringLiteral("%1/%2").arg(e[QStringLiteral("conv_b")].toInteger()).arg(e[QStringLiteral("n_b")].toInteger());
            auto r = analyze({QStringLiteral("abtest"), QStringLiteral("--a"), a, QStringLiteral("--b"), b});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            const auto json = QJsonDocument::fromJson(r.out).object();
            const double fisher = json[QStringLiteral("fisher")].toObject()[QStringLiteral("p_value")].toDouble();
            QVERIFY2(close(fisher, e[QStringLiteral("fisher_exact_p_two_sided")].toDouble(), 1e-9),
                     qPrintable(e[QStringLiteral("name")].toString()));
            const QJsonValue yates = e[QStringLiteral("chi2_yates")].toObject()[QStringLiteral("p")];
            const QJsonValue ours = json[QStringLiteral("chi2_yates")].toObject()[QStringLiteral("p_value")];
            if (yates.isDouble())
                QVERIFY2(close(ours.toDouble(), yates.toDouble(), 1e-9), qPrintable(e[QStringLiteral("name")].toString()));
            const QJsonValue z = e[QStringLiteral("ztest_pooled")].toObject()[QStringLiteral("p_two_sided")];
            const QJsonValue ourZ = json[QStringLiteral("z_test")].toObject()[QStringLiteral("p_value")];
            QCOMPARE(ourZ.isDouble(), z.isDouble());
            if (z.isDouble())
                QVERIFY2(close(ourZ.toDouble(), z.toDouble(), 1e-9),
                         qPrintable(QStringLiteral("%1: %2 vs %3").arg(e[QStringLiteral("name")].toString())
                                        .arg(ourZ.toDouble(), 0, 'g', 17).arg(z.toDouble(), 0, 'g', 17)));
            QVERIFY(json[QStringLiteral("bayes")].toObject().contains(QStringLiteral("prob_b_beats_a")));
            QVERIFY(json[QStringLiteral("bayes")].toObject().contains(QStringLiteral("expected_loss")));
        }
    }

    void abtestMoreVariants()
    {
        auto r = analyze({QStringLiteral("abtest"), QStringLiteral("--a"), QStringLiteral("100/1000"),
                          QStringLiteral("--b"), QStringLiteral("120/1000"), QStringLiteral("--variant"),
                          QStringLiteral("160/1000")});
        QCOMPARE(r.exitCode, 0);
        const auto best = QJsonDocument::fromJson(r.out).object()[QStringLiteral("variants")].toObject()
                              [QStringLiteral("probability_best")].toArray();
        QCOMPARE(best.size(), 3);
        QVERIFY(std::abs(best[0].toDouble() + best[1].toDouble() + best[2].toDouble() - 1.0) < 1e-9);
        QVERIFY(best[2].toDouble() > 0.95);
    }

    void rulesMatchArules()
    {
        auto r = analyze({QStringLiteral("rules"), QStringLiteral("--input"),
                          shared("assoc_rules/groceries.csv"), QStringLiteral("--support"), QStringLiteral("0.01"),
                          QStringLiteral("--confidence"), QStringLiteral("0.3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("baskets")].toInt(), 9835);
        const auto rules = json[QStringLiteral("rules")].toArray();
        QCOMPARE(rules.size(), 125);
        bool found = false;
        for (const auto& v : rules) {
            const auto rule = v.toObject();
            if (rule[QStringLiteral("rhs")].toArray() == QJsonArray{QStringLiteral("root vegetables")} &&
                rule[QStringLiteral("lhs")].toArray() ==
                    QJsonArray{QStringLiteral("citrus fruit"), QStringLiteral("other vegetables")}) {
                found = true;
                QVERIFY(close(rule[QStringLiteral("support")].toDouble(), 102.0 / 9835.0, 1e-12));
                for (const char* key : {"confidence", "lift", "leverage", "conviction"})
                    QVERIFY(rule.contains(QLatin1String(key)));
            }
        }
        QVERIFY(found);
        auto lifted = analyze({QStringLiteral("rules"), QStringLiteral("--input"),
                               shared("assoc_rules/groceries.csv"), QStringLiteral("--support"),
                               QStringLiteral("0.01"), QStringLiteral("--confidence"), QStringLiteral("0.3"),
                               QStringLiteral("--min-lift"), QStringLiteral("2.5"), QStringLiteral("--format"),
                               QStringLiteral("csv")});
        QCOMPARE(lifted.exitCode, 0);
        const auto lines = lifted.out.trimmed().split('\n');
        QVERIFY(lines.size() > 2 && lines.size() < 126);
        QVERIFY(lines[0].startsWith("lhs,rhs,support,confidence,lift"));
    }

    void logisticMatchesStatsmodels()
    {
        auto r = analyze({QStringLiteral("logistic"), QStringLiteral("--input"), shared("regression/ctr_100k.csv"),
                          QStringLiteral("--target"), QStringLiteral("click"), QStringLiteral("--columns"),
                          QStringLiteral("f0,f1,f2,f3,f4,f5,f6,f7,f8,f9")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        const auto e = expected("regression/expected/logistic.json")[QStringLiteral("statsmodels_logit_mle")].toObject();
        const auto coefficients = json[QStringLiteral("coefficients")].toObject();
        QVERIFY(std::abs(coefficients[QStringLiteral("intercept")].toDouble() - e[QStringLiteral("intercept")].toDouble()) < 1e-6);
        const auto coef = e[QStringLiteral("coef")].toArray();
        for (int i = 0; i < 10; ++i)
            QVERIFY(std::abs(coefficients[QStringLiteral("f%1").arg(i)].toDouble() - coef[i].toDouble()) < 1e-6);
        const auto se = e[QStringLiteral("std_err")].toArray();
        QVERIFY(close(json[QStringLiteral("std_errors")].toObject()[QStringLiteral("f0")].toDouble(), se[1].toDouble(), 1e-6));
        QVERIFY(json[QStringLiteral("log_loss")].toDouble() > 0.1);
    }

    void kmeansOnIris()
    {
        auto r = analyze({QStringLiteral("kmeans"), QStringLiteral("--input"), shared("kmeans/iris.csv"),
                          QStringLiteral("--columns"),
                          QStringLiteral("sepal_length,sepal_width,petal_length,petal_width"), QStringLiteral("--k"),
                          QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        const double peer = expected("kmeans/expected/kmeans_iris.json")[QStringLiteral("inertia")].toDouble();
        // k-means may stop in another equally good optimum; what matters is inertia no worse than sklearn's by 0.5%.
        QVERIFY(json[QStringLiteral("inertia")].toDouble() <= peer * 1.005);
        QCOMPARE(json[QStringLiteral("k")].toInt(), 3);
        QCOMPARE(json[QStringLiteral("centroids")].toArray().size(), 3);
        int total = 0;
        for (const auto& s : json[QStringLiteral("sizes")].toArray())
            total += s.toInt();
        QCOMPARE(total, 150);
        QVERIFY(json[QStringLiteral("silhouette")].toDouble() > 0.5);
    }

    void forecastAirPassengers()
    {
        auto r = analyze({QStringLiteral("forecast"), QStringLiteral("--input"),
                          shared("forecasting/data/AirPassengers.csv"), QStringLiteral("--column"),
                          QStringLiteral("value"), QStringLiteral("--period"), QStringLiteral("12"),
                          QStringLiteral("--method"), QStringLiteral("arima"), QStringLiteral("--holdout"),
                          QStringLiteral("12")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        // R's auto.arima picks ARIMA(2,1,1)(0,1,0)[12] on AirPassengers.
        QCOMPARE(json[QStringLiteral("order")].toArray(), (QJsonArray{2, 1, 1}));
        QCOMPARE(json[QStringLiteral("seasonal_order")].toArray(), (QJsonArray{0, 1, 0, 12}));
        const auto points = json[QStringLiteral("forecast")].toArray();
        QCOMPARE(points.size(), 12);
        for (const auto& v : points) {
            const auto p = v.toObject();
            QVERIFY(p[QStringLiteral("lo95")].toDouble() <= p[QStringLiteral("lo80")].toDouble());
            QVERIFY(p[QStringLiteral("lo80")].toDouble() <= p[QStringLiteral("mean")].toDouble());
            QVERIFY(p[QStringLiteral("mean")].toDouble() <= p[QStringLiteral("hi80")].toDouble());
            QVERIFY(p[QStringLiteral("hi80")].toDouble() <= p[QStringLiteral("hi95")].toDouble());
        }
        QVERIFY(json[QStringLiteral("aicc")].isDouble());
        QVERIFY(json[QStringLiteral("holdout")].toObject()[QStringLiteral("mase")].toDouble() > 0);
        QVERIFY(json[QStringLiteral("holdout")].toObject().contains(QStringLiteral("smape")));
    }

    void forecastMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("auto") << QStringLiteral("auto");
        QTest::newRow("ets") << QStringLiteral("ets");
        QTest::newRow("snaive") << QStringLiteral("snaive");
    }

    void forecastMethods()
    {
        QFETCH(QString, method);
        auto r = analyze({QStringLiteral("forecast"), QStringLiteral("--input"),
                          shared("forecasting/data/USAccDeaths.csv"), QStringLiteral("--period"),
                          QStringLiteral("12"), QStringLiteral("--horizon"), QStringLiteral("6"),
                          QStringLiteral("--method"), method});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("forecast")].toArray().size(), 6);
        QVERIFY(!json[QStringLiteral("model")].toString().isEmpty());
        if (method == QLatin1String("auto"))
            QVERIFY(json.contains(QStringLiteral("comparison")));
    }

    void forecastFillsGaps()
    {
        herald::test::TempFolder dir;
        const auto path = dir.path("gaps.csv");
        {
            std::ofstream out(path);
            out << "day,value\n";
            for (int i = 0; i < 60; ++i)
                out << i << ',' << (i == 20 || i == 21 ? std::string() : std::to_string(100 + (i % 7) * 5 + i)) << '\n';
        }
        auto r = analyze({QStringLiteral("forecast"), QStringLiteral("--input"), QString::fromStdString(path),
                          QStringLiteral("--period"), QStringLiteral("7"), QStringLiteral("--method"),
                          QStringLiteral("snaive"), QStringLiteral("--horizon"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("filled")].toArray(), (QJsonArray{20, 21}));
    }

    void sentimentPerLine()
    {
        auto r = analyze({QStringLiteral("sentiment")},
                         QByteArray("I love this, great work!\nThis is terrible and broken.\n这个功能非常好用\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const char* labels[] = {"positive", "negative", "positive"};
        for (int i = 0; i < 3; ++i) {
            const auto o = QJsonDocument::fromJson(lines[i]).object();
            QCOMPARE(o[QStringLiteral("label")].toString(), QLatin1String(labels[i]));
            QVERIFY(std::abs(o[QStringLiteral("score")].toDouble()) <= 1.0);
        }
    }

    void malformedInputNamesTheLine()
    {
        herald::test::TempFolder dir;
        const auto path = dir.path("bad.csv");
        std::ofstream(path) << "a,b,click\n1,2,0\n3,x,1\n";
        auto r = analyze({QStringLiteral("logistic"), QStringLiteral("--input"), QString::fromStdString(path),
                          QStringLiteral("--target"), QStringLiteral("click")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bad.csv:3")) && r.err.contains(QStringLiteral("\"x\"")), qPrintable(r.err));

        std::ofstream(path) << "a,b\n1,2\n3\n";
        r = analyze({QStringLiteral("kmeans"), QStringLiteral("--input"), QString::fromStdString(path),
                     QStringLiteral("--k"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("bad.csv:3")), qPrintable(r.err));

        std::ofstream(path) << "a,b\n1,2\n3,4\n";
        r = analyze({QStringLiteral("forecast"), QStringLiteral("--input"), QString::fromStdString(path),
                     QStringLiteral("--column"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no column \"nope\"")));

        r = analyze({QStringLiteral("kmeans"), QStringLiteral("--input"), QStringLiteral("/nonexistent.csv"),
                     QStringLiteral("--k"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
    }

    void usage()
    {
        QCOMPARE(analyze({QStringLiteral("nonsense")}).exitCode, 1);
        QCOMPARE(analyze({QStringLiteral("abtest"), QStringLiteral("--a"), QStringLiteral("5")}).exitCode, 1);
        QCOMPARE(analyze({QStringLiteral("--help")}).exitCode, 0);
        for (const char* sub : {"forecast", "kmeans", "rules", "abtest", "logistic", "sentiment"}) {
            auto r = analyze({QLatin1String(sub), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains("Usage: heraldctl analyze " + QByteArray(sub)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "tst_cli_analyze.moc"
