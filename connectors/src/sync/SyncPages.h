#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>

#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Result.h"

namespace herald::engine {
class Clock;
class Database;
} // namespace herald::engine

namespace herald::connectors {

class Connector;

/// What one resource's page loop needs: the account's connection and connector, and where to report.
struct ResourceContext
{
    engine::Database& db;
    Connector& connector;
    const engine::Account& account;
    const engine::Clock& clock;
    const SyncOptions& options;
    const SyncHooks& hooks;
    std::stop_token stop;
    std::function<void(int pages, std::int64_t items)> pageDone;
};

struct ResourceOutcome
{
    int pages = 0;
    std::int64_t items = 0;
};

/// Whether `error` is a connector's "... not offered by <platform>" (a capability, not a failure).
bool isNotOffered(const Error& error);

/// Syncs one resource of one account from its stored cursor until the listing ends, `stop` is
/// requested (Cancelled) or a call fails; every page is committed with its cursor.
Result<ResourceOutcome> syncResource(ResourceContext& context, SyncResource resource);

} // namespace herald::connectors
