#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

struct Invariant
{
    const char* what; // describes a violating row
    const char* sql;  // counts the violating rows
};

// Herald's own rules, beyond what the schema's constraints can say.
constexpr Invariant kInvariants[] = {
    {"published targets without a publication time",
     "SELECT COUNT(*) FROM post_targets WHERE status = 'published' AND published_utc IS NULL"},
    {"scheduled posts without a local time, zone or UTC instant",
     "SELECT COUNT(*) FROM posts WHERE status = 'scheduled' AND (scheduled_utc IS NULL OR local_time = '' "
     "OR time_zone = '')"},
    {"negative post metric values", "SELECT COUNT(*) FROM post_metrics WHERE value < 0"},
    {"account metric days that are not calendar dates",
     "SELECT COUNT(*) FROM account_metrics WHERE date(day) IS NULL OR date(day) <> day"},
    {"ad metric days that are not calendar dates",
     "SELECT COUNT(*) FROM ad_metrics WHERE date(day) IS NULL OR date(day) <> day"},
    {"campaigns that end before they start",
     "SELECT COUNT(*) FROM campaigns WHERE start_day IS NOT NULL AND end_day IS NOT NULL AND end_day < start_day"},
    {"ad metrics with more clicks than impressions", "SELECT COUNT(*) FROM ad_metrics WHERE clicks > impressions"},
    {"comment sentiment outside [-1, 1]",
     "SELECT COUNT(*) FROM comments WHERE sentiment IS NOT NULL AND (sentiment < -1 OR sentiment > 1)"},
    {"posts that are their own thread parent", "SELECT COUNT(*) FROM posts WHERE parent_post_id = id"},
};

} // namespace

Result<std::vector<std::string>> checkWorkspace(Database& db)
{
    std::vector<std::string> problems;
    auto integrity = db.prepare("PRAGMA integrity_check");
    if (!integrity)
        return tl::unexpected(integrity.error());
    while (true) {
        auto row = (*integrity)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        auto line = (*integrity)->text(0);
        if (line != "ok")
            problems.push_back("integrity: " + line);
    }
    (*integrity)->reset();

    auto fk = db.prepare("PRAGMA foreign_key_check");
    if (!fk)
        return tl::unexpected(fk.error());
    while (true) {
        auto row = (*fk)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        problems.push_back("foreign key: row " + std::to_string((*fk)->int64(1)) + " of " + (*fk)->text(0) +
                           " points to a missing row of " + (*fk)->text(2));
    }
    (*fk)->reset();

    for (const auto& inv : kInvariants) {
        auto stmt = db.prepare(inv.sql);
        if (!stmt)
            return tl::unexpected(stmt.error());
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        auto n = (*stmt)->int64(0);
        (*stmt)->reset();
        if (n > 0)
            problems.push_back(std::to_string(n) + " " + inv.what);
    }
    return problems;
}

} // namespace herald::engine
