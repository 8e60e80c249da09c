#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <string_view>

#include "herald/connectors/http/HttpMessage.h"
#include "herald/connectors/http/RateLimiter.h"
#include "herald/connectors/http/Sleeper.h"
#include "herald/engine/Result.h"

namespace herald::engine {
class Clock;
}

namespace herald::connectors {

struct HttpClientOptions
{
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{60'000}; // per attempt, transfer included
    int maxAttempts = 4;                            // first try included
    std::chrono::milliseconds backoffBase{500};     // backoff before retry n is uniform in [0, base * 2^n]
    std::chrono::milliseconds backoffCap{30'000};
    std::chrono::milliseconds maxTotalWait{120'000}; // budget for all sleeps of one send()
    /// A rate-limit wait up to this long is slept through; a longer one returns RateLimited at once.
    std::chrono::seconds maxRateLimitWait{60};
    std::uint64_t jitterSeed = 0; // 0 = seeded from std::random_device
    /// Receives one redacted line per attempt ("GET https://host/path?max_id=1 -> 200"); may be empty.
    std::function<void(const std::string&)> log;
};

/// Sends HTTP requests over one libcurl easy handle (so connections are reused), with TLS
/// verification always on, plain http only to loopback hosts, the proxy from the environment,
/// gzip, and the Herald User-Agent. Non-2xx answers and transport failures become herald::Error:
/// 401 AuthExpired, 403 Permission, 404 NotFound, 429 RateLimited (detail ends "retry after N s"),
/// 400/422 and other 4xx Invalid with the platform's own message, 5xx / connection failures Network
/// and timeouts Timeout, both retried with exponential backoff and full jitter within the bounds of
/// HttpClientOptions. Error details and log lines never contain the Authorization header or
/// token-like query parameters. One request at a time per client (calls are serialised).
class HttpClient
{
public:
    HttpClient(HttpClientOptions options, Sleeper& sleeper, const engine::Clock& clock,
               std::shared_ptr<RateLimiter> limiter = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Sends `request` and returns the 2xx/3xx response, or the classified error.
    Result<HttpResponse> send(const HttpRequest& request);

    Sleeper& sleeper() { return m_sleeper; }
    const engine::Clock& clock() const { return m_clock; }
    RateLimiter& rateLimiter() { return *m_limiter; }
    /// "Herald/<version>".
    static std::string userAgent();

private:
    struct Attempt;
    Attempt attemptOnce(const HttpRequest& request);

    HttpClientOptions m_options;
    Sleeper& m_sleeper;
    const engine::Clock& m_clock;
    std::shared_ptr<RateLimiter> m_limiter;
    std::mutex m_mutex;
    std::mt19937_64 m_rng;
    struct CurlHandle;
    std::unique_ptr<CurlHandle> m_curl;
};

/// Whether the URL may be requested: https anywhere, http only to 127.0.0.0/8, localhost or [::1].
/// Returns the lower-cased host on success.
Result<std::string> checkUrlAllowed(std::string_view url);
/// The URL with the values of token-like query parameters (access_token, token, code, password,
/// client_secret, refresh_token, ...) replaced by "REDACTED", for logs and error details.
std::string redactUrl(std::string_view url);
/// The wait a RateLimited error carries (its "retry after N s"), or nullopt.
std::optional<std::int64_t> rateLimitWaitSeconds(const Error& error);
/// The platform's own message from an error body: {"error": "..."} (Mastodon, OAuth
/// error_description), {"message"} (Bluesky), {"detail"/"title"} (X), {"error":{"message"}} (Meta).
std::string platformMessage(std::string_view body);

} // namespace herald::connectors
