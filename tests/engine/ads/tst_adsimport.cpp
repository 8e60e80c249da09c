#include <QTest>

#include "AdsFixture.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AdsImport.h"
#include "herald/engine/store/AdRepository.h"

using namespace herald;
using namespace herald::engine;

namespace {

// The shape of an Ads Manager "Export table data" CSV with a daily breakdown (BOM, quoted header cells).
const std::string kGood =
    "\xEF\xBB\xBF\"Reporting starts\",\"Reporting ends\",\"Ad set name\",\"Ad Set ID\",\"Impressions\",\"Link clicks\","
    "\"Amount spent (EUR)\",\"Results\",\"Purchase conversion value\"\r\n"
    "2026-05-01,2026-05-01,\"Spring, lookalike\",2385001,12000,150,96.40,6,359.70\r\n"
    "2026-05-02,2026-05-02,\"Spring, lookalike\",2385001,11000,120,88.10,4,239.80\r\n"
    "2026-05-01,2026-05-01,Stories,2385002,9000,,50.00,,\r\n"
    "2026-05-01,2026-05-01,Stories,2385002,1000,20,10.00,1,19.90\r\n";

std::int64_t count(Database& db, const char* table)
{
    return static_cast<std::int64_t>(test::scalar(db, std::string("SELECT COUNT(*) FROM ") + table));
}

} // namespace

class TestAdsImport : public QObject
{
    Q_OBJECT

private slots:
    void importsDailyRows()
    {
        auto db = Database::createInMemory().value();
        const FixedClock clock(1'780'000'000);
        const auto s = importAdsCsv(db, kGood, "export.csv", clock).value();
        QCOMPARE(s.rows, std::int64_t(4));
        QCOMPARE(s.days, std::int64_t(3));
        QCOMPARE(s.adSetsCreated, std::int64_t(2));
        QCOMPARE(s.currency, std::string("EUR"));
        QCOMPARE(count(db, "ad_sets"), std::int64_t(2));
        QCOMPARE(count(db, "ad_metrics"), std::int64_t(3));
        QCOMPARE(test::scalar(db, "SELECT impressions FROM ad_metrics m JOIN ad_sets s ON s.id = m.ad_set_id "
                                  "WHERE s.name = 'Stories'"),
                 10000.0);
        QCOMPARE(test::scalar(db, "SELECT clicks FROM ad_metrics m JOIN ad_sets s ON s.id = m.ad_set_id "
                                  "WHERE s.name = 'Stories'"),
                 20.0);
        QCOMPARE(test::scalar(db, "SELECT spend FROM ad_metrics m JOIN ad_sets s ON s.id = m.ad_set_id "
                                  "WHERE s.name = 'Stories'"),
                 60.0);
        QCOMPARE(test::scalar(db, "SELECT SUM(revenue) FROM ad_metrics m JOIN ad_sets s ON s.id = m.ad_set_id "
                                  "WHERE s.name = 'Spring, lookalike'"),
                 599.5);
        QCOMPARE(test::scalar(db, "SELECT COUNT(*) FROM ad_sets WHERE external_id = '2385001' AND currency = 'EUR'"),
                 1.0);
        QCOMPARE(test::scalar(db, "SELECT rows FROM imports WHERE kind = 'ads'"), 4.0);

        // Importing again replaces the days instead of adding them.
        const auto again = importAdsCsv(db, kGood, "export.csv", clock).value();
        QCOMPARE(again.adSetsUpdated, std::int64_t(2));
        QCOMPARE(count(db, "ad_sets"), std::int64_t(2));
        QCOMPARE(test::scalar(db, "SELECT SUM(impressions) FROM ad_metrics"), 33000.0);
    }

    void alternativeColumnNames()
    {
        auto db = Database::createInMemory().value();
        const std::string csv = "Ad set name,Day,Impressions,Clicks (all),Amount spent (USD),Purchases\n"
                                "A,2026-01-05,100,3,1.5,1\n";
        const auto s = importAdsCsv(db, csv, "a.csv", FixedClock(1)).value();
        QCOMPARE(s.currency, std::string("USD"));
        QCOMPARE(test::scalar(db, "SELECT conversions FROM ad_metrics"), 1.0);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing impressions") << "Ad set name,Day,Link clicks,Amount spent (EUR)\nA,2026-01-01,3,1\n"
                                             << "missing column(s) \"Impressions\"";
        QTest::newRow("missing two") << "Ad set name,Impressions,Link clicks\nA,10,3\n"
                                     << "missing column(s) \"Day\" or \"Reporting starts\", \"Amount spent (XXX)\"";
        QTest::newRow("two currencies")
            << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR),Amount spent (USD)\nA,2026-01-01,10,1,1,1\n"
            << "currency mix: columns \"Amount spent (EUR)\" and \"Amount spent (USD)\"";
        QTest::newRow("bad number")
            << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\nA,2026-01-01,10,1,1\nA,2026-01-02,ten,1,1\n"
            << "line 3: column \"Impressions\" value \"ten\" is not a non-negative number";
        QTest::newRow("bad date") << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\nA,01/02/2026,10,1,1\n"
                                  << "line 2: column \"Day\" value \"01/02/2026\" is not a date";
        QTest::newRow("more clicks than impressions")
            << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\nA,2026-01-01,10,11,1\n"
            << "line 2: more clicks (11) than impressions (10)";
        QTest::newRow("short line") << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\nA,2026-01-01,10\n"
                                    << "line 2: 3 cells, the header has 5";
        QTest::newRow("empty name")
            << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\n,2026-01-01,10,1,1\n"
            << "line 2: column \"Ad set name\" is empty";
        QTest::newRow("header only") << "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR)\n"
                                     << "no data lines";
        QTest::newRow("unclosed quote") << "Ad set name,Day\n\"A,2026-01-01\n"
                                        << "line 2: a quoted cell is never closed";
    }

    void rejectsBadFiles()
    {
        QFETCH(QString, csv);
        QFETCH(QString, message);
        auto db = Database::createInMemory().value();
        const auto r = importAdsCsv(db, csv.toStdString(), "bad.csv", FixedClock(1));
        QVERIFY(!r);
        QVERIFY2(r.error().detail.find(message.toStdString()) != std::string::npos, r.error().detail.c_str());
        QCOMPARE(count(db, "ad_sets"), std::int64_t(0));
        QCOMPARE(count(db, "ad_metrics"), std::int64_t(0));
        QCOMPARE(count(db, "imports"), std::int64_t(0));
    }

    void currencyOfExistingAdSetWins()
    {
        auto db = Database::createInMemory().value();
        AdSet usd;
        usd.name = "Stories";
        usd.currency = "USD";
        usd.createdUtc = 1;
        AdRepository(db).insertAdSet(usd).value();
        const auto r = importAdsCsv(db, kGood, "export.csv", FixedClock(1));
        QVERIFY(!r);
        QVERIFY(r.error().detail.find("ad set \"Stories\" is in USD") != std::string::npos);
        // One transaction: the other ad set of the file was not kept either.
        QCOMPARE(count(db, "ad_sets"), std::int64_t(1));
        QCOMPARE(count(db, "ad_metrics"), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestAdsImport)
#include "tst_adsimport.moc"
