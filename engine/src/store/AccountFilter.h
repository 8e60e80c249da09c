#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace herald::engine {

/// The account filter of the reporting queries, bound as one parameter: a JSON array of ids read
/// with json_each, or NULL for every account, so the SQL text stays constant and its statement
/// is reused.
inline std::optional<std::string> accountFilterJson(const std::vector<std::int64_t>& ids)
{
    if (ids.empty())
        return std::nullopt;
    std::string json = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            json += ',';
        json += std::to_string(ids[i]);
    }
    json += ']';
    return json;
}

} // namespace herald::engine
