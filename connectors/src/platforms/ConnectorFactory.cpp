#include "herald/connectors/platforms/ConnectorFactory.h"

#include <nlohmann/json.hpp>

#include "herald/connectors/bluesky/BlueskyConnector.h"
#include "herald/connectors/mastodon/MastodonConnector.h"
#include "herald/connectors/x/XConnector.h"
#include "herald/engine/model/Account.h"

namespace herald::connectors {

std::string serializeCredentials(const Credentials& c)
{
    nlohmann::json j = {{"access_token", c.accessToken},   {"refresh_token", c.refreshToken},
                        {"app_password", c.appPassword},   {"client_id", c.clientId},
                        {"client_secret", c.clientSecret}, {"expires_utc", c.expiresUtc}};
    return j.dump();
}

Result<Credentials> parseCredentials(std::string_view json)
{
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return fail(ErrorCode::Invalid, "stored credentials are not a JSON object");
    Credentials c;
    auto text = [&](const char* key, std::string& out) {
        if (auto it = j.find(key); it != j.end() && it->is_string())
            out = it->get<std::string>();
    };
    text("access_token", c.accessToken);
    text("refresh_token", c.refreshToken);
    text("app_password", c.appPassword);
    text("client_id", c.clientId);
    text("client_secret", c.clientSecret);
    if (auto it = j.find("expires_utc"); it != j.end() && it->is_number_integer())
        c.expiresUtc = it->get<std::int64_t>();
    return c;
}

namespace {

// Handles are often typed with their "@"; links and sign-in want them without.
std::string bareHandle(const std::string& handle)
{
    return !handle.empty() && handle.front() == '@' ? handle.substr(1) : handle;
}

} // namespace

Result<std::unique_ptr<Connector>> makeConnector(const engine::Account& account, const Credentials& credentials,
                                                 HttpClient& http, CredentialsChanged onChanged)
{
    switch (account.platform) {
    case engine::Platform::Mastodon: {
        if (account.baseUrl.empty())
            return fail(ErrorCode::Invalid, "a Mastodon account needs its instance URL");
        MastodonConfig config;
        config.baseUrl = account.baseUrl;
        config.accessToken = credentials.accessToken;
        config.accountId = account.externalId;
        return std::unique_ptr<Connector>(std::make_unique<MastodonConnector>(std::move(config), http));
    }
    case engine::Platform::Bluesky: {
        BlueskyConfig config;
        if (!account.baseUrl.empty())
            config.pdsUrl = account.baseUrl;
        config.identifier = bareHandle(account.handle);
        config.handle = bareHandle(account.handle);
        config.did = account.externalId;
        config.appPassword = credentials.appPassword;
        config.accessJwt = credentials.accessToken;
        config.refreshJwt = credentials.refreshToken;
        config.accessExpiresUtc = credentials.expiresUtc;
        if (config.appPassword.empty() && config.refreshJwt.empty() && config.accessJwt.empty())
            return fail(ErrorCode::AuthExpired, "the Bluesky account has no app password or session; sign in again");
        return std::unique_ptr<Connector>(
            std::make_unique<BlueskyConnector>(std::move(config), http, std::move(onChanged)));
    }
    case engine::Platform::X: {
        XConfig config;
        if (!account.baseUrl.empty())
            config.baseUrl = account.baseUrl;
        config.accessToken = credentials.accessToken;
        config.refreshToken = credentials.refreshToken;
        config.clientId = credentials.clientId;
        config.clientSecret = credentials.clientSecret;
        config.userId = account.externalId;
        config.username = bareHandle(account.handle);
        if (config.accessToken.empty() && config.refreshToken.empty())
            return fail(ErrorCode::AuthExpired, "the X account has no token; sign in again");
        return std::unique_ptr<Connector>(std::make_unique<XConnector>(std::move(config), http, std::move(onChanged)));
    }
    default:
        break;
    }
    return fail(ErrorCode::Invalid, std::string(engine::platformDisplayName(account.platform)) +
                                        " has no API connector in Herald; import its analytics export as CSV");
}

} // namespace herald::connectors
