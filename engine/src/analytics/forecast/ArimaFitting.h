#pragma once

#include <vector>

#include "herald/engine/analytics/Arima.h"

#include "ProgressTicker.h"
#include "SeriesCheck.h"

namespace herald::engine::forecastdetail {

/// fitArima on a validated series, sharing the caller's progress ticker (auto-ARIMA fits many models).
Result<ArimaModel> fitArimaSeries(const std::vector<double>& y, const ArimaOptions& options, ProgressTicker& ticker);

} // namespace herald::engine::forecastdetail
