#include "herald/engine/ZoneConverter.h"

#include <cstdio>

namespace herald::engine {

namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& out)
{
    if (from + count > text.size())
        return false;
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    out = value;
    return true;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

} // namespace

std::optional<CivilDate> parseCivilDate(std::string_view text)
{
    CivilDate d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, d.year) ||
        !digits(text, 5, 2, d.month) || !digits(text, 8, 2, d.day))
        return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

std::optional<LocalMinute> parseLocalMinute(std::string_view text)
{
    if (text.size() != 16 && text.size() != 19)
        return std::nullopt;
    auto date = parseCivilDate(text.substr(0, 10));
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!date || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || !digits(text, 11, 2, hour) ||
        !digits(text, 14, 2, minute))
        return std::nullopt;
    if (text.size() == 19 && (text[16] != ':' || !digits(text, 17, 2, second) || second > 59))
        return std::nullopt;
    if (hour > 23 || minute > 59)
        return std::nullopt;
    return LocalMinute{*date, hour * 60 + minute};
}

std::string formatCivilDate(const CivilDate& date)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string formatLocalMinute(const LocalMinute& minute)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d", minute.minuteOfDay / 60, minute.minuteOfDay % 60);
    return formatCivilDate(minute.date) + buffer;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
std::int64_t daysFromCivil(const CivilDate& date)
{
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(std::int64_t days)
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int isoWeekday(const CivilDate& date)
{
    // 1970-01-01 was a Thursday (ISO 4).
    const std::int64_t days = daysFromCivil(date);
    const std::int64_t mod = ((days + 3) % 7 + 7) % 7; // 0 = Monday
    return static_cast<int>(mod) + 1;
}

} // namespace herald::engine
