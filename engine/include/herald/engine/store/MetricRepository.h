#pragma once

#include "herald/engine/Result.h"
#include "herald/engine/model/Metrics.h"

namespace herald::engine {

class Database;

/// Metric snapshots. Upserts are idempotent: the same (target, metric, instant) or
/// (account, metric, day) written twice leaves one row with the last value.
class MetricRepository
{
public:
    explicit MetricRepository(Database& db) : m_db(db) {}

    Result<void> upsertPostMetric(const PostMetricSample& sample);
    Result<void> upsertAccountMetric(const AccountMetricDay& day);

private:
    Database& m_db;
};

} // namespace herald::engine
