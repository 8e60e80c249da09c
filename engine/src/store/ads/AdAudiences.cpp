#include "herald/engine/ads/AdAudiences.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "herald/engine/Clock.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

using nlohmann::json;

// The member age bands the store uses and Meta's upper bound for "and older".
constexpr int kMetaAgeCeiling = 65;

std::optional<std::pair<int, int>> bandRange(std::string_view band)
{
    int low = 0;
    std::size_t i = 0;
    while (i < band.size() && std::isdigit(static_cast<unsigned char>(band[i])))
        low = low * 10 + (band[i++] - '0');
    if (i == 0 || i >= band.size())
        return std::nullopt;
    if (band[i] == '+' && i + 1 == band.size())
        return std::pair(low, kMetaAgeCeiling);
    if (band[i] != '-')
        return std::nullopt;
    int high = 0;
    std::size_t j = i + 1;
    while (j < band.size() && std::isdigit(static_cast<unsigned char>(band[j])))
        high = high * 10 + (band[j++] - '0');
    if (j != band.size() || j == i + 1 || high < low)
        return std::nullopt;
    return std::pair(low, high);
}

std::vector<std::string> stringList(const json& j, const char* key, bool upper, bool lower)
{
    std::vector<std::string> out;
    if (!j.contains(key))
        return out;
    for (const auto& v : j.at(key)) {
        std::string s = v.get<std::string>();
        for (auto& c : s) {
            if (upper)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end())
            out.push_back(std::move(s));
    }
    return out;
}

std::optional<std::string> jsonList(const std::vector<std::string>& values)
{
    if (values.empty())
        return std::nullopt;
    return json(values).dump();
}

// Bands implied by explicit age bounds when no band was chosen: every band overlapping [min, max].
std::vector<std::string> effectiveBands(Database& db, const AudienceFilter& f)
{
    if (!f.ageBands.empty() || (!f.ageMin && !f.ageMax))
        return f.ageBands;
    std::vector<std::string> bands;
    auto stmt = db.prepare("SELECT DISTINCT age_band FROM audience_members WHERE age_band <> ''");
    if (!stmt)
        return bands;
    while (auto row = (*stmt)->step()) {
        if (!*row)
            break;
        const std::string band = (*stmt)->text(0);
        const auto range = bandRange(band);
        if (range && range->second >= f.ageMin.value_or(0) && range->first <= f.ageMax.value_or(1000))
            bands.push_back(band);
    }
    if (bands.empty())
        bands.emplace_back("\x01none"); // bounds given but no band fits: match nobody
    return bands;
}

constexpr const char* kMemberFilterSql =
    "FROM audience_members m WHERE (?1 IS NULL OR m.id IN (SELECT member_id FROM segment_members WHERE segment_id = "
    "?1)) AND (?2 IS NULL OR m.country IN (SELECT value FROM json_each(?2))) "
    "AND (?3 IS NULL OR m.language IN (SELECT value FROM json_each(?3))) "
    "AND (?4 IS NULL OR m.age_band IN (SELECT value FROM json_each(?4))) "
    "AND (?5 IS NULL OR m.gender IN (SELECT value FROM json_each(?5))) "
    "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM member_interests i WHERE i.member_id = m.id AND i.interest IN "
    "(SELECT value FROM json_each(?6))))";

void bindFilter(Statement& s, Database& db, const AudienceFilter& f)
{
    s.bind(1, f.segmentId);
    s.bind(2, jsonList(f.countries)).bind(3, jsonList(f.languages)).bind(4, jsonList(effectiveBands(db, f)));
    s.bind(5, jsonList(f.genders)).bind(6, jsonList(f.interests));
}

} // namespace

Result<AudienceFilter> parseAudienceSpec(std::string_view text)
{
    try {
        const json j = json::parse(text.empty() ? std::string_view("{}") : text);
        if (!j.is_object())
            return fail(ErrorCode::Parse, "audience spec is not a JSON object");
        AudienceFilter f;
        if (j.contains("segment_id") && !j["segment_id"].is_null())
            f.segmentId = j["segment_id"].get<std::int64_t>();
        if (j.contains("lookalike_segment_id") && !j["lookalike_segment_id"].is_null())
            f.lookalikeSegmentId = j["lookalike_segment_id"].get<std::int64_t>();
        f.countries = stringList(j, "countries", true, false);
        f.languages = stringList(j, "languages", false, true);
        f.ageBands = stringList(j, "age_bands", false, false);
        f.genders = stringList(j, "genders", false, true);
        f.interests = stringList(j, "interests", false, false);
        if (j.contains("age_min") && !j["age_min"].is_null())
            f.ageMin = j["age_min"].get<int>();
        if (j.contains("age_max") && !j["age_max"].is_null())
            f.ageMax = j["age_max"].get<int>();
        f.metaCustomAudienceId = j.value("meta_custom_audience_id", std::string());
        if (j.contains("meta_interest_ids"))
            for (const auto& [name, id] : j["meta_interest_ids"].items())
                f.metaInterestIds.emplace_back(name, id.get<std::string>());
        return f;
    } catch (const std::exception& e) {
        return fail(ErrorCode::Parse, std::string("audience spec: ") + e.what());
    }
}

std::string audienceSpecJson(const AudienceFilter& f)
{
    json j = json::object();
    if (f.segmentId)
        j["segment_id"] = *f.segmentId;
    if (f.lookalikeSegmentId)
        j["lookalike_segment_id"] = *f.lookalikeSegmentId;
    if (!f.countries.empty())
        j["countries"] = f.countries;
    if (!f.languages.empty())
        j["languages"] = f.languages;
    if (!f.ageBands.empty())
        j["age_bands"] = f.ageBands;
    if (!f.genders.empty())
        j["genders"] = f.genders;
    if (!f.interests.empty())
        j["interests"] = f.interests;
    if (f.ageMin)
        j["age_min"] = *f.ageMin;
    if (f.ageMax)
        j["age_max"] = *f.ageMax;
    if (!f.metaCustomAudienceId.empty())
        j["meta_custom_audience_id"] = f.metaCustomAudienceId;
    if (!f.metaInterestIds.empty()) {
        json ids = json::object();
        for (const auto& [name, id] : f.metaInterestIds)
            ids[name] = id;
        j["meta_interest_ids"] = ids;
    }
    return j.dump();
}

std::pair<std::optional<int>, std::optional<int>> audienceAgeRange(const AudienceFilter& f)
{
    std::optional<int> low = f.ageMin;
    std::optional<int> high = f.ageMax;
    if (!low || !high) {
        std::optional<int> bandLow;
        std::optional<int> bandHigh;
        for (const auto& band : f.ageBands)
            if (const auto r = bandRange(band)) {
                bandLow = std::min(bandLow.value_or(r->first), r->first);
                bandHigh = std::max(bandHigh.value_or(r->second), r->second);
            }
        if (!low)
            low = bandLow;
        if (!high)
            high = bandHigh;
    }
    return {low, high};
}

Result<std::int64_t> countAudienceMembers(Database& db, const AudienceFilter& f)
{
    auto stmt = db.prepare(std::string("SELECT COUNT(*) ") + kMemberFilterSql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    bindFilter(**stmt, db, f);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t n = *row ? (*stmt)->int64(0) : 0;
    (*stmt)->reset();
    return n;
}

Result<std::vector<std::int64_t>> audienceMemberIds(Database& db, const AudienceFilter& f)
{
    auto stmt = db.prepare(std::string("SELECT m.id ") + kMemberFilterSql + " ORDER BY m.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    bindFilter(**stmt, db, f);
    std::vector<std::int64_t> ids;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        ids.push_back((*stmt)->int64(0));
    }
    return ids;
}

Result<AudienceFilter> deriveAudienceFromSegment(Database& db, std::int64_t segmentId, double minShare)
{
    auto size = db.prepare("SELECT COUNT(*) FROM segment_members WHERE segment_id = ?1");
    if (!size)
        return tl::unexpected(size.error());
    (*size)->bind(1, segmentId);
    auto row = (*size)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t members = (*size)->int64(0);
    (*size)->reset();
    auto exists = db.prepare("SELECT 1 FROM segments WHERE id = ?1");
    if (!exists)
        return tl::unexpected(exists.error());
    (*exists)->bind(1, segmentId);
    auto found = (*exists)->step();
    if (!found)
        return tl::unexpected(found.error());
    const bool known = *found;
    (*exists)->reset();
    if (!known)
        return fail(ErrorCode::NotFound, "no saved segment with id " + std::to_string(segmentId));
    if (members == 0)
        return fail(ErrorCode::Invalid, "segment " + std::to_string(segmentId) + " has no members");

    AudienceFilter f;
    f.segmentId = segmentId;
    // Column names come from this fixed list, never from input.
    const std::pair<const char*, std::vector<std::string>*> columns[] = {
        {"country", &f.countries}, {"language", &f.languages}, {"age_band", &f.ageBands}, {"gender", &f.genders}};
    for (const auto& [column, target] : columns) {
        auto stmt = db.prepare(std::string("SELECT m.") + column +
                               ", COUNT(*) FROM segment_members sm JOIN "
                               "audience_members m ON m.id = sm.member_id WHERE sm.segment_id = ?1 AND m." +
                               column + " <> '' GROUP BY 1 ORDER BY 2 DESC, 1");
        if (!stmt)
            return tl::unexpected(stmt.error());
        (*stmt)->bind(1, segmentId);
        for (;;) {
            auto r = (*stmt)->step();
            if (!r)
                return tl::unexpected(r.error());
            if (!*r)
                break;
            if (static_cast<double>((*stmt)->int64(1)) >= minShare * static_cast<double>(members))
                target->push_back((*stmt)->text(0));
        }
    }
    std::sort(f.ageBands.begin(), f.ageBands.end());
    // A list that keeps every known value restricts nothing on the platforms but would drop the members whose
    // value is unknown here: leave it open instead.
    auto allBands = audienceAgeBands(db);
    if (!allBands)
        return tl::unexpected(allBands.error());
    if (f.ageBands.size() == allBands->size())
        f.ageBands.clear();
    const auto has = [&f](const char* g) {
        return std::find(f.genders.begin(), f.genders.end(), g) != f.genders.end();
    };
    if (has("female") && has("male"))
        f.genders.clear();
    auto interests =
        db.prepare("SELECT i.interest, COUNT(*) FROM segment_members sm JOIN member_interests i ON "
                   "i.member_id = sm.member_id WHERE sm.segment_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5");
    if (!interests)
        return tl::unexpected(interests.error());
    (*interests)->bind(1, segmentId);
    for (;;) {
        auto r = (*interests)->step();
        if (!r)
            return tl::unexpected(r.error());
        if (!*r)
            break;
        if (static_cast<double>((*interests)->int64(1)) >= 0.3 * static_cast<double>(members))
            f.interests.push_back((*interests)->text(0));
    }
    return f;
}

Result<std::int64_t> saveAdAudience(Database& db, const std::string& name, const AudienceFilter& filter,
                                    const Clock& clock)
{
    if (name.empty())
        return fail(ErrorCode::Invalid, "an ad audience needs a name");
    auto size = countAudienceMembers(db, filter);
    if (!size)
        return tl::unexpected(size.error());
    AdAudience a;
    a.name = name;
    a.segmentId = filter.segmentId;
    a.specJson = audienceSpecJson(filter);
    a.sizeEstimate = *size;
    a.createdUtc = clock.nowUtc();
    return AdRepository(db).insertAudience(a);
}

namespace {

Result<std::vector<AdAudience>> queryAudiences(Database& db, std::optional<std::int64_t> id)
{
    auto stmt = db.prepare("SELECT id, name, segment_id, spec_json, size_estimate, created_utc FROM ad_audiences "
                           "WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, id);
    return (*stmt)->collect([](const Statement& s) {
        AdAudience a;
        a.id = s.int64(0);
        a.name = s.text(1);
        a.segmentId = s.optionalInt64(2);
        a.specJson = s.text(3);
        a.sizeEstimate = s.int64(4);
        a.createdUtc = s.int64(5);
        return a;
    });
}

} // namespace

Result<std::vector<AdAudience>> listAdAudiences(Database& db)
{
    return queryAudiences(db, std::nullopt);
}

Result<AdAudience> loadAdAudience(Database& db, std::int64_t id)
{
    auto all = queryAudiences(db, id);
    if (!all)
        return tl::unexpected(all.error());
    if (all->empty())
        return fail(ErrorCode::NotFound, "no ad audience with id " + std::to_string(id));
    return all->front();
}

Result<std::vector<std::string>> audienceAgeBands(Database& db)
{
    auto stmt = db.prepare("SELECT DISTINCT age_band FROM audience_members WHERE age_band <> '' ORDER BY 1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<std::string> out;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back((*stmt)->text(0));
    }
    return out;
}

Result<std::vector<SegmentSummary>> listSegments(Database& db)
{
    auto stmt = db.prepare("SELECT s.id, s.name, (SELECT COUNT(*) FROM segment_members sm WHERE sm.segment_id = s.id) "
                           "FROM segments s ORDER BY s.created_utc DESC, s.id DESC");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<SegmentSummary> out;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back({(*stmt)->int64(0), (*stmt)->text(1), (*stmt)->int64(2)});
    }
    return out;
}

Result<SegmentSummary> findSegment(Database& db, std::string_view name)
{
    auto all = listSegments(db);
    if (!all)
        return tl::unexpected(all.error());
    for (const auto& s : *all)
        if (s.name == name)
            return s;
    return fail(ErrorCode::NotFound, "no saved segment named \"" + std::string(name) + "\"");
}

} // namespace herald::engine
