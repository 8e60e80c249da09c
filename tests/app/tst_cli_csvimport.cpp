#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

// heraldctl import-csv end to end: detection, the report, every rejected row with exit status 2 and
// an unchanged workspace file, re-import, dry run and usage errors.
namespace {

using namespace herald;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run heraldctl(const QStringList& args)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HERALD_WORKSPACE"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HERALDCTL_PATH), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QString fixture(const char* name)
{
    return QString::fromStdString(test::fixturesDir()) + QStringLiteral("/csv/") + QLatin1String(name);
}

QByteArray bytes(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

std::int64_t scalar(const QString& workspace, const char* sql)
{
    auto db = engine::Database::open(workspace.toStdString(), engine::Database::Mode::ReadOnly).value();
    auto stmt = db.prepare(sql).value();
    stmt->step().value();
    return stmt->int64(0);
}

} // namespace

class TestCliCsvImport : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_folder;
    QString m_workspace;
    QString m_account;

private slots:
    void init()
    {
        m_workspace = QString::fromStdString(m_folder.path("csv.herald"));
        QFile::remove(m_workspace);
        auto db = engine::Database::create(m_workspace.toStdString()).value();
        engine::AccountRepository accounts(db);
        engine::Account x;
        x.platform = engine::Platform::X;
        x.handle = "heraldapp";
        x.externalId = "42";
        m_account = QString::number(accounts.upsert(x).value());
    }

    void importsAndReportsTheMapping()
    {
        auto r = heraldctl({QStringLiteral("import-csv"), fixture("x_tweet_activity.csv"), QStringLiteral("--account"),
                            m_account, QStringLiteral("--workspace"), m_workspace});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("Format: x-tweets (X (Twitter) analytics: tweet activity), delimiter ',', "
                                             "header on line 1")),
                 qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("published_at    <- \"time\"")));
        QVERIFY(
            out.contains(QStringLiteral("Imported 3 rows into account %1: 3 posts created, 0 updated").arg(m_account)));
        QCOMPARE(scalar(m_workspace, "SELECT COUNT(*) FROM post_targets WHERE status = 'published'"), std::int64_t(3));
        QCOMPARE(scalar(m_workspace, "SELECT COUNT(*) FROM imports"), std::int64_t(1));

        // The same file again changes nothing.
        r = heraldctl({QStringLiteral("import-csv"), fixture("x_tweet_activity.csv"), QStringLiteral("--account"),
                       m_account, QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("was already imported")));
        QCOMPARE(scalar(m_workspace, "SELECT COUNT(*) FROM imports"), std::int64_t(1));
    }

    void jsonReport()
    {
        auto r = heraldctl({QStringLiteral("import-csv"), fixture("generic_posts.csv"), QStringLiteral("--account"),
                            m_account, QStringLiteral("--workspace"), m_workspace, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json[QStringLiteral("format")].toString(), QStringLiteral("generic-posts"));
        QCOMPARE(json[QStringLiteral("rows_imported")].toInteger(), 3);
        QCOMPARE(json[QStringLiteral("posts_created")].toInteger(), 3);
        QCOMPARE(json[QStringLiteral("committed")].toBool(), true);
        QCOMPARE(json[QStringLiteral("mapping")].toObject()[QStringLiteral("external_id")].toString(),
                 QStringLiteral("external_id"));
        QCOMPARE(json[QStringLiteral("sha256")].toString().size(), 64);
    }

    void everyRejectedRowAndNothingChanges()
    {
        QCOMPARE(heraldctl({QStringLiteral("import-csv"), fixture("x_tweet_activity.csv"), QStringLiteral("--account"),
                            m_account, QStringLiteral("--workspace"), m_workspace})
                     .exitCode,
                 0);
        const QByteArray before = bytes(m_workspace);
        auto r = heraldctl({QStringLiteral("import-csv"), fixture("mixed_rows.csv"), QStringLiteral("--account"),
                            m_account, QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 2);
        for (int line : {3, 4, 7, 9, 10, 11, 12})
            QVERIFY2(r.err.contains(QStringLiteral("mixed_rows.csv:%1: ").arg(line)), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("mixed_rows.csv:3: impressions \"1O0\" is not a number")));
        QVERIFY(r.err.contains(QStringLiteral("7 of 9 rows rejected; nothing was imported")));
        QCOMPARE(bytes(m_workspace), before);
        QCOMPARE(scalar(m_workspace, "SELECT COUNT(*) FROM posts"), std::int64_t(3));

        r = heraldctl({QStringLiteral("import-csv"), fixture("mixed_rows.csv"), QStringLiteral("--account"), m_account,
                       QStringLiteral("--workspace"), m_workspace, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 2);
        const auto rejected = QJsonDocument::fromJson(r.out).object()[QStringLiteral("rejected")].toArray();
        QCOMPARE(rejected.size(), 7);
        QCOMPARE(rejected[0].toObject()[QStringLiteral("line")].toInteger(), 3);

        r = heraldctl({QStringLiteral("import-csv"), fixture("unterminated_quote.csv"), QStringLiteral("--account"),
                       m_account, QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("line 3: a quoted field is never closed")), qPrintable(r.err));
        QCOMPARE(bytes(m_workspace), before);
    }

    void dryRunAndForcedFormat()
    {
        auto r = heraldctl({QStringLiteral("import-csv"), fixture("x_tweet_activity.csv"), QStringLiteral("--account"),
                            m_account, QStringLiteral("--workspace"), m_workspace, QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("Dry run: 3 rows would be imported")));
        QCOMPARE(scalar(m_workspace, "SELECT COUNT(*) FROM posts"), std::int64_t(0));
        r = heraldctl({QStringLiteral("import-csv"), fixture("x_content.csv"), QStringLiteral("--account"), m_account,
                       QStringLiteral("--workspace"), m_workspace, QStringLiteral("--format"),
                       QStringLiteral("generic-posts")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("lacks required columns: published_at")), qPrintable(r.err));
    }

    void usageErrors()
    {
        QCOMPARE(heraldctl({QStringLiteral("import-csv"), fixture("generic_posts.csv"), QStringLiteral("--workspace"),
                            m_workspace})
                     .exitCode,
                 1);
        QCOMPARE(heraldctl({QStringLiteral("import-csv"), fixture("generic_posts.csv"), QStringLiteral("--account"),
                            m_account})
                     .exitCode,
                 1);
        auto r = heraldctl({QStringLiteral("import-csv"), QStringLiteral("--list-formats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("wechat-articles")));
        r = heraldctl({QStringLiteral("import-csv"), fixture("generic_posts.csv"), QStringLiteral("--account"),
                       QStringLiteral("999"), QStringLiteral("--workspace"), m_workspace});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("there is no account 999")));
    }
};

QTEST_GUILESS_MAIN(TestCliCsvImport)
#include "tst_cli_csvimport.moc"
