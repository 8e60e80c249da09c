#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald::engine {

/// Converts between UTC instants and wall-clock minutes in IANA zones. The engine has no time-zone
/// database; the app implements this with QTimeZone and passes it wherever local-time arithmetic is
/// needed (recurrence, posting slots, DST). Local minutes are "YYYY-MM-DDTHH:MM".
struct ZoneConverter
{
    virtual ~ZoneConverter() = default;
    /// The UTC instant of `localIsoMinute` in `zone`; nullopt for an unknown zone, a malformed time or
    /// a wall time skipped by a DST change. An ambiguous (repeated) time gives the earlier instant.
    virtual std::optional<std::int64_t> toUtc(std::string_view localIsoMinute, std::string_view zone) const = 0;
    /// The wall-clock minute of `utc` in `zone` ("YYYY-MM-DDTHH:MM"); empty for an unknown zone.
    virtual std::string toLocal(std::int64_t utc, std::string_view zone) const = 0;
};

/// A calendar date without a zone.
struct CivilDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
};

/// A wall-clock minute without a zone, as parsed from "YYYY-MM-DDTHH:MM".
struct LocalMinute
{
    CivilDate date;
    int minuteOfDay = 0; // 0..1439
};

/// Parses "YYYY-MM-DDTHH:MM" (a trailing ":SS" is accepted and dropped); nullopt when malformed.
std::optional<LocalMinute> parseLocalMinute(std::string_view text);
/// Parses "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<CivilDate> parseCivilDate(std::string_view text);
/// Formats as "YYYY-MM-DDTHH:MM".
std::string formatLocalMinute(const LocalMinute& minute);
/// Formats as "YYYY-MM-DD".
std::string formatCivilDate(const CivilDate& date);
/// Days since 1970-01-01 (negative before).
std::int64_t daysFromCivil(const CivilDate& date);
/// The date `days` days after 1970-01-01.
CivilDate civilFromDays(std::int64_t days);
/// ISO weekday of a date: 1 = Monday ... 7 = Sunday (the posting_slots convention).
int isoWeekday(const CivilDate& date);

} // namespace herald::engine
