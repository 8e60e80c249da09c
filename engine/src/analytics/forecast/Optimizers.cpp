#include "Optimizers.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace herald::engine::forecastdetail {

namespace {

constexpr double kStepReduction = 0.2;
constexpr double kAcceptTol = 1e-4;
constexpr double kRelTest = 10.0;
constexpr double kBig = 1.0e35;

} // namespace

OptimResult minimizeBfgs(const Objective& objective, std::vector<double> start, const BfgsOptions& options,
                         const std::function<bool()>& keepGoing)
{
    const std::size_t n = start.size();
    std::vector<double> scale = options.parscale.empty() ? std::vector<double>(n, 1.0) : options.parscale;
    OptimResult result;
    bool cancelled = false;
    int evaluations = 0;
    // The objective on the scaled parameters, as optim's fminfn.
    auto eval = [&](const std::vector<double>& p) {
        if (keepGoing && !keepGoing())
            cancelled = true;
        std::vector<double> x(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = p[i] * scale[i];
        ++evaluations;
        return objective(x);
    };
    auto gradient = [&](const std::vector<double>& p, std::vector<double>& g) {
        std::vector<double> x = p;
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = p[i] + options.gradientStep;
            const double v1 = eval(x);
            x[i] = p[i] - options.gradientStep;
            const double v2 = eval(x);
            g[i] = (v1 - v2) / (2.0 * options.gradientStep);
            x[i] = p[i];
            if (!std::isfinite(g[i]))
                return false;
        }
        return true;
    };
    auto finish = [&](const std::vector<double>& p, double value, OptimStatus status) {
        result.par.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            result.par[i] = p[i] * scale[i];
        result.value = value;
        result.evaluations = evaluations;
        result.status = cancelled ? OptimStatus::Cancelled : status;
        return result;
    };

    std::vector<double> b(n);
    for (std::size_t i = 0; i < n; ++i)
        b[i] = start[i] / scale[i];
    double fmin = eval(b);
    if (options.maxIterations <= 0)
        return finish(b, fmin, std::isfinite(fmin) ? OptimStatus::Converged : OptimStatus::NotFinite);
    if (!std::isfinite(fmin))
        return finish(b, fmin, OptimStatus::NotFinite);
    if (n == 0)
        return finish(b, fmin, OptimStatus::Converged);

    std::vector<double> g(n), t(n), x(n), c(n);
    // Lower triangle of the inverse Hessian approximation, row-major like vmmin's B.
    std::vector<double> hinv(n * n, 0.0);
    auto B = [&](std::size_t i, std::size_t j) -> double& { return hinv[i * n + j]; };
    if (!gradient(b, g))
        return finish(b, fmin, OptimStatus::NotFinite);
    int iter = 1;
    int gradCount = 1;
    int ilast = gradCount;
    std::size_t count = 0;
    double f = fmin;
    do {
        if (cancelled)
            return finish(b, fmin, OptimStatus::Cancelled);
        if (ilast == gradCount) {
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t j = 0; j < i; ++j)
                    B(i, j) = 0.0;
                B(i, i) = 1.0;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = b[i];
            c[i] = g[i];
        }
        double gradProj = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (std::size_t j = 0; j <= i; ++j)
                s -= B(i, j) * g[j];
            for (std::size_t j = i + 1; j < n; ++j)
                s -= B(j, i) * g[j];
            t[i] = s;
            gradProj += s * g[i];
        }
        if (gradProj < 0.0) {
            double step = 1.0;
            bool accepted = false;
            do {
                count = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    b[i] = x[i] + step * t[i];
                    if (kRelTest + x[i] == kRelTest + b[i])
                        ++count;
                }
                if (count < n) {
                    f = eval(b);
                    accepted = std::isfinite(f) && f <= fmin + gradProj * step * kAcceptTol;
                    if (!accepted)
                        step *= kStepReduction;
                }
                if (cancelled)
                    return finish(x, fmin, OptimStatus::Cancelled);
            } while (!(count == n || accepted));
            const bool enough =
                f > -HUGE_VAL && std::fabs(f - fmin) > options.relTol * (std::fabs(fmin) + options.relTol);
            if (!enough) {
                count = n;
                fmin = f;
            }
            if (count < n) {
                fmin = f;
                if (!gradient(b, g))
                    return finish(b, fmin, OptimStatus::NotFinite);
                ++gradCount;
                ++iter;
                double d1 = 0.0;
                for (std::size_t i = 0; i < n; ++i) {
                    t[i] *= step;
                    c[i] = g[i] - c[i];
                    d1 += t[i] * c[i];
                }
                if (d1 > 0) {
                    double d2 = 0.0;
                    for (std::size_t i = 0; i < n; ++i) {
                        double s = 0.0;
                        for (std::size_t j = 0; j <= i; ++j)
                            s += B(i, j) * c[j];
                        for (std::size_t j = i + 1; j < n; ++j)
                            s += B(j, i) * c[j];
                        x[i] = s;
                        d2 += s * c[i];
                    }
                    d2 = 1.0 + d2 / d1;
                    for (std::size_t i = 0; i < n; ++i)
                        for (std::size_t j = 0; j <= i; ++j)
                            B(i, j) += (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                } else {
                    ilast = gradCount;
                }
            } else if (ilast < gradCount) {
                count = 0;
                ilast = gradCount;
            }
        } else {
            // Uphill direction: restart from steepest descent unless that was just done.
            count = 0;
            if (ilast == gradCount)
                count = n;
            else
                ilast = gradCount;
        }
        if (iter >= options.maxIterations)
            break;
        if (gradCount - ilast > 2 * static_cast<int>(n))
            ilast = gradCount;
    } while (count != n || ilast != gradCount);
    return finish(b, fmin, iter < options.maxIterations ? OptimStatus::Converged : OptimStatus::IterationLimit);
}

OptimResult minimizeNelderMead(const Objective& f, std::vector<double> start, const NelderMeadOptions& options,
                               const std::function<bool()>& keepGoing)
{
    const std::size_t n = start.size();
    OptimResult result;
    int evaluations = 0;
    bool cancelled = false;
    auto eval = [&](const std::vector<double>& p) {
        if (keepGoing && !keepGoing())
            cancelled = true;
        ++evaluations;
        const double v = f(p);
        return std::isfinite(v) ? v : kBig;
    };
    const double f0 = f(start);
    ++evaluations;
    if (!std::isfinite(f0) || n == 0) {
        result.par = start;
        result.value = f0;
        result.evaluations = evaluations;
        result.status = std::isfinite(f0) ? OptimStatus::Converged : OptimStatus::NotFinite;
        return result;
    }
    const std::size_t n1 = n + 1;
    // Vertices in columns 0..n, the centroid in column n + 1; values separately.
    std::vector<std::vector<double>> P(n1 + 1, std::vector<double>(n));
    std::vector<double> value(n1 + 1, 0.0);
    const double convTol = options.relTol * (std::fabs(f0) + options.relTol);
    P[0] = start;
    value[0] = f0;
    std::size_t L = 0;
    double step = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        step = std::max(step, 0.1 * std::fabs(start[i]));
    if (step == 0.0)
        step = 0.1;
    double size = 0.0;
    for (std::size_t j = 1; j <= n; ++j) {
        P[j] = start;
        double tryStep = step;
        while (P[j][j - 1] == start[j - 1]) {
            P[j][j - 1] = start[j - 1] + tryStep;
            tryStep *= 10;
        }
        size += tryStep;
    }
    double oldSize = size;
    bool calcVertices = true;
    OptimStatus status = OptimStatus::Converged;
    std::vector<double> trial(n);
    auto& centroid = P[n1];
    do {
        if (calcVertices) {
            for (std::size_t j = 0; j < n1; ++j)
                if (j != L)
                    value[j] = eval(P[j]);
            calcVertices = false;
        }
        double vl = value[L];
        double vh = vl;
        std::size_t H = L;
        for (std::size_t j = 0; j < n1; ++j) {
            if (j == L)
                continue;
            if (value[j] < vl) {
                L = j;
                vl = value[j];
            }
            if (value[j] > vh) {
                H = j;
                vh = value[j];
            }
        }
        if (vh <= vl + convTol || cancelled)
            break;
        for (std::size_t i = 0; i < n; ++i) {
            double s = -P[H][i];
            for (std::size_t j = 0; j < n1; ++j)
                s += P[j][i];
            centroid[i] = s / static_cast<double>(n);
        }
        for (std::size_t i = 0; i < n; ++i)
            trial[i] = (1.0 + options.alpha) * centroid[i] - options.alpha * P[H][i];
        const double vr = eval(trial);
        if (vr < vl) {
            value[n1] = vr;
            for (std::size_t i = 0; i < n; ++i) {
                const double e = options.gamma * trial[i] + (1 - options.gamma) * centroid[i];
                centroid[i] = trial[i];
                trial[i] = e;
            }
            const double fe = eval(trial);
            if (fe < vr) {
                P[H] = trial;
                value[H] = fe;
            } else {
                P[H] = centroid;
                value[H] = vr;
            }
        } else {
            if (vr < vh) {
                P[H] = trial;
                value[H] = vr;
            }
            for (std::size_t i = 0; i < n; ++i)
                trial[i] = (1 - options.beta) * P[H][i] + options.beta * centroid[i];
            const double fc = eval(trial);
            if (fc < value[H]) {
                P[H] = trial;
                value[H] = fc;
            } else if (vr >= vh) {
                calcVertices = true;
                size = 0.0;
                for (std::size_t j = 0; j < n1; ++j) {
                    if (j == L)
                        continue;
                    for (std::size_t i = 0; i < n; ++i) {
                        P[j][i] = options.beta * (P[j][i] - P[L][i]) + P[L][i];
                        size += std::fabs(P[j][i] - P[L][i]);
                    }
                }
                if (size < oldSize) {
                    oldSize = size;
                } else {
                    break; // the simplex no longer shrinks: as converged as it gets
                }
            }
        }
    } while (evaluations <= options.maxEvaluations);
    if (evaluations > options.maxEvaluations)
        status = OptimStatus::IterationLimit;
    result.par = P[L];
    result.value = value[L];
    result.evaluations = evaluations;
    result.status = cancelled ? OptimStatus::Cancelled : status;
    return result;
}

} // namespace herald::engine::forecastdetail
