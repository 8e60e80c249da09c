#pragma once

#include <cstdint>

#include "herald/engine/Result.h"
#include "herald/engine/model/Ads.h"

namespace herald::engine {

class Database;

class AdRepository
{
public:
    explicit AdRepository(Database& db) : m_db(db) {}

    Result<std::int64_t> insertAudience(AdAudience& audience);
    Result<std::int64_t> insertAdSet(AdSet& adSet);
    /// Idempotent per (ad set, day).
    Result<void> upsertMetric(const AdMetricDay& day);

private:
    Database& m_db;
};

} // namespace herald::engine
