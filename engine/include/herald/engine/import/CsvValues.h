#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald::engine {

/// How the decimal point and digit grouping of numbers are read.
///  - Auto: per cell. Spaces (also U+00A0, U+202F) and apostrophes group digits. A cell with both
///    ',' and '.' takes the last one as the decimal point. A cell with one kind of separator takes it
///    as grouping when it occurs more than once or is followed by exactly three digits ("1,234",
///    "1.234", "12.345.678" are whole numbers: the exports count things), else as the decimal point
///    ("3.4", "3,4").
///  - DotDecimal: '.' is the decimal point, ',' groups (English locales).
///  - CommaDecimal: ',' is the decimal point, '.' groups (German, French, ... locales).
enum class NumberStyle { Auto, DotDecimal, CommaDecimal };

/// Order of day and month in slashed dates such as 03/01/2024. Auto: day first when any date of
/// the column has a first part above 12, else month first (the US order of LinkedIn and Meta).
enum class DateOrder { Auto, MonthFirst, DayFirst };

struct ParsedNumber
{
    double value = 0;
    bool percent = false; // written with a trailing '%'; value is already divided by 100
};

/// A cell that means "no value": empty, "-", "--", "—", "N/A", "n/a", "null".
bool isEmptyCell(std::string_view cell);

/// Parses a number as the exports write it ("1,234", "1 234", "1.234", "3.4%", "-12", "1.2e3").
/// nullopt when the text is not a number.
std::optional<ParsedNumber> parseNumber(std::string_view cell, NumberStyle style);

/// A date or date-time as written in the exports. `hasZone` says whether utcSeconds is an instant
/// (zone or offset given, or a Unix time); without a zone, `localSeconds` is the wall time as seconds
/// since 1970-01-01 00:00 of that wall clock and the caller applies the account's zone.
struct ParsedDate
{
    int year = 1970;
    int month = 1;
    int day = 1;
    bool hasTime = false;
    bool hasZone = false;
    std::int64_t localSeconds = 0; // wall time, seconds since 1970-01-01T00:00 on that clock
    std::int64_t utcSeconds = 0;   // valid when hasZone
    std::string dayString() const; // YYYY-MM-DD as written
};

/// Parses: ISO 8601 ("2024-03-01", "2024-03-01T14:05:00Z", "...+08:00", fractions), "2024-03-01
/// 14:05 +0000" (X), "2024/3/1 14:05", "2024年3月1日 14:05", "03/01/2024 2:05 PM" (order per
/// `order`; Auto means month first here), "Fri, Mar 01, 2024", "Mar 1, 2024", "1 Mar 2024", Unix
/// seconds (10 digits) and milliseconds (13 digits). nullopt when not a valid date.
std::optional<ParsedDate> parseDate(std::string_view cell, DateOrder order);

/// The first part of a slashed date "A/B/YYYY" (0 when the cell is not one), for DateOrder::Auto.
int slashedDateFirstPart(std::string_view cell);

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
std::int64_t daysFromCivil(int year, int month, int day);

} // namespace herald::engine
