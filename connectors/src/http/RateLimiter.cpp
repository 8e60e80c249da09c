#include "herald/connectors/http/RateLimiter.h"

#include <algorithm>
#include <charconv>

#include "herald/connectors/DateTime.h"
#include "herald/engine/Clock.h"

namespace herald::connectors {

namespace {

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

// The three header families, checked in this order; the first one present wins.
constexpr std::string_view kFamilies[] = {"X-RateLimit-", "x-rate-limit-", "RateLimit-"};

} // namespace

RateLimiter::RateLimiter(const engine::Clock& clock) : m_clock(clock) {}

std::optional<std::int64_t> RateLimiter::resetFromHeaders(const HttpHeaders& headers) const
{
    for (const auto family : kFamilies) {
        const std::string reset = headers.value(std::string(family) + "Reset");
        if (reset.empty())
            continue;
        if (auto iso = parseIso8601Utc(reset))
            return iso;
        if (auto number = parseInteger(reset)) {
            // Unix seconds (X, Bluesky); a small number is the IETF draft's delta in seconds.
            return *number > 1'000'000'000 ? *number : m_clock.nowUtc() + *number;
        }
    }
    return std::nullopt;
}

std::int64_t RateLimiter::waitSeconds(const std::string& host) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_hosts.find(host);
    if (it == m_hosts.end() || !it->second.remaining || *it->second.remaining > 0)
        return 0;
    return std::max<std::int64_t>(0, it->second.resetUtc - m_clock.nowUtc());
}

void RateLimiter::update(const std::string& host, const HttpHeaders& headers)
{
    for (const auto family : kFamilies) {
        const auto remaining = parseInteger(headers.value(std::string(family) + "Remaining"));
        if (!remaining)
            continue;
        const auto reset = resetFromHeaders(headers);
        std::lock_guard lock(m_mutex);
        Budget& budget = m_hosts[host];
        budget.remaining = *remaining;
        budget.resetUtc = reset.value_or(m_clock.nowUtc());
        return;
    }
}

void RateLimiter::block(const std::string& host, std::int64_t resetUtc)
{
    std::lock_guard lock(m_mutex);
    Budget& budget = m_hosts[host];
    budget.remaining = 0;
    budget.resetUtc = std::max(budget.resetUtc, resetUtc);
}

} // namespace herald::connectors
