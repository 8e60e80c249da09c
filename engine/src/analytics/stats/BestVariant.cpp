// k-variant Bayesian "which is best" by deterministic quadrature.
#include "herald/engine/analytics/AbStats.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "herald/engine/analytics/SpecialFunctions.h"

namespace herald::engine {

namespace {

constexpr int kNodes = 20;
// Integration covers mean +- 45 sd: even the most skewed posterior, Beta(1, n), whose tail decays like
// exp(-t) in sd units, holds < 1e-19 of its mass beyond. Panels are one sd wide out to 12 sd, then widen.
constexpr double kSdSpan = 45.0;
constexpr std::array<double, 18> kBreakSds = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 19, 25, 33, 45};

struct GaussLegendre
{
    std::array<double, kNodes> x{}; // nodes on [-1, 1]
    std::array<double, kNodes> w{};
};

// Nodes and weights by Newton's method on the Legendre polynomial P_n, once.
const GaussLegendre& gaussLegendre()
{
    static const GaussLegendre rule = [] {
        GaussLegendre g;
        const double pi = std::acos(-1.0);
        for (int i = 0; i < kNodes; ++i) {
            double z = std::cos(pi * (i + 0.75) / (kNodes + 0.5));
            double derivative = 1.0;
            for (int iter = 0; iter < 100; ++iter) {
                double p0 = 1.0;
                double p1 = 0.0;
                for (int k = 1; k <= kNodes; ++k) {
                    const double p2 = p1;
                    p1 = p0;
                    p0 = ((2.0 * k - 1.0) * z * p1 - (k - 1.0) * p2) / k;
                }
                derivative = kNodes * (z * p0 - p1) / (z * z - 1.0);
                const double dz = p0 / derivative;
                z -= dz;
                if (std::fabs(dz) < 1e-16)
                    break;
            }
            g.x[static_cast<std::size_t>(i)] = z;
            g.w[static_cast<std::size_t>(i)] = 2.0 / ((1.0 - z * z) * derivative * derivative);
        }
        return g;
    }();
    return rule;
}

struct Posterior
{
    double a = 1.0;
    double b = 1.0;
    double mean = 0.5;
    double sd = 0.0;
    double low = 0.0; // support of the integration, mean +- kSdSpan sd within [0, 1]
    double high = 1.0;
};

} // namespace

Result<BestVariantResult> probabilityBest(const std::vector<VariantCounts>& variants, const BestVariantOptions& options,
                                          const Progress& progress)
{
    if (variants.size() < 2)
        return fail(ErrorCode::Invalid, "need at least two variants");
    if (options.priorAlpha < 1 || options.priorBeta < 1)
        return fail(ErrorCode::Invalid, "prior parameters must be integers >= 1");
    const std::size_t k = variants.size();
    std::vector<Posterior> post(k);
    for (std::size_t i = 0; i < k; ++i) {
        const VariantCounts& v = variants[i];
        if (v.visitors <= 0 || v.conversions < 0 || v.conversions > v.visitors)
            return fail(ErrorCode::Invalid,
                        "variant " + std::to_string(i) + ": need 0 <= conversions <= visitors, visitors > 0");
        Posterior& p = post[i];
        p.a = static_cast<double>(options.priorAlpha + v.conversions);
        p.b = static_cast<double>(options.priorBeta + v.visitors - v.conversions);
        const double n = p.a + p.b;
        p.mean = p.a / n;
        p.sd = std::sqrt(p.a * p.b / (n * n * (n + 1.0)));
        p.low = std::max(0.0, p.mean - kSdSpan * p.sd);
        p.high = std::min(1.0, p.mean + kSdSpan * p.sd);
    }

    const GaussLegendre& rule = gaussLegendre();
    BestVariantResult result;
    result.probabilityBest.assign(k, 0.0);
    result.expectedLoss.assign(k, 0.0);
    double expectedMax = 0.0;
    std::vector<double> breaks;
    for (std::size_t i = 0; i < k; ++i) {
        if (progress && !progress(static_cast<double>(i) / static_cast<double>(k)))
            return BestVariantResult{true, {}, {}};
        // P(i best) = int f_i(x) prod_{j != i} F_j(x) dx over i's support; break the support wherever any
        // overlapping posterior changes fast, so every panel is at most one sd of the sharpest density.
        const Posterior& pi = post[i];
        breaks.assign({pi.low, pi.high});
        for (const Posterior& pj : post) {
            if (pj.high < pi.low || pj.low > pi.high)
                continue;
            for (const double t : kBreakSds)
                for (const double x : {pj.mean - t * pj.sd, pj.mean + t * pj.sd})
                    if (x > pi.low && x < pi.high)
                        breaks.push_back(x);
        }
        std::sort(breaks.begin(), breaks.end());
        breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
        double prob = 0.0;
        double firstMoment = 0.0;
        for (std::size_t p = 0; p + 1 < breaks.size(); ++p) {
            const double half = 0.5 * (breaks[p + 1] - breaks[p]);
            const double mid = 0.5 * (breaks[p + 1] + breaks[p]);
            for (int n = 0; n < kNodes; ++n) {
                const double x = mid + half * rule.x[static_cast<std::size_t>(n)];
                double f = betaPdf(pi.a, pi.b, x);
                for (std::size_t j = 0; j < k && f > 0.0; ++j)
                    if (j != i)
                        f *= betaCdf(post[j].a, post[j].b, x);
                const double weighted = half * rule.w[static_cast<std::size_t>(n)] * f;
                prob += weighted;
                firstMoment += weighted * x;
            }
        }
        result.probabilityBest[i] = prob;
        expectedMax += firstMoment; // E[max] = sum_i E[p_i 1{i best}]
    }
    for (std::size_t i = 0; i < k; ++i)
        result.expectedLoss[i] = std::max(0.0, expectedMax - post[i].mean);
    if (progress)
        progress(1.0);
    return result;
}

} // namespace herald::engine
