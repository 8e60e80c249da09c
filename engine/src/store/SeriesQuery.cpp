#include "herald/engine/store/SeriesQuery.h"

#include <cstdio>
#include <map>

#include "AccountFilter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

// Civil-from-days and days-from-civil (proleptic Gregorian), after H. Hinnant's algorithms.
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::int64_t periodStartImpl(std::int64_t day, Granularity g)
{
    if (g == Granularity::Day)
        return day;
    if (g == Granularity::Week) {
        const std::int64_t weekday = ((day % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday: Monday = 0
        return day - weekday;
    }
    int y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    return daysFromCivil(y, m, 1);
}

std::int64_t nextPeriodImpl(std::int64_t start, Granularity g)
{
    if (g == Granularity::Day)
        return start + 1;
    if (g == Granularity::Week)
        return start + 7;
    int y;
    unsigned m, d;
    civilFromDays(start, y, m, d);
    return m == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
}

struct DayTotals
{
    double followers = 0, impressions = 0, engagements = 0, visits = 0;
    bool hasFollowers = false, hasImpressions = false, hasEngagements = false, hasVisits = false;
};

} // namespace

std::int64_t periodStartDay(std::int64_t day, Granularity granularity)
{
    return periodStartImpl(day, granularity);
}

std::int64_t nextPeriodDay(std::int64_t start, Granularity granularity)
{
    return nextPeriodImpl(start, granularity);
}

std::optional<std::int64_t> dayNumber(const std::string& day)
{
    // Hand-parsed: charts call this once per point, so it must be cheap.
    if (day.size() != 10 || day[4] != '-' || day[7] != '-')
        return std::nullopt;
    auto digits = [&day](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (day[i] < '0' || day[i] > '9')
                return false;
            out = out * 10 + (day[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || m < 1 || m > 12 || d < 1)
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0))
        return std::nullopt; // e.g. 2026-02-30
    return daysFromCivil(y, unsigned(m), unsigned(d));
}

std::string dayString(std::int64_t n)
{
    int y;
    unsigned m, d;
    civilFromDays(n, y, m, d);
    char buf[32]; // room for any int year, so the output is never cut
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m % 100, d % 100);
    return buf;
}

Result<std::vector<SeriesPoint>> querySeries(Database& db, SeriesMetric metric, const std::string& fromDay,
                                             const std::string& toDay, const std::vector<std::int64_t>& accountIds,
                                             Granularity granularity)
{
    const auto from = dayNumber(fromDay);
    const auto to = dayNumber(toDay);
    if (!from || !to || *to < *from)
        return fail(ErrorCode::Invalid, "the period " + fromDay + " to " + toDay + " is not a valid range");
    const auto filter = accountFilterJson(accountIds);
    // Same join order as the KPI query: each account's days are a primary-key range.
    auto stmt = db.prepare("SELECT m.day, m.metric, SUM(m.value) FROM accounts a CROSS JOIN account_metrics m "
                           "ON m.account_id = a.id AND m.metric IN ('followers', 'impressions', 'engagements', "
                           "'profile_visits') AND m.day BETWEEN ?2 AND ?3 "
                           "WHERE ?1 IS NULL OR a.id IN (SELECT value FROM json_each(?1)) GROUP BY m.day, m.metric");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, filter).bind(2, fromDay).bind(3, toDay);
    std::map<std::int64_t, DayTotals> days;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const auto day = dayNumber((*stmt)->text(0));
        if (!day)
            continue; // `heraldctl check` reports malformed days
        const std::string name = (*stmt)->text(1);
        const double v = (*stmt)->real(2);
        auto& t = days[*day];
        if (name == "followers") {
            t.followers = v;
            t.hasFollowers = true;
        } else if (name == "impressions") {
            t.impressions = v;
            t.hasImpressions = true;
        } else if (name == "engagements") {
            t.engagements = v;
            t.hasEngagements = true;
        } else {
            t.visits = v;
            t.hasVisits = true;
        }
    }
    (*stmt)->reset();

    std::vector<SeriesPoint> out;
    for (std::int64_t start = periodStartImpl(*from, granularity); start <= *to; start = nextPeriodImpl(start, granularity)) {
        const std::int64_t end = std::min(nextPeriodImpl(start, granularity) - 1, *to);
        double sum = 0, impressions = 0, engagements = 0, level = 0;
        bool any = false;
        for (auto it = days.lower_bound(std::max(start, *from)); it != days.end() && it->first <= end; ++it) {
            const auto& t = it->second;
            switch (metric) {
            case SeriesMetric::Followers:
                if (t.hasFollowers) {
                    level = t.followers;
                    any = true;
                }
                break;
            case SeriesMetric::Impressions:
                sum += t.impressions;
                any |= t.hasImpressions;
                break;
            case SeriesMetric::Engagements:
                sum += t.engagements;
                any |= t.hasEngagements;
                break;
            case SeriesMetric::ProfileVisits:
                sum += t.visits;
                any |= t.hasVisits;
                break;
            case SeriesMetric::EngagementRate:
                impressions += t.impressions;
                engagements += t.engagements;
                any |= t.hasImpressions;
                break;
            }
        }
        SeriesPoint p;
        p.period = dayString(start);
        p.missing = !any;
        if (metric == SeriesMetric::Followers)
            p.value = level;
        else if (metric == SeriesMetric::EngagementRate)
            p.value = impressions > 0 ? engagements / impressions : 0;
        else
            p.value = sum;
        out.push_back(std::move(p));
    }
    return out;
}

} // namespace herald::engine
