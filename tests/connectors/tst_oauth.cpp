#include <QTest>

#include <future>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "FakeSleeper.h"
#include "FixtureServer.h"
#include "TestSupport.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/platforms/OAuth.h"

using herald::ErrorCode;
using herald::connectors::HttpClient;
using herald::connectors::HttpClientOptions;
using herald::connectors::HttpResponse;
using herald::connectors::LoopbackReceiver;
using herald::test::FixtureServer;

namespace {

constexpr std::int64_t kNow = 1'785'596'400;

struct Harness
{
    FixtureServer server;
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    HttpClient http{options(), sleeper, clock};

    static HttpClientOptions options()
    {
        HttpClientOptions o;
        o.maxAttempts = 1;
        o.totalTimeout = std::chrono::milliseconds(3000);
        return o;
    }
};

// What a browser does after the authorization page: one GET to the redirect URI.
herald::Result<HttpResponse> browserGet(const std::string& url)
{
    herald::engine::FixedClock clock{kNow};
    herald::test::FakeSleeper sleeper{clock};
    HttpClientOptions o;
    o.maxAttempts = 1;
    o.totalTimeout = std::chrono::milliseconds(3000);
    HttpClient http(o, sleeper, clock);
    herald::connectors::HttpRequest request;
    request.url = url;
    return http.send(request);
}

// Sends raw bytes to the receiver and returns its whole answer.
std::string rawExchange(std::uint16_t port, const std::string& bytes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
        (void)::send(fd, bytes.data(), bytes.size(), 0);
        char buffer[4096];
        for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
            answer.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return answer;
}

} // namespace

class TestOAuth : public QObject
{
    Q_OBJECT

private slots:
    void pkceRfc7636AppendixB();
    void base64Url();
    void freshPkceAndState();
    void mastodonAuthorizeUrl();
    void xAuthorizeUrl();
    void mastodonRegisterAndExchange();
    void mastodonExchangeRefused();
    void mastodonRegistrationWrongShape();
    void xExchangeAndRefresh();
    void loopbackReceivesCode();
    void loopbackIgnoresOtherPathsAndBadRequests();
    void loopbackStateMismatch();
    void loopbackUserRefused();
    void loopbackTimeoutAndCancel();
    void loopbackFixedPort();
};

void TestOAuth::pkceRfc7636AppendixB()
{
    QCOMPARE(herald::connectors::pkceChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             std::string("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
}

void TestOAuth::base64Url()
{
    using herald::connectors::base64UrlEncode;
    QCOMPARE(base64UrlEncode(""), std::string());
    QCOMPARE(base64UrlEncode("f"), std::string("Zg"));
    QCOMPARE(base64UrlEncode("fo"), std::string("Zm8"));
    QCOMPARE(base64UrlEncode("foo"), std::string("Zm9v"));
    QCOMPARE(base64UrlEncode("foobar"), std::string("Zm9vYmFy"));
    QCOMPARE(base64UrlEncode(std::string("\xfb\xff\xbf", 3)), std::string("-_-_"));
    // RFC 7636 appendix B's octets of the verifier.
    const unsigned char octets[] = {116, 24,  223, 180, 151, 153, 224, 37,  79, 250, 96, 125, 216, 173, 187, 186,
                                    22,  212, 37,  77,  105, 214, 191, 240, 91, 88,  5,  88,  83,  132, 141, 121};
    QCOMPARE(base64UrlEncode(std::string(reinterpret_cast<const char*>(octets), sizeof octets)),
             std::string("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
}

void TestOAuth::freshPkceAndState()
{
    const auto a = herald::connectors::makePkce();
    const auto b = herald::connectors::makePkce();
    QCOMPARE(a.verifier.size(), std::size_t(43)); // RFC 7636: 43..128 characters
    QVERIFY(a.verifier.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos);
    QCOMPARE(a.challenge, herald::connectors::pkceChallengeS256(a.verifier));
    QCOMPARE(a.challenge.size(), std::size_t(43));
    QVERIFY(a.verifier != b.verifier);
    const std::string state = herald::connectors::makeOAuthState();
    QCOMPARE(state.size(), std::size_t(22));
    QVERIFY(state != herald::connectors::makeOAuthState());
}

void TestOAuth::mastodonAuthorizeUrl()
{
    QCOMPARE(herald::connectors::mastodonAuthorizeUrl("https://mastodon.example/", "cid",
                                                      "http://127.0.0.1:5000/callback", "st8", "chal"),
             std::string("https://mastodon.example/oauth/authorize?response_type=code&client_id=cid"
                         "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&scope=read%20write&state=st8"
                         "&code_challenge=chal&code_challenge_method=S256"));
    // Without PKCE (instances before 4.3) the challenge parameters are left out.
    const std::string plain =
        herald::connectors::mastodonAuthorizeUrl("https://m.example", "cid", "http://127.0.0.1:1/cb", "s");
    QVERIFY(plain.find("code_challenge") == std::string::npos);
}

void TestOAuth::xAuthorizeUrl()
{
    herald::connectors::XOAuthClient client;
    client.clientId = "M1M5R3BMVy1Ua0ZGYkFLcDE6MTpjaQ";
    const std::string url =
        herald::connectors::xAuthorizeUrl(client, "http://127.0.0.1:53682/callback", "state1", "E9Melhoa2Owv");
    QVERIFY2(url.starts_with("https://x.com/i/oauth2/authorize?response_type=code&client_id="
                             "M1M5R3BMVy1Ua0ZGYkFLcDE6MTpjaQ&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback"),
             url.c_str());
    QVERIFY(url.find("&scope=tweet.read%20tweet.write%20users.read%20follows.read%20media.write%20offline.access") !=
            std::string::npos);
    QVERIFY(url.ends_with("&state=state1&code_challenge=E9Melhoa2Owv&code_challenge_method=S256"));
}

void TestOAuth::mastodonRegisterAndExchange()
{
    Harness h;
    h.server.route("POST", "/api/v1/apps", {FixtureServer::json("oauth/mastodon_app.json")});
    h.server.route("POST", "/oauth/token", {FixtureServer::json("oauth/mastodon_token.json")});
    auto receiver = LoopbackReceiver::listen();
    QVERIFY2(receiver, receiver ? "" : receiver.error().detail.c_str());
    const std::string redirect = (*receiver)->redirectUri();
    const auto app = herald::connectors::registerMastodonApp(h.http, h.server.baseUrl(), redirect);
    QVERIFY2(app, app ? "" : app.error().detail.c_str());
    QCOMPARE(app->clientId, std::string("TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM"));
    const auto registration = h.server.requests().at(0);
    QVERIFY(registration.body.find("client_name=Herald") != std::string::npos);
    QVERIFY(registration.body.find("redirect_uris=" + herald::connectors::urlEncode(redirect)) != std::string::npos);
    QVERIFY(registration.body.find("scopes=read%20write") != std::string::npos);

    // The browser part: the user approves, the instance redirects to the receiver.
    const auto pkce = herald::connectors::makePkce();
    const std::string state = herald::connectors::makeOAuthState();
    const std::string authorize =
        herald::connectors::mastodonAuthorizeUrl(h.server.baseUrl(), app->clientId, redirect, state, pkce.challenge);
    QVERIFY(authorize.find(herald::connectors::urlEncode(redirect)) != std::string::npos);
    auto browser =
        std::async(std::launch::async, [&] { return browserGet(redirect + "?code=Auth-Code_123&state=" + state); });
    const auto code = (*receiver)->waitForCode(state, std::chrono::seconds(5));
    QVERIFY2(code, code ? "" : code.error().detail.c_str());
    QCOMPARE(code->code, std::string("Auth-Code_123"));
    QVERIFY(browser.get());

    const auto credentials =
        herald::connectors::exchangeMastodonCode(h.http, h.server.baseUrl(), *app, code->code, redirect, pkce.verifier);
    QVERIFY2(credentials, credentials ? "" : credentials.error().detail.c_str());
    QCOMPARE(credentials->accessToken, std::string("ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"));
    QCOMPARE(credentials->clientId, app->clientId);
    QCOMPARE(credentials->clientSecret, app->clientSecret);
    QCOMPARE(credentials->expiresUtc, std::int64_t(0));
    QVERIFY(credentials->refreshToken.empty());
    const auto token = h.server.requests().at(1);
    QCOMPARE(token.path, std::string("/oauth/token"));
    QVERIFY(token.body.starts_with("grant_type=authorization_code&code=Auth-Code_123&client_id="));
    QVERIFY(token.body.find("&code_verifier=" + pkce.verifier) != std::string::npos);
    QVERIFY(token.body.find("&redirect_uri=" + herald::connectors::urlEncode(redirect)) != std::string::npos);
}

void TestOAuth::mastodonExchangeRefused()
{
    Harness h;
    h.server.route("POST", "/oauth/token", {FixtureServer::json("oauth/mastodon_invalid_grant.json", 400)});
    const auto credentials = herald::connectors::exchangeMastodonCode(
        h.http, h.server.baseUrl(), {"id", "secret-value"}, "bad-code", "http://127.0.0.1:1/callback");
    QCOMPARE(credentials.error().code, ErrorCode::Invalid);
    QVERIFY(credentials.error().detail.find("invalid_grant") != std::string::npos);
    QVERIFY(credentials.error().detail.find("secret-value") == std::string::npos);
}

void TestOAuth::mastodonRegistrationWrongShape()
{
    Harness h;
    h.server.route("POST", "/api/v1/apps", {FixtureServer::json("oauth/mastodon_app_wrong_shape.json")});
    QCOMPARE(herald::connectors::registerMastodonApp(h.http, h.server.baseUrl(), "http://127.0.0.1:1/cb").error().code,
             ErrorCode::Parse);
    auto cut = FixtureServer::json("oauth/mastodon_token.json");
    cut.truncate = true;
    h.server.route("POST", "/oauth/token", {cut});
    QCOMPARE(herald::connectors::exchangeMastodonCode(h.http, h.server.baseUrl(), {"a", "b"}, "c", "d").error().code,
             ErrorCode::Parse);
}

void TestOAuth::xExchangeAndRefresh()
{
    Harness h;
    h.server.route("POST", "/2/oauth2/token", {FixtureServer::json("x/token_exchange.json")});
    herald::connectors::XOAuthClient client;
    client.clientId = "cid-123";
    client.apiBaseUrl = h.server.baseUrl();
    const auto credentials =
        herald::connectors::exchangeXCode(h.http, client, "code-9", "http://127.0.0.1:53682/callback", "verifier-1");
    QVERIFY2(credentials, credentials ? "" : credentials.error().detail.c_str());
    QCOMPARE(credentials->accessToken, std::string("VGhpcyBpcyBhbiBhY2Nlc3MgdG9rZW4tb25l"));
    QCOMPARE(credentials->refreshToken, std::string("cmVmcmVzaCB0b2tlbi1vbmU"));
    QCOMPARE(credentials->expiresUtc, kNow + 7200);
    QCOMPARE(credentials->clientId, std::string("cid-123"));
    QCOMPARE(h.server.requests().at(0).body,
             std::string("grant_type=authorization_code&code=code-9&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2F"
                         "callback&code_verifier=verifier-1&client_id=cid-123"));
    QCOMPARE(h.server.requests().at(0).header("authorization"), std::string());

    // A confidential client authenticates with HTTP Basic (standard base64 with padding).
    client.clientSecret = "s3cr?t";
    h.server.route("POST", "/2/oauth2/token", {FixtureServer::json("x/token_refresh.json")});
    const auto refreshed = herald::connectors::refreshXToken(h.http, client, "old-refresh");
    QVERIFY(refreshed);
    QCOMPARE(refreshed->refreshToken, std::string("bWF5YmUgYSBuZXcgcmVmcmVzaCB0b2tlbi10d28"));
    QCOMPARE(h.server.requests().at(1).header("authorization"), std::string("Basic Y2lkLTEyMzpzM2NyP3Q="));
    QCOMPARE(herald::connectors::refreshXToken(h.http, client, "").error().code, ErrorCode::AuthExpired);
}

void TestOAuth::loopbackReceivesCode()
{
    auto receiver = LoopbackReceiver::listen();
    QVERIFY2(receiver, receiver ? "" : receiver.error().detail.c_str());
    const auto port = (*receiver)->port();
    QVERIFY(port > 0);
    QCOMPARE((*receiver)->redirectUri(), "http://127.0.0.1:" + std::to_string(port) + "/callback");
    auto browser = std::async(std::launch::async, [&] {
        return browserGet((*receiver)->redirectUri() + "?state=xyz%2B1&code=c%C3%B6de&scope=read");
    });
    const auto code = (*receiver)->waitForCode("xyz+1", std::chrono::seconds(5));
    QVERIFY2(code, code ? "" : code.error().detail.c_str());
    QCOMPARE(code->code, std::string("cöde"));
    QCOMPARE(code->state, std::string("xyz+1"));
    const auto page = browser.get();
    QVERIFY2(page, page ? "" : page.error().detail.c_str());
    QCOMPARE(page->status, 200L);
    QVERIFY(page->body.find("return to Herald") != std::string::npos);
    QCOMPARE(page->headers.value("Content-Type"), std::string("text/html; charset=utf-8"));
}

void TestOAuth::loopbackIgnoresOtherPathsAndBadRequests()
{
    auto receiver = LoopbackReceiver::listen(0, "/cb");
    QVERIFY(receiver);
    const auto port = (*receiver)->port();
    auto client = std::async(std::launch::async, [&] {
        // A browser's preconnect: a connection that never sends a request must not block the redirect.
        const int idle = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        (void)::connect(idle, reinterpret_cast<const sockaddr*>(&address), sizeof address);
        const std::string favicon = rawExchange(port, "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        const std::string post = rawExchange(port, "POST /cb?code=1&state=s HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto real = browserGet((*receiver)->redirectUri() + "?code=real&state=s");
        ::close(idle);
        return std::make_tuple(favicon, post, real.has_value());
    });
    const auto code = (*receiver)->waitForCode("s", std::chrono::seconds(5));
    QVERIFY2(code, code ? "" : code.error().detail.c_str());
    QCOMPARE(code->code, std::string("real"));
    const auto [favicon, post, realOk] = client.get();
    QVERIFY2(favicon.starts_with("HTTP/1.1 404"), favicon.c_str());
    QVERIFY2(post.starts_with("HTTP/1.1 400"), post.c_str());
    QVERIFY(realOk);
}

void TestOAuth::loopbackStateMismatch()
{
    auto receiver = LoopbackReceiver::listen();
    QVERIFY(receiver);
    auto browser = std::async(std::launch::async,
                              [&] { return browserGet((*receiver)->redirectUri() + "?code=abc&state=forged"); });
    const auto code = (*receiver)->waitForCode("expected", std::chrono::seconds(5));
    QCOMPARE(code.error().code, ErrorCode::Invalid);
    QVERIFY(code.error().detail.find("state does not match") != std::string::npos);
    const auto page = browser.get();
    QCOMPARE(page.error().code, ErrorCode::Invalid); // the browser saw 400
}

void TestOAuth::loopbackUserRefused()
{
    auto receiver = LoopbackReceiver::listen();
    QVERIFY(receiver);
    auto browser = std::async(std::launch::async, [&] {
        return browserGet((*receiver)->redirectUri() +
                          "?error=access_denied&error_description=The+resource+owner+denied+the+request.&state=s1");
    });
    const auto code = (*receiver)->waitForCode("s1", std::chrono::seconds(5));
    QCOMPARE(code.error().code, ErrorCode::Permission);
    QVERIFY2(code.error().detail.find("access_denied (The resource owner denied the request.)") != std::string::npos,
             code.error().detail.c_str());
    const auto page = browser.get();
    QVERIFY(page);
    QVERIFY(page->body.find("return to Herald") != std::string::npos);
}

void TestOAuth::loopbackTimeoutAndCancel()
{
    auto receiver = LoopbackReceiver::listen();
    QVERIFY(receiver);
    const auto started = std::chrono::steady_clock::now();
    const auto timedOut = (*receiver)->waitForCode("s", std::chrono::milliseconds(250));
    QCOMPARE(timedOut.error().code, ErrorCode::Timeout);
    QVERIFY(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(250));

    std::stop_source stop;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        stop.request_stop();
    });
    const auto cancelled = (*receiver)->waitForCode("s", std::chrono::seconds(30), stop.get_token());
    canceller.join();
    QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

void TestOAuth::loopbackFixedPort()
{
    auto first = LoopbackReceiver::listen();
    QVERIFY(first);
    const auto port = (*first)->port();
    // The port is taken: a second receiver on it fails clearly.
    const auto second = LoopbackReceiver::listen(port);
    QCOMPARE(second.error().code, ErrorCode::Network);
    QVERIFY(second.error().detail.find(std::to_string(port)) != std::string::npos);
    first->reset();
    const auto again = LoopbackReceiver::listen(port);
    QVERIFY2(again, again ? "" : again.error().detail.c_str());
    QCOMPARE((*again)->port(), port);
    QCOMPARE(LoopbackReceiver::listen(0, "callback").error().code, ErrorCode::Invalid);
}

QTEST_APPLESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
