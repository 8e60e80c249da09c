#include "herald/engine/analytics/Accuracy.h"

#include <cmath>
#include <string>

#include "herald/engine/analytics/AutoArima.h"
#include "herald/engine/analytics/Ets.h"
#include "herald/engine/analytics/SeasonalNaive.h"

namespace herald::engine {

namespace {

bool allFinite(const Eigen::Ref<const Eigen::VectorXd>& v)
{
    return v.allFinite();
}

} // namespace

Result<AccuracyMeasures> forecastAccuracy(const Eigen::Ref<const Eigen::VectorXd>& training,
                                          const Eigen::Ref<const Eigen::VectorXd>& actual,
                                          const Eigen::Ref<const Eigen::VectorXd>& forecast, int period)
{
    if (actual.size() == 0 || actual.size() != forecast.size())
        return fail(ErrorCode::Invalid, "actual and forecast values must be non-empty and of equal length");
    if (!allFinite(training) || !allFinite(actual) || !allFinite(forecast))
        return fail(ErrorCode::Invalid, "accuracy needs finite values (fill gaps first)");
    if (period < 1 || training.size() <= period)
        return fail(ErrorCode::Invalid, "the training series must be longer than one period");
    const Eigen::Index n = training.size();
    const double scale = (training.tail(n - period) - training.head(n - period)).cwiseAbs().mean();
    if (!(scale > 0))
        return fail(ErrorCode::Invalid, "the MASE scale is zero: the training series repeats its seasons exactly");
    const Eigen::ArrayXd e = (actual - forecast).array();
    AccuracyMeasures m;
    m.mae = e.abs().mean();
    m.rmse = std::sqrt(e.square().mean());
    m.mase = m.mae / scale;
    m.smape = (200.0 * e.abs() / (actual.array().abs() + forecast.array().abs())).mean();
    m.mape = (100.0 * e.abs() / actual.array().abs()).mean();
    return m;
}

Result<GapFilledSeries> fillGaps(const Eigen::Ref<const Eigen::VectorXd>& series)
{
    const Eigen::Index n = series.size();
    if (n == 0)
        return fail(ErrorCode::Invalid, "the series is empty");
    GapFilledSeries out;
    out.values = series;
    Eigen::Index previous = -1; // last observed index
    for (Eigen::Index i = 0; i <= n; ++i) {
        if (i < n && std::isinf(series(i)))
            return fail(ErrorCode::Invalid,
                        std::string("the series has an infinite value at index ") + std::to_string(i));
        if (i < n && std::isnan(series(i))) {
            out.filled.push_back(i);
            continue;
        }
        // Fill the gap (previous, i) from its observed ends.
        for (Eigen::Index j = previous + 1; j < i; ++j) {
            if (previous < 0 && i == n)
                return fail(ErrorCode::Invalid, "the series has no observed value");
            if (previous < 0)
                out.values(j) = series(i);
            else if (i == n)
                out.values(j) = series(previous);
            else
                out.values(j) = series(previous) + (series(i) - series(previous)) * static_cast<double>(j - previous) /
                                                       static_cast<double>(i - previous);
        }
        previous = i;
    }
    return out;
}

Result<GapFilledSeries> dailySeries(const std::vector<std::int64_t>& days, const std::vector<double>& values)
{
    if (days.empty() || days.size() != values.size())
        return fail(ErrorCode::Invalid, "days and values must be non-empty and of equal length");
    for (std::size_t i = 1; i < days.size(); ++i)
        if (days[i] <= days[i - 1])
            return fail(ErrorCode::Invalid, "days must be strictly increasing");
    const std::int64_t span = days.back() - days.front() + 1;
    if (span > 100 * 366)
        return fail(ErrorCode::Invalid, "the days span more than a century");
    Eigen::VectorXd full = Eigen::VectorXd::Constant(span, std::nan(""));
    for (std::size_t i = 0; i < days.size(); ++i)
        full(days[i] - days.front()) = values[i];
    Result<GapFilledSeries> out = fillGaps(full);
    if (out)
        out->firstDay = days.front();
    return out;
}

Result<HoldoutResult> evaluateHoldout(const Eigen::Ref<const Eigen::VectorXd>& series, const HoldoutOptions& options,
                                      const Progress& progress)
{
    Result<GapFilledSeries> filled = fillGaps(series);
    if (!filled)
        return tl::unexpected(filled.error());
    const Eigen::Index n = filled->values.size();
    if (options.horizon < 1 || options.horizon >= n)
        return fail(ErrorCode::Invalid, "the holdout horizon must be at least 1 and shorter than the series");
    const Eigen::VectorXd training = filled->values.head(n - options.horizon);
    HoldoutResult result;
    result.filled = filled->filled;
    result.actual = filled->values.tail(options.horizon);
    switch (options.method) {
    case HoldoutMethod::AutoArima: {
        AutoArimaOptions o;
        o.period = options.period;
        Result<AutoArimaResult> fit = autoArima(training, o, progress);
        if (!fit)
            return tl::unexpected(fit.error());
        Result<Forecast> fc = forecastArima(fit->model, options.horizon);
        if (!fc)
            return tl::unexpected(fc.error());
        result.model = fit->model.label();
        result.forecast = std::move(*fc);
        break;
    }
    case HoldoutMethod::Ets: {
        EtsOptions o;
        o.period = options.period;
        Result<EtsResult> fit = fitEts(training, o, progress);
        if (!fit)
            return tl::unexpected(fit.error());
        Result<Forecast> fc = forecastEts(fit->model, options.horizon);
        if (!fc)
            return tl::unexpected(fc.error());
        result.model = fit->model.label();
        result.forecast = std::move(*fc);
        break;
    }
    case HoldoutMethod::SeasonalNaive: {
        Result<SeasonalNaiveModel> fit = seasonalNaive(training, SeasonalNaiveOptions{options.period, options.horizon});
        if (!fit)
            return tl::unexpected(fit.error());
        result.model = "seasonal naive";
        result.forecast = std::move(fit->forecast);
        break;
    }
    }
    const Eigen::Map<const Eigen::VectorXd> fc(result.forecast.mean.data(), options.horizon);
    Result<AccuracyMeasures> accuracy = forecastAccuracy(training, result.actual, fc, options.period);
    if (!accuracy)
        return tl::unexpected(accuracy.error());
    result.accuracy = *accuracy;
    return result;
}

} // namespace herald::engine
