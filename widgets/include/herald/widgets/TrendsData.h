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

/// What a trend line counts. Followers and profile visits are account figures; clicks and posts
/// come from the posts; impressions, engagements and the rate are account figures for accounts and
/// post figures for a campaign or a tag.
enum class TrendMetric { Engagements, Impressions, EngagementRate, Followers, ProfileVisits, Clicks, PostsPublished };

/// True for the ratio metrics, drawn against a percentage axis.
bool isRate(TrendMetric metric);

/// One line of the chart: a metric over some accounts (all when empty), or over the posts of a
/// campaign or a tag.
struct SeriesSpec
{
    TrendMetric metric = TrendMetric::Engagements;
    std::vector<std::int64_t> accountIds; // empty: all
    std::optional<std::int64_t> campaignId;
    std::string tag;
    std::string label; // legend text
};

/// What the Trends panel asks for; plain values so it can cross to a worker thread.
struct TrendsRequest
{
    std::string workspacePath;
    std::string timeZone; // IANA id of the workspace: posts fall on its local days; empty = UTC
    SeriesSpec series;    // the main line: forecast, anomalies and the previous period are its
    std::vector<SeriesSpec> extra; // more lines on the same chart
    engine::Granularity granularity = engine::Granularity::Day;
    std::string fromDay; // YYYY-MM-DD, inclusive
    std::string toDay;
    std::int64_t fromUtc = 0; // the same days as UTC instants [fromUtc, toUtc), for posts
    std::int64_t toUtc = 0;
    bool comparePrevious = true;
    bool forecast = true;
    bool anomalies = true;
};

struct ExtraSeries
{
    SeriesSpec spec;
    std::vector<engine::SeriesPoint> points;
    std::string problem; // why the line is empty, when it is
};

struct TrendsData
{
    std::vector<engine::SeriesPoint> current;
    std::vector<engine::SeriesPoint> previous; // the period of the same length just before
    std::optional<engine::Forecast> forecast;  // the steps after toDay
    std::string forecastModel;                 // e.g. "ARIMA(1,0,1)(0,1,1)[7]"
    std::string forecastProblem;               // why there is no forecast, when there is none
    std::vector<engine::Anomaly> anomalies;    // indices into current (daily only)
    std::vector<engine::PostPerformance> posts; // published in the range, in the main line's scope
    std::vector<ExtraSeries> extra;
    bool hasData = false;
};

/// Forecast horizon: 30 days, or 12 weeks or months.
int forecastHorizon(engine::Granularity g);

/// The posts of `all` that `spec` covers (its accounts, campaign or tag).
std::vector<engine::PostPerformance> postsInScope(const std::vector<engine::PostPerformance>& all,
                                                  const SeriesSpec& spec);

/// Reads the series and runs the engine's forecast and anomaly detection. Blocking: run it on a worker.
Result<TrendsData> computeTrends(const TrendsRequest& request);

} // namespace herald::ui
