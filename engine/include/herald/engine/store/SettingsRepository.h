#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// Well-known keys of the workspace's settings table.
namespace settingKeys {
inline constexpr std::string_view kName = "workspace.name";
inline constexpr std::string_view kTimeZone = "workspace.time_zone"; // IANA zone of the calendar and reports
inline constexpr std::string_view kDemo = "workspace.demo";          // "1" in a generated demo workspace
inline constexpr std::string_view kDemoSeed = "demo.seed";
inline constexpr std::string_view kCreatedBy = "workspace.created_by";
} // namespace settingKeys

class SettingsRepository
{
public:
    explicit SettingsRepository(Database& db) : m_db(db) {}

    /// The value under `key`, or nullopt when unset.
    Result<std::optional<std::string>> value(std::string_view key);
    /// Sets (inserts or replaces) one value.
    Result<void> setValue(std::string_view key, std::string_view value);
    /// True when the workspace was made by the demo generator.
    Result<bool> isDemo();

private:
    Database& m_db;
};

} // namespace herald::engine
