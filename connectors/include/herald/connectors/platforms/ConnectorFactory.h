#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "herald/engine/Result.h"

namespace herald::engine {
struct Account;
}

namespace herald::connectors {

class Connector;
class HttpClient;

/// What an account signs in with. Kept in the OS keychain as JSON, never in the workspace.
struct Credentials
{
    std::string accessToken;  // Mastodon and X bearer token; Bluesky accessJwt
    std::string refreshToken; // X refresh token; Bluesky refreshJwt
    std::string appPassword;  // Bluesky app password (a new session is created from it when needed)
    std::string clientId;     // OAuth client (Mastodon app, X client) used to refresh
    std::string clientSecret; // Mastodon app secret; empty for public clients (X with PKCE)
    std::int64_t expiresUtc = 0; // access token expiry; 0 = unknown or does not expire
};

/// JSON for the keychain.
std::string serializeCredentials(const Credentials& credentials);
/// Parses what serializeCredentials wrote; Invalid on anything else.
Result<Credentials> parseCredentials(std::string_view json);

/// Called when a connector refreshed its tokens, so that the new ones can be stored.
using CredentialsChanged = std::function<void(const Credentials&)>;

/// The connector for `account`'s platform, talking to account.baseUrl (or the platform default).
/// Platforms without an API connector in Herald (their data comes from CSV import) give Invalid.
/// `http` must outlive the connector.
Result<std::unique_ptr<Connector>> makeConnector(const engine::Account& account, const Credentials& credentials,
                                                 HttpClient& http, CredentialsChanged onChanged = {});

} // namespace herald::connectors
