#include "herald/engine/store/CampaignRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::int64_t> CampaignRepository::insert(Campaign& c)
{
    if (c.name.empty())
        return fail(ErrorCode::Invalid, "a campaign needs a name");
    if (!c.startDay.empty() && !c.endDay.empty() && c.endDay < c.startDay)
        return fail(ErrorCode::Invalid, "campaign \"" + c.name + "\" ends before it starts");
    auto stmt = m_db.prepare("INSERT INTO campaigns(name, goal, goal_target, start_day, end_day, budget, currency, "
                             "utm_campaign, colour, created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, c.name).bind(2, c.goal).bind(3, c.goalTarget).bindTextOrNull(4, c.startDay).bindTextOrNull(5, c.endDay);
    s.bind(6, c.budget).bind(7, c.currency).bind(8, c.utmCampaign).bind(9, c.colour).bind(10, c.createdUtc);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    c.id = m_db.lastInsertRowId();
    return c.id;
}

Result<std::vector<Campaign>> CampaignRepository::list()
{
    auto stmt = m_db.prepare("SELECT id, name, goal, goal_target, COALESCE(start_day, ''), COALESCE(end_day, ''), "
                             "budget, currency, utm_campaign, colour, created_utc FROM campaigns ORDER BY id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<Campaign> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const auto& s = **stmt;
        Campaign c;
        c.id = s.int64(0);
        c.name = s.text(1);
        c.goal = s.text(2);
        c.goalTarget = s.real(3);
        c.startDay = s.text(4);
        c.endDay = s.text(5);
        c.budget = s.real(6);
        c.currency = s.text(7);
        c.utmCampaign = s.text(8);
        c.colour = s.text(9);
        c.createdUtc = s.int64(10);
        out.push_back(std::move(c));
    }
    (*stmt)->reset();
    return out;
}

} // namespace herald::engine
