// Bulk metric ingestion: 1,000,000 post_metrics rows through MetricRepository versus a raw sqlite3
// prepared-statement loop, each in one transaction on a fresh workspace file. Prints rows/s and the ratio.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "BenchTiming.h"
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/Transaction.h"

using namespace herald::engine;
using herald::bench::median;

namespace {

constexpr int kTargets = 10000;
constexpr int kMetrics = 5;
constexpr int kSnapshots = 20;
constexpr int kRows = kTargets * kMetrics * kSnapshots;
const char* kMetricNames[kMetrics] = {"impressions", "likes", "replies", "reposts", "clicks"};

Database freshWorkspace(const std::string& path)
{
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    auto db = Database::create(path).value();
    (void)db.exec("INSERT INTO accounts(id, platform, handle, created_utc) VALUES (1, 'mastodon', '@bench', 0)");
    (void)db.exec("BEGIN");
    (void)db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                  "INSERT INTO posts(id, created_utc, updated_utc) SELECT i, 0, 0 FROM n");
    (void)db.exec("INSERT INTO post_targets(id, post_id, account_id) SELECT id, id, 1 FROM posts");
    (void)db.exec("COMMIT");
    return db;
}

double seconds(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double viaRepository(const std::string& path)
{
    auto db = freshWorkspace(path);
    const auto start = std::chrono::steady_clock::now();
    auto tx = Transaction::begin(db).value();
    MetricRepository repo(db);
    PostMetricSample s;
    for (int t = 1; t <= kTargets; ++t)
        for (int m = 0; m < kMetrics; ++m)
            for (int k = 0; k < kSnapshots; ++k) {
                s.targetId = t;
                s.metric = kMetricNames[m];
                s.timestampUtc = 1'700'000'000 + k * 3600;
                s.value = double(t + k);
                if (!repo.upsertPostMetric(s)) {
                    std::fprintf(stderr, "insert failed\n");
                    std::exit(2);
                }
            }
    if (!tx.commit())
        std::exit(2);
    return seconds(start);
}

double viaRawLoop(const std::string& path, const char* sql)
{
    auto db = freshWorkspace(path);
    sqlite3* h = db.handle();
    const auto start = std::chrono::steady_clock::now();
    sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &stmt, nullptr);
    for (int t = 1; t <= kTargets; ++t)
        for (int m = 0; m < kMetrics; ++m)
            for (int k = 0; k < kSnapshots; ++k) {
                sqlite3_bind_int64(stmt, 1, t);
                sqlite3_bind_text(stmt, 2, kMetricNames[m], -1, SQLITE_STATIC);
                sqlite3_bind_int64(stmt, 3, 1'700'000'000 + k * 3600);
                sqlite3_bind_double(stmt, 4, double(t + k));
                if (sqlite3_step(stmt) != SQLITE_DONE)
                    std::exit(2);
                sqlite3_reset(stmt);
            }
    sqlite3_finalize(stmt);
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    return seconds(start);
}


} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const auto dir = std::filesystem::temp_directory_path() / "herald-bench-store";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.herald").string();
    std::vector<double> repo, raw, rawUpsert;
    for (int i = 0; i < runs; ++i) {
        repo.push_back(viaRepository(path));
        raw.push_back(viaRawLoop(path, "INSERT INTO post_metrics(target_id, metric, ts_utc, value) VALUES (?, ?, ?, ?)"));
        rawUpsert.push_back(viaRawLoop(path, "INSERT INTO post_metrics(target_id, metric, ts_utc, value) VALUES "
                                             "(?, ?, ?, ?) ON CONFLICT(target_id, metric, ts_utc) DO UPDATE SET "
                                             "value = excluded.value"));
    }
    std::filesystem::remove_all(dir);
    const double r = kRows / median(repo), p = kRows / median(raw), u = kRows / median(rawUpsert);
    std::printf("post_metrics ingestion, %d rows, median of %d runs\n", kRows, runs);
    std::printf("  repository (upsert)      %10.0f rows/s\n", r);
    std::printf("  raw loop, plain INSERT   %10.0f rows/s\n", p);
    std::printf("  raw loop, same upsert    %10.0f rows/s\n", u);
    std::printf("  ratio repository / raw INSERT  %.2f (target >= 0.60)\n", r / p);
    std::printf("  ratio repository / raw upsert  %.2f\n", r / u);
    return 0;
}
