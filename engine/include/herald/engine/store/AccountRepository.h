#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Account.h"

namespace herald::engine {

class Database;

class AccountRepository
{
public:
    explicit AccountRepository(Database& db) : m_db(db) {}

    /// Adds an account, or re-attaches to the existing row with the same platform, base URL and
    /// external id (a reconnect keeps its history). Sets `account.id` and returns it.
    Result<std::int64_t> upsert(Account& account);
    Result<std::vector<Account>> list();
    Result<std::optional<Account>> find(std::int64_t id);
    Result<void> setStatus(std::int64_t id, AccountStatus status);
    /// Removes the account and everything that belongs to it (targets, metrics, audience).
    Result<void> remove(std::int64_t id);

private:
    Database& m_db;
};

} // namespace herald::engine
