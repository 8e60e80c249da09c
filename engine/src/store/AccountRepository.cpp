#include "herald/engine/store/AccountRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

std::string_view statusKey(AccountStatus s)
{
    switch (s) {
    case AccountStatus::Connected: return "connected";
    case AccountStatus::NeedsReconnect: return "needs_reconnect";
    case AccountStatus::Disabled: return "disabled";
    }
    return "connected";
}

AccountStatus statusFromKey(std::string_view key)
{
    if (key == "needs_reconnect")
        return AccountStatus::NeedsReconnect;
    if (key == "disabled")
        return AccountStatus::Disabled;
    return AccountStatus::Connected;
}

constexpr const char* kSelect = "SELECT id, platform, handle, display_name, base_url, COALESCE(external_id, ''), "
                                "secret_ref, time_zone, status, created_utc FROM accounts";

Account readAccount(const Statement& s)
{
    Account a;
    a.id = s.int64(0);
    a.platform = platformFromKey(s.text(1)).value_or(Platform::Mastodon);
    a.handle = s.text(2);
    a.displayName = s.text(3);
    a.baseUrl = s.text(4);
    a.externalId = s.text(5);
    a.secretRef = s.text(6);
    a.timeZone = s.text(7);
    a.status = statusFromKey(s.text(8));
    a.createdUtc = s.int64(9);
    return a;
}

} // namespace

Result<std::int64_t> AccountRepository::upsert(Account& account)
{
    if (account.handle.empty())
        return fail(ErrorCode::Invalid, "an account needs a handle");
    if (!account.externalId.empty()) {
        auto find = m_db.prepare("SELECT id FROM accounts WHERE platform = ?1 AND base_url = ?2 AND external_id = ?3");
        if (!find)
            return tl::unexpected(find.error());
        (*find)->bind(1, platformKey(account.platform)).bind(2, account.baseUrl).bind(3, account.externalId);
        auto row = (*find)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (*row) {
            account.id = (*find)->int64(0);
            (*find)->reset();
            auto upd = m_db.prepare("UPDATE accounts SET handle = ?2, display_name = ?3, secret_ref = ?4, "
                                    "time_zone = ?5, status = ?6 WHERE id = ?1");
            if (!upd)
                return tl::unexpected(upd.error());
            (*upd)->bind(1, account.id).bind(2, account.handle).bind(3, account.displayName);
            (*upd)->bind(4, account.secretRef).bind(5, account.timeZone).bind(6, statusKey(account.status));
            if (auto r = (*upd)->run(); !r)
                return tl::unexpected(r.error());
            return account.id;
        }
        (*find)->reset();
    }
    auto ins = m_db.prepare("INSERT INTO accounts(platform, handle, display_name, base_url, external_id, secret_ref, "
                            "time_zone, status, created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!ins)
        return tl::unexpected(ins.error());
    auto& s = **ins;
    s.bind(1, platformKey(account.platform)).bind(2, account.handle).bind(3, account.displayName);
    s.bind(4, account.baseUrl).bindTextOrNull(5, account.externalId).bind(6, account.secretRef);
    s.bind(7, account.timeZone).bind(8, statusKey(account.status)).bind(9, account.createdUtc);
    if (auto r = s.run(); !r)
        return tl::unexpected(r.error());
    account.id = m_db.lastInsertRowId();
    return account.id;
}

Result<std::vector<Account>> AccountRepository::list()
{
    auto stmt = m_db.prepare(std::string(kSelect) + " ORDER BY id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<Account> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back(readAccount(**stmt));
    }
    (*stmt)->reset();
    return out;
}

Result<std::optional<Account>> AccountRepository::find(std::int64_t id)
{
    auto stmt = m_db.prepare(std::string(kSelect) + " WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, id);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    std::optional<Account> out;
    if (*row)
        out = readAccount(**stmt);
    (*stmt)->reset();
    return out;
}

Result<void> AccountRepository::setStatus(std::int64_t id, AccountStatus status)
{
    auto stmt = m_db.prepare("UPDATE accounts SET status = ?2 WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, id).bind(2, statusKey(status)).run();
}

Result<void> AccountRepository::remove(std::int64_t id)
{
    auto stmt = m_db.prepare("DELETE FROM accounts WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    if (auto r = (*stmt)->bind(1, id).run(); !r)
        return r;
    if (m_db.changes() == 0)
        return fail(ErrorCode::NotFound, "no account with id " + std::to_string(id));
    return {};
}

} // namespace herald::engine
