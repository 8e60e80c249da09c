#pragma once

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Forecast.h"

namespace herald::engine {

struct SeasonalNaiveOptions
{
    int period = 1; // 1 gives the plain naive (random walk) forecast
    int horizon = 12;
};

struct SeasonalNaiveModel
{
    Forecast forecast;
    double sigma2 = 0.0; // mean squared one-season difference y_t - y_{t-period} (R's lagwalk mse)
};

/// Seasonal naive forecasts as R's snaive: each step repeats the value one season earlier; the interval at step h
/// uses variance sigma2 * (floor((h - 1) / period) + 1), so it widens once per completed season. Invalid for empty
/// series, NaN/inf, period < 1, horizon < 1, or fewer than period + 1 observations. O(n + h).
Result<SeasonalNaiveModel> seasonalNaive(const Eigen::Ref<const Eigen::VectorXd>& series,
                                         const SeasonalNaiveOptions& options);

} // namespace herald::engine
