#include <QTest>

#include <nlohmann/json.hpp>

#include "AdsFixture.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AdAudiences.h"

using namespace herald;
using namespace herald::engine;
using nlohmann::json;

namespace {

bool contains(const std::vector<std::string>& lines, const std::string& part)
{
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestAdAudiences : public QObject
{
    Q_OBJECT

private slots:
    void countsMembers_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("everyone") << "{}" << qint64(8);
        QTest::newRow("one country") << R"({"countries":["DE"]})" << qint64(2);
        QTest::newRow("countries and interest") << R"({"countries":["de","NL"],"interests":["design"]})" << qint64(2);
        QTest::newRow("language") << R"({"languages":["EN"]})" << qint64(5);
        QTest::newRow("band") << R"({"age_bands":["25-34"]})" << qint64(2);
        QTest::newRow("gender") << R"({"genders":["female"]})" << qint64(3);
        QTest::newRow("segment") << R"({"segment_id":1})" << qint64(4);
        QTest::newRow("segment and country") << R"({"segment_id":1,"countries":["GB"]})" << qint64(1);
        QTest::newRow("explicit ages") << R"({"age_min":40,"age_max":60})" << qint64(3);
        QTest::newRow("ages nobody has") << R"({"age_min":13,"age_max":17})" << qint64(0);
        QTest::newRow("any of two interests") << R"({"interests":["ai","music"]})" << qint64(3);
    }

    void countsMembers()
    {
        QFETCH(QString, spec);
        QFETCH(qint64, expected);
        auto db = Database::createInMemory().value();
        test::writeSmallAudience(db);
        const auto filter = parseAudienceSpec(spec.toStdString()).value();
        QCOMPARE(countAudienceMembers(db, filter).value(), expected);
        QCOMPARE(qint64(audienceMemberIds(db, filter).value().size()), expected);
    }

    void specRoundTrips()
    {
        AudienceFilter f;
        f.segmentId = 3;
        f.lookalikeSegmentId = 4;
        f.countries = {"DE", "NL"};
        f.languages = {"en"};
        f.ageBands = {"25-34"};
        f.genders = {"female"};
        f.interests = {"design"};
        f.ageMin = 21;
        f.metaCustomAudienceId = "2385";
        f.metaInterestIds = {{"design", "6003"}};
        const auto back = parseAudienceSpec(audienceSpecJson(f)).value();
        QCOMPARE(audienceSpecJson(back), audienceSpecJson(f));
        QCOMPARE(*back.lookalikeSegmentId, std::int64_t(4));
        QCOMPARE(back.metaInterestIds.front().second, std::string("6003"));
        QVERIFY(!parseAudienceSpec("[1,2]"));
        QVERIFY(!parseAudienceSpec("{not json"));
    }

    void readsTheDemoSpec()
    {
        const auto f =
            parseAudienceSpec(R"({"countries":["DE","NL"],"age_min":25,"age_max":44,"languages":["en","de"],)"
                              R"("interests":["programming","design","productivity"]})")
                .value();
        QCOMPARE(f.countries.size(), std::size_t(2));
        const auto [low, high] = audienceAgeRange(f);
        QCOMPARE(*low, 25);
        QCOMPARE(*high, 44);
    }

    void derivesFromSegment()
    {
        auto db = Database::createInMemory().value();
        const auto segment = test::writeSmallAudience(db);
        const auto f = deriveAudienceFromSegment(db, segment).value();
        QCOMPARE(*f.segmentId, segment);
        QCOMPARE(f.countries, (std::vector<std::string>{"DE", "GB", "NL"}));
        QCOMPARE(f.languages, (std::vector<std::string>{"en", "de"}));
        QCOMPARE(f.ageBands, (std::vector<std::string>{"25-34", "35-44", "55+"}));
        QVERIFY(f.genders.empty()); // women and men: every gender Meta targets

        QCOMPARE(f.interests, (std::vector<std::string>{"design", "programming"}));
        QCOMPARE(countAudienceMembers(db, f).value(), std::int64_t(4));
        QCOMPARE(deriveAudienceFromSegment(db, 99).error().code, ErrorCode::NotFound);
        test::must(db.exec("INSERT INTO segments(id, name, created_utc) VALUES (2, 'empty', 1)"));
        QCOMPARE(deriveAudienceFromSegment(db, 2).error().code, ErrorCode::Invalid);
        QCOMPARE(findSegment(db, "EU makers").value().members, std::int64_t(4));
        QCOMPARE(findSegment(db, "nope").error().code, ErrorCode::NotFound);
    }

    void savesAudienceWithSize()
    {
        auto db = Database::createInMemory().value();
        test::writeSmallAudience(db);
        const FixedClock clock(1'750'000'000);
        AudienceFilter f;
        f.segmentId = 1;
        f.genders = {"female"};
        const auto id = saveAdAudience(db, "EU women", f, clock).value();
        const auto saved = loadAdAudience(db, id).value();
        QCOMPARE(saved.sizeEstimate, std::int64_t(3));
        QCOMPARE(*saved.segmentId, std::int64_t(1));
        QCOMPARE(saved.createdUtc, std::int64_t(1'750'000'000));
        QCOMPARE(listAdAudiences(db).value().size(), std::size_t(1));
        QCOMPARE(saveAdAudience(db, "", f, clock).error().code, ErrorCode::Invalid);
        QCOMPARE(loadAdAudience(db, 42).error().code, ErrorCode::NotFound);
    }

    void metaTargetingIsValid()
    {
        AudienceFilter f;
        f.countries = {"DE", "GB", "NL"};
        f.ageBands = {"25-34", "55+"};
        f.genders = {"female"};
        f.interests = {"design", "programming"};
        f.metaInterestIds = {{"design", "6003123456789"}};
        f.languages = {"en"};
        f.metaCustomAudienceId = "23851234567890123";
        const auto e = metaTargeting(f);
        QVERIFY2(e.isValid(), e.violations.empty() ? "" : e.violations.front().c_str());
        const auto j = json::parse(e.json);
        QVERIFY(j["geo_locations"]["countries"] == json({"DE", "GB", "NL"}));
        QCOMPARE(j["age_min"].get<int>(), 25);
        QCOMPARE(j["age_max"].get<int>(), 65);
        QVERIFY(j["genders"] == json({2}));
        QCOMPARE(j["flexible_spec"][0]["interests"][0]["id"].get<std::string>(), std::string("6003123456789"));
        QCOMPARE(j["flexible_spec"][0]["interests"][0]["name"].get<std::string>(), std::string("design"));
        QVERIFY(j["herald_unresolved_interests"] == json({"programming"}));
        QVERIFY(j["herald_unresolved_locales"] == json({"en"}));
        QCOMPARE(j["custom_audiences"][0]["id"].get<std::string>(), std::string("23851234567890123"));
        QVERIFY(contains(e.warnings, "adinterest"));
        QVERIFY(contains(e.warnings, "adlocale"));
        QVERIFY(validateMetaTargeting(e.json).empty());
    }

    void metaGendersBothOrOther()
    {
        AudienceFilter f;
        f.countries = {"US"};
        f.genders = {"female", "male"};
        QVERIFY(!json::parse(metaTargeting(f).json).contains("genders"));
        f.genders = {"other"};
        const auto e = metaTargeting(f);
        QVERIFY(!json::parse(e.json).contains("genders"));
        QVERIFY(contains(e.warnings, "\"other\""));
    }

    void invalidSpecsListEveryViolation()
    {
        AudienceFilter f;
        f.countries = {"UK", "DE", "XX"};
        f.ageMin = 12;
        f.ageMax = 70;
        f.metaInterestIds = {{"design", "abc"}};
        f.interests = {"design"};
        const auto e = metaTargeting(f);
        QVERIFY(!e.isValid());
        QCOMPARE(e.violations.size(), std::size_t(5));
        QVERIFY(contains(e.violations, "\"UK\" is not an ISO 3166-1 alpha-2"));
        QVERIFY(contains(e.violations, "\"XX\" is not an ISO 3166-1 alpha-2"));
        QVERIFY(contains(e.violations, "age_min 12 is below Meta's minimum age of 13"));
        QVERIFY(contains(e.violations, "age_max 70 is above Meta's maximum of 65"));
        QVERIFY(contains(e.violations, "flexible_spec[0].interests[0] needs a numeric Meta id"));

        AudienceFilter noGeo;
        noGeo.ageMin = 40;
        noGeo.ageMax = 30;
        const auto g = metaTargeting(noGeo);
        QCOMPARE(g.violations.size(), std::size_t(2));
        QVERIFY(contains(g.violations, "geo_locations is required"));
        QVERIFY(contains(g.violations, "age_min 40 is above age_max 30"));

        const auto raw =
            validateMetaTargeting(R"({"geo_locations":{"countries":["FR"]},"genders":[3],"age_min":"18"})");
        QCOMPARE(raw.size(), std::size_t(2));
        QVERIFY(contains(raw, "genders may only hold 1 (men) and 2 (women), not 3"));
        QVERIFY(contains(raw, "age_min must be a whole number"));
        QVERIFY(contains(validateMetaTargeting("{"), "not valid JSON"));
    }

    void teenWarning()
    {
        AudienceFilter f;
        f.countries = {"FR"};
        f.ageMin = 16;
        const auto e = metaTargeting(f);
        QVERIFY(e.isValid());
        QVERIFY(contains(e.warnings, "below 18"));
    }

    void linkedInTargeting()
    {
        AudienceFilter f;
        f.countries = {"DE"};
        f.ageBands = {"25-34", "35-44"};
        f.genders = {"female"};
        f.languages = {"en", "xx"};
        f.interests = {"design"};
        const auto e = engine::linkedInTargeting(f);
        QVERIFY(e.isValid());
        const auto j = json::parse(e.json);
        const auto& include = j["targetingCriteria"]["include"]["and"];
        QCOMPARE(include.size(), std::size_t(3));
        QVERIFY(include[0]["or"]["urn:li:adTargetingFacet:ageRanges"] ==
                json({"urn:li:ageRange:(25,34)", "urn:li:ageRange:(35,54)"}));
        QVERIFY(include[1]["or"]["urn:li:adTargetingFacet:genders"] == json({"urn:li:gender:FEMALE"}));
        QVERIFY(include[2]["or"]["urn:li:adTargetingFacet:interfaceLocales"] == json({"urn:li:locale:en_US"}));
        QVERIFY(j["herald_unresolved_locations"] == json({"DE"}));
        QVERIFY(j["herald_unresolved_locales"] == json({"xx"}));
        QVERIFY(contains(e.warnings, "wider than the audience's"));

        AudienceFilter bad;
        bad.countries = {"UK"};
        bad.ageMin = 16;
        const auto b = engine::linkedInTargeting(bad);
        QCOMPARE(b.violations.size(), std::size_t(2));
        QVERIFY(contains(b.violations, "\"UK\""));
        QVERIFY(contains(b.violations, "18 and older"));
        QVERIFY(contains(engine::linkedInTargeting(AudienceFilter{}).violations, "requires a location"));
    }

    void isoCodes()
    {
        QVERIFY(isIsoCountryCode("DE"));
        QVERIFY(isIsoCountryCode("ZW"));
        QVERIFY(isIsoCountryCode("AD"));
        QVERIFY(!isIsoCountryCode("UK"));
        QVERIFY(!isIsoCountryCode("de"));
        QVERIFY(!isIsoCountryCode("DEU"));
        QVERIFY(!isIsoCountryCode(""));
    }
};

QTEST_APPLESS_MAIN(TestAdAudiences)
#include "tst_adaudiences.moc"
