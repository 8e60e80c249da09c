#include <QTest>

#include <nlohmann/json.hpp>

#include "AdsFixture.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/ads/CustomAudience.h"

using namespace herald;
using namespace herald::engine;

class TestCustomAudience : public QObject
{
    Q_OBJECT

private slots:
    // Published hashes: X Ads API docs (sha256 of "adsapi"); TikTok's customer-file page (the normalised
    // international number 37493828222); the empty string. The rest were computed with coreutils sha256sum.
    void sha256_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("hex");
        QTest::newRow("x ads api example") << "adsapi"
                                           << "49e0be2aeccfb51a8dee4c945c8a70a9ac500cf6f5cb08112575f74db9b1470d";
        QTest::newRow("tiktok phone example") << "37493828222"
                                              << "65b7e6dcf6f4310f8d7cbfbd78289a753062fb054d6664fb9aaac5df66a422d4";
        QTest::newRow("empty") << ""
                               << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    }

    void sha256()
    {
        QFETCH(QString, input);
        QFETCH(QString, hex);
        QCOMPARE(identifierSha256(input.toStdString()), hex.toStdString());
    }

    // Meta: "trim leading and trailing white space and convert all characters to lowercase".
    void emails_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("trim and lower") << "  John_Smith@Gmail.com \t"
                                        << "john_smith@gmail.com";
        QTest::newRow("plus kept") << "Ana+News@Example.org"
                                   << "ana+news@example.org";
        QTest::newRow("no at") << "not-an-email"
                               << "";
        QTest::newRow("two ats") << "a@b@c.org"
                                 << "";
        QTest::newRow("inner space") << "a b@c.org"
                                     << "";
        QTest::newRow("empty local part") << "@example.org"
                                          << "";
    }

    void emails()
    {
        QFETCH(QString, raw);
        QFETCH(QString, normalised);
        QCOMPARE(normalizeEmail(raw.toStdString()), normalised.toStdString());
    }

    // Meta: "remove symbols, letters, and any leading zeroes; prefix the country code". Examples from Meta's
    // customer-list help (+44 844 412 4653, 1-234-567-8910) and TikTok's (657)777-0000 -> 16577770000.
    void phones_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("meta uk example") << "+44 844 412 4653"
                                         << ""
                                         << "448444124653";
        QTest::newRow("meta us example") << "1-234-567-8910"
                                         << "US"
                                         << "12345678910";
        QTest::newRow("tiktok us example") << "(657)777-0000"
                                           << "US"
                                           << "16577770000";
        QTest::newRow("tiktok intl example") << "374-93-828222"
                                             << "AM"
                                             << "37493828222";
        QTest::newRow("00 prefix") << "0049 30 1234567"
                                   << "FR"
                                   << "49301234567";
        QTest::newRow("national trunk zero") << "020 7183 8750"
                                             << "GB"
                                             << "442071838750";
        QTest::newRow("letters dropped") << "+1 (650) 555-1212 ext"
                                         << ""
                                         << "16505551212";
        QTest::newRow("no country known") << "030 1234567"
                                          << ""
                                          << "";
        QTest::newRow("too short") << "+49 12"
                                   << ""
                                   << "";
        QTest::newRow("only zeros") << "000"
                                    << "DE"
                                    << "";
    }

    void phones()
    {
        QFETCH(QString, raw);
        QFETCH(QString, country);
        QFETCH(QString, normalised);
        QCOMPARE(normalizePhone(raw.toStdString(), country.toStdString()), normalised.toStdString());
    }

    void buildsHashedList()
    {
        auto db = Database::createInMemory().value();
        test::writeSmallAudience(db);
        const auto ids = audienceMemberIds(db, AudienceFilter{}).value();
        const auto members = loadExportMembers(db, ids).value();
        QCOMPARE(members.size(), std::size_t(8));
        const auto list = buildCustomAudience(members).value();
        QCOMPARE(list.members, std::int64_t(8));
        QCOMPARE(list.emails, std::int64_t(2));
        QCOMPARE(list.phones, std::int64_t(5));
        QCOMPARE(list.rejectedEmails, std::int64_t(1));
        QCOMPARE(list.rejectedPhones, std::int64_t(1));
        QCOMPARE(list.rows.size(), std::size_t(6));
        QCOMPARE(list.rows[0].first, identifierSha256("ana@example.com"));
        QCOMPARE(list.rows[0].second, identifierSha256("49301234567"));
        QCOMPARE(list.rows[1].first, std::string());
        QCOMPARE(list.rows[1].second, identifierSha256("49301234568"));
        // Member 5: (650) 555-1212 in the US.
        QCOMPARE(list.rows[3].second, std::string("e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176"));
        // Member 6: 020 7183 8750 in Great Britain.
        QCOMPARE(list.rows[4].second, std::string("8d5f937f3a5590634cbe975951a6aa1543170671ce6e73cce4062f4e8c288417"));

        const std::string csv = customAudienceCsv(list);
        QVERIFY(csv.rfind("email,phone\n", 0) == 0);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 7L);
        const auto payload = nlohmann::json::parse(customAudienceJson(list));
        QVERIFY(payload["payload"]["schema"] == nlohmann::json({"EMAIL", "PHONE"}));
        QCOMPARE(payload["payload"]["data"].size(), std::size_t(6));
        QCOMPARE(payload["payload"]["data"][0][0].get<std::string>(), identifierSha256("ana@example.com"));
    }

    void noIdentifiersIsAnError()
    {
        auto db = Database::createInMemory().value();
        test::writeSmallAudience(db);
        AudienceFilter f;
        f.countries = {"FR"};
        const auto members = loadExportMembers(db, audienceMemberIds(db, f).value()).value();
        QCOMPARE(members.size(), std::size_t(1));
        const auto list = buildCustomAudience(members);
        QVERIFY(!list);
        QCOMPARE(list.error().code, ErrorCode::Invalid);
        QVERIFY(list.error().detail.find("no identifiers") != std::string::npos);
    }

    void handles()
    {
        std::vector<ExportMember> members = {{1, "ana", "Ana, \"the\" maker", "mastodon", "", "", ""}};
        QCOMPARE(handlesCsv(members),
                 std::string("handle,display_name,platform\nana,\"Ana, \"\"the\"\" maker\",mastodon\n"));
    }
};

QTEST_APPLESS_MAIN(TestCustomAudience)
#include "tst_customaudience.moc"
