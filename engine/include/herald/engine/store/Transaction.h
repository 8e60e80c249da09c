#pragma once

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// Scope guard for one transaction: rolls back on destruction unless commit() succeeded.
class Transaction
{
public:
    enum class Kind { Deferred, Immediate };

    static Result<Transaction> begin(Database& db, Kind kind = Kind::Immediate);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database* db) : m_db(db) {}
    Database* m_db;
};

} // namespace herald::engine
