#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AudienceRepository.h"
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

QJsonObject json(const Run& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

std::int64_t segmentRows(const QString& path)
{
    auto db = engine::Database::open(path.toStdString()).value();
    auto stmt = db.prepare("SELECT COUNT(*) FROM segments").value();
    stmt->step().value();
    const auto n = stmt->int64(0);
    stmt->reset();
    return n;
}

} // namespace

class TestCliSegment : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    QString m_demo;
    QString m_tiny;

private slots:
    void initTestCase()
    {
        m_demo = QString::fromStdString(m_dir.path("demo.herald"));
        auto r = heraldctl({QStringLiteral("demo"), QStringLiteral("--out"), m_demo, QStringLiteral("--days"),
                            QStringLiteral("60"), QStringLiteral("--audience"), QStringLiteral("800"),
                            QStringLiteral("--end-day"), QStringLiteral("2026-06-30"), QStringLiteral("--seed"),
                            QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Three members only, for the "too few members" message.
        m_tiny = QString::fromStdString(m_dir.path("tiny.herald"));
        auto db = engine::Database::create(m_tiny.toStdString()).value();
        engine::Account a;
        a.platform = engine::Platform::Mastodon;
        a.handle = "@tiny";
        a.externalId = "1";
        const auto account = engine::AccountRepository(db).upsert(a).value();
        for (int i = 0; i < 3; ++i) {
            engine::AudienceMember m;
            m.accountId = account;
            m.externalId = std::to_string(i);
            m.handle = "m" + std::to_string(i);
            m.followerCount = 10 * i;
            test::must(engine::AudienceRepository(db).upsertMember(m));
        }
    }

    void profilesAsJson()
    {
        auto r = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--k"),
                            QStringLiteral("3"), QStringLiteral("--json"), QStringLiteral("--recommend")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto o = json(r);
        QCOMPARE(o.value(QStringLiteral("members")).toInt(), 800);
        QCOMPARE(o.value(QStringLiteral("k")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("chosen_by_silhouette")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("features")).toArray().size(), 12);
        const auto segments = o.value(QStringLiteral("segments")).toArray();
        QCOMPARE(segments.size(), 3);
        int members = 0;
        double share = 0;
        int previous = 1 << 30;
        for (const auto& s : segments) {
            const auto seg = s.toObject();
            for (const char* key : {"index", "size", "share", "traits", "interests", "languages", "countries",
                                    "dayparts", "overall_dayparts", "mean_engagements", "mean_silhouette", "name",
                                    "summary", "active_hours", "recommended_tags", "top_posts"})
                QVERIFY2(seg.contains(QLatin1String(key)), key);
            const int size = seg.value(QStringLiteral("size")).toInt();
            QVERIFY(size <= previous); // largest first
            previous = size;
            members += size;
            share += seg.value(QStringLiteral("share")).toDouble();
            QVERIFY(!seg.value(QStringLiteral("summary")).toArray().isEmpty());
            QVERIFY(seg.value(QStringLiteral("active_hours")).toString().contains(QStringLiteral("active")) ||
                    seg.value(QStringLiteral("active_hours")).toString().contains(QStringLiteral("no engagement")));
        }
        QCOMPARE(members, 800);
        QVERIFY(qAbs(share - 1.0) < 1e-9);
        QCOMPARE(segments[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Segment 1"));

        auto text = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--k"),
                               QStringLiteral("3")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("800 members in 3 segments")));
        QVERIFY(text.out.contains(QStringLiteral("Segment 3: ")));
        QVERIFY(text.out.contains(QStringLiteral("Active hours: ")));
    }

    void automaticK()
    {
        auto r =
            heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--features"),
                       QStringLiteral("like_share,reply_share,active_hours"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto o = json(r);
        QCOMPARE(o.value(QStringLiteral("chosen_by_silhouette")).toBool(), true);
        const auto perK = o.value(QStringLiteral("per_k")).toArray();
        QCOMPARE(perK.size(), 7); // k from 2 to 8
        double best = -2;
        int bestK = 0;
        for (const auto& e : perK)
            if (e.toObject().value(QStringLiteral("silhouette")).toDouble() > best) {
                best = e.toObject().value(QStringLiteral("silhouette")).toDouble();
                bestK = e.toObject().value(QStringLiteral("k")).toInt();
            }
        QCOMPARE(o.value(QStringLiteral("k")).toInt(), bestK);
        QCOMPARE(o.value(QStringLiteral("columns")).toArray().size() +
                     o.value(QStringLiteral("dropped")).toArray().size(),
                 6);
    }

    void saveAndList()
    {
        auto r = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--k"),
                            QStringLiteral("4"), QStringLiteral("--save"), QStringLiteral("Spring"),
                            QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto saved = json(r).value(QStringLiteral("saved")).toObject();
        QCOMPARE(saved.value(QStringLiteral("name")).toString(), QStringLiteral("Spring"));
        const QString runId = saved.value(QStringLiteral("run_id")).toString();
        QVERIFY(runId.startsWith(QStringLiteral("run-")));
        QCOMPARE(segmentRows(m_demo), std::int64_t(4));

        auto list = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo,
                               QStringLiteral("--list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const auto runs = json(list).value(QStringLiteral("runs")).toArray();
        QCOMPARE(runs.size(), 1);
        const auto run = runs[0].toObject();
        QCOMPARE(run.value(QStringLiteral("run_id")).toString(), runId);
        QCOMPARE(run.value(QStringLiteral("k")).toInt(), 4);
        int members = 0;
        for (const auto& s : run.value(QStringLiteral("segments")).toArray())
            members += s.toObject().value(QStringLiteral("size")).toInt();
        QCOMPARE(members, 800);

        // The same name again: a data error, nothing written.
        auto again = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--k"),
                                QStringLiteral("2"), QStringLiteral("--save"), QStringLiteral("Spring")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QStringLiteral("already named \"Spring\"")), qPrintable(again.err));
        QCOMPARE(segmentRows(m_demo), std::int64_t(4));

        auto text =
            heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("Spring")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown account") << QStringList{QStringLiteral("--account"), QStringLiteral("999")} << 2
                                         << QStringLiteral("account 999 does not exist");
        QTest::newRow("unknown feature") << QStringList{QStringLiteral("--features"), QStringLiteral("shoe_size")} << 2
                                         << QStringLiteral("unknown audience feature \"shoe_size\"");
        QTest::newRow("k zero") << QStringList{QStringLiteral("--k"), QStringLiteral("0")} << 1
                                << QStringLiteral("--k takes a whole number");
        QTest::newRow("k words") << QStringList{QStringLiteral("--k"), QStringLiteral("many")} << 1
                                 << QStringLiteral("--k takes a whole number");
        QTest::newRow("account words") << QStringList{QStringLiteral("--account"), QStringLiteral("x")} << 1
                                       << QStringLiteral("--account takes a positive account id");
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = heraldctl(QStringList{QStringLiteral("segment"), QStringLiteral("--workspace"), m_demo} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void tooFewMembers()
    {
        auto r = heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_tiny, QStringLiteral("--k"),
                            QStringLiteral("5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("5 segments need at least 5 members; the audience has 3")),
                 qPrintable(r.err));
        auto flat =
            heraldctl({QStringLiteral("segment"), QStringLiteral("--workspace"), m_tiny, QStringLiteral("--k"),
                       QStringLiteral("2"), QStringLiteral("--features"), QStringLiteral("recency,reply_share")});
        QCOMPARE(flat.exitCode, 2);
        QVERIFY2(flat.err.contains(QStringLiteral("none of the chosen features varies")), qPrintable(flat.err));
        QCOMPARE(segmentRows(m_tiny), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestCliSegment)
#include "tst_cli_segment.moc"
