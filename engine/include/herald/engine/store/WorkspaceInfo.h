#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

struct WorkspaceInfo
{
    int schemaVersion = 0;
    bool isDemo = false;
    std::string name;
    std::string timeZone;
    std::vector<std::pair<std::string, std::int64_t>> rowCounts; // table name -> rows, schema order
    std::string firstDay; // earliest metric day or publication, YYYY-MM-DD; empty when none
    std::string lastDay;
};

/// Schema version, settings, row counts per table and the date span of the data.
Result<WorkspaceInfo> readWorkspaceInfo(Database& db);

} // namespace herald::engine
