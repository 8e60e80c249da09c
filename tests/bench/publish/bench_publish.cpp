// Publishing benchmarks:
//  1. the calendar's month query (CalendarQuery::between) on a workspace file with 100,000 posts:
//     the first month (cold statement cache) and switching months, in ms (target: under 50 ms);
//  2. publish-due with 1,000 due targets against the Mastodon fixture server: targets per second.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include "BenchTiming.h"
#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/sync/Publisher.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/Transaction.h"

using namespace herald;

namespace {

constexpr std::int64_t kStart = 1735689600; // 2025-01-01T00:00Z
constexpr std::int64_t kDay = 86400;

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::int64_t addAccount(engine::Database& db, const std::string& handle, const std::string& baseUrl)
{
    engine::Account a;
    a.platform = engine::Platform::Mastodon;
    a.handle = handle;
    a.baseUrl = baseUrl;
    a.externalId = handle;
    a.secretRef = handle;
    a.createdUtc = kStart;
    if (!engine::AccountRepository(db).upsert(a))
        std::abort();
    return a.id;
}

engine::Post makePost(std::int64_t at, std::vector<std::int64_t> accounts, std::optional<std::int64_t> campaign,
                      std::string body)
{
    engine::Post p;
    p.body = std::move(body);
    p.status = engine::PostStatus::Scheduled;
    p.localTime = "2025-01-01T09:00"; // the instant is what the query uses
    p.timeZone = "Europe/Berlin";
    p.scheduledUtc = at;
    p.campaignId = campaign;
    p.createdUtc = p.updatedUtc = kStart;
    for (auto id : accounts) {
        engine::PostTarget t;
        t.accountId = id;
        t.status = engine::PostStatus::Scheduled;
        t.nextAttemptUtc = at;
        p.targets.push_back(t);
    }
    return p;
}

// `chronological`: posts written in the order of their time, as a workspace grows; otherwise in random
// order (the worst case for locality: a month's rows spread over the whole table).
void benchCalendar(const std::string& folder, bool chronological)
{
    const std::string path = folder + (chronological ? "/calendar-sorted.herald" : "/calendar.herald");
    auto db = engine::Database::create(path).value();
    std::vector<std::int64_t> accounts;
    for (int i = 0; i < 10; ++i)
        accounts.push_back(addAccount(db, "account" + std::to_string(i), "https://example.social"));
    std::vector<std::int64_t> campaigns;
    for (int i = 0; i < 8; ++i) {
        engine::Campaign c;
        c.name = "Campaign " + std::to_string(i);
        c.createdUtc = kStart;
        engine::CampaignRepository(db).insert(c).value();
        campaigns.push_back(c.id);
    }
    std::mt19937_64 rng(5);
    constexpr int kPosts = 100'000;
    constexpr std::int64_t kSpanDays = 5 * 365; // five years: about 1,650 posts a month
    std::vector<std::int64_t> times(kPosts);
    for (auto& t : times)
        t = kStart + static_cast<std::int64_t>(rng() % (kSpanDays * kDay));
    if (chronological)
        std::sort(times.begin(), times.end());
    const auto fill = std::chrono::steady_clock::now();
    {
        auto tx = engine::Transaction::begin(db).value();
        engine::PostRepository posts(db);
        for (int i = 0; i < kPosts; ++i) {
            const std::int64_t at = times[static_cast<std::size_t>(i)];
            std::vector<std::int64_t> targets{accounts[rng() % accounts.size()]};
            if (rng() % 3 == 0)
                targets.push_back(accounts[(targets[0] + 1) % accounts.size()]);
            auto p = makePost(at, targets, campaigns[rng() % campaigns.size()],
                              "Post number " + std::to_string(i) + " with some text about the launch");
            if (rng() % 4 == 0)
                p.tags = {"tag" + std::to_string(rng() % 20)};
            if (!posts.insert(p))
                std::abort();
        }
        if (!tx.commit())
            std::abort();
    }
    std::printf("calendar (%s order): %d posts written in %.0f ms\n", chronological ? "time" : "random", kPosts,
                bench::ms(fill));

    // A second connection starts with a cold statement cache, like a panel opening the workspace.
    auto reopened = engine::Database::open(path).value();
    engine::CalendarQuery calendar(reopened);
    // A month grid shows six weeks: 42 days from the Monday before the 1st.
    const std::int64_t monthFrom = kStart + 400 * kDay;
    auto first = std::chrono::steady_clock::now();
    auto month = calendar.between(monthFrom, monthFrom + 42 * kDay).value();
    const double cold = bench::ms(first);
    std::size_t targets = 0;
    for (const auto& e : month)
        targets += e.targets.size();
    std::vector<double> switches;
    for (int m = 1; m <= 24; ++m) {
        const std::int64_t from = kStart + (400 + 30 * m) * kDay;
        const auto t = std::chrono::steady_clock::now();
        auto entries = calendar.between(from, from + 42 * kDay).value();
        switches.push_back(bench::ms(t));
        if (entries.empty())
            std::abort();
    }
    engine::CalendarFilter filter;
    filter.accountIds = {accounts[3]};
    filter.tags = {"tag7"};
    std::vector<double> filtered;
    for (int m = 0; m < 12; ++m) {
        const std::int64_t from = kStart + (400 + 30 * m) * kDay;
        const auto t = std::chrono::steady_clock::now();
        (void)calendar.between(from, from + 42 * kDay, filter).value();
        filtered.push_back(bench::ms(t));
    }
    std::printf("calendar month (6 weeks, %zu posts, %zu targets): first %.2f ms, switch median %.2f ms, "
                "max %.2f ms; filtered (account + tag) median %.2f ms\n",
                month.size(), targets, cold, bench::median(switches),
                *std::max_element(switches.begin(), switches.end()), bench::median(filtered));
}

// Answers at once, so that the Publisher's own cost (claims, results, queries) shows without HTTP.
class InstantConnector final : public connectors::Connector
{
public:
    connectors::Capabilities capabilities() const override
    {
        connectors::Capabilities caps;
        caps.idempotencyKeys = true;
        return caps;
    }
    Result<connectors::AccountIdentity> verifyCredentials() override { return connectors::AccountIdentity{}; }
    Result<connectors::AccountMetrics> accountMetrics() override { return connectors::AccountMetrics{}; }
    Result<connectors::PublishedPost> publish(const connectors::PublishRequest&) override
    {
        connectors::PublishedPost post;
        post.externalId = std::to_string(++m_next);
        post.permalink = "https://example.social/@a/" + post.externalId;
        post.publishedUtc = 1785596400;
        return post;
    }
    Result<connectors::Page<connectors::RemotePost>> listOwnPosts(const connectors::PageRequest&) override
    {
        return connectors::Page<connectors::RemotePost>{};
    }

private:
    static inline std::int64_t m_next = 0;
};

void benchPublisherOnly(const std::string& folder)
{
    constexpr int kTargets = 1000;
    const std::string path = folder + "/publisher-only.herald";
    auto db = engine::Database::create(path).value();
    std::vector<std::int64_t> accounts;
    for (int i = 0; i < 10; ++i)
        accounts.push_back(addAccount(db, "acct" + std::to_string(i), "https://example.social"));
    const std::int64_t now = 1785596400;
    engine::PostEditor editor(db);
    for (int i = 0; i < kTargets; ++i) {
        auto p = makePost(now - 60, {accounts[i % accounts.size()]}, std::nullopt, "Due post " + std::to_string(i));
        editor.create(p).value();
    }
    engine::FixedClock clock(now);
    test::FakeSleeper sleeper(clock);
    connectors::Publisher publisher(
        db,
        [](const engine::Account&) -> Result<std::unique_ptr<connectors::Connector>> {
            return std::unique_ptr<connectors::Connector>(std::make_unique<InstantConnector>());
        },
        clock, sleeper, connectors::PublisherOptions{});
    const auto start = std::chrono::steady_clock::now();
    auto report = publisher.publishDue().value();
    const double elapsed = bench::ms(start);
    std::printf("publish-due, in-process connector: %d published in %.0f ms: %.0f targets/s (store side only)\n",
                report.published, elapsed, 1000.0 * kTargets / elapsed);
}

void benchPublishDue(const std::string& folder)
{
    constexpr int kTargets = 1000;
    test::FixtureServer server;
    const std::string created = readFile(std::string(HERALD_FIXTURES_DIR) + "/mastodon/status_created.json");
    std::vector<test::FixtureResponse> answers;
    for (int i = 0; i < kTargets; ++i) {
        std::string body = created;
        const std::string id = "117030000000000001";
        for (auto at = body.find(id); at != std::string::npos; at = body.find(id, at + 1))
            body.replace(at, id.size(), std::to_string(200000000000000000LL + i));
        test::FixtureResponse r;
        r.body = std::move(body);
        answers.push_back(std::move(r));
    }
    server.route("POST", "/api/v1/statuses", std::move(answers));

    const std::string path = folder + "/publish.herald";
    auto db = engine::Database::create(path).value();
    std::vector<std::int64_t> accounts;
    for (int i = 0; i < 10; ++i)
        accounts.push_back(addAccount(db, "acct" + std::to_string(i), server.baseUrl()));
    const std::int64_t now = 1785596400;
    {
        engine::PostEditor editor(db);
        for (int i = 0; i < kTargets; ++i) {
            auto p = makePost(now - 60 + i % 50, {accounts[i % accounts.size()]}, std::nullopt,
                              "Due post " + std::to_string(i));
            editor.create(p).value();
        }
    }
    engine::FixedClock clock(now);
    test::FakeSleeper sleeper(clock);
    connectors::HttpClientOptions options;
    options.maxAttempts = 1;
    connectors::HttpClient http(options, sleeper, clock);
    auto credentials = [](const engine::Account&) -> Result<connectors::Credentials> {
        connectors::Credentials c;
        c.accessToken = "token";
        return c;
    };
    connectors::PublisherOptions publisherOptions;
    publisherOptions.mediaFolder = path + ".media";
    connectors::Publisher publisher(db, connectors::connectorSource(http, credentials), clock, sleeper,
                                    publisherOptions);
    const auto start = std::chrono::steady_clock::now();
    auto report = publisher.publishDue().value();
    const double elapsed = bench::ms(start);
    std::printf("publish-due: %d targets (%d published, %d failed) in %.0f ms: %.0f targets/s "
                "(claim + HTTP POST to the loopback fixture server + result, one at a time)\n",
                kTargets, report.published, report.failed, elapsed, 1000.0 * kTargets / elapsed);
    if (server.requestCount("/api/v1/statuses") != static_cast<std::size_t>(kTargets))
        std::printf("publish-due: unexpected request count %zu\n", server.requestCount("/api/v1/statuses"));
}

} // namespace

int main()
{
    const auto folder = std::filesystem::temp_directory_path() / ("herald-bench-publish-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    benchCalendar(folder.string(), false);
    benchCalendar(folder.string(), true);
    if (!std::getenv("HERALD_BENCH_CALENDAR_ONLY")) {
        benchPublisherOnly(folder.string());
        benchPublishDue(folder.string());
    }
    if (std::getenv("HERALD_BENCH_KEEP"))
        std::printf("workspaces kept in %s\n", folder.string().c_str());
    else
        std::filesystem::remove_all(folder);
    return 0;
}
