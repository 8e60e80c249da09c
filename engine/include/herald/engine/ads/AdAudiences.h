#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Ads.h"

namespace herald::engine {

class Clock;
class Database;

/// Who an ad audience reaches, as Herald stores it in ad_audiences.spec_json. Empty lists mean "any".
/// Members match when they are in the segment (if any) and match every non-empty list.
struct AudienceFilter
{
    std::optional<std::int64_t> segmentId;          // members of this saved segment
    std::optional<std::int64_t> lookalikeSegmentId; // a platform lookalike of this segment (not a workspace filter)
    std::vector<std::string> countries;             // ISO 3166-1 alpha-2, upper case
    std::vector<std::string> languages;             // BCP 47 primary tags, lower case
    std::vector<std::string> ageBands;              // "18-24", "25-34", ..., "55+"
    std::vector<std::string> genders;               // "female", "male", "other"
    std::vector<std::string> interests;             // member_interests.interest values
    std::optional<int> ageMin;                      // explicit bounds; otherwise derived from the bands
    std::optional<int> ageMax;
    std::string metaCustomAudienceId; // set by the user once the custom-audience file is uploaded
    std::vector<std::pair<std::string, std::string>> metaInterestIds; // interest name -> Meta id, looked up by the user
};

/// A saved segment as the ads code sees it (segments are written by the audience panel).
struct SegmentSummary
{
    std::int64_t id = 0;
    std::string name;
    std::int64_t members = 0;
};

/// Parses Herald's spec JSON (the demo's and the one audienceSpecJson writes). Parse on bad JSON.
Result<AudienceFilter> parseAudienceSpec(std::string_view json);
/// Herald's spec JSON of a filter (stable key order).
std::string audienceSpecJson(const AudienceFilter& filter);
/// Age bounds implied by the filter: explicit bounds first, else the bands' span ("55+" -> 65); none when open.
std::pair<std::optional<int>, std::optional<int>> audienceAgeRange(const AudienceFilter& filter);

/// Members of the workspace matching the filter. O(members) with the interest and segment indexes.
Result<std::int64_t> countAudienceMembers(Database& db, const AudienceFilter& filter);
/// Ids of the matching members, ascending.
Result<std::vector<std::int64_t>> audienceMemberIds(Database& db, const AudienceFilter& filter);

/// An ad audience derived from a saved segment: the segment itself plus the countries, languages, age bands and
/// genders held by at least minShare of its members (unknowns ignored; bands or genders left open when every
/// known value qualifies) and up to five interests held by at least 30 % of them. NotFound for an unknown segment,
/// Invalid for an empty one.
Result<AudienceFilter> deriveAudienceFromSegment(Database& db, std::int64_t segmentId, double minShare = 0.05);

/// Saves the audience with its workspace size as size_estimate; returns the new id. Invalid for an empty name.
Result<std::int64_t> saveAdAudience(Database& db, const std::string& name, const AudienceFilter& filter,
                                    const Clock& clock);
Result<std::vector<AdAudience>> listAdAudiences(Database& db);
/// NotFound when there is no audience with this id.
Result<AdAudience> loadAdAudience(Database& db, std::int64_t id);

/// The distinct non-empty age bands of the workspace's members, sorted.
Result<std::vector<std::string>> audienceAgeBands(Database& db);

/// Saved segments with their member counts, newest first.
Result<std::vector<SegmentSummary>> listSegments(Database& db);
/// The newest segment with this name (case-sensitive); NotFound when none.
Result<SegmentSummary> findSegment(Database& db, std::string_view name);

/// An exported targeting description with what validation found. Violations block the export;
/// warnings (unresolved ids, broadened bands) do not.
struct TargetingExport
{
    std::string json; // pretty-printed, valid only when violations is empty
    std::vector<std::string> violations;
    std::vector<std::string> warnings;
    bool isValid() const { return violations.empty(); }
};

/// Meta Marketing API targeting spec (geo_locations, age_min/age_max, genders, flexible_spec interests,
/// custom_audiences); interests and locales without a known id are listed under herald_unresolved_*.
TargetingExport metaTargeting(const AudienceFilter& filter);
/// Every rule of the Marketing API the spec breaks (platform-apis.md: geo required, 13 <= age_min,
/// age_max <= 65, age_min <= age_max, genders 1|2, ISO 3166-1 alpha-2 countries, interest ids numeric).
std::vector<std::string> validateMetaTargeting(std::string_view json);
/// LinkedIn targetingCriteria ({include: {and: [{or: {facet urn: [values]}}]}}) with the facets Herald can
/// express (age ranges, genders, interface locales); locations and interests need LinkedIn URNs and are
/// listed under herald_unresolved_*.
TargetingExport linkedInTargeting(const AudienceFilter& filter);
/// True for an assigned ISO 3166-1 alpha-2 code (upper case).
bool isIsoCountryCode(std::string_view code);

} // namespace herald::engine
