#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald::connectors {

/// Parses ISO 8601 / RFC 3339 ("2026-08-01T15:00:00.627625Z", "...+02:00", or a bare date
/// "2026-08-01" taken as midnight UTC) to UTC epoch seconds; fractions are dropped. nullopt if malformed.
std::optional<std::int64_t> parseIso8601Utc(std::string_view text);
/// Parses an HTTP date (IMF-fixdate, "Wed, 21 Oct 2015 07:28:00 GMT") to UTC epoch seconds.
std::optional<std::int64_t> parseHttpDate(std::string_view text);
/// Formats UTC epoch seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string formatIso8601Utc(std::int64_t utc);

} // namespace herald::connectors
