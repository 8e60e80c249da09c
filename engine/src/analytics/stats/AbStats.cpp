#include "herald/engine/analytics/AbStats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "herald/engine/analytics/SpecialFunctions.h"

namespace herald::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A table counts as "as extreme" when its probability is at most the observed one times (1 + margin).
// scipy uses 1e-14, R 1e-7; our probabilities carry ~1e-13 relative rounding, so R's margin keeps the
// mirror-image tables (equal in exact arithmetic) together.
constexpr long double kFisherTieMargin = 1e-7L;

Result<void> validateArm(std::int64_t conversions, std::int64_t visitors, const char* arm)
{
    if (visitors <= 0)
        return fail(ErrorCode::Invalid, std::string("arm ") + arm + ": visitors must be positive");
    if (conversions < 0 || conversions > visitors)
        return fail(ErrorCode::Invalid, std::string("arm ") + arm + ": conversions must be in 0..visitors");
    return {};
}

Result<void> validateTable(const AbTable& t)
{
    if (auto ok = validateArm(t.conversionsA, t.visitorsA, "A"); !ok)
        return ok;
    return validateArm(t.conversionsB, t.visitorsB, "B");
}

// sum_{i < aX} B(aY + i, bX + bY) / ((bX + i) B(1 + i, bX) B(aY, bY)) = P(X > Y): Evan Miller's closed
// form. Consecutive terms have the ratio (aY + i)(bX + i) / ((aY + bX + bY + i)(1 + i)), so the sum runs as
// a product of ratios in long double (80-bit; rescaled before it could overflow) and only the first term
// needs log-gamma: accurate to ~1e-13 even for a million visitors, with one division per term.
long double betaGreaterSum(std::int64_t aX, std::int64_t bX, std::int64_t aY, std::int64_t bY)
{
    const auto lbeta = [](long double a, long double b) {
        return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
    };
    const long double ay = aY;
    const long double bx = bX;
    const long double by = bY;
    const long double logFirst = lbeta(ay, bx + by) - lbeta(ay, by);
    constexpr long double kRescale = 1e-1000L;
    const long double logRescale = std::log(kRescale);
    long double term = 1.0L; // term i relative to term 0, times exp(-logShift)
    long double sum = 1.0L;
    long double logShift = 0.0L;
    for (std::int64_t i = 0; i + 1 < aX; ++i) {
        const long double li = static_cast<long double>(i);
        term *= ((ay + li) * (bx + li)) / ((ay + bx + by + li) * (1.0L + li));
        sum += term;
        if (sum > 1e1000L) {
            term *= kRescale;
            sum *= kRescale;
            logShift -= logRescale;
        }
    }
    return std::exp(logFirst + logShift + std::log(sum));
}

Interval rateInterval(std::int64_t successes, std::int64_t n, double alpha, RateInterval method)
{
    return method == RateInterval::Wilson ? wilsonInterval(successes, n, alpha) : normalInterval(successes, n, alpha);
}

} // namespace

ZTest twoProportionZTest(const AbTable& t)
{
    // statsmodels proportions_ztest([cB, cA], [nB, nA]): same operation order, so the same rounding.
    const double nB = static_cast<double>(t.visitorsB);
    const double nA = static_cast<double>(t.visitorsA);
    const double diff = static_cast<double>(t.conversionsB) / nB - static_cast<double>(t.conversionsA) / nA;
    const double pooled = static_cast<double>(t.conversionsB + t.conversionsA) / (nB + nA);
    const double variance = pooled * (1.0 - pooled) * (1.0 / nB + 1.0 / nA);
    ZTest out;
    if (!(variance > 0.0)) {
        out.z = out.pTwoSided = out.pLarger = kNaN;
        return out;
    }
    out.defined = true;
    out.z = diff / std::sqrt(variance);
    out.pTwoSided = 2.0 * normalSf(std::fabs(out.z));
    out.pLarger = normalSf(out.z);
    return out;
}

ChiSquared chiSquared2x2(const AbTable& t, bool yates)
{
    const std::array<double, 4> observed = {
        static_cast<double>(t.conversionsA), static_cast<double>(t.visitorsA - t.conversionsA),
        static_cast<double>(t.conversionsB), static_cast<double>(t.visitorsB - t.conversionsB)};
    const double rows[2] = {observed[0] + observed[1], observed[2] + observed[3]};
    const double cols[2] = {observed[0] + observed[2], observed[1] + observed[3]};
    const double total = rows[0] + rows[1];
    ChiSquared out;
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c)
            out.expected[static_cast<std::size_t>(2 * r + c)] = rows[r] * cols[c] / total;
    if (std::any_of(out.expected.begin(), out.expected.end(), [](double e) { return !(e > 0.0); })) {
        out.statistic = out.p = kNaN;
        return out;
    }
    out.defined = true;
    double chi2 = 0.0;
    for (std::size_t i = 0; i < 4; ++i) {
        double o = observed[i];
        const double e = out.expected[i];
        if (yates) // scipy: move each count towards its expectation by at most 0.5
            o += std::copysign(std::min(0.5, std::fabs(e - o)), e - o);
        chi2 += (o - e) * (o - e) / e;
    }
    out.statistic = chi2;
    out.p = chiSquaredSf(chi2, 1.0);
    return out;
}

double fisherExactTwoSided(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d)
{
    const std::int64_t n1 = a + b;    // first row
    const std::int64_t n2 = c + d;    // second row
    const std::int64_t draws = a + c; // first column
    if (n1 == 0 || n2 == 0 || draws == 0 || b + d == 0)
        return 1.0;
    // a is hypergeometric: population n1 + n2, n1 marked, `draws` drawn. Log-probabilities relative to
    // the mode come from the exact ratio of consecutive terms, so no factorial is ever evaluated.
    const std::int64_t low = std::max<std::int64_t>(0, draws - n2);
    const std::int64_t high = std::min(draws, n1);
    const auto logRatio = [&](std::int64_t x) { // log P(x + 1) / P(x)
        const long double num = static_cast<long double>(n1 - x) * static_cast<long double>(draws - x);
        const long double den = static_cast<long double>(x + 1) * static_cast<long double>(n2 - draws + x + 1);
        return std::log(num / den);
    };
    const long double total = static_cast<long double>(n1 + n2);
    auto mode = static_cast<std::int64_t>(std::floor((draws + 1.0L) * (n1 + 1.0L) / (total + 2.0L)));
    mode = std::clamp(mode, low, high);

    long double wObserved = 0.0L;
    if (a > mode)
        for (std::int64_t x = mode; x < a; ++x)
            wObserved += logRatio(x);
    else
        for (std::int64_t x = mode; x > a; --x)
            wObserved -= logRatio(x - 1);
    const long double threshold = wObserved + std::log1p(kFisherTieMargin);
    // Terms beyond this are too small to change either sum (the walk away from the mode is monotone).
    const long double negligible = std::min(wObserved, 0.0L) - 80.0L;

    long double all = 1.0L;
    long double extreme = threshold >= 0.0L ? 1.0L : 0.0L;
    long double w = 0.0L;
    for (std::int64_t x = mode; x < high && w > negligible; ++x) {
        w += logRatio(x);
        const long double p = std::exp(w);
        all += p;
        if (w <= threshold)
            extreme += p;
    }
    w = 0.0L;
    for (std::int64_t x = mode; x > low && w > negligible; --x) {
        w -= logRatio(x - 1);
        const long double p = std::exp(w);
        all += p;
        if (w <= threshold)
            extreme += p;
    }
    return std::min(1.0, static_cast<double>(extreme / all));
}

Interval wilsonInterval(std::int64_t successes, std::int64_t n, double alpha)
{
    // statsmodels proportion_confint(method='wilson'), operation for operation.
    const double nobs = static_cast<double>(n);
    const double q = static_cast<double>(successes) / nobs;
    const double crit = normalIsf(alpha / 2.0);
    const double crit2 = crit * crit;
    const double denom = 1.0 + crit2 / nobs;
    const double center = (q + crit2 / (2.0 * nobs)) / denom;
    const double dist = crit * std::sqrt(q * (1.0 - q) / nobs + crit2 / (4.0 * nobs * nobs)) / denom;
    return {center - dist, center + dist};
}

Interval normalInterval(std::int64_t successes, std::int64_t n, double alpha)
{
    const double nobs = static_cast<double>(n);
    const double q = static_cast<double>(successes) / nobs;
    const double dist = normalIsf(alpha / 2.0) * std::sqrt(q * (1.0 - q) / nobs);
    return {q - dist, q + dist};
}

double probabilityBetaGreater(std::int64_t aX, std::int64_t bX, std::int64_t aY, std::int64_t bY)
{
    // Four equivalent sums (direct, mirrored x -> 1 - x, and their complements); the direct ones keep full
    // relative accuracy for tiny probabilities, so a complement is used only when it is far shorter.
    const std::int64_t direct = std::min(aX, bY);
    const std::int64_t complement = std::min(aY, bX);
    long double p;
    if (complement * 64 < direct)
        p = 1.0L - (aY <= bX ? betaGreaterSum(aY, bY, aX, bX) : betaGreaterSum(bX, aX, bY, aY));
    else
        p = aX <= bY ? betaGreaterSum(aX, bX, aY, bY) : betaGreaterSum(bY, aY, bX, aX);
    return std::clamp(static_cast<double>(p), 0.0, 1.0);
}

Result<AbResult> analyzeAb(const AbTable& table, const AbOptions& options)
{
    if (auto ok = validateTable(table); !ok)
        return tl::unexpected(ok.error());
    if (!(options.alpha > 0.0 && options.alpha < 1.0))
        return fail(ErrorCode::Invalid, "alpha must be in (0, 1)");
    if (options.priorAlpha < 1 || options.priorBeta < 1)
        return fail(ErrorCode::Invalid, "prior parameters must be integers >= 1");

    AbResult r;
    const double nA = static_cast<double>(table.visitorsA);
    const double nB = static_cast<double>(table.visitorsB);
    r.rateA = static_cast<double>(table.conversionsA) / nA;
    r.rateB = static_cast<double>(table.conversionsB) / nB;
    r.difference = r.rateB - r.rateA;
    r.zTest = twoProportionZTest(table);
    r.chiSquared = chiSquared2x2(table, false);
    r.chiSquaredYates = chiSquared2x2(table, true);
    r.fisherP = fisherExactTwoSided(table.conversionsA, table.visitorsA - table.conversionsA, table.conversionsB,
                                    table.visitorsB - table.conversionsB);
    r.rateAInterval = rateInterval(table.conversionsA, table.visitorsA, options.alpha, options.rateInterval);
    r.rateBInterval = rateInterval(table.conversionsB, table.visitorsB, options.alpha, options.rateInterval);

    // statsmodels confint_proportions_2indep(cB, nB, cA, nA): "1" is B, "2" is A.
    const double crit = normalIsf(options.alpha / 2.0);
    const double waldHalf = crit * std::sqrt(r.rateB * (1.0 - r.rateB) / nB + r.rateA * (1.0 - r.rateA) / nA);
    r.differenceWald = {r.difference - waldHalf, r.difference + waldHalf};
    const Interval wB = wilsonInterval(table.conversionsB, table.visitorsB, options.alpha);
    const Interval wA = wilsonInterval(table.conversionsA, table.visitorsA, options.alpha);
    const double dLow = std::sqrt((r.rateB - wB.low) * (r.rateB - wB.low) + (wA.high - r.rateA) * (wA.high - r.rateA));
    const double dHigh = std::sqrt((r.rateA - wA.low) * (r.rateA - wA.low) + (wB.high - r.rateB) * (wB.high - r.rateB));
    r.differenceNewcombe = {r.difference - dLow, r.difference + dHigh};

    const std::int64_t aA = options.priorAlpha + table.conversionsA;
    const std::int64_t bA = options.priorBeta + table.visitorsA - table.conversionsA;
    const std::int64_t aB = options.priorAlpha + table.conversionsB;
    const std::int64_t bB = options.priorBeta + table.visitorsB - table.conversionsB;
    r.probabilityBBeatsA = probabilityBetaGreater(aB, bB, aA, bA);
    // E[pA 1{pA > pB}] = mean(A) P(A+ > B) with A+ ~ Beta(aA + 1, bA); likewise for B.
    const double meanA = static_cast<double>(aA) / static_cast<double>(aA + bA);
    const double meanB = static_cast<double>(aB) / static_cast<double>(aB + bB);
    r.expectedLossChoosingB = std::max(0.0, meanA * probabilityBetaGreater(aA + 1, bA, aB, bB) -
                                                meanB * probabilityBetaGreater(aA, bA, aB + 1, bB));
    r.expectedLossChoosingA = std::max(0.0, meanB * probabilityBetaGreater(aB + 1, bB, aA, bA) -
                                                meanA * probabilityBetaGreater(aB, bB, aA + 1, bA));
    return r;
}

} // namespace herald::engine
