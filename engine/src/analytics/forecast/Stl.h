#pragma once

#include <vector>

// Internal to herald_analytics_forecast: STL decomposition (Cleveland et al. 1990) as R's stl() with a numeric
// s.window and robust = FALSE, used by the seasonal-strength test that chooses seasonal differencing.
namespace herald::engine::forecastdetail {

struct StlResult
{
    std::vector<double> seasonal;
    std::vector<double> trend;
    std::vector<double> remainder;
};

/// Decomposes x (length n >= 2 * period) with R's defaults for the other windows: t.window =
/// nextodd(ceiling(1.5 period / (1 - 1.5 / s.window))), l.window = nextodd(period), degrees 0/1/1, jumps
/// ceiling(window / 10), two inner passes. O(n (s.window + t.window + l.window)).
StlResult stl(const std::vector<double>& x, int period, int seasonalWindow);

} // namespace herald::engine::forecastdetail
