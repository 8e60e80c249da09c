#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace herald::engine::demo {

constexpr std::int64_t kDaySeconds = 86400;

// ---- Calendar: proleptic Gregorian day numbers (days since 1970-01-01), after H. Hinnant.

inline std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

inline void civilFromDays(std::int64_t z, int& year, int& month, int& day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2));
}

inline bool parseDay(const std::string& text, std::int64_t& dayNumber)
{
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return false;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    dayNumber = daysFromCivil(y, m, d);
    int y2 = 0, m2 = 0, d2 = 0;
    civilFromDays(dayNumber, y2, m2, d2);
    return y2 == y && m2 == m && d2 == d; // rejects 2026-02-30
}

inline std::string formatDay(std::int64_t dayNumber)
{
    int y = 0, m = 0, d = 0;
    civilFromDays(dayNumber, y, m, d);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}

inline std::string formatLocalTime(std::int64_t dayNumber, int minuteOfDay)
{
    return formatDay(dayNumber) + (minuteOfDay / 60 < 10 ? "T0" : "T") + std::to_string(minuteOfDay / 60) +
           (minuteOfDay % 60 < 10 ? ":0" : ":") + std::to_string(minuteOfDay % 60);
}

/// ISO weekday, 1 = Monday ... 7 = Sunday.
inline int isoWeekday(std::int64_t dayNumber)
{
    return static_cast<int>(((dayNumber + 3) % 7 + 7) % 7) + 1;
}

inline std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace herald::engine::demo
