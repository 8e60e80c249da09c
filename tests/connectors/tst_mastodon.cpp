#include <QTest>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/mastodon/MastodonConnector.h"

using herald::ErrorCode;
using herald::connectors::HttpClient;
using herald::connectors::HttpClientOptions;
using herald::connectors::MastodonConfig;
using herald::connectors::MastodonConnector;
using herald::connectors::PageRequest;
using herald::connectors::PublishRequest;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z
const std::string kToken = "mstdn-ZZtok3n-abcdefghijklmnop";
const std::string kAccount = "109302436954721982";
const std::string kStatuses = "/api/v1/accounts/" + kAccount + "/statuses";

FixtureResponse fixture(const std::string& name, int status = 200,
                        std::vector<std::pair<std::string, std::string>> headers = {})
{
    return FixtureServer::json("mastodon/" + name, status, std::move(headers));
}

std::pair<std::string, std::string> nextLink(const std::string& path, const std::string& maxId)
{
    return {"Link", "<{base}" + path + "?limit=40&max_id=" + maxId + ">; rel=\"next\", <{base}" + path +
                        "?limit=40&min_id=1>; rel=\"prev\""};
}

// A connector on the fixture server with a fake clock and sleeper; faults resolve without real waiting.
struct Harness
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    std::vector<std::string> logLines;
    HttpClient http;
    MastodonConnector mastodon;

    explicit Harness(std::string accountId = kAccount)
        : http(options(logLines), sleeper, clock),
          mastodon(
              MastodonConfig{server.baseUrl(), kToken, std::move(accountId), 500, 5, std::chrono::milliseconds(2000)},
              http)
    {
    }

    static HttpClientOptions options(std::vector<std::string>& lines)
    {
        HttpClientOptions o;
        o.maxAttempts = 3;
        o.totalTimeout = std::chrono::milliseconds(400);
        o.jitterSeed = 7;
        o.log = [&lines](const std::string& line) { lines.push_back(line); };
        return o;
    }

    void routeThreePages()
    {
        server.route("GET", kStatuses,
                     {fixture("account_statuses_page1.json", 200, {nextLink(kStatuses, "117020580489281999")})});
        server.route("GET", kStatuses,
                     {fixture("account_statuses_page2.json", 200, {nextLink(kStatuses, "117020580400000000")})},
                     {{"max_id", "117020580489281999"}});
        server.route("GET", kStatuses, {fixture("empty_page.json", 200, {nextLink(kStatuses, "1")})},
                     {{"max_id", "117020580400000000"}});
    }
};

} // namespace

class TestMastodon : public QObject
{
    Q_OBJECT

private slots:
    void capabilitiesAndNotOffered();
    void verifyCredentialsLearnsAccount();
    void accountMetrics();
    void ownPostsAcrossPages();
    void ownPostsSinceId();
    void postMetricsBatch();
    void mentionsAcrossPages();
    void followersAcrossPages();
    void publishSendsIdempotencyKeyAndFields();
    void publishGeneratesIdempotencyKey();
    void replySetsInReplyTo();
    void publishScheduled();
    void publishValidation();
    void publishRejectedKeepsPlatformMessage();
    void uploadImageWithAltText();
    void uploadVideoPollsUntilProcessed();
    void uploadVideoPollingIsBounded();
    void rateLimitedThenSucceedsAfterReset();
    void serverErrorThenSuccess();
    void serverErrorUntilRetryLimit();
    void timeout();
    void truncatedBodyIsParseError();
    void wrongShapeIsParseError();
    void expiredTokenIsAuthExpired();
    void tokenNeverInErrorsOrLogs();
    void plainHttpToRemoteInstanceRefused();
    void linkHeaderParsing();
    void publicParsers();
};

void TestMastodon::capabilitiesAndNotOffered()
{
    Harness h;
    const auto caps = h.mastodon.capabilities();
    QCOMPARE(caps.textLimit, 500);
    QCOMPARE(caps.urlLength, 23);
    QVERIFY(caps.counting == herald::connectors::TextCounting::CodePoints);
    QCOMPARE(caps.media.maxImages, 4);
    QCOMPARE(caps.media.maxVideos, 1);
    QVERIFY(caps.altText && caps.scheduling && caps.threads && caps.idempotencyKeys);
    QVERIFY(!caps.accountInsights);
    const auto insights = h.mastodon.accountInsights("2026-07-01", "2026-07-31");
    QVERIFY(!insights);
    QCOMPARE(insights.error().code, ErrorCode::Invalid);
    QVERIFY2(insights.error().detail.find("not offered by Mastodon") != std::string::npos,
             insights.error().detail.c_str());
    QVERIFY(h.server.requests().empty());
}

void TestMastodon::verifyCredentialsLearnsAccount()
{
    Harness h(std::string{});
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("verify_credentials.json")});
    const auto identity = h.mastodon.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(identity->externalId, kAccount);
    QCOMPARE(identity->handle, std::string("herald"));
    QCOMPARE(identity->displayName, std::string("Herald Test"));
    QCOMPARE(identity->profileUrl, std::string("https://mastodon.example/@herald"));
    QCOMPARE(h.mastodon.accountId(), kAccount);
    QCOMPARE(h.server.requests().at(0).header("authorization"), "Bearer " + kToken);
}

void TestMastodon::accountMetrics()
{
    Harness h;
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("verify_credentials.json")});
    const auto metrics = h.mastodon.accountMetrics();
    QVERIFY(metrics);
    QCOMPARE(metrics->followers, std::int64_t(1287));
    QCOMPARE(metrics->following, std::int64_t(31));
    QCOMPARE(metrics->posts, std::int64_t(342));
    QCOMPARE(metrics->fetchedUtc, kNow);
}

void TestMastodon::ownPostsAcrossPages()
{
    Harness h(std::string{}); // the account id is learnt on the way
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("verify_credentials.json")});
    h.routeThreePages();
    std::vector<herald::connectors::RemotePost> all;
    PageRequest page;
    int pages = 0;
    for (; pages < 10; ++pages) {
        const auto result = h.mastodon.listOwnPosts(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(pages, 2); // pages 0, 1 with items, page 2 empty despite its next link
    QCOMPARE(all.size(), std::size_t(5));
    const auto& first = all[0];
    QCOMPARE(first.externalId, std::string("117020580518794573"));
    QCOMPARE(first.permalink, std::string("https://mastodon.example/@herald/117020580518794573"));
    QCOMPARE(first.createdUtc, std::int64_t(1785594011)); // 2026-08-01T14:20:11Z
    QCOMPARE(first.counts.likes, std::int64_t(42));
    QCOMPARE(first.counts.reposts, std::int64_t(7));
    QCOMPARE(first.counts.replies, std::int64_t(3));
    QCOMPARE(first.counts.quotes, std::optional<std::int64_t>(1));
    QVERIFY(!all[1].counts.quotes); // older servers: no quotes_count
    QCOMPARE(all[1].inReplyToExternalId, std::string("117020580489281999"));
    QCOMPARE(all[2].language, std::string("de"));
    QVERIFY(all[2].text.find("你好 👋") != std::string::npos);
    const auto samples = herald::connectors::toMetricSamples(first.counts, 9, kNow);
    QCOMPARE(samples.size(), std::size_t(4));
    QCOMPARE(samples[0].metric, std::string("likes"));
    QCOMPARE(samples[0].value, 42.0);

    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), std::size_t(4)); // verify_credentials + three pages
    QCOMPARE(requests[1].query.count("max_id"), std::size_t(0));
    QCOMPARE(requests[1].query.find("limit")->second, std::string("40"));
    QCOMPARE(requests[1].query.find("exclude_reblogs")->second, std::string("true"));
    QCOMPARE(requests[2].query.find("max_id")->second, std::string("117020580489281999"));
    QCOMPARE(requests[3].query.find("max_id")->second, std::string("117020580400000000"));
}

void TestMastodon::ownPostsSinceId()
{
    Harness h;
    h.routeThreePages();
    PageRequest page;
    page.sinceId = "117020580489281910";
    page.limit = 5;
    QVERIFY(h.mastodon.listOwnPosts(page));
    const auto request = h.server.requests().at(0);
    QCOMPARE(request.query.find("since_id")->second, page.sinceId);
    QCOMPARE(request.query.find("limit")->second, std::string("5"));
}

void TestMastodon::postMetricsBatch()
{
    Harness h;
    h.server.route("GET", "/api/v1/statuses", {fixture("statuses_batch.json")});
    const auto posts = h.mastodon.postMetrics({"117020580518794573", "117020580489281910", "999"});
    QVERIFY2(posts, posts ? "" : posts.error().detail.c_str());
    QCOMPARE(posts->size(), std::size_t(2)); // the unknown id is silently omitted by the instance
    QCOMPARE(posts->at(0).counts.likes, std::int64_t(42));
    const auto request = h.server.requests().at(0);
    QCOMPARE(request.query.count("id[]"), std::size_t(3));
}

void TestMastodon::mentionsAcrossPages()
{
    Harness h;
    const std::string path = "/api/v1/notifications";
    h.server.route("GET", path, {fixture("notifications_page1.json", 200, {nextLink(path, "3300009")})});
    h.server.route("GET", path, {fixture("notifications_page2.json", 200, {nextLink(path, "3300004")})},
                   {{"max_id", "3300009"}});
    h.server.route("GET", path, {fixture("empty_page.json")}, {{"max_id", "3300004"}});
    std::vector<herald::connectors::RemoteComment> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.mastodon.listMentions(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].externalId, std::string("117020600000000001"));
    QCOMPARE(all[0].authorHandle, std::string("ana@fosstodon.example"));
    QCOMPARE(all[0].authorName, std::string("Ana Ribeiro"));
    QCOMPARE(all[0].inReplyToExternalId, std::string("117020580518794573"));
    QCOMPARE(all[0].createdUtc, std::int64_t(1785594600));
    QCOMPARE(all[1].authorName, std::string("李雷"));
    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), std::size_t(3));
    for (const auto& r : requests)
        QCOMPARE(r.query.find("types[]")->second, std::string("mention"));
}

void TestMastodon::followersAcrossPages()
{
    Harness h;
    const std::string path = "/api/v1/accounts/" + kAccount + "/followers";
    h.server.route("GET", path, {fixture("followers_page1.json", 200, {nextLink(path, "88001")})});
    h.server.route("GET", path, {fixture("followers_page2.json", 200, {nextLink(path, "88000")})},
                   {{"max_id", "88001"}});
    h.server.route("GET", path, {fixture("empty_page.json")}, {{"max_id", "88000"}});
    std::vector<herald::engine::AudienceMember> all;
    PageRequest page;
    for (int i = 0; i < 10; ++i) {
        const auto result = h.mastodon.listFollowers(page);
        QVERIFY2(result, result ? "" : result.error().detail.c_str());
        all.insert(all.end(), result->items.begin(), result->items.end());
        if (result->nextCursor.empty())
            break;
        page.cursor = result->nextCursor;
    }
    QCOMPARE(all.size(), std::size_t(3));
    QCOMPARE(all[0].externalId, std::string("109400000000000001"));
    QCOMPARE(all[0].handle, std::string("ana@fosstodon.example"));
    QCOMPARE(all[0].followerCount, std::int64_t(230));
    QCOMPARE(all[2].displayName, std::string("Sam"));
    QCOMPARE(h.server.requests().at(1).query.find("max_id")->second, std::string("88001"));
}

void TestMastodon::publishSendsIdempotencyKeyAndFields()
{
    Harness h;
    h.server.route("POST", "/api/v1/statuses", {fixture("status_created.json")});
    PublishRequest post;
    post.text = "Hello from Herald";
    post.mediaIds = {"114990000000000001", "114990000000000002"};
    post.idempotencyKey = "6f1c1b2e-3d4a-4b5c-8d9e-0f1a2b3c4d5e";
    post.visibility = "unlisted";
    post.language = "en";
    const auto published = h.mastodon.publish(post);
    QVERIFY2(published, published ? "" : published.error().detail.c_str());
    QCOMPARE(published->externalId, std::string("117030000000000001"));
    QCOMPARE(published->permalink, std::string("https://mastodon.example/@herald/117030000000000001"));
    QCOMPARE(published->publishedUtc, std::optional<std::int64_t>(kNow));
    QVERIFY(!published->scheduled);
    const auto request = h.server.requests().at(0);
    QCOMPARE(request.header("idempotency-key"), post.idempotencyKey);
    QCOMPARE(request.body, std::string("status=Hello%20from%20Herald&media_ids%5B%5D=114990000000000001"
                                       "&media_ids%5B%5D=114990000000000002&visibility=unlisted&language=en"));
}

void TestMastodon::publishGeneratesIdempotencyKey()
{
    Harness h;
    // A 500 first: the POST is retried only because it carries the key, and with the same key.
    h.server.route("POST", "/api/v1/statuses", {fixture("error_500.json", 500), fixture("status_created.json")});
    PublishRequest post;
    post.text = "Hello";
    QVERIFY(h.mastodon.publish(post));
    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), std::size_t(2));
    const std::string key = requests[0].header("idempotency-key");
    QCOMPARE(key.size(), std::size_t(36));
    QCOMPARE(key[14], '4'); // UUID version 4
    QCOMPARE(requests[1].header("idempotency-key"), key);
}

void TestMastodon::replySetsInReplyTo()
{
    Harness h;
    h.server.route("POST", "/api/v1/statuses", {fixture("status_created.json")});
    PublishRequest post;
    post.text = "Thanks!";
    QVERIFY(h.mastodon.reply("117020600000000001", post));
    QCOMPARE(h.server.requests().at(0).body, std::string("status=Thanks%21&in_reply_to_id=117020600000000001"));
}

void TestMastodon::publishScheduled()
{
    Harness h;
    h.server.route("POST", "/api/v1/statuses", {fixture("scheduled_status.json")});
    PublishRequest post;
    post.text = "Scheduled hello";
    post.scheduledUtc = kNow + 18 * 3600; // 2026-08-02T09:00:00Z
    const auto scheduled = h.mastodon.publish(post);
    QVERIFY2(scheduled, scheduled ? "" : scheduled.error().detail.c_str());
    QVERIFY(scheduled->scheduled);
    QCOMPARE(scheduled->externalId, std::string("3221"));
    QCOMPARE(scheduled->scheduledUtc, post.scheduledUtc);
    QVERIFY(!scheduled->publishedUtc);
    QVERIFY(h.server.requests().at(0).body.find("scheduled_at=2026-08-02T09%3A00%3A00Z") != std::string::npos);
}

void TestMastodon::publishValidation()
{
    Harness h;
    PublishRequest empty;
    QCOMPARE(h.mastodon.publish(empty).error().code, ErrorCode::Invalid);
    PublishRequest tooMany;
    tooMany.text = "x";
    tooMany.mediaIds = {"1", "2", "3", "4", "5"};
    QCOMPARE(h.mastodon.publish(tooMany).error().code, ErrorCode::Invalid);
    PublishRequest tooSoon;
    tooSoon.text = "x";
    tooSoon.scheduledUtc = kNow + 60;
    QCOMPARE(h.mastodon.publish(tooSoon).error().code, ErrorCode::Invalid);
    PublishRequest tooLong;
    tooLong.text = std::string(478, 'a') + " https://example.com/" + std::string(100, 'b'); // 478 + 1 + 23 = 502
    const auto refused = h.mastodon.publish(tooLong);
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY(refused.error().detail.find("502") != std::string::npos);
    QVERIFY(h.server.requests().empty());
    h.server.route("POST", "/api/v1/statuses", {fixture("status_created.json")});
    PublishRequest atLimit;
    atLimit.text = std::string(476, 'a') + " https://example.com/" + std::string(100, 'b'); // exactly 500
    QVERIFY(h.mastodon.publish(atLimit));
}

void TestMastodon::publishRejectedKeepsPlatformMessage()
{
    Harness h;
    h.server.route("POST", "/api/v1/statuses", {fixture("error_422.json", 422)});
    PublishRequest post;
    post.text = " ";
    const auto result = h.mastodon.publish(post);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QVERIFY(result.error().detail.find("Validation failed: Text can't be blank") != std::string::npos);
}

void TestMastodon::uploadImageWithAltText()
{
    Harness h;
    h.server.route("POST", "/api/v2/media", {fixture("media_image.json")});
    herald::connectors::MediaUpload image;
    image.data = std::string("\x89PNG\r\n\x1a\n-fake", 13);
    image.fileName = "red.png";
    image.mimeType = "image/png";
    image.altText = "A red square on white";
    const auto uploaded = h.mastodon.uploadMedia(image);
    QVERIFY2(uploaded, uploaded ? "" : uploaded.error().detail.c_str());
    QCOMPARE(uploaded->externalId, std::string("114990000000000001"));
    QVERIFY(uploaded->kind == herald::connectors::MediaKind::Image);
    QVERIFY(h.sleeper.sleeps().empty()); // processed synchronously: no polling
    const auto request = h.server.requests().at(0);
    QCOMPARE(request.formFiles.find("description")->second, image.altText);
    QCOMPARE(request.formFiles.find("file")->second, image.data);
}

void TestMastodon::uploadVideoPollsUntilProcessed()
{
    Harness h;
    h.server.route("POST", "/api/v2/media", {fixture("media_video_pending.json", 202)});
    h.server.route("GET", "/api/v1/media/114990000000000002",
                   {fixture("media_video_pending.json", 206), fixture("media_video_pending.json", 206),
                    fixture("media_video_ready.json", 200)});
    herald::connectors::MediaUpload video;
    video.data = "fake-mp4";
    video.fileName = "clip.mp4";
    video.mimeType = "video/mp4";
    video.altText = "A short clip of the launch";
    const auto uploaded = h.mastodon.uploadMedia(video);
    QVERIFY2(uploaded, uploaded ? "" : uploaded.error().detail.c_str());
    QVERIFY(uploaded->kind == herald::connectors::MediaKind::Video);
    QVERIFY(uploaded->url.ends_with("clip.mp4"));
    QCOMPARE(h.server.requestCount("/api/v1/media/114990000000000002"), std::size_t(3));
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(3));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(2000));
}

void TestMastodon::uploadVideoPollingIsBounded()
{
    Harness h;
    h.server.route("POST", "/api/v2/media", {fixture("media_video_pending.json", 202)});
    h.server.route("GET", "/api/v1/media/114990000000000002", {fixture("media_video_pending.json", 206)});
    herald::connectors::MediaUpload video;
    video.data = "fake-mp4";
    const auto uploaded = h.mastodon.uploadMedia(video);
    QVERIFY(!uploaded);
    QCOMPARE(uploaded.error().code, ErrorCode::Timeout);
    QCOMPARE(h.server.requestCount("/api/v1/media/114990000000000002"), std::size_t(5)); // maxMediaPolls
}

void TestMastodon::rateLimitedThenSucceedsAfterReset()
{
    Harness h;
    // Mastodon sends no Retry-After on 429: the wait comes from X-RateLimit-Reset.
    h.server.route("GET", "/api/v1/accounts/verify_credentials",
                   {fixture("error_429.json", 429,
                            {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "2026-08-01T15:00:30.000000Z"}}),
                    fixture("verify_credentials.json")});
    const auto identity = h.mastodon.verifyCredentials();
    QVERIFY2(identity, identity ? "" : identity.error().detail.c_str());
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(30'000));
    QCOMPARE(h.server.requestCount("/api/v1/accounts/verify_credentials"), std::size_t(2));
}

void TestMastodon::serverErrorThenSuccess()
{
    Harness h;
    h.routeThreePages();
    h.server.route("GET", kStatuses,
                   {fixture("error_500.json", 500),
                    fixture("account_statuses_page1.json", 200, {nextLink(kStatuses, "117020580489281999")})});
    const auto page = h.mastodon.listOwnPosts({});
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->items.size(), std::size_t(3));
    QCOMPARE(h.server.requestCount(kStatuses), std::size_t(2));
}

void TestMastodon::serverErrorUntilRetryLimit()
{
    Harness h;
    h.server.route("GET", kStatuses, {fixture("error_500.json", 500)});
    const auto page = h.mastodon.listOwnPosts({});
    QVERIFY(!page);
    QCOMPARE(page.error().code, ErrorCode::Network);
    QVERIFY2(page.error().detail.find("HTTP 500: We're sorry, but something went wrong on our end.") !=
                 std::string::npos,
             page.error().detail.c_str());
    QVERIFY(page.error().detail.find("gave up after 3 attempts") != std::string::npos);
    QCOMPARE(h.server.requestCount(kStatuses), std::size_t(3));
}

void TestMastodon::timeout()
{
    Harness h;
    FixtureResponse slow = fixture("verify_credentials.json");
    slow.delay = std::chrono::milliseconds(1200); // the client's timeout is 400 ms
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {slow});
    const auto identity = h.mastodon.verifyCredentials();
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::Timeout);
}

void TestMastodon::truncatedBodyIsParseError()
{
    Harness h;
    FixtureResponse cut = fixture("account_statuses_page1.json");
    cut.truncate = true;
    h.server.route("GET", kStatuses, {cut});
    const auto page = h.mastodon.listOwnPosts({});
    QVERIFY(!page);
    QCOMPARE(page.error().code, ErrorCode::Parse);
}

void TestMastodon::wrongShapeIsParseError()
{
    Harness h;
    h.server.route("GET", kStatuses, {fixture("wrong_shape_statuses.json")});
    const auto page = h.mastodon.listOwnPosts({});
    QVERIFY(!page);
    QCOMPARE(page.error().code, ErrorCode::Parse);
    QVERIFY(page.error().detail.find("not a JSON array") != std::string::npos);

    h.server.route("GET", "/api/v1/statuses", {fixture("wrong_shape_status_counts.json")});
    const auto metrics = h.mastodon.postMetrics({"117020580518794573"});
    QVERIFY(!metrics);
    QCOMPARE(metrics.error().code, ErrorCode::Parse);
    QVERIFY(metrics.error().detail.find("favourites_count") != std::string::npos);

    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("empty_page.json")});
    QCOMPARE(h.mastodon.verifyCredentials().error().code, ErrorCode::Parse);
}

void TestMastodon::expiredTokenIsAuthExpired()
{
    Harness h;
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("error_401.json", 401)});
    const auto identity = h.mastodon.verifyCredentials();
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::AuthExpired);
    QVERIFY(identity.error().detail.find("The access token is invalid") != std::string::npos);
    QCOMPARE(h.server.requestCount("/api/v1/accounts/verify_credentials"), std::size_t(1));
}

void TestMastodon::tokenNeverInErrorsOrLogs()
{
    Harness h;
    h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("error_401.json", 401)});
    h.server.route("GET", kStatuses, {fixture("error_500.json", 500)});
    h.server.route("POST", "/api/v1/statuses", {fixture("error_422.json", 422)});
    FixtureResponse cut = fixture("notifications_page1.json");
    cut.truncate = true;
    h.server.route("GET", "/api/v1/notifications", {cut});
    std::vector<herald::Error> errors;
    errors.push_back(h.mastodon.verifyCredentials().error());
    errors.push_back(h.mastodon.listOwnPosts({}).error());
    PublishRequest post;
    post.text = "x";
    errors.push_back(h.mastodon.publish(post).error());
    errors.push_back(h.mastodon.listMentions({}).error());
    errors.push_back(h.mastodon.accountInsights("", "").error());
    for (const auto& error : errors)
        QVERIFY2(error.detail.find(kToken) == std::string::npos, error.detail.c_str());
    QVERIFY(h.logLines.size() >= 5);
    for (const auto& line : h.logLines)
        QVERIFY2(line.find(kToken) == std::string::npos, line.c_str());
}

void TestMastodon::plainHttpToRemoteInstanceRefused()
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    HttpClient http({}, sleeper, clock);
    MastodonConnector remote(MastodonConfig{"http://mastodon.example", kToken, kAccount}, http);
    const auto identity = remote.verifyCredentials();
    QVERIFY(!identity);
    QCOMPARE(identity.error().code, ErrorCode::Invalid);
    QVERIFY(identity.error().detail.find(kToken) == std::string::npos);
}

void TestMastodon::linkHeaderParsing()
{
    using herald::connectors::nextMaxIdFromLink;
    QCOMPARE(nextMaxIdFromLink("<https://h/api/v1/accounts/1/statuses?limit=5&max_id=117020580489281910>; "
                               "rel=\"next\", <https://h/api/v1/accounts/1/statuses?limit=5&min_id=2>; rel=\"prev\""),
             std::string("117020580489281910"));
    QCOMPARE(nextMaxIdFromLink("<https://h/x?min_id=2>; rel=\"prev\""), std::string());
    QCOMPARE(nextMaxIdFromLink("<https://h/x?min_id=2>; rel=\"prev\", <https://h/x?max_id=7>; rel=\"next\""),
             std::string("7"));
    QCOMPARE(nextMaxIdFromLink(""), std::string());
    QCOMPARE(nextMaxIdFromLink("<broken"), std::string());
}

void TestMastodon::publicParsers()
{
    const auto statuses =
        herald::connectors::parseMastodonStatuses(FixtureServer::fixture("mastodon/account_statuses_page1.json"));
    QVERIFY2(statuses, statuses ? "" : statuses.error().detail.c_str());
    QCOMPARE(statuses->size(), std::size_t(3));
    QCOMPARE(statuses->at(0).externalId, std::string("117020580518794573"));
    const auto followers =
        herald::connectors::parseMastodonAccounts(FixtureServer::fixture("mastodon/followers_page1.json"));
    QVERIFY(followers);
    QCOMPARE(followers->at(0).handle, std::string("ana@fosstodon.example"));
    const auto mentions =
        herald::connectors::parseMastodonNotifications(FixtureServer::fixture("mastodon/notifications_page1.json"));
    QVERIFY(mentions);
    QVERIFY(!mentions->items.empty());
    QCOMPARE(mentions->items.at(0).authorName, std::string("Ana Ribeiro"));
    for (const char* body : {"", "{}", "[1]", "[{\"id\":{}}]"}) {
        QCOMPARE(herald::connectors::parseMastodonStatuses(body).error().code, ErrorCode::Parse);
        QCOMPARE(herald::connectors::parseMastodonAccounts(body).error().code, ErrorCode::Parse);
        QCOMPARE(herald::connectors::parseMastodonNotifications(body).error().code, ErrorCode::Parse);
    }
    QCOMPARE(herald::connectors::parseMastodonStatuses("[{\"id\":\"1\",\"created_at\":\"x\"}]").error().code,
             ErrorCode::Parse);
}

QTEST_APPLESS_MAIN(TestMastodon)
#include "tst_mastodon.moc"
