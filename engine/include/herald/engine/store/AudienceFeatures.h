#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

class Database;

enum class FeatureKind {
    Numeric, // a measured quantity (a count, a share, days)
    OneHot,  // 0/1 per category (a language, a country, an interest)
};

/// One selectable feature of the catalogue; some expand to several columns (day parts, one-hot groups).
struct FeatureInfo
{
    std::string id;    // stable key used by the CLI and saved runs, e.g. "reply_share", "languages"
    std::string label; // English label; widgets translate by id
    FeatureKind kind = FeatureKind::Numeric;
};

/// One column of the feature matrix.
struct FeatureColumn
{
    std::string id;      // "reply_share", "daypart:evening", "language:en", "interest:photography"
    std::string feature; // the catalogue id it comes from
    std::string label;   // "reply share", "evening", "en", "photography"
    FeatureKind kind = FeatureKind::Numeric;
    bool logScale = false; // heavy-tailed count: clustered as log(1 + value)
};

/// Every feature the audience panel and `heraldctl segment` can choose, in display order.
const std::vector<FeatureInfo>& audienceFeatureCatalogue();

/// Day parts in local time: night [0, 6), morning [6, 12), afternoon [12, 18), evening [18, 24).
inline constexpr std::array<const char*, 4> kDayParts = {"night", "morning", "afternoon", "evening"};

struct AudienceFeatureRequest
{
    std::vector<std::int64_t> accountIds; // empty: the members of every account
    std::vector<std::string> features;    // catalogue ids; empty: all of them
    std::int64_t nowUtc = 0;              // reference instant for recency and follower age
    int topCategories = 5;                // languages, countries and interests kept as one-hot columns
    double recencyCapDays = 365;          // recency of members who never engaged, and the cap for all
    /// Seconds east of UTC at an instant, for day parts (the workspace zone); empty means UTC.
    std::function<int(std::int64_t utc)> utcOffset;
};

/// What each member is like beyond the chosen columns: for segment profiles and interest rules.
struct AudienceDescriptors
{
    std::vector<std::string> languages; // dictionaries, in order of first appearance
    std::vector<std::string> countries;
    std::vector<std::string> interests;
    std::vector<std::int32_t> language; // per member: index into languages, -1 when unknown
    std::vector<std::int32_t> country;
    std::vector<std::int64_t> interestOffsets; // member i's interests: interestIds[off[i] .. off[i + 1])
    std::vector<std::int32_t> interestIds;
    Eigen::MatrixXd dayparts;              // members x 4: share of the member's engagements per day part
    std::vector<std::int64_t> engagements; // per member: likes, replies, reposts, quotes and clicks
};

struct AudienceFeatures
{
    std::vector<std::int64_t> accountIds; // as requested
    std::vector<std::string> features;    // catalogue ids used
    std::vector<std::int64_t> memberIds;  // ascending
    std::vector<std::string> handles;     // per member
    std::vector<FeatureColumn> columns;
    Eigen::MatrixXd values; // members x columns, original units
    AudienceDescriptors descriptors;
};

/// Builds the feature matrix of the members of the chosen accounts with one streaming pass over
/// audience_members, member_events and member_interests. Invalid for an unknown feature, NotFound for an
/// unknown account, Invalid when the accounts have no members; Cancelled when progress returns false.
/// O(members + events + interests).
Result<AudienceFeatures> buildAudienceFeatures(Database& db, const AudienceFeatureRequest& request,
                                               const Progress& progress = {});

} // namespace herald::engine
