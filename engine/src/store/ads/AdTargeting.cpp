// Targeting exports of an ad audience: Meta Marketing API specs with their validation, LinkedIn targetingCriteria.
#include "herald/engine/ads/AdAudiences.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace herald::engine {

namespace {

using nlohmann::json;

constexpr int kMetaAgeCeiling = 65; // Meta's age_max; 65 means 65 and older

// ISO 3166-1 alpha-2 officially assigned codes (249).
constexpr std::string_view kIsoCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ "
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO "
    "FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE "
    "JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO "
    "MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW "
    "PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM "
    "TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

std::string languageLocale(const std::string& language)
{
    static const std::pair<const char*, const char*> kLocales[] = {
        {"en", "en_US"}, {"de", "de_DE"}, {"fr", "fr_FR"}, {"es", "es_ES"}, {"it", "it_IT"},
        {"nl", "nl_NL"}, {"pt", "pt_BR"}, {"ja", "ja_JP"}, {"zh", "zh_CN"}, {"ko", "ko_KR"}};
    for (const auto& [lang, locale] : kLocales)
        if (language == lang)
            return locale;
    return {};
}

} // namespace

bool isIsoCountryCode(std::string_view code)
{
    if (code.size() != 2)
        return false;
    for (std::size_t i = 0; i + 1 < kIsoCountries.size(); i += 3)
        if (kIsoCountries.substr(i, 2) == code)
            return true;
    return false;
}

std::vector<std::string> validateMetaTargeting(std::string_view text)
{
    std::vector<std::string> v;
    json j;
    try {
        j = json::parse(text);
    } catch (const std::exception& e) {
        v.push_back(std::string("not valid JSON: ") + e.what());
        return v;
    }
    if (!j.is_object())
        return {"the targeting spec must be a JSON object"};
    const bool hasGeo = j.contains("geo_locations") && j["geo_locations"].is_object() &&
                        std::any_of(j["geo_locations"].begin(), j["geo_locations"].end(),
                                    [](const json& g) { return g.is_array() && !g.empty(); });
    if (!hasGeo)
        v.emplace_back("geo_locations is required: choose at least one country");
    if (hasGeo && j["geo_locations"].contains("countries")) {
        const auto& countries = j["geo_locations"]["countries"];
        for (std::size_t i = 0; i < countries.size(); ++i) {
            const std::string c = countries[i].is_string() ? countries[i].get<std::string>() : countries[i].dump();
            if (!countries[i].is_string() || !isIsoCountryCode(c))
                v.push_back("geo_locations.countries[" + std::to_string(i) + "] \"" + c +
                            "\" is not an ISO 3166-1 alpha-2 country code");
        }
    }
    std::optional<int> ageMin;
    std::optional<int> ageMax;
    for (const char* key : {"age_min", "age_max"}) {
        if (!j.contains(key))
            continue;
        if (!j[key].is_number_integer()) {
            v.push_back(std::string(key) + " must be a whole number of years");
            continue;
        }
        const int age = j[key].get<int>();
        (std::string_view(key) == "age_min" ? ageMin : ageMax) = age;
        if (age < 13)
            v.push_back(std::string(key) + " " + std::to_string(age) + " is below Meta's minimum age of 13");
        if (age > kMetaAgeCeiling)
            v.push_back(std::string(key) + " " + std::to_string(age) + " is above Meta's maximum of 65 (65 means 65+)");
    }
    if (ageMin && ageMax && *ageMin > *ageMax)
        v.push_back("age_min " + std::to_string(*ageMin) + " is above age_max " + std::to_string(*ageMax));
    if (j.contains("genders")) {
        for (const auto& g : j["genders"])
            if (!g.is_number_integer() || (g.get<int>() != 1 && g.get<int>() != 2))
                v.push_back("genders may only hold 1 (men) and 2 (women), not " + g.dump());
    }
    auto checkIds = [&v](const json& list, const std::string& where) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& item = list[i];
            const std::string id = item.is_object() && item.contains("id") && item["id"].is_string()
                                       ? item["id"].get<std::string>()
                                       : std::string();
            if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; }))
                v.push_back(where + "[" + std::to_string(i) + "] needs a numeric Meta id");
        }
    };
    if (j.contains("flexible_spec"))
        for (std::size_t k = 0; k < j["flexible_spec"].size(); ++k)
            for (const auto& [group, list] : j["flexible_spec"][k].items())
                checkIds(list, "flexible_spec[" + std::to_string(k) + "]." + group);
    if (j.contains("custom_audiences"))
        checkIds(j["custom_audiences"], "custom_audiences");
    return v;
}

TargetingExport metaTargeting(const AudienceFilter& f)
{
    TargetingExport out;
    json t = json::object();
    if (!f.countries.empty())
        t["geo_locations"] = {{"countries", f.countries}};
    const auto [low, high] = audienceAgeRange(f);
    if (low)
        t["age_min"] = *low;
    if (high)
        t["age_max"] = *high;
    if (low && *low >= 13 && *low < 18)
        out.warnings.push_back("age_min below 18 is accepted only in some countries and for some ad categories");
    const bool female = std::find(f.genders.begin(), f.genders.end(), "female") != f.genders.end();
    const bool male = std::find(f.genders.begin(), f.genders.end(), "male") != f.genders.end();
    if (female != male)
        t["genders"] = {female ? 2 : 1};
    if (std::find(f.genders.begin(), f.genders.end(), "other") != f.genders.end())
        out.warnings.push_back("Meta targets only men (1) and women (2): the gender \"other\" is not exported" +
                               std::string(female || male ? "" : ", so all genders are targeted"));
    json interests = json::array();
    std::vector<std::string> unresolved;
    for (const auto& name : f.interests) {
        const auto known = std::find_if(f.metaInterestIds.begin(), f.metaInterestIds.end(),
                                        [&name](const auto& p) { return p.first == name; });
        if (known != f.metaInterestIds.end())
            interests.push_back({{"id", known->second}, {"name", name}});
        else
            unresolved.push_back(name);
    }
    if (!interests.empty())
        t["flexible_spec"] = json::array({{{"interests", interests}}});
    if (!unresolved.empty()) {
        t["herald_unresolved_interests"] = unresolved;
        out.warnings.push_back(std::to_string(unresolved.size()) +
                               " interest(s) have no known Meta id; look them up with GET /search?type=adinterest "
                               "and replace herald_unresolved_interests before uploading");
    }
    if (!f.languages.empty()) {
        t["herald_unresolved_locales"] = f.languages;
        out.warnings.push_back("Meta locales are numeric keys; look them up with GET /search?type=adlocale and "
                               "replace herald_unresolved_locales before uploading");
    }
    if (!f.metaCustomAudienceId.empty())
        t["custom_audiences"] = json::array({{{"id", f.metaCustomAudienceId}}});
    else if (f.segmentId)
        out.warnings.push_back("the segment becomes a custom audience only after its customer file is uploaded; "
                               "export it as meta-custom-audience and add the audience id to custom_audiences");
    if (f.lookalikeSegmentId)
        out.warnings.push_back("create the lookalike of segment " + std::to_string(*f.lookalikeSegmentId) +
                               " in Ads Manager from its custom audience, then add its id to custom_audiences");
    out.json = t.dump(2);
    out.violations = validateMetaTargeting(out.json);
    return out;
}

TargetingExport linkedInTargeting(const AudienceFilter& f)
{
    TargetingExport out;
    json include = json::array();
    if (f.countries.empty())
        out.violations.emplace_back("LinkedIn requires a location: choose at least one country");
    for (const auto& c : f.countries)
        if (!isIsoCountryCode(c))
            out.violations.push_back("\"" + c + "\" is not an ISO 3166-1 alpha-2 country code");
    // LinkedIn's age facet has four ranges; member bands map onto the ranges that cover them.
    struct LinkedInRange
    {
        int low;
        int high;
        const char* urn;
    };
    constexpr LinkedInRange kRanges[] = {{18, 24, "urn:li:ageRange:(18,24)"},
                                         {25, 34, "urn:li:ageRange:(25,34)"},
                                         {35, 54, "urn:li:ageRange:(35,54)"},
                                         {55, 1000, "urn:li:ageRange:(55,2147483647)"}};
    const auto [low, high] = audienceAgeRange(f);
    if (low || high) {
        if (low && *low < 18)
            out.violations.push_back("LinkedIn targets members 18 and older; age " + std::to_string(*low) +
                                     " is below that");
        std::vector<std::string> ranges;
        int coveredLow = 1000;
        int coveredHigh = 0;
        for (const auto& r : kRanges)
            if (r.high >= low.value_or(18) && r.low <= high.value_or(1000)) {
                ranges.emplace_back(r.urn);
                coveredLow = std::min(coveredLow, r.low);
                coveredHigh = std::max(coveredHigh, r.high);
            }
        if (!ranges.empty() && ranges.size() < std::size(kRanges))
            include.push_back({{"or", {{"urn:li:adTargetingFacet:ageRanges", ranges}}}});
        if (coveredLow < low.value_or(18) || (high && *high < kMetaAgeCeiling && coveredHigh > *high))
            out.warnings.push_back("LinkedIn's age ranges are 18-24, 25-34, 35-54 and 55+: the exported ages are "
                                   "wider than the audience's");
    }
    const bool female = std::find(f.genders.begin(), f.genders.end(), "female") != f.genders.end();
    const bool male = std::find(f.genders.begin(), f.genders.end(), "male") != f.genders.end();
    if (female != male)
        include.push_back(
            {{"or", {{"urn:li:adTargetingFacet:genders", {female ? "urn:li:gender:FEMALE" : "urn:li:gender:MALE"}}}}});
    std::vector<std::string> locales;
    std::vector<std::string> unresolvedLanguages;
    for (const auto& l : f.languages) {
        const std::string locale = languageLocale(l);
        (locale.empty() ? unresolvedLanguages : locales).push_back(locale.empty() ? l : "urn:li:locale:" + locale);
    }
    if (!locales.empty())
        include.push_back({{"or", {{"urn:li:adTargetingFacet:interfaceLocales", locales}}}});
    json t = {{"targetingCriteria", {{"include", {{"and", include}}}}}};
    if (!f.countries.empty()) {
        t["herald_unresolved_locations"] = f.countries;
        out.warnings.push_back("LinkedIn locations are urn:li:geo ids; look them up with the Ad Targeting Entities "
                               "API (facet urn:li:adTargetingFacet:locations) and add them as that facet");
    }
    if (!f.interests.empty()) {
        t["herald_unresolved_interests"] = f.interests;
        out.warnings.push_back("LinkedIn interests need urn:li:interest ids from the Ad Targeting Entities API");
    }
    if (!unresolvedLanguages.empty()) {
        t["herald_unresolved_locales"] = unresolvedLanguages;
        out.warnings.push_back("some languages have no LinkedIn interface locale in Herald's table");
    }
    if (f.segmentId || f.lookalikeSegmentId)
        out.warnings.push_back("a segment reaches LinkedIn as a matched audience: upload its hashed emails as a DMP "
                               "segment and add the resulting urn:li:adSegment to audienceMatchingSegments");
    out.json = t.dump(2);
    return out;
}

} // namespace herald::engine
