// Import of a 100,000-row post-level CSV (generic format, 9 metric columns) into a workspace file:
// rows per second for reading + detection alone, and for the whole import (one transaction).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "../BenchTiming.h"
#include "herald/engine/Clock.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"

using namespace herald::engine;

int main(int argc, char** argv)
{
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    std::string csv = "external_id,published_at,text,permalink,impressions,reach,likes,replies,reposts,quotes,clicks,"
                      "saves,video_views\n";
    const std::int64_t start = 1704067200; // 2024-01-01T00:00:00Z
    char line[512];
    for (int i = 0; i < rows; ++i) {
        std::snprintf(line, sizeof line,
                      "p-%d,%lld,\"Post number %d, with a comma\",https://example.org/p/%d,\"%d,%03d\",%d,%d,%d,%d,%d,"
                      "%d,%d,%d\n",
                      i, static_cast<long long>(start + i * 600LL), i, i, 1 + i % 50, i % 1000, 800 + i % 300, i % 97,
                      i % 13, i % 11, i % 5, i % 17, i % 7, i % 23);
        csv += line;
    }
    const auto path = std::filesystem::temp_directory_path() / "herald_bench_csvimport.herald";
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    auto db = Database::create(path.string());
    if (!db) {
        std::fprintf(stderr, "%s\n", db.error().detail.c_str());
        return 1;
    }
    Account account;
    account.platform = Platform::Mastodon;
    account.handle = "bench";
    account.externalId = "bench";
    const auto id = AccountRepository(*db).upsert(account).value();

    auto t0 = std::chrono::steady_clock::now();
    auto preview = previewCsv(csv, {}, 20);
    const double parseMs = herald::bench::ms(t0);
    if (!preview || preview->dataRows != rows) {
        std::fprintf(stderr, "preview failed\n");
        return 1;
    }
    CsvImportRequest request;
    request.accountId = id;
    request.fileName = "bench.csv";
    request.content = csv;
    FixedClock clock(1735689600);
    t0 = std::chrono::steady_clock::now();
    auto report = importCsv(*db, request, clock);
    const double importMs = herald::bench::ms(t0);
    if (!report || !report->committed) {
        std::fprintf(stderr, "import failed: %s\n", report ? "rows rejected" : report.error().detail.c_str());
        return 1;
    }
    std::printf("csv bytes           %zu\n", csv.size());
    std::printf("rows                %d\n", rows);
    std::printf("read+detect         %.1f ms  (%.0f rows/s)\n", parseMs, rows / (parseMs / 1000.0));
    std::printf("import (1 tx)       %.1f ms  (%.0f rows/s, %lld post metrics, %lld account metric values)\n", importMs,
                rows / (importMs / 1000.0), static_cast<long long>(report->postMetrics),
                static_cast<long long>(report->accountMetrics));
    // Re-import of the same file: recognised by its SHA-256.
    t0 = std::chrono::steady_clock::now();
    auto again = importCsv(*db, request, clock);
    std::printf("same file again     %.1f ms  (already imported: %s)\n", herald::bench::ms(t0),
                again && again->alreadyImported ? "yes" : "no");
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    return 0;
}
