#include <stop_token>

#include <QTest>

#include <sqlite3.h>

#include "TestSupport.h"
#include "herald/engine/Clock.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/store/Statement.h"

using namespace herald;
using namespace herald::engine;

Q_DECLARE_METATYPE(std::string)

namespace {

constexpr std::int64_t kNow = 1711929600;     // 2024-04-01T00:00:00Z, the import's snapshot time
constexpr std::int64_t kMar1Utc = 1709251200; // 2024-03-01T00:00:00Z

std::string fixture(const std::string& name)
{
    return readImportFile(test::fixturesDir() + "/csv/" + name).value();
}

// Every row of every table, in a stable order: two equal dumps are equal workspaces.
std::string dump(Database& db)
{
    std::string out;
    std::vector<std::string> tables;
    sqlite3_stmt* list = nullptr;
    sqlite3_prepare_v2(db.handle(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &list,
                       nullptr);
    while (sqlite3_step(list) == SQLITE_ROW)
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
    sqlite3_finalize(list);
    for (const auto& t : tables) {
        sqlite3_stmt* rows = nullptr;
        const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
        if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &rows, nullptr) != SQLITE_OK) {
            sqlite3_finalize(rows);
            continue;
        }
        out += "[" + t + "]\n";
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(rows); ++c) {
                const auto* v = sqlite3_column_text(rows, c);
                out += v ? reinterpret_cast<const char*>(v) : "NULL";
                out += '|';
            }
            out += '\n';
        }
        sqlite3_finalize(rows);
    }
    return out;
}

std::int64_t count(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql).value();
    stmt->step().value();
    const auto v = stmt->int64(0);
    stmt->reset();
    return v;
}

double real(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql).value();
    stmt->step().value();
    const auto v = stmt->real(0);
    stmt->reset();
    return v;
}

struct Workspace
{
    Database db = Database::createInMemory().value();
    FixedClock clock{kNow};

    std::int64_t addAccount(Platform platform, const char* handle)
    {
        AccountRepository accounts(db);
        Account a;
        a.platform = platform;
        a.handle = handle;
        a.externalId = handle;
        return accounts.upsert(a).value();
    }

    Result<CsvImportReport> import(std::int64_t account, const std::string& file, CsvImportOptions options = {})
    {
        CsvImportRequest request;
        request.accountId = account;
        request.fileName = file;
        request.content = fixture(file);
        request.options = std::move(options);
        return importCsv(db, request, clock);
    }
};

} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void xTweetActivityExactValues()
    {
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        auto report = w.import(x, "x_tweet_activity.csv");
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QVERIFY(report->committed);
        QVERIFY(report->rejected.empty());
        QCOMPARE(report->format, std::string("x-tweets"));
        QCOMPARE(report->rowsRead, std::int64_t(3));
        QCOMPARE(report->postsCreated, std::int64_t(3));
        QCOMPARE(report->postsUpdated, std::int64_t(0));
        QCOMPARE(report->postMetrics, std::int64_t(3 * 9));
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM imports WHERE kind = 'csv:x-tweets' AND rows = 3"), std::int64_t(1));

        auto perf = queryPostPerformance(w.db, kMar1Utc, kMar1Utc + 3 * 86400, {x}).value();
        QCOMPARE(perf.size(), std::size_t(3));
        const auto& first = perf.back(); // newest first
        QCOMPARE(first.publishedUtc, kMar1Utc + 14 * 3600 + 300);
        QCOMPARE(first.text, std::string("Launch day, finally! \"Herald\" is out"));
        QCOMPARE(first.permalink, std::string("https://twitter.com/heraldapp/status/1764000000000000001"));
        QCOMPARE(first.impressions, 1234.0);
        QCOMPARE(first.likes, 40.0);
        QCOMPARE(first.replies, 3.0);
        QCOMPARE(first.reposts, 7.0);
        QCOMPARE(first.clicks, 4.0);
        QCOMPARE(perf[1].text, std::string("Line one\nline two"));
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM post_targets WHERE external_id = '1764000000000000002' AND "
                             "status = 'published'"),
                 std::int64_t(1));
        QCOMPARE(real(w.db, "SELECT value FROM post_metrics m JOIN post_targets t ON t.id = m.target_id WHERE "
                            "t.external_id = '1764000000000000001' AND m.metric = 'profile_visits' AND m.ts_utc = " +
                                std::to_string(kNow)),
                 2.0);

        // The dashboard sees the file: posts, and daily totals derived from the posts.
        KpiRange range{"2024-03-01", "2024-03-02", kMar1Utc, kMar1Utc + 2 * 86400};
        auto kpi = queryKpis(w.db, range, {x}).value();
        QCOMPARE(kpi.postsPublished, std::int64_t(3));
        QCOMPARE(kpi.impressions, 1234.0 + 800 + 166);
        QCOMPARE(kpi.engagements, (40.0 + 3 + 7 + 4) + (12 + 1 + 2 + 5) + 4);
        auto series =
            querySeries(w.db, SeriesMetric::Impressions, "2024-03-01", "2024-03-02", {x}, Granularity::Day).value();
        QCOMPARE(series.size(), std::size_t(2));
        QCOMPARE(series[0].value, 1234.0);
        QCOMPARE(series[1].value, 966.0);
        QVERIFY(checkWorkspace(w.db).value().empty());
    }

    void everyExport_data()
    {
        QTest::addColumn<std::string>("file");
        QTest::addColumn<int>("platform");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<std::string>("checkSql");
        QTest::addColumn<double>("expected");
        auto p = [](Platform pl) { return static_cast<int>(pl); };
        const std::string latest = "SELECT SUM(value) FROM post_metrics WHERE metric = ";
        QTest::newRow("x content") << std::string("x_content.csv") << p(Platform::X) << qint64(2)
                                   << latest + "'impressions'" << 2000.0;
        QTest::newRow("x overview") << std::string("x_account_overview.csv") << p(Platform::X) << qint64(3)
                                    << std::string(
                                           "SELECT SUM(value) FROM account_metrics WHERE metric = 'engagements'")
                                    << 235.0;
        QTest::newRow("linkedin content") << std::string("linkedin_content.csv") << p(Platform::LinkedIn) << qint64(2)
                                          << latest + "'impressions'" << 3000.0;
        QTest::newRow("linkedin metrics") << std::string("linkedin_metrics.csv") << p(Platform::LinkedIn) << qint64(2)
                                          << std::string("SELECT value FROM account_metrics WHERE metric = "
                                                         "'engagements' AND day = '2024-03-02'")
                                          << 38.0;
        QTest::newRow("linkedin followers")
            << std::string("linkedin_followers.csv") << p(Platform::LinkedIn) << qint64(3)
            << std::string("SELECT SUM(value) FROM account_metrics WHERE metric = 'new_followers'") << 9.0;
        QTest::newRow("linkedin visitors")
            << std::string("linkedin_visitors.csv") << p(Platform::LinkedIn) << qint64(2)
            << std::string("SELECT SUM(value) FROM account_metrics WHERE metric = 'profile_visits'") << 43.0;
        QTest::newRow("facebook") << std::string("facebook_posts.csv") << p(Platform::Facebook) << qint64(2)
                                  << latest + "'impressions'" << 13345.0;
        QTest::newRow("facebook clicks") << std::string("facebook_posts.csv") << p(Platform::Facebook) << qint64(2)
                                         << latest + "'clicks'" << 150.0;
        QTest::newRow("instagram") << std::string("instagram_posts.csv") << p(Platform::Instagram) << qint64(2)
                                   << latest + "'impressions'" << 12345.0;
        QTest::newRow("instagram plays") << std::string("instagram_posts.csv") << p(Platform::Instagram) << qint64(2)
                                         << latest + "'video_views'" << 12500.0;
        QTest::newRow("weibo") << std::string("weibo_posts.csv") << p(Platform::Weibo) << qint64(2)
                               << latest + "'impressions'" << 17345.0;
        QTest::newRow("weibo time") << std::string("weibo_posts.csv") << p(Platform::Weibo) << qint64(2)
                                    << std::string("SELECT SUM(published_utc) FROM post_targets")
                                    << double(2 * kMar1Utc + 14 * 3600 + 300 + 86400 + 8 * 3600);
        QTest::newRow("wechat articles") << std::string("wechat_articles.csv") << p(Platform::WeChat) << qint64(2)
                                         << latest + "'reposts'" << 136.0;
        QTest::newRow("wechat titles") << std::string("wechat_articles.csv") << p(Platform::WeChat) << qint64(2)
                                       << std::string("SELECT COUNT(*) FROM posts WHERE title = '三月更新说明'") << 1.0;
        QTest::newRow("wechat users") << std::string("wechat_users.csv") << p(Platform::WeChat) << qint64(2)
                                      << std::string("SELECT value FROM account_metrics WHERE metric = 'followers' AND "
                                                     "day = '2024-03-02'")
                                      << 10065.0;
        QTest::newRow("generic posts") << std::string("generic_posts.csv") << p(Platform::Mastodon) << qint64(3)
                                       << std::string("SELECT SUM(published_utc) FROM post_targets")
                                       << double(kMar1Utc + 9 * 3600 + kMar1Utc + 17 * 3600 + 1800 + 1709370000);
        QTest::newRow("generic daily") << std::string("generic_daily.csv") << p(Platform::Bluesky) << qint64(3)
                                       << std::string(
                                              "SELECT SUM(value) FROM account_metrics WHERE metric = 'impressions'")
                                       << 12000.0;
    }
    void everyExport()
    {
        QFETCH(std::string, file);
        QFETCH(int, platform);
        QFETCH(qint64, rows);
        QFETCH(std::string, checkSql);
        QFETCH(double, expected);
        Workspace w;
        const auto account = w.addAccount(static_cast<Platform>(platform), "acct");
        auto report = w.import(account, file);
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        for (const auto& r : report->rejected)
            qWarning("line %lld: %s", static_cast<long long>(r.line), r.reason.c_str());
        QVERIFY(report->rejected.empty());
        QVERIFY(report->committed);
        QCOMPARE(qint64(report->rowsImported), rows);
        QCOMPARE(real(w.db, checkSql), expected);
        QVERIFY(checkWorkspace(w.db).value().empty());
    }

    void dailyExportFeedsKpis()
    {
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        QVERIFY(w.import(x, "x_account_overview.csv").value().committed);
        KpiRange range{"2024-03-01", "2024-03-03", kMar1Utc, kMar1Utc + 3 * 86400};
        auto kpi = queryKpis(w.db, range, {x}).value();
        QCOMPARE(kpi.impressions, 2500.0 + 1500 + 1000);
        QCOMPARE(kpi.engagements, 120.0 + 70 + 45);
        QCOMPARE(kpi.postsPublished, std::int64_t(0));
    }

    void zoneOfTheAccount()
    {
        // Meta writes the page's local time without a zone: the caller's zone rules apply.
        Workspace w;
        const auto fb = w.addAccount(Platform::Facebook, "page");
        CsvImportOptions options;
        options.utcOffset = [](std::int64_t) { return 3600; }; // UTC+1
        QVERIFY(w.import(fb, "facebook_posts.csv", options).value().committed);
        QCOMPARE(count(w.db, "SELECT MIN(published_utc) FROM post_targets"), kMar1Utc + 13 * 3600 + 300);
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM posts WHERE local_time = '2024-03-01T14:05'"), std::int64_t(1));
    }

    void malformed_data()
    {
        QTest::addColumn<std::string>("file");
        QTest::addColumn<std::string>("format");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::addColumn<QStringList>("reasons");
        QTest::addColumn<std::string>("error"); // a whole-file error instead of rejected rows
        QTest::newRow("bad number") << std::string("bad_number.csv") << std::string() << QList<qint64>{3}
                                    << QStringList{QStringLiteral("impressions \"12x4\" is not a number")}
                                    << std::string();
        QTest::newRow("bad date") << std::string("bad_date.csv") << std::string() << QList<qint64>{3}
                                  << QStringList{QStringLiteral("published_at \"2024-13-01 10:00\" is not a date")}
                                  << std::string();
        QTest::newRow("mixed rows") << std::string("mixed_rows.csv") << std::string()
                                    << QList<qint64>{3, 4, 7, 9, 10, 11, 12}
                                    << QStringList{QStringLiteral("impressions \"1O0\" is not a number"),
                                                   QStringLiteral("published_at \"yesterday\" is not a date"),
                                                   QStringLiteral("impressions \"-3\" is negative"),
                                                   QStringLiteral("post p-1 is already on line 2"),
                                                   QStringLiteral("has 3 columns, the header has 5"),
                                                   QStringLiteral("published_at is empty"),
                                                   QStringLiteral("impressions \"3.4%\" is a percentage, not a count")}
                                    << std::string();
        QTest::newRow("missing column")
            << std::string("missing_column.csv") << std::string() << QList<qint64>{} << QStringList{}
            << std::string(
                   "line 1: the x-content header lacks required columns: published_at (column \"Date\", \"Time\")");
        QTest::newRow("forced format missing column")
            << std::string("x_content.csv") << std::string("generic-posts") << QList<qint64>{} << QStringList{}
            << std::string(
                   "line 1: the generic-posts header lacks required columns: published_at (column \"published_at\")");
        QTest::newRow("unterminated quote") << std::string("unterminated_quote.csv") << std::string() << QList<qint64>{}
                                            << QStringList{} << std::string("line 3: a quoted field is never closed");
        QTest::newRow("wrong delimiter")
            << std::string("wrong_delimiter.csv") << std::string() << QList<qint64>{} << QStringList{}
            << std::string("line 1: the header matches no known export; name the format (for example generic-posts) "
                           "and map the columns");
    }
    void malformed()
    {
        QFETCH(std::string, file);
        QFETCH(std::string, format);
        QFETCH(QList<qint64>, lines);
        QFETCH(QStringList, reasons);
        QFETCH(std::string, error);
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        // Something already there, which a failed import must leave exactly as it was.
        QVERIFY(w.import(x, "x_tweet_activity.csv").value().committed);
        const std::string before = dump(w.db);
        CsvImportOptions options;
        options.format = format;
        auto report = w.import(x, file, options);
        if (!error.empty()) {
            QVERIFY(!report);
            QCOMPARE(report.error().detail, error);
        } else {
            QVERIFY2(report, report ? "" : report.error().detail.c_str());
            QVERIFY(!report->committed);
            QCOMPARE(report->rejected.size(), static_cast<std::size_t>(lines.size()));
            for (qsizetype k = 0; k < lines.size(); ++k) {
                QCOMPARE(qint64(report->rejected[static_cast<std::size_t>(k)].line), lines[k]);
                QCOMPARE(QString::fromStdString(report->rejected[static_cast<std::size_t>(k)].reason), reasons[k]);
            }
        }
        QCOMPARE(dump(w.db), before);
    }

    void reimportIsHarmless()
    {
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        QVERIFY(w.import(x, "x_tweet_activity.csv").value().committed);
        const std::string once = dump(w.db);
        // The same bytes again: recognised by SHA-256, nothing written.
        auto again = w.import(x, "x_tweet_activity.csv").value();
        QVERIFY(again.alreadyImported);
        QVERIFY(!again.committed);
        QCOMPARE(dump(w.db), once);
        // Forced, later, with the same posts: upserts, no second copy of any post.
        w.clock.set(kNow + 86400);
        CsvImportOptions options;
        options.reimport = true;
        auto forced = w.import(x, "x_tweet_activity.csv", options).value();
        QVERIFY(forced.committed);
        QCOMPARE(forced.postsCreated, std::int64_t(0));
        QCOMPARE(forced.postsUpdated, std::int64_t(3));
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM posts"), std::int64_t(3));
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM post_targets"), std::int64_t(3));
        QCOMPARE(count(w.db, "SELECT COUNT(*) FROM imports"), std::int64_t(2));
        KpiRange range{"2024-03-01", "2024-03-02", kMar1Utc, kMar1Utc + 2 * 86400};
        QCOMPARE(queryKpis(w.db, range, {x}).value().impressions, 2200.0);
    }

    void dryRunWritesNothing()
    {
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        const std::string before = dump(w.db);
        CsvImportOptions options;
        options.dryRun = true;
        auto report = w.import(x, "x_tweet_activity.csv", options).value();
        QVERIFY(!report.committed);
        QCOMPARE(report.rowsImported, std::int64_t(3));
        QCOMPARE(dump(w.db), before);
    }

    void wrongPlatformOrAccount()
    {
        Workspace w;
        const auto li = w.addAccount(Platform::LinkedIn, "company");
        auto report = w.import(li, "x_tweet_activity.csv");
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Invalid);
        auto missing = w.import(li + 100, "generic_posts.csv");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void cancelRollsBack()
    {
        Workspace w;
        const auto x = w.addAccount(Platform::X, "heraldapp");
        const std::string before = dump(w.db);
        std::stop_source stop;
        CsvImportRequest request;
        request.accountId = x;
        request.fileName = "x_tweet_activity.csv";
        request.content = fixture(request.fileName);
        int calls = 0;
        auto report = importCsv(w.db, request, w.clock, stop.get_token(), [&](double v) {
            ++calls;
            if (v >= 0.4)
                stop.request_stop();
        });
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QVERIFY(calls > 0);
        QCOMPARE(dump(w.db), before);
    }

    void sha256()
    {
        QCOMPARE(sha256Hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

QTEST_APPLESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
