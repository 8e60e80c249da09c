#include <cstdio>
#include <fstream>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <sqlite3.h>

#include "TestSupport.h"
#include "herald/engine/store/Database.h"

using namespace herald;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run heraldctl(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HERALDCTL_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray fileBytes(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_dir;
    QString m_demo;

private slots:
    void initTestCase()
    {
        m_demo = QString::fromStdString(m_dir.path("demo.herald"));
        auto r = heraldctl({QStringLiteral("demo"), QStringLiteral("--out"), m_demo, QStringLiteral("--days"),
                            QStringLiteral("60"), QStringLiteral("--audience"), QStringLiteral("800"),
                            QStringLiteral("--end-day"), QStringLiteral("2026-06-30"), QStringLiteral("--seed"),
                            QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Wrote demo workspace")));
    }

    void infoReportsTheDemo()
    {
        auto r = heraldctl({QStringLiteral("info"), m_demo, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("schema_version")).toInt(), engine::kSchemaVersion);
        QCOMPARE(json.value(QStringLiteral("demo")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("last_day")).toString() >= QStringLiteral("2026-06-30"), true);
        const auto rows = json.value(QStringLiteral("rows")).toObject();
        QCOMPARE(rows.value(QStringLiteral("accounts")).toInt(), 4);
        QVERIFY(rows.value(QStringLiteral("posts")).toInt() > 60);
        QVERIFY(rows.value(QStringLiteral("post_metrics")).toInt() > 1000);
        QCOMPARE(rows.value(QStringLiteral("audience_members")).toInt(), 800);

        auto text = heraldctl({QStringLiteral("info"), QStringLiteral("--workspace"), m_demo});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("(demo data)")));
        QVERIFY(text.out.contains(QStringLiteral("post_metrics")));
    }

    void checkPassesOnDemo()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HERALD_WORKSPACE"), m_demo);
        auto r = heraldctl({QStringLiteral("check")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral(": ok")));
    }

    void checkFindsProblems()
    {
        const auto copy = m_dir.path("broken.herald");
        QVERIFY(heraldctl({QStringLiteral("backup"), m_demo, QString::fromStdString(copy)}).exitCode == 0);
        {
            auto db = engine::Database::open(copy).value();
            QVERIFY(db.exec("UPDATE post_targets SET published_utc = NULL WHERE id IN "
                            "(SELECT id FROM post_targets WHERE status = 'published' LIMIT 3)"));
        }
        auto r = heraldctl({QStringLiteral("check"), QString::fromStdString(copy), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(json.value(QStringLiteral("problems")).toArray().at(0).toString().startsWith(QStringLiteral("3 ")));
    }

    void backupWritesAValidCopy()
    {
        const auto out = QString::fromStdString(m_dir.path("copy.herald"));
        auto r = heraldctl({QStringLiteral("backup"), m_demo, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(heraldctl({QStringLiteral("check"), out}).exitCode, 0);
        auto again = heraldctl({QStringLiteral("backup"), m_demo, out});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(QStringLiteral("already exists")));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("csv") << QByteArray("a,b\n1,2\n") << QStringLiteral("not an SQLite database");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not an SQLite database");
        QTest::newRow("foreign sqlite") << QByteArray("FOREIGN") << QStringLiteral("another program");
        QTest::newRow("newer schema") << QByteArray("NEWER") << QStringLiteral("newer Herald");
    }

    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const auto path = m_dir.path("refused.herald");
        std::remove(path.c_str());
        if (content == "FOREIGN" || content == "NEWER") {
            sqlite3* db = nullptr;
            sqlite3_open(path.c_str(), &db);
            const std::string sql = content == "FOREIGN" ? "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
                                                         : "PRAGMA application_id=1213353028; PRAGMA user_version=99; "
                                                           "CREATE TABLE t(x);";
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
            sqlite3_close(db);
        } else {
            std::ofstream(path, std::ios::binary).write(content.constData(), content.size());
        }
        const QByteArray before = fileBytes(path);
        for (const char* command : {"info", "check"}) {
            auto r = heraldctl({QLatin1String(command), QString::fromStdString(path)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY2(r.err.contains(QString::fromStdString(path)), "the message names the file");
        }
        QCOMPARE(fileBytes(path), before);
    }

    void missingFile()
    {
        auto r = heraldctl({QStringLiteral("info"), QStringLiteral("/nonexistent/none.herald")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no such file")));
    }

    void demoRefusesExistingFile()
    {
        auto r = heraldctl({QStringLiteral("demo"), QStringLiteral("--out"), m_demo});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
    }

    void reportEndToEnd_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::newRow("pdf") << QStringLiteral("pdf") << QStringLiteral("report.pdf");
        QTest::newRow("html") << QStringLiteral("html") << QStringLiteral("report.html");
        QTest::newRow("csv") << QStringLiteral("csv") << QStringLiteral("report-csv");
    }

    void reportEndToEnd()
    {
        QFETCH(QString, format);
        QFETCH(QString, out);
        const QString path = QString::fromStdString(m_dir.path(out.toUtf8().constData()));
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // heraldctl needs no display of its own
        env.remove(QStringLiteral("DISPLAY"));
        auto r = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--from"),
                            QStringLiteral("2026-06-01"), QStringLiteral("--to"), QStringLiteral("2026-06-30"),
                            QStringLiteral("--format"), format, QStringLiteral("--out"), path, QStringLiteral("--json")},
                           env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("has_data")).toBool(), true);
        QVERIFY(QFileInfo::exists(path));
        if (format == QLatin1String("html")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().contains("data:image/png;base64,"));
        }
    }

    void reportForACampaignInChinese()
    {
        const QString path = QString::fromStdString(m_dir.path("campaign.html"));
        auto r = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--campaign"),
                            QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("html"),
                            QStringLiteral("--out"), path, QStringLiteral("--language"), QStringLiteral("zh_CN")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY2(html.contains(QStringLiteral("营销活动报告")), qPrintable(html.left(400)));
    }

    void reportFromATemplate()
    {
        // A template as the Reports panel saves it: campaigns 1 and 2, HTML, the campaigns' dates.
        const QString workspace = QString::fromStdString(m_dir.path("templates.herald"));
        QFile::remove(workspace);
        QVERIFY(QFile::copy(m_demo, workspace));
        QFile::setPermissions(workspace, QFile::ReadOwner | QFile::WriteOwner);
        {
            auto db = engine::Database::open(workspace.toStdString()).value();
            QVERIFY(db.exec("INSERT INTO settings(key, value) VALUES ('report_template.Board', "
                            "'{\"name\":\"Board\",\"campaigns\":[\"1\",\"2\"],\"accounts\":[],"
                            "\"last_days\":0,\"format\":\"html\",\"language\":\"en\","
                            "\"sections\":{\"sentiment\":false}}')"));
        }
        auto list = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), workspace,
                               QStringLiteral("--list-templates"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const auto templates = QJsonDocument::fromJson(list.out.toUtf8()).object().value(QStringLiteral("templates")).toArray();
        QCOMPARE(templates.size(), 1);
        QCOMPARE(templates[0].toObject().value(QStringLiteral("format")).toString(), QStringLiteral("html"));

        const QString out = QString::fromStdString(m_dir.path("board.html"));
        auto r = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), workspace, QStringLiteral("--template"),
                            QStringLiteral("Board"), QStringLiteral("--out"), out, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("html"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.contains(QStringLiteral("Campaign report: ")));
        QVERIFY(html.contains(QStringLiteral(", "))); // two campaign names in the title
        QVERIFY(!html.contains(QStringLiteral("Comment sentiment")));
        QVERIFY(html.contains(QStringLiteral("Top posts")));

        auto missing = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), workspace,
                                  QStringLiteral("--template"), QStringLiteral("Nope"), QStringLiteral("--out"), out});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("no report template called \"Nope\"")));
    }

    void reportRefusesUnwritableOutputBeforeWork()
    {
        auto r = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), QStringLiteral("/nonexistent.herald"),
                            QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                            QStringLiteral("/nonexistent-folder/r.pdf")});
        QCOMPARE(r.exitCode, 2);
        // The output is checked first: the message is about the folder, not the missing workspace.
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent-folder")), qPrintable(r.err));
        auto c = heraldctl({QStringLiteral("report"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--campaign"),
                            QStringLiteral("99"), QStringLiteral("--out"),
                            QString::fromStdString(m_dir.path("x.pdf"))});
        QCOMPARE(c.exitCode, 2);
        QVERIFY(c.err.contains(QStringLiteral("no campaign with id 99")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("demo without out") << QStringList{QStringLiteral("demo")};
        QTest::newRow("bad days") << QStringList{QStringLiteral("demo"), QStringLiteral("--out"),
                                                 QStringLiteral("x.herald"), QStringLiteral("--days"),
                                                 QStringLiteral("many")};
        QTest::newRow("bad zone") << QStringList{QStringLiteral("demo"), QStringLiteral("--out"),
                                                 QStringLiteral("x.herald"), QStringLiteral("--time-zone"),
                                                 QStringLiteral("Mars/Olympus")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--colour")};
        QTest::newRow("info without file") << QStringList{QStringLiteral("info")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        auto env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HERALD_WORKSPACE"));
        auto r = heraldctl(args, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
    }

    void helpOnEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        for (const char* c : {"demo", "info", "check", "backup", "report"})
            QTest::newRow(c) << QString::fromLatin1(c);
    }

    void helpOnEveryCommand()
    {
        QFETCH(QString, command);
        auto r = heraldctl({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Usage: heraldctl ") + command), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("--json")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
