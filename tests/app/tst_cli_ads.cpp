// heraldctl audience export, abtest and import-ads end to end on a demo workspace.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

using namespace herald;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run heraldctl(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(HERALDCTL_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

double scalar(const QString& workspace, const std::string& sql)
{
    auto db = engine::Database::open(workspace.toStdString()).value();
    auto stmt = db.prepare(sql).value();
    if (!stmt->step().value_or(false))
        return -1;
    const double v = stmt->real(0);
    stmt->reset();
    return v;
}

} // namespace

class TestCliAds : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    QString m_demo;

    QString path(const char* name) const { return QString::fromStdString(m_dir.path(name)); }

private slots:
    void initTestCase()
    {
        m_demo = path("demo.herald");
        const auto r = heraldctl({QStringLiteral("demo"), QStringLiteral("--out"), m_demo, QStringLiteral("--days"),
                                  QStringLiteral("120"), QStringLiteral("--audience"), QStringLiteral("1500"),
                                  QStringLiteral("--end-day"), QStringLiteral("2026-06-30"), QStringLiteral("--seed"),
                                  QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Two segments as the audience panel saves them: one with identifiers, one without.
        auto db = engine::Database::open(m_demo.toStdString()).value();
        test::must(
            db.exec("INSERT INTO segments(id, name, created_utc) VALUES (901, 'Reachable', 1), (902, 'Anonymous', 1);"
                    "INSERT INTO segment_members SELECT 901, id FROM audience_members WHERE email <> '' OR phone <> '' "
                    "ORDER BY id LIMIT 60;"
                    "INSERT INTO segment_members SELECT 902, id FROM audience_members WHERE email = '' AND phone = '' "
                    "ORDER BY id LIMIT 25;"
                    "INSERT INTO ad_audiences(id, name, spec_json, created_utc) VALUES "
                    "(900, 'Broken', '{\"countries\":[\"UK\",\"DE\"],\"age_min\":12,\"age_max\":80}', 1);"));
    }

    void usageErrors()
    {
        QCOMPARE(heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                            QStringLiteral("--format"), QStringLiteral("handles")})
                     .exitCode,
                 1);
        QCOMPARE(heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                            QStringLiteral("--segment"), QStringLiteral("Reachable"), QStringLiteral("--format"),
                            QStringLiteral("tiktok"), QStringLiteral("--out"), path("x")})
                     .exitCode,
                 1);
        QCOMPARE(heraldctl({QStringLiteral("abtest"), QStringLiteral("--workspace"), m_demo}).exitCode, 1);
        QCOMPARE(heraldctl({QStringLiteral("import-ads"), QStringLiteral("--workspace"), m_demo}).exitCode, 1);
    }

    void exportsHandles()
    {
        const QString out = path("handles.csv");
        const auto r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"),
                                  m_demo, QStringLiteral("--segment"), QStringLiteral("Reachable"),
                                  QStringLiteral("--format"), QStringLiteral("handles"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> lines = fileBytes(out).trimmed().split('\n');
        QCOMPARE(lines.size(), 61);
        QCOMPARE(lines.front(), QByteArray("handle,display_name,platform"));
    }

    void exportsCustomAudience()
    {
        const QString csv = path("custom.csv");
        auto r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                            QStringLiteral("--segment"), QStringLiteral("Reachable"), QStringLiteral("--format"),
                            QStringLiteral("meta-custom-audience"), QStringLiteral("--out"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QList<QByteArray> lines = fileBytes(csv).trimmed().split('\n');
        QCOMPARE(lines.front(), QByteArray("email,phone"));
        QCOMPARE(lines.size(), 61); // every member of the segment has an email or a phone
        for (int i = 1; i < lines.size(); ++i)
            for (const QByteArray& cell : lines[i].split(','))
                QVERIFY(cell.isEmpty() || (cell.size() == 64 && cell.toLower() == cell));
        // The raw addresses never reach the file.
        QVERIFY(!fileBytes(csv).contains("@"));

        const QString json = path("custom.json");
        r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                       QStringLiteral("--segment"), QStringLiteral("Reachable"), QStringLiteral("--format"),
                       QStringLiteral("meta-custom-audience"), QStringLiteral("--out"), json});
        QCOMPARE(r.exitCode, 0);
        const auto payload = QJsonDocument::fromJson(fileBytes(json)).object()[QStringLiteral("payload")].toObject();
        QCOMPARE(payload[QStringLiteral("schema")].toArray().size(), 2);
        QCOMPARE(payload[QStringLiteral("data")].toArray().size(), 60);
    }

    void noIdentifiersIsADataError()
    {
        const QString out = path("anon.csv");
        const auto r =
            heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                       QStringLiteral("--segment"), QStringLiteral("Anonymous"), QStringLiteral("--format"),
                       QStringLiteral("meta-custom-audience"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no identifiers")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void exportsTargeting()
    {
        const QString meta = path("meta.json");
        auto r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                            QStringLiteral("--segment"), QStringLiteral("Reachable"), QStringLiteral("--format"),
                            QStringLiteral("meta-targeting"), QStringLiteral("--out"), meta});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto spec = QJsonDocument::fromJson(fileBytes(meta)).object();
        QVERIFY(!spec[QStringLiteral("geo_locations")].toObject()[QStringLiteral("countries")].toArray().isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("warning:")));

        const QString linkedIn = path("linkedin.json");
        r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                       QStringLiteral("--segment"), QStringLiteral("Reachable"), QStringLiteral("--format"),
                       QStringLiteral("linkedin"), QStringLiteral("--out"), linkedIn});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QJsonDocument::fromJson(fileBytes(linkedIn)).object().contains(QStringLiteral("targetingCriteria")));

        // The demo's own ad audience exports as it is.
        r = heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                       QStringLiteral("--audience"), QStringLiteral("1"), QStringLiteral("--format"),
                       QStringLiteral("meta-targeting"), QStringLiteral("--out"), path("demo1.json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(fileBytes(path("demo1.json"))).object()[QStringLiteral("age_min")].toInt(),
                 25);
    }

    void invalidTargetingListsViolations()
    {
        const QString out = path("broken.json");
        const auto r =
            heraldctl({QStringLiteral("audience"), QStringLiteral("export"), QStringLiteral("--workspace"), m_demo,
                       QStringLiteral("--audience"), QStringLiteral("900"), QStringLiteral("--format"),
                       QStringLiteral("meta-targeting"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("breaks 3 rule(s)")));
        QVERIFY(r.err.contains(QStringLiteral("\"UK\" is not an ISO 3166-1 alpha-2")));
        QVERIFY(r.err.contains(QStringLiteral("age_min 12")));
        QVERIFY(r.err.contains(QStringLiteral("age_max 80")));
        QVERIFY(!QFile::exists(out));
    }

    void abTestVerdict()
    {
        auto r = heraldctl({QStringLiteral("abtest"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--list"),
                            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto tests = QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("tests")].toArray();
        QVERIFY(!tests.isEmpty());
        const QString id = QString::number(tests.first().toObject()[QStringLiteral("id")].toInt());
        r = heraldctl({QStringLiteral("abtest"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--test"), id});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto result = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QStringList verdicts = {QStringLiteral("winner"), QStringLiteral("no_difference"),
                                      QStringLiteral("not_enough_data")};
        QVERIFY(verdicts.contains(result[QStringLiteral("verdict")].toString()));
        QCOMPARE(result[QStringLiteral("variants")].toArray().size(), 2);
        const double p = result[QStringLiteral("p_value")].toDouble();
        QVERIFY(p >= 0 && p <= 1);
        QVERIFY(!result[QStringLiteral("summary")].toString().isEmpty());
        const auto variants = result[QStringLiteral("variants")].toArray();
        const double pBest = variants[0].toObject()[QStringLiteral("probability_best")].toDouble() +
                             variants[1].toObject()[QStringLiteral("probability_best")].toDouble();
        QVERIFY(std::abs(pBest - 1) < 1e-6);
        if (result[QStringLiteral("verdict")].toString() == QLatin1String("winner"))
            QVERIFY(result[QStringLiteral("planned_sample_reached")].toBool());
        // Saved for reports.
        QVERIFY(scalar(m_demo, "SELECT length(result_json) FROM ab_tests WHERE id = " + id.toStdString()) > 10);

        QCOMPARE(heraldctl({QStringLiteral("abtest"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--test"),
                            QStringLiteral("999")})
                     .exitCode,
                 2);
    }

    void sampleSizeCalculator()
    {
        const auto r = heraldctl({QStringLiteral("abtest"), QStringLiteral("--baseline"), QStringLiteral("0.02"),
                                  QStringLiteral("--mde"), QStringLiteral("0.005")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // statsmodels NormalIndPower (shared/datasets/ab_stats): 13,768 per group.
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("per_variant")].toInt(), 13768);
    }

    void importsAdsCsv()
    {
        const QString good = path("ads.csv");
        writeFile(good, "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR),Results,Purchase conversion value\n"
                        "CLI import,2026-06-01,5000,60,30.5,3,89.7\nCLI import,2026-06-02,4000,40,25,1,29.9\n");
        const double before = scalar(m_demo, "SELECT COUNT(*) FROM ad_metrics");
        auto r = heraldctl(
            {QStringLiteral("import-ads"), good, QStringLiteral("--workspace"), m_demo, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("days")].toInt(), 2);
        QCOMPARE(scalar(m_demo, "SELECT COUNT(*) FROM ad_metrics"), before + 2);

        const QString mixed = path("mixed.csv");
        writeFile(mixed, "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR),Amount spent (USD)\n"
                         "Other,2026-06-01,10,1,1,1\n");
        r = heraldctl({QStringLiteral("import-ads"), mixed, QStringLiteral("--workspace"), m_demo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("currency mix")));
        const QString missing = path("missing.csv");
        writeFile(missing, "Ad set name,Day,Link clicks,Amount spent (EUR)\nOther,2026-06-01,1,1\n");
        r = heraldctl({QStringLiteral("import-ads"), missing, QStringLiteral("--workspace"), m_demo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("\"Impressions\"")));
        QCOMPARE(scalar(m_demo, "SELECT COUNT(*) FROM ad_metrics"), before + 2);
        QCOMPARE(scalar(m_demo, "SELECT COUNT(*) FROM ad_sets WHERE name = 'Other'"), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCliAds)
#include "tst_cli_ads.moc"
