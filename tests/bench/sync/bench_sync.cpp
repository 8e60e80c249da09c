// Sync of one X account with 10,000 posts and their public metrics from the fixture server, 100 per
// page (X's maximum): items per second, peak memory, and the share of the time spent in the store
// (the same pages listed without writing give the network + parsing time).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "BenchTiming.h"
#include "FixtureServer.h"
#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/sync/Synchronizer.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace {

constexpr int kPosts = 10'000;
constexpr int kPerPage = 100;
constexpr std::int64_t kNow = 1'785'596'400;
const std::string kUser = "1567890123456789012";

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string tweetId(int i)
{
    return std::to_string(1'991'762'354'871'234'561LL - 1000LL * i);
}

// GET /2/users/:id/tweets pages in X's documented shape, newest first, linked by next_token.
void routeTweets(herald::test::FixtureServer& server)
{
    const std::string path = "/2/users/" + kUser + "/tweets";
    const std::vector<std::pair<std::string, std::string>> headers = {
        {"x-rate-limit-limit", "900"}, {"x-rate-limit-remaining", "899"}, {"x-rate-limit-reset", "1785597300"}};
    for (int page = 0; page < kPosts / kPerPage; ++page) {
        nlohmann::json data = nlohmann::json::array();
        for (int k = 0; k < kPerPage; ++k) {
            const int i = page * kPerPage + k;
            data.push_back({{"id", tweetId(i)},
                            {"text", "Post number " + std::to_string(i) + " about #coffee https://t.co/aBcD123xyz"},
                            {"created_at", "2026-07-" + std::string(i % 30 < 9 ? "0" : "") +
                                               std::to_string(i % 30 + 1) + "T10:00:00.000Z"},
                            {"lang", "en"},
                            {"author_id", kUser},
                            {"conversation_id", tweetId(i)},
                            {"edit_history_tweet_ids", {tweetId(i)}},
                            {"public_metrics",
                             {{"retweet_count", i % 13},
                              {"reply_count", i % 5},
                              {"like_count", i % 97},
                              {"quote_count", i % 3},
                              {"bookmark_count", i % 7},
                              {"impression_count", 1000 + i}}}});
        }
        nlohmann::json meta = {{"result_count", kPerPage},
                               {"newest_id", tweetId(page * kPerPage)},
                               {"oldest_id", tweetId(page * kPerPage + kPerPage - 1)}};
        if (page + 1 < kPosts / kPerPage)
            meta["next_token"] = "page" + std::to_string(page + 1);
        herald::test::FixtureResponse answer{
            200, nlohmann::json{{"data", data}, {"meta", meta}}.dump(), headers, {}, false};
        std::multimap<std::string, std::string> query;
        if (page > 0)
            query.emplace("pagination_token", "page" + std::to_string(page));
        server.route("GET", path, {answer}, query);
    }
}

herald::engine::Account benchAccount(const std::string& baseUrl)
{
    herald::engine::Account a;
    a.platform = herald::engine::Platform::X;
    a.handle = "heraldcoffee";
    a.baseUrl = baseUrl;
    a.externalId = kUser;
    a.secretRef = "bench";
    return a;
}

herald::connectors::Credentials benchCredentials()
{
    herald::connectors::Credentials c;
    c.accessToken = "bench-token";
    return c;
}

} // namespace

int main()
{
    herald::test::FixtureServer server;
    routeTweets(server);
    const auto dir = std::filesystem::temp_directory_path() / ("herald-bench-sync-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "bench.herald").string();
    {
        auto db = herald::engine::Database::create(path);
        if (!db) {
            std::fprintf(stderr, "%s\n", db.error().detail.c_str());
            return 1;
        }
        auto account = benchAccount(server.baseUrl());
        if (!herald::engine::AccountRepository(*db).upsert(account)) {
            std::fprintf(stderr, "cannot add the account\n");
            return 1;
        }
    }
    herald::engine::FixedClock clock(kNow);
    herald::connectors::ThreadSleeper sleeper;
    const long rssBefore = peakRssKb();

    // Network + parsing alone: the same pages, nothing written.
    auto listStart = std::chrono::steady_clock::now();
    {
        herald::connectors::HttpClient http({}, sleeper, clock);
        auto connector = herald::connectors::makeConnector(benchAccount(server.baseUrl()), benchCredentials(), http);
        if (!connector) {
            std::fprintf(stderr, "%s\n", connector.error().detail.c_str());
            return 1;
        }
        herald::connectors::PageRequest request;
        request.limit = kPerPage;
        int listed = 0;
        while (true) {
            auto page = (*connector)->listOwnPosts(request);
            if (!page) {
                std::fprintf(stderr, "%s\n", page.error().detail.c_str());
                return 1;
            }
            listed += int(page->items.size());
            if (page->nextCursor.empty())
                break;
            request.cursor = page->nextCursor;
        }
        if (listed != kPosts) {
            std::fprintf(stderr, "listed %d posts, expected %d\n", listed, kPosts);
            return 1;
        }
    }
    const double listMs = herald::bench::ms(listStart);

    herald::connectors::SyncHooks hooks;
    hooks.openDatabase = [path] { return herald::engine::Database::open(path); };
    hooks.loadCredentials = [](const herald::engine::Account&) -> herald::Result<herald::connectors::Credentials> {
        return benchCredentials();
    };
    herald::connectors::Synchronizer synchronizer(hooks, clock, sleeper);
    herald::connectors::SyncOptions options;
    options.resources = {herald::connectors::SyncResource::Posts};
    options.pageSize = kPerPage;
    const auto syncStart = std::chrono::steady_clock::now();
    auto report = synchronizer.run(options);
    const double syncMs = herald::bench::ms(syncStart);
    if (!report || !report->ok()) {
        std::fprintf(stderr, "sync failed: %s\n",
                     report ? (report->accounts.empty() || !report->accounts[0].error
                                   ? "cancelled"
                                   : report->accounts[0].error->detail.c_str())
                            : report.error().detail.c_str());
        return 1;
    }
    std::int64_t targets = 0, samples = 0;
    {
        auto db = herald::engine::Database::open(path);
        auto count = [&](const char* sql) {
            auto stmt = db->prepare(sql);
            (void)(*stmt)->step();
            const auto v = (*stmt)->int64(0);
            (*stmt)->reset();
            return v;
        };
        targets = count("SELECT COUNT(*) FROM post_targets");
        samples = count("SELECT COUNT(*) FROM post_metrics");
    }
    const long rssAfter = peakRssKb();
    std::filesystem::remove_all(dir);

    const double storeShare = syncMs > listMs ? (syncMs - listMs) / syncMs : 0.0;
    std::printf("sync of %d posts (%d per page, %lld metric snapshots) from the fixture server\n", kPosts, kPerPage,
                static_cast<long long>(samples));
    std::printf("  posts written          %lld\n", static_cast<long long>(targets));
    std::printf("  sync wall time         %.0f ms (%d pages)\n", syncMs, report->accounts[0].pages);
    std::printf("  items per second       %.0f posts/s (%.0f metric rows/s)\n", kPosts / (syncMs / 1000.0),
                double(samples) / (syncMs / 1000.0));
    std::printf("  network + parsing      %.0f ms (same pages listed without writing)\n", listMs);
    std::printf("  store share            %.0f %% of the sync time\n", storeShare * 100.0);
    std::printf("  peak RSS               %ld KiB (before the runs %ld KiB, incl. the fixture server's pages)\n",
                rssAfter, rssBefore);
    return targets == kPosts ? 0 : 1;
}
