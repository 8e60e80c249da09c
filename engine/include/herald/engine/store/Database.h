#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"

struct sqlite3;

namespace herald::engine {

class Statement;

/// The schema version this build writes (`PRAGMA user_version`).
inline constexpr int kSchemaVersion = 2;
/// `PRAGMA application_id` of every Herald workspace ("HRLD").
inline constexpr std::int32_t kApplicationId = 0x48524C44;

/// One connection to a workspace file. Not shared between threads: open one per thread (WAL lets
/// readers and one writer work at once).
class Database
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Opens an existing workspace, migrating an older schema. Refuses, without touching the file,
    /// anything that is not SQLite, a foreign SQLite file, a newer schema or a read-only location.
    static Result<Database> open(const std::string& path, Mode mode = Mode::ReadWrite);
    /// Creates a new, empty workspace at the current schema. Refuses an existing path.
    static Result<Database> create(const std::string& path);
    /// An in-memory workspace (tests, scratch work).
    static Result<Database> createInMemory();

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    const std::string& path() const;
    bool isReadOnly() const;

    /// Runs one or more statements that take no parameters (DDL, pragmas).
    Result<void> exec(std::string_view sql);
    /// A prepared statement from this connection's cache, reset and with bindings cleared.
    /// The pointer stays valid for the connection's life; do not use it in two places at once.
    Result<Statement*> prepare(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    int userVersion() const;

    /// Writes a consistent copy of the live workspace to `outPath` (sqlite3 backup API).
    Result<void> backupTo(const std::string& outPath) const;

    sqlite3* handle() const;

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

/// Runs `PRAGMA integrity_check` and Herald's own invariants; returns every problem found
/// (empty when the workspace is sound).
Result<std::vector<std::string>> checkWorkspace(Database& db);

} // namespace herald::engine
