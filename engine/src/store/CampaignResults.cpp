#include "herald/engine/store/CampaignResults.h"

#include "AccountFilter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::vector<CampaignResults>> queryCampaignResults(Database& db, const std::string& fromDay,
                                                          const std::string& toDay)
{
    auto stmt = db.prepare(
        "SELECT c.id, c.name, c.colour, c.currency, c.goal, c.goal_target, c.budget, COALESCE(c.start_day, ''), "
        "COALESCE(c.end_day, ''), COALESCE(SUM(m.spend), 0), COALESCE(SUM(m.conversions), 0), "
        "COALESCE(SUM(m.clicks), 0), COALESCE(SUM(m.impressions), 0) "
        "FROM campaigns c LEFT JOIN ad_sets s ON s.campaign_id = c.id "
        "LEFT JOIN ad_metrics m ON m.ad_set_id = s.id AND m.day <= ?2 "
        "WHERE (c.start_day IS NULL OR c.start_day <= ?2) AND (c.end_day IS NULL OR c.end_day >= ?1) "
        "GROUP BY c.id ORDER BY c.start_day, c.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, fromDay).bind(2, toDay);
    std::vector<CampaignResults> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const auto& s = **stmt;
        CampaignResults c;
        c.campaignId = s.int64(0);
        c.name = s.text(1);
        c.colour = s.text(2);
        c.currency = s.text(3);
        c.goal = s.text(4);
        c.goalTarget = s.real(5);
        c.budget = s.real(6);
        c.startDay = s.text(7);
        c.endDay = s.text(8);
        c.spend = s.real(9);
        c.results = s.real(10);
        c.clicks = s.real(11);
        c.impressions = s.real(12);
        c.costPerResult = c.results > 0 ? c.spend / c.results : 0;
        out.push_back(std::move(c));
    }
    (*stmt)->reset();
    return out;
}

Result<std::vector<CommentText>> queryComments(Database& db, std::int64_t fromUtc, std::int64_t toUtc,
                                               const std::vector<std::int64_t>& accountIds)
{
    const auto filter = accountFilterJson(accountIds);
    auto stmt = db.prepare("SELECT id, body, sentiment FROM comments WHERE ts_utc >= ?2 AND ts_utc < ?3 "
                           "AND (?1 IS NULL OR account_id IN (SELECT value FROM json_each(?1))) ORDER BY ts_utc");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, filter).bind(2, fromUtc).bind(3, toUtc);
    std::vector<CommentText> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        CommentText c;
        c.id = (*stmt)->int64(0);
        c.body = (*stmt)->text(1);
        c.scored = !(*stmt)->isNull(2);
        c.sentiment = c.scored ? (*stmt)->real(2) : 0;
        out.push_back(std::move(c));
    }
    (*stmt)->reset();
    return out;
}

} // namespace herald::engine
