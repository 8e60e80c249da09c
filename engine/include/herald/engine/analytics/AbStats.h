#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

// A/B test statistics on conversion counts. Arm A is the control, arm B the variant; "difference" is
// rateB - rateA throughout. The tests reproduce statsmodels 0.13 / scipy 1.10 (see
// shared/datasets/ab_stats/run_ab.py) so that a p-value shown here equals the one an analyst gets there.

/// Conversions out of visitors in each arm of a two-arm test.
struct AbTable
{
    std::int64_t conversionsA = 0;
    std::int64_t visitorsA = 0;
    std::int64_t conversionsB = 0;
    std::int64_t visitorsB = 0;
};

enum class RateInterval {
    Wilson, // score interval; sensible at 0 and at small counts
    Normal, // Wald interval rate +- z sqrt(rate (1 - rate) / n)
};

struct AbOptions
{
    double alpha = 0.05; // intervals are at 1 - alpha
    RateInterval rateInterval = RateInterval::Wilson;
    std::int64_t priorAlpha = 1; // Beta(priorAlpha, priorBeta) prior on each rate
    std::int64_t priorBeta = 1;  // (1, 1) is uniform
};

struct Interval
{
    double low = 0.0;
    double high = 0.0;
};

/// Pooled two-proportion z-test (statsmodels proportions_ztest). When both arms have rate 0 or
/// both 1 the pooled variance is 0 and the test is undefined: defined is false and the numbers NaN.
struct ZTest
{
    bool defined = false;
    double z = 0.0;
    double pTwoSided = 0.0;
    double pLarger = 0.0; // H1: rateB > rateA
};

/// Pearson chi-squared test of independence on the 2x2 table (1 degree of freedom), as scipy's
/// chi2_contingency. Undefined (defined false) when an expected count is zero.
struct ChiSquared
{
    bool defined = false;
    double statistic = 0.0;
    double p = 0.0;
    std::array<double, 4> expected{}; // row-major [[A conv, A not], [B conv, B not]]
};

struct AbResult
{
    double rateA = 0.0;
    double rateB = 0.0;
    double difference = 0.0; // rateB - rateA
    ZTest zTest;
    ChiSquared chiSquared;      // without continuity correction (equals z^2)
    ChiSquared chiSquaredYates; // with Yates' continuity correction
    double fisherP = 1.0;       // two-sided Fisher exact p (scipy fisher_exact)
    Interval rateAInterval;     // per options.rateInterval
    Interval rateBInterval;
    Interval differenceWald;            // statsmodels confint_proportions_2indep 'wald'
    Interval differenceNewcombe;        // statsmodels 'newcomb' (hybrid Wilson score)
    double probabilityBBeatsA = 0.5;    // P(pB > pA) under independent Beta posteriors, exact
    double expectedLossChoosingA = 0.0; // E[max(pB - pA, 0)]: what choosing A costs if B is better
    double expectedLossChoosingB = 0.0; // E[max(pA - pB, 0)]
};

/// Every two-arm statistic at once; Invalid for negative counts, conversions above visitors, an empty
/// arm, or alpha outside (0, 1). O(visitors) for Fisher and the Bayesian sums, O(1) otherwise.
Result<AbResult> analyzeAb(const AbTable& table, const AbOptions& options = {});

/// Pooled two-proportion z-test alone. O(1).
ZTest twoProportionZTest(const AbTable& table);
/// Chi-squared test on the 2x2 table, with or without Yates' correction. O(1).
ChiSquared chiSquared2x2(const AbTable& table, bool yates);
/// Two-sided Fisher exact p-value of the 2x2 table [[a, b], [c, d]] (non-negative counts). O(a + b + c + d).
double fisherExactTwoSided(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d);
/// Wilson score interval for successes out of n at level 1 - alpha (n > 0). O(1).
Interval wilsonInterval(std::int64_t successes, std::int64_t n, double alpha);
/// Normal (Wald) interval for successes out of n at level 1 - alpha (n > 0). O(1).
Interval normalInterval(std::int64_t successes, std::int64_t n, double alpha);
/// P(X > Y) for independent X ~ Beta(aX, bX), Y ~ Beta(aY, bY), integer parameters >= 1; exact
/// closed-form sum in extended precision. O(min(aX, bY, aY, bX)).
double probabilityBetaGreater(std::int64_t aX, std::int64_t bX, std::int64_t aY, std::int64_t bY);

/// Sample size per group for a two-sided test of baseline vs baseline + minimumDetectableEffect.
struct SampleSizeOptions
{
    double baselineRate = 0.1;
    double minimumDetectableEffect = 0.01; // absolute difference of rates, non-zero
    double alpha = 0.05;
    double power = 0.8;
    double ratio = 1.0; // visitors in B per visitor in A
};

struct SampleSizeResult
{
    double cohensH = 0.0;  // 2 asin sqrt(p2) - 2 asin sqrt(p1)
    double perGroup = 0.0; // arm A size, fractional (statsmodels NormalIndPower.solve_power)
    std::int64_t perGroupCeil = 0;
    double perGroupClassic = 0.0; // textbook normal formula on the rate scale (ratio 1 only)
    std::int64_t perGroupClassicCeil = 0;
};

/// Visitors needed per group; Invalid for rates outside (0, 1), a zero effect, alpha or power outside
/// (0, 1), or power not above alpha. O(1) (a few Newton steps).
Result<SampleSizeResult> sampleSize(const SampleSizeOptions& options);
/// Power of the two-sided arcsine z-test with visitorsA in arm A (statsmodels NormalIndPower.power);
/// options.power is ignored. O(1).
Result<double> powerForSampleSize(const SampleSizeOptions& options, double visitorsA);

/// Counts of one variant in a k-arm test.
struct VariantCounts
{
    std::int64_t conversions = 0;
    std::int64_t visitors = 0;
};

struct BestVariantOptions
{
    std::int64_t priorAlpha = 1;
    std::int64_t priorBeta = 1;
};

struct BestVariantResult
{
    bool cancelled = false;
    std::vector<double> probabilityBest; // P(variant i has the highest rate); sums to 1
    std::vector<double> expectedLoss;    // E[max_j p_j - p_i]: the rate given up by choosing i
};

/// Bayesian "which variant is best" for k >= 2 variants by deterministic Gauss-Legendre integration of
/// f_i(x) prod_{j != i} F_j(x) over breakpoints out to each posterior's mean +- 45 sd; agrees with the exact
/// two-arm sum to ~1e-10. Invalid for fewer than two variants or bad counts. O(k^2 panels * cdf cost).
Result<BestVariantResult> probabilityBest(const std::vector<VariantCounts>& variants,
                                          const BestVariantOptions& options = {}, const Progress& progress = {});

} // namespace herald::engine
