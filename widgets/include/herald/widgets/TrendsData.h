#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Anomalies.h"
#include "herald/engine/analytics/Forecast.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/SeriesQuery.h"

namespace herald::ui {

/// What the Trends panel asks for; plain values so it can cross to a worker thread.
struct TrendsRequest
{
    std::string workspacePath;
    engine::SeriesMetric metric = engine::SeriesMetric::Engagements;
    engine::Granularity granularity = engine::Granularity::Day;
    std::string fromDay; // YYYY-MM-DD, inclusive
    std::string toDay;
    std::int64_t fromUtc = 0; // the same days as UTC instants [fromUtc, toUtc), for posts
    std::int64_t toUtc = 0;
    std::vector<std::int64_t> accountIds; // empty: all
    bool comparePrevious = true;
    bool forecast = true;
    bool anomalies = true;
};

struct TrendsData
{
    std::vector<engine::SeriesPoint> current;
    std::vector<engine::SeriesPoint> previous; // the period of the same length just before
    std::optional<engine::Forecast> forecast;  // the steps after toDay
    std::string forecastModel;                 // e.g. "ARIMA(1,0,1)(0,1,1)[7]"
    std::string forecastProblem;               // why there is no forecast, when there is none
    std::vector<engine::Anomaly> anomalies;    // indices into current (daily only)
    std::vector<engine::PostPerformance> posts; // published in the range
    bool hasData = false;
};

/// Forecast horizon: 30 days, or 12 weeks or months.
int forecastHorizon(engine::Granularity g);

/// Reads the series and runs the engine's forecast and anomaly detection. Blocking: run it on a worker.
Result<TrendsData> computeTrends(const TrendsRequest& request);

} // namespace herald::ui
