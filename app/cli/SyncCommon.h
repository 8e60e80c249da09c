#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

#include "Cli.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli {

/// Opens the workspace of a command without a positional FILE (--workspace or HERALD_WORKSPACE).
/// Returns an exit status when the command must stop.
std::optional<int> openOptionWorkspace(const Command& cmd, QString& path, std::optional<engine::Database>& db);
/// Seconds east of UTC of IANA `zone` at `utc` (0 for an unknown zone).
int zoneOffset(const std::string& zone, std::int64_t utc);
/// "YYYY-MM-DD HH:MM UTC", or "never".
QString formatUtc(std::optional<std::int64_t> utc);

} // namespace herald::app::cli
