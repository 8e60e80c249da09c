#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "herald/connectors/http/HttpMessage.h"

namespace herald::engine {
class Clock;
}

namespace herald::connectors {

/// Per-host budget learnt from the rate-limit headers the platforms send: X-RateLimit-* (Mastodon,
/// reset as ISO 8601), x-rate-limit-* (X, reset as Unix seconds) and RateLimit-* (Bluesky, Unix
/// seconds). When a host reports no requests remaining, calls to it must wait until the reset.
/// Thread-safe; one limiter may be shared by several clients.
class RateLimiter
{
public:
    explicit RateLimiter(const engine::Clock& clock);

    /// Seconds to wait before the next request to `host` may go out (0 = now).
    std::int64_t waitSeconds(const std::string& host) const;
    /// Records the budget a response from `host` announced; responses without the headers change nothing.
    void update(const std::string& host, const HttpHeaders& headers);
    /// Marks `host` exhausted until `resetUtc` (after a 429).
    void block(const std::string& host, std::int64_t resetUtc);
    /// The reset instant (UTC epoch seconds) a set of headers announces, if any.
    std::optional<std::int64_t> resetFromHeaders(const HttpHeaders& headers) const;

private:
    struct Budget
    {
        std::optional<std::int64_t> remaining;
        std::int64_t resetUtc = 0;
    };

    const engine::Clock& m_clock;
    mutable std::mutex m_mutex;
    std::map<std::string, Budget> m_hosts;
};

} // namespace herald::connectors
