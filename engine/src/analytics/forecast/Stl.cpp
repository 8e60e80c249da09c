#include "Stl.h"

#include <algorithm>
#include <cmath>

namespace herald::engine::forecastdetail {

namespace {

// One local (degree 0 or 1) tricube-weighted fit at xs over y[nleft..nright] (1-based positions as the
// Fortran, y indexed from 1 through the pointer offset). Returns false when all weights vanish.
bool loessPoint(const double* y, int n, int len, int degree, double xs, double& ys, int nleft, int nright,
                std::vector<double>& w)
{
    const double range = static_cast<double>(n) - 1.0;
    double h = std::max(xs - nleft, nright - xs);
    if (len > n)
        h += static_cast<double>((len - n) / 2);
    const double h9 = 0.999 * h;
    const double h1 = 0.001 * h;
    double a = 0.0;
    for (int j = nleft; j <= nright; ++j) {
        w[j] = 0.0;
        const double r = std::fabs(j - xs);
        if (r <= h9) {
            w[j] = r <= h1 ? 1.0 : std::pow(1.0 - std::pow(r / h, 3), 3);
            a += w[j];
        }
    }
    if (a <= 0.0)
        return false;
    for (int j = nleft; j <= nright; ++j)
        w[j] /= a;
    if (h > 0.0 && degree > 0) {
        a = 0.0;
        for (int j = nleft; j <= nright; ++j)
            a += w[j] * j;
        double b = xs - a;
        double c = 0.0;
        for (int j = nleft; j <= nright; ++j)
            c += w[j] * (j - a) * (j - a);
        if (std::sqrt(c) > 0.001 * range) {
            b /= c;
            for (int j = nleft; j <= nright; ++j)
                w[j] *= b * (j - a) + 1.0;
        }
    }
    ys = 0.0;
    for (int j = nleft; j <= nright; ++j)
        ys += w[j] * y[j];
    return true;
}

// Loess smoothing of y[1..n] into ys[1..n], evaluated every `jump` points and interpolated linearly between.
void loessSmooth(const double* y, int n, int len, int degree, int jump, double* ys, std::vector<double>& w)
{
    if (n < 2) {
        ys[1] = y[1];
        return;
    }
    const int newnj = std::min(jump, n - 1);
    int nleft = 1;
    int nright = n;
    if (len >= n) {
        for (int i = 1; i <= n; i += newnj)
            if (!loessPoint(y, n, len, degree, i, ys[i], nleft, nright, w))
                ys[i] = y[i];
    } else if (newnj == 1) {
        const int nsh = (len + 1) / 2;
        nright = len;
        for (int i = 1; i <= n; ++i) {
            if (i > nsh && nright != n) {
                ++nleft;
                ++nright;
            }
            if (!loessPoint(y, n, len, degree, i, ys[i], nleft, nright, w))
                ys[i] = y[i];
        }
    } else {
        const int nsh = (len + 1) / 2;
        for (int i = 1; i <= n; i += newnj) {
            if (i < nsh) {
                nleft = 1;
                nright = len;
            } else if (i >= n - nsh + 1) {
                nleft = n - len + 1;
                nright = n;
            } else {
                nleft = i - nsh + 1;
                nright = len + i - nsh;
            }
            if (!loessPoint(y, n, len, degree, i, ys[i], nleft, nright, w))
                ys[i] = y[i];
        }
    }
    if (newnj != 1) {
        for (int i = 1; i <= n - newnj; i += newnj) {
            const double delta = (ys[i + newnj] - ys[i]) / newnj;
            for (int j = i + 1; j < i + newnj; ++j)
                ys[j] = ys[i] + delta * (j - i);
        }
        const int k = ((n - 1) / newnj) * newnj + 1;
        if (k != n) {
            if (!loessPoint(y, n, len, degree, n, ys[n], nleft, nright, w))
                ys[n] = y[n];
            if (k != n - 1) {
                const double delta = (ys[n] - ys[k]) / (n - k);
                for (int j = k + 1; j < n; ++j)
                    ys[j] = ys[k] + delta * (j - k);
            }
        }
    }
}

// Moving average of length len: out has n - len + 1 values.
std::vector<double> movingAverage(const std::vector<double>& x, int len)
{
    const int n = static_cast<int>(x.size());
    std::vector<double> out(n - len + 1);
    double v = 0.0;
    for (int i = 0; i < len; ++i)
        v += x[i];
    out[0] = v / len;
    for (int j = 1; j < n - len + 1; ++j) {
        v = v - x[j - 1] + x[j + len - 1];
        out[j] = v / len;
    }
    return out;
}

int nextOdd(int x)
{
    return x % 2 == 0 ? x + 1 : x;
}

} // namespace

StlResult stl(const std::vector<double>& x, int period, int seasonalWindow)
{
    const int n = static_cast<int>(x.size());
    const int np = std::max(2, period);
    const int ns = nextOdd(std::max(3, seasonalWindow));
    const int nt = nextOdd(std::max(3, static_cast<int>(std::ceil(1.5 * np / (1.0 - 1.5 / seasonalWindow)))));
    const int nl = nextOdd(std::max(3, np));
    const int nsjump = (ns + 9) / 10;
    const int ntjump = (nt + 9) / 10;
    const int nljump = (nl + 9) / 10;
    constexpr int kInner = 2;

    // 1-based work arrays as the Fortran (index 0 unused).
    std::vector<double> trend(n + 1, 0.0), season(n + 1, 0.0), w1(n + 2 * np + 1), w2(n + 2 * np + 1);
    std::vector<double> weights(std::max(n, ns) + 2 * np + 2);
    std::vector<double> sub(n / np + 3), subSmooth(n / np + 4);
    for (int pass = 0; pass < kInner; ++pass) {
        for (int i = 1; i <= n; ++i)
            w1[i] = x[i - 1] - trend[i];
        // Cycle-subseries smoothing, extended by one period at both ends: w2[1..n + 2 np].
        for (int j = 1; j <= np; ++j) {
            const int k = (n - j) / np + 1;
            for (int i = 1; i <= k; ++i)
                sub[i] = w1[(i - 1) * np + j];
            loessSmooth(sub.data(), k, ns, 0, nsjump, subSmooth.data() + 1, weights);
            const int nright = std::min(ns, k);
            if (!loessPoint(sub.data(), k, ns, 0, 0.0, subSmooth[1], 1, nright, weights))
                subSmooth[1] = subSmooth[2];
            const int nleft = std::max(1, k - ns + 1);
            if (!loessPoint(sub.data(), k, ns, 0, k + 1.0, subSmooth[k + 2], nleft, k, weights))
                subSmooth[k + 2] = subSmooth[k + 1];
            for (int m = 1; m <= k + 2; ++m)
                w2[(m - 1) * np + j] = subSmooth[m];
        }
        // Low-pass filter of the cycle-subseries: moving averages np, np, 3, then loess.
        const std::vector<double> c(w2.begin() + 1, w2.begin() + 1 + n + 2 * np);
        std::vector<double> low = movingAverage(movingAverage(movingAverage(c, np), np), 3);
        low.insert(low.begin(), 0.0);
        std::vector<double> lowSmooth(n + 1);
        loessSmooth(low.data(), n, nl, 1, nljump, lowSmooth.data(), weights);
        for (int i = 1; i <= n; ++i)
            season[i] = w2[np + i] - lowSmooth[i];
        for (int i = 1; i <= n; ++i)
            w1[i] = x[i - 1] - season[i];
        loessSmooth(w1.data(), n, nt, 1, ntjump, trend.data(), weights);
    }
    StlResult out;
    for (int i = 1; i <= n; ++i) {
        out.seasonal.push_back(season[i]);
        out.trend.push_back(trend[i]);
        out.remainder.push_back(x[i - 1] - season[i] - trend[i]);
    }
    return out;
}

} // namespace herald::engine::forecastdetail
