#include <QTest>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/Connector.h"
#include "herald/connectors/DateTime.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/connectors/sync/Publisher.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/engine/store/Statement.h"

using namespace herald;
using namespace herald::connectors;
using engine::PostStatus;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1785596400; // 2026-08-01T15:00:00Z, the fixtures' time
constexpr const char* kStatuses = "/api/v1/statuses";
constexpr const char* kAccountId = "109302436954721982";
const std::string kOwnStatuses = std::string("/api/v1/accounts/") + kAccountId + "/statuses";
const std::string kDid = "did:plc:w4xbfzo7kqfes5zb7r6qv3rw";
const std::string kXUser = "1567890123456789012";
const std::string kOwnTweets = "/2/users/" + kXUser + "/tweets";
constexpr const char* kTweets = "/2/tweets";
constexpr const char* kCreateRecord = "/xrpc/com.atproto.repo.createRecord";
constexpr const char* kGetPosts = "/xrpc/app.bsky.feed.getPosts";

FixtureResponse fixture(const std::string& name, int status = 200,
                        std::vector<std::pair<std::string, std::string>> headers = {})
{
    return FixtureServer::json("mastodon/" + name, status, std::move(headers));
}

// status_created.json with another id, text and time (real Mastodon shape).
std::string status(const std::string& id, const std::string& html, std::int64_t createdUtc,
                   const std::string& inReplyTo = "")
{
    std::string body = FixtureServer::fixture("mastodon/status_created.json");
    auto replace = [&body](const std::string& from, const std::string& to) {
        for (auto at = body.find(from); at != std::string::npos; at = body.find(from, at + to.size()))
            body.replace(at, from.size(), to);
    };
    replace("117030000000000001", id);
    replace("<p>Hello from Herald</p>", html);
    replace("2026-08-01T15:00:00.000Z", formatIso8601Utc(createdUtc));
    if (!inReplyTo.empty())
        replace("\"in_reply_to_id\": null", "\"in_reply_to_id\": \"" + inReplyTo + "\"");
    return body;
}

// create_record.json with another record key.
std::string blueskyRecord(const std::string& rkey)
{
    std::string body = FixtureServer::fixture("bluesky/create_record.json");
    body.replace(body.find("3m6cn7qwqlk2e"), 13, rkey);
    return body;
}

std::string blueskyUri(const std::string& rkey)
{
    return "at://" + kDid + "/app.bsky.feed.post/" + rkey;
}

// A getPosts answer holding one of our posts (not itself a reply), in the real view shape.
std::string blueskyPostView(const std::string& rkey, const std::string& text)
{
    return nlohmann::json{
        {"posts",
         {{{"uri", blueskyUri(rkey)},
           {"cid", "bafyrei" + rkey},
           {"author", {{"did", kDid}, {"handle", "herald.bsky.social"}}},
           {"record", {{"$type", "app.bsky.feed.post"}, {"createdAt", "2026-08-01T15:00:00.000Z"}, {"text", text}}},
           {"replyCount", 0},
           {"repostCount", 0},
           {"likeCount", 0},
           {"quoteCount", 0},
           {"indexedAt", "2026-08-01T15:00:00.000Z"},
           {"labels", nlohmann::json::array()}}}}}
        .dump();
}

// tweet_created.json with another id.
std::string tweetCreated(const std::string& id)
{
    std::string body = FixtureServer::fixture("x/tweet_created.json");
    for (auto at = body.find("1991780000000000001"); at != std::string::npos; at = body.find("1991780000000000001"))
        body.replace(at, 19, id);
    return body;
}

FixtureResponse answer(std::string body, int status = 200)
{
    FixtureResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

std::string isoAfter(std::int64_t seconds)
{
    return formatIso8601Utc(kNow + seconds);
}

struct Harness
{
    test::TempFolder folder;
    std::string path = folder.path("publish.herald");
    engine::Database db = engine::Database::create(path).value();
    FixtureServer server;
    engine::FixedClock clock{kNow};
    test::FakeSleeper sleeper{clock};
    HttpClient http{httpOptions(), sleeper, clock};
    std::int64_t accountId = 0;
    std::unique_ptr<Publisher> publisher;

    explicit Harness(int maxAttempts = 3)
    {
        engine::Account a;
        a.platform = engine::Platform::Mastodon;
        a.handle = "herald";
        a.baseUrl = server.baseUrl();
        a.externalId = kAccountId;
        a.secretRef = "mastodon-herald";
        a.createdUtc = kNow;
        must(engine::AccountRepository(db).upsert(a));
        accountId = a.id;
        PublisherOptions options;
        options.maxAttempts = maxAttempts;
        options.backoffBase = std::chrono::seconds(60);
        options.mediaFolder = mediaFolderFor(path);
        options.jitterSeed = 11;
        options.source = "test";
        auto credentials = [](const engine::Account& account) -> Result<Credentials> {
            if (!account.secretRef.ends_with("-herald"))
                return fail(ErrorCode::AuthExpired, "no credentials for " + account.secretRef);
            Credentials c;
            c.accessToken = "token-123";
            return c;
        };
        publisher = std::make_unique<Publisher>(db, connectorSource(http, credentials), clock, sleeper, options);
    }

    static HttpClientOptions httpOptions()
    {
        HttpClientOptions o;
        o.maxAttempts = 1; // the Publisher owns retries
        o.totalTimeout = std::chrono::milliseconds(2000);
        o.jitterSeed = 3;
        return o;
    }

    /// A Bluesky or X account on the same fixture server (the connector's base URL).
    std::int64_t addAccount(engine::Platform platform)
    {
        engine::Account a;
        a.platform = platform;
        a.handle = platform == engine::Platform::Bluesky ? "herald.bsky.social" : "heraldcoffee";
        a.baseUrl = server.baseUrl();
        a.externalId = platform == engine::Platform::Bluesky ? kDid : kXUser;
        a.secretRef = std::string(engine::platformKey(platform)) + "-herald";
        a.createdUtc = kNow;
        must(engine::AccountRepository(db).upsert(a));
        return a.id;
    }

    engine::Post post(const std::string& text, std::int64_t at, std::optional<std::int64_t> parent = {},
                      std::vector<std::int64_t> accounts = {})
    {
        engine::Post p;
        p.body = text;
        p.status = PostStatus::Scheduled;
        p.localTime = "2026-08-01T17:00";
        p.timeZone = "Europe/Berlin";
        p.scheduledUtc = at;
        p.parentPostId = parent;
        p.createdUtc = p.updatedUtc = kNow - 3600;
        if (accounts.empty())
            accounts.push_back(accountId);
        for (auto id : accounts) {
            engine::PostTarget t;
            t.accountId = id;
            p.targets.push_back(t);
        }
        must(engine::PostEditor(db).create(p));
        return p;
    }

    engine::DueTarget target(std::int64_t targetId)
    {
        return engine::PublishQueue(db).target(targetId).value().value();
    }

    std::string lastError(std::int64_t targetId)
    {
        return engine::CalendarQuery(db).entry(target(targetId).postId).value()->targets.front().lastError;
    }
};

} // namespace

class TestPublisher : public QObject
{
    Q_OBJECT

private slots:
    void publishesDueTargetWithIdempotencyKey()
    {
        Harness h;
        h.server.route("POST", kStatuses, {fixture("status_created.json")});
        auto p = h.post("Hello from Herald", kNow - 10);
        auto later = h.post("Not yet", kNow + 3600);
        auto due = h.publisher->dueNow();
        QCOMPARE(due->size(), std::size_t(1));
        QCOMPARE(due->front().targetId, p.targets[0].id);

        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 1);
        QCOMPARE(report->failed, 0);
        const auto t = h.target(p.targets[0].id);
        QCOMPARE(t.status, PostStatus::Published);
        QCOMPARE(t.attempts, 1);
        auto entry = engine::CalendarQuery(h.db).entry(p.id).value();
        QCOMPARE(entry->status, PostStatus::Published);
        QCOMPARE(entry->targets[0].permalink, std::string("https://mastodon.example/@herald/117030000000000001"));
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(1));
        QVERIFY(!t.idempotencyKey.empty());
        QCOMPARE(requests[0].header("idempotency-key"), t.idempotencyKey);
        QVERIFY(requests[0].body.find("status=Hello") != std::string::npos);
        QCOMPARE(h.target(later.targets[0].id).status, PostStatus::Scheduled);
        auto run = engine::PublishQueue(h.db).lastRun().value();
        QCOMPARE(run->published, 1);
        QCOMPARE(run->source, std::string("test"));
        QVERIFY(run->finishedUtc.has_value());
        // Nothing is due any more: a second run sends nothing.
        QCOMPARE(h.publisher->publishDue()->outcomes.size(), std::size_t(0));
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(1));
    }

    void rateLimitedThenPublishedAfterTheWait()
    {
        Harness h;
        h.server.route(
            "POST", kStatuses,
            {fixture("error_429.json", 429, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", isoAfter(30)}}),
             fixture("status_created.json")});
        auto p = h.post("Hello from Herald", kNow);
        auto report = h.publisher->publishDue();
        QVERIFY(report);
        QCOMPARE(report->published, 1);
        QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
        QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(30'000));
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(requests[0].header("idempotency-key"), requests[1].header("idempotency-key"));
        QCOMPARE(h.target(p.targets[0].id).attempts, 1);
    }

    void longRateLimitWaitReschedules()
    {
        Harness h;
        h.server.route(
            "POST", kStatuses,
            {fixture("error_429.json", 429, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", isoAfter(900)}}),
             fixture("status_created.json")});
        auto p = h.post("Hello from Herald", kNow);
        auto report = h.publisher->publishDue();
        QCOMPARE(report->retrying, 1);
        QCOMPARE(h.sleeper.sleeps().size(), std::size_t(0));
        auto t = h.target(p.targets[0].id);
        QCOMPARE(t.status, PostStatus::Scheduled);
        QCOMPARE(t.dueUtc, kNow + 900);
        QVERIFY(h.lastError(t.targetId).find("Too many requests") != std::string::npos);
        h.clock.set(kNow + 900);
        QCOMPARE(h.publisher->publishDue()->published, 1);
    }

    void serverErrorsRetryWithBackoffThenFail()
    {
        Harness h(3);
        h.server.route("POST", kStatuses, {fixture("error_500.json", 500)});
        auto p = h.post("Hello from Herald", kNow);
        const auto id = p.targets[0].id;
        std::int64_t previousDue = kNow;
        for (int attempt = 1; attempt <= 2; ++attempt) {
            auto report = h.publisher->publishDue();
            QVERIFY(report);
            QCOMPARE(report->retrying, 1);
            const auto t = h.target(id);
            QCOMPARE(t.status, PostStatus::Scheduled);
            QCOMPARE(t.attempts, attempt);
            // Exponential backoff with jitter: retry n waits between half and all of 60 s * 2^(n-1).
            const std::int64_t full = 60LL << (attempt - 1);
            const std::int64_t wait = t.dueUtc - h.clock.nowUtc();
            QVERIFY2(wait >= full / 2 && wait <= full, std::to_string(wait).c_str());
            QVERIFY(t.dueUtc > previousDue);
            previousDue = t.dueUtc;
            // Not due yet: nothing is sent.
            QCOMPARE(h.publisher->publishDue()->outcomes.size(), std::size_t(0));
            h.clock.set(t.dueUtc);
        }
        auto last = h.publisher->publishDue();
        QCOMPARE(last->failed, 1);
        const auto t = h.target(id);
        QCOMPARE(t.status, PostStatus::Failed);
        QCOMPARE(t.attempts, 3);
        QVERIFY2(h.lastError(id).find("something went wrong on our end") != std::string::npos, h.lastError(id).c_str());
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(3));
        QCOMPARE(engine::CalendarQuery(h.db).entry(p.id).value()->status, PostStatus::Failed);
    }

    void permanentErrorsFailAtOnce()
    {
        Harness h;
        h.server.route("POST", kStatuses, {fixture("error_422.json", 422), fixture("error_401.json", 401)});
        auto invalid = h.post("Hello", kNow - 5);
        auto report = h.publisher->publishDue();
        QCOMPARE(report->failed, 1);
        QCOMPARE(h.target(invalid.targets[0].id).status, PostStatus::Failed);
        QVERIFY(h.lastError(invalid.targets[0].id).find("Validation failed: Text can't be blank") != std::string::npos);

        auto unauthorised = h.post("Hello again", kNow);
        report = h.publisher->publishDue();
        QCOMPARE(report->failed, 1);
        QVERIFY(h.lastError(unauthorised.targets[0].id).find("The access token is invalid") != std::string::npos);
        QCOMPARE(engine::AccountRepository(h.db).find(h.accountId).value()->status,
                 engine::AccountStatus::NeedsReconnect);
    }

    void disabledAccountFailsTheTarget()
    {
        Harness h;
        must(engine::AccountRepository(h.db).setStatus(h.accountId, engine::AccountStatus::Disabled));
        auto p = h.post("Hello", kNow);
        auto report = h.publisher->publishDue();
        QCOMPARE(report->failed, 1);
        QVERIFY(h.lastError(p.targets[0].id).find("disabled") != std::string::npos);
        QCOMPARE(h.server.requests().size(), std::size_t(0));
    }

    void interruptedTargetFoundAmongOwnPostsIsNotSentAgain()
    {
        Harness h;
        auto p = h.post("Hello from Herald", kNow - 60);
        const auto id = p.targets[0].id;
        // A run claimed the target, the platform published it, then the run died before writing.
        QVERIFY(engine::PublishQueue(h.db).claim(id, "key-1", kNow - 60).value());
        h.server.route("GET", kOwnStatuses,
                       {answer("[" + status("117030000000000077", "<p>Hello from Herald</p>", kNow - 58) + "]")});
        h.server.route("POST", kStatuses, {fixture("status_created.json")});
        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 1);
        QVERIFY(report->outcomes.front().reconciled);
        const auto t = h.target(id);
        QCOMPARE(t.status, PostStatus::Published);
        QCOMPARE(t.attempts, 1);
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(0));
        QCOMPARE(engine::CalendarQuery(h.db).entry(p.id).value()->targets[0].permalink,
                 std::string("https://mastodon.example/@herald/117030000000000077"));
    }

    void interruptedTargetNotFoundIsRetriedWithTheSameKey()
    {
        Harness h;
        auto p = h.post("Hello from Herald", kNow - 60);
        const auto id = p.targets[0].id;
        QVERIFY(engine::PublishQueue(h.db).claim(id, "key-1", kNow - 60).value());
        // Own posts hold only an older post with the same text and a newer one with other text.
        h.server.route("GET", kOwnStatuses,
                       {answer("[" + status("2", "<p>Other text</p>", kNow - 30) + "," +
                               status("1", "<p>Hello from Herald</p>", kNow - 86400) + "]")});
        h.server.route("POST", kStatuses, {fixture("status_created.json")});
        auto report = h.publisher->publishDue();
        QCOMPARE(report->published, 1);
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(1));
        const auto posts = h.server.requests();
        QCOMPARE(posts.back().header("idempotency-key"), std::string("key-1"));
        QCOMPARE(h.target(id).attempts, 2);
    }

    void threadIsPublishedInOrderAsReplies()
    {
        Harness h;
        auto first = h.post("1/2 a thread", kNow - 10);
        // The follow-up is due earlier than its parent; it still waits for the parent.
        auto second = h.post("2/2 the end", kNow - 20, first.id);
        h.server.route("POST", kStatuses,
                       {answer(status("500", "<p>1/2 a thread</p>", kNow)),
                        answer(status("501", "<p>2/2 the end</p>", kNow, "500"))});
        auto report = h.publisher->publishDue();
        QVERIFY(report);
        QCOMPARE(report->published, 2);
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        QVERIFY(requests[0].body.find("1%2F2") != std::string::npos);
        QVERIFY(requests[0].body.find("in_reply_to_id") == std::string::npos);
        QVERIFY2(requests[1].body.find("in_reply_to_id=500") != std::string::npos, requests[1].body.c_str());
        QCOMPARE(h.target(second.targets[0].id).status, PostStatus::Published);
    }

    void followUpOfFailedPostFails()
    {
        Harness h;
        auto first = h.post("1/2", kNow - 10);
        auto second = h.post("2/2", kNow - 10, first.id);
        h.server.route("POST", kStatuses, {fixture("error_422.json", 422)});
        auto report = h.publisher->publishDue();
        QCOMPARE(report->failed, 2);
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(1));
        QVERIFY(h.lastError(second.targets[0].id).find("thread") != std::string::npos);
    }

    void mediaUploadedAndMissingMediaCaught()
    {
        Harness h;
        const std::string source = h.folder.path("photo.png");
        std::ofstream(source, std::ios::binary) << "\x89PNG fake bytes for the upload";
        auto media = importMediaFile(source, mediaFolderFor(h.path), "A photo");
        QVERIFY(media);
        engine::Post p;
        p.body = "With a picture";
        p.status = PostStatus::Scheduled;
        p.localTime = "2026-08-01T17:00";
        p.timeZone = "Europe/Berlin";
        p.scheduledUtc = kNow;
        p.createdUtc = p.updatedUtc = kNow;
        engine::PostTarget t;
        t.accountId = h.accountId;
        p.targets.push_back(t);
        must(engine::PostEditor(h.db).create(p, {*media}));
        h.server.route("POST", "/api/v2/media", {fixture("media_image.json")});
        h.server.route("POST", kStatuses, {fixture("status_created.json")});
        QCOMPARE(h.publisher->publishDue()->published, 1);
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(requests[0].path, std::string("/api/v2/media"));
        const auto file = requests[0].formFiles.find("file");
        QVERIFY(file != requests[0].formFiles.end());
        QCOMPARE(file->second, std::string("\x89PNG fake bytes for the upload"));
        const auto alt = requests[0].formFiles.find("description");
        QVERIFY(alt != requests[0].formFiles.end());
        QCOMPARE(alt->second, std::string("A photo"));
        QVERIFY(requests[1].body.find("media_ids") != std::string::npos);

        // The same post again, but its file vanished: failed before anything is sent.
        auto copy = engine::PostEditor(h.db).duplicate(p.id, kNow);
        must(engine::PostEditor(h.db).reschedule(*copy, {"2026-08-01T17:00", "Europe/Berlin", kNow}, kNow));
        must(engine::PostEditor(h.db).schedule(*copy, kNow));
        std::filesystem::remove(resolveMediaPath(mediaFolderFor(h.path), media->path));
        auto report = h.publisher->publishDue();
        QCOMPARE(report->failed, 1);
        QVERIFY(report->outcomes.front().error.find("missing") != std::string::npos);
        QCOMPARE(h.server.requests().size(), std::size_t(2));
    }

    void handedToThePlatformSchedulerAhead()
    {
        Harness h;
        const std::int64_t at = 1785661200; // 2026-08-02T09:00Z, the fixture's scheduled_at
        auto p = h.post("Tomorrow morning", at);
        must(engine::PublishQueue(h.db).setPlatformScheduled(p.targets[0].id, true));
        auto other = h.post("Tomorrow too, sent by Herald", at);
        h.server.route("POST", kStatuses, {fixture("scheduled_status.json")});
        auto due = h.publisher->dueNow();
        QCOMPARE(due->size(), std::size_t(1));
        QCOMPARE(h.publisher->publishDue()->published, 1);
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(1));
        QVERIFY2(requests[0].body.find("scheduled_at=2026-08-02T09%3A00%3A00Z") != std::string::npos,
                 requests[0].body.c_str());
        const auto t = h.target(p.targets[0].id);
        QCOMPARE(t.status, PostStatus::Published);
        QCOMPARE(h.target(other.targets[0].id).status, PostStatus::Scheduled);
        auto stmt = h.db.prepare("SELECT external_id, published_utc FROM post_targets WHERE id = " +
                                 std::to_string(t.targetId));
        QVERIFY((*stmt)->step().value());
        QCOMPARE((*stmt)->text(0), std::string("3221"));
        QCOMPARE((*stmt)->int64(1), at);
        (*stmt)->reset();
    }

    // One post for Mastodon, Bluesky and X, planned for later: nothing goes out before its time, then
    // each network gets its own request and the calendar shows each link.
    void publishedAtItsTimeOnEveryNetwork()
    {
        Harness h;
        const auto bluesky = h.addAccount(engine::Platform::Bluesky);
        const auto x = h.addAccount(engine::Platform::X);
        h.server.route("POST", kStatuses, {fixture("status_created.json")});
        h.server.route("POST", kCreateRecord, {FixtureServer::json("bluesky/create_record.json")});
        h.server.route("POST", kTweets, {FixtureServer::json("x/tweet_created.json", 201)});
        auto p = h.post("Hello from Herald", kNow + 3600, {}, {h.accountId, bluesky, x});

        auto early = h.publisher->publishDue();
        QVERIFY(early);
        QCOMPARE(early->outcomes.size(), std::size_t(0));
        QCOMPARE(h.server.requests().size(), std::size_t(0));

        h.clock.set(kNow + 3600);
        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 3);
        QCOMPARE(h.server.requestCount(kStatuses), std::size_t(1));
        QCOMPARE(h.server.requestCount(kCreateRecord), std::size_t(1));
        QCOMPARE(h.server.requestCount(kTweets), std::size_t(1));
        const auto record = nlohmann::json::parse(h.server.requests().at(1).body);
        QCOMPARE(record.at("repo").get<std::string>(), kDid);
        QCOMPARE(record.at("record").at("text").get<std::string>(), std::string("Hello from Herald"));
        const auto tweet = nlohmann::json::parse(h.server.requests().at(2).body);
        QCOMPARE(tweet.at("text").get<std::string>(), std::string("Hello from Herald"));

        auto entry = engine::CalendarQuery(h.db).entry(p.id).value();
        QCOMPARE(entry->status, PostStatus::Published);
        std::map<std::int64_t, std::string> links;
        for (const auto& t : entry->targets) {
            QCOMPARE(t.status, PostStatus::Published);
            links[t.accountId] = t.permalink;
        }
        QCOMPARE(links[h.accountId], std::string("https://mastodon.example/@herald/117030000000000001"));
        QCOMPARE(links[bluesky], std::string("https://bsky.app/profile/herald.bsky.social/post/3m6cn7qwqlk2e"));
        QCOMPARE(links[x], std::string("https://x.com/heraldcoffee/status/1991780000000000001"));
    }

    void blueskyThreadRepliesWithRootAndParent()
    {
        Harness h;
        const auto bluesky = h.addAccount(engine::Platform::Bluesky);
        auto first = h.post("1/2 a thread", kNow - 10, {}, {bluesky});
        auto second = h.post("2/2 the end", kNow - 10, first.id, {bluesky});
        h.server.route("POST", kCreateRecord, {answer(blueskyRecord("3m6cthread01")), answer(blueskyRecord("3m6cthread02"))});
        h.server.route("GET", kGetPosts, {answer(blueskyPostView("3m6cthread01", "1/2 a thread"))});
        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 2);
        std::vector<nlohmann::json> records;
        for (const auto& r : h.server.requests()) {
            if (r.path == kGetPosts)
                QCOMPARE(r.query.find("uris")->second, blueskyUri("3m6cthread01"));
            if (r.path == kCreateRecord)
                records.push_back(nlohmann::json::parse(r.body).at("record"));
        }
        QCOMPARE(records.size(), std::size_t(2));
        QVERIFY(!records[0].contains("reply"));
        QCOMPARE(records[1].at("text").get<std::string>(), std::string("2/2 the end"));
        QCOMPARE(records[1].at("reply").at("parent").at("uri").get<std::string>(), blueskyUri("3m6cthread01"));
        QCOMPARE(records[1].at("reply").at("root").at("uri").get<std::string>(), blueskyUri("3m6cthread01"));
        QCOMPARE(records[1].at("reply").at("parent").at("cid").get<std::string>(), std::string("bafyrei3m6cthread01"));
        QCOMPARE(engine::CalendarQuery(h.db).entry(second.id).value()->targets[0].permalink,
                 std::string("https://bsky.app/profile/herald.bsky.social/post/3m6cthread02"));
    }

    void xThreadRepliesToThePreviousTweet()
    {
        Harness h;
        const auto x = h.addAccount(engine::Platform::X);
        auto first = h.post("1/3 a thread", kNow - 10, {}, {x});
        auto second = h.post("2/3 more", kNow - 10, first.id, {x});
        auto third = h.post("3/3 the end", kNow - 10, second.id, {x});
        h.server.route("POST", kTweets,
                       {answer(tweetCreated("1991780000000000011"), 201), answer(tweetCreated("1991780000000000012"), 201),
                        answer(tweetCreated("1991780000000000013"), 201)});
        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 3);
        const auto requests = h.server.requests();
        QCOMPARE(requests.size(), std::size_t(3));
        QVERIFY(!nlohmann::json::parse(requests[0].body).contains("reply"));
        QCOMPARE(nlohmann::json::parse(requests[1].body).at("reply").at("in_reply_to_tweet_id").get<std::string>(),
                 std::string("1991780000000000011"));
        QCOMPARE(nlohmann::json::parse(requests[2].body).at("reply").at("in_reply_to_tweet_id").get<std::string>(),
                 std::string("1991780000000000012"));
        QCOMPARE(engine::CalendarQuery(h.db).entry(third.id).value()->targets[0].permalink,
                 std::string("https://x.com/heraldcoffee/status/1991780000000000013"));
    }

    // X has no idempotency key: after a 503 the tweet may be out. The retry looks first, finds it
    // (its link shown as t.co) and sends nothing.
    void xUnclearFailureIsLookedUpBeforeTheRetry()
    {
        Harness h;
        const auto x = h.addAccount(engine::Platform::X);
        auto p = h.post("News https://acme.example/news?utm_source=x", kNow, {}, {x});
        const auto id = p.targets[0].id;
        h.server.route("POST", kTweets, {FixtureServer::json("x/error_503.json", 503)});
        auto report = h.publisher->publishDue();
        QCOMPARE(report->retrying, 1);
        QCOMPARE(h.target(id).attempts, 1);

        const nlohmann::json tweets = {
            {"data",
             {{{"id", "1991780000000000077"},
               {"text", "News https://t.co/Zx81Qa2bC4"},
               {"created_at", formatIso8601Utc(kNow + 1)},
               {"edit_history_tweet_ids", {"1991780000000000077"}},
               {"public_metrics", {{"retweet_count", 0}, {"reply_count", 0}, {"like_count", 0}, {"quote_count", 0}}}}}},
            {"meta", {{"result_count", 1}, {"newest_id", "1991780000000000077"}, {"oldest_id", "1991780000000000077"}}}};
        h.server.route("GET", kOwnTweets, {answer(tweets.dump())});
        h.clock.set(h.target(id).dueUtc);
        report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 1);
        QVERIFY(report->outcomes.front().reconciled);
        QCOMPARE(h.server.requestCount(kTweets), std::size_t(1));
        QCOMPARE(h.server.requestCount(kOwnTweets), std::size_t(1));
        QCOMPARE(engine::CalendarQuery(h.db).entry(p.id).value()->targets[0].permalink,
                 std::string("https://x.com/heraldcoffee/status/1991780000000000077"));
    }

    void xUnclearFailureNotFoundIsSentAgain()
    {
        Harness h;
        const auto x = h.addAccount(engine::Platform::X);
        auto p = h.post("Only once", kNow, {}, {x});
        const auto id = p.targets[0].id;
        h.server.route("POST", kTweets,
                       {FixtureServer::json("x/error_503.json", 503), FixtureServer::json("x/tweet_created.json", 201)});
        QCOMPARE(h.publisher->publishDue()->retrying, 1);
        h.server.route("GET", kOwnTweets, {FixtureServer::json("x/tweets_empty.json")});
        h.clock.set(h.target(id).dueUtc);
        auto report = h.publisher->publishDue();
        QCOMPARE(report->published, 1);
        QVERIFY(!report->outcomes.front().reconciled);
        QCOMPARE(h.server.requestCount(kOwnTweets), std::size_t(1));
        QCOMPARE(h.server.requestCount(kTweets), std::size_t(2));
        QCOMPARE(h.target(id).attempts, 2);
    }

    void blueskyInterruptedRunFoundInTheAuthorFeed()
    {
        Harness h;
        const auto bluesky = h.addAccount(engine::Platform::Bluesky);
        auto p = h.post("Roasting day 🔥👩‍🍳", 1785395700 /* the fixture post's time */, {}, {bluesky});
        const auto id = p.targets[0].id;
        QVERIFY(engine::PublishQueue(h.db).claim(id, "key-1", kNow - 60).value());
        h.server.route("GET", "/xrpc/app.bsky.feed.getAuthorFeed", {FixtureServer::json("bluesky/author_feed_page2.json")});
        h.server.route("POST", kCreateRecord, {FixtureServer::json("bluesky/create_record.json")});
        auto report = h.publisher->publishDue();
        QVERIFY2(report, report ? "" : report.error().detail.c_str());
        QCOMPARE(report->published, 1);
        QVERIFY(report->outcomes.front().reconciled);
        QCOMPARE(h.server.requestCount(kCreateRecord), std::size_t(0));
        QCOMPARE(engine::CalendarQuery(h.db).entry(p.id).value()->targets[0].permalink,
                 std::string("https://bsky.app/profile/herald.bsky.social/post/3m6bxq2ddd22k"));
    }

    void preflightFindsProblemsAhead()
    {
        Harness h;
        h.server.route("GET", "/api/v1/accounts/verify_credentials", {fixture("error_401.json", 401)});
        auto tooLong = h.post(std::string(501, 'a'), kNow + 3600);
        auto fine = h.post("fine", kNow + 1800);
        auto far = h.post("later", kNow + 86400);
        auto issues = h.publisher->preflight(kNow, kNow + 3600);
        QVERIFY(issues);
        QCOMPARE(issues->size(), std::size_t(2)); // the token problem concerns both
        auto entry = engine::CalendarQuery(h.db).entry(tooLong.id).value();
        QVERIFY2(entry->targets[0].preflightError.find("501 of 500") != std::string::npos,
                 entry->targets[0].preflightError.c_str());
        QVERIFY(entry->targets[0].preflightError.find("token") != std::string::npos);
        QVERIFY(engine::CalendarQuery(h.db).entry(far.id).value()->targets[0].preflightError.empty());
        QCOMPARE(h.server.requestCount("/api/v1/accounts/verify_credentials"), std::size_t(1)); // once per account
        (void)fine;
    }
};

QTEST_APPLESS_MAIN(TestPublisher)
#include "tst_publisher.moc"
