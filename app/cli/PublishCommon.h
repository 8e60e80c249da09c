#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

#include "Cli.h"
#include "herald/connectors/sync/Publisher.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli::publish {

/// Opens the workspace of a post/publish command (--workspace or HERALD_WORKSPACE).
std::optional<int> openWorkspace(const Command& cmd, QString& path, std::optional<engine::Database>& db);
/// The workspace's calendar zone (settings), "UTC" when unset.
std::string workspaceZone(engine::Database& db);
/// Where heraldctl reads account credentials: the app's SecretStore (keychain, or the file store
/// chosen by HERALD_SECRET_STORE / HERALD_NO_KEYCHAIN). The one place credentials come from.
connectors::CredentialsSource credentialsSource();
/// "2026-08-01 09:00 Europe/Berlin" from a stored local time and zone.
QString formatLocal(const std::string& localTime, const std::string& zone);

} // namespace herald::app::cli::publish
