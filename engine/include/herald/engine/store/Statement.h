#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "herald/engine/Result.h"

struct sqlite3_stmt;
struct sqlite3;

namespace herald::engine {

/// A prepared statement owned by a Database's cache. Bind with 1-based indexes, then step() or run().
class Statement
{
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    /// Binds an empty string as NULL (optional text columns).
    Statement& bindTextOrNull(int index, std::string_view text);

    /// Advances one row: true when a row is available, false when done.
    Result<bool> step();
    /// Steps to completion (INSERT / UPDATE / DELETE), then resets.
    Result<void> run();
    void reset();
    /// Steps through every row, collecting `row(*this)` for each, then resets (also on error).
    template <typename F> auto collect(F&& row) -> Result<std::vector<std::invoke_result_t<F&, const Statement&>>>
    {
        std::vector<std::invoke_result_t<F&, const Statement&>> out;
        for (;;) {
            auto more = step();
            if (!more) {
                reset();
                return tl::unexpected(more.error());
            }
            if (!*more)
                break;
            out.push_back(row(static_cast<const Statement&>(*this)));
        }
        reset();
        return out;
    }

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<double> optionalReal(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    int m_bindError = 0;
};

/// Formats the connection's current error with context, for Error::detail.
std::string sqliteMessage(sqlite3* db, int rc, std::string_view what);

} // namespace herald::engine
