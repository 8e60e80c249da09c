#include "herald/widgets/TrendsData.h"

#include <cmath>
#include <limits>

#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/Arima.h"
#include "herald/engine/analytics/AutoArima.h"
#include "herald/engine/analytics/Ets.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Transaction.h"

namespace herald::ui {

namespace {

// Seasonal period the forecast and the decomposition use: a week of days, a year of months.
int seasonalPeriod(engine::Granularity g, std::size_t points)
{
    if (g == engine::Granularity::Day)
        return points >= 21 ? 7 : 1;
    if (g == engine::Granularity::Month)
        return points >= 36 ? 12 : 1;
    return 1;
}

Eigen::VectorXd values(const std::vector<engine::SeriesPoint>& points)
{
    Eigen::VectorXd v(Eigen::Index(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i)
        v(Eigen::Index(i)) = points[i].missing ? std::numeric_limits<double>::quiet_NaN() : points[i].value;
    return v;
}

void addForecast(TrendsData& data, engine::Granularity g)
{
    const auto raw = values(data.current);
    auto filled = engine::fillGaps(raw);
    if (!filled) {
        data.forecastProblem = filled.error().detail;
        return;
    }
    const int period = seasonalPeriod(g, data.current.size());
    const int horizon = forecastHorizon(g);
    engine::AutoArimaOptions options;
    options.period = period;
    auto arima = engine::autoArima(filled->values, options);
    if (arima) {
        auto f = engine::forecastArima(arima->model, horizon);
        if (f) {
            data.forecast = std::move(*f);
            data.forecastModel = arima->model.label();
            return;
        }
    }
    // ETS as the fallback when no ARIMA could be fitted (a very short or constant series).
    engine::EtsOptions ets;
    ets.period = period;
    auto model = engine::fitEts(filled->values, ets);
    if (model) {
        auto f = engine::forecastEts(model->model, horizon);
        if (f) {
            data.forecast = std::move(*f);
            data.forecastModel = model->model.label();
            return;
        }
    }
    data.forecastProblem = arima ? "the fitted model could not forecast" : arima.error().detail;
}

} // namespace

int forecastHorizon(engine::Granularity g)
{
    return g == engine::Granularity::Day ? 30 : 12;
}

Result<TrendsData> computeTrends(const TrendsRequest& request)
{
    auto db = engine::Database::open(request.workspacePath);
    if (!db)
        return tl::unexpected(db.error());
    TrendsData data;
    {
        auto tx = engine::Transaction::begin(*db, engine::Transaction::Kind::Deferred);
        if (!tx)
            return tl::unexpected(tx.error());
        auto current = engine::querySeries(*db, request.metric, request.fromDay, request.toDay, request.accountIds,
                                           request.granularity);
        if (!current)
            return tl::unexpected(current.error());
        data.current = std::move(*current);
        if (request.comparePrevious) {
            const auto from = *engine::dayNumber(request.fromDay);
            const auto to = *engine::dayNumber(request.toDay);
            const auto length = to - from + 1;
            auto previous = engine::querySeries(*db, request.metric, engine::dayString(from - length),
                                                engine::dayString(from - 1), request.accountIds, request.granularity);
            if (!previous)
                return tl::unexpected(previous.error());
            data.previous = std::move(*previous);
        }
        auto posts = engine::queryPostPerformance(*db, request.fromUtc, request.toUtc, request.accountIds);
        if (!posts)
            return tl::unexpected(posts.error());
        data.posts = std::move(*posts);
        (void)tx->commit();
    }
    std::size_t present = 0;
    for (const auto& p : data.current)
        present += p.missing ? 0 : 1;
    data.hasData = present > 0;
    if (!data.hasData)
        return data;

    if (request.forecast) {
        if (present >= 8)
            addForecast(data, request.granularity);
        else
            data.forecastProblem = "too few points to forecast";
    }
    if (request.anomalies && request.granularity == engine::Granularity::Day && data.current.size() >= 28) {
        auto found = engine::detectAnomalies(values(data.current));
        if (found)
            data.anomalies = std::move(found->anomalies);
    }
    return data;
}

} // namespace herald::ui
