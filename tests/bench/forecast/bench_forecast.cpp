// Times Herald's forecasting on the shared monthly series: auto-ARIMA and ETS on the full series and on the
// training part (all but the last 12), the seasonal naive holdout, and optionally the exhaustive auto-ARIMA.
// Prints one line per series and task: "<series> <task> <median seconds> <model label>".
// Usage: bench_forecast [--reps N] [--exhaustive] [--data DIR] [series ...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/analytics/AutoArima.h"
#include "herald/engine/analytics/Ets.h"
#include "herald/engine/analytics/SeasonalNaive.h"

using namespace herald::engine;

namespace {

Eigen::VectorXd loadSeries(const std::string& dir, const std::string& name)
{
    std::ifstream in(dir + "/data/" + name + ".csv");
    std::string line;
    std::getline(in, line);
    std::vector<double> values;
    while (std::getline(in, line))
        values.push_back(std::stod(line.substr(line.rfind(',') + 1)));
    return Eigen::Map<Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// Median wall seconds of reps runs of job, which returns the label of what it fitted.
std::pair<double, std::string> timed(int reps, const std::function<std::string()>& job)
{
    std::vector<double> seconds;
    std::string label;
    for (int r = 0; r < reps; ++r) {
        const auto start = std::chrono::steady_clock::now();
        label = job();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return {seconds[seconds.size() / 2], label};
}

std::string arimaLabel(const Eigen::VectorXd& y, bool stepwise)
{
    AutoArimaOptions options;
    options.period = 12;
    options.stepwise = stepwise;
    if (!stepwise)
        options.approximation = false; // as the peer's auto.arima(x, stepwise = FALSE, approximation = FALSE)
    const auto fit = autoArima(y, options);
    return fit ? fit->model.label() : "error:" + fit.error().detail;
}

std::string etsLabel(const Eigen::VectorXd& y)
{
    EtsOptions options;
    options.period = 12;
    const auto fit = fitEts(y, options);
    return fit ? fit->model.label() : "error:" + fit.error().detail;
}

} // namespace

int main(int argc, char** argv)
{
    int reps = 3;
    bool exhaustive = false;
    std::string dir = HERALD_FORECAST_DATA;
    std::vector<std::string> series;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reps" && i + 1 < argc)
            reps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--exhaustive")
            exhaustive = true;
        else if (a == "--data" && i + 1 < argc)
            dir = argv[++i];
        else
            series.push_back(a);
    }
    if (series.empty())
        series = {"AirPassengers", "ldeaths", "USAccDeaths", "co2"};
    for (const std::string& name : series) {
        const Eigen::VectorXd y = loadSeries(dir, name);
        if (y.size() < 36) {
            std::fprintf(stderr, "cannot read %s/data/%s.csv\n", dir.c_str(), name.c_str());
            return 1;
        }
        const Eigen::VectorXd train = y.head(y.size() - 12);
        auto report = [&name](const char* task, const std::pair<double, std::string>& r) {
            std::printf("%s %s %.6f %s\n", name.c_str(), task, r.first, r.second.c_str());
            std::fflush(stdout);
        };
        report("auto_arima_full", timed(reps, [&] { return arimaLabel(y, true); }));
        report("ets_full", timed(reps, [&] { return etsLabel(y); }));
        report("auto_arima_holdout", timed(reps, [&] { return arimaLabel(train, true); }));
        report("ets_holdout", timed(reps, [&] { return etsLabel(train); }));
        report("snaive_holdout", timed(reps, [&] {
                   return seasonalNaive(train, SeasonalNaiveOptions{12, 12}) ? std::string("snaive") : "error";
               }));
        if (exhaustive)
            report("auto_arima_exhaustive_full", timed(1, [&] { return arimaLabel(y, false); }));
    }
    return 0;
}
