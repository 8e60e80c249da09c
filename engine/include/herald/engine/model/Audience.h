#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald::engine {

struct AudienceMember
{
    std::int64_t id = 0;
    std::int64_t accountId = 0;
    std::string externalId;
    std::string handle;
    std::string displayName;
    std::string language; // BCP 47 primary tag, e.g. "en", "zh"
    std::string country;  // ISO 3166-1 alpha-2
    std::string ageBand;  // "18-24", "25-34", ... or empty when unknown
    std::string gender;   // "female", "male", "other" or empty when unknown
    std::optional<std::int64_t> followerSinceUtc;
    std::int64_t followerCount = 0;
    std::string email; // only where the platform or an import supplied it
    std::string phone;
    std::vector<std::string> interests;
};

enum class EventKind { Like, Reply, Repost, Quote, Click, Follow };

std::string_view eventKindKey(EventKind k);
std::optional<EventKind> eventKindFromKey(std::string_view key);

struct MemberEvent
{
    std::int64_t memberId = 0;
    std::optional<std::int64_t> targetId; // none for a follow
    EventKind kind = EventKind::Like;
    std::int64_t timestampUtc = 0;
};

} // namespace herald::engine
