#include "herald/engine/analytics/Anomalies.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace herald::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int nextOdd(double value)
{
    auto v = static_cast<int>(std::ceil(value));
    return v % 2 == 0 ? v + 1 : v;
}

// Local linear loess of y (positions 0..n-1, optional robustness weights) at position x0, which may lie
// just outside the data (STL extends each cycle-subseries by one point). Follows STL's stlest: tricube
// weights over the span nearest points, the bandwidth widened when the span exceeds the data.
double loessAt(const double* y, const double* robust, int n, int span, double x0)
{
    int left = 0;
    int right = n - 1;
    if (span < n) {
        left = std::clamp(static_cast<int>(std::lround(x0)) - span / 2, 0, n - span);
        right = left + span - 1;
    }
    double h = std::max(x0 - left, right - x0);
    if (span > n)
        h += (span - n) / 2;
    const double hHigh = 0.999 * h;
    const double hLow = 0.001 * h;
    double weights[512];
    double* w = weights;
    std::vector<double> heap;
    if (right - left + 1 > 512) {
        heap.resize(static_cast<std::size_t>(right - left + 1));
        w = heap.data();
    }
    double total = 0.0;
    for (int j = left; j <= right; ++j) {
        const double r = std::fabs(j - x0);
        double wj = 0.0;
        if (r <= hHigh) {
            if (r <= hLow) {
                wj = 1.0;
            } else {
                const double u = r / h;
                const double c = 1.0 - u * u * u;
                wj = c * c * c;
            }
            if (robust)
                wj *= robust[j];
        }
        w[j - left] = wj;
        total += wj;
    }
    if (!(total > 0.0))
        return kNaN; // every neighbour has robustness weight 0; the caller falls back
    double centre = 0.0;
    for (int j = left; j <= right; ++j)
        centre += w[j - left] / total * j;
    double spread = 0.0;
    for (int j = left; j <= right; ++j)
        spread += w[j - left] / total * (j - centre) * (j - centre);
    double value = 0.0;
    // Local linear term only when the weighted points are spread out (stlest's test).
    const bool linear = std::sqrt(spread) > 0.001 * (n - 1);
    const double slope = linear ? (x0 - centre) / spread : 0.0;
    for (int j = left; j <= right; ++j)
        value += w[j - left] / total * (linear ? slope * (j - centre) + 1.0 : 1.0) * y[j];
    return value;
}

// Smooths y at every position; a NaN (all weights zero) falls back to the unweighted fit.
void loessSmooth(const std::vector<double>& y, const std::vector<double>* robust, int span, std::vector<double>& out)
{
    const int n = static_cast<int>(y.size());
    out.resize(y.size());
    for (int i = 0; i < n; ++i) {
        double v = loessAt(y.data(), robust ? robust->data() : nullptr, n, span, i);
        if (std::isnan(v))
            v = loessAt(y.data(), nullptr, n, span, i);
        out[static_cast<std::size_t>(i)] = v;
    }
}

void movingAverage(const std::vector<double>& in, int length, std::vector<double>& out)
{
    const std::size_t m = in.size() - static_cast<std::size_t>(length) + 1;
    out.assign(m, 0.0);
    double sum = 0.0;
    for (int i = 0; i < length; ++i)
        sum += in[static_cast<std::size_t>(i)];
    out[0] = sum / length;
    for (std::size_t i = 1; i < m; ++i) {
        sum += in[i + static_cast<std::size_t>(length) - 1] - in[i - 1];
        out[i] = sum / length;
    }
}

double median(std::vector<double> v)
{
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2 == 1)
        return upper;
    return 0.5 * (upper + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid)));
}

// The smoothers absorb part of each point's noise, so the remainder of an ordinary day has variance
// ((1 - h)^2 + sum_j h_j^2) sigma^2, h being the fit's weight on the day itself; an outlier, which the
// robust fit ignores, keeps the full sigma^2. Dividing the remainder's scale by the square root of that
// factor makes scores of outliers relative to the noise itself. The weights come from the (linear,
// non-robust) decomposition of a unit impulse in the middle of the series.
double remainderVarianceFactor(Eigen::Index n, const StlOptions& options)
{
    StlOptions linear = options;
    linear.outerIterations = 0;
    Eigen::VectorXd impulse = Eigen::VectorXd::Zero(n);
    impulse[n / 2] = 1.0;
    const auto stl = stlDecompose(impulse, linear);
    if (!stl)
        return 1.0;
    const Eigen::VectorXd fitted = stl->seasonal + stl->trend;
    const double self = fitted[n / 2];
    const double factor = (1.0 - self) * (1.0 - self) + fitted.squaredNorm() - self * self;
    return factor > 0.1 ? factor : 1.0;
}

} // namespace

Result<StlResult> stlDecompose(const Eigen::Ref<const Eigen::VectorXd>& series, const StlOptions& options)
{
    const auto n = static_cast<int>(series.size());
    const int p = options.period;
    if (p < 2)
        return fail(ErrorCode::Invalid, "period must be at least 2");
    if (n < 2 * p)
        return fail(ErrorCode::Invalid,
                    "series of " + std::to_string(n) + " points is shorter than two periods of " + std::to_string(p));
    if (options.seasonalWindow < 3 || options.seasonalWindow % 2 == 0)
        return fail(ErrorCode::Invalid, "seasonal window must be odd and at least 3");
    if (options.innerIterations < 1 || options.outerIterations < 0)
        return fail(ErrorCode::Invalid, "need at least one inner iteration");
    // Wider than STL's classic 1.5 p / (1 - 1.5 / seasonalWindow): a stiffer trend absorbs less of a
    // single day's noise, which is what anomaly scores need.
    const int trendWindow = options.trendWindow > 0 ? options.trendWindow : nextOdd(3.0 * p);
    const int lowPassWindow = options.lowPassWindow > 0 ? options.lowPassWindow : nextOdd(p + 1);
    if (trendWindow < 3 || lowPassWindow < 3)
        return fail(ErrorCode::Invalid, "trend and low-pass windows must be at least 3");

    // Fill NaN gaps by linear interpolation (constant beyond the first/last observation).
    std::vector<double> y(static_cast<std::size_t>(n));
    std::vector<int> observed;
    for (int i = 0; i < n; ++i) {
        if (std::isinf(series[i]))
            return fail(ErrorCode::Invalid, "value " + std::to_string(i) + " is infinite");
        if (!std::isnan(series[i]))
            observed.push_back(i);
    }
    if (observed.size() < 2)
        return fail(ErrorCode::Invalid, "fewer than two observed values");
    for (std::size_t k = 0; k + 1 < observed.size(); ++k) {
        const int a = observed[k];
        const int b = observed[k + 1];
        for (int i = a; i < b; ++i)
            y[static_cast<std::size_t>(i)] = series[a] + (series[b] - series[a]) * (i - a) / (b - a);
    }
    for (int i = 0; i <= observed.front(); ++i)
        y[static_cast<std::size_t>(i)] = series[observed.front()];
    for (int i = observed.back(); i < n; ++i)
        y[static_cast<std::size_t>(i)] = series[observed.back()];

    const auto un = static_cast<std::size_t>(n);
    const auto up = static_cast<std::size_t>(p);
    std::vector<double> seasonal(un, 0.0), trend(un, 0.0), robust(un, 1.0);
    std::vector<double> work(un), cycle(un + 2 * up), low1, low2, low3, lowPass, sub, subW;
    for (int outer = 0; outer <= options.outerIterations; ++outer) {
        const bool useRobust = outer > 0;
        for (int inner = 0; inner < options.innerIterations; ++inner) {
            // 1-2: detrend, smooth each cycle-subseries, extended one cycle at both ends.
            for (std::size_t i = 0; i < un; ++i)
                work[i] = y[i] - trend[i];
            for (int k = 0; k < p; ++k) {
                sub.clear();
                subW.clear();
                for (int i = k; i < n; i += p) {
                    sub.push_back(work[static_cast<std::size_t>(i)]);
                    subW.push_back(robust[static_cast<std::size_t>(i)]);
                }
                const int m = static_cast<int>(sub.size());
                for (int j = -1; j <= m; ++j) {
                    double v = loessAt(sub.data(), useRobust ? subW.data() : nullptr, m, options.seasonalWindow, j);
                    if (std::isnan(v))
                        v = loessAt(sub.data(), nullptr, m, options.seasonalWindow, j);
                    cycle[static_cast<std::size_t>(k + (j + 1) * p)] = v;
                }
            }
            // 3: low-pass filter of the cycle series: MA(p), MA(p), MA(3), loess.
            movingAverage(cycle, p, low1);
            movingAverage(low1, p, low2);
            movingAverage(low2, 3, low3);
            loessSmooth(low3, nullptr, lowPassWindow, lowPass);
            // 4-6: seasonal = cycle - low-pass; trend = loess of the deseasonalised series.
            for (std::size_t i = 0; i < un; ++i) {
                seasonal[i] = cycle[i + up] - lowPass[i];
                work[i] = y[i] - seasonal[i];
            }
            loessSmooth(work, useRobust ? &robust : nullptr, trendWindow, trend);
        }
        if (outer == options.outerIterations)
            break;
        // Bisquare robustness weights from the remainder, scaled by 6 median |remainder|.
        std::vector<double> absRemainder(un);
        for (std::size_t i = 0; i < un; ++i)
            absRemainder[i] = std::fabs(y[i] - seasonal[i] - trend[i]);
        const double h = 6.0 * median(absRemainder);
        for (std::size_t i = 0; i < un; ++i) {
            const double u = h > 0.0 ? absRemainder[i] / h : (absRemainder[i] > 0.0 ? 1.0 : 0.0);
            robust[i] = u <= 0.001 ? 1.0 : (u <= 0.999 ? (1.0 - u * u) * (1.0 - u * u) : 0.0);
        }
    }

    StlResult r;
    r.seasonal = Eigen::Map<const Eigen::VectorXd>(seasonal.data(), n);
    r.trend = Eigen::Map<const Eigen::VectorXd>(trend.data(), n);
    r.weights = Eigen::Map<const Eigen::VectorXd>(robust.data(), n);
    r.remainder = series - r.seasonal - r.trend; // NaN stays NaN
    return r;
}

Result<AnomalyResult> detectAnomalies(const Eigen::Ref<const Eigen::VectorXd>& series, const AnomalyOptions& options)
{
    if (!(options.threshold > 0.0))
        return fail(ErrorCode::Invalid, "threshold must be positive");
    auto stl = stlDecompose(series, options.stl);
    if (!stl)
        return tl::unexpected(stl.error());
    AnomalyResult result;
    result.decomposition = std::move(*stl);
    const Eigen::VectorXd& remainder = result.decomposition.remainder;
    std::vector<double> values;
    for (Eigen::Index i = 0; i < remainder.size(); ++i)
        if (!std::isnan(remainder[i]))
            values.push_back(remainder[i]);
    const double centre = median(values);
    std::vector<double> deviations(values.size());
    double meanAbs = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        deviations[i] = std::fabs(values[i] - centre);
        meanAbs += deviations[i];
    }
    meanAbs /= static_cast<double>(values.size());
    // 1.4826 MAD estimates the sd of Gaussian noise; when over half the remainder is exactly equal
    // the MAD is 0 and the mean absolute deviation (times sqrt(pi / 2)) stands in.
    double scale = 1.482602218505602 * median(deviations);
    if (!(scale > 0.0))
        scale = 1.2533141373155003 * meanAbs;
    scale /= std::sqrt(remainderVarianceFactor(series.size(), options.stl));
    // A perfectly regular series leaves only rounding in the remainder: never score rounding.
    double largest = 0.0;
    for (Eigen::Index i = 0; i < series.size(); ++i)
        if (!std::isnan(series[i]))
            largest = std::max(largest, std::fabs(series[i]));
    scale = std::max(scale, 1e-9 * largest);
    if (!(scale > 0.0))
        return result; // all zeros
    for (Eigen::Index i = 0; i < remainder.size(); ++i) {
        if (std::isnan(remainder[i]))
            continue;
        const double score = (remainder[i] - centre) / scale;
        if (std::fabs(score) <= options.threshold)
            continue;
        Anomaly a;
        a.index = static_cast<std::size_t>(i);
        a.observed = series[i];
        a.expected = result.decomposition.seasonal[i] + result.decomposition.trend[i];
        a.size = a.observed - a.expected;
        a.score = score;
        a.kind = score > 0.0 ? AnomalyKind::Spike : AnomalyKind::Drop;
        result.anomalies.push_back(a);
    }
    return result;
}

} // namespace herald::engine
