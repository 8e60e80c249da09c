#pragma once

#include <cstdint>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Campaign.h"

namespace herald::engine {

class Database;

class CampaignRepository
{
public:
    explicit CampaignRepository(Database& db) : m_db(db) {}

    /// Inserts a campaign; sets `campaign.id` and returns it.
    Result<std::int64_t> insert(Campaign& campaign);
    Result<std::vector<Campaign>> list();

private:
    Database& m_db;
};

} // namespace herald::engine
