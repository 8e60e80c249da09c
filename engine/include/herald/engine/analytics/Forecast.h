#pragma once

#include <vector>

namespace herald::engine {

/// Point forecasts and the 80% and 95% prediction intervals of one model, one entry per step ahead
/// (index 0 is one step after the last observation). Units are those of the fitted series.
struct Forecast
{
    std::vector<double> mean;
    std::vector<double> lower80;
    std::vector<double> upper80;
    std::vector<double> lower95;
    std::vector<double> upper95;
};

} // namespace herald::engine
