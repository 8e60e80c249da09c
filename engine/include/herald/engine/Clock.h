#pragma once

#include <chrono>
#include <cstdint>

namespace herald::engine {

/// Where "now" comes from, so tests can fix it.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Current instant as UTC epoch seconds.
    virtual std::int64_t nowUtc() const = 0;
};

class SystemClock final : public Clock
{
public:
    std::int64_t nowUtc() const override
    {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

/// A clock that says what it is told (tests).
class FixedClock final : public Clock
{
public:
    explicit FixedClock(std::int64_t utc) : m_utc(utc) {}
    std::int64_t nowUtc() const override { return m_utc; }
    void set(std::int64_t utc) { m_utc = utc; }

private:
    std::int64_t m_utc;
};

} // namespace herald::engine
