#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>

#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/Result.h"

namespace herald::connectors {

class HttpClient;

/// A PKCE pair (RFC 7636): the verifier stays with Herald, the S256 challenge goes to the browser.
struct Pkce
{
    std::string verifier;  // 43 characters of base64url
    std::string challenge; // base64url(SHA-256(verifier)), no padding
};

/// Base64url without padding (RFC 4648 section 5).
std::string base64UrlEncode(std::string_view bytes);
/// `bytes` random bytes from OpenSSL's CSPRNG as base64url; throws std::runtime_error if the CSPRNG fails.
std::string randomUrlSafe(std::size_t bytes);
/// The S256 code challenge of `verifier`.
std::string pkceChallengeS256(std::string_view verifier);
/// A fresh verifier (32 random bytes) and its challenge.
Pkce makePkce();
/// A fresh OAuth `state` value (16 random bytes, base64url).
std::string makeOAuthState();

/// A Mastodon OAuth application registered on one instance.
struct MastodonApp
{
    std::string clientId;
    std::string clientSecret;
};

/// POST /api/v1/apps on `baseUrl` with the loopback `redirectUri` and `scopes`.
Result<MastodonApp> registerMastodonApp(HttpClient& http, const std::string& baseUrl, const std::string& redirectUri,
                                        const std::string& clientName = "Herald",
                                        const std::string& scopes = "read write");
/// The browser URL of the instance's /oauth/authorize; `codeChallenge` may be empty (instances before 4.3).
std::string mastodonAuthorizeUrl(const std::string& baseUrl, const std::string& clientId,
                                 const std::string& redirectUri, const std::string& state,
                                 const std::string& codeChallenge = {}, const std::string& scopes = "read write");
/// POST /oauth/token (authorization_code). The credentials carry the app so the account can re-register.
Result<Credentials> exchangeMastodonCode(HttpClient& http, const std::string& baseUrl, const MastodonApp& app,
                                         const std::string& code, const std::string& redirectUri,
                                         const std::string& codeVerifier = {});

/// X compares redirect URIs exactly, port included: the user registers http://127.0.0.1:53682/callback.
inline constexpr std::uint16_t kXRedirectPort = 53682;

/// An X OAuth 2.0 client as registered in the X developer portal.
struct XOAuthClient
{
    std::string clientId;
    std::string clientSecret; // empty for a public client (PKCE only)
    std::string authorizeUrl = "https://x.com/i/oauth2/authorize";
    std::string apiBaseUrl = "https://api.x.com"; // where /2/oauth2/token lives
    std::string scopes = "tweet.read tweet.write users.read follows.read media.write offline.access";
};

/// The browser URL of X's authorization page with the S256 challenge.
std::string xAuthorizeUrl(const XOAuthClient& client, const std::string& redirectUri, const std::string& state,
                          const std::string& codeChallenge);
/// POST /2/oauth2/token (authorization_code + code_verifier). expiresUtc is now + expires_in.
Result<Credentials> exchangeXCode(HttpClient& http, const XOAuthClient& client, const std::string& code,
                                  const std::string& redirectUri, const std::string& codeVerifier);
/// POST /2/oauth2/token (refresh_token). X rotates the refresh token: store the returned one.
Result<Credentials> refreshXToken(HttpClient& http, const XOAuthClient& client, const std::string& refreshToken);

/// What the browser brought back to the loopback redirect.
struct AuthorizationCode
{
    std::string code;
    std::string state;
};

/// Receives one OAuth redirect on http://127.0.0.1:<port><path> (POSIX sockets, loopback only).
/// It never opens a browser: the caller shows the authorize URL. Not thread-safe; one wait at a time.
class LoopbackReceiver
{
public:
    /// Listens on 127.0.0.1; port 0 picks an ephemeral port (X needs the fixed port registered for its client).
    static Result<std::unique_ptr<LoopbackReceiver>> listen(std::uint16_t port = 0, std::string path = "/callback");
    ~LoopbackReceiver();
    LoopbackReceiver(const LoopbackReceiver&) = delete;
    LoopbackReceiver& operator=(const LoopbackReceiver&) = delete;

    /// "http://127.0.0.1:<port><path>".
    std::string redirectUri() const;
    std::uint16_t port() const { return m_port; }

    /// Waits for the redirect carrying ?code=&state= (or ?error=) and answers the browser with a short page.
    /// Requests to other paths get 404 and the wait goes on. Errors: Timeout, Cancelled (stop requested),
    /// Invalid (state differs from `expectedState`, or no code), Permission (the user or server refused).
    Result<AuthorizationCode> waitForCode(const std::string& expectedState, std::chrono::milliseconds timeout,
                                          std::stop_token stop = {});

private:
    LoopbackReceiver(int fd, std::uint16_t port, std::string path);

    int m_fd = -1;
    std::uint16_t m_port = 0;
    std::string m_path;
};

} // namespace herald::connectors
