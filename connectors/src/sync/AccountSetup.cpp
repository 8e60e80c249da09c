#include <memory>

#include "herald/connectors/Connector.h"
#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/SyncStateRepository.h"
#include "herald/engine/store/Transaction.h"

namespace herald::connectors {

namespace {

std::string normalisedBaseUrl(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

} // namespace

std::string secretRefFor(const engine::Account& account)
{
    return "herald:" + std::string(engine::platformKey(account.platform)) + ":" + account.baseUrl + ":" +
           account.externalId;
}

Result<engine::Account> verifyAccount(const engine::Account& draft, const Credentials& credentials, HttpClient& http)
{
    engine::Account account = draft;
    account.baseUrl = normalisedBaseUrl(account.baseUrl);
    auto connector = makeConnector(account, credentials, http);
    if (!connector)
        return tl::unexpected(connector.error());
    auto identity = (*connector)->verifyCredentials();
    if (!identity)
        return tl::unexpected(identity.error());
    if (identity->externalId.empty())
        return fail(ErrorCode::Parse, "the platform did not say which account the credentials belong to");
    account.externalId = identity->externalId;
    if (!identity->handle.empty())
        account.handle = identity->handle;
    if (account.handle.empty())
        account.handle = identity->externalId;
    account.displayName = identity->displayName;
    account.secretRef = secretRefFor(account);
    account.status = engine::AccountStatus::Connected;
    return account;
}

Result<AttachedAccount> attachAccount(engine::Database& db, engine::Account account, std::int64_t nowUtc)
{
    if (account.externalId.empty())
        return fail(ErrorCode::Invalid, "an account must be verified before it is stored");
    auto tx = engine::Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto existed = db.prepare("SELECT 1 FROM accounts WHERE platform = ?1 AND base_url = ?2 AND external_id = ?3");
    if (!existed)
        return tl::unexpected(existed.error());
    (*existed)->bind(1, engine::platformKey(account.platform)).bind(2, account.baseUrl).bind(3, account.externalId);
    auto row = (*existed)->step();
    if (!row)
        return tl::unexpected(row.error());
    const bool reattached = *row;
    (*existed)->reset();
    if (!reattached)
        account.createdUtc = nowUtc;
    account.status = engine::AccountStatus::Connected;
    if (auto id = engine::AccountRepository(db).upsert(account); !id)
        return tl::unexpected(id.error());
    engine::SyncStateRepository states(db);
    if (auto r = states.setAccountError(account.id, ""); !r)
        return tl::unexpected(r.error());
    if (auto r = states.setRateLimitedUntil(account.id, std::nullopt); !r)
        return tl::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return AttachedAccount{std::move(account), reattached};
}

} // namespace herald::connectors
