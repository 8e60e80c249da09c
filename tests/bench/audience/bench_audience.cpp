// Audience segmentation at scale: 1,000,000 members (about 3 engagement events and 3 interests each) written
// into a workspace file with prepared statements, then feature build (16 features) + k-means (k = 5) + profiles
// to segment cards, per stage; and interest rules over 100,000 members. Usage:
//   bench_audience [--members N] [--keep FILE] [--auto]
// --keep reuses (or creates and keeps) FILE instead of a temporary workspace; --auto also times k by silhouette.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "BenchTiming.h"
#include "herald/engine/store/AudienceFeatures.h"
#include "herald/engine/store/AudienceSegmentation.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

using namespace herald::engine;
using herald::bench::ms;

namespace {

constexpr std::int64_t kNow = 1782864000; // 2026-07-01 00:00 UTC
constexpr std::int64_t kDay = 86400;

// Five behaviours: kind weights (like, reply, repost, click), active hour, language, interests.
struct Persona
{
    double kinds[4];
    int hour;
    const char* language;
    const char* country;
    const char* interests[4];
};

constexpr Persona kPersonas[] = {
    {{0.8, 0.05, 0.1, 0.05}, 8, "en", "US", {"marketing", "analytics", "seo", "startups"}},
    {{0.3, 0.5, 0.1, 0.1}, 20, "en", "GB", {"programming", "open-source", "linux", "rust"}},
    {{0.4, 0.1, 0.4, 0.1}, 13, "de", "DE", {"design", "ux", "typography", "photography"}},
    {{0.3, 0.1, 0.1, 0.5}, 1, "zh", "CN", {"ai", "gadgets", "programming", "productivity"}},
    {{0.6, 0.2, 0.1, 0.1}, 17, "es", "ES", {"travel", "music", "cooking", "books"}},
};
const char* kKinds[] = {"like", "reply", "repost", "click"};

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "bench_audience: %s failed\n", what);
        std::exit(1);
    }
}

Database generate(const std::string& path, int members)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    auto db = Database::create(path).value();
    const auto start = std::chrono::steady_clock::now();
    check(db.exec("INSERT INTO accounts(id, platform, handle, created_utc) VALUES (1, 'mastodon', '@a', 0), "
                  "(2, 'bluesky', '@b', 0), (3, 'x', '@c', 0), (4, 'linkedin', '@d', 0);"
                  "INSERT INTO posts(id, created_utc, updated_utc) VALUES (1, 0, 0);"
                  "INSERT INTO post_targets(id, post_id, account_id) VALUES (1, 1, 1);")
              .has_value(),
          "accounts");
    auto tx = Transaction::begin(db).value();
    auto* member = db.prepare("INSERT INTO audience_members(id, account_id, external_id, handle, language, country, "
                              "follower_since_utc, follower_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                       .value();
    auto* event =
        db.prepare("INSERT INTO member_events(member_id, target_id, kind, ts_utc) VALUES (?1, 1, ?2, ?3)").value();
    auto* interest = db.prepare("INSERT OR IGNORE INTO member_interests(member_id, interest) VALUES (?1, ?2)").value();
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::int64_t events = 0, interests = 0;
    for (int i = 1; i <= members; ++i) {
        const Persona& p = kPersonas[rng() % 5];
        const std::string id = std::to_string(i);
        const bool knownSince = u(rng) > 0.05;
        member->bind(1, std::int64_t(i)).bind(2, std::int64_t(1 + rng() % 4)).bind(3, id).bind(4, "user" + id);
        member->bind(5, p.language).bind(6, p.country);
        if (knownSince)
            member->bind(7, kNow - std::int64_t(u(rng) * 700) * kDay);
        else
            member->bindNull(7);
        member->bind(8, std::int64_t(15.0 / std::pow(1.0 - u(rng), 1.0 / 1.1)));
        check(member->run().has_value(), "member");
        const int n = int(rng() % 6); // 0..5 events, 2.5 on average
        for (int e = 0; e < n; ++e) {
            double x = u(rng);
            int kind = 0;
            while (kind < 3 && x > p.kinds[kind])
                x -= p.kinds[kind++];
            const std::int64_t day = kNow - std::int64_t(1 + u(rng) * 180) * kDay;
            const int hour = (p.hour + int(rng() % 5) + 22) % 24;
            event->bind(1, std::int64_t(i))
                .bind(2, kKinds[kind])
                .bind(3, day + hour * 3600 + std::int64_t(rng() % 3600));
            check(event->run().has_value(), "event");
            ++events;
        }
        for (const char* name : p.interests)
            if (u(rng) < 0.7) {
                check(interest->bind(1, std::int64_t(i)).bind(2, name).run().has_value(), "interest");
                ++interests;
            }
        if (u(rng) < 0.2) {
            const char* noise = kPersonas[rng() % 5].interests[rng() % 4];
            check(interest->bind(1, std::int64_t(i)).bind(2, noise).run().has_value(), "noise interest");
            ++interests;
        }
    }
    check(tx.commit().has_value(), "commit");
    std::printf("generated %d members, %lld events, %lld interests in %.0f ms\n", members,
                static_cast<long long>(events), static_cast<long long>(interests), ms(start));
    return db;
}

} // namespace

int main(int argc, char** argv)
{
    int members = 1000000;
    std::string keep;
    bool automatic = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--members") && i + 1 < argc)
            members = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--keep") && i + 1 < argc)
            keep = argv[++i];
        else if (!std::strcmp(argv[i], "--auto"))
            automatic = true;
    }
    const std::string path =
        keep.empty() ? (std::filesystem::temp_directory_path() / "bench_audience.herald").string() : keep;
    auto db = !keep.empty() && std::filesystem::exists(keep) ? Database::open(keep).value() : generate(path, members);

    AudienceFeatureRequest request;
    request.nowUtc = kNow;
    request.features = {"recency",     "frequency",    "like_share", "reply_share", "repost_share",
                        "click_share", "active_hours", "languages",  "followers",   "follower_age"};
    request.topCategories = 4;
    const auto total = std::chrono::steady_clock::now();
    auto start = total;
    auto features = buildAudienceFeatures(db, request);
    check(features.has_value(), "feature build");
    const double buildMs = ms(start);

    SegmentationOptions options;
    options.k = 5;
    start = std::chrono::steady_clock::now();
    auto run = segmentAudience(*features, options);
    check(run.has_value(), "segmentation");
    const double segmentMs = ms(start);
    const double totalMs = ms(total);
    std::printf("features: %lld members x %lld columns\n", static_cast<long long>(features->values.rows()),
                static_cast<long long>(features->values.cols()));
    std::printf("feature build (3 streaming passes)        %8.0f ms\n", buildMs);
    std::printf("standardise + k-means k=5 + profiles + PCA + silhouette (5,000 sample) %8.0f ms\n", segmentMs);
    std::printf("total, store to segment cards             %8.0f ms  (k-means %s)\n", totalMs,
                run->converged ? "converged" : "stopped at the iteration cap");
    for (const auto& s : run->segments)
        std::printf("  segment %d: %lld members (%.1f%%), top trait %s\n", s.index + 1, static_cast<long long>(s.size),
                    100 * s.share, s.traits.empty() ? "-" : s.traits.front().column.c_str());

    if (automatic) {
        SegmentationOptions autoOptions;
        start = std::chrono::steady_clock::now();
        auto chosen = segmentAudience(*features, autoOptions);
        check(chosen.has_value(), "automatic k");
        std::printf("k by silhouette (2..8, 4,000-member sample) %8.0f ms, chose k=%d\n", ms(start), chosen->k);
    }

    std::vector<std::int64_t> rows;
    for (std::int64_t i = 0; i < std::min<std::int64_t>(100000, features->values.rows()); ++i)
        rows.push_back(i);
    AssociationOptions ao;
    ao.minSupport = 0.01;
    ao.minConfidence = 0.1;
    ao.maxLength = 3;
    start = std::chrono::steady_clock::now();
    auto rules = mineInterestRules(features->descriptors, rows, ao);
    check(rules.has_value(), "rules");
    std::printf("interest rules over %zu members (support 1%%, length <= 3) %8.0f ms, %zu rules\n", rows.size(),
                ms(start), rules->size());
    if (keep.empty())
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path + suffix);
    return 0;
}
