#pragma once

#include <chrono>

namespace herald::connectors {

/// Where the connectors wait (retry backoff, rate-limit resets, media processing), so tests can
/// advance a fake clock instead of sleeping. Called from the thread that makes the request.
class Sleeper
{
public:
    virtual ~Sleeper() = default;
    virtual void sleepFor(std::chrono::milliseconds duration) = 0;
};

/// Blocks the calling thread.
class ThreadSleeper final : public Sleeper
{
public:
    void sleepFor(std::chrono::milliseconds duration) override;
};

} // namespace herald::connectors
