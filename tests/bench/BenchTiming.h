#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace herald::bench {

/// Milliseconds since `start`.
inline double ms(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

/// The median of the timings (the upper one of an even count).
inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace herald::bench
