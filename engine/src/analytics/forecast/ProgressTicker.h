#pragma once

#include <chrono>

#include "herald/engine/analytics/Progress.h"

namespace herald::engine::forecastdetail {

// Rate-limits a Progress callback: keepGoing() may be called on every objective evaluation; the callback
// runs at most every 20 ms with the current fraction. Once it returns false every later call does too.
class ProgressTicker
{
public:
    explicit ProgressTicker(const Progress& progress) : m_progress(progress) {}

    void setFraction(double fraction) { m_fraction = fraction; }
    bool cancelled() const { return m_cancelled; }

    bool keepGoing()
    {
        if (m_cancelled)
            return false;
        if (!m_progress)
            return true;
        const auto now = std::chrono::steady_clock::now();
        if (now - m_last >= std::chrono::milliseconds(20)) {
            m_last = now;
            m_cancelled = !m_progress(m_fraction);
        }
        return !m_cancelled;
    }

private:
    const Progress& m_progress;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
    double m_fraction = 0.0;
    bool m_cancelled = false;
};

} // namespace herald::engine::forecastdetail
