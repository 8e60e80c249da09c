#include "herald/connectors/platforms/OAuth.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "herald/connectors/http/HttpClient.h"
#include "herald/engine/Clock.h"

namespace herald::connectors {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxRequestBytes = 16 * 1024;
constexpr int kPollSliceMs = 100; // how often a wait looks at its stop token
// A browser may open a connection without sending on it (preconnect): do not wait on it for long.
constexpr std::chrono::seconds kRequestReadLimit{2};

std::string trimSlash(std::string url)
{
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    return url;
}

std::string stringField(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// {"access_token", "refresh_token"?, "expires_in"?} from Mastodon's or X's token endpoint.
Result<Credentials> parseTokenResponse(const HttpResponse& response, const std::string& what, std::int64_t nowUtc)
{
    const json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return fail(ErrorCode::Parse, what + ": the token response is not a JSON object");
    Credentials credentials;
    credentials.accessToken = stringField(body, "access_token");
    if (credentials.accessToken.empty())
        return fail(ErrorCode::Parse, what + ": the token response has no access_token");
    credentials.refreshToken = stringField(body, "refresh_token");
    if (const auto it = body.find("expires_in"); it != body.end() && it->is_number_integer())
        credentials.expiresUtc = nowUtc + it->get<std::int64_t>();
    return credentials;
}

std::string query(std::initializer_list<std::pair<const char*, std::string>> params)
{
    std::string out;
    for (const auto& [name, value] : params) {
        if (value.empty())
            continue;
        out += out.empty() ? '?' : '&';
        out += name;
        out += '=';
        out += urlEncode(value);
    }
    return out;
}

struct FdCloser
{
    int fd = -1;
    ~FdCloser()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string htmlPage(int status, const std::string& title, const std::string& message)
{
    const std::string body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
                             "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + title +
                             "</h1><p>" + message + "</p></body></html>";
    const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

void sendAll(int fd, const std::string& data)
{
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            return; // the browser went away; nothing useful to do
        sent += static_cast<std::size_t>(n);
    }
}

// Reads up to the end of the request head, bounded in size and time.
std::string readRequestHead(int fd, std::chrono::steady_clock::time_point deadline)
{
    std::string head;
    std::array<char, 2048> buffer{};
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < kMaxRequestBytes) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::min<std::int64_t>(left.count(), 2000))) <= 0)
            break;
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (n <= 0)
            break;
        head.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return head;
}

std::string queryValue(std::string_view queryString, std::string_view name)
{
    std::size_t pos = 0;
    while (pos <= queryString.size()) {
        const std::size_t amp = std::min(queryString.find('&', pos), queryString.size());
        const std::string_view pair = queryString.substr(pos, amp - pos);
        const std::size_t eq = pair.find('=');
        if (urlDecode(pair.substr(0, eq)) == name)
            return eq == std::string_view::npos ? std::string() : urlDecode(pair.substr(eq + 1));
        pos = amp + 1;
    }
    return {};
}

} // namespace

std::string base64UrlEncode(std::string_view bytes)
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (rest == 2 ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        if (rest == 2)
            out += kAlphabet[(n >> 6) & 63];
    }
    return out;
}

std::string randomUrlSafe(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1)
        throw std::runtime_error("OpenSSL's random generator failed");
    return base64UrlEncode(raw);
}

std::string pkceChallengeS256(std::string_view verifier)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(verifier.data(), verifier.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed");
    return base64UrlEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

Pkce makePkce()
{
    Pkce pkce;
    pkce.verifier = randomUrlSafe(32);
    pkce.challenge = pkceChallengeS256(pkce.verifier);
    return pkce;
}

std::string makeOAuthState()
{
    return randomUrlSafe(16);
}

Result<MastodonApp> registerMastodonApp(HttpClient& http, const std::string& baseUrl, const std::string& redirectUri,
                                        const std::string& clientName, const std::string& scopes)
{
    HttpRequest request;
    request.method = "POST";
    request.url = trimSlash(baseUrl) + "/api/v1/apps";
    request.headers.add("Accept", "application/json");
    request.form = {{"client_name", clientName}, {"redirect_uris", redirectUri}, {"scopes", scopes}};
    request.retryUnsafe = true; // a second registered app is harmless
    auto response = http.send(request);
    if (!response)
        return tl::unexpected(response.error());
    const json body = json::parse(response->body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return fail(ErrorCode::Parse, "Mastodon app registration: the response is not a JSON object");
    MastodonApp app{stringField(body, "client_id"), stringField(body, "client_secret")};
    if (app.clientId.empty() || app.clientSecret.empty())
        return fail(ErrorCode::Parse, "Mastodon app registration: the response has no client_id or client_secret");
    return app;
}

std::string mastodonAuthorizeUrl(const std::string& baseUrl, const std::string& clientId,
                                 const std::string& redirectUri, const std::string& state,
                                 const std::string& codeChallenge, const std::string& scopes)
{
    return trimSlash(baseUrl) + "/oauth/authorize" +
           query({{"response_type", "code"},
                  {"client_id", clientId},
                  {"redirect_uri", redirectUri},
                  {"scope", scopes},
                  {"state", state},
                  {"code_challenge", codeChallenge},
                  {"code_challenge_method", codeChallenge.empty() ? std::string() : "S256"}});
}

Result<Credentials> exchangeMastodonCode(HttpClient& http, const std::string& baseUrl, const MastodonApp& app,
                                         const std::string& code, const std::string& redirectUri,
                                         const std::string& codeVerifier)
{
    HttpRequest request;
    request.method = "POST";
    request.url = trimSlash(baseUrl) + "/oauth/token";
    request.headers.add("Accept", "application/json");
    request.form = {{"grant_type", "authorization_code"}, {"code", code},
                    {"client_id", app.clientId},          {"client_secret", app.clientSecret},
                    {"redirect_uri", redirectUri},        {"scope", "read write"}};
    if (!codeVerifier.empty())
        request.form.emplace_back("code_verifier", codeVerifier);
    auto response = http.send(request);
    if (!response)
        return tl::unexpected(response.error());
    auto credentials = parseTokenResponse(*response, "Mastodon token exchange", http.clock().nowUtc());
    if (credentials) {
        credentials->clientId = app.clientId;
        credentials->clientSecret = app.clientSecret;
        credentials->expiresUtc = 0; // Mastodon user tokens last until revoked
    }
    return credentials;
}

std::string xAuthorizeUrl(const XOAuthClient& client, const std::string& redirectUri, const std::string& state,
                          const std::string& codeChallenge)
{
    return client.authorizeUrl + query({{"response_type", "code"},
                                        {"client_id", client.clientId},
                                        {"redirect_uri", redirectUri},
                                        {"scope", client.scopes},
                                        {"state", state},
                                        {"code_challenge", codeChallenge},
                                        {"code_challenge_method", "S256"}});
}

namespace {

// RFC 4648 section 4 with padding, as HTTP Basic wants it.
std::string base64Standard(std::string_view bytes)
{
    std::string out = base64UrlEncode(bytes);
    for (char& c : out)
        c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (out.size() % 4 != 0)
        out += '=';
    return out;
}

Result<Credentials> xTokenRequest(HttpClient& http, const XOAuthClient& client,
                                  std::vector<std::pair<std::string, std::string>> form, const std::string& what)
{
    HttpRequest request;
    request.method = "POST";
    request.url = trimSlash(client.apiBaseUrl) + "/2/oauth2/token";
    request.form = std::move(form);
    request.form.emplace_back("client_id", client.clientId);
    if (!client.clientSecret.empty()) // a confidential client authenticates with HTTP Basic
        request.headers.add("Authorization", "Basic " + base64Standard(client.clientId + ":" + client.clientSecret));
    auto response = http.send(request);
    if (!response)
        return tl::unexpected(response.error());
    auto credentials = parseTokenResponse(*response, what, http.clock().nowUtc());
    if (credentials) {
        credentials->clientId = client.clientId;
        credentials->clientSecret = client.clientSecret;
    }
    return credentials;
}

} // namespace

Result<Credentials> exchangeXCode(HttpClient& http, const XOAuthClient& client, const std::string& code,
                                  const std::string& redirectUri, const std::string& codeVerifier)
{
    return xTokenRequest(http, client,
                         {{"grant_type", "authorization_code"},
                          {"code", code},
                          {"redirect_uri", redirectUri},
                          {"code_verifier", codeVerifier}},
                         "X token exchange");
}

Result<Credentials> refreshXToken(HttpClient& http, const XOAuthClient& client, const std::string& refreshToken)
{
    if (refreshToken.empty())
        return fail(ErrorCode::AuthExpired, "X token refresh: no refresh token (offline.access was not granted)");
    auto credentials = xTokenRequest(http, client, {{"grant_type", "refresh_token"}, {"refresh_token", refreshToken}},
                                     "X token refresh");
    if (credentials && credentials->refreshToken.empty())
        credentials->refreshToken = refreshToken; // not rotated this time
    return credentials;
}

Result<std::unique_ptr<LoopbackReceiver>> LoopbackReceiver::listen(std::uint16_t port, std::string path)
{
    if (path.empty() || path.front() != '/')
        return fail(ErrorCode::Invalid, "the loopback redirect path must start with '/'");
    FdCloser socket{::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)};
    if (socket.fd < 0)
        return fail(ErrorCode::Network, std::string("loopback receiver: socket() failed: ") + std::strerror(errno));
    const int yes = 1;
    ::setsockopt(socket.fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::bind(socket.fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return fail(ErrorCode::Network,
                    "loopback receiver: cannot bind 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno));
    if (::listen(socket.fd, 8) != 0)
        return fail(ErrorCode::Network, std::string("loopback receiver: listen() failed: ") + std::strerror(errno));
    socklen_t length = sizeof address;
    if (::getsockname(socket.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return fail(ErrorCode::Network,
                    std::string("loopback receiver: getsockname() failed: ") + std::strerror(errno));
    const int fd = socket.fd;
    socket.fd = -1;
    return std::unique_ptr<LoopbackReceiver>(new LoopbackReceiver(fd, ntohs(address.sin_port), std::move(path)));
}

LoopbackReceiver::LoopbackReceiver(int fd, std::uint16_t port, std::string path)
    : m_fd(fd), m_port(port), m_path(std::move(path))
{
}

LoopbackReceiver::~LoopbackReceiver()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::string LoopbackReceiver::redirectUri() const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + m_path;
}

Result<AuthorizationCode> LoopbackReceiver::waitForCode(const std::string& expectedState,
                                                        std::chrono::milliseconds timeout, std::stop_token stop)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (stop.stop_requested())
            return fail(ErrorCode::Cancelled, "sign-in cancelled while waiting for the browser");
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return fail(ErrorCode::Timeout,
                        "no answer from the browser within " + std::to_string(timeout.count() / 1000) + " s");
        pollfd p{m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<std::int64_t>(left.count(), kPollSliceMs)));
        if (ready < 0 && errno != EINTR)
            return fail(ErrorCode::Network, std::string("loopback receiver: poll() failed: ") + std::strerror(errno));
        if (ready <= 0)
            continue;
        FdCloser client{::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC)};
        if (client.fd < 0)
            continue;
        const std::string head =
            readRequestHead(client.fd, std::min(deadline, std::chrono::steady_clock::now() + kRequestReadLimit));
        // Request line: "GET /callback?code=..&state=.. HTTP/1.1"
        const std::size_t lineEnd = head.find("\r\n");
        const std::string line = head.substr(0, lineEnd);
        const std::size_t firstSpace = line.find(' ');
        const std::size_t secondSpace = line.find(' ', firstSpace == std::string::npos ? 0 : firstSpace + 1);
        if (firstSpace == std::string::npos || secondSpace == std::string::npos ||
            line.substr(0, firstSpace) != "GET") {
            sendAll(client.fd, htmlPage(400, "Bad request", "Herald expected the sign-in redirect here."));
            continue;
        }
        const std::string target = line.substr(firstSpace + 1, secondSpace - firstSpace - 1);
        const std::size_t question = target.find('?');
        if (target.substr(0, question) != m_path) {
            sendAll(client.fd, htmlPage(404, "Not found", "This is Herald's sign-in receiver."));
            continue; // e.g. /favicon.ico: keep waiting for the redirect
        }
        const std::string params = question == std::string::npos ? std::string() : target.substr(question + 1);
        const std::string state = queryValue(params, "state");
        if (state != expectedState) {
            sendAll(client.fd, htmlPage(400, "Sign-in not accepted",
                                        "The answer did not match the sign-in Herald started. Start again from "
                                        "Herald."));
            return fail(ErrorCode::Invalid, "the redirect's state does not match the sign-in request (possible "
                                            "forgery); start the sign-in again");
        }
        if (const std::string error = queryValue(params, "error"); !error.empty()) {
            sendAll(client.fd, htmlPage(200, "Sign-in refused",
                                        "Herald was not authorised. You can close this tab "
                                        "and return to Herald."));
            std::string detail = "authorisation refused: " + error;
            if (const std::string description = queryValue(params, "error_description"); !description.empty())
                detail += " (" + description.substr(0, 300) + ")";
            return fail(ErrorCode::Permission, detail);
        }
        const std::string code = queryValue(params, "code");
        if (code.empty()) {
            sendAll(client.fd, htmlPage(400, "Sign-in not accepted", "The redirect carried no authorisation code."));
            return fail(ErrorCode::Invalid, "the redirect carried no authorisation code");
        }
        sendAll(client.fd, htmlPage(200, "Signed in",
                                    "Herald is now authorised. You can close this tab and return "
                                    "to Herald."));
        return AuthorizationCode{code, state};
    }
}

} // namespace herald::connectors
