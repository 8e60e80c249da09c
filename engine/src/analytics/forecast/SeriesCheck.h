#pragma once

#include <cmath>
#include <string>

#include <Eigen/Core>

namespace herald::engine::forecastdetail {

/// Checks a series for fitting: non-empty and finite. Empty string when fine, else the problem. O(n).
inline std::string seriesProblem(const Eigen::Ref<const Eigen::VectorXd>& series)
{
    if (series.size() == 0)
        return "the series is empty";
    for (Eigen::Index i = 0; i < series.size(); ++i)
        if (!std::isfinite(series(i)))
            return std::string("the series has a missing or non-finite value at index ") + std::to_string(i) +
                   " (fill gaps first, see fillGaps)";
    return {};
}

} // namespace herald::engine::forecastdetail
