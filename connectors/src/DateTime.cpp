#include "herald/connectors/DateTime.h"

#include <array>
#include <cstdio>

namespace herald::connectors {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `pos`.
bool digits(std::string_view s, std::size_t pos, std::size_t width, int& out)
{
    if (pos + width > s.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

std::optional<std::int64_t> compose(int y, int mo, int d, int h, int mi, int s)
{
    if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, static_cast<unsigned>(mo)) || h > 23 ||
        mi > 59 || s > 60)
        return std::nullopt;
    return daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 + mi * 60 +
           std::min(s, 59);
}

} // namespace

std::optional<std::int64_t> parseIso8601Utc(std::string_view t)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!digits(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !digits(t, 5, 2, mo) || t[7] != '-' ||
        !digits(t, 8, 2, d))
        return std::nullopt;
    if (t.size() == 10)
        return compose(y, mo, d, 0, 0, 0);
    if ((t[10] != 'T' && t[10] != 't' && t[10] != ' ') || !digits(t, 11, 2, h) || t.size() < 16 || t[13] != ':' ||
        !digits(t, 14, 2, mi))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < t.size() && t[pos] == ':') {
        if (!digits(t, pos + 1, 2, s))
            return std::nullopt;
        pos += 3;
        if (pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
            ++pos;
            const std::size_t start = pos;
            while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9')
                ++pos;
            if (pos == start)
                return std::nullopt;
        }
    }
    auto base = compose(y, mo, d, h, mi, s);
    if (!base || pos >= t.size())
        return std::nullopt; // a time without a zone is local time somewhere: refuse rather than guess
    if ((t[pos] == 'Z' || t[pos] == 'z') && pos + 1 == t.size())
        return base;
    if (t[pos] != '+' && t[pos] != '-')
        return std::nullopt;
    const int sign = t[pos] == '+' ? 1 : -1;
    int oh = 0, om = 0;
    if (!digits(t, pos + 1, 2, oh))
        return std::nullopt;
    std::size_t rest = pos + 3;
    if (rest < t.size() && t[rest] == ':')
        ++rest;
    if (!digits(t, rest, 2, om) || rest + 2 != t.size() || oh > 23 || om > 59)
        return std::nullopt;
    return *base - sign * (oh * 3600 + om * 60);
}

std::optional<std::int64_t> parseHttpDate(std::string_view t)
{
    // "Wed, 21 Oct 2015 07:28:00 GMT": fixed positions after the weekday's comma.
    static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto comma = t.find(", ");
    if (comma == std::string_view::npos)
        return std::nullopt;
    const auto r = t.substr(comma + 2);
    int d = 0, y = 0, h = 0, mi = 0, s = 0;
    if (r.size() != 24 || !digits(r, 0, 2, d) || r[2] != ' ' || r[6] != ' ' || !digits(r, 7, 4, y) || r[11] != ' ' ||
        !digits(r, 12, 2, h) || r[14] != ':' || !digits(r, 15, 2, mi) || r[17] != ':' || !digits(r, 18, 2, s) ||
        r.substr(20) != " GMT")
        return std::nullopt;
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (r.substr(3, 3) == kMonths[m])
            return compose(y, static_cast<int>(m) + 1, d, h, mi, s);
    }
    return std::nullopt;
}

std::string formatIso8601Utc(std::int64_t utc)
{
    // civil_from_days, the inverse of daysFromCivil.
    std::int64_t days = utc >= 0 ? utc / 86400 : (utc - 86399) / 86400;
    const std::int64_t secs = utc - days * 86400;
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs % 3600 / 60),
                  static_cast<long long>(secs % 60));
    return buf;
}

} // namespace herald::connectors
