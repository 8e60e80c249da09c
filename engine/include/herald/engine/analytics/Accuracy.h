#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Forecast.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

/// Holdout accuracy of a forecast, as forecast::accuracy's test-set row for a seasonal ts.
struct AccuracyMeasures
{
    double mase = 0.0;  // MAE / mean |y_t - y_{t-period}| over the training data (lag 1 when period is 1)
    double smape = 0.0; // mean 200 |y - f| / (|y| + |f|), in percent
    double mae = 0.0;
    double rmse = 0.0;
    double mape = 0.0; // mean 100 |y - f| / |y|, in percent
};

/// Accuracy of forecast against actual (same length) with the MASE scale from training. Invalid for empty or
/// unequal lengths, NaN/inf, period < 1, training not longer than period, or a zero scale. O(n + h).
Result<AccuracyMeasures> forecastAccuracy(const Eigen::Ref<const Eigen::VectorXd>& training,
                                          const Eigen::Ref<const Eigen::VectorXd>& actual,
                                          const Eigen::Ref<const Eigen::VectorXd>& forecast, int period);

/// A series with its gaps filled, and where they were.
struct GapFilledSeries
{
    Eigen::VectorXd values;
    std::vector<Eigen::Index> filled; // indices that were missing (NaN) and are now interpolated
    std::int64_t firstDay = 0;        // dailySeries only: the day number of values(0)
};

/// Fills NaN entries by linear interpolation between the observed neighbours (leading and trailing gaps take
/// the nearest observation). Invalid when empty, all missing, or containing inf. O(n).
Result<GapFilledSeries> fillGaps(const Eigen::Ref<const Eigen::VectorXd>& series);

/// A contiguous daily series from observed (day number, value) pairs, days strictly increasing (e.g. days since
/// the epoch in the account's calendar); missing days are interpolated and listed. O(last - first day).
Result<GapFilledSeries> dailySeries(const std::vector<std::int64_t>& days, const std::vector<double>& values);

enum class HoldoutMethod {
    AutoArima,
    Ets,
    SeasonalNaive,
};

struct HoldoutOptions
{
    HoldoutMethod method = HoldoutMethod::AutoArima;
    int period = 1;   // 7 for daily data with a weekly cycle, 12 for monthly
    int horizon = 12; // the last `horizon` observations are held out
};

struct HoldoutResult
{
    std::string model;      // the fitted model's label, e.g. "ARIMA(1,1,0)(0,1,0)[12]"
    Forecast forecast;      // of the held-out steps
    Eigen::VectorXd actual; // the held-out observations (interpolated ones included)
    AccuracyMeasures accuracy;
    std::vector<Eigen::Index> filled; // gaps filled before fitting (indices into the full series)
};

/// Fits the method on all but the last horizon observations (after filling gaps) and scores its forecasts on
/// them. Invalid as the method's own checks; Cancelled when progress returns false. O(cost of the method).
Result<HoldoutResult> evaluateHoldout(const Eigen::Ref<const Eigen::VectorXd>& series, const HoldoutOptions& options,
                                      const Progress& progress = {});

} // namespace herald::engine
