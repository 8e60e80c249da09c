#include <QTest>

#include "TestSupport.h"
#include "herald/engine/import/CsvFormats.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/import/CsvReader.h"
#include "herald/engine/import/CsvValues.h"

using namespace herald;
using namespace herald::engine;

Q_DECLARE_METATYPE(std::string)

namespace {

std::string fixture(const char* name)
{
    return readImportFile(test::fixturesDir() + "/csv/" + name).value();
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void quotedFieldsAndLineNumbers()
    {
        const std::string text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\"\"\r\n";
        auto doc = readCsv(text);
        QVERIFY(doc);
        QCOMPARE(doc->delimiter, ',');
        QCOMPARE(doc->records.size(), std::size_t(3));
        QCOMPARE(doc->records[1].line, std::int64_t(2));
        QCOMPARE(doc->records[1].fields[0], std::string("x, y"));
        QCOMPARE(doc->records[1].fields[1], std::string("he said \"hi\""));
        QCOMPARE(doc->records[1].fields[2], std::string("two\r\nlines"));
        // The quoted line break moves the next record to line 5 (line 4 is blank).
        QCOMPARE(doc->records[2].line, std::int64_t(5));
        QCOMPARE(doc->records[2].fields.size(), std::size_t(3));
        QCOMPARE(doc->records[2].fields[2], std::string());
    }

    void bomAndDelimiters_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<std::string>("second");
        QTest::newRow("comma") << std::string("a,b\n1,2\n") << ',' << std::string("b");
        QTest::newRow("semicolon") << std::string("a;b;c\n1,5;2;3\n") << ';' << std::string("b");
        QTest::newRow("tab") << std::string("a\tb, x\tc\n1\t2\t3\n") << '\t' << std::string("b, x");
        QTest::newRow("bom") << std::string("\xEF\xBB\xBF\xE6\xA0\x87\xE9\xA2\x98,b\n1,2\n") << ',' << std::string("b");
        QTest::newRow("quoted delimiters ignored") << std::string("\"a;b;c\",d\n") << ',' << std::string("d");
        QTest::newRow("utf16le") << std::string("\xFF\xFE"
                                                "a\0,\0b\0\n\0",
                                                10)
                                 << ',' << std::string("b");
    }
    void bomAndDelimiters()
    {
        QFETCH(std::string, text);
        QFETCH(char, delimiter);
        QFETCH(std::string, second);
        auto doc = readCsv(text);
        QVERIFY2(doc, doc ? "" : doc.error().detail.c_str());
        QCOMPARE(doc->delimiter, delimiter);
        QCOMPARE(doc->records[0].fields.at(1), second);
    }

    void structuralErrors_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("detail");
        QTest::newRow("unterminated") << std::string("a,b\n1,2\n3,\"open\n4,5\n")
                                      << std::string("line 3: a quoted field is never closed");
        QTest::newRow("after quote") << std::string("a,b\n\"x\"y,2\n")
                                     << std::string("line 2: text after a closing quote");
        QTest::newRow("not utf8") << std::string("a,b\n\xB1\xEA,2\n")
                                  << std::string("line 2 is not UTF-8 text (save the file as UTF-8 CSV)");
    }
    void structuralErrors()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, detail);
        auto doc = readCsv(text);
        QVERIFY(!doc);
        QCOMPARE(doc.error().code, ErrorCode::Parse);
        QCOMPARE(doc.error().detail, detail);
    }

    void numbers_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<int>("style");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        const int autoStyle = static_cast<int>(NumberStyle::Auto);
        QTest::newRow("plain") << std::string("1234") << autoStyle << true << 1234.0;
        QTest::newRow("comma thousands") << std::string("1,234") << autoStyle << true << 1234.0;
        QTest::newRow("dot thousands") << std::string("1.234") << autoStyle << true << 1234.0;
        QTest::newRow("space thousands") << std::string("1 234 567") << autoStyle << true << 1234567.0;
        QTest::newRow("nbsp thousands") << std::string("12\xC2\xA0"
                                                       "345")
                                        << autoStyle << true << 12345.0;
        QTest::newRow("several groups") << std::string("12.345.678") << autoStyle << true << 12345678.0;
        QTest::newRow("english decimal") << std::string("1,234.5") << autoStyle << true << 1234.5;
        QTest::newRow("german decimal") << std::string("1.234,5") << autoStyle << true << 1234.5;
        QTest::newRow("short decimal") << std::string("3.4") << autoStyle << true << 3.4;
        QTest::newRow("comma decimal") << std::string("3,45") << autoStyle << true << 3.45;
        QTest::newRow("leading zero decimal") << std::string("0.123") << autoStyle << true << 0.123;
        QTest::newRow("percent") << std::string("3.4%") << autoStyle << true << 0.034;
        QTest::newRow("percent comma") << std::string("3,4 %") << autoStyle << true << 0.034;
        QTest::newRow("negative") << std::string("-12") << autoStyle << true << -12.0;
        QTest::newRow("exponent") << std::string("1.5e3") << autoStyle << true << 1500.0;
        QTest::newRow("forced dot decimal")
            << std::string("1.234") << static_cast<int>(NumberStyle::DotDecimal) << true << 1.234;
        QTest::newRow("forced comma decimal")
            << std::string("1,234") << static_cast<int>(NumberStyle::CommaDecimal) << true << 1.234;
        QTest::newRow("bad grouping") << std::string("1,23,4") << autoStyle << false << 0.0;
        QTest::newRow("letters") << std::string("12x4") << autoStyle << false << 0.0;
        QTest::newRow("mixed groups") << std::string("1,234,5.6.7") << autoStyle << false << 0.0;
        QTest::newRow("empty") << std::string("") << autoStyle << false << 0.0;
    }
    void numbers()
    {
        QFETCH(std::string, text);
        QFETCH(int, style);
        QFETCH(bool, ok);
        QFETCH(double, value);
        auto n = parseNumber(text, static_cast<NumberStyle>(style));
        QCOMPARE(n.has_value(), ok);
        if (ok)
            QVERIFY2(std::abs(n->value - value) < 1e-9, std::to_string(n->value).c_str());
    }

    void emptyCells()
    {
        for (const char* s : {"", " ", "-", "--", "N/A", "\xE2\x80\x94"})
            QVERIFY2(isEmptyCell(s), s);
        QVERIFY(!isEmptyCell("0"));
    }

    void dates_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<std::string>("day");
        QTest::addColumn<bool>("zoned");
        QTest::addColumn<qint64>("seconds"); // utc when zoned, else wall time
        const int md = static_cast<int>(DateOrder::MonthFirst);
        const int dm = static_cast<int>(DateOrder::DayFirst);
        const qint64 mar1 = 1709251200; // 2024-03-01T00:00:00Z
        QTest::newRow("x analytics") << std::string("2024-03-01 14:05 +0000") << md << true << std::string("2024-03-01")
                                     << true << mar1 + 14 * 3600 + 300;
        QTest::newRow("iso zulu") << std::string("2024-03-01T14:05:09Z") << md << true << std::string("2024-03-01")
                                  << true << mar1 + 14 * 3600 + 309;
        QTest::newRow("iso offset") << std::string("2024-03-01T14:05:00.250+08:00") << md << true
                                    << std::string("2024-03-01") << true << mar1 + 6 * 3600 + 300;
        QTest::newRow("iso date") << std::string("2024-03-01") << md << true << std::string("2024-03-01") << false
                                  << mar1;
        QTest::newRow("us slashed") << std::string("03/01/2024") << md << true << std::string("2024-03-01") << false
                                    << mar1;
        QTest::newRow("day first slashed")
            << std::string("03/01/2024") << dm << true << std::string("2024-01-03") << false << qint64(1704240000);
        QTest::newRow("meta with time") << std::string("03/01/2024 14:05") << md << true << std::string("2024-03-01")
                                        << false << mar1 + 14 * 3600 + 300;
        QTest::newRow("am pm") << std::string("3/1/2024 2:05 PM") << md << true << std::string("2024-03-01") << false
                               << mar1 + 14 * 3600 + 300;
        QTest::newRow("midnight am") << std::string("3/1/2024 12:30 AM") << md << true << std::string("2024-03-01")
                                     << false << mar1 + 1800;
        QTest::newRow("chinese slashes") << std::string("2024/3/1 14:05") << md << true << std::string("2024-03-01")
                                         << false << mar1 + 14 * 3600 + 300;
        QTest::newRow("chinese") << std::string("2024年3月1日") << md << true << std::string("2024-03-01") << false
                                 << mar1;
        QTest::newRow("chinese time") << std::string("2024年3月1日 14:05") << md << true << std::string("2024-03-01")
                                      << false << mar1 + 14 * 3600 + 300;
        QTest::newRow("dotted") << std::string("01.03.2024") << md << true << std::string("2024-03-01") << false
                                << mar1;
        QTest::newRow("x new export") << std::string("Fri, Mar 01, 2024") << md << true << std::string("2024-03-01")
                                      << false << mar1;
        QTest::newRow("month name") << std::string("March 1, 2024") << md << true << std::string("2024-03-01") << false
                                    << mar1;
        QTest::newRow("day month name") << std::string("1 Mar 2024") << md << true << std::string("2024-03-01") << false
                                        << mar1;
        QTest::newRow("unix seconds") << std::string("1709301900") << md << true << std::string("2024-03-01") << true
                                      << qint64(1709301900);
        QTest::newRow("unix ms") << std::string("1709301900123") << md << true << std::string("2024-03-01") << true
                                 << qint64(1709301900);
        QTest::newRow("utc suffix") << std::string("2024-03-01 14:05 UTC") << md << true << std::string("2024-03-01")
                                    << true << mar1 + 14 * 3600 + 300;
        QTest::newRow("bad month") << std::string("2024-13-01") << md << false << std::string() << false << qint64(0);
        QTest::newRow("feb 30") << std::string("2024-02-30") << md << false << std::string() << false << qint64(0);
        QTest::newRow("leap day") << std::string("2024-02-29") << md << true << std::string("2024-02-29") << false
                                  << qint64(1709164800);
        QTest::newRow("words") << std::string("yesterday") << md << false << std::string() << false << qint64(0);
        QTest::newRow("bad hour") << std::string("2024-03-01 25:00") << md << false << std::string() << false
                                  << qint64(0);
        QTest::newRow("trailing junk") << std::string("2024-03-01 10:00 xyz") << md << false << std::string() << false
                                       << qint64(0);
    }
    void dates()
    {
        QFETCH(std::string, text);
        QFETCH(int, order);
        QFETCH(bool, ok);
        QFETCH(std::string, day);
        QFETCH(bool, zoned);
        QFETCH(qint64, seconds);
        auto d = parseDate(text, static_cast<DateOrder>(order));
        QCOMPARE(d.has_value(), ok);
        if (!ok)
            return;
        QCOMPARE(d->dayString(), day);
        QCOMPARE(d->hasZone, zoned);
        QCOMPARE(qint64(zoned ? d->utcSeconds : d->localSeconds), seconds);
    }

    void detection_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<std::string>("format");
        QTest::addColumn<qint64>("headerLine");
        QTest::addColumn<std::string>("publishedColumn"); // header of the date/day column
        QTest::newRow("x tweets") << QStringLiteral("x_tweet_activity.csv") << std::string("x-tweets") << qint64(1)
                                  << std::string("time");
        QTest::newRow("x content") << QStringLiteral("x_content.csv") << std::string("x-content") << qint64(1)
                                   << std::string("Date");
        QTest::newRow("x overview") << QStringLiteral("x_account_overview.csv") << std::string("x-overview")
                                    << qint64(1) << std::string("Date");
        QTest::newRow("linkedin content") << QStringLiteral("linkedin_content.csv") << std::string("linkedin-content")
                                          << qint64(2) << std::string("Created date");
        QTest::newRow("linkedin metrics") << QStringLiteral("linkedin_metrics.csv") << std::string("linkedin-metrics")
                                          << qint64(1) << std::string("Date");
        QTest::newRow("linkedin followers") << QStringLiteral("linkedin_followers.csv")
                                            << std::string("linkedin-followers") << qint64(1) << std::string("Date");
        QTest::newRow("linkedin visitors") << QStringLiteral("linkedin_visitors.csv")
                                           << std::string("linkedin-visitors") << qint64(1) << std::string("Date");
        QTest::newRow("facebook") << QStringLiteral("facebook_posts.csv") << std::string("facebook-posts") << qint64(1)
                                  << std::string("Publish time");
        QTest::newRow("instagram") << QStringLiteral("instagram_posts.csv") << std::string("instagram-posts")
                                   << qint64(1) << std::string("Publish time");
        QTest::newRow("weibo") << QStringLiteral("weibo_posts.csv") << std::string("weibo-posts") << qint64(1)
                               << std::string("发布时间");
        QTest::newRow("wechat articles") << QStringLiteral("wechat_articles.csv") << std::string("wechat-articles")
                                         << qint64(1) << std::string("发布时间");
        QTest::newRow("wechat users") << QStringLiteral("wechat_users.csv") << std::string("wechat-users") << qint64(1)
                                      << std::string("时间");
        QTest::newRow("generic posts") << QStringLiteral("generic_posts.csv") << std::string("generic-posts")
                                       << qint64(1) << std::string("published_at");
        QTest::newRow("generic daily") << QStringLiteral("generic_daily.csv") << std::string("generic-daily")
                                       << qint64(1) << std::string("day");
    }
    void detection()
    {
        QFETCH(QString, file);
        QFETCH(std::string, format);
        QFETCH(qint64, headerLine);
        QFETCH(std::string, publishedColumn);
        auto preview = previewCsv(fixture(file.toUtf8().constData()), {});
        QVERIFY2(preview, preview ? "" : preview.error().detail.c_str());
        QCOMPARE(preview->layout.format->name, format);
        QCOMPARE(qint64(preview->layout.headerLine), headerLine);
        QVERIFY(preview->missingRequired.empty());
        const bool post = preview->layout.format->kind == CsvRowKind::Post;
        const int col = preview->layout.mapping.column(post ? ImportField::PublishedAt : ImportField::Day);
        QVERIFY(col >= 0);
        QCOMPARE(preview->layout.header.at(static_cast<std::size_t>(col)), publishedColumn);
        QVERIFY(preview->dataRows >= 2);
    }

    void forcedFormatAndMapping()
    {
        // A header no export uses: detection refuses, a forced generic format maps what it can.
        const std::string text = "id,when,views\na,2024-03-01,5\n";
        auto detected = previewCsv(text, {});
        QVERIFY(!detected);
        QCOMPARE(detected.error().code, ErrorCode::Invalid);
        CsvImportOptions forced;
        forced.format = "generic-posts";
        auto preview = previewCsv(text, forced);
        QVERIFY(preview);
        QCOMPARE(preview->missingRequired.size(), std::size_t(1));
        QCOMPARE(preview->missingRequired[0], ImportField::PublishedAt);
        ColumnMapping mapping;
        mapping.set(ImportField::ExternalId, 0);
        mapping.set(ImportField::PublishedAt, 1);
        mapping.set(ImportField::Impressions, 2);
        forced.mapping = mapping;
        preview = previewCsv(text, forced);
        QVERIFY(preview);
        QVERIFY(preview->missingRequired.empty());
        QCOMPARE(preview->rows.size(), std::size_t(1));
        forced.format = "no-such-format";
        QVERIFY(!previewCsv(text, forced));
    }

    void fieldKeysRoundTrip()
    {
        for (int k = 0; k < kImportFieldCount; ++k)
            QCOMPARE(importFieldFromKey(importFieldKey(static_cast<ImportField>(k))),
                     std::optional(static_cast<ImportField>(k)));
        QVERIFY(!importFieldFromKey("nonsense"));
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
