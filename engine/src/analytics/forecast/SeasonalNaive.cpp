#include "herald/engine/analytics/SeasonalNaive.h"

#include <cmath>
#include <string>

#include "SeriesCheck.h"

namespace herald::engine {

Result<SeasonalNaiveModel> seasonalNaive(const Eigen::Ref<const Eigen::VectorXd>& series,
                                         const SeasonalNaiveOptions& options)
{
    if (const std::string problem = forecastdetail::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    const int m = options.period;
    const Eigen::Index n = series.size();
    if (m < 1 || options.horizon < 1)
        return fail(ErrorCode::Invalid, "the period and the horizon must be at least 1");
    if (n <= m)
        return fail(ErrorCode::Invalid, std::string("the series (") + std::to_string(n) +
                                            " observations) is too short for its season of " + std::to_string(m));
    constexpr double kZ80 = 1.2815515655446004;
    constexpr double kZ95 = 1.9599639845400540;
    SeasonalNaiveModel model;
    model.sigma2 = (series.tail(n - m) - series.head(n - m)).squaredNorm() / static_cast<double>(n - m);
    Forecast& f = model.forecast;
    for (int h = 1; h <= options.horizon; ++h) {
        const int seasons = (h - 1) / m + 1;
        const double mean = series(n - m + (h - 1) % m);
        const double se = std::sqrt(model.sigma2 * seasons);
        f.mean.push_back(mean);
        f.lower80.push_back(mean - kZ80 * se);
        f.upper80.push_back(mean + kZ80 * se);
        f.lower95.push_back(mean - kZ95 * se);
        f.upper95.push_back(mean + kZ95 * se);
    }
    return model;
}

} // namespace herald::engine
