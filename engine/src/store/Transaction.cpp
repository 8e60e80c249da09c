#include "herald/engine/store/Transaction.h"

#include "herald/engine/store/Database.h"

namespace herald::engine {

Result<Transaction> Transaction::begin(Database& db, Kind kind)
{
    auto r = db.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    if (!r)
        return tl::unexpected(r.error());
    return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db)
{
    other.m_db = nullptr;
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return fail(ErrorCode::Invalid, "commit on a finished transaction");
    auto r = m_db->exec("COMMIT");
    if (!r)
        return r; // the destructor rolls back
    m_db = nullptr;
    return {};
}

} // namespace herald::engine
