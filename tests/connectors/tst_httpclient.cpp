#include <QTest>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/DateTime.h"
#include "herald/connectors/http/HttpClient.h"

using herald::ErrorCode;
using herald::connectors::HttpClient;
using herald::connectors::HttpClientOptions;
using herald::connectors::HttpRequest;
using herald::test::FixtureResponse;
using herald::test::FixtureServer;

Q_DECLARE_METATYPE(herald::ErrorCode)

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z
const std::string kToken = "s3cr3t-T0KEN-value-0123456789";

// A client wired to a fake clock and sleeper, with small bounds so the fault cases run fast.
struct Harness
{
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    std::vector<std::string> logLines;
    HttpClient client;

    explicit Harness(HttpClientOptions options = {}) : client(withLog(std::move(options), logLines), sleeper, clock) {}

    static HttpClientOptions withLog(HttpClientOptions options, std::vector<std::string>& lines)
    {
        options.jitterSeed = 42;
        if (options.totalTimeout == std::chrono::milliseconds(60'000))
            options.totalTimeout = std::chrono::milliseconds(5'000);
        options.log = [&lines](const std::string& line) { lines.push_back(line); };
        return options;
    }
};

HttpRequest get(const FixtureServer& server, const std::string& path)
{
    HttpRequest request;
    request.url = server.baseUrl() + path;
    request.headers.add("Authorization", "Bearer " + kToken);
    return request;
}

FixtureResponse answer(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {})
{
    FixtureResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void urlPolicy_data();
    void urlPolicy();
    void refusesPlainHttpToRemoteHostBeforeSending();
    void getReturnsBodyAndCaseInsensitiveHeaders();
    void reusesConnection();
    void statusClassification_data();
    void statusClassification();
    void retryAfterSecondsIsWaitedThenSucceeds();
    void retryAfterHttpDateAndMastodonResetHeader_data();
    void retryAfterHttpDateAndMastodonResetHeader();
    void rateLimitLongerThanAllowedIsReturned();
    void serverErrorsRetriedWithBoundedJitteredBackoff();
    void serverErrorsUntilLimitGiveTransientError();
    void retryBudgetBoundsTotalWait();
    void postWithoutIdempotencyKeyIsNotRetried();
    void timeoutIsClassified();
    void connectionRefusedIsNetwork();
    void exhaustedBudgetWaitsOrRefuses();
    void tokensNeverInDetailsOrLogs();
    void formAndMultipartBodies();
    void platformMessages_data();
    void platformMessages();
    void redactsSecretQueryParameters();
    void iso8601_data();
    void iso8601();
    void httpDateAndFormatting();
};

void TestHttpClient::urlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << "https://mastodon.social/api/v1/instance" << true;
    QTest::newRow("http-127.0.0.1") << "http://127.0.0.1:8080/x" << true;
    QTest::newRow("http-127.5.6.7") << "http://127.5.6.7/x" << true;
    QTest::newRow("http-localhost") << "http://localhost:3000/" << true;
    QTest::newRow("http-ipv6-loopback") << "http://[::1]:9000/" << true;
    QTest::newRow("http-remote") << "http://mastodon.social/api" << false;
    QTest::newRow("http-private-lan") << "http://10.0.0.1/" << false;
    QTest::newRow("http-loopback-lookalike") << "http://127.0.0.1.evil.example/" << false;
    QTest::newRow("http-localhost-subdomain") << "http://localhost.evil.example/" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1/file" << false;
    QTest::newRow("garbage") << "not a url" << false;
}

void TestHttpClient::urlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    const auto result = herald::connectors::checkUrlAllowed(url.toStdString());
    QCOMPARE(result.has_value(), allowed);
    if (!allowed)
        QCOMPARE(result.error().code, ErrorCode::Invalid);
}

void TestHttpClient::refusesPlainHttpToRemoteHostBeforeSending()
{
    Harness h;
    HttpRequest request;
    request.url = "http://example.org/api/v1/statuses?access_token=" + kToken;
    const auto result = h.client.send(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QVERIFY(result.error().detail.find("loopback") != std::string::npos);
    QVERIFY(h.logLines.empty()); // nothing was attempted
}

void TestHttpClient::getReturnsBodyAndCaseInsensitiveHeaders()
{
    FixtureServer server;
    server.route("GET", "/hello", {answer(200, R"({"ok":true})", {{"X-Custom-Thing", "v1"}})});
    Harness h;
    const auto result = h.client.send(get(server, "/hello"));
    QVERIFY2(result, result ? "" : result.error().detail.c_str());
    QCOMPARE(result->status, 200L);
    QCOMPARE(result->body, std::string(R"({"ok":true})"));
    QCOMPARE(result->headers.value("x-custom-thing"), std::string("v1"));
    QCOMPARE(result->headers.value("X-CUSTOM-THING"), std::string("v1"));
    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(requests[0].header("user-agent"), HttpClient::userAgent());
    QVERIFY(HttpClient::userAgent().starts_with("Herald/"));
    QVERIFY(requests[0].header("accept-encoding").find("gzip") != std::string::npos);
    QCOMPARE(requests[0].header("authorization"), "Bearer " + kToken);
}

void TestHttpClient::reusesConnection()
{
    FixtureServer server;
    server.route("GET", "/a", {answer(200, "[]")});
    Harness h;
    for (int i = 0; i < 3; ++i)
        QVERIFY(h.client.send(get(server, "/a")));
    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(3));
    QVERIFY(requests[0].remotePort > 0);
    QCOMPARE(requests[1].remotePort, requests[0].remotePort);
    QCOMPARE(requests[2].remotePort, requests[0].remotePort);
}

void TestHttpClient::statusClassification_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::addColumn<herald::ErrorCode>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("401") << 401 << R"({"error":"The access token is invalid"})" << ErrorCode::AuthExpired
                         << "The access token is invalid";
    QTest::newRow("403") << 403 << R"({"error":"This action is outside the authorized scopes"})"
                         << ErrorCode::Permission << "outside the authorized scopes";
    QTest::newRow("404") << 404 << R"({"error":"Record not found"})" << ErrorCode::NotFound << "Record not found";
    QTest::newRow("422") << 422 << R"({"error":"Validation failed: Text can't be blank"})" << ErrorCode::Invalid
                         << "Validation failed: Text can't be blank";
    QTest::newRow("400-oauth") << 400 << R"({"error":"invalid_grant","error_description":"The grant is bad"})"
                               << ErrorCode::Invalid << "invalid_grant (The grant is bad)";
    QTest::newRow("400-html") << 400 << "<html>Bad Request</html>" << ErrorCode::Invalid << "Bad Request";
}

void TestHttpClient::statusClassification()
{
    QFETCH(int, status);
    QFETCH(QString, body);
    QFETCH(herald::ErrorCode, code);
    QFETCH(QString, message);
    FixtureServer server;
    server.route("GET", "/thing", {answer(status, body.toStdString())});
    Harness h;
    const auto result = h.client.send(get(server, "/thing"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    QVERIFY2(result.error().detail.find(message.toStdString()) != std::string::npos, result.error().detail.c_str());
    QVERIFY(result.error().detail.find("HTTP " + std::to_string(status)) != std::string::npos);
    QCOMPARE(server.requestCount("/thing"), std::size_t(1)); // client errors are not retried
    QVERIFY(h.sleeper.sleeps().empty());
}

void TestHttpClient::retryAfterSecondsIsWaitedThenSucceeds()
{
    FixtureServer server;
    server.route("GET", "/limited",
                 {answer(429, R"({"error":"Too many requests"})", {{"Retry-After", "30"}}), answer(200, "[]")});
    Harness h;
    const auto result = h.client.send(get(server, "/limited"));
    QVERIFY2(result, result ? "" : result.error().detail.c_str());
    QCOMPARE(server.requestCount("/limited"), std::size_t(2));
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(30'000));
}

void TestHttpClient::retryAfterHttpDateAndMastodonResetHeader_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expectedWait");
    // kNow is Sat, 01 Aug 2026 15:00:00 GMT.
    QTest::newRow("retry-after-date") << "Retry-After"
                                      << "Sat, 01 Aug 2026 15:00:45 GMT" << 45;
    QTest::newRow("mastodon-iso-reset") << "X-RateLimit-Reset"
                                        << "2026-08-01T15:00:12.627625Z" << 12;
    QTest::newRow("x-unix-reset") << "x-rate-limit-reset"
                                  << "1785596420" << 20;
}

void TestHttpClient::retryAfterHttpDateAndMastodonResetHeader()
{
    QFETCH(QString, header);
    QFETCH(QString, value);
    QFETCH(int, expectedWait);
    FixtureServer server;
    server.route("GET", "/limited",
                 {answer(429, R"({"error":"Too many requests"})",
                         {{header.toStdString(), value.toStdString()}, {"X-RateLimit-Remaining", "0"}}),
                  answer(200, "[]")});
    Harness h;
    const auto result = h.client.send(get(server, "/limited"));
    QVERIFY2(result, result ? "" : result.error().detail.c_str());
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(expectedWait * 1000));
}

void TestHttpClient::rateLimitLongerThanAllowedIsReturned()
{
    FixtureServer server;
    server.route("GET", "/limited", {answer(429, R"({"error":"Too many requests"})", {{"Retry-After", "900"}})});
    Harness h;
    const auto result = h.client.send(get(server, "/limited"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::RateLimited);
    QCOMPARE(herald::connectors::rateLimitWaitSeconds(result.error()), std::optional<std::int64_t>(900));
    QVERIFY(result.error().detail.find("Too many requests") != std::string::npos);
    QCOMPARE(server.requestCount("/limited"), std::size_t(1));
    QVERIFY(h.sleeper.sleeps().empty());
    // The host stays blocked: the next call fails at once without sending.
    const auto again = h.client.send(get(server, "/limited"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::RateLimited);
    QCOMPARE(server.requestCount("/limited"), std::size_t(1));
}

void TestHttpClient::serverErrorsRetriedWithBoundedJitteredBackoff()
{
    FixtureServer server;
    server.route("GET", "/flaky", {answer(500, R"({"error":"boom"})"), answer(503, "{}"), answer(200, "[]")});
    HttpClientOptions options;
    options.backoffBase = std::chrono::milliseconds(100);
    Harness h(options);
    const auto result = h.client.send(get(server, "/flaky"));
    QVERIFY2(result, result ? "" : result.error().detail.c_str());
    QCOMPARE(server.requestCount("/flaky"), std::size_t(3));
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(2));
    QVERIFY(h.sleeper.sleeps()[0] <= std::chrono::milliseconds(100)); // base * 2^0
    QVERIFY(h.sleeper.sleeps()[1] <= std::chrono::milliseconds(200)); // base * 2^1
}

void TestHttpClient::serverErrorsUntilLimitGiveTransientError()
{
    FixtureServer server;
    server.route("GET", "/down", {answer(500, R"({"error":"Internal server error"})")});
    HttpClientOptions options;
    options.maxAttempts = 3;
    Harness h(options);
    const auto result = h.client.send(get(server, "/down"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY2(result.error().detail.find("HTTP 500: Internal server error") != std::string::npos,
             result.error().detail.c_str());
    QVERIFY(result.error().detail.find("gave up after 3 attempts") != std::string::npos);
    QCOMPARE(server.requestCount("/down"), std::size_t(3));
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(2));
}

void TestHttpClient::retryBudgetBoundsTotalWait()
{
    FixtureServer server;
    server.route("GET", "/down", {answer(502, "{}")});
    HttpClientOptions options;
    options.maxAttempts = 50;
    options.backoffBase = std::chrono::milliseconds(1000);
    options.backoffCap = std::chrono::milliseconds(4000);
    options.maxTotalWait = std::chrono::milliseconds(6000);
    Harness h(options);
    const auto result = h.client.send(get(server, "/down"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Network);
    QVERIFY(h.sleeper.total() <= std::chrono::milliseconds(6000));
    QVERIFY(server.requestCount("/down") < 50);
    for (const auto s : h.sleeper.sleeps())
        QVERIFY(s <= std::chrono::milliseconds(4000));
}

void TestHttpClient::postWithoutIdempotencyKeyIsNotRetried()
{
    FixtureServer server;
    server.route("POST", "/api/v1/statuses", {answer(500, "{}"), answer(200, "{}")});
    Harness h;
    HttpRequest post = get(server, "/api/v1/statuses");
    post.method = "POST";
    post.form = {{"status", "hello"}};
    QVERIFY(!h.client.send(post));
    QCOMPARE(server.requestCount("/api/v1/statuses"), std::size_t(1));
    post.headers.add("Idempotency-Key", "key-1");
    QVERIFY(h.client.send(post)); // the route's next answer is the 200
}

void TestHttpClient::timeoutIsClassified()
{
    FixtureServer server;
    FixtureResponse slow = answer(200, "[]");
    slow.delay = std::chrono::milliseconds(1500);
    server.route("GET", "/slow", {slow});
    HttpClientOptions options;
    options.totalTimeout = std::chrono::milliseconds(300);
    options.maxAttempts = 2;
    Harness h(options);
    const auto result = h.client.send(get(server, "/slow"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Timeout);
    QCOMPARE(server.requestCount("/slow"), std::size_t(2)); // retried once, then given up
}

void TestHttpClient::connectionRefusedIsNetwork()
{
    std::string deadUrl;
    {
        FixtureServer server; // bind a port, then free it so nothing listens there
        deadUrl = server.baseUrl() + "/gone";
    }
    HttpClientOptions options;
    options.maxAttempts = 2;
    Harness h(options);
    HttpRequest request;
    request.url = deadUrl;
    const auto result = h.client.send(request);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Network);
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
}

void TestHttpClient::exhaustedBudgetWaitsOrRefuses()
{
    FixtureServer server;
    server.route(
        "GET", "/short",
        {answer(200, "[]", {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "2026-08-01T15:00:20.5Z"}})});
    server.route("GET", "/long",
                 {answer(200, "[]", {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", "2026-08-01T16:00:00Z"}})});
    Harness h;
    QVERIFY(h.client.send(get(server, "/short")));
    QVERIFY(h.sleeper.sleeps().empty());
    QVERIFY(h.client.send(get(server, "/short"))); // waits 20 s through the sleeper first
    QCOMPARE(h.sleeper.sleeps().size(), std::size_t(1));
    QCOMPARE(h.sleeper.sleeps()[0], std::chrono::milliseconds(20'000));

    QVERIFY(h.client.send(get(server, "/long")));
    const auto refused = h.client.send(get(server, "/long"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::RateLimited);
    const auto wait = herald::connectors::rateLimitWaitSeconds(refused.error());
    QVERIFY(wait && *wait > 3000 && *wait <= 3600);
    QCOMPARE(server.requestCount("/long"), std::size_t(1));
}

void TestHttpClient::tokensNeverInDetailsOrLogs()
{
    FixtureServer server;
    // A hostile error body that echoes the token back must not carry it into the detail either.
    server.route("GET", "/echo", {answer(401, R"({"error":"bad token )" + kToken + R"("})")});
    server.route("POST", "/oauth/token", {answer(400, R"({"error":"invalid_grant"})")});
    server.route("GET", "/down", {answer(500, "{}")});
    HttpClientOptions options;
    options.maxAttempts = 2;
    Harness h(options);
    std::vector<herald::Error> errors;

    HttpRequest echo = get(server, "/echo?access_token=" + kToken + "&limit=5");
    errors.push_back(h.client.send(echo).error());
    HttpRequest token;
    token.method = "POST";
    token.url = server.baseUrl() + "/oauth/token";
    token.form = {{"grant_type", "authorization_code"}, {"code", kToken}, {"client_secret", kToken}};
    errors.push_back(h.client.send(token).error());
    errors.push_back(h.client.send(get(server, "/down?token=" + kToken)).error());
    HttpRequest remote;
    remote.url = "http://example.org/x?access_token=" + kToken;
    errors.push_back(h.client.send(remote).error());

    QCOMPARE(errors[0].code, ErrorCode::AuthExpired);
    QVERIFY(errors[0].detail.find("limit=5") != std::string::npos);
    for (const auto& error : errors)
        QVERIFY2(error.detail.find(kToken) == std::string::npos, error.detail.c_str());
    QVERIFY(!h.logLines.empty());
    for (const auto& line : h.logLines)
        QVERIFY2(line.find(kToken) == std::string::npos, line.c_str());
}

void TestHttpClient::formAndMultipartBodies()
{
    FixtureServer server;
    server.route("POST", "/form", {answer(200, "{}")});
    server.route("POST", "/upload", {answer(200, "{}")});
    Harness h;
    HttpRequest form;
    form.method = "POST";
    form.url = server.baseUrl() + "/form";
    form.form = {{"status", "Grüße & more"}, {"media_ids[]", "1"}, {"media_ids[]", "2"}};
    QVERIFY(h.client.send(form));
    HttpRequest upload;
    upload.method = "POST";
    upload.url = server.baseUrl() + "/upload";
    upload.form = {{"description", "A red square"}};
    upload.files = {{"file", "red.png", "image/png", {}, std::string("\x89PNG\r\n\x1a\n", 8)}};
    QVERIFY(h.client.send(upload));
    const auto requests = server.requests();
    QCOMPARE(requests.size(), std::size_t(2));
    QCOMPARE(requests[0].body, std::string("status=Gr%C3%BC%C3%9Fe%20%26%20more&media_ids%5B%5D=1&media_ids%5B%5D=2"));
    QVERIFY(requests[1].header("content-type").starts_with("multipart/form-data"));
    QCOMPARE(requests[1].formFiles.find("description")->second, std::string("A red square"));
    QCOMPARE(requests[1].formFiles.find("file")->second, std::string("\x89PNG\r\n\x1a\n", 8));
}

void TestHttpClient::platformMessages_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("mastodon") << R"({"error":"Record not found"})"
                              << "Record not found";
    QTest::newRow("bluesky") << R"({"error":"ExpiredToken","message":"Token has expired"})"
                             << "ExpiredToken (Token has expired)";
    QTest::newRow("x") << R"({"title":"Unauthorized","detail":"Unauthorized","type":"about:blank","status":401})"
                       << "Unauthorized";
    QTest::newRow("meta") << R"({"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}})"
                          << "Invalid OAuth access token.";
    QTest::newRow("wrong-shape") << "[1,2,3]"
                                 << "";
    QTest::newRow("text") << "Service\nUnavailable"
                          << "Service Unavailable";
}

void TestHttpClient::platformMessages()
{
    QFETCH(QString, body);
    QFETCH(QString, message);
    QCOMPARE(herald::connectors::platformMessage(body.toStdString()), message.toStdString());
}

void TestHttpClient::redactsSecretQueryParameters()
{
    QCOMPARE(herald::connectors::redactUrl("https://h/x?limit=5&access_token=abc&max_id=9#frag"),
             std::string("https://h/x?limit=5&access_token=REDACTED&max_id=9#frag"));
    QCOMPARE(herald::connectors::redactUrl("https://h/x"), std::string("https://h/x"));
    QCOMPARE(herald::connectors::redactUrl("https://h/cb?code=xyz&state=1"),
             std::string("https://h/cb?code=REDACTED&state=1"));
}

void TestHttpClient::iso8601_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("utc"); // -1 = rejected
    QTest::newRow("mastodon-ms") << "2026-08-01T15:00:00.000Z" << qint64(1785596400);
    QTest::newRow("micro") << "2026-08-01T15:00:00.627625Z" << qint64(1785596400);
    QTest::newRow("offset") << "2026-08-01T17:00:00+02:00" << qint64(1785596400);
    QTest::newRow("offset-no-colon") << "2026-08-01T10:00:00-0500" << qint64(1785596400);
    QTest::newRow("date-only") << "2026-08-01" << qint64(1785542400);
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("leap-day") << "2024-02-29T12:00:00Z" << qint64(1709208000);
    QTest::newRow("no-zone") << "2026-08-01T15:00:00" << qint64(-1);
    QTest::newRow("bad-day") << "2026-02-30T00:00:00Z" << qint64(-1);
    QTest::newRow("garbage") << "yesterday" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void TestHttpClient::iso8601()
{
    QFETCH(QString, text);
    QFETCH(qint64, utc);
    const auto parsed = herald::connectors::parseIso8601Utc(text.toStdString());
    if (utc < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, std::int64_t(utc));
    }
}

void TestHttpClient::httpDateAndFormatting()
{
    QCOMPARE(herald::connectors::parseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT"),
             std::optional<std::int64_t>(1445412480));
    QVERIFY(!herald::connectors::parseHttpDate("Wed, 21 Foo 2015 07:28:00 GMT"));
    QCOMPARE(herald::connectors::formatIso8601Utc(1785596400), std::string("2026-08-01T15:00:00Z"));
    QCOMPARE(herald::connectors::formatIso8601Utc(1709208000), std::string("2024-02-29T12:00:00Z"));
    for (std::int64_t t : {0LL, 951782400LL, 4102444799LL})
        QCOMPARE(herald::connectors::parseIso8601Utc(herald::connectors::formatIso8601Utc(t)), std::optional(t));
}

QTEST_APPLESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
