#include "herald/engine/store/AdRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::int64_t> AdRepository::insertAudience(AdAudience& a)
{
    auto stmt = m_db.prepare("INSERT INTO ad_audiences(name, segment_id, spec_json, size_estimate, created_utc) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, a.name).bind(2, a.segmentId).bind(3, a.specJson).bind(4, a.sizeEstimate).bind(5, a.createdUtc);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    a.id = m_db.lastInsertRowId();
    return a.id;
}

Result<std::int64_t> AdRepository::insertAdSet(AdSet& a)
{
    auto stmt = m_db.prepare("INSERT INTO ad_sets(campaign_id, audience_id, name, platform, external_id, daily_budget, "
                             "bid, currency, status, created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, a.campaignId).bind(2, a.audienceId).bind(3, a.name).bind(4, a.platform).bind(5, a.externalId);
    s.bind(6, a.dailyBudget).bind(7, a.bid).bind(8, a.currency).bind(9, a.status).bind(10, a.createdUtc);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    a.id = m_db.lastInsertRowId();
    return a.id;
}

Result<void> AdRepository::upsertMetric(const AdMetricDay& m)
{
    auto stmt = m_db.prepare("INSERT INTO ad_metrics(ad_set_id, day, impressions, clicks, spend, conversions, revenue) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(ad_set_id, day) DO UPDATE SET "
                             "impressions = excluded.impressions, clicks = excluded.clicks, spend = excluded.spend, "
                             "conversions = excluded.conversions, revenue = excluded.revenue");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, m.adSetId).bind(2, m.day).bind(3, m.impressions).bind(4, m.clicks).bind(5, m.spend);
    s.bind(6, m.conversions).bind(7, m.revenue);
    return s.run();
}

} // namespace herald::engine
