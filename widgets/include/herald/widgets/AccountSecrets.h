#pragma once

#include <functional>
#include <string>

#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/Result.h"

namespace herald::ui {

/// Where account secrets live, filled in by the app (which owns the keychain). Every hook may be
/// called from worker threads, and blocks.
struct AccountSecrets
{
    std::function<Result<void>(const std::string& ref, const connectors::Credentials&)> write;
    std::function<Result<connectors::Credentials>(const std::string& ref)> read;
    std::function<Result<void>(const std::string& ref)> remove;
    /// The path of the fallback file when secrets are kept there because no keychain is available;
    /// empty while the keychain is in use.
    std::function<std::string()> fallbackFile;

    bool isComplete() const { return write && read && remove; }
};

} // namespace herald::ui
