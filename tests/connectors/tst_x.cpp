#include <QTest>

#include <nlohmann/json.hpp>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/connectors/x/XConnector.h"
#include "herald/engine/model/Account.h"

using herald::ErrorCode;
using herald::connectors::Credentials;
using herald::connectors::HttpClient;
using herald::connectors::HttpClientOptions;
using herald::connectors::PageRequest;
using herald::connectors::PublishRequest;
using herald::connectors::XConfig;
using herald::connectors::XConnector;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;
using nlohmann::json;

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z
const std::string kUser = "1567890123456789012";
const std::string kAccess = "QzJ4bGRGa3B0Y1ZpLXN0YWxlLWFjY2Vzcy10b2tlbg";
const std::string kRefresh = "cmVmcmVzaC10b2tlbi1zdGFsZS1vbmU";
const std::string kNewAccess = "VGhpcyBpcyBhIG5ldyBhY2Nlc3MgdG9rZW4tdHdv";
const std::string kNewRefresh = "bWF5YmUgYSBuZXcgcmVmcmVzaCB0b2tlbi10d28";
const std::string kClientId = "M1M5R3BMVy1Ua0ZGYkFLcDE6MTpjaQ";
const std::string kTweets = "/2/users/" + kUser + "/tweets";

// A fixture with X's rate-limit headers (x-rate-limit-*, reset in Unix seconds).
FixtureResponse fixture(const std::string& name, int status = 200,
                        std::vector<std::pair<std::string, std::string>> headers = {})
{
    FixtureResponse response;
    response.status = status;
    response.body = FixtureServer::fixture("x/" + name);
    response.headers = {{"x-rate-limit-limit", "900"},
                        {"x-rate-limit-remaining", "899"},
                        {"x-rate-limit-reset", std::to_string(kNow + 900)}};
    for (auto& header : headers) {
        std::erase_if(response.headers, [&](const auto& h) { return h.first == header.first; });
        response.headers.push_back(std::move(header));
    }
    return response;
}

std::string queryValue(const herald::test::RecordedRequest& r, const std::string& name)
{
    const auto it = r.query.find(name);
    return it == r.query.end() ? std::string("<absent>") : it->second;
}

struct Harness
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    std::vector<std::string> logLines;
    std::vector<Credentials> changes;
    HttpClient http;
    XConnector x;

    explicit Harness(std::string userId = kUser, std::string refresh = kRefresh)
        : http(options(logLines), sleeper, clock), x(config(server.baseUrl(), std::move(userId), std::move(refresh)),
                                                     http, [this](const Credentials& c) { changes.push_back(c); })
    {
    }

    static XConfig config(std::string base, std::string userId, std::string refresh)
    {
        XConfig c;
        c.baseUrl = std::move(base);
        c.accessToken = kAccess;
        c.refreshToken = std::move(refresh);
        c.clientId = kClientId;
        c.userId = std::move(userId);
        c.username = "heraldcoffee";
        c.maxMediaPolls = 5;
        c.mediaChunkBytes = 4;
        c.minMediaPollInterval = std::chrono::milliseconds(500);
        return c;
    }

    static HttpClientOptions options(std::vector<std::string>& lines)
    {
        HttpClientOptions o;
        o.maxAttempts = 3;
        o.totalTimeout = std::chrono::milliseconds(2000);
        o.jitterSeed = 5;
        o.log = [&lines](const std::string& line) { lines.push_back(line); };
        return o;
    }

    std::vector<herald::test::RecordedRequest> requestsTo(const std::string& path) const
    {
        std::vector<herald::test::RecordedRequest> out;
        for (const auto& r : server.requests()) {
            if (r.path == path)
                out.push_back(r);
        }
        return out;
    }
};

} // namespace

class TestX : public QObject
{
    Q_OBJECT

private slots:
    void capabilities();
    void verifyCredentials();
    void accountMetrics();
    void ownPostsAcrossPages();
    void ownPostsLearnsUserId();
    void ownPostsEmptyPageHasNoData();
    void ownPostsSinceId();
    void postMetricsLookup();
    void mentionsAcrossPages();
    void followersAcrossPages();
    void followersRefusedByAccessTier();
    void otherPermissionErrorIsNotTier();
    void publishFields();
    void publishIsNeverRetried();
    void publishValidation();
    void duplicateRejectedKeepsMessage();
    void expiredTokenIsRefreshed();
    void refreshRejectedIsAuthExpired();
    void expiredWithoutRefreshToken();
    void uploadImageWithAltText();
    void uploadVideoPollsStatus();
    void uploadVideoProcessingFailed();
    void rateLimitedWaitsForReset();
    void serverErrorThenSuccess();
    void truncatedBodyIsParseError();
    void wrongShapeIsParseError();
    void secretsNeverInErrorsOrLogs();
    void factoryBuildsX();
};

void TestX::capabilities()
{
    Harness h;
    const auto caps = h.x.capabilities();
    QVERIFY(caps.platform == herald::engine::Platform::X);
    QCOMPARE(caps.textLimit, 280);
    QVERIFY(caps.counting == herald::connectors::TextCounting::Weighted);
    QCOMPARE(caps.urlLength, 23);
    QCOMPARE(caps.media.maxImages, 4);
    QCOMPARE(caps.media.maxVideos, 1);
    QVERIFY(!caps.media.mixImagesAndVideo);
    QVERIFY(caps.altText && caps.threads && caps.postMetrics && caps.mentions && caps.followersList);
    QVERIFY(!caps.scheduling);
    QVERIFY(!caps.idempotencyKeys);
    QVERIFY(h.x.accountInsights("2026-07-01", "2026-07-02").error().detail.find("not offered by X") !=
            std::string::npos);
}

void TestX::verifyCredentials()
{
    Harness h(std::string{});
    h.server.route("GET", "/2/users/me", {fixture("users_me.json")});
    const auto identity = h.x.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(identity->externalId, kUser);
    QCOMPARE(identity->handle, std::string("heraldcoffee"));
    QCOMPARE(identity->displayName, std::string("Herald Coffee"));
    QCOMPARE(identity->profileUrl, std::string("https://x.com/heraldcoffee"));
    QCOMPARE(h.x.userId(), kUser);
    const auto request = h.server.requests().at(0);
    QCOMPARE(request.header("authorization"), "Bearer " + kAccess);
    QCOMPARE(queryValue(request, "user.fields"), std::string("created_at,public_metrics"));
}

void TestX::accountMetrics()
{
    Harness h;
    h.server.route("GET", "/2/users/me", {fixture("users_me.json")});
    const auto metrics = h.x.accountMetrics();
    QVERIFY(metrics);
    QCOMPARE(metrics->followers, std::int64_t(5120));
    QCOMPARE(metrics->following, std::int64_t(312));
    QCOMPARE(metrics->posts, std::int64_t(1893));
    QCOMPARE(metrics->fetchedUtc, kNow);
}

void TestX::ownPostsAcrossPages()
{
    Harness h;
    h.server.route("GET", kTweets, {fixture("tweets_page1.json")});
    h.server.route("GET", kTweets, {fixture("tweets_page2.json")},
                   {{"pagination_token", "7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"}});
    std::vector<herald::connectors::RemotePost> all;
    PageRequest page;
    int pages = 0;
    for (; pages < 10; ++pages) {
        const auto result = h.x.listOwnPosts(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(pages, 1);
    QCOMPARE(all.size(), std::size_t(4));
    const auto& first = all[0];
    QCOMPARE(first.externalId, std::string("1991762354871234561"));
    QCOMPARE(first.permalink, std::string("https://x.com/heraldcoffee/status/1991762354871234561"));
    QCOMPARE(first.createdUtc, std::int64_t(1785594011));
    QCOMPARE(first.counts.likes, std::int64_t(87));
    QCOMPARE(first.counts.reposts, std::int64_t(12));
    QCOMPARE(first.counts.replies, std::int64_t(3));
    QCOMPARE(first.counts.quotes, std::optional<std::int64_t>(1));
    QCOMPARE(first.counts.impressions, std::optional<std::int64_t>(5312));
    QCOMPARE(all[1].inReplyToExternalId, std::string("1991740000000000009"));
    QCOMPARE(all[1].language, std::string("zh"));
    QVERIFY(all[2].repost);
    QVERIFY(!all[0].repost);
    const auto samples = herald::connectors::toMetricSamples(first.counts, 3, kNow);
    QCOMPARE(samples.size(), std::size_t(5));
    QCOMPARE(samples[4].metric, std::string("impressions"));
    QCOMPARE(samples[4].value, 5312.0);
    const auto requests = h.requestsTo(kTweets);
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(queryValue(requests[0], "max_results"), std::string("100"));
    QVERIFY(queryValue(requests[0], "tweet.fields").find("public_metrics") != std::string::npos);
    QVERIFY(queryValue(requests[0], "tweet.fields").find("created_at") != std::string::npos);
    QCOMPARE(queryValue(requests[0], "pagination_token"), std::string("<absent>"));
    QCOMPARE(queryValue(requests[1], "pagination_token"), std::string("7140dibdnow9c7btw4232poeq0wapgnwgwqwvuwn3peex"));
}

void TestX::ownPostsLearnsUserId()
{
    Harness h(std::string{});
    h.server.route("GET", "/2/users/me", {fixture("users_me.json")});
    h.server.route("GET", kTweets, {fixture("tweets_page2.json")});
    const auto page = h.x.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.size(), std::size_t(1));
    QCOMPARE(h.server.requests().at(0).path, std::string("/2/users/me"));
}

void TestX::ownPostsEmptyPageHasNoData()
{
    Harness h;
    h.server.route("GET", kTweets, {fixture("tweets_empty.json")});
    const auto page = h.x.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QVERIFY(page->items.empty());
    QVERIFY(page->nextCursor.empty());
}

void TestX::ownPostsSinceId()
{
    Harness h;
    h.server.route("GET", kTweets, {fixture("tweets_page2.json")});
    PageRequest page;
    page.sinceId = "1991600000000000000";
    page.limit = 2; // X's minimum page is 5
    QVERIFY(h.x.listOwnPosts(page));
    const auto request = h.server.requests().at(0);
    QCOMPARE(queryValue(request, "since_id"), page.sinceId);
    QCOMPARE(queryValue(request, "max_results"), std::string("5"));
}

void TestX::postMetricsLookup()
{
    Harness h;
    h.server.route("GET", "/2/tweets", {fixture("tweets_lookup.json")});
    std::vector<std::string> ids;
    for (int i = 0; i < 150; ++i)
        ids.push_back(std::to_string(1991000000000000000LL + i));
    const auto posts = h.x.postMetrics(ids);
    QVERIFY2(posts, posts ? "" : posts.error().detail.c_str());
    QCOMPARE(posts->size(), std::size_t(4)); // two answers of two; the partial "errors" are left out
    QCOMPARE(posts->at(1).counts.likes, std::int64_t(41));
    const auto requests = h.requestsTo("/2/tweets");
    QCOMPARE(requests.size(), std::size_t(2));
    const std::string first = queryValue(requests[0], "ids");
    QCOMPARE(std::count(first.begin(), first.end(), ','), std::ptrdiff_t(99));
    QCOMPARE(queryValue(requests[1], "ids").substr(0, 19), ids[100]);
}

void TestX::mentionsAcrossPages()
{
    Harness h;
    const std::string path = "/2/users/" + kUser + "/mentions";
    h.server.route("GET", path, {fixture("mentions_page1.json")});
    h.server.route("GET", path, {fixture("mentions_page2.json")},
                   {{"pagination_token", "b26v89c19zqg8o3fpzbkk1r0h1nq0g0ieuy6kxv7u1wpx"}});
    std::vector<herald::connectors::RemoteComment> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.x.listMentions(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].externalId, std::string("1991770000000000101"));
    QCOMPARE(all[0].authorExternalId, std::string("2244994945"));
    QCOMPARE(all[0].authorHandle, std::string("ana_r"));
    QCOMPARE(all[0].authorName, std::string("Ana Ribeiro"));
    QCOMPARE(all[0].inReplyToExternalId, std::string("1991762354871234561"));
    QCOMPARE(all[0].createdUtc, std::int64_t(1785595800));
    QCOMPARE(all[1].authorName, std::string("李雷"));
    QCOMPARE(all[1].language, std::string("zh"));
    QCOMPARE(all[2].authorHandle, std::string("sam_k"));
    const auto requests = h.requestsTo(path);
    QCOMPARE(queryValue(requests[0], "expansions"), std::string("author_id"));
    QVERIFY(queryValue(requests[0], "tweet.fields").find("author_id") != std::string::npos);
}

void TestX::followersAcrossPages()
{
    Harness h;
    const std::string path = "/2/users/" + kUser + "/followers";
    h.server.route("GET", path, {fixture("followers_page1.json")});
    h.server.route("GET", path, {fixture("followers_page2.json")}, {{"pagination_token", "DFEDBNRFT3MHCZZZ"}});
    std::vector<herald::engine::AudienceMember> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.x.listFollowers(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].externalId, std::string("2244994945"));
    QCOMPARE(all[0].handle, std::string("ana_r"));
    QCOMPARE(all[0].followerCount, std::int64_t(230));
    QCOMPARE(all[1].displayName, std::string("李雷"));
    QCOMPARE(queryValue(h.requestsTo(path).at(0), "max_results"), std::string("1000"));
}

void TestX::followersRefusedByAccessTier()
{
    Harness h;
    h.server.route("GET", "/2/users/" + kUser + "/followers", {fixture("error_403_tier.json", 403)});
    const auto followers = h.x.listFollowers({});
    QVERIFY(!followers);
    QCOMPARE(followers.error().code, ErrorCode::Permission);
    const std::string& detail = followers.error().detail;
    QVERIFY2(detail.starts_with("the followers list is not available on your X API access tier: "), detail.c_str());
    QVERIFY2(detail.find("you must use keys and tokens from a Twitter developer App that is attached to a Project") !=
                 std::string::npos,
             detail.c_str());
    QVERIFY(detail.find("Client Forbidden") != std::string::npos);
    QCOMPARE(h.requestsTo("/2/users/" + kUser + "/followers").size(), std::size_t(1)); // not retried
    // The same refusal on another read is named for that read.
    h.server.route("GET", "/2/users/" + kUser + "/mentions", {fixture("error_403_tier.json", 403)});
    const auto mentions = h.x.listMentions({});
    QCOMPARE(mentions.error().code, ErrorCode::Permission);
    QVERIFY2(mentions.error().detail.starts_with("the mentions timeline is not available on your X API access tier"),
             mentions.error().detail.c_str());
}

void TestX::otherPermissionErrorIsNotTier()
{
    Harness h;
    h.server.route("GET", "/2/users/" + kUser + "/followers", {fixture("error_403_forbidden.json", 403)});
    const auto followers = h.x.listFollowers({});
    QCOMPARE(followers.error().code, ErrorCode::Permission);
    QVERIFY2(followers.error().detail.find("access tier") == std::string::npos, followers.error().detail.c_str());
    QVERIFY(followers.error().detail.find("You are not permitted to perform this action.") != std::string::npos);
}

void TestX::publishFields()
{
    Harness h;
    h.server.route("POST", "/2/tweets", {fixture("tweet_created.json", 201)});
    PublishRequest post;
    post.text = "Hello from Herald";
    post.mediaIds = {"1880028106020515840", "1880028106020515842"};
    const auto published = h.x.reply("1991770000000000101", post);
    QVERIFY2(published, published ? "" : published.error().detail.c_str());
    QCOMPARE(published->externalId, std::string("1991780000000000001"));
    QCOMPARE(published->permalink, std::string("https://x.com/heraldcoffee/status/1991780000000000001"));
    QCOMPARE(published->publishedUtc, std::optional<std::int64_t>(kNow));
    const auto request = h.requestsTo("/2/tweets").at(0);
    QCOMPARE(request.header("content-type"), std::string("application/json"));
    const json body = json::parse(request.body);
    QCOMPARE(body.at("text").get<std::string>(), post.text);
    QCOMPARE(body.at("media").at("media_ids").size(), std::size_t(2));
    QCOMPARE(body.at("media").at("media_ids").at(1).get<std::string>(), std::string("1880028106020515842"));
    QCOMPARE(body.at("reply").at("in_reply_to_tweet_id").get<std::string>(), std::string("1991770000000000101"));
}

void TestX::publishIsNeverRetried()
{
    Harness h;
    h.server.route("POST", "/2/tweets", {fixture("error_503.json", 503), fixture("tweet_created.json", 201)});
    PublishRequest post;
    post.text = "once";
    const auto published = h.x.publish(post);
    QCOMPARE(published.error().code, ErrorCode::Network); // no idempotency key: a retry could post twice
    QCOMPARE(h.requestsTo("/2/tweets").size(), std::size_t(1));
}

void TestX::publishValidation()
{
    Harness h;
    PublishRequest empty;
    QCOMPARE(h.x.publish(empty).error().code, ErrorCode::Invalid);
    PublishRequest cjk;
    std::string text;
    for (int i = 0; i < 141; ++i)
        text += "咖";
    cjk.text = text; // 141 x 2 = 282
    const auto refused = h.x.publish(cjk);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY2(refused.error().detail.find("282 weighted") != std::string::npos, refused.error().detail.c_str());
    PublishRequest url;
    url.text = std::string(257, 'a') + " https://acme.example/" + std::string(200, 'p'); // 257 + 1 + 23 = 281
    QVERIFY(h.x.publish(url).error().detail.find("281 weighted") != std::string::npos);
    PublishRequest scheduled;
    scheduled.text = "later";
    scheduled.scheduledUtc = kNow + 3600;
    QVERIFY(h.x.publish(scheduled).error().detail.find("not offered by X") != std::string::npos);
    PublishRequest tooMany;
    tooMany.text = "x";
    tooMany.mediaIds = {"1", "2", "3", "4", "5"};
    QCOMPARE(h.x.publish(tooMany).error().code, ErrorCode::Invalid);
    QVERIFY(h.server.requests().empty());
    h.server.route("POST", "/2/tweets", {fixture("tweet_created.json", 201)});
    PublishRequest atLimit;
    atLimit.text = std::string(256, 'a') + " https://acme.example/" + std::string(200, 'p'); // exactly 280
    QVERIFY(h.x.publish(atLimit));
}

void TestX::duplicateRejectedKeepsMessage()
{
    Harness h;
    h.server.route("POST", "/2/tweets", {fixture("error_403_duplicate.json", 403)});
    PublishRequest post;
    post.text = "Hello again";
    const auto result = h.x.publish(post);
    QCOMPARE(result.error().code, ErrorCode::Permission);
    QVERIFY(result.error().detail.find("You are not allowed to create a Tweet with duplicate content.") !=
            std::string::npos);
}

void TestX::expiredTokenIsRefreshed()
{
    Harness h;
    h.server.route("GET", "/2/users/me", {fixture("error_401.json", 401), fixture("users_me.json")});
    h.server.route("POST", "/2/oauth2/token", {fixture("token_refresh.json")});
    const auto identity = h.x.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    const auto token = h.requestsTo("/2/oauth2/token");
    QCOMPARE(token.size(), std::size_t(1));
    QCOMPARE(token[0].body, "grant_type=refresh_token&refresh_token=" + kRefresh + "&client_id=" + kClientId);
    QCOMPARE(token[0].header("authorization"), std::string()); // a public client: no Basic auth
    const auto me = h.requestsTo("/2/users/me");
    QCOMPARE(me.size(), std::size_t(2));
    QCOMPARE(me[0].header("authorization"), "Bearer " + kAccess);
    QCOMPARE(me[1].header("authorization"), "Bearer " + kNewAccess);
    QCOMPARE(h.changes.size(), std::size_t(1));
    QCOMPARE(h.changes[0].accessToken, kNewAccess);
    QCOMPARE(h.changes[0].refreshToken, kNewRefresh); // rotated
    QCOMPARE(h.changes[0].clientId, kClientId);
    QCOMPARE(h.changes[0].expiresUtc, kNow + 7200);
}

void TestX::refreshRejectedIsAuthExpired()
{
    Harness h;
    h.server.route("GET", "/2/users/me", {fixture("error_401.json", 401)});
    h.server.route("POST", "/2/oauth2/token", {fixture("error_invalid_refresh.json", 400)});
    const auto identity = h.x.verifyCredentials();
    QCOMPARE(identity.error().code, ErrorCode::AuthExpired);
    QVERIFY2(identity.error().detail.find("Value passed for the token was invalid.") != std::string::npos,
             identity.error().detail.c_str());
    QCOMPARE(h.requestsTo("/2/users/me").size(), std::size_t(1));
    QVERIFY(h.changes.empty());
}

void TestX::expiredWithoutRefreshToken()
{
    Harness h(kUser, "");
    h.server.route("GET", "/2/users/me", {fixture("error_401.json", 401)});
    const auto identity = h.x.verifyCredentials();
    QCOMPARE(identity.error().code, ErrorCode::AuthExpired);
    QVERIFY(h.requestsTo("/2/oauth2/token").empty());
}

void TestX::uploadImageWithAltText()
{
    Harness h;
    h.server.route("POST", "/2/media/upload", {fixture("media_upload_image.json")});
    h.server.route("POST", "/2/media/metadata", {fixture("media_metadata.json")});
    herald::connectors::MediaUpload image;
    image.data = std::string("\x89PNG\r\n\x1a\n-fake", 13);
    image.fileName = "red.png";
    image.mimeType = "image/png";
    image.altText = "A red square on white";
    const auto uploaded = h.x.uploadMedia(image);
    QVERIFY2(uploaded, uploaded ? "" : uploaded.error().detail.c_str());
    QCOMPARE(uploaded->externalId, std::string("1880028106020515840"));
    QVERIFY(uploaded->kind == herald::connectors::MediaKind::Image);
    QVERIFY(h.sleeper.sleeps().empty());
    const auto upload = h.requestsTo("/2/media/upload").at(0);
    QCOMPARE(upload.formFiles.find("media")->second, image.data);
    QCOMPARE(upload.formFiles.find("media_category")->second, std::string("tweet_image"));
    const json metadata = json::parse(h.requestsTo("/2/media/metadata").at(0).body);
    QCOMPARE(metadata.at("id").get<std::string>(), uploaded->externalId);
    QCOMPARE(metadata.at("metadata").at("alt_text").at("text").get<std::string>(), image.altText);
}

void TestX::uploadVideoPollsStatus()
{
    Harness h;
    const std::string id = "1880028106020515841";
    h.server.route("POST", "/2/media/upload/initialize", {fixture("media_initialize.json")});
    h.server.route("POST", "/2/media/upload/" + id + "/append", {fixture("media_append.json")});
    h.server.route("POST", "/2/media/upload/" + id + "/finalize", {fixture("media_upload_video_pending.json")});
    h.server.route("GET", "/2/media/upload",
                   {fixture("media_status_in_progress.json"), fixture("media_status_succeeded.json")},
                   {{"command", "STATUS"}});
    herald::connectors::MediaUpload video;
    video.data = "fake-mp4-bytes"; // 14 bytes: segments of 4, 4, 4 and 2
    video.fileName = "clip.mp4";
    video.mimeType = "video/mp4";
    video.altText = "ignored for video";
    const auto uploaded = h.x.uploadMedia(video);
    QVERIFY2(uploaded, uploaded ? "" : uploaded.error().detail.c_str());
    QVERIFY(uploaded->kind == herald::connectors::MediaKind::Video);
    QCOMPARE(uploaded->externalId, id);
    const json init = json::parse(h.requestsTo("/2/media/upload/initialize").at(0).body);
    QCOMPARE(init.at("media_type").get<std::string>(), std::string("video/mp4"));
    QCOMPARE(init.at("total_bytes").get<int>(), 14);
    QCOMPARE(init.at("media_category").get<std::string>(), std::string("tweet_video"));
    const auto appends = h.requestsTo("/2/media/upload/" + id + "/append");
    QCOMPARE(appends.size(), std::size_t(4));
    std::string joined;
    for (std::size_t i = 0; i < appends.size(); ++i) {
        QCOMPARE(appends[i].formFiles.find("segment_index")->second, std::to_string(i));
        joined += appends[i].formFiles.find("media")->second;
    }
    QCOMPARE(joined, video.data);
    QCOMPARE(h.requestsTo("/2/media/upload/" + id + "/finalize").size(), std::size_t(1));
    const auto polls = h.requestsTo("/2/media/upload");
    QCOMPARE(polls.size(), std::size_t(2)); // two STATUS polls
    QCOMPARE(queryValue(polls[0], "media_id"), id);
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(2));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(1000)); // check_after_secs 1
    QCOMPARE(h.sleeper.sleeps()[1], std::chrono::milliseconds(3000)); // check_after_secs 3
    QVERIFY(h.requestsTo("/2/media/metadata").empty());
}

void TestX::uploadVideoProcessingFailed()
{
    const std::string id = "1880028106020515841";
    herald::connectors::MediaUpload video;
    video.data = "fake-mp4";
    video.mimeType = "video/mp4";
    Harness h;
    h.server.route("POST", "/2/media/upload/initialize", {fixture("media_initialize.json")});
    h.server.route("POST", "/2/media/upload/" + id + "/append", {fixture("media_append.json")});
    h.server.route("POST", "/2/media/upload/" + id + "/finalize", {fixture("media_upload_video_pending.json")});
    h.server.route("GET", "/2/media/upload", {fixture("media_status_failed.json")}, {{"command", "STATUS"}});
    const auto uploaded = h.x.uploadMedia(video);
    QCOMPARE(uploaded.error().code, ErrorCode::Invalid);
    QVERIFY(uploaded.error().detail.find("Unsupported video format") != std::string::npos);

    h.server.route("GET", "/2/media/upload", {fixture("media_status_in_progress.json")}, {{"command", "STATUS"}});
    const std::size_t before = h.requestsTo("/2/media/upload").size();
    QCOMPARE(h.x.uploadMedia(video).error().code, ErrorCode::Timeout);
    QCOMPARE(h.requestsTo("/2/media/upload").size() - before, std::size_t(5)); // maxMediaPolls

    // A failed segment stops the upload with X's message.
    Harness broken;
    broken.server.route("POST", "/2/media/upload/initialize", {fixture("media_initialize.json")});
    broken.server.route("POST", "/2/media/upload/" + id + "/append", {fixture("error_400.json", 400)});
    QCOMPARE(broken.x.uploadMedia(video).error().code, ErrorCode::Invalid);
    QVERIFY(broken.requestsTo("/2/media/upload/" + id + "/finalize").empty());
}

void TestX::rateLimitedWaitsForReset()
{
    Harness h;
    h.server.route("GET", kTweets,
                   {fixture("error_429.json", 429,
                            {{"x-rate-limit-remaining", "0"}, {"x-rate-limit-reset", std::to_string(kNow + 45)}}),
                    fixture("tweets_page2.json")});
    const auto page = h.x.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(45'000));
    QCOMPARE(h.requestsTo(kTweets).size(), std::size_t(2));
}

void TestX::serverErrorThenSuccess()
{
    Harness h;
    h.server.route("GET", kTweets, {fixture("error_503.json", 503), fixture("tweets_page2.json")});
    const auto page = h.x.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.size(), std::size_t(1));
    QCOMPARE(h.requestsTo(kTweets).size(), std::size_t(2));
}

void TestX::truncatedBodyIsParseError()
{
    Harness h;
    FixtureResponse cut = fixture("tweets_page1.json");
    cut.truncate = true;
    h.server.route("GET", kTweets, {cut});
    QCOMPARE(h.x.listOwnPosts({}).error().code, ErrorCode::Parse);
    FixtureResponse cutToken = fixture("token_refresh.json");
    cutToken.truncate = true;
    h.server.route("GET", "/2/users/me", {fixture("error_401.json", 401)});
    h.server.route("POST", "/2/oauth2/token", {cutToken});
    QCOMPARE(h.x.verifyCredentials().error().code, ErrorCode::Parse);
    QVERIFY(h.changes.empty());
}

void TestX::wrongShapeIsParseError()
{
    Harness h;
    h.server.route("GET", kTweets, {fixture("wrong_shape_tweets.json")});
    const auto page = h.x.listOwnPosts({});
    QCOMPARE(page.error().code, ErrorCode::Parse);
    QVERIFY2(page.error().detail.find("'public_metrics' is not an object") != std::string::npos,
             page.error().detail.c_str());
    h.server.route("GET", "/2/users/me", {fixture("followers_page1.json")}); // data is an array, not a user
    QCOMPARE(h.x.verifyCredentials().error().code, ErrorCode::Parse);
    for (const char* body : {"", "null", "[]", "{\"data\":{}}", "{\"data\":[1]}", "{\"data\":[{\"id\":1}]}",
                             "{\"meta\":[]}", "{\"data\":[{\"id\":\"1\",\"created_at\":\"nope\"}]}"}) {
        QVERIFY(!herald::connectors::parseXTweets(body));
        QVERIFY(!herald::connectors::parseXMentions(body));
    }
    QVERIFY(!herald::connectors::parseXUsers("{\"data\":[{\"name\":\"no id\"}]}"));
    QVERIFY(herald::connectors::parseXUsers("{\"meta\":{\"result_count\":0}}"));
}

void TestX::secretsNeverInErrorsOrLogs()
{
    Harness h;
    h.server.route("GET", "/2/users/me", {fixture("error_401.json", 401)});
    h.server.route("POST", "/2/oauth2/token", {fixture("error_invalid_refresh.json", 400)});
    h.server.route("GET", kTweets, {fixture("error_503.json", 503)});
    std::vector<herald::Error> errors;
    errors.push_back(h.x.verifyCredentials().error());
    errors.push_back(h.x.listOwnPosts({}).error());
    for (const auto& error : errors) {
        for (const std::string& secret : {kAccess, kRefresh})
            QVERIFY2(error.detail.find(secret) == std::string::npos, error.detail.c_str());
    }
    QVERIFY(h.logLines.size() >= 4);
    for (const auto& line : h.logLines) {
        for (const std::string& secret : {kAccess, kRefresh})
            QVERIFY2(line.find(secret) == std::string::npos, line.c_str());
    }
}

void TestX::factoryBuildsX()
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    HttpClient http({}, sleeper, clock);
    herald::engine::Account account;
    account.platform = herald::engine::Platform::X;
    account.handle = "heraldcoffee";
    account.externalId = kUser;
    account.baseUrl = server.baseUrl();
    Credentials credentials;
    credentials.accessToken = kAccess;
    credentials.refreshToken = kRefresh;
    credentials.clientId = kClientId;
    std::vector<Credentials> changes;
    auto connector = herald::connectors::makeConnector(account, credentials, http,
                                                       [&](const Credentials& c) { changes.push_back(c); });
    QVERIFY2(connector, connector ? "" : connector.error().detail.c_str());
    server.route("GET", kTweets, {fixture("error_401.json", 401), fixture("tweets_page2.json")});
    server.route("POST", "/2/oauth2/token", {fixture("token_refresh.json")});
    const auto page = (*connector)->listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.at(0).permalink, std::string("https://x.com/heraldcoffee/status/1991600000000000004"));
    QCOMPARE(changes.size(), std::size_t(1));
    QCOMPARE(changes[0].refreshToken, kNewRefresh);

    Credentials none;
    QCOMPARE(herald::connectors::makeConnector(account, none, http).error().code, ErrorCode::AuthExpired);
    account.platform = herald::engine::Platform::Weibo;
    QVERIFY(herald::connectors::makeConnector(account, credentials, http).error().detail.find("CSV") !=
            std::string::npos);
}

QTEST_APPLESS_MAIN(TestX)
#include "tst_x.moc"
