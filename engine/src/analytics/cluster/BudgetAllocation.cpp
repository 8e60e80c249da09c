#include "herald/engine/analytics/BudgetAllocation.h"

#include <cmath>
#include <random>
#include <string>

#include "Parallel.h"

namespace herald::engine {

namespace {

// Standard normal by the Marsaglia polar method on our own uniforms (std distributions differ between
// standard libraries, and the allocation must be reproducible from its seed).
double standardNormal(std::mt19937_64& rng)
{
    for (;;) {
        const double u = 2.0 * clusterdetail::uniform01(rng) - 1.0, v = 2.0 * clusterdetail::uniform01(rng) - 1.0;
        const double s = u * u + v * v;
        if (s > 0.0 && s < 1.0)
            return u * std::sqrt(-2.0 * std::log(s) / s);
    }
}

// Gamma(shape, 1) by Marsaglia & Tsang (2000); shapes below 1 use Gamma(shape + 1) * U^(1 / shape).
double gammaSample(std::mt19937_64& rng, double shape)
{
    if (shape < 1.0) {
        const double u = 1.0 - clusterdetail::uniform01(rng); // in (0, 1]
        return gammaSample(rng, shape + 1.0) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0.0, v = 0.0;
        do {
            x = standardNormal(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = 1.0 - clusterdetail::uniform01(rng);
        if (u < 1.0 - 0.0331 * x * x * x * x || std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
            return d * v;
    }
}

double betaSample(std::mt19937_64& rng, double a, double b)
{
    const double x = gammaSample(rng, a), y = gammaSample(rng, b);
    return x / (x + y);
}

} // namespace

Result<BudgetAllocation> allocateBudget(const std::vector<BudgetArm>& arms, const BudgetOptions& options)
{
    if (arms.empty())
        return fail(ErrorCode::Invalid, "no arms to allocate between");
    for (std::size_t i = 0; i < arms.size(); ++i) {
        const auto& a = arms[i];
        if (a.trials < 0 || a.successes < 0 || a.successes > a.trials)
            return fail(ErrorCode::Invalid, "arm " + std::to_string(i) + ": successes must lie in [0, trials]");
        if (!(std::isfinite(a.costPerTrial) && a.costPerTrial > 0.0))
            return fail(ErrorCode::Invalid, "arm " + std::to_string(i) + ": cost per trial must be positive");
    }
    if (!(std::isfinite(options.totalBudget) && options.totalBudget >= 0.0))
        return fail(ErrorCode::Invalid, "total budget must be a non-negative amount");
    if (options.draws < 1)
        return fail(ErrorCode::Invalid, "draws must be at least 1");
    if (!(options.priorSuccesses > 0.0 && options.priorFailures > 0.0))
        return fail(ErrorCode::Invalid, "prior counts must be positive");
    const double n = static_cast<double>(arms.size());
    if (!(options.minShare >= 0.0 && options.minShare * n <= 1.0))
        return fail(ErrorCode::Invalid, "minShare times the number of arms must lie in [0, 1]");

    std::vector<double> alpha(arms.size()), beta(arms.size());
    for (std::size_t i = 0; i < arms.size(); ++i) {
        alpha[i] = options.priorSuccesses + static_cast<double>(arms[i].successes);
        beta[i] = options.priorFailures + static_cast<double>(arms[i].trials - arms[i].successes);
    }
    std::vector<std::int64_t> wins(arms.size(), 0);
    std::mt19937_64 rng(options.seed);
    for (int draw = 0; draw < options.draws; ++draw) {
        std::size_t best = 0;
        double bestValue = -1.0;
        for (std::size_t i = 0; i < arms.size(); ++i) {
            const double value = betaSample(rng, alpha[i], beta[i]) / arms[i].costPerTrial;
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        ++wins[best];
    }
    BudgetAllocation result;
    result.arms.resize(arms.size());
    for (std::size_t i = 0; i < arms.size(); ++i) {
        auto& out = result.arms[i];
        out.probabilityBest = static_cast<double>(wins[i]) / options.draws;
        const double share = options.minShare + (1.0 - options.minShare * n) * out.probabilityBest;
        out.budget = options.totalBudget * share;
        out.trials = out.budget / arms[i].costPerTrial;
        out.posteriorMean = alpha[i] / (alpha[i] + beta[i]);
        out.expectedSuccesses = out.trials * out.posteriorMean;
        result.expectedSuccesses += out.expectedSuccesses;
    }
    return result;
}

} // namespace herald::engine
