#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include <QTest>
#include <sqlite3.h>
#include <sys/stat.h>

#include "TestSupport.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

using namespace herald;
using namespace herald::engine;

namespace {

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::int64_t count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return -1;
    auto n = (*stmt)->int64(0);
    (*stmt)->reset();
    return n;
}

std::int64_t addAccount(Database& db)
{
    Account a;
    a.platform = Platform::Mastodon;
    a.handle = "@tester";
    a.externalId = "42";
    a.baseUrl = "https://example.social";
    return AccountRepository(db).upsert(a).value_or(0);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createMigratesToCurrentSchema()
    {
        test::TempFolder dir;
        auto db = Database::create(dir.path("a.herald"));
        QVERIFY2(db, db ? "" : db.error().detail.c_str());
        QCOMPARE(db->userVersion(), kSchemaVersion);
        QCOMPARE(count(*db, "PRAGMA application_id"), std::int64_t(kApplicationId));
        QCOMPARE(count(*db, "PRAGMA foreign_keys"), std::int64_t(1));
        auto mode = db->prepare("PRAGMA journal_mode");
        QVERIFY(mode && (*mode)->step().value_or(false));
        QCOMPARE((*mode)->text(0), std::string("wal"));
        (*mode)->reset();
        QVERIFY(count(*db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'post_metrics'") == 1);
    }

    void createRefusesExistingFile()
    {
        test::TempFolder dir;
        auto path = dir.path("taken.herald");
        std::ofstream(path) << "keep me";
        auto db = Database::create(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Invalid);
        QCOMPARE(readAll(path), std::string("keep me"));
    }

    void reopenKeepsData()
    {
        test::TempFolder dir;
        auto path = dir.path("b.herald");
        {
            auto db = Database::create(path);
            QVERIFY(db);
            QVERIFY(addAccount(*db) > 0);
        }
        auto db = Database::open(path);
        QVERIFY2(db, db ? "" : db.error().detail.c_str());
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM accounts"), std::int64_t(1));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("name,value\n1,2\n") << int(ErrorCode::NotWorkspace)
                                   << QStringLiteral("not an SQLite database");
        QTest::newRow("empty file") << QByteArray() << int(ErrorCode::NotWorkspace)
                                    << QStringLiteral("not an SQLite database");
        QTest::newRow("png header") << QByteArray("\x89PNG\r\n\x1a\n0000000000000000", 24)
                                    << int(ErrorCode::NotWorkspace) << QStringLiteral("not an SQLite database");
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, message);
        test::TempFolder dir;
        auto path = dir.path("bad.herald");
        {
            std::ofstream out(path, std::ios::binary);
            out.write(bytes.constData(), bytes.size());
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(int(db.error().code), code);
        QVERIFY2(QString::fromStdString(db.error().detail).contains(message), db.error().detail.c_str());
        QVERIFY2(QString::fromStdString(db.error().detail).contains(QString::fromStdString(path)),
                 "the message names the file");
        QCOMPARE(readAll(path), bytes.toStdString());
    }

    void refusesForeignSqliteFileUntouched()
    {
        test::TempFolder dir;
        auto path = dir.path("foreign.db");
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); "
                                   "INSERT INTO notes(body) VALUES ('hello')",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
        const auto before = readAll(path);

        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotWorkspace);
        QVERIFY(QString::fromStdString(db.error().detail).contains(QStringLiteral("another program")));
        QCOMPARE(readAll(path), before);
        QVERIFY(!std::filesystem::exists(path + "-wal"));
    }

    void refusesNewerSchemaUntouched()
    {
        test::TempFolder dir;
        auto path = dir.path("future.herald");
        {
            auto db = Database::create(path);
            QVERIFY(db);
            QVERIFY(db->exec("PRAGMA journal_mode=DELETE; PRAGMA user_version=" + std::to_string(kSchemaVersion + 1)));
        }
        const auto before = readAll(path);
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::TooNew);
        QVERIFY(QString::fromStdString(db.error().detail).contains(QStringLiteral("newer Herald")));
        QCOMPARE(readAll(path), before);
    }

    void refusesReadOnlyLocation()
    {
        if (::geteuid() == 0)
            QSKIP("root can write to read-only files, so the refusal cannot be provoked");
        test::TempFolder dir;
        auto path = dir.path("ro.herald");
        {
            auto db = Database::create(path);
            QVERIFY(db);
        }
        ::chmod(path.c_str(), 0444);
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::ReadOnly);
        auto ro = Database::open(path, Database::Mode::ReadOnly);
        QVERIFY2(ro, ro ? "" : ro.error().detail.c_str());
    }

    void refusesMissingFile()
    {
        test::TempFolder dir;
        auto db = Database::open(dir.path("nowhere.herald"));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
    }

    void failedTransactionLeavesNothing()
    {
        test::TempFolder dir;
        auto db = Database::create(dir.path("tx.herald"));
        QVERIFY(db);
        const auto account = addAccount(*db);
        {
            auto tx = Transaction::begin(*db);
            QVERIFY(tx);
            MetricRepository metrics(*db);
            QVERIFY(metrics.upsertAccountMetric({account, "followers", "2026-01-01", 10}));
            QVERIFY(metrics.upsertAccountMetric({account, "followers", "2026-01-02", 11}));
            // A row that breaks a foreign key makes the whole write fail.
            auto bad = metrics.upsertAccountMetric({account + 99, "followers", "2026-01-03", 12});
            QVERIFY(!bad);
            QCOMPARE(bad.error().code, ErrorCode::Storage);
            // tx goes out of scope without commit
        }
        QCOMPARE(count(*db, "SELECT COUNT(*) FROM account_metrics"), std::int64_t(0));
    }

    void readerSeesConsistentSnapshot()
    {
        test::TempFolder dir;
        auto path = dir.path("snap.herald");
        auto writer = Database::create(path);
        QVERIFY(writer);
        const auto account = addAccount(*writer);
        test::must(MetricRepository(*writer).upsertAccountMetric({account, "followers", "2026-01-01", 10}));

        auto reader = Database::open(path);
        QVERIFY(reader);
        auto readTx = Transaction::begin(*reader, Transaction::Kind::Deferred);
        QVERIFY(readTx);
        QCOMPARE(count(*reader, "SELECT COUNT(*) FROM account_metrics"), std::int64_t(1));

        std::thread other([&] {
            auto tx = Transaction::begin(*writer);
            MetricRepository m(*writer);
            for (int d = 2; d <= 9; ++d)
                (void)m.upsertAccountMetric({account, "followers", "2026-01-0" + std::to_string(d), double(10 + d)});
            (void)tx->commit();
        });
        other.join();

        // Same read transaction: still the snapshot from before the writer committed.
        QCOMPARE(count(*reader, "SELECT COUNT(*) FROM account_metrics"), std::int64_t(1));
        QVERIFY(readTx->commit());
        QCOMPARE(count(*reader, "SELECT COUNT(*) FROM account_metrics"), std::int64_t(9));
    }

    void backupOfLiveWorkspaceIsValid()
    {
        test::TempFolder dir;
        auto path = dir.path("live.herald");
        auto db = Database::create(path);
        QVERIFY(db);
        const auto account = addAccount(*db);
        {
            auto tx = Transaction::begin(*db);
            MetricRepository m(*db);
            QVERIFY(db->exec("INSERT INTO posts(id, created_utc, updated_utc) VALUES (1, 0, 0); "
                             "INSERT INTO post_targets(id, post_id, account_id) VALUES (7, 1, " +
                             std::to_string(account) + ")"));
            for (int i = 0; i < 500; ++i)
                QVERIFY(m.upsertPostMetric({7, "likes", i, double(i)}));
            QVERIFY(m.upsertAccountMetric({account, "followers", "2026-02-01", 120}));
            QVERIFY(tx->commit());
        }
        auto out = dir.path("copy.herald");
        auto r = db->backupTo(out);
        QVERIFY2(r, r ? "" : r.error().detail.c_str());
        auto copy = Database::open(out);
        QVERIFY2(copy, copy ? "" : copy.error().detail.c_str());
        QCOMPARE(count(*copy, "SELECT COUNT(*) FROM accounts"), std::int64_t(1));
        QCOMPARE(count(*copy, "SELECT CAST(SUM(value) AS INTEGER) FROM account_metrics"), std::int64_t(120));
        QCOMPARE(count(*copy, "SELECT COUNT(*) FROM post_metrics"), std::int64_t(500));
        auto problems = checkWorkspace(*copy);
        QVERIFY(problems);
        QVERIFY(problems->empty());
        // A second backup to the same name is refused rather than overwriting.
        QVERIFY(!db->backupTo(out));
    }

    void checkFindsBrokenInvariants()
    {
        auto db = Database::createInMemory();
        QVERIFY(db);
        const auto account = addAccount(*db);
        QVERIFY(db->exec("INSERT INTO posts(id, created_utc, updated_utc) VALUES (1, 0, 0); "
                         "INSERT INTO post_targets(post_id, account_id, status) VALUES (1, " +
                         std::to_string(account) + ", 'published')"));
        auto problems = checkWorkspace(*db);
        QVERIFY(problems);
        QCOMPARE(problems->size(), std::size_t(1));
        QVERIFY(QString::fromStdString(problems->front()).contains(QStringLiteral("without a publication time")));
    }
};

QTEST_APPLESS_MAIN(TestDatabase)
#include "tst_database.moc"
