#pragma once

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// Applies every migration above the file's user_version, each in its own transaction.
Result<void> migrate(Database& db);

} // namespace herald::engine
