#include <QTest>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "TestSupport.h"
#include "herald/engine/demo/DemoGenerator.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"

using namespace herald::engine;

namespace {

constexpr const char* kTables[] = {"settings",         "accounts",
                                   "campaigns",        "posts",
                                   "post_targets",     "tags",
                                   "post_tags",        "post_metrics",
                                   "account_metrics",  "audience_members",
                                   "member_interests", "member_events",
                                   "comments",         "ad_audiences",
                                   "ad_sets",          "ad_metrics",
                                   "ab_tests",         "ab_test_variants"};

// Europe/Berlin in 2026 as a test zone: CET, then CEST from 2026-03-29 01:00 UTC.
constexpr std::int64_t kDstSwitchUtc = 1774746000;

DemoOptions smallOptions(std::uint64_t seed)
{
    DemoOptions o;
    o.days = 120;
    o.audience = 2000;
    o.seed = seed;
    o.endDay = "2026-06-30";
    o.timeZone = "Europe/Berlin";
    return o;
}

int berlinOffset(std::int64_t utc)
{
    return utc < kDstSwitchUtc ? 3600 : 7200;
}

/// The SQL of the zone's offset at the instant `column`; 0 when `dst` is false (a UTC workspace).
std::string offsetSql(bool dst, const std::string& column)
{
    if (!dst)
        return "0";
    return "(CASE WHEN " + column + " >= " + std::to_string(kDstSwitchUtc) + " THEN 7200 ELSE 3600 END)";
}

Database newDatabase()
{
    auto db = Database::createInMemory();
    if (!db)
        qFatal("cannot create an in-memory workspace: %s", db.error().detail.c_str());
    return std::move(*db);
}

std::vector<double> row(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        qFatal("%s: %s", sql.c_str(), stmt.error().detail.c_str());
    auto step = (*stmt)->step();
    if (!step)
        qFatal("%s: %s", sql.c_str(), step.error().detail.c_str());
    std::vector<double> values;
    if (*step)
        for (int c = 0; c < 8 && !(*stmt)->isNull(c); ++c)
            values.push_back((*stmt)->real(c));
    (*stmt)->reset();
    return values;
}

double scalar(Database& db, const std::string& sql)
{
    auto values = row(db, sql);
    return values.empty() ? 0.0 : values.front();
}

std::int64_t countRows(Database& db, const char* table)
{
    return static_cast<std::int64_t>(scalar(db, std::string("SELECT COUNT(*) FROM ") + table));
}

std::vector<std::int64_t> allCounts(Database& db)
{
    std::vector<std::int64_t> counts;
    for (const char* table : kTables)
        counts.push_back(countRows(db, table));
    return counts;
}

/// A weighted sum of every metric value, keyed so that moving a value to another row changes it.
double checksum(Database& db)
{
    return scalar(db,
                  "SELECT COALESCE(SUM(value * ((target_id * 7919 + ts_utc % 100003 + length(metric) * 31) % 1009)), 0)"
                  " FROM post_metrics") +
           scalar(db, "SELECT COALESCE(SUM(value * ((account_id * 131 + CAST(julianday(day) AS INTEGER) * 7 + "
                      "length(metric)) % 1009)), 0) FROM account_metrics") +
           scalar(db, "SELECT COALESCE(SUM(impressions + 3 * clicks + 7 * spend + 11 * conversions + 13 * revenue), 0) "
                      "FROM ad_metrics") +
           scalar(db, "SELECT COALESCE(SUM((member_id % 97) * (ts_utc % 1009)), 0) FROM member_events") +
           scalar(db, "SELECT COALESCE(SUM(length(body) * id), 0) FROM posts") +
           scalar(db, "SELECT COALESCE(SUM(follower_count % 1009), 0) FROM audience_members");
}

/// Per published target: its local publication time and its last (largest) counter values.
std::string targetTotalsSql(bool dst)
{
    return "WITH last AS (SELECT target_id, metric, MAX(value) AS v FROM post_metrics GROUP BY target_id, metric), "
           "totals AS (SELECT target_id, SUM(CASE WHEN metric = 'impressions' THEN v ELSE 0 END) AS impressions, "
           "SUM(CASE WHEN metric <> 'impressions' THEN v ELSE 0 END) AS engagements FROM last GROUP BY target_id) "
           "SELECT t.id, t.published_utc + " +
           offsetSql(dst, "t.published_utc") +
           " AS local_ts, "
           "totals.impressions, totals.engagements FROM totals JOIN post_targets t ON t.id = totals.target_id "
           "WHERE EXISTS (SELECT 1 FROM post_metrics m WHERE m.target_id = t.id AND m.ts_utc >= t.published_utc + 168 "
           "* 3600)";
}

/// Rows of (account, day) whose stored daily metric differs from the post increments of that local day.
std::string dailyMismatchSql(bool dstRule, const char* accountMetric, const char* postMetrics, const char* compare)
{
    return "WITH inc AS (SELECT t.account_id AS account_id, m.metric AS metric, "
           "date(m.ts_utc + " +
           offsetSql(dstRule, "m.ts_utc") +
           ", 'unixepoch') AS day, "
           "m.value - COALESCE(LAG(m.value) OVER (PARTITION BY m.target_id, m.metric ORDER BY m.ts_utc), 0) AS d "
           "FROM post_metrics m JOIN post_targets t ON t.id = m.target_id), "
           "daily AS (SELECT a.account_id, a.day, a.value AS stored, "
           "(SELECT COALESCE(SUM(i.d), 0) FROM inc i WHERE i.account_id = a.account_id AND i.day = a.day AND i.metric "
           "IN " +
           std::string(postMetrics) + ") AS computed FROM account_metrics a WHERE a.metric = '" + accountMetric +
           "') "
           "SELECT COUNT(*) FROM daily WHERE NOT (" +
           compare + ")";
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameSeedSameWorkspace();
    void differentSeedDiffers();
    void summaryMatchesRows();
    void settingsSayDemo();
    void everythingIsPresent();
    void weekdaysBeatWeekends();
    void peakHoursBeatOffPeak();
    void campaignsBurst();
    void dailyTotalsMatchPostIncrements_data();
    void dailyTotalsMatchPostIncrements();
    void daysAreLocal();
    void localTimesMatchZone();
    void permalinksHaveNetworkShape();
    void titlesAreWholeCharacters();
    void interestsCoOccur();
    void adMetricsDifferPerAdSet();
    void cancellationLeavesNothing_data();
    void cancellationLeavesNothing();
    void invalidOptionsAreRejected_data();
    void invalidOptionsAreRejected();
    void refusesNonEmptyWorkspace();
    void tenAccountWorkspaceChecksClean();
    void timing();

private:
    std::optional<Database> m_utc; // seed 1, UTC offsets
    std::optional<Database> m_dst; // seed 1, Berlin offsets with the spring DST switch
    DemoSummary m_summary;
    std::vector<double> m_fractions;
};

void TestDemo::initTestCase()
{
    m_utc = newDatabase();
    auto options = smallOptions(1);
    options.progress = [this](double f) {
        m_fractions.push_back(f);
        return true;
    };
    auto summary = generateDemo(*m_utc, options);
    QVERIFY2(summary.has_value(), summary ? "" : summary.error().detail.c_str());
    m_summary = *summary;

    m_dst = newDatabase();
    auto dst = smallOptions(1);
    dst.utcOffset = berlinOffset;
    auto dstSummary = generateDemo(*m_dst, dst);
    QVERIFY2(dstSummary.has_value(), dstSummary ? "" : dstSummary.error().detail.c_str());

    QVERIFY(m_fractions.size() > 10);
    for (std::size_t i = 1; i < m_fractions.size(); ++i)
        QVERIFY(m_fractions[i] >= m_fractions[i - 1]);
    QCOMPARE(m_fractions.back(), 1.0);
}

void TestDemo::sameSeedSameWorkspace()
{
    auto again = newDatabase();
    auto summary = generateDemo(again, smallOptions(1));
    QVERIFY(summary.has_value());
    QCOMPARE(allCounts(again), allCounts(*m_utc));
    QCOMPARE(checksum(again), checksum(*m_utc));
    QCOMPARE(summary->events, m_summary.events);
}

void TestDemo::differentSeedDiffers()
{
    auto other = newDatabase();
    QVERIFY(generateDemo(other, smallOptions(2)).has_value());
    QVERIFY(checksum(other) != checksum(*m_utc));
}

void TestDemo::summaryMatchesRows()
{
    Database& db = *m_utc;
    QCOMPARE(m_summary.accounts, countRows(db, "accounts"));
    QCOMPARE(m_summary.campaigns, countRows(db, "campaigns"));
    QCOMPARE(m_summary.posts, countRows(db, "posts"));
    QCOMPARE(m_summary.targets, countRows(db, "post_targets"));
    QCOMPARE(m_summary.postMetrics, countRows(db, "post_metrics"));
    QCOMPARE(m_summary.accountMetrics, countRows(db, "account_metrics"));
    QCOMPARE(m_summary.members, countRows(db, "audience_members"));
    QCOMPARE(m_summary.events, countRows(db, "member_events"));
    QCOMPARE(m_summary.comments, countRows(db, "comments"));
    QCOMPARE(m_summary.adSets, countRows(db, "ad_sets"));
    QCOMPARE(m_summary.accounts, std::int64_t{4});
    QCOMPARE(m_summary.members, std::int64_t{2000});
    QCOMPARE(m_summary.accountMetrics, std::int64_t{4 * 4 * 120});
}

void TestDemo::settingsSayDemo()
{
    SettingsRepository settings(*m_utc);
    QCOMPARE(settings.isDemo().value_or(false), true);
    QCOMPARE(settings.value(settingKeys::kDemoSeed)->value_or(""), std::string("1"));
    QCOMPARE(settings.value(settingKeys::kTimeZone)->value_or(""), std::string("Europe/Berlin"));
    QVERIFY(settings.value(settingKeys::kName)->value_or("").find("demo") != std::string::npos);
}

void TestDemo::everythingIsPresent()
{
    Database& db = *m_utc;
    const double posts = scalar(db, "SELECT COUNT(*) FROM posts WHERE status = 'published'");
    QVERIFY2(posts >= 1.7 * 120 && posts <= 3.0 * 120, QByteArray::number(posts));
    // About 70/30 English and Chinese: CJK text is multi-byte, so its byte length exceeds its length.
    const double chinese = scalar(db, "SELECT AVG(length(CAST(body AS BLOB)) > length(body) + 10) FROM posts");
    QVERIFY2(chinese > 0.2 && chinese < 0.4, QByteArray::number(chinese));
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM posts WHERE status = 'scheduled' AND scheduled_utc > "
                       "(SELECT MAX(published_utc) FROM post_targets)") >= 5);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM posts WHERE status = 'draft'") >= 1);
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT name) FROM tags") >= 6);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM posts WHERE campaign_id IS NOT NULL") > 20);
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT colour) FROM campaigns") == 3);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM campaigns WHERE end_day > '2026-06-30' AND start_day <= '2026-06-30'") ==
            1);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM accounts WHERE secret_ref <> '' OR external_id IS NULL "
                       "OR status <> 'connected' OR time_zone <> 'Europe/Berlin'") == 0);
    const double comments = scalar(db, "SELECT COUNT(*) FROM comments") / posts;
    QVERIFY2(comments >= 0.5 && comments <= 1.2, QByteArray::number(comments));
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT language) FROM comments") == 2);
    const double contact = scalar(db, "SELECT AVG(email <> '') FROM audience_members");
    QVERIFY2(contact > 0.1 && contact < 0.2, QByteArray::number(contact));
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM audience_members WHERE email <> '' AND email NOT LIKE '%@example.%'") ==
            0);
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT language) FROM audience_members") >= 5);
    QVERIFY(scalar(db, "SELECT AVG(gender = '') FROM audience_members") > 0.2);
    // Heavy tail: the largest follower count dwarfs the median.
    QVERIFY(scalar(db, "SELECT MAX(follower_count) FROM audience_members") >
            50 * scalar(db, "SELECT follower_count FROM audience_members ORDER BY follower_count "
                            "LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM audience_members)"));
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM member_events e JOIN post_targets t ON t.id = e.target_id "
                       "WHERE e.ts_utc <= t.published_utc") == 0);
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT kind) FROM member_events") == 6);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM ab_test_variants WHERE ad_set_id IS NOT NULL") == 2);
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM ad_audiences WHERE json_valid(spec_json)") == 2);
}

void TestDemo::weekdaysBeatWeekends()
{
    // Mean engagements per post by local weekday of publication.
    auto means =
        row(*m_utc, "SELECT AVG(CASE WHEN strftime('%w', local_ts, 'unixepoch') IN ('0', '6') THEN engagements END), "
                    "AVG(CASE WHEN strftime('%w', local_ts, 'unixepoch') NOT IN ('0', '6') THEN engagements END) "
                    "FROM (" +
                        targetTotalsSql(false) + ")");
    QCOMPARE(means.size(), std::size_t{2});
    QVERIFY2(means[1] > 1.2 * means[0],
             (QByteArray::number(means[1]) + " vs " + QByteArray::number(means[0])).constData());
}

void TestDemo::peakHoursBeatOffPeak()
{
    const std::string byHour =
        "SELECT CAST(strftime('%H', local_ts, 'unixepoch') AS INTEGER) AS h, AVG(impressions) AS i, "
        "COUNT(*) AS n FROM (" +
        targetTotalsSql(false) + ") GROUP BY h";
    auto peak = row(*m_utc, "SELECT h FROM (" + byHour + ") WHERE n >= 8 ORDER BY i DESC LIMIT 1");
    QCOMPARE(peak.size(), std::size_t{1});
    const int hour = static_cast<int>(peak[0]);
    QVERIFY2((hour >= 9 && hour <= 11) || (hour >= 19 && hour <= 21), QByteArray::number(hour));
    auto means = row(*m_utc, "SELECT AVG(CASE WHEN h IN (9, 10, 11, 19, 20, 21) THEN impressions END), "
                             "AVG(CASE WHEN h NOT IN (9, 10, 11, 19, 20, 21) THEN impressions END) FROM "
                             "(SELECT CAST(strftime('%H', local_ts, 'unixepoch') AS INTEGER) AS h, impressions FROM (" +
                                 targetTotalsSql(false) + "))");
    QVERIFY2(means[0] > 1.25 * means[1],
             (QByteArray::number(means[0]) + " vs " + QByteArray::number(means[1])).constData());
}

void TestDemo::campaignsBurst()
{
    auto means =
        row(*m_utc, "SELECT AVG(CASE WHEN inside THEN e END), AVG(CASE WHEN NOT inside THEN e END) FROM "
                    "(SELECT a.day, SUM(a.value) AS e, EXISTS (SELECT 1 FROM campaigns c WHERE a.day BETWEEN "
                    "c.start_day AND c.end_day) AS inside FROM account_metrics a WHERE a.metric = 'engagements' "
                    "GROUP BY a.day)");
    QCOMPARE(means.size(), std::size_t{2});
    QVERIFY2(means[0] > 1.4 * means[1],
             (QByteArray::number(means[0]) + " vs " + QByteArray::number(means[1])).constData());
    // Followers grow, and faster while a campaign runs.
    auto growth =
        row(*m_utc, "WITH f AS (SELECT day, SUM(value) AS v FROM account_metrics WHERE metric = 'followers' "
                    "GROUP BY day), g AS (SELECT day, v - LAG(v) OVER (ORDER BY day) AS d FROM f) "
                    "SELECT AVG(CASE WHEN EXISTS (SELECT 1 FROM campaigns c WHERE g.day BETWEEN c.start_day AND "
                    "c.end_day) THEN d END), AVG(CASE WHEN NOT EXISTS (SELECT 1 FROM campaigns c WHERE g.day "
                    "BETWEEN c.start_day AND c.end_day) THEN d END) FROM g WHERE d IS NOT NULL");
    QVERIFY(growth[1] > 0);
    QVERIFY(growth[0] > 2 * growth[1]);
}

void TestDemo::dailyTotalsMatchPostIncrements_data()
{
    QTest::addColumn<bool>("dst");
    QTest::newRow("utc") << false;
    QTest::newRow("berlin with DST") << true;
}

void TestDemo::dailyTotalsMatchPostIncrements()
{
    QFETCH(bool, dst);
    Database& db = dst ? *m_dst : *m_utc;
    const char* engagementMetrics = "('likes', 'replies', 'reposts', 'quotes', 'clicks')";
    QCOMPARE(scalar(db, dailyMismatchSql(dst, "engagements", engagementMetrics, "stored = computed")), 0.0);
    // Impressions are the posts' increments plus a small positive baseline.
    QCOMPARE(scalar(db, dailyMismatchSql(dst, "impressions", "('impressions')",
                                         "stored >= computed + 3 AND stored <= computed + 1000")),
             0.0);
    // Every increment lands on a day of the history.
    QCOMPARE(
        scalar(db,
               "SELECT COUNT(*) FROM post_metrics m JOIN post_targets t ON t.id = m.target_id WHERE date(m.ts_utc + " +
                   offsetSql(dst, "m.ts_utc") + ", 'unixepoch') NOT BETWEEN '2026-03-03' AND '2026-06-30'"),
        0.0);
    QVERIFY(scalar(db, "SELECT SUM(value) FROM account_metrics WHERE metric = 'engagements'") > 1000);
    QVERIFY(scalar(db, "SELECT MIN(value) FROM account_metrics WHERE metric = 'impressions'") > 0);
}

void TestDemo::daysAreLocal()
{
    // Counting the DST workspace's increments by UTC day instead of local day must disagree.
    const char* engagementMetrics = "('likes', 'replies', 'reposts', 'quotes', 'clicks')";
    QVERIFY(scalar(*m_dst, dailyMismatchSql(false, "engagements", engagementMetrics, "stored = computed")) > 0);
    auto days = row(*m_dst, "SELECT COUNT(DISTINCT day) FROM account_metrics");
    QCOMPARE(days.at(0), 120.0);
}

void TestDemo::localTimesMatchZone()
{
    for (bool dst : {false, true}) {
        Database& db = dst ? *m_dst : *m_utc;
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM posts WHERE scheduled_utc IS NOT NULL AND strftime('%Y-%m-%dT%H:%M', "
                            "scheduled_utc + " +
                                offsetSql(dst, "scheduled_utc") + ", 'unixepoch') <> local_time"),
                 0.0);
        QVERIFY(scalar(db, "SELECT COUNT(*) FROM posts WHERE local_time <> ''") > 200);
    }
    // Before and after the switch the same wall time is a different UTC hour.
    auto hours = row(
        *m_dst, "SELECT MIN(o), MAX(o), COUNT(DISTINCT o) FROM (SELECT (CAST(substr(local_time, 12, 2) AS "
                "INTEGER) - (scheduled_utc / 3600) % 24 + 24) % 24 AS o FROM posts WHERE scheduled_utc IS NOT NULL)");
    QCOMPARE(hours.at(0), 1.0);
    QCOMPARE(hours.at(1), 2.0);
    QCOMPARE(hours.at(2), 2.0);
}

void TestDemo::permalinksHaveNetworkShape()
{
    Database& db = *m_utc;
    const char* shapes[] = {
        "a.platform = 'mastodon' AND t.permalink = 'https://mastodon.social/@herald_demo/' || t.external_id "
        "AND t.external_id NOT GLOB '*[^0-9]*'",
        "a.platform = 'bluesky' AND t.permalink GLOB 'https://bsky.app/profile/heralddemo.bsky.social/post/*' AND "
        "length(t.permalink) = 66 "
        "AND t.external_id = 'at://' || a.external_id || '/app.bsky.feed.post/' || substr(t.permalink, -13)",
        "a.platform = 'x' AND t.permalink = 'https://x.com/herald_demo/status/' || t.external_id "
        "AND t.external_id NOT GLOB '*[^0-9]*'",
        "a.platform = 'linkedin' AND t.permalink = 'https://www.linkedin.com/feed/update/' || t.external_id "
        "AND t.external_id GLOB 'urn:li:share:[0-9]*'",
    };
    for (const char* shape : shapes)
        QVERIFY2(scalar(db, std::string(
                                "SELECT COUNT(*) FROM post_targets t JOIN accounts a ON a.id = t.account_id WHERE ") +
                                shape) > 20,
                 shape);
    QCOMPARE(scalar(db, "SELECT COUNT(*) FROM post_targets WHERE status = 'published' AND (permalink = '' OR "
                        "external_id IS NULL OR published_utc IS NULL)"),
             0.0);
}

// The calendar shows titles: each is the start of its body, cut between characters.
void TestDemo::titlesAreWholeCharacters()
{
    auto stmt = m_utc->prepare("SELECT title, body FROM posts").value();
    int chinese = 0, checked = 0;
    while (stmt->step().value()) {
        const std::string title = stmt->text(0);
        const std::string body = stmt->text(1);
        QVERIFY2(body.starts_with(title), title.c_str());
        QVERIFY(title.size() <= 60);
        // Valid UTF-8: every lead byte is followed by exactly its continuation bytes.
        for (std::size_t i = 0; i < title.size();) {
            const auto lead = static_cast<unsigned char>(title[i]);
            const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
            QVERIFY2(n > 0 && i + n <= title.size(), title.c_str());
            for (std::size_t k = 1; k < n; ++k)
                QVERIFY2((static_cast<unsigned char>(title[i + k]) & 0xC0) == 0x80, title.c_str());
            i += n;
        }
        chinese += title.find("\xE7\xA4\xBE\xE5\x8C\xBA") == 0 ? 1 : 0; // "社区"
        ++checked;
    }
    stmt->reset();
    QVERIFY(checked > 100);
    QVERIFY(chinese > 0); // "社区提问：..." was cut inside "区" before
}

void TestDemo::interestsCoOccur()
{
    Database& db = *m_utc;
    const double ux = scalar(db, "SELECT AVG(EXISTS (SELECT 1 FROM member_interests i WHERE i.member_id = m.id AND "
                                 "i.interest = 'ux')) FROM audience_members m");
    const double uxGivenDesign =
        scalar(db, "SELECT AVG(EXISTS (SELECT 1 FROM member_interests i WHERE i.member_id = "
                   "d.member_id AND i.interest = 'ux')) FROM member_interests d WHERE d.interest = 'design'");
    QVERIFY2(uxGivenDesign > 0.6 && uxGivenDesign > 4 * ux,
             (QByteArray::number(uxGivenDesign) + " vs " + QByteArray::number(ux)).constData());
}

void TestDemo::adMetricsDifferPerAdSet()
{
    Database& db = *m_utc;
    QVERIFY(scalar(db, "SELECT COUNT(*) FROM ad_sets") >= 3);
    QVERIFY(scalar(db, "SELECT COUNT(DISTINCT platform) FROM ad_sets") >= 3);
    auto ctr = row(db, "SELECT MIN(c), MAX(c) FROM (SELECT 1.0 * SUM(clicks) / SUM(impressions) AS c FROM ad_metrics "
                       "GROUP BY ad_set_id)");
    QVERIFY(ctr.at(1) > 1.5 * ctr.at(0));
    QCOMPARE(scalar(db,
                    "SELECT COUNT(*) FROM ad_metrics m JOIN ad_sets s ON s.id = m.ad_set_id JOIN campaigns c ON "
                    "c.id = s.campaign_id WHERE m.day NOT BETWEEN c.start_day AND c.end_day OR m.day > '2026-06-30' "
                    "OR m.spend <= 0 OR m.conversions > m.clicks"),
             0.0);
}

void TestDemo::cancellationLeavesNothing_data()
{
    QTest::addColumn<double>("when");
    QTest::newRow("first call") << 0.0;
    QTest::newRow("midway") << 0.5;
    QTest::newRow("last before commit") << 1.0;
}

void TestDemo::cancellationLeavesNothing()
{
    QFETCH(double, when);
    // Calls before the commit in a full run: all but the final 1.0.
    const int calls = static_cast<int>(m_fractions.size()) - 1;
    const int cancelAt = static_cast<int>(when * (calls - 1));
    auto db = newDatabase();
    auto options = smallOptions(1);
    int seen = 0;
    options.progress = [&](double) { return seen++ != cancelAt; };
    auto result = generateDemo(db, options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Cancelled);
    QCOMPARE(seen, cancelAt + 1);
    for (const char* table : kTables)
        QVERIFY2(countRows(db, table) == 0, table);
}

void TestDemo::invalidOptionsAreRejected_data()
{
    QTest::addColumn<QString>("endDay");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("accounts");
    QTest::addColumn<int>("audience");
    QTest::newRow("no end day") << QString() << 120 << 4 << 100;
    QTest::newRow("not a date") << QStringLiteral("2026-02-30") << 120 << 4 << 100;
    QTest::newRow("not a date at all") << QStringLiteral("yesterday") << 120 << 4 << 100;
    QTest::newRow("too short") << QStringLiteral("2026-06-30") << 5 << 4 << 100;
    QTest::newRow("no accounts") << QStringLiteral("2026-06-30") << 120 << 0 << 100;
    QTest::newRow("too many accounts") << QStringLiteral("2026-06-30") << 120 << 11 << 100;
    QTest::newRow("negative audience") << QStringLiteral("2026-06-30") << 120 << 4 << -1;
}

void TestDemo::invalidOptionsAreRejected()
{
    QFETCH(QString, endDay);
    QFETCH(int, days);
    QFETCH(int, accounts);
    QFETCH(int, audience);
    auto db = newDatabase();
    auto options = smallOptions(1);
    options.endDay = endDay.toStdString();
    options.days = days;
    options.accounts = accounts;
    options.audience = audience;
    auto result = generateDemo(db, options);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Invalid);
    QCOMPARE(countRows(db, "settings"), std::int64_t{0});
}

void TestDemo::refusesNonEmptyWorkspace()
{
    const auto before = allCounts(*m_utc);
    auto result = generateDemo(*m_utc, smallOptions(3));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, herald::ErrorCode::Invalid);
    QCOMPARE(allCounts(*m_utc), before);
}

void TestDemo::tenAccountWorkspaceChecksClean()
{
    herald::test::TempFolder folder;
    QVERIFY(folder.isValid());
    auto db = Database::create(folder.path("demo.herald"));
    QVERIFY2(db.has_value(), db ? "" : db.error().detail.c_str());
    auto options = smallOptions(7);
    options.accounts = 10;
    options.days = 60;
    options.audience = 800;
    options.utcOffset = berlinOffset;
    auto summary = generateDemo(*db, options);
    QVERIFY2(summary.has_value(), summary ? "" : summary.error().detail.c_str());
    QCOMPARE(summary->accounts, std::int64_t{10});
    auto problems = checkWorkspace(*db);
    QVERIFY(problems.has_value());
    for (const auto& p : *problems)
        qWarning("%s", p.c_str());
    QVERIFY(problems->empty());
    // Every network published something with its own permalink shape.
    QCOMPARE(scalar(*db, "SELECT COUNT(DISTINCT a.id) FROM post_targets t JOIN accounts a ON a.id = t.account_id "
                         "WHERE t.status = 'published'"),
             10.0);
    QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM post_targets t JOIN accounts a ON a.id = t.account_id WHERE t.status = "
                         "'published' AND NOT (t.permalink GLOB 'https://*' AND (a.platform <> 'weibo' OR t.permalink "
                         "GLOB 'https://weibo.com/*') AND (a.platform <> 'douyin' OR t.permalink GLOB "
                         "'https://www.douyin.com/video/*') AND (a.platform <> 'wechat' OR t.permalink GLOB "
                         "'https://mp.weixin.qq.com/s/*') AND (a.platform <> 'instagram' OR t.permalink GLOB "
                         "'https://www.instagram.com/p/*/') AND (a.platform <> 'facebook' OR t.permalink GLOB "
                         "'https://www.facebook.com/*/posts/*'))"),
             0.0);
    // Chinese-only networks carry only Chinese posts.
    QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM post_targets t JOIN accounts a ON a.id = t.account_id JOIN posts p ON "
                         "p.id = t.post_id WHERE a.platform IN ('weibo', 'wechat', 'douyin') AND "
                         "length(CAST(p.body AS BLOB)) = length(p.body)"),
             0.0);
}

void TestDemo::timing()
{
    // Sizes of the real demo; slow under sanitizers, so only on request.
    if (!std::getenv("HERALD_DEMO_TIMING"))
        QSKIP("set HERALD_DEMO_TIMING=1 to time the default and the five-year demo");
    struct Case
    {
        const char* name;
        int days;
        int accounts;
    };
    for (const Case& c : {Case{"default (365 days, 4 accounts)", 365, 4}, Case{"five years, 10 accounts", 1826, 10}}) {
        herald::test::TempFolder folder;
        auto db = Database::create(folder.path("timing.herald"));
        QVERIFY(db.has_value());
        DemoOptions options;
        options.days = c.days;
        options.accounts = c.accounts;
        options.endDay = "2026-06-30";
        options.utcOffset = berlinOffset;
        const auto start = std::chrono::steady_clock::now();
        auto s = generateDemo(*db, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY(s.has_value());
        qInfo("%s: %.2f s; accounts %lld campaigns %lld posts %lld targets %lld post metrics %lld account metrics %lld "
              "members %lld events %lld comments %lld ad sets %lld",
              c.name, seconds, static_cast<long long>(s->accounts), static_cast<long long>(s->campaigns),
              static_cast<long long>(s->posts), static_cast<long long>(s->targets),
              static_cast<long long>(s->postMetrics), static_cast<long long>(s->accountMetrics),
              static_cast<long long>(s->members), static_cast<long long>(s->events),
              static_cast<long long>(s->comments), static_cast<long long>(s->adSets));
    }
}

QTEST_APPLESS_MAIN(TestDemo)
#include "tst_demo.moc"
