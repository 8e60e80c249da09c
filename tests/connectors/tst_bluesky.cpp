#include <QTest>

#include <nlohmann/json.hpp>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/bluesky/BlueskyConnector.h"
#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/model/Account.h"

using herald::ErrorCode;
using herald::connectors::BlueskyConfig;
using herald::connectors::BlueskyConnector;
using herald::connectors::BlueskyFacet;
using herald::connectors::Credentials;
using herald::connectors::HttpClient;
using herald::connectors::HttpClientOptions;
using herald::connectors::PageRequest;
using herald::connectors::PublishRequest;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;
using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z
const std::string kDid = "did:plc:w4xbfzo7kqfes5zb7r6qv3rw";
const std::string kAppPassword = "abcd-efgh-ijkl-mnop";
const std::string kOldAccess = "eyJold.access.token-stale";
const std::string kOldRefresh = "eyJold.refresh.token-stale";
const std::string kAccessOne =
    "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9."
    "eyJzY29wZSI6ImNvbS5hdHByb3RvLmFwcFBhc3MiLCJzdWIiOiJkaWQ6cGxjOnc0eGJmem83a3FmZXM1emI3cjZxdjNydyIsImlhdCI6MTc4NTU5Nj"
    "QwMCwiZXhwIjoxNzg1NjAzNjAwLCJhdWQiOiJkaWQ6d2ViOmFtYW5pdGEudXMtZWFzdC5ob3N0LmJza3kubmV0d29yayJ9."
    "c2lnbmF0dXJlLWFjY2Vzcy1vbmU";
const std::string kAccessTwo =
    "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9."
    "eyJzY29wZSI6ImNvbS5hdHByb3RvLmFwcFBhc3MiLCJzdWIiOiJkaWQ6cGxjOnc0eGJmem83a3FmZXM1emI3cjZxdjNydyIsImlhdCI6MTc4NTU5Nj"
    "Q2MCwiZXhwIjoxNzg1NjAzNjYwLCJhdWQiOiJkaWQ6d2ViOmFtYW5pdGEudXMtZWFzdC5ob3N0LmJza3kubmV0d29yayJ9."
    "c2lnbmF0dXJlLWFjY2Vzcy10d28";
const std::string kRefreshTwo =
    "eyJ0eXAiOiJyZWZyZXNoK2p3dCIsImFsZyI6IkhTMjU2In0."
    "eyJzY29wZSI6ImNvbS5hdHByb3RvLnJlZnJlc2giLCJzdWIiOiJkaWQ6cGxjOnc0eGJmem83a3FmZXM1emI3cjZxdjNydyIsImlhdCI6MTc4NTU5Nj"
    "Q2MCwiZXhwIjoxNzkzMzcyNDYwLCJhdWQiOiJkaWQ6d2ViOmFtYW5pdGEudXMtZWFzdC5ob3N0LmJza3kubmV0d29yayJ9."
    "c2lnbmF0dXJlLXJlZnJlc2gtdHdv";

std::string xrpc(const std::string& nsid)
{
    return "/xrpc/" + nsid;
}

// A fixture with the rate-limit headers a Bluesky PDS sends (RateLimit-*, reset in Unix seconds).
FixtureResponse fixture(const std::string& name, int status = 200,
                        std::vector<std::pair<std::string, std::string>> headers = {})
{
    FixtureResponse response;
    response.status = status;
    response.body = FixtureServer::fixture("bluesky/" + name);
    response.headers = {{"RateLimit-Limit", "3000"},
                        {"RateLimit-Remaining", "2999"},
                        {"RateLimit-Reset", std::to_string(kNow + 300)},
                        {"RateLimit-Policy", "3000;w=300"}};
    for (auto& header : headers) {
        std::erase_if(response.headers, [&](const auto& h) { return h.first == header.first; });
        response.headers.push_back(std::move(header));
    }
    return response;
}

struct Harness
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    std::vector<std::string> logLines;
    std::vector<Credentials> changes;
    HttpClient http;
    BlueskyConnector bluesky;

    // By default: a stored session (access + refresh) and the app password.
    explicit Harness(std::string access = kOldAccess, std::string refresh = kOldRefresh,
                     std::string password = kAppPassword)
        : http(options(logLines), sleeper, clock),
          bluesky(config(server.baseUrl(), std::move(access), std::move(refresh), std::move(password)), http,
                  [this](const Credentials& c) { changes.push_back(c); })
    {
    }

    static BlueskyConfig config(std::string pds, std::string access, std::string refresh, std::string password)
    {
        BlueskyConfig c;
        c.pdsUrl = std::move(pds);
        c.identifier = "herald.bsky.social";
        c.appPassword = std::move(password);
        c.accessJwt = std::move(access);
        c.refreshJwt = std::move(refresh);
        c.did = kDid;
        c.handle = "herald.bsky.social";
        return c;
    }

    static HttpClientOptions options(std::vector<std::string>& lines)
    {
        HttpClientOptions o;
        o.maxAttempts = 3;
        o.totalTimeout = std::chrono::milliseconds(2000);
        o.jitterSeed = 11;
        o.log = [&lines](const std::string& line) { lines.push_back(line); };
        return o;
    }

    std::vector<herald::test::RecordedRequest> requestsTo(const std::string& nsid) const
    {
        std::vector<herald::test::RecordedRequest> out;
        for (const auto& r : server.requests()) {
            if (r.path == xrpc(nsid))
                out.push_back(r);
        }
        return out;
    }
};

std::string describe(const std::vector<BlueskyFacet>& facets)
{
    std::string out;
    for (const auto& f : facets) {
        const char* kind = f.kind == BlueskyFacet::Kind::Link  ? "link"
                           : f.kind == BlueskyFacet::Kind::Tag ? "tag"
                                                               : "mention";
        out += std::string(out.empty() ? "" : ";") + kind + ":" + f.value + "@" + std::to_string(f.byteStart) + "-" +
               std::to_string(f.byteEnd);
    }
    return out;
}

} // namespace

class TestBluesky : public QObject
{
    Q_OBJECT

private slots:
    void capabilities();
    void facets_data();
    void facets();
    void facetOffsetsSliceTheText();
    void createsSessionOnFirstUse();
    void expiredTokenRefreshesSession();
    void refreshesAheadOfJwtExpiry();
    void unauthorizedRefreshesSession();
    void revokedRefreshFallsBackToAppPassword();
    void revokedRefreshWithoutPasswordIsAuthExpired();
    void wrongAppPassword();
    void accountMetrics();
    void authorFeedAcrossPages();
    void authorFeedSinceId();
    void postMetricsBatches();
    void mentionsAndReplies();
    void followersAcrossPages();
    void publishWithFacetsAndMention();
    void publishDropsUnknownMention();
    void publishReplyRefs();
    void publishImagesWithAltText();
    void publishValidation();
    void publishRejectedKeepsMessage();
    void rateLimitedWaitsForReset();
    void serverErrorThenSuccess();
    void truncatedBodyIsParseError();
    void wrongShapeIsParseError();
    void secretsNeverInErrorsOrLogs();
    void factoryBuildsBluesky();
};

void TestBluesky::capabilities()
{
    Harness h;
    const auto caps = h.bluesky.capabilities();
    QVERIFY(caps.platform == herald::engine::Platform::Bluesky);
    QCOMPARE(caps.textLimit, 300);
    QVERIFY(caps.counting == herald::connectors::TextCounting::Graphemes);
    QCOMPARE(caps.media.maxImages, 4);
    QCOMPARE(caps.media.maxVideos, 0);
    QVERIFY(caps.altText && caps.threads && caps.postMetrics && caps.mentions && caps.followersList);
    QVERIFY(!caps.scheduling);
    QVERIFY(!caps.idempotencyKeys);
    const auto insights = h.bluesky.accountInsights("2026-07-01", "2026-07-31");
    QCOMPARE(insights.error().code, ErrorCode::Invalid);
    QVERIFY(insights.error().detail.find("not offered by Bluesky") != std::string::npos);
    QVERIFY(h.server.requests().empty());
}

void TestBluesky::facets_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    QTest::newRow("link and tag") << std::string("Spring blend! https://acme.example/s #coffee")
                                  << std::string("link:https://acme.example/s@14-36;tag:coffee@37-44");
    QTest::newRow("emoji before url, trailing dot")
        << std::string("☕🔥 https://x.example/a?b=1. 🎉") << std::string("link:https://x.example/a?b=1@8-31");
    QTest::newRow("cjk tag and url before full stop")
        << std::string("咖啡 #咖啡豆 好喝，看 https://acme.example/s。")
        << std::string("tag:咖啡豆@7-17;link:https://acme.example/s@31-53");
    QTest::newRow("mentions") << std::string("hi @ana.bsky.social! and (@bob.test) me@example.com @localhost")
                              << std::string("mention:ana.bsky.social@3-19;mention:bob.test@26-35");
    QTest::newRow("tag rules") << std::string("#123 #１ #ok! #a😀b") << std::string("tag:ok@10-13;tag:a😀b@15-22");
    QTest::newRow("full-width hash") << std::string("新品 ＃咖啡 上市") << std::string("tag:咖啡@7-16");
    QTest::newRow("zwj emoji and parenthesised url") << std::string("👩‍🍳 #chef (https://acme.example/x)")
                                                     << std::string("tag:chef@12-17;link:https://acme.example/x@19-41");
    QTest::newRow("anchor, keycap, glued hash") << std::string("https://acme.example/#anchor #️⃣ x#no")
                                                << std::string("link:https://acme.example/#anchor@0-28");
    QTest::newRow("nothing") << std::string("plain text, no links: http:// alone") << std::string();
    QTest::newRow("empty") << std::string() << std::string();
}

void TestBluesky::facets()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QCOMPARE(describe(herald::connectors::detectBlueskyFacets(text)), expected);
}

void TestBluesky::facetOffsetsSliceTheText()
{
    const std::string text =
        "新品 ＃咖啡 上市 👩‍🍳 @ana.bsky.social https://acme.example/日本語?q=1 #最後";
    const auto facets = herald::connectors::detectBlueskyFacets(text);
    QCOMPARE(facets.size(), std::size_t(4));
    QCOMPARE(text.substr(facets[0].byteStart, facets[0].byteEnd - facets[0].byteStart), std::string("＃咖啡"));
    QCOMPARE(text.substr(facets[1].byteStart, facets[1].byteEnd - facets[1].byteStart),
             std::string("@ana.bsky.social"));
    QCOMPARE(text.substr(facets[2].byteStart, facets[2].byteEnd - facets[2].byteStart),
             std::string("https://acme.example/日本語?q=1"));
    QCOMPARE(facets[3].byteEnd, text.size());
    // Invalid UTF-8 keeps byte offsets exact.
    const std::string broken = std::string("\xff\xfe #tag");
    const auto brokenFacets = herald::connectors::detectBlueskyFacets(broken);
    QCOMPARE(brokenFacets.size(), std::size_t(1));
    QCOMPARE(brokenFacets[0].byteStart, std::size_t(3));
    QCOMPARE(brokenFacets[0].byteEnd, std::size_t(7));
}

void TestBluesky::createsSessionOnFirstUse()
{
    Harness h("", "");
    h.server.route("POST", xrpc("com.atproto.server.createSession"), {fixture("create_session.json")});
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("get_profile.json")});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(identity->externalId, kDid);
    QCOMPARE(identity->handle, std::string("herald.bsky.social"));
    QCOMPARE(identity->displayName, std::string("Herald Coffee"));
    QCOMPARE(identity->profileUrl, std::string("https://bsky.app/profile/herald.bsky.social"));
    const auto login = h.requestsTo("com.atproto.server.createSession");
    QCOMPARE(login.size(), std::size_t(1));
    const json body = json::parse(login[0].body);
    QCOMPARE(body.at("identifier").get<std::string>(), std::string("herald.bsky.social"));
    QCOMPARE(body.at("password").get<std::string>(), kAppPassword);
    QCOMPARE(login[0].header("content-type"), std::string("application/json"));
    const auto profile = h.requestsTo("app.bsky.actor.getProfile");
    QCOMPARE(profile.at(0).header("authorization"), "Bearer " + kAccessOne);
    QCOMPARE(profile.at(0).query.find("actor")->second, kDid);
    QCOMPARE(h.changes.size(), std::size_t(1));
    QCOMPARE(h.changes[0].accessToken, kAccessOne);
    QCOMPARE(h.changes[0].appPassword, kAppPassword);
    QCOMPARE(h.changes[0].expiresUtc, kNow + 7200); // the access JWT's exp claim
}

void TestBluesky::refreshesAheadOfJwtExpiry()
{
    Harness h("", "");
    h.server.route("POST", xrpc("com.atproto.server.createSession"), {fixture("create_session.json")});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("refresh_session.json")});
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("get_profile.json")});
    QVERIFY(h.bluesky.accountMetrics());
    h.clock.set(kNow + 7200 - 120); // two minutes before exp: the session is still used as is
    QVERIFY(h.bluesky.accountMetrics());
    QVERIFY(h.requestsTo("com.atproto.server.refreshSession").empty());
    h.clock.set(kNow + 7200 - 30); // within the last minute: renewed first, no refused request
    QVERIFY(h.bluesky.accountMetrics());
    QCOMPARE(h.requestsTo("com.atproto.server.refreshSession").size(), std::size_t(1));
    const auto profile = h.requestsTo("app.bsky.actor.getProfile");
    QCOMPARE(profile.size(), std::size_t(3));
    QCOMPARE(profile[2].header("authorization"), "Bearer " + kAccessTwo);
    QCOMPARE(h.changes.size(), std::size_t(2));
    QCOMPARE(h.changes[1].expiresUtc, kNow + 60 + 7200);
}

void TestBluesky::expiredTokenRefreshesSession()
{
    Harness h;
    // An expired access token: 400 ExpiredToken (not 401), then the call succeeds with the new token.
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"),
                   {fixture("error_expired_token.json", 400), fixture("get_profile.json")});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("refresh_session.json")});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    const auto refresh = h.requestsTo("com.atproto.server.refreshSession");
    QCOMPARE(refresh.size(), std::size_t(1));
    QCOMPARE(refresh[0].header("authorization"), "Bearer " + kOldRefresh);
    QVERIFY(refresh[0].body.empty());
    const auto profile = h.requestsTo("app.bsky.actor.getProfile");
    QCOMPARE(profile.size(), std::size_t(2));
    QCOMPARE(profile[0].header("authorization"), "Bearer " + kOldAccess);
    QCOMPARE(profile[1].header("authorization"), "Bearer " + kAccessTwo);
    QCOMPARE(h.changes.size(), std::size_t(1));
    QCOMPARE(h.changes[0].accessToken, kAccessTwo);
    QCOMPARE(h.changes[0].refreshToken, kRefreshTwo);
    QVERIFY(h.requestsTo("com.atproto.server.createSession").empty());
}

void TestBluesky::unauthorizedRefreshesSession()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getAuthorFeed"),
                   {fixture("error_authentication_required.json", 401), fixture("author_feed_page2.json")});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("refresh_session.json")});
    const auto page = h.bluesky.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.size(), std::size_t(1));
    QCOMPARE(h.changes.size(), std::size_t(1));
}

void TestBluesky::revokedRefreshFallsBackToAppPassword()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"),
                   {fixture("error_expired_token.json", 400), fixture("get_profile.json")});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("error_revoked_token.json", 400)});
    h.server.route("POST", xrpc("com.atproto.server.createSession"), {fixture("create_session.json")});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(h.requestsTo("com.atproto.server.createSession").size(), std::size_t(1));
    QCOMPARE(h.requestsTo("app.bsky.actor.getProfile").at(1).header("authorization"), "Bearer " + kAccessOne);
    QCOMPARE(h.changes.size(), std::size_t(1));
    QCOMPARE(h.changes[0].accessToken, kAccessOne);
}

void TestBluesky::revokedRefreshWithoutPasswordIsAuthExpired()
{
    Harness h(kOldAccess, kOldRefresh, "");
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("error_expired_token.json", 400)});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("error_revoked_token.json", 400)});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::AuthExpired);
    QVERIFY(h.requestsTo("com.atproto.server.createSession").empty());
    QCOMPARE(h.requestsTo("app.bsky.actor.getProfile").size(), std::size_t(1));
    QVERIFY(h.changes.empty());
}

void TestBluesky::wrongAppPassword()
{
    Harness h("", "");
    h.server.route("POST", xrpc("com.atproto.server.createSession"),
                   {fixture("error_authentication_required.json", 401)});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::AuthExpired);
    QVERIFY2(identity.error().detail.find("Invalid identifier or password") != std::string::npos,
             identity.error().detail.c_str());
    QCOMPARE(h.requestsTo("com.atproto.server.createSession").size(), std::size_t(1));
}

void TestBluesky::accountMetrics()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("get_profile.json")});
    const auto metrics = h.bluesky.accountMetrics();
    QVERIFY2(metrics, metrics ? "" : metrics.error().detail.c_str());
    QCOMPARE(metrics->followers, std::int64_t(2381));
    QCOMPARE(metrics->following, std::int64_t(148));
    QCOMPARE(metrics->posts, std::int64_t(612));
    QCOMPARE(metrics->fetchedUtc, kNow);
}

void TestBluesky::authorFeedAcrossPages()
{
    Harness h;
    const std::string path = xrpc("app.bsky.feed.getAuthorFeed");
    h.server.route("GET", path, {fixture("author_feed_page1.json")});
    h.server.route("GET", path, {fixture("author_feed_page2.json")}, {{"cursor", "2026-08-01T08:00:00.000Z"}});
    std::vector<herald::connectors::RemotePost> all;
    PageRequest page;
    int pages = 0;
    for (; pages < 10; ++pages) {
        const auto result = h.bluesky.listOwnPosts(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(pages, 1);
    QCOMPARE(all.size(), std::size_t(4));
    const auto& first = all[0];
    QCOMPARE(first.externalId, "at://" + kDid + "/app.bsky.feed.post/3m6ckq7vjzs2x");
    QCOMPARE(first.permalink, std::string("https://bsky.app/profile/herald.bsky.social/post/3m6ckq7vjzs2x"));
    QCOMPARE(first.text, std::string("Spring blend! https://acme.example/s #coffee"));
    QCOMPARE(first.createdUtc, std::int64_t(1785594011)); // 2026-08-01T14:20:11.482Z
    QCOMPARE(first.counts.likes, std::int64_t(87));
    QCOMPARE(first.counts.reposts, std::int64_t(12));
    QCOMPARE(first.counts.replies, std::int64_t(3));
    QCOMPARE(first.counts.quotes, std::optional<std::int64_t>(1));
    QVERIFY(!first.repost);
    QCOMPARE(all[1].language, std::string("zh"));
    QCOMPARE(all[1].inReplyToExternalId,
             std::string("at://did:plc:ragtjsm2j2vknwkz3zp4oxrd/app.bsky.feed.post/3m6cj2aaaaa2x"));
    QVERIFY(all[2].repost); // reasonRepost: someone else's post
    QCOMPARE(all[3].text, std::string("Roasting day 🔥👩‍🍳"));
    const auto requests = h.requestsTo("app.bsky.feed.getAuthorFeed");
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(requests[0].query.find("actor")->second, kDid);
    QCOMPARE(requests[0].query.find("limit")->second, std::string("100"));
    QCOMPARE(requests[0].query.find("filter")->second, std::string("posts_with_replies"));
    QCOMPARE(requests[0].query.count("cursor"), std::size_t(0));
    QCOMPARE(requests[1].query.find("cursor")->second, std::string("2026-08-01T08:00:00.000Z"));
}

void TestBluesky::authorFeedSinceId()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getAuthorFeed"), {fixture("author_feed_page1.json")});
    PageRequest page;
    page.sinceId = "at://did:plc:w4xbfzo7kqfes5zb7r6qv3rw/app.bsky.feed.post/3m6cjz4k2lk2c";
    page.limit = 20;
    const auto result = h.bluesky.listOwnPosts(page);
    QVERIFY(result);
    QCOMPARE(result->items.size(), std::size_t(1)); // only the post newer than the known one
    QVERIFY(result->nextCursor.empty());            // and the listing ends there
    QCOMPARE(h.server.requests().at(0).query.find("limit")->second, std::string("20"));
}

void TestBluesky::postMetricsBatches()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getPosts"), {fixture("get_posts.json")});
    std::vector<std::string> uris;
    for (int i = 0; i < 30; ++i)
        uris.push_back("at://" + kDid + "/app.bsky.feed.post/3m6c" + std::to_string(1000 + i));
    const auto posts = h.bluesky.postMetrics(uris);
    QVERIFY2(posts, posts ? "" : posts.error().detail.c_str());
    QCOMPARE(posts->size(), std::size_t(4)); // two answers of two posts each
    QCOMPARE(posts->at(1).counts.likes, std::int64_t(41));
    const auto requests = h.requestsTo("app.bsky.feed.getPosts");
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(requests[0].query.count("uris"), std::size_t(25));
    QCOMPARE(requests[1].query.count("uris"), std::size_t(5));
    QCOMPARE(requests[1].query.find("uris")->second, uris[25]);
}

void TestBluesky::mentionsAndReplies()
{
    Harness h;
    const std::string path = xrpc("app.bsky.notification.listNotifications");
    h.server.route("GET", path, {fixture("notifications_page1.json")});
    h.server.route("GET", path, {fixture("notifications_page2.json")}, {{"cursor", "2026-08-01T14:30:00.000Z"}});
    std::vector<herald::connectors::RemoteComment> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.bluesky.listMentions(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3)); // the like is skipped
    QCOMPARE(all[0].externalId, std::string("at://did:plc:ragtjsm2j2vknwkz3zp4oxrd/app.bsky.feed.post/3m6cm5reply2x"));
    QCOMPARE(all[0].authorExternalId, std::string("did:plc:ragtjsm2j2vknwkz3zp4oxrd"));
    QCOMPARE(all[0].authorHandle, std::string("ana.bsky.social"));
    QCOMPARE(all[0].authorName, std::string("Ana Ribeiro"));
    QCOMPARE(all[0].inReplyToExternalId, "at://" + kDid + "/app.bsky.feed.post/3m6ckq7vjzs2x");
    QCOMPARE(all[0].createdUtc, std::int64_t(1785595800));
    QCOMPARE(all[1].authorName, std::string("李雷"));
    QCOMPARE(all[1].text, std::string("@herald.bsky.social 周末营业吗？"));
    QCOMPARE(all[2].authorHandle, std::string("sam.example.com"));
    const auto requests = h.requestsTo("app.bsky.notification.listNotifications");
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(requests[0].query.count("reasons"), std::size_t(2));
}

void TestBluesky::followersAcrossPages()
{
    Harness h;
    const std::string path = xrpc("app.bsky.graph.getFollowers");
    h.server.route("GET", path, {fixture("followers_page1.json")});
    h.server.route("GET", path, {fixture("followers_page2.json")}, {{"cursor", "3kfollow0002"}});
    std::vector<herald::engine::AudienceMember> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.bluesky.listFollowers(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].externalId, std::string("did:plc:ragtjsm2j2vknwkz3zp4oxrd"));
    QCOMPARE(all[0].handle, std::string("ana.bsky.social"));
    QCOMPARE(all[1].displayName, std::string("李雷"));
    QCOMPARE(h.requestsTo("app.bsky.graph.getFollowers").at(0).query.find("actor")->second, kDid);
}

void TestBluesky::publishWithFacetsAndMention()
{
    Harness h;
    h.server.route("GET", xrpc("com.atproto.identity.resolveHandle"), {fixture("resolve_handle.json")});
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("create_record.json")});
    PublishRequest post;
    post.text = "☕ 新品 @ana.bsky.social https://acme.example/s #咖啡";
    post.language = "zh";
    const auto published = h.bluesky.publish(post);
    QVERIFY2(published, published ? "" : published.error().detail.c_str());
    QCOMPARE(published->externalId, "at://" + kDid + "/app.bsky.feed.post/3m6cn7qwqlk2e");
    QCOMPARE(published->permalink, std::string("https://bsky.app/profile/herald.bsky.social/post/3m6cn7qwqlk2e"));
    QCOMPARE(published->publishedUtc, std::optional<std::int64_t>(kNow));
    QCOMPARE(h.requestsTo("com.atproto.identity.resolveHandle").at(0).query.find("handle")->second,
             std::string("ana.bsky.social"));
    const auto create = h.requestsTo("com.atproto.repo.createRecord");
    QCOMPARE(create.size(), std::size_t(1));
    QCOMPARE(create[0].header("authorization"), "Bearer " + kOldAccess);
    const json body = json::parse(create[0].body);
    QCOMPARE(body.at("repo").get<std::string>(), kDid);
    QCOMPARE(body.at("collection").get<std::string>(), std::string("app.bsky.feed.post"));
    const json& record = body.at("record");
    QCOMPARE(record.at("$type").get<std::string>(), std::string("app.bsky.feed.post"));
    QCOMPARE(record.at("text").get<std::string>(), post.text);
    QCOMPARE(record.at("createdAt").get<std::string>(), std::string("2026-08-01T15:00:00Z"));
    QCOMPARE(record.at("langs").at(0).get<std::string>(), std::string("zh"));
    const json& facets = record.at("facets");
    QCOMPARE(facets.size(), std::size_t(3));
    // "☕ 新品 " is 3 + 1 + 6 + 1 = 11 bytes.
    QCOMPARE(facets[0].at("index").at("byteStart").get<int>(), 11);
    QCOMPARE(facets[0].at("index").at("byteEnd").get<int>(), 27);
    QCOMPARE(facets[0].at("features").at(0).at("$type").get<std::string>(),
             std::string("app.bsky.richtext.facet#mention"));
    QCOMPARE(facets[0].at("features").at(0).at("did").get<std::string>(),
             std::string("did:plc:ragtjsm2j2vknwkz3zp4oxrd"));
    QCOMPARE(facets[1].at("index").at("byteStart").get<int>(), 28);
    QCOMPARE(facets[1].at("index").at("byteEnd").get<int>(), 50);
    QCOMPARE(facets[1].at("features").at(0).at("uri").get<std::string>(), std::string("https://acme.example/s"));
    QCOMPARE(facets[2].at("index").at("byteStart").get<int>(), 51);
    QCOMPARE(facets[2].at("index").at("byteEnd").get<std::size_t>(), post.text.size());
    QCOMPARE(facets[2].at("features").at(0).at("tag").get<std::string>(), std::string("咖啡"));
    QVERIFY(!record.contains("reply"));
    QVERIFY(!record.contains("embed"));
}

void TestBluesky::publishDropsUnknownMention()
{
    Harness h;
    h.server.route("GET", xrpc("com.atproto.identity.resolveHandle"), {fixture("error_unable_to_resolve.json", 400)});
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("create_record.json")});
    PublishRequest post;
    post.text = "hello @nobody.example.org #hi";
    QVERIFY(h.bluesky.publish(post));
    const json record = json::parse(h.requestsTo("com.atproto.repo.createRecord").at(0).body).at("record");
    QCOMPARE(record.at("facets").size(), std::size_t(1));
    QCOMPARE(record.at("facets").at(0).at("features").at(0).at("tag").get<std::string>(), std::string("hi"));
}

void TestBluesky::publishReplyRefs()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getPosts"), {fixture("reply_parent_posts.json")});
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("create_record.json")});
    PublishRequest post;
    post.text = "See you there";
    const std::string parent = "at://" + kDid + "/app.bsky.feed.post/3m6cjz4k2lk2c";
    QVERIFY(h.bluesky.reply(parent, post));
    QCOMPARE(h.requestsTo("app.bsky.feed.getPosts").at(0).query.find("uris")->second, parent);
    const json reply = json::parse(h.requestsTo("com.atproto.repo.createRecord").at(0).body).at("record").at("reply");
    QCOMPARE(reply.at("parent").at("uri").get<std::string>(), parent);
    QCOMPARE(reply.at("parent").at("cid").get<std::string>(),
             std::string("bafyreih3vqwkg3xqbvcdtvbbomh4h3kz3hzbahjrvz7vdb5wkgqm7fkaaaa"));
    // The parent is itself a reply: the thread's root comes from its record.
    QCOMPARE(reply.at("root").at("uri").get<std::string>(),
             std::string("at://did:plc:ragtjsm2j2vknwkz3zp4oxrd/app.bsky.feed.post/3m6cj2aaaaa2x"));
    QCOMPARE(reply.at("root").at("cid").get<std::string>(),
             std::string("bafyreiaroot2xvbbomh4h3kz3hzbahjrvz7vdb5wkgqm7fk6zyaaa"));
}

void TestBluesky::publishImagesWithAltText()
{
    Harness h;
    h.server.route("POST", xrpc("com.atproto.repo.uploadBlob"), {fixture("upload_blob.json")});
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("create_record.json")});
    herald::connectors::MediaUpload image;
    image.data = std::string("\x89PNG\r\n\x1a\n-fake", 13);
    image.mimeType = "image/png";
    image.altText = "A bag of coffee beans on a wooden table";
    const auto uploaded = h.bluesky.uploadMedia(image);
    QVERIFY2(uploaded, uploaded ? "" : uploaded.error().detail.c_str());
    QCOMPARE(uploaded->externalId, std::string("bafkreibabalobzn6cd366ukcsjycp4yymjymgfxcv6xczmlgpemzkz3cfa"));
    const auto upload = h.requestsTo("com.atproto.repo.uploadBlob").at(0);
    QCOMPARE(upload.body, image.data); // raw bytes, not multipart
    QCOMPARE(upload.header("content-type"), std::string("image/png"));
    PublishRequest post;
    post.mediaIds = {uploaded->externalId};
    QVERIFY(h.bluesky.publish(post));
    const json embed = json::parse(h.requestsTo("com.atproto.repo.createRecord").at(0).body).at("record").at("embed");
    QCOMPARE(embed.at("$type").get<std::string>(), std::string("app.bsky.embed.images"));
    QCOMPARE(embed.at("images").size(), std::size_t(1));
    QCOMPARE(embed.at("images").at(0).at("alt").get<std::string>(), image.altText);
    const json& blob = embed.at("images").at(0).at("image");
    QCOMPARE(blob.at("$type").get<std::string>(), std::string("blob"));
    QCOMPARE(blob.at("ref").at("$link").get<std::string>(), uploaded->externalId);
    QCOMPARE(blob.at("mimeType").get<std::string>(), std::string("image/png"));
    QCOMPARE(blob.at("size").get<int>(), 348213);
}

void TestBluesky::publishValidation()
{
    Harness h;
    PublishRequest empty;
    QCOMPARE(h.bluesky.publish(empty).error().code, ErrorCode::Invalid);
    PublishRequest tooLong;
    tooLong.text = std::string(299, 'a') + "👩‍🍳😀"; // 301 graphemes
    const auto refused = h.bluesky.publish(tooLong);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY2(refused.error().detail.find("301 graphemes") != std::string::npos, refused.error().detail.c_str());
    PublishRequest unknownMedia;
    unknownMedia.mediaIds = {"bafkreinotuploaded"};
    QCOMPARE(h.bluesky.publish(unknownMedia).error().code, ErrorCode::Invalid);
    PublishRequest scheduled;
    scheduled.text = "later";
    scheduled.scheduledUtc = kNow + 3600;
    const auto notOffered = h.bluesky.publish(scheduled);
    QVERIFY(notOffered.error().detail.find("not offered by Bluesky") != std::string::npos);
    herald::connectors::MediaUpload video;
    video.data = "mp4";
    video.mimeType = "video/mp4";
    QCOMPARE(h.bluesky.uploadMedia(video).error().code, ErrorCode::Invalid);
    QVERIFY(h.server.requests().empty());
    // Exactly 300 graphemes goes out.
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("create_record.json")});
    PublishRequest atLimit;
    atLimit.text = std::string(298, 'a') + "👩‍🍳😀";
    QVERIFY(h.bluesky.publish(atLimit));
}

void TestBluesky::publishRejectedKeepsMessage()
{
    Harness h;
    h.server.route("POST", xrpc("com.atproto.repo.createRecord"), {fixture("error_invalid_record.json", 400)});
    PublishRequest post;
    post.text = "x";
    const auto result = h.bluesky.publish(post);
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QVERIFY(result.error().detail.find("must not be longer than 300 graphemes") != std::string::npos);
    QCOMPARE(h.requestsTo("com.atproto.repo.createRecord").size(), std::size_t(1)); // never retried: no idempotency
    QVERIFY(h.requestsTo("com.atproto.server.refreshSession").empty());             // not a session problem
}

void TestBluesky::rateLimitedWaitsForReset()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"),
                   {fixture("error_rate_limit.json", 429,
                            {{"RateLimit-Remaining", "0"}, {"RateLimit-Reset", std::to_string(kNow + 30)}}),
                    fixture("get_profile.json")});
    const auto identity = h.bluesky.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(30'000));
    QCOMPARE(h.requestsTo("app.bsky.actor.getProfile").size(), std::size_t(2));

    // A reset too far away is reported, not slept through.
    Harness far;
    far.server.route("GET", xrpc("app.bsky.actor.getProfile"),
                     {fixture("error_rate_limit.json", 429,
                              {{"RateLimit-Remaining", "0"}, {"RateLimit-Reset", std::to_string(kNow + 3600)}})});
    const auto limited = far.bluesky.verifyCredentials();
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QCOMPARE(herald::connectors::rateLimitWaitSeconds(limited.error()), std::optional<std::int64_t>(3600));
    QVERIFY(limited.error().detail.find("Rate Limit Exceeded") != std::string::npos);
}

void TestBluesky::serverErrorThenSuccess()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getAuthorFeed"),
                   {fixture("error_500.json", 500), fixture("author_feed_page2.json")});
    const auto page = h.bluesky.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.size(), std::size_t(1));
    QCOMPARE(h.requestsTo("app.bsky.feed.getAuthorFeed").size(), std::size_t(2));
}

void TestBluesky::truncatedBodyIsParseError()
{
    Harness h;
    FixtureResponse cut = fixture("author_feed_page1.json");
    cut.truncate = true;
    h.server.route("GET", xrpc("app.bsky.feed.getAuthorFeed"), {cut});
    const auto page = h.bluesky.listOwnPosts({});
    QCOMPARE(page.error().code, ErrorCode::Parse);
    FixtureResponse cutSession = fixture("refresh_session.json");
    cutSession.truncate = true;
    Harness expired;
    expired.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("error_expired_token.json", 400)});
    expired.server.route("POST", xrpc("com.atproto.server.refreshSession"), {cutSession});
    QCOMPARE(expired.bluesky.verifyCredentials().error().code, ErrorCode::Parse);
    QVERIFY(expired.changes.empty());
}

void TestBluesky::wrongShapeIsParseError()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.feed.getAuthorFeed"), {fixture("wrong_shape_feed.json")});
    const auto page = h.bluesky.listOwnPosts({});
    QCOMPARE(page.error().code, ErrorCode::Parse);
    QVERIFY2(page.error().detail.find("'feed' is not an array") != std::string::npos, page.error().detail.c_str());
    h.server.route("GET", xrpc("app.bsky.feed.getPosts"), {fixture("wrong_shape_counts.json")});
    const auto metrics = h.bluesky.postMetrics({"at://x/app.bsky.feed.post/1"});
    QCOMPARE(metrics.error().code, ErrorCode::Parse);
    QVERIFY(metrics.error().detail.find("likeCount") != std::string::npos);
    // The parsers on their own: never a crash on arbitrary input.
    for (const char* body : {"", "null", "[]", "{\"feed\":null}", "{\"feed\":[1]}", "{\"feed\":[{\"post\":{}}]}",
                             "{\"notifications\":[{\"reason\":\"mention\"}]}", "{\"followers\":[{\"did\":7}]}"}) {
        QVERIFY(!herald::connectors::parseBlueskyAuthorFeed(body));
        QVERIFY(!herald::connectors::parseBlueskyNotifications(body));
        QVERIFY(!herald::connectors::parseBlueskyFollowers(body));
        QVERIFY(!herald::connectors::parseBlueskyPosts(body));
    }
}

void TestBluesky::secretsNeverInErrorsOrLogs()
{
    Harness h;
    h.server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("error_expired_token.json", 400)});
    h.server.route("POST", xrpc("com.atproto.server.refreshSession"), {fixture("error_revoked_token.json", 400)});
    h.server.route("POST", xrpc("com.atproto.server.createSession"),
                   {fixture("error_authentication_required.json", 401)});
    const auto error = h.bluesky.verifyCredentials().error();
    for (const std::string& secret : {kOldAccess, kOldRefresh, kAppPassword})
        QVERIFY2(error.detail.find(secret) == std::string::npos, error.detail.c_str());
    QVERIFY(h.logLines.size() >= 3);
    for (const auto& line : h.logLines) {
        for (const std::string& secret : {kOldAccess, kOldRefresh, kAppPassword})
            QVERIFY2(line.find(secret) == std::string::npos, line.c_str());
    }
}

void TestBluesky::factoryBuildsBluesky()
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    HttpClient http({}, sleeper, clock);
    herald::engine::Account account;
    account.platform = herald::engine::Platform::Bluesky;
    account.handle = "herald.bsky.social";
    account.baseUrl = server.baseUrl();
    Credentials credentials;
    credentials.appPassword = kAppPassword;
    std::vector<Credentials> changes;
    auto connector = herald::connectors::makeConnector(account, credentials, http,
                                                       [&](const Credentials& c) { changes.push_back(c); });
    QVERIFY2(connector, connector ? "" : connector.error().detail.c_str());
    QVERIFY((*connector)->capabilities().platform == herald::engine::Platform::Bluesky);
    server.route("POST", xrpc("com.atproto.server.createSession"), {fixture("create_session.json")});
    server.route("GET", xrpc("app.bsky.actor.getProfile"), {fixture("get_profile.json")});
    const auto identity = (*connector)->verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(identity->externalId, kDid);
    QCOMPARE(changes.size(), std::size_t(1)); // the callback went through the factory
    QCOMPARE(changes[0].accessToken, kAccessOne);

    Credentials none;
    QCOMPARE(herald::connectors::makeConnector(account, none, http).error().code, ErrorCode::AuthExpired);
}

QTEST_APPLESS_MAIN(TestBluesky)
#include "tst_bluesky.moc"
