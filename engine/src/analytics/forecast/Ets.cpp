#include "herald/engine/analytics/Ets.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>

#include <Eigen/Eigenvalues>
#include <Eigen/QR>

#include "Optimizers.h"
#include "ProgressTicker.h"
#include "SeriesCheck.h"

namespace herald::engine {

namespace fd = forecastdetail;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTol = 1.0e-10; // forecast's etscalc TOL
constexpr double kHuge = 1.0e10; // forecast's HUGEN
constexpr double kNa = -99999.0; // forecast's NA marker
constexpr double kZ80 = 1.2815515655446004;
constexpr double kZ95 = 1.9599639845400540;

bool hasTrend(const EtsSpec& s)
{
    return s.trend != EtsTrend::None;
}

bool isDamped(const EtsSpec& s)
{
    return s.trend == EtsTrend::AdditiveDamped;
}

bool hasSeason(const EtsSpec& s)
{
    return s.season != EtsSeason::None;
}

// Classical decomposition (stats::decompose): the seasonal figure by position from the first observation.
std::vector<double> decomposeFigure(const std::vector<double>& x, int f, bool multiplicative)
{
    const int l = static_cast<int>(x.size());
    std::vector<double> filter;
    if (f % 2 == 0) {
        filter.assign(f + 1, 1.0 / f);
        filter.front() = filter.back() = 0.5 / f;
    } else {
        filter.assign(f, 1.0 / f);
    }
    const int nf = static_cast<int>(filter.size());
    const int offset = nf / 2;
    std::vector<double> season(l, std::nan(""));
    for (int i = 0; i < l; ++i) {
        const int first = i + offset - nf + 1;
        const int last = i + offset;
        if (first < 0 || last >= l)
            continue;
        double trend = 0.0;
        for (int j = 0; j < nf; ++j)
            trend += filter[j] * x[i + offset - j];
        season[i] = multiplicative ? x[i] / trend : x[i] - trend;
    }
    std::vector<double> figure(f, 0.0);
    for (int i = 0; i < f; ++i) {
        double sum = 0.0;
        int count = 0;
        for (int k = i; k < l; k += f)
            if (!std::isnan(season[k])) {
                sum += season[k];
                ++count;
            }
        figure[i] = sum / count;
    }
    const double mean = std::accumulate(figure.begin(), figure.end(), 0.0) / f;
    for (double& v : figure)
        v = multiplicative ? v / mean : v - mean;
    return figure;
}

// forecast's initstate: seasonal indices from a decomposition (a trend + one Fourier pair regression for short
// series), then level and trend from the first seasonally adjusted observations.
std::vector<double> initialState(const std::vector<double>& y, int m, const EtsSpec& spec)
{
    const int n = static_cast<int>(y.size());
    std::vector<double> ysa = y;
    std::vector<double> init;
    std::vector<double> seasons;
    if (hasSeason(spec)) {
        const bool mult = spec.season == EtsSeason::Multiplicative;
        std::vector<double> seasonal(n);
        if (n < 3 * m) {
            const bool withSin = m > 2;
            Eigen::MatrixXd X(n, withSin ? 4 : 3);
            Eigen::VectorXd yv(n);
            for (int t = 0; t < n; ++t) {
                const double tt = t + 1.0;
                X(t, 0) = 1.0;
                X(t, 1) = tt;
                int c = 2;
                if (withSin)
                    X(t, c++) = std::sin(2.0 * std::numbers::pi * tt / m);
                X(t, c) = std::cos(2.0 * std::numbers::pi * tt / m);
                yv(t) = y[t];
            }
            const Eigen::VectorXd coef = X.colPivHouseholderQr().solve(yv);
            for (int t = 0; t < n; ++t) {
                const double line = coef(0) + coef(1) * (t + 1.0);
                seasonal[t] = mult ? y[t] / line : y[t] - line;
            }
        } else {
            const std::vector<double> figure = decomposeFigure(y, m, mult);
            for (int t = 0; t < n; ++t)
                seasonal[t] = figure[t % m];
        }
        for (int j = m - 1; j >= 1; --j)
            seasons.push_back(seasonal[j]);
        if (!mult) {
            for (int t = 0; t < n; ++t)
                ysa[t] = y[t] - seasonal[t];
        } else {
            double sum = 0.0;
            for (double& s : seasons) {
                s = std::max(s, 0.01);
                sum += s;
            }
            if (sum > m) {
                const double denom = sum + 0.01 * static_cast<double>(seasons.size());
                for (double& s : seasons)
                    s /= denom;
            }
            for (int t = 0; t < n; ++t)
                ysa[t] = y[t] / std::max(seasonal[t], 0.01);
        }
    } else {
        m = 1;
    }
    const int maxn = std::min(std::max(10, 2 * m), n);
    if (!hasTrend(spec)) {
        init.push_back(std::accumulate(ysa.begin(), ysa.begin() + maxn, 0.0) / maxn);
    } else {
        const double xbar = (maxn + 1) / 2.0;
        const double ybar = std::accumulate(ysa.begin(), ysa.begin() + maxn, 0.0) / maxn;
        double sxy = 0.0, sxx = 0.0;
        for (int t = 0; t < maxn; ++t) {
            sxy += (t + 1 - xbar) * (ysa[t] - ybar);
            sxx += (t + 1 - xbar) * (t + 1 - xbar);
        }
        double b0 = sxy / sxx;
        double l0 = ybar - b0 * xbar;
        if (std::fabs(l0 + b0) < 1e-8) {
            l0 *= 1 + 1e-3;
            b0 *= 1 - 1e-3;
        }
        init.push_back(l0);
        init.push_back(b0);
    }
    init.insert(init.end(), seasons.begin(), seasons.end());
    return init;
}

struct Bounds
{
    double lower[4];
    double upper[4];
};

// forecast's initparam for the optimised smoothing parameters (alpha, beta, gamma, phi as present).
std::vector<double> initialParameters(const EtsSpec& spec, int m, Bounds b)
{
    std::vector<double> par;
    double alpha = b.lower[0] + 0.2 * (b.upper[0] - b.lower[0]) / m;
    if (alpha > 1 || alpha < 0)
        alpha = b.lower[0] + 2e-3;
    par.push_back(alpha);
    if (hasTrend(spec)) {
        b.upper[1] = std::min(b.upper[1], alpha);
        double beta = b.lower[1] + 0.1 * (b.upper[1] - b.lower[1]);
        if (beta < 0 || beta > alpha)
            beta = alpha - 1e-3;
        par.push_back(beta);
    }
    if (hasSeason(spec)) {
        b.upper[2] = std::min(b.upper[2], 1 - alpha);
        double gamma = b.lower[2] + 0.05 * (b.upper[2] - b.lower[2]);
        if (gamma < 0 || gamma > 1 - alpha)
            gamma = 1 - alpha - 1e-3;
        par.push_back(gamma);
    }
    if (isDamped(spec)) {
        double phi = b.lower[3] + 0.99 * (b.upper[3] - b.lower[3]);
        if (phi < 0 || phi > 1)
            phi = b.upper[3] - 1e-3;
        par.push_back(phi);
    }
    return par;
}

struct Smoothing
{
    double alpha = 0.0;
    double beta = 0.0;
    double gamma = 0.0;
    double phi = 1.0;
};

// The admissible region of the smoothing parameters (forecast's admissible(): stable forecasts).
bool admissible(const Smoothing& s, bool seasonal, bool trend, int m)
{
    const double phi = s.phi;
    if (phi < 0 || phi > 1 + 1e-8)
        return false;
    if (!seasonal) {
        if (s.alpha < 1 - 1 / phi || s.alpha > 1 + 1 / phi)
            return false;
        if (trend && (s.beta < s.alpha * (phi - 1) || s.beta > (1 + phi) * (2 - s.alpha)))
            return false;
        return true;
    }
    const double alpha = s.alpha, gamma = s.gamma;
    const double beta = trend ? s.beta : 0.0;
    const double d = 1 - 1 / phi - alpha;
    if (gamma < std::max(d, 0.0) || gamma > 1 + 1 / phi - alpha)
        return false;
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        return false;
    if (beta < -(1 - phi) * (gamma / m + alpha))
        return false;
    // Roots of z^(m+1) + (a+b-phi) z^m + (a+b-a phi) z^(m-1) + ... + (a+b-a phi+g-1) z + phi (1-a-g).
    std::vector<double> c;
    c.push_back(alpha + beta - phi);
    for (int i = 0; i < m - 2; ++i)
        c.push_back(alpha + beta - alpha * phi);
    c.push_back(alpha + beta - alpha * phi + gamma - 1);
    c.push_back(phi * (1 - alpha - gamma));
    // All roots strictly inside the unit circle (a Schur-Cohn step-down, O(m^2)) settles most calls; only the
    // rest need the eigenvalues, so the decision stays forecast's max |root| <= 1 + 1e-10.
    std::vector<double> work(c.size());
    for (std::size_t i = 0; i < c.size(); ++i)
        work[i] = -c[i];
    std::vector<double> next(work.size());
    bool strictlyStable = true;
    for (std::size_t j = work.size(); j-- > 0;) {
        const double a = work[j];
        if (!(std::fabs(a) < 1.0)) {
            strictlyStable = false;
            break;
        }
        for (std::size_t i = 0; i < j; ++i)
            next[i] = (work[i] + a * work[j - 1 - i]) / (1 - a * a);
        std::copy(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(j), work.begin());
    }
    if (strictlyStable)
        return true;
    const int k = static_cast<int>(c.size());
    Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(k, k);
    for (int j = 0; j < k; ++j)
        companion(0, j) = -c[j];
    for (int i = 1; i < k; ++i)
        companion(i, i - 1) = 1.0;
    const Eigen::VectorXcd roots = Eigen::EigenSolver<Eigen::MatrixXd>(companion, false).eigenvalues();
    return roots.cwiseAbs().maxCoeff() <= 1 + 1e-10;
}

struct Pass
{
    double lik = 0.0;
    std::vector<double> e;
    std::vector<double> finalState;
};

// forecast's etscalc: one-step errors through the data, the final state and the criterion
// n log(sum e^2) (+ 2 sum log |forecast| for multiplicative errors).
Pass runFilter(const std::vector<double>& y, const std::vector<double>& state, const EtsSpec& spec, int m,
               const Smoothing& s, bool keepErrors)
{
    const bool trend = hasTrend(spec);
    const EtsSeason season = spec.season;
    const bool multError = spec.error == EtsError::Multiplicative;
    double l = state[0];
    double b = trend ? state[1] : 0.0;
    // Seasonal states in a ring: logical s_j (j = 0 most recent) is ring[(head + j) % m], so the shift of every
    // season after an update is one step of head.
    std::vector<double> ring(state.begin() + (trend ? 2 : 1), state.end());
    int head = 0;
    const bool seasonal = season != EtsSeason::None;
    Pass out;
    if (keepErrors)
        out.e.resize(y.size());
    double sse = 0.0, logSum = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double oldl = l;
        const double oldb = b;
        const int oldestSlot = seasonal ? (head + m - 1) % m : 0;
        const double oldest = seasonal ? ring[oldestSlot] : 0.0; // the season of this observation
        double f = trend ? oldl + s.phi * oldb : oldl;
        if (season == EtsSeason::Additive)
            f += oldest;
        else if (season == EtsSeason::Multiplicative)
            f *= oldest;
        if (std::fabs(f - kNa) < kTol) {
            out.lik = std::nan("");
            return out;
        }
        const double e = multError ? (y[i] - f) / f : y[i] - f;
        if (keepErrors)
            out.e[i] = e;
        // Level, growth and seasonal updates (forecast's update()).
        const double phib = trend ? s.phi * oldb : 0.0;
        const double q = oldl + phib;
        double p = y[i];
        if (season == EtsSeason::Additive)
            p = y[i] - oldest;
        else if (season == EtsSeason::Multiplicative)
            p = std::fabs(oldest) < kTol ? kHuge : y[i] / oldest;
        l = q + s.alpha * (p - q);
        if (trend)
            b = phib + (s.beta / s.alpha) * ((l - oldl) - phib);
        if (seasonal) {
            double t = y[i] - q;
            if (season == EtsSeason::Multiplicative)
                t = std::fabs(q) < kTol ? kHuge : y[i] / q;
            head = oldestSlot;
            ring[head] = oldest + s.gamma * (t - oldest);
        }
        sse += e * e;
        logSum += std::log(std::fabs(f));
    }
    out.lik = static_cast<double>(y.size()) * std::log(sse);
    if (multError)
        out.lik += 2 * logSum;
    out.finalState.push_back(l);
    if (trend)
        out.finalState.push_back(b);
    for (std::size_t j = 0; j < ring.size(); ++j)
        out.finalState.push_back(ring[(head + j) % ring.size()]);
    return out;
}

class Target
{
public:
    Target(const std::vector<double>& y, const EtsSpec& spec, int m, const Bounds& bounds)
        : m_y(y), m_spec(spec), m_m(m), m_bounds(bounds)
    {
        m_nSmoothing = 1 + int(hasTrend(spec)) + int(hasSeason(spec)) + int(isDamped(spec));
    }

    Smoothing smoothing(const std::vector<double>& par) const
    {
        Smoothing s;
        int j = 0;
        s.alpha = par[j++];
        if (hasTrend(m_spec))
            s.beta = par[j++];
        if (hasSeason(m_spec))
            s.gamma = par[j++];
        if (isDamped(m_spec))
            s.phi = par[j++];
        return s;
    }

    // The full initial state: the optimised ones plus the last seasonal index, which makes them sum to
    // m (multiplicative) or 0 (additive).
    std::vector<double> state(const std::vector<double>& par) const
    {
        std::vector<double> st(par.begin() + m_nSmoothing, par.end());
        if (hasSeason(m_spec)) {
            const int start = hasTrend(m_spec) ? 2 : 1;
            double sum = 0.0;
            for (std::size_t i = start; i < st.size(); ++i)
                sum += st[i];
            st.push_back((m_spec.season == EtsSeason::Multiplicative ? m_m : 0) - sum);
        }
        return st;
    }

    double operator()(const std::vector<double>& par) const
    {
        const Smoothing s = smoothing(par);
        const bool trend = hasTrend(m_spec);
        const Bounds& b = m_bounds;
        if (s.alpha < b.lower[0] || s.alpha > b.upper[0])
            return kInf;
        if (trend && (s.beta < b.lower[1] || s.beta > s.alpha || s.beta > b.upper[1]))
            return kInf;
        if (isDamped(m_spec) && (s.phi < b.lower[3] || s.phi > b.upper[3]))
            return kInf;
        if (hasSeason(m_spec) && (s.gamma < b.lower[2] || s.gamma > 1 - s.alpha || s.gamma > b.upper[2]))
            return kInf;
        if (!admissible(s, hasSeason(m_spec), trend, hasSeason(m_spec) ? m_m : 1))
            return kInf;
        const std::vector<double> st = state(par);
        if (m_spec.season == EtsSeason::Multiplicative && *std::min_element(st.begin() + (trend ? 2 : 1), st.end()) < 0)
            return kInf;
        double lik = runFilter(m_y, st, m_spec, hasSeason(m_spec) ? m_m : 1, s, false).lik;
        if (lik < -1e10)
            lik = -1e10; // avoid perfect fits
        if (std::isnan(lik) || std::fabs(lik + 99999) < 1e-7)
            return kInf;
        return lik;
    }

private:
    const std::vector<double>& m_y;
    EtsSpec m_spec;
    int m_m;
    Bounds m_bounds;
    int m_nSmoothing = 1;
};

std::optional<EtsModel> fitOne(const std::vector<double>& y, const EtsSpec& spec, int period, const EtsOptions& o,
                               fd::ProgressTicker& ticker)
{
    const int m = hasSeason(spec) ? period : 1;
    const Bounds bounds{{o.lowerSmoothing, o.lowerSmoothing, o.lowerSmoothing, o.lowerPhi},
                        {o.upperSmoothing, o.upperSmoothing, o.upperSmoothing, o.upperPhi}};
    std::vector<double> par = initialParameters(spec, m, bounds);
    const std::vector<double> init = initialState(y, m, spec);
    par.insert(par.end(), init.begin(), init.end());
    const int n = static_cast<int>(y.size());
    if (static_cast<int>(par.size()) >= n - 1)
        return std::nullopt;
    const Target target(y, spec, m, bounds);
    fd::NelderMeadOptions nm;
    nm.maxEvaluations = o.maxEvaluations;
    const fd::OptimResult res = fd::minimizeNelderMead([&target](const std::vector<double>& p) { return target(p); },
                                                       par, nm, [&ticker] { return ticker.keepGoing(); });
    if (res.status == fd::OptimStatus::NotFinite || res.status == fd::OptimStatus::Cancelled)
        return std::nullopt;
    EtsModel model;
    model.spec = spec;
    model.period = m;
    const Smoothing s = target.smoothing(res.par);
    model.alpha = s.alpha;
    model.beta = s.beta;
    model.gamma = s.gamma;
    model.phi = s.phi;
    model.initialState = target.state(res.par);
    const Pass pass = runFilter(y, model.initialState, spec, m, s, true);
    if (!std::isfinite(pass.lik))
        return std::nullopt;
    model.finalState = pass.finalState;
    model.residuals = pass.e;
    const int np = static_cast<int>(res.par.size()) + 1;
    model.parameterCount = np;
    model.loglik = -0.5 * pass.lik;
    model.aic = pass.lik + 2 * np;
    model.bic = pass.lik + std::log(static_cast<double>(n)) * np;
    model.aicc = model.aic + 2.0 * np * (np + 1) / (n - np - 1);
    double sse = 0.0;
    for (double e : pass.e)
        sse += e * e;
    model.sigma2 = sse / (n - (np - 1));
    model.status = res.status == fd::OptimStatus::IterationLimit ? EtsStatus::IterationLimit : EtsStatus::Converged;
    return model;
}

Eigen::MatrixXd kron(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B)
{
    Eigen::MatrixXd K(A.rows() * B.rows(), A.cols() * B.cols());
    for (Eigen::Index i = 0; i < A.rows(); ++i)
        for (Eigen::Index j = 0; j < A.cols(); ++j)
            K.block(i * B.rows(), j * B.cols(), B.rows(), B.cols()) = A(i, j) * B;
    return K;
}

// forecast's class1 (linear models): means, variances and the c_j used by class2.
void linearForecast(const EtsModel& model, int h, std::vector<double>& mu, std::vector<double>& var,
                    std::vector<double>& cj)
{
    const int p = static_cast<int>(model.finalState.size());
    const int m = model.period;
    const bool trend = hasTrend(model.spec);
    const bool seasonA = model.spec.season == EtsSeason::Additive;
    const double phi = isDamped(model.spec) ? model.phi : 1.0;
    Eigen::RowVectorXd H = Eigen::RowVectorXd::Zero(p);
    H(0) = 1.0;
    if (seasonA)
        H(p - 1) = 1.0;
    if (trend)
        H(1) = phi;
    Eigen::MatrixXd F = Eigen::MatrixXd::Zero(p, p);
    F(0, 0) = 1.0;
    if (trend)
        F(0, 1) = F(1, 1) = phi;
    if (seasonA) {
        F(p - m, p - 1) = 1.0;
        for (int i = 0; i < m - 1; ++i)
            F(p - m + 1 + i, p - m + i) = 1.0;
    }
    Eigen::VectorXd G = Eigen::VectorXd::Zero(p);
    G(0) = model.alpha;
    if (trend)
        G(1) = model.beta;
    if (seasonA)
        G(2) = model.gamma; // index 3 in R, also without a trend: kept so that intervals match forecast::ets
    const Eigen::Map<const Eigen::VectorXd> x(model.finalState.data(), p);
    mu.assign(h, 0.0);
    cj.assign(std::max(h - 1, 0), 0.0);
    Eigen::MatrixXd Fj = Eigen::MatrixXd::Identity(p, p);
    for (int i = 0; i < h - 1; ++i) {
        mu[i] = H * Fj * x;
        cj[i] = H * Fj * G;
        Fj = Fj * F;
    }
    mu[h - 1] = H * Fj * x;
    var.assign(h, model.sigma2);
    double cum = 0.0;
    for (int i = 1; i < h; ++i) {
        cum += cj[i - 1] * cj[i - 1];
        var[i] = model.sigma2 * (1 + cum);
    }
}

} // namespace

std::string EtsModel::label() const
{
    std::string s = "ETS(";
    s += spec.error == EtsError::Additive ? "A" : "M";
    s += ",";
    s += spec.trend == EtsTrend::None ? "N" : spec.trend == EtsTrend::Additive ? "A" : "Ad";
    s += ",";
    s += spec.season == EtsSeason::None ? "N" : spec.season == EtsSeason::Additive ? "A" : "M";
    return s + ")";
}

Result<EtsResult> fitEts(const Eigen::Ref<const Eigen::VectorXd>& series, const EtsOptions& options,
                         const Progress& progress)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    if (options.period < 1)
        return fail(ErrorCode::Invalid, "the period must be at least 1");
    const std::vector<double> y(series.data(), series.data() + series.size());
    const int n = static_cast<int>(y.size());
    if (n <= 6)
        return fail(ErrorCode::Invalid,
                    std::string("ETS needs more than 6 observations (the series has ") + std::to_string(n) + ")");
    if (!options.model && std::all_of(y.begin(), y.end(), [&y](double v) { return v == y.front(); })) {
        // As forecast::ets: a constant series is simple exponential smoothing with alpha 0.99999 and no noise.
        EtsResult constant;
        EtsModel& model = constant.model;
        model.alpha = 0.99999;
        model.initialState = model.finalState = {y.front()};
        model.residuals.assign(y.size(), 0.0);
        model.loglik = model.aic = model.aicc = model.bic = std::nan("");
        model.parameterCount = 3;
        constant.fitted.push_back(model);
        return constant;
    }
    const int m = options.period;
    const bool seasonalPossible = m > 1 && n > m && m <= 24;
    const bool positive = *std::min_element(y.begin(), y.end()) > 0;
    if (options.model) {
        const EtsSpec& s = *options.model;
        if (hasSeason(s) && !seasonalPossible)
            return fail(ErrorCode::Invalid,
                        "a seasonal ETS model needs 1 < period <= 24 and more than one season of data");
        if (!positive && (s.error == EtsError::Multiplicative || s.season == EtsSeason::Multiplicative))
            return fail(ErrorCode::Invalid, "multiplicative ETS models need data > 0");
        if (s.error == EtsError::Additive && s.season == EtsSeason::Multiplicative)
            return fail(ErrorCode::Invalid, "ETS with additive errors and multiplicative seasons is not admitted");
    }
    std::vector<EtsSpec> specs;
    if (options.model) {
        specs.push_back(*options.model);
    } else {
        for (EtsError e : {EtsError::Additive, EtsError::Multiplicative})
            for (EtsTrend t : {EtsTrend::None, EtsTrend::Additive})
                for (EtsSeason s : {EtsSeason::None, EtsSeason::Additive, EtsSeason::Multiplicative})
                    for (bool damped : {true, false}) {
                        if (t == EtsTrend::None && damped)
                            continue;
                        if (s != EtsSeason::None && !seasonalPossible)
                            continue;
                        if (e == EtsError::Additive && s == EtsSeason::Multiplicative)
                            continue;
                        if (options.additiveOnly && (e == EtsError::Multiplicative || s == EtsSeason::Multiplicative))
                            continue;
                        if (!positive && e == EtsError::Multiplicative)
                            continue;
                        specs.push_back(EtsSpec{e, damped ? EtsTrend::AdditiveDamped : t, s});
                    }
    }
    fd::ProgressTicker ticker(progress);
    EtsResult result;
    double best = kInf;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        ticker.setFraction(static_cast<double>(i) / static_cast<double>(specs.size()));
        std::optional<EtsModel> fit = fitOne(y, specs[i], m, options, ticker);
        if (ticker.cancelled())
            return fail(ErrorCode::Cancelled, "ETS fit cancelled");
        if (!fit || std::isnan(fit->aicc))
            continue;
        if (fit->aicc < best) {
            best = fit->aicc;
            result.model = *fit;
        }
        result.fitted.push_back(std::move(*fit));
    }
    if (result.fitted.empty())
        return fail(ErrorCode::Invalid, "no ETS model could be fitted to the series");
    return result;
}

Result<Forecast> forecastEts(const EtsModel& model, int horizon)
{
    if (horizon < 1)
        return fail(ErrorCode::Invalid, "the forecast horizon must be at least 1");
    if (model.finalState.empty())
        return fail(ErrorCode::Invalid, "the ETS model is not fitted");
    const int h = horizon;
    std::vector<double> mu, var, cj;
    const double sigma2 = model.sigma2;
    if (model.spec.season != EtsSeason::Multiplicative) {
        linearForecast(model, h, mu, var, cj);
        if (model.spec.error == EtsError::Multiplicative) {
            // Class 2: multiplicative errors around linear components.
            std::vector<double> theta(h);
            theta[0] = mu[0] * mu[0];
            for (int j = 1; j < h; ++j) {
                double s = 0.0;
                for (int k = 0; k < j; ++k)
                    s += cj[k] * cj[k] * theta[j - 1 - k];
                theta[j] = mu[j] * mu[j] + sigma2 * s;
            }
            for (int j = 0; j < h; ++j)
                var[j] = (1 + sigma2) * theta[j] - mu[j] * mu[j];
        }
    } else {
        // Class 3: multiplicative errors and seasons (forecast's matrices, including its treatment of damping).
        const int p = static_cast<int>(model.finalState.size());
        const int m = model.period;
        const bool trend = hasTrend(model.spec);
        const int k = trend ? 2 : 1;
        const Eigen::RowVectorXd H1 = Eigen::RowVectorXd::Ones(k);
        Eigen::RowVectorXd H2 = Eigen::RowVectorXd::Zero(m);
        H2(m - 1) = 1.0;
        Eigen::MatrixXd F1(k, k), G1(k, k);
        if (!trend) {
            F1(0, 0) = 1.0;
            G1(0, 0) = model.alpha;
        } else {
            F1 << 1.0, 1.0, 0.0, isDamped(model.spec) ? model.phi : 1.0;
            G1 << model.alpha, model.alpha, model.beta, model.beta;
        }
        Eigen::MatrixXd F2 = Eigen::MatrixXd::Zero(m, m);
        F2(0, m - 1) = 1.0;
        for (int i = 1; i < m; ++i)
            F2(i, i - 1) = 1.0;
        Eigen::MatrixXd G2 = Eigen::MatrixXd::Zero(m, m);
        G2(0, m - 1) = model.gamma;
        const Eigen::Map<const Eigen::VectorXd> state(model.finalState.data(), p);
        Eigen::MatrixXd Mh = state.head(p - m) * state.tail(m).transpose();
        const Eigen::Index dim = Mh.size();
        Eigen::MatrixXd Vh = Eigen::MatrixXd::Zero(dim, dim);
        const Eigen::MatrixXd H21 = kron(H2, H1);
        const Eigen::MatrixXd F21 = kron(F2, F1);
        const Eigen::MatrixXd G21 = kron(G2, G1);
        const Eigen::MatrixXd K = kron(G2, F1) + kron(F2, G1);
        mu.assign(h, 0.0);
        var.assign(h, 0.0);
        for (int i = 0; i < h; ++i) {
            mu[i] = (H1 * Mh * H2.transpose())(0, 0);
            var[i] = (1 + sigma2) * (H21 * Vh * H21.transpose())(0, 0) + sigma2 * mu[i] * mu[i];
            const Eigen::Map<const Eigen::VectorXd> vecMh(Mh.data(), dim);
            const Eigen::MatrixXd outer = vecMh * vecMh.transpose();
            Vh = (F21 * Vh * F21.transpose() +
                  sigma2 * (F21 * Vh * G21.transpose() + G21 * Vh * F21.transpose() + K * (Vh + outer) * K.transpose() +
                            sigma2 * G21 * (3 * Vh + 2 * outer) * G21.transpose()))
                     .eval();
            Mh = (F1 * Mh * F2.transpose() + G1 * Mh * G2.transpose() * sigma2).eval();
        }
    }
    Forecast f;
    for (int i = 0; i < h; ++i) {
        const double se = std::sqrt(var[i]);
        f.mean.push_back(mu[i]);
        f.lower80.push_back(mu[i] - kZ80 * se);
        f.upper80.push_back(mu[i] + kZ80 * se);
        f.lower95.push_back(mu[i] - kZ95 * se);
        f.upper95.push_back(mu[i] + kZ95 * se);
    }
    return f;
}

} // namespace herald::engine
