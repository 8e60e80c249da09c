#include "herald/widgets/TrendsData.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QString>
#include <QTimeZone>
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

bool isRate(TrendMetric metric)
{
    return metric == TrendMetric::EngagementRate;
}

int forecastHorizon(engine::Granularity g)
{
    return g == engine::Granularity::Day ? 30 : 12;
}

std::vector<engine::PostPerformance> postsInScope(const std::vector<engine::PostPerformance>& all,
                                                  const SeriesSpec& spec)
{
    std::vector<engine::PostPerformance> out;
    for (const auto& p : all) {
        if (!spec.accountIds.empty() &&
            std::find(spec.accountIds.begin(), spec.accountIds.end(), p.accountId) == spec.accountIds.end())
            continue;
        if (spec.campaignId && p.campaignId != spec.campaignId)
            continue;
        if (!spec.tag.empty() && std::none_of(p.tags.begin(), p.tags.end(), [&](const std::string& t) {
                return QString::fromStdString(t).compare(QString::fromStdString(spec.tag), Qt::CaseInsensitive) == 0;
            }))
            continue;
        out.push_back(p);
    }
    return out;
}

namespace {

// The UTC instants at which the days fromDay..toDay start in `zone`, and the end of the last day.
std::vector<std::int64_t> dayStarts(const std::string& fromDay, const std::string& toDay, const QTimeZone& zone)
{
    std::vector<std::int64_t> starts;
    const QDate from = QDate::fromString(QString::fromStdString(fromDay), Qt::ISODate);
    const QDate to = QDate::fromString(QString::fromStdString(toDay), Qt::ISODate);
    for (QDate d = from; d.isValid() && d <= to.addDays(1); d = d.addDays(1))
        starts.push_back(QDateTime(d, QTime(0, 0), zone).toSecsSinceEpoch());
    return starts;
}

std::optional<engine::SeriesMetric> accountMetric(TrendMetric m)
{
    switch (m) {
    case TrendMetric::Engagements: return engine::SeriesMetric::Engagements;
    case TrendMetric::Impressions: return engine::SeriesMetric::Impressions;
    case TrendMetric::EngagementRate: return engine::SeriesMetric::EngagementRate;
    case TrendMetric::Followers: return engine::SeriesMetric::Followers;
    case TrendMetric::ProfileVisits: return engine::SeriesMetric::ProfileVisits;
    case TrendMetric::Clicks:
    case TrendMetric::PostsPublished: break;
    }
    return std::nullopt;
}

engine::PostSeriesMetric postMetric(TrendMetric m)
{
    switch (m) {
    case TrendMetric::Impressions: return engine::PostSeriesMetric::Impressions;
    case TrendMetric::EngagementRate: return engine::PostSeriesMetric::EngagementRate;
    case TrendMetric::Clicks: return engine::PostSeriesMetric::Clicks;
    case TrendMetric::PostsPublished: return engine::PostSeriesMetric::Posts;
    default: break;
    }
    return engine::PostSeriesMetric::Engagements;
}

// One period's posts (all accounts), read once and shared by every line of that period.
struct PeriodReader
{
    engine::Database& db;
    QTimeZone zone;
    std::optional<std::vector<engine::PostPerformance>> posts;
    std::vector<std::int64_t> starts;

    Result<std::vector<engine::SeriesPoint>> series(const SeriesSpec& spec, const std::string& fromDay,
                                                    const std::string& toDay, engine::Granularity g)
    {
        const bool postScope = spec.campaignId || !spec.tag.empty();
        if (postScope && (spec.metric == TrendMetric::Followers || spec.metric == TrendMetric::ProfileVisits))
            return fail(ErrorCode::Invalid, "followers and profile visits are counted per account, not per campaign "
                                            "or tag");
        if (const auto account = accountMetric(spec.metric); account && !postScope)
            return engine::querySeries(db, *account, fromDay, toDay, spec.accountIds, g);
        if (!posts) {
            starts = dayStarts(fromDay, toDay, zone);
            if (starts.size() < 2)
                return fail(ErrorCode::Invalid, "the period " + fromDay + " to " + toDay + " is not a valid range");
            auto read = engine::queryPostPerformance(db, starts.front(), starts.back(), {});
            if (!read)
                return tl::unexpected(read.error());
            posts = std::move(*read);
        }
        return engine::postSeries(postsInScope(*posts, spec), postMetric(spec.metric), fromDay, starts, g);
    }
};

} // namespace

Result<TrendsData> computeTrends(const TrendsRequest& request)
{
    auto db = engine::Database::open(request.workspacePath);
    if (!db)
        return tl::unexpected(db.error());
    const auto from = engine::dayNumber(request.fromDay);
    const auto to = engine::dayNumber(request.toDay);
    if (!from || !to || *to < *from)
        return fail(ErrorCode::Invalid, "the period " + request.fromDay + " to " + request.toDay +
                                            " is not a valid range");
    const QTimeZone zone = request.timeZone.empty() ? QTimeZone::utc()
                                                    : QTimeZone(QByteArray::fromStdString(request.timeZone));
    TrendsData data;
    {
        auto tx = engine::Transaction::begin(*db, engine::Transaction::Kind::Deferred);
        if (!tx)
            return tl::unexpected(tx.error());
        PeriodReader current{*db, zone, {}, {}};
        auto main = current.series(request.series, request.fromDay, request.toDay, request.granularity);
        if (!main)
            return tl::unexpected(main.error());
        data.current = std::move(*main);
        if (request.comparePrevious) {
            const auto length = *to - *from + 1;
            PeriodReader before{*db, zone, {}, {}};
            auto previous = before.series(request.series, engine::dayString(*from - length),
                                          engine::dayString(*from - 1), request.granularity);
            if (!previous)
                return tl::unexpected(previous.error());
            data.previous = std::move(*previous);
        }
        for (const auto& spec : request.extra) {
            ExtraSeries line;
            line.spec = spec;
            auto points = current.series(spec, request.fromDay, request.toDay, request.granularity);
            if (points)
                line.points = std::move(*points);
            else
                line.problem = points.error().detail;
            data.extra.push_back(std::move(line));
        }
        auto posts = engine::queryPostPerformance(*db, request.fromUtc, request.toUtc, {});
        if (!posts)
            return tl::unexpected(posts.error());
        data.posts = postsInScope(*posts, request.series);
        (void)tx->commit();
    }
    std::size_t present = 0;
    for (const auto& p : data.current)
        present += p.missing ? 0 : 1;
    // A line made from posts is 0 on days without posts; without any post there is nothing to show.
    const bool fromPosts = request.series.campaignId || !request.series.tag.empty() ||
                           !accountMetric(request.series.metric);
    data.hasData = fromPosts ? !data.posts.empty() : present > 0;
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
