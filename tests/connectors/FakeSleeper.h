#pragma once

#include <chrono>
#include <vector>

#include "herald/connectors/http/Sleeper.h"
#include "herald/engine/Clock.h"

namespace herald::test {

/// Records each wait and moves a fixed clock forward instead of sleeping.
class FakeSleeper final : public connectors::Sleeper
{
public:
    explicit FakeSleeper(engine::FixedClock& clock) : m_clock(clock) {}
    void sleepFor(std::chrono::milliseconds duration) override
    {
        m_sleeps.push_back(duration);
        m_carryMs += duration.count();
        m_clock.set(m_clock.nowUtc() + m_carryMs / 1000);
        m_carryMs %= 1000;
    }
    const std::vector<std::chrono::milliseconds>& sleeps() const { return m_sleeps; }
    std::chrono::milliseconds total() const
    {
        std::chrono::milliseconds sum{0};
        for (const auto s : m_sleeps)
            sum += s;
        return sum;
    }

private:
    engine::FixedClock& m_clock;
    std::vector<std::chrono::milliseconds> m_sleeps;
    long long m_carryMs = 0;
};

} // namespace herald::test
