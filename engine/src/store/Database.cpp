#include "herald/engine/store/Database.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include <sqlite3.h>
#include <unistd.h>

#include "herald/engine/store/Schema.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

struct ConnectionCloser
{
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using ConnectionPtr = std::unique_ptr<sqlite3, ConnectionCloser>;

constexpr int kBusyTimeoutMs = 5000;

Result<ConnectionPtr> openConnection(const std::string& path, int flags)
{
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, nullptr);
    ConnectionPtr conn(raw);
    if (rc != SQLITE_OK)
        return fail(ErrorCode::Storage, sqliteMessage(raw, rc, "opening " + path));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    return conn;
}

Result<std::int64_t> pragmaInt(sqlite3* db, const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return fail(ErrorCode::Storage, sqliteMessage(db, rc, sql));
    rc = sqlite3_step(stmt);
    std::int64_t value = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(ErrorCode::Storage, sqliteMessage(db, rc, sql));
    return value;
}

// Looks at the file without letting SQLite write anything: the refusals must leave it untouched.
Result<void> inspectExisting(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fail(ErrorCode::NotFound, path + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        return fail(ErrorCode::NotWorkspace, path + ": is a folder, not a workspace file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::Storage, path + ": cannot be read (" + std::strerror(errno) + ")");
    std::array<char, 16> magic{};
    in.read(magic.data(), magic.size());
    static constexpr char kMagic[] = "SQLite format 3";
    if (in.gcount() < 16 || std::memcmp(magic.data(), kMagic, sizeof kMagic) != 0)
        return fail(ErrorCode::NotWorkspace, path + ": not an SQLite database, so not a Herald workspace");

    auto conn = openConnection(path, SQLITE_OPEN_READONLY);
    if (!conn)
        return tl::unexpected(conn.error());
    auto appId = pragmaInt(conn->get(), "PRAGMA application_id");
    if (!appId)
        return fail(ErrorCode::NotWorkspace, path + ": unreadable SQLite file: " + appId.error().detail);
    if (*appId != kApplicationId)
        return fail(ErrorCode::NotWorkspace,
                    path + ": an SQLite database of another program (application_id " + std::to_string(*appId) +
                        "), not a Herald workspace");
    auto version = pragmaInt(conn->get(), "PRAGMA user_version");
    if (!version)
        return tl::unexpected(version.error());
    if (*version > kSchemaVersion)
        return fail(ErrorCode::TooNew, path + ": written by a newer Herald (schema " + std::to_string(*version) +
                                           ", this Herald reads up to " + std::to_string(kSchemaVersion) + ")");
    return {};
}

Result<void> checkWritable(const std::string& path, bool fileExists)
{
    auto dir = std::filesystem::absolute(path).parent_path();
    // SQLite writes -wal and -shm files beside the workspace, so the folder must be writable too.
    if (::access(dir.c_str(), W_OK) != 0)
        return fail(ErrorCode::ReadOnly, path + ": the folder " + dir.string() + " is not writable");
    if (fileExists && ::access(path.c_str(), W_OK) != 0)
        return fail(ErrorCode::ReadOnly, path + ": the file is read-only");
    return {};
}

Result<void> applyConnectionPragmas(sqlite3* db, bool readOnly)
{
    // A 32 MB page cache per connection (the default is 2 MB): a calendar month or a year of
    // metrics over a large workspace is then read from memory after the first time.
    const char* sql = readOnly ? "PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000;"
                               : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                                 "PRAGMA cache_size=-32000;";
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return fail(ErrorCode::Storage, "setting connection options: " + msg);
    }
    return {};
}

} // namespace

struct Database::Impl
{
    ConnectionPtr conn;
    std::string path;
    bool readOnly = false;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache;

    ~Impl()
    {
        cache.clear(); // statements must be finalised before the connection closes
    }
};

Database::Database(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::string& path, Mode mode)
{
    if (auto r = inspectExisting(path); !r)
        return tl::unexpected(r.error());
    const bool readOnly = mode == Mode::ReadOnly;
    if (!readOnly) {
        if (auto r = checkWritable(path, true); !r)
            return tl::unexpected(r.error());
    }
    auto conn = openConnection(path, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
    if (!conn)
        return tl::unexpected(conn.error());
    if (auto r = applyConnectionPragmas(conn->get(), readOnly); !r)
        return tl::unexpected(r.error());
    auto impl = std::make_unique<Impl>();
    impl->conn = std::move(*conn);
    impl->path = path;
    impl->readOnly = readOnly;
    Database db(std::move(impl));
    if (db.userVersion() < kSchemaVersion) {
        if (readOnly)
            return fail(ErrorCode::ReadOnly, path + ": needs an upgrade to schema " + std::to_string(kSchemaVersion) +
                                                 ", which a read-only open cannot do");
        if (auto r = migrate(db); !r)
            return tl::unexpected(r.error());
    }
    return db;
}

Result<Database> Database::create(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return fail(ErrorCode::Invalid, path + ": already exists; Herald will not overwrite it");
    if (auto r = checkWritable(path, false); !r)
        return tl::unexpected(r.error());
    auto conn = openConnection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!conn)
        return tl::unexpected(conn.error());
    if (auto r = applyConnectionPragmas(conn->get(), false); !r)
        return tl::unexpected(r.error());
    auto impl = std::make_unique<Impl>();
    impl->conn = std::move(*conn);
    impl->path = path;
    Database db(std::move(impl));
    if (auto r = migrate(db); !r) {
        db = Database(nullptr);
        std::filesystem::remove(path, ec);
        return tl::unexpected(r.error());
    }
    return db;
}

Result<Database> Database::createInMemory()
{
    auto conn = openConnection(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!conn)
        return tl::unexpected(conn.error());
    if (auto r = applyConnectionPragmas(conn->get(), true); !r)
        return tl::unexpected(r.error());
    auto impl = std::make_unique<Impl>();
    impl->conn = std::move(*conn);
    impl->path = ":memory:";
    Database db(std::move(impl));
    if (auto r = migrate(db); !r)
        return tl::unexpected(r.error());
    return db;
}

const std::string& Database::path() const
{
    return d->path;
}

bool Database::isReadOnly() const
{
    return d->readOnly;
}

sqlite3* Database::handle() const
{
    return d->conn.get();
}

Result<void> Database::exec(std::string_view sql)
{
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(d->conn.get(), text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        return fail(ErrorCode::Storage, d->path + ": " + msg + " (SQLite code " + std::to_string(rc) + ")");
    }
    return {};
}

Result<Statement*> Database::prepare(std::string_view sql)
{
    std::string key(sql);
    auto it = d->cache.find(key);
    if (it != d->cache.end()) {
        it->second->reset();
        return it->second.get();
    }
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(d->conn.get(), key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                                &raw, nullptr);
    if (rc != SQLITE_OK)
        return fail(ErrorCode::Storage, sqliteMessage(d->conn.get(), rc, "preparing \"" + key + "\""));
    auto stmt = std::make_unique<Statement>(d->conn.get(), raw);
    Statement* p = stmt.get();
    d->cache.emplace(std::move(key), std::move(stmt));
    return p;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(d->conn.get());
}

int Database::changes() const
{
    return sqlite3_changes(d->conn.get());
}

int Database::userVersion() const
{
    auto v = pragmaInt(d->conn.get(), "PRAGMA user_version");
    return v ? static_cast<int>(*v) : -1;
}

Result<void> Database::backupTo(const std::string& outPath) const
{
    std::error_code ec;
    if (std::filesystem::exists(outPath, ec))
        return fail(ErrorCode::Invalid, outPath + ": already exists; choose a new name for the backup");
    if (auto r = checkWritable(outPath, false); !r)
        return r;
    auto dest = openConnection(outPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!dest)
        return tl::unexpected(dest.error());
    sqlite3_backup* backup = sqlite3_backup_init(dest->get(), "main", d->conn.get(), "main");
    if (!backup) {
        auto msg = sqliteMessage(dest->get(), sqlite3_errcode(dest->get()), "starting the backup to " + outPath);
        dest->reset();
        std::filesystem::remove(outPath, ec);
        return fail(ErrorCode::Storage, msg);
    }
    // Whole copy in one step: the source is read inside one read transaction, so the copy is
    // consistent even while another connection writes.
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        auto msg = sqliteMessage(dest->get(), rc, "copying to " + outPath);
        dest->reset();
        std::filesystem::remove(outPath, ec);
        return fail(ErrorCode::Storage, msg);
    }
    // The copy is a self-contained file in rollback-journal mode; WAL is switched on when opened.
    return {};
}

} // namespace herald::engine
