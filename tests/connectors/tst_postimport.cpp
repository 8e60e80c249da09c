#include <QTest>

#include <array>
#include <fstream>

#include "TestSupport.h"
#include "herald/connectors/publish/PostImport.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/QtZoneConverter.h"

using namespace herald;
using namespace herald::connectors;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1773648000; // 2026-03-16T08:00Z
constexpr const char* kBerlin = "Europe/Berlin";

std::string fixture(const char* name)
{
    return herald::test::fixturesDir() + "/posts/" + name;
}

std::int64_t addAccount(engine::Database& db, const std::string& handle, engine::Platform platform)
{
    engine::Account a;
    a.platform = platform;
    a.handle = handle;
    a.baseUrl = "https://example.social";
    a.externalId = handle;
    a.timeZone = kBerlin;
    a.createdUtc = kNow;
    must(engine::AccountRepository(db).upsert(a));
    return a.id;
}

std::int64_t scalar(engine::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return -1;
    const auto v = (*stmt)->int64(0);
    (*stmt)->reset();
    return v;
}

std::string text(engine::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return "<none>";
    auto v = (*stmt)->text(0);
    (*stmt)->reset();
    return v;
}

std::array<std::int64_t, 4> counts(engine::Database& db)
{
    return {scalar(db, "SELECT COUNT(*) FROM posts"), scalar(db, "SELECT COUNT(*) FROM post_targets"),
            scalar(db, "SELECT COUNT(*) FROM media"), scalar(db, "SELECT COUNT(*) FROM post_tags")};
}

bool mentions(const PostImportProblem& p, const std::string& what)
{
    return p.reason.find(what) != std::string::npos;
}

void writeFile(const std::string& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace

class TestPostImport : public QObject
{
    Q_OBJECT

private:
    herald::test::TempFolder m_temp;
    std::optional<engine::Database> m_db;
    PostImportOptions m_options;
    ui::QtZoneConverter m_zones;

private slots:
    void init()
    {
        static int n = 0;
        auto db = engine::Database::create(m_temp.path(("ws" + std::to_string(++n) + ".herald").c_str()));
        QVERIFY2(db.has_value(), db ? "" : db.error().detail.c_str());
        m_db.emplace(std::move(*db));
        QCOMPARE(addAccount(*m_db, "shop@example.social", engine::Platform::Mastodon), std::int64_t(1));
        QCOMPARE(addAccount(*m_db, "shop.bsky.social", engine::Platform::Bluesky), std::int64_t(2));
        engine::Campaign c;
        c.name = "Spring launch";
        c.createdUtc = kNow;
        must(engine::CampaignRepository(*m_db).insert(c));
        QCOMPARE(c.id, std::int64_t(1));
        m_options = PostImportOptions{};
        m_options.mediaFolder = m_temp.path(("media" + std::to_string(n)).c_str());
        m_options.workspaceZone = kBerlin;
        m_options.nowUtc = kNow;
    }

    void cleanup() { m_db.reset(); }

    void goodFileImportsEveryRow()
    {
        auto& db = *m_db;
        // A dry run checks and stores nothing.
        m_options.dryRun = true;
        auto dry = importPostsCsv(db, fixture("good.csv"), m_zones, m_options);
        QVERIFY2(dry.has_value(), dry ? "" : dry.error().detail.c_str());
        QCOMPARE(dry->rows, 3);
        QVERIFY(dry->problems.empty());
        QVERIFY(dry->postIds.empty());
        QCOMPARE(counts(db), (std::array<std::int64_t, 4>{0, 0, 0, 0}));

        m_options.dryRun = false;
        auto result = importPostsCsv(db, fixture("good.csv"), m_zones, m_options);
        QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
        for (const auto& p : result->problems)
            qWarning("line %lld: %s", static_cast<long long>(p.line), p.reason.c_str());
        QVERIFY(result->problems.empty());
        QCOMPARE(result->postIds.size(), std::size_t(3));
        // 3 posts, 2 + 1 + 1 targets, one image, tags launch+spring, cjk, bts.
        QCOMPARE(counts(db), (std::array<std::int64_t, 4>{3, 4, 1, 4}));

        const auto id = [&](int i) { return std::to_string(result->postIds[std::size_t(i)]); };
        // Row 1: both accounts, campaign by name, Berlin wall time (CEST, UTC+2).
        QCOMPARE(scalar(db, "SELECT campaign_id FROM posts WHERE id = " + id(0)), std::int64_t(1));
        QCOMPARE(scalar(db, "SELECT scheduled_utc FROM posts WHERE id = " + id(0)), std::int64_t(1904108400));
        QCOMPARE(text(db, "SELECT status FROM posts WHERE id = " + id(0)), std::string("scheduled"));
        QCOMPARE(text(db, "SELECT group_concat(account_id) FROM (SELECT account_id FROM post_targets WHERE post_id = " +
                              id(0) + " ORDER BY account_id)"),
                 std::string("1,2"));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM post_targets WHERE post_id = " + id(0) +
                                " AND status = 'scheduled' AND next_attempt_utc = 1904108400"),
                 std::int64_t(2));
        // Row 2: CJK text kept byte for byte, the workspace's zone when time_zone is empty.
        QCOMPARE(text(db, "SELECT body FROM posts WHERE id = " + id(1)),
                 std::string("春の新作コレクションが登場しました。新しい季節を一緒に楽しみましょう！"));
        QCOMPARE(text(db, "SELECT time_zone FROM posts WHERE id = " + id(1)), std::string(kBerlin));
        QCOMPARE(text(db, "SELECT local_time FROM posts WHERE id = " + id(1)), std::string("2030-05-05T09:00"));
        QVERIFY(scalar(db, "SELECT campaign_id IS NULL FROM posts WHERE id = " + id(1)) == 1);
        // Row 3: media relative to the CSV, alt text with a colon, campaign by id, New York (EDT, UTC-4).
        QCOMPARE(scalar(db, "SELECT scheduled_utc FROM posts WHERE id = " + id(2)), std::int64_t(1904315400));
        QCOMPARE(scalar(db, "SELECT campaign_id FROM posts WHERE id = " + id(2)), std::int64_t(1));
        QCOMPARE(text(db, "SELECT alt_text FROM media WHERE post_id = " + id(2)),
                 std::string("A single red pixel: tiny"));
        QCOMPARE(text(db, "SELECT mime FROM media WHERE post_id = " + id(2)), std::string("image/png"));
        const std::string stored = text(db, "SELECT path FROM media WHERE post_id = " + id(2));
        QVERIFY(QFileInfo::exists(QString::fromStdString(resolveMediaPath(m_options.mediaFolder, stored))));
        QCOMPARE(text(db, "SELECT sha256 FROM media WHERE post_id = " + id(2)),
                 sha256OfFile(fixture("pixel.png")).value_or("?"));
    }

    void badRowsAreAllReportedAndNothingIsStored()
    {
        auto& db = *m_db;
        const auto before = counts(db);
        auto result = importPostsCsv(db, fixture("bad.csv"), m_zones, m_options);
        QVERIFY2(result.has_value(), result ? "" : result.error().detail.c_str());
        QCOMPARE(result->rows, 4);
        QVERIFY(result->postIds.empty());
        QCOMPARE(counts(db), before);
        // The good row spans lines 2-3 (a quoted newline): the bad ones are on physical lines 4, 5, 6.
        QCOMPARE(result->problems.size(), std::size_t(3));
        QCOMPARE(result->problems[0].line, std::int64_t(4));
        QVERIFY2(mentions(result->problems[0], "account 99 does not exist"), result->problems[0].reason.c_str());
        QCOMPARE(result->problems[1].line, std::int64_t(5));
        QVERIFY2(mentions(result->problems[1], "unknown time zone \"Mars/Olympus\""),
                 result->problems[1].reason.c_str());
        QCOMPARE(result->problems[2].line, std::int64_t(6));
        QVERIFY2(mentions(result->problems[2], "2020-01-01T09:00 Europe/Berlin is in the past"),
                 result->problems[2].reason.c_str());
    }

    void otherProblemsNameTheColumn()
    {
        auto& db = *m_db;
        const std::string path = m_temp.path("other.csv");
        writeFile(path, "accounts,text,at,campaign,media\n"
                        "2," +
                            std::string(301, 'x') +
                            ",2030-01-01T09:00,,\n"
                            "1,Missing picture,2030-01-01T09:00,,nowhere.png:alt\n"
                            "1,Unknown campaign,2030-01-01T09:00,Autumn,\n"
                            "1,Bad time,tomorrow at nine,,\n"
                            "1,Skipped by DST,2030-03-31T02:30,,\n"
                            "x;1,Bad id,,,\n"
                            "1,Too many,,,,\n");
        const auto before = counts(db);
        auto result = importPostsCsv(db, path, m_zones, m_options);
        QVERIFY(result.has_value());
        QCOMPARE(counts(db), before);
        QCOMPARE(result->problems.size(), std::size_t(7));
        const std::vector<std::pair<std::int64_t, std::string>> expected{
            {2, "301 of 300"},
            {3, "nowhere.png does not exist"},
            {4, "campaign: no campaign with the id or name \"Autumn\""},
            {5, "at: \"tomorrow at nine\" is not a wall time"},
            {6, "does not exist in Europe/Berlin"},
            {7, "accounts: \"x\" is not an account id"},
            {8, "has 6 fields, the header 5"}};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(result->problems[i].line, expected[i].first);
            QVERIFY2(mentions(result->problems[i], expected[i].second), result->problems[i].reason.c_str());
        }

        // A header without a required column is refused as a whole.
        writeFile(path, "text,when\nHello,2030-01-01T09:00\n");
        result = importPostsCsv(db, path, m_zones, m_options);
        QVERIFY(result.has_value());
        QCOMPARE(result->problems.size(), std::size_t(3)); // unknown "when", no "at", no "accounts"
        QCOMPARE(result->problems[0].line, std::int64_t(1));
        QVERIFY(mentions(result->problems[0], "unknown column \"when\""));
        QCOMPARE(counts(db), before);

        // A missing file is an error, not a row problem.
        QVERIFY(!importPostsCsv(db, m_temp.path("absent.csv"), m_zones, m_options).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPostImport)
#include "tst_postimport.moc"
