#pragma once

#include <cstdint>

#include "herald/engine/Result.h"
#include "herald/engine/model/Audience.h"

namespace herald::engine {

class Database;

class AudienceRepository
{
public:
    explicit AudienceRepository(Database& db) : m_db(db) {}

    /// Inserts or updates the member keyed by (account, external id) and replaces its interests.
    /// Sets `member.id` and returns it.
    Result<std::int64_t> upsertMember(AudienceMember& member);
    Result<void> addEvent(const MemberEvent& event);

private:
    Database& m_db;
};

} // namespace herald::engine
