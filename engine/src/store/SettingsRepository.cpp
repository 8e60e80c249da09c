#include "herald/engine/store/SettingsRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::optional<std::string>> SettingsRepository::value(std::string_view key)
{
    auto stmt = m_db.prepare("SELECT value FROM settings WHERE key = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, key);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    std::optional<std::string> out;
    if (*row)
        out = (*stmt)->text(0);
    (*stmt)->reset();
    return out;
}

Result<void> SettingsRepository::setValue(std::string_view key, std::string_view value)
{
    auto stmt = m_db.prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, key).bind(2, value).run();
}

Result<bool> SettingsRepository::isDemo()
{
    auto v = value(settingKeys::kDemo);
    if (!v)
        return tl::unexpected(v.error());
    return v->has_value() && **v == "1";
}

} // namespace herald::engine
