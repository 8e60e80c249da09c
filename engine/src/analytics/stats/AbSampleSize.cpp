// Sample size and power of the two-sided arcsine (Cohen's h) z-test, as statsmodels NormalIndPower.
#include "herald/engine/analytics/AbStats.h"

#include <cmath>

#include "herald/engine/analytics/SpecialFunctions.h"

namespace herald::engine {

namespace {

constexpr double kInvSqrt2Pi = 0.39894228040143267794;

double normalPdf(double x)
{
    return kInvSqrt2Pi * std::exp(-0.5 * x * x);
}

Result<void> validate(const SampleSizeOptions& o)
{
    const double variant = o.baselineRate + o.minimumDetectableEffect;
    if (!(o.baselineRate > 0.0 && o.baselineRate < 1.0))
        return fail(ErrorCode::Invalid, "baseline rate must be in (0, 1)");
    if (!(variant > 0.0 && variant < 1.0))
        return fail(ErrorCode::Invalid, "baseline + minimum detectable effect must be in (0, 1)");
    if (!(o.minimumDetectableEffect != 0.0))
        return fail(ErrorCode::Invalid, "minimum detectable effect must be non-zero");
    if (!(o.alpha > 0.0 && o.alpha < 1.0))
        return fail(ErrorCode::Invalid, "alpha must be in (0, 1)");
    if (!(o.ratio > 0.0) || !std::isfinite(o.ratio))
        return fail(ErrorCode::Invalid, "ratio must be positive");
    return {};
}

double cohensH(const SampleSizeOptions& o)
{
    const double variant = o.baselineRate + o.minimumDetectableEffect;
    return 2.0 * std::asin(std::sqrt(variant)) - 2.0 * std::asin(std::sqrt(o.baselineRate));
}

// Power at standardised shift s = |h| sqrt(effective n): both rejection tails, as statsmodels' normal_power.
double powerAtShift(double s, double crit)
{
    return normalSf(crit - s) + normalCdf(-crit - s);
}

} // namespace

Result<double> powerForSampleSize(const SampleSizeOptions& options, double visitorsA)
{
    if (auto ok = validate(options); !ok)
        return tl::unexpected(ok.error());
    if (!(visitorsA > 0.0) || !std::isfinite(visitorsA))
        return fail(ErrorCode::Invalid, "visitors must be positive");
    const double effective = visitorsA * options.ratio / (1.0 + options.ratio);
    return powerAtShift(std::fabs(cohensH(options)) * std::sqrt(effective), normalIsf(options.alpha / 2.0));
}

Result<SampleSizeResult> sampleSize(const SampleSizeOptions& options)
{
    if (auto ok = validate(options); !ok)
        return tl::unexpected(ok.error());
    if (!(options.power > options.alpha && options.power < 1.0))
        return fail(ErrorCode::Invalid, "power must be in (alpha, 1)");
    SampleSizeResult r;
    r.cohensH = cohensH(options);
    const double h = std::fabs(r.cohensH);
    const double crit = normalIsf(options.alpha / 2.0);
    // Start from the one-tail solution and let Newton on s add the (tiny) far tail; power(s) is
    // increasing and concave here, so the iteration converges monotonically in a few steps.
    double s = crit + normalQuantile(options.power);
    for (int i = 0; i < 50; ++i) {
        const double f = powerAtShift(s, crit) - options.power;
        const double slope = normalPdf(crit - s) - normalPdf(crit + s);
        const double step = f / slope;
        s -= step;
        if (std::fabs(step) <= 1e-15 * s)
            break;
    }
    const double effective = (s / h) * (s / h);
    r.perGroup = effective * (1.0 + options.ratio) / options.ratio;
    r.perGroupCeil = static_cast<std::int64_t>(std::ceil(r.perGroup));

    const double p1 = options.baselineRate;
    const double p2 = options.baselineRate + options.minimumDetectableEffect;
    const double pbar = (p1 + p2) / 2.0;
    const double term = crit * std::sqrt(2.0 * pbar * (1.0 - pbar)) +
                        normalQuantile(options.power) * std::sqrt(p1 * (1.0 - p1) + p2 * (1.0 - p2));
    r.perGroupClassic = term * term / ((p2 - p1) * (p2 - p1));
    r.perGroupClassicCeil = static_cast<std::int64_t>(std::ceil(r.perGroupClassic));
    return r;
}

} // namespace herald::engine
