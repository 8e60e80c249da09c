#pragma once

#include <cstdint>
#include <string>

#include "herald/engine/model/Platform.h"

namespace herald::engine {

enum class AccountStatus { Connected, NeedsReconnect, Disabled };

struct Account
{
    std::int64_t id = 0;
    Platform platform = Platform::Mastodon;
    std::string handle;
    std::string displayName;
    std::string baseUrl;     // instance / PDS / API base; empty means the platform default
    std::string externalId;  // the platform's id for the account
    std::string secretRef;   // key of the secret in the OS keychain, never the secret itself
    std::string timeZone = "UTC"; // IANA zone that defines the account's metric days
    AccountStatus status = AccountStatus::Connected;
    std::int64_t createdUtc = 0;
};

} // namespace herald::engine
