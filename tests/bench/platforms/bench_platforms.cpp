// Throughput of the Bluesky and X response parsers (pages of 100 posts), of Bluesky facet detection on
// a full-length mixed-script post, and of PKCE challenges. Prints one line per figure.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "../BenchTiming.h"
#include "herald/connectors/bluesky/BlueskyConnector.h"
#include "herald/connectors/platforms/OAuth.h"
#include "herald/connectors/x/XConnector.h"

namespace {

using nlohmann::json;

std::string blueskyFeed(int posts)
{
    json feed = json::array();
    for (int i = 0; i < posts; ++i) {
        const std::string uri =
            "at://did:plc:w4xbfzo7kqfes5zb7r6qv3rw/app.bsky.feed.post/3m6c" + std::to_string(100000 + i);
        feed.push_back({{"post",
                         {{"uri", uri},
                          {"cid", "bafyreibdkcz5xqbvcdtvbbomh4h3kz3hzbahjrvz7vdb5wkgqm7fk6zydu"},
                          {"author", {{"did", "did:plc:w4xbfzo7kqfes5zb7r6qv3rw"}, {"handle", "herald.bsky.social"}}},
                          {"record",
                           {{"$type", "app.bsky.feed.post"},
                            {"text", "Spring blend #" + std::to_string(i) + " 新品上市 ☕ https://acme.example/s"},
                            {"createdAt", "2026-08-01T14:20:11.482Z"},
                            {"langs", {"en"}}}},
                          {"replyCount", 3},
                          {"repostCount", 12},
                          {"likeCount", 87},
                          {"quoteCount", 1},
                          {"indexedAt", "2026-08-01T14:20:12.000Z"}}}});
    }
    return json{{"feed", feed}, {"cursor", "2026-08-01T08:00:00.000Z"}}.dump();
}

std::string xPage(int posts)
{
    json data = json::array();
    for (int i = 0; i < posts; ++i) {
        data.push_back({{"id", std::to_string(1991762354871234561LL - i)},
                        {"text", "Spring blend is back https://t.co/aBcD123xyz #coffee"},
                        {"created_at", "2026-08-01T14:20:11.000Z"},
                        {"lang", "en"},
                        {"public_metrics",
                         {{"retweet_count", 12},
                          {"reply_count", 3},
                          {"like_count", 87},
                          {"quote_count", 1},
                          {"bookmark_count", 4},
                          {"impression_count", 5312}}}});
    }
    return json{{"data", data}, {"meta", {{"result_count", posts}, {"next_token", "7140dibdnow9c7btw4232poeq0w"}}}}
        .dump();
}

template <typename Run> double perSecond(int rounds, int itemsPerRound, Run run)
{
    std::vector<double> times;
    for (int repeat = 0; repeat < 5; ++repeat) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < rounds; ++i)
            run();
        times.push_back(herald::bench::ms(start));
    }
    return rounds * static_cast<double>(itemsPerRound) / (herald::bench::median(times) / 1000.0);
}

} // namespace

int main()
{
    const std::string feed = blueskyFeed(100);
    const std::string page = xPage(100);
    std::string text;
    while (text.size() < 900)
        text += "新品 ＃咖啡 上市 👩‍🍳 @ana.bsky.social https://acme.example/日本語?q=1 #spring ";
    std::size_t sink = 0;

    const double bluesky =
        perSecond(200, 100, [&] { sink += herald::connectors::parseBlueskyAuthorFeed(feed)->items.size(); });
    const double x = perSecond(200, 100, [&] { sink += herald::connectors::parseXTweets(page)->items.size(); });
    const double facets = perSecond(20000, 1, [&] { sink += herald::connectors::detectBlueskyFacets(text).size(); });
    const double pkce = perSecond(20000, 1, [&] { sink += herald::connectors::makePkce().challenge.size(); });

    std::printf("Bluesky author feed parse: %.0f posts/s (%zu-byte page of 100)\n", bluesky, feed.size());
    std::printf("X posts page parse:        %.0f posts/s (%zu-byte page of 100)\n", x, page.size());
    std::printf("Bluesky facet detection:   %.0f texts/s (%zu bytes, mixed CJK/emoji/links)\n", facets, text.size());
    std::printf("PKCE verifier+challenge:   %.0f per s\n", pkce);
    return sink == 0 ? 1 : 0;
}
