#include "herald/engine/import/CsvValues.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace herald::engine {

namespace {

std::string_view trim(std::string_view s)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    // U+00A0 and U+202F also pad cells written by spreadsheets.
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view pad : {std::string_view("\xC2\xA0"), std::string_view("\xE2\x80\xAF")}) {
            if (s.substr(0, pad.size()) == pad) {
                s.remove_prefix(pad.size());
                changed = true;
            }
            if (s.size() >= pad.size() && s.substr(s.size() - pad.size()) == pad) {
                s.remove_suffix(pad.size());
                changed = true;
            }
        }
    }
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads 1..maxDigits digits at `p`; advances `p`.
bool readInt(std::string_view s, std::size_t& p, int maxDigits, int& out)
{
    std::size_t start = p;
    int v = 0;
    while (p < s.size() && isDigit(s[p]) && static_cast<int>(p - start) < maxDigits)
        v = v * 10 + (s[p++] - '0');
    if (p == start)
        return false;
    out = v;
    return true;
}

bool match(std::string_view s, std::size_t& p, std::string_view what)
{
    if (s.substr(p, what.size()) != what)
        return false;
    p += what.size();
    return true;
}

void skipSpaces(std::string_view s, std::size_t& p)
{
    while (p < s.size() && s[p] == ' ')
        ++p;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// "Jan".."Dec" or full English month names, case-insensitive; 0 when none.
int monthFromName(std::string_view s, std::size_t& p)
{
    static constexpr std::array<const char*, 12> names = {"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};
    std::size_t end = p;
    while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end])))
        ++end;
    std::string word;
    for (std::size_t k = p; k < end; ++k)
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(s[k])));
    if (word.size() < 3)
        return 0;
    for (std::size_t m = 0; m < names.size(); ++m) {
        const std::string_view full = names[m];
        if (word == full || word == full.substr(0, 3) || (word == "sept" && m == 8)) {
            p = end;
            if (p < s.size() && s[p] == '.')
                ++p;
            return static_cast<int>(m) + 1;
        }
    }
    return 0;
}

// Optional time "HH:MM[:SS[.fff]] [AM|PM]" and zone "Z", "UTC", "GMT", "+0000", "+08:00".
bool readTimeAndZone(std::string_view s, std::size_t& p, ParsedDate& d)
{
    skipSpaces(s, p);
    if (p < s.size() && (s[p] == 'T' || s[p] == 't'))
        ++p;
    skipSpaces(s, p);
    if (p >= s.size())
        return true;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!readInt(s, p, 2, hour) || !match(s, p, ":") || !readInt(s, p, 2, minute))
        return false;
    if (match(s, p, ":")) {
        if (!readInt(s, p, 2, second))
            return false;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            ++p;
            int fraction = 0;
            if (!readInt(s, p, 9, fraction))
                return false;
        }
    }
    skipSpaces(s, p);
    auto upper = [&](std::size_t k) { return static_cast<char>(std::toupper(static_cast<unsigned char>(s[k]))); };
    if (p + 1 < s.size() && (upper(p) == 'A' || upper(p) == 'P') && upper(p + 1) == 'M') {
        if (hour < 1 || hour > 12)
            return false;
        const bool pm = upper(p) == 'P';
        hour = hour % 12 + (pm ? 12 : 0);
        p += 2;
        skipSpaces(s, p);
    }
    if (hour > 23 || minute > 59 || second > 60)
        return false;
    d.hasTime = true;
    d.localSeconds += hour * 3600 + minute * 60 + std::min(second, 59);
    if (p >= s.size())
        return true;
    int offset = 0;
    if (match(s, p, "Z") || match(s, p, "z")) {
        d.hasZone = true;
    } else if (match(s, p, "UTC") || match(s, p, "GMT")) {
        d.hasZone = true;
        if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
            const int sign = s[p++] == '-' ? -1 : 1;
            int h = 0;
            if (!readInt(s, p, 2, h))
                return false;
            offset = sign * h * 3600;
        }
    } else if (s[p] == '+' || s[p] == '-') {
        const int sign = s[p++] == '-' ? -1 : 1;
        int h = 0;
        int m = 0;
        if (!readInt(s, p, 2, h))
            return false;
        match(s, p, ":");
        if (p < s.size() && !readInt(s, p, 2, m))
            return false;
        if (h > 14 || m > 59)
            return false;
        offset = sign * (h * 3600 + m * 60);
        d.hasZone = true;
    } else {
        return false;
    }
    d.utcSeconds = d.localSeconds - offset;
    skipSpaces(s, p);
    return p == s.size();
}

bool finishDate(ParsedDate& d, int year, int month, int day)
{
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    d.year = year;
    d.month = month;
    d.day = day;
    d.localSeconds = daysFromCivil(year, month, day) * 86400;
    return true;
}

} // namespace

std::int64_t daysFromCivil(int year, int month, int day)
{
    // Howard Hinnant's days_from_civil.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string ParsedDate::dayString() const
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

bool isEmptyCell(std::string_view cell)
{
    cell = trim(cell);
    return cell.empty() || cell == "-" || cell == "--" || cell == "\xE2\x80\x94" || cell == "N/A" || cell == "n/a" ||
           cell == "NA" || cell == "null" || cell == "NULL";
}

std::optional<ParsedNumber> parseNumber(std::string_view cell, NumberStyle style)
{
    cell = trim(cell);
    ParsedNumber out;
    if (!cell.empty() && cell.back() == '%') {
        out.percent = true;
        cell.remove_suffix(1);
        cell = trim(cell);
    }
    if (cell.empty())
        return std::nullopt;
    std::string digits;
    bool negative = false;
    std::size_t p = 0;
    if (cell[0] == '-' || cell[0] == '+') {
        negative = cell[0] == '-';
        p = 1;
    }
    // Collect the body without grouping spaces, and note the separators.
    std::string body;
    for (; p < cell.size(); ++p) {
        const char c = cell[p];
        if (c == ' ' || c == '\'')
            continue;
        if (cell.substr(p, 2) == "\xC2\xA0") {
            ++p;
            continue;
        }
        if (cell.substr(p, 3) == "\xE2\x80\xAF") {
            p += 2;
            continue;
        }
        body += c;
    }
    if (body.empty() || (!isDigit(body[0]) && body[0] != '.' && body[0] != ','))
        return std::nullopt;
    // Scientific notation is written with a dot by every exporter that uses it.
    std::string exponent;
    if (auto e = body.find_first_of("eE"); e != std::string::npos) {
        exponent = body.substr(e);
        body.resize(e);
    }
    const auto commas = static_cast<int>(std::count(body.begin(), body.end(), ','));
    const auto dots = static_cast<int>(std::count(body.begin(), body.end(), '.'));
    char decimal = 0;
    if (style == NumberStyle::DotDecimal) {
        decimal = '.';
    } else if (style == NumberStyle::CommaDecimal) {
        decimal = ',';
    } else if (commas > 0 && dots > 0) {
        decimal = body.find_last_of(",.") == body.rfind(',') ? ',' : '.';
    } else if (commas + dots == 1) {
        const char sep = commas ? ',' : '.';
        const std::size_t at = body.find(sep);
        const bool grouping = body.size() - at - 1 == 3 && at > 0 && at <= 3 && body[0] != '0' && !out.percent;
        decimal = grouping ? 0 : sep;
    } else if (commas + dots > 1) {
        decimal = 0; // several of one kind: grouping
        if (commas && dots)
            return std::nullopt;
    }
    const char group = decimal == ',' ? '.' : decimal == '.' ? ',' : (commas ? ',' : '.');
    // Grouping must be in threes: "1,23,4" is a typo, not a number.
    bool seenDecimal = false;
    int sinceGroup = -1;
    for (char c : body) {
        if (isDigit(c)) {
            digits += c;
            if (sinceGroup >= 0 && !seenDecimal)
                ++sinceGroup;
        } else if (c == decimal && !seenDecimal) {
            if (sinceGroup >= 0 && sinceGroup != 3)
                return std::nullopt;
            seenDecimal = true;
            digits += '.';
        } else if (c == group && !seenDecimal) {
            if (sinceGroup >= 0 && sinceGroup != 3)
                return std::nullopt;
            if (digits.empty())
                return std::nullopt;
            sinceGroup = 0;
        } else {
            return std::nullopt;
        }
    }
    if (!seenDecimal && sinceGroup >= 0 && sinceGroup != 3)
        return std::nullopt;
    if (digits.empty() || digits == ".")
        return std::nullopt;
    digits += exponent;
    char* end = nullptr;
    const double v = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size() || !std::isfinite(v))
        return std::nullopt;
    out.value = (negative ? -v : v) / (out.percent ? 100.0 : 1.0);
    return out;
}

int slashedDateFirstPart(std::string_view cell)
{
    cell = trim(cell);
    std::size_t p = 0;
    int a = 0;
    int b = 0;
    int y = 0;
    if (!readInt(cell, p, 2, a) || !match(cell, p, "/") || !readInt(cell, p, 2, b) || !match(cell, p, "/") ||
        !readInt(cell, p, 4, y) || y < 1000)
        return 0;
    return a;
}

std::optional<ParsedDate> parseDate(std::string_view cell, DateOrder order)
{
    cell = trim(cell);
    if (cell.empty())
        return std::nullopt;
    ParsedDate d;
    std::size_t p = 0;

    // Unix seconds or milliseconds.
    if (std::all_of(cell.begin(), cell.end(), isDigit) && (cell.size() == 10 || cell.size() == 13)) {
        std::int64_t v = 0;
        std::from_chars(cell.data(), cell.data() + cell.size(), v);
        if (cell.size() == 13)
            v = v / 1000;
        const std::int64_t dayNumber = v >= 0 ? v / 86400 : (v - 86399) / 86400;
        // Civil date of the UTC day, so dayString() is the UTC date.
        std::int64_t z = dayNumber + 719468;
        const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        const auto doe = static_cast<unsigned>(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
        const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
        const auto yy = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (mm <= 2 ? 1 : 0));
        if (!finishDate(d, yy, static_cast<int>(mm), static_cast<int>(dd)))
            return std::nullopt;
        d.localSeconds = v;
        d.utcSeconds = v;
        d.hasTime = true;
        d.hasZone = true;
        return d;
    }

    int a = 0;
    int b = 0;
    int c = 0;
    // Weekday prefix: "Fri, Mar 01, 2024".
    {
        std::size_t q = 0;
        while (q < cell.size() && std::isalpha(static_cast<unsigned char>(cell[q])))
            ++q;
        if (q >= 3 && q < cell.size() && cell[q] == ',') {
            std::size_t probe = 0;
            if (monthFromName(cell, probe) == 0) {
                p = q + 1;
                skipSpaces(cell, p);
            }
        }
    }
    if (const int month = monthFromName(cell, p); month > 0) {
        // "Mar 1, 2024" / "March 01 2024"
        skipSpaces(cell, p);
        if (!readInt(cell, p, 2, b))
            return std::nullopt;
        match(cell, p, ",");
        skipSpaces(cell, p);
        if (!readInt(cell, p, 4, c) || !finishDate(d, c, month, b))
            return std::nullopt;
        match(cell, p, ",");
    } else if (readInt(cell, p, 4, a)) {
        if (p < cell.size() && cell[p] == ' ') {
            // "1 Mar 2024"
            skipSpaces(cell, p);
            const int m = monthFromName(cell, p);
            skipSpaces(cell, p);
            if (m == 0 || !readInt(cell, p, 4, c) || !finishDate(d, c, m, a))
                return std::nullopt;
        } else if (a >= 1000 && (match(cell, p, "-") || match(cell, p, "/") || match(cell, p, ".") ||
                                 match(cell, p, "\xE5\xB9\xB4"))) { // 年
            if (!readInt(cell, p, 2, b))
                return std::nullopt;
            if (!(match(cell, p, "-") || match(cell, p, "/") || match(cell, p, ".") ||
                  match(cell, p, "\xE6\x9C\x88"))) // 月
                return std::nullopt;
            if (!readInt(cell, p, 2, c))
                return std::nullopt;
            match(cell, p, "\xE6\x97\xA5"); // 日
            if (!finishDate(d, a, b, c))
                return std::nullopt;
        } else if (a <= 31 && (match(cell, p, "/") || match(cell, p, "."))) {
            const char sep = cell[p - 1];
            if (!readInt(cell, p, 2, b) || !match(cell, p, std::string_view(&sep, 1)) || !readInt(cell, p, 4, c) ||
                c < 1000)
                return std::nullopt;
            // Dotted dates (01.03.2024) are always day first; slashed ones follow `order`.
            const bool dayFirst = sep == '.' || order == DateOrder::DayFirst;
            if (!finishDate(d, c, dayFirst ? b : a, dayFirst ? a : b))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (!readTimeAndZone(cell, p, d))
        return std::nullopt;
    return d;
}

} // namespace herald::engine
