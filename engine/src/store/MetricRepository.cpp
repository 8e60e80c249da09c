#include "herald/engine/store/MetricRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<void> MetricRepository::upsertPostMetric(const PostMetricSample& m)
{
    auto stmt = m_db.prepare("INSERT INTO post_metrics(target_id, metric, ts_utc, value) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT(target_id, metric, ts_utc) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, m.targetId).bind(2, m.metric).bind(3, m.timestampUtc).bind(4, m.value).run();
}

Result<void> MetricRepository::upsertAccountMetric(const AccountMetricDay& m)
{
    if (m.day.size() != 10)
        return fail(ErrorCode::Invalid, "metric day \"" + m.day + "\" is not YYYY-MM-DD");
    auto stmt = m_db.prepare("INSERT INTO account_metrics(account_id, metric, day, value) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT(account_id, metric, day) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, m.accountId).bind(2, m.metric).bind(3, m.day).bind(4, m.value).run();
}

} // namespace herald::engine
