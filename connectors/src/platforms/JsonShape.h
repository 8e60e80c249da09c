#pragma once

// Private helpers of the Bluesky and X connectors: reading documented response shapes, where every
// deviation becomes ErrorCode::Parse instead of an exception escaping or a crash.

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "herald/connectors/DateTime.h"
#include "herald/engine/Result.h"

namespace herald::connectors::shape {

using nlohmann::json;

/// Thrown by the helpers below; parse() turns it into ErrorCode::Parse.
struct ShapeError
{
    std::string what;
};

inline std::string text(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::string requiredText(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty())
        throw ShapeError{std::string("missing '") + key + "'"};
    return it->get<std::string>();
}

inline std::int64_t count(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return 0;
    if (!it->is_number_integer())
        throw ShapeError{std::string("'") + key + "' is not an integer"};
    return it->get<std::int64_t>();
}

inline std::int64_t timestamp(const json& object, const char* key)
{
    const std::string value = text(object, key);
    const auto utc = parseIso8601Utc(value);
    if (!utc)
        throw ShapeError{std::string("'") + key + "' is not an ISO 8601 time: '" + value.substr(0, 40) + "'"};
    return *utc;
}

inline const json& object(const json& parent, const char* key)
{
    const auto it = parent.find(key);
    if (it == parent.end() || !it->is_object())
        throw ShapeError{std::string("'") + key + "' is not an object"};
    return *it;
}

/// The object at `key`, or nullptr when absent or null; anything else is a shape error.
inline const json* optionalObject(const json& parent, const char* key)
{
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return nullptr;
    if (!it->is_object())
        throw ShapeError{std::string("'") + key + "' is not an object"};
    return &*it;
}

inline const json& array(const json& parent, const char* key)
{
    const auto it = parent.find(key);
    if (it == parent.end() || !it->is_array())
        throw ShapeError{std::string("'") + key + "' is not an array"};
    return *it;
}

inline void requireObject(const json& value, const char* what)
{
    if (!value.is_object())
        throw ShapeError{std::string(what) + " is not a JSON object"};
}

/// Runs `read` over `body` parsed as JSON; malformed JSON and shape problems give ErrorCode::Parse.
template <typename Read>
auto parse(std::string_view body, const std::string& what, Read read)
    -> Result<decltype(read(std::declval<const json&>()))>
{
    const json document = json::parse(body.begin(), body.end(), nullptr, false);
    if (document.is_discarded())
        return fail(ErrorCode::Parse,
                    what + ": the response is not valid JSON (" + std::to_string(body.size()) + " bytes)");
    try {
        return read(document);
    } catch (const ShapeError& e) {
        return fail(ErrorCode::Parse, what + ": unexpected response shape: " + e.what);
    } catch (const json::exception& e) {
        // type_error / out_of_range name types and keys, never values.
        return fail(ErrorCode::Parse, what + ": unexpected response shape: " + e.what());
    }
}

} // namespace herald::connectors::shape
