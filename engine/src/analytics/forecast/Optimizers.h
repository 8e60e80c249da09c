#pragma once

#include <functional>
#include <vector>

// Internal to herald_analytics_forecast: the two minimisers R's optim() offers that the peer uses (BFGS as
// "vmmin" with central-difference gradients for arima, Nelder-Mead as "nmmin" for ets), written so that
// their steps follow R's, because the ARIMA and ETS likelihoods are flat enough that a different path ends
// at a visibly different optimum.
namespace herald::engine::forecastdetail {

using Objective = std::function<double(const std::vector<double>&)>;

enum class OptimStatus {
    Converged,
    IterationLimit,
    NotFinite, // the objective was not finite at the start or in a gradient difference
    Cancelled,
};

struct OptimResult
{
    std::vector<double> par;
    double value = 0.0;
    int evaluations = 0;
    OptimStatus status = OptimStatus::Converged;
};

struct BfgsOptions
{
    std::vector<double> parscale; // empty: all 1; the search runs on par / parscale as optim does
    int maxIterations = 100;
    double relTol = 1.490116119384765625e-8; // sqrt(DBL_EPSILON), optim's default reltol
    double gradientStep = 1e-3;              // optim's ndeps, on the scaled parameters
};

/// Quasi-Newton minimisation as R's optim(method = "BFGS") with numeric gradients. keepGoing is asked
/// once per objective evaluation; false stops with Cancelled. O(iterations * n * cost(objective)).
OptimResult minimizeBfgs(const Objective& f, std::vector<double> start, const BfgsOptions& options,
                         const std::function<bool()>& keepGoing);

struct NelderMeadOptions
{
    int maxEvaluations = 500;
    double relTol = 1.490116119384765625e-8;
    double alpha = 1.0; // reflection
    double beta = 0.5;  // contraction
    double gamma = 2.0; // expansion
};

/// Nelder-Mead simplex as R's optim(method = "Nelder-Mead"). O(evaluations * (n + cost(objective))).
OptimResult minimizeNelderMead(const Objective& f, std::vector<double> start, const NelderMeadOptions& options,
                               const std::function<bool()>& keepGoing);

} // namespace herald::engine::forecastdetail
