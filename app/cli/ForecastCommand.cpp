// heraldctl analyze forecast: auto-ARIMA, ETS or seasonal naive on one column of a CSV file.
#include <cmath>
#include <limits>

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include "Analyze.h"
#include "Cli.h"
#include "CsvTable.h"
#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/Arima.h"
#include "herald/engine/analytics/AutoArima.h"
#include "herald/engine/analytics/Ets.h"
#include "herald/engine/analytics/Forecast.h"
#include "herald/engine/analytics/SeasonalNaive.h"

namespace herald::app::cli {

namespace {

enum class Method { Auto, Arima, Ets, SeasonalNaive };

struct Fitted
{
    QString method;      // arima, ets or snaive
    QString model;       // the model's own label
    std::optional<engine::ArimaOrder> order;
    double aicc = std::numeric_limits<double>::quiet_NaN();
    engine::Forecast forecast;
};

Result<Fitted> fit(const Eigen::VectorXd& series, Method method, int period, int horizon)
{
    Fitted out;
    if (method == Method::Arima) {
        engine::AutoArimaOptions options;
        options.period = period;
        auto r = engine::autoArima(series, options);
        if (!r)
            return tl::unexpected(r.error());
        auto f = engine::forecastArima(r->model, horizon);
        if (!f)
            return tl::unexpected(f.error());
        out.method = QStringLiteral("arima");
        out.model = QString::fromStdString(r->model.label());
        out.order = r->model.order;
        out.aicc = r->model.aicc;
        out.forecast = std::move(*f);
        return out;
    }
    if (method == Method::Ets) {
        engine::EtsOptions options;
        options.period = period;
        auto r = engine::fitEts(series, options);
        if (!r)
            return tl::unexpected(r.error());
        auto f = engine::forecastEts(r->model, horizon);
        if (!f)
            return tl::unexpected(f.error());
        out.method = QStringLiteral("ets");
        out.model = QString::fromStdString(r->model.label());
        out.aicc = r->model.aicc;
        out.forecast = std::move(*f);
        return out;
    }
    engine::SeasonalNaiveOptions options;
    options.period = period;
    options.horizon = horizon;
    auto r = engine::seasonalNaive(series, options);
    if (!r)
        return tl::unexpected(r.error());
    out.method = QStringLiteral("snaive");
    out.model = period > 1 ? QStringLiteral("Seasonal naive [%1]").arg(period) : QStringLiteral("Naive");
    out.forecast = std::move(r->forecast);
    return out;
}

Result<engine::AccuracyMeasures> holdoutAccuracy(const Eigen::VectorXd& series, Method method, int period, int holdout)
{
    const Eigen::Index n = series.size() - holdout;
    const Eigen::VectorXd training = series.head(n);
    auto f = fit(training, method, period, holdout);
    if (!f)
        return tl::unexpected(f.error());
    const Eigen::VectorXd predicted = Eigen::Map<const Eigen::VectorXd>(f->forecast.mean.data(), holdout);
    return engine::forecastAccuracy(training, series.tail(holdout), predicted, period);
}

} // namespace

int runForecast(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze forecast"),
                QStringLiteral("analyze forecast --input FILE [--column NAME] [--period N] [--horizon H] "
                               "[--method auto|arima|ets|snaive] [--holdout H]"),
                QStringLiteral("Forecast one numeric column with 80% and 95% intervals. arima is auto-ARIMA "
                               "(stepwise Hyndman-Khandakar search by AICc), ets the ETS model with the lowest "
                               "AICc, snaive the seasonal naive forecast; auto picks between arima and ets by their "
                               "accuracy (MASE) on the last --holdout observations (default one season, at least "
                               "6). Empty cells are gaps, filled by interpolation."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("input"), QStringLiteral("CSV file with a header row (\"-\": standard input)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("column"), QStringLiteral("Column to forecast (default: the last column)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("period"), QStringLiteral("Observations per season (default 1; 7 for daily, 12 "
                                                          "for monthly)."),
                 QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("horizon"), QStringLiteral("Steps to forecast (default 12)."), QStringLiteral("H"),
                 QStringLiteral("12")});
    p.addOption({QStringLiteral("method"), QStringLiteral("auto, arima, ets or snaive (default auto)."),
                 QStringLiteral("METHOD"), QStringLiteral("auto")});
    p.addOption({QStringLiteral("holdout"), QStringLiteral("Also score the method on the last H observations."),
                 QStringLiteral("H")});
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    if (p.value(QStringLiteral("input")).isEmpty())
        return cmd.usageError(QStringLiteral("--input FILE is required"));
    bool periodOk = false, horizonOk = false, holdoutOk = true;
    const int period = p.value(QStringLiteral("period")).toInt(&periodOk);
    const int horizon = p.value(QStringLiteral("horizon")).toInt(&horizonOk);
    const int holdoutArg = p.isSet(QStringLiteral("holdout")) ? p.value(QStringLiteral("holdout")).toInt(&holdoutOk) : 0;
    if (!periodOk || period < 1 || !horizonOk || horizon < 1 || horizon > 10000 || !holdoutOk || holdoutArg < 0)
        return cmd.usageError(QStringLiteral("--period, --horizon and --holdout take positive whole numbers"));
    const QString methodName = p.value(QStringLiteral("method"));
    Method method;
    if (methodName == QLatin1String("auto"))
        method = Method::Auto;
    else if (methodName == QLatin1String("arima"))
        method = Method::Arima;
    else if (methodName == QLatin1String("ets"))
        method = Method::Ets;
    else if (methodName == QLatin1String("snaive"))
        method = Method::SeasonalNaive;
    else
        return cmd.usageError(QStringLiteral("--method takes auto, arima, ets or snaive"));

    auto table = readCsv(p.value(QStringLiteral("input")));
    if (!table)
        return reportError(table.error());
    int column = int(table->header.size()) - 1;
    if (p.isSet(QStringLiteral("column"))) {
        auto c = table->column(p.value(QStringLiteral("column")));
        if (!c)
            return reportError(c.error());
        column = *c;
    }
    Eigen::VectorXd raw(Eigen::Index(table->rows.size()));
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        if (table->rows[r][column].trimmed().isEmpty()) {
            raw(Eigen::Index(r)) = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        auto v = table->number(r, column);
        if (!v)
            return reportError(v.error());
        raw(Eigen::Index(r)) = *v;
    }
    auto filled = engine::fillGaps(raw);
    if (!filled)
        return reportError({filled.error().code, table->source.toStdString() + ": " + filled.error().detail});
    const Eigen::VectorXd& series = filled->values;

    QJsonObject comparison;
    if (method == Method::Auto) {
        const int h = holdoutArg > 0 ? holdoutArg : std::max(period, 6);
        if (series.size() <= 2 * h)
            return reportError({ErrorCode::Invalid, QStringLiteral("%1: %2 observations are too few to compare "
                                                                   "methods on a holdout of %3")
                                                        .arg(table->source)
                                                        .arg(series.size())
                                                        .arg(h)
                                                        .toStdString()});
        auto arima = holdoutAccuracy(series, Method::Arima, period, h);
        auto ets = holdoutAccuracy(series, Method::Ets, period, h);
        if (!arima && !ets)
            return reportError(arima.error());
        const double arimaMase = arima ? arima->mase : std::numeric_limits<double>::infinity();
        const double etsMase = ets ? ets->mase : std::numeric_limits<double>::infinity();
        method = etsMase < arimaMase ? Method::Ets : Method::Arima;
        comparison = {{QStringLiteral("holdout"), h},
                      {QStringLiteral("arima_mase"), number(arimaMase)},
                      {QStringLiteral("ets_mase"), number(etsMase)}};
    }
    auto result = fit(series, method, period, horizon);
    if (!result)
        return reportError({result.error().code, table->source.toStdString() + ": " + result.error().detail});
    std::optional<engine::AccuracyMeasures> holdout;
    if (holdoutArg > 0) {
        auto a = holdoutAccuracy(series, method, period, holdoutArg);
        if (!a)
            return reportError({a.error().code, table->source.toStdString() + ": holdout: " + a.error().detail});
        holdout = *a;
    }

    const auto& f = result->forecast;
    if (csv) {
        QTextStream out(stdout);
        out << "step,mean,lo80,hi80,lo95,hi95\n";
        for (std::size_t i = 0; i < f.mean.size(); ++i)
            out << i + 1 << ',' << csvNumber(f.mean[i]) << ',' << csvNumber(f.lower80[i]) << ','
                << csvNumber(f.upper80[i]) << ',' << csvNumber(f.lower95[i]) << ',' << csvNumber(f.upper95[i]) << '\n';
        return Ok;
    }
    QJsonArray points;
    for (std::size_t i = 0; i < f.mean.size(); ++i)
        points.append(QJsonObject{{QStringLiteral("mean"), number(f.mean[i])},
                                  {QStringLiteral("lo80"), number(f.lower80[i])},
                                  {QStringLiteral("hi80"), number(f.upper80[i])},
                                  {QStringLiteral("lo95"), number(f.lower95[i])},
                                  {QStringLiteral("hi95"), number(f.upper95[i])}});
    QJsonObject json{{QStringLiteral("method"), result->method},
                     {QStringLiteral("model"), result->model},
                     {QStringLiteral("aicc"), number(result->aicc)},
                     {QStringLiteral("observations"), int(series.size())},
                     {QStringLiteral("forecast"), points}};
    if (result->order) {
        const auto& o = *result->order;
        json.insert(QStringLiteral("order"), QJsonArray{o.p, o.d, o.q});
        json.insert(QStringLiteral("seasonal_order"), QJsonArray{o.seasonalP, o.seasonalD, o.seasonalQ, o.period});
    } else {
        json.insert(QStringLiteral("order"), QJsonValue());
        json.insert(QStringLiteral("seasonal_order"), QJsonValue());
    }
    json.insert(QStringLiteral("holdout"), holdout ? QJsonValue(QJsonObject{{QStringLiteral("mase"), number(holdout->mase)},
                                                                            {QStringLiteral("smape"), number(holdout->smape)}})
                                                   : QJsonValue());
    QJsonArray gaps;
    for (auto i : filled->filled)
        gaps.append(qint64(i));
    json.insert(QStringLiteral("filled"), gaps);
    if (!comparison.isEmpty())
        json.insert(QStringLiteral("comparison"), comparison);
    printJson(json);
    return Ok;
}

} // namespace herald::app::cli
