#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Result.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/store/SyncStateRepository.h"
#include "herald/widgets/AccountSecrets.h"

namespace herald::engine {
class Clock;
}

// The Accounts panel's blocking work, run on worker threads: plain functions over the workspace path.
namespace herald::ui::accounts {

struct StatusRow
{
    engine::Account account;
    engine::AccountSyncStatus sync;
};

/// Every account with its sync status.
Result<std::vector<StatusRow>> loadStatusRows(const std::string& workspace);

struct Connected
{
    engine::Account account;
    bool reattached = false;
};

/// Verifies `credentials` against the platform, stores the secret, then the account (re-attaching an
/// existing one with the same identity).
Result<Connected> connectAccount(const std::string& workspace, const engine::Account& draft,
                                 const connectors::Credentials& credentials, const AccountSecrets& secrets,
                                 const engine::Clock& clock);

/// How a browser sign-in opens the authorisation page (called on the worker thread).
using OpenBrowser = std::function<void(const std::string& url)>;

/// The browser flow: registers Herald on the Mastodon instance, opens its authorisation page, waits
/// for the loopback redirect (until `stop` or five minutes), and exchanges the code for a token.
Result<connectors::Credentials> mastodonBrowserSignIn(const std::string& baseUrl, const OpenBrowser& open,
                                                      const engine::Clock& clock, std::stop_token stop);
/// The same with X's OAuth 2.0 + PKCE for the developer client `clientId`, whose registered callback
/// must be http://127.0.0.1:<port>/callback.
Result<connectors::Credentials> xBrowserSignIn(const std::string& clientId, std::uint16_t port, const OpenBrowser& open,
                                               const engine::Clock& clock, std::stop_token stop);

/// Removes the account and all its data, then its secret. A secret that cannot be deleted is
/// reported in the returned text (the account is gone either way).
Result<std::string> removeAccount(const std::string& workspace, std::int64_t accountId, const AccountSecrets& secrets);

/// Syncs every connected account; `progress` is called from worker threads.
Result<connectors::SyncReport> syncAll(const std::string& workspace, const AccountSecrets& secrets,
                                       const engine::Clock& clock, std::stop_token stop,
                                       std::function<void(const connectors::SyncProgress&)> progress);

} // namespace herald::ui::accounts
