#include "herald/engine/analytics/Arima.h"

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include <Eigen/LU>
#include <Eigen/QR>

#include "ArimaFitting.h"
#include "ArimaKernel.h"
#include "Optimizers.h"

namespace herald::engine {

namespace fd = forecastdetail;

namespace {

constexpr double kZ80 = 1.2815515655446004; // qnorm(0.90)
constexpr double kZ95 = 1.9599639845400540; // qnorm(0.975)

// The regression part of the model: an intercept and/or a drift column (time index 1..n as R's drift).
Eigen::MatrixXd regressors(int n, bool mean, bool drift, int offset = 0)
{
    Eigen::MatrixXd X(n, int(mean) + int(drift));
    int c = 0;
    if (mean)
        X.col(c++).setOnes();
    if (drift)
        for (int t = 0; t < n; ++t)
            X(t, c) = offset + t + 1.0;
    return X;
}

std::vector<double> minus(const std::vector<double>& y, const Eigen::MatrixXd& X, const double* beta)
{
    std::vector<double> out = y;
    for (Eigen::Index c = 0; c < X.cols(); ++c)
        for (std::size_t t = 0; t < out.size(); ++t)
            out[t] -= X(static_cast<Eigen::Index>(t), c) * beta[c];
    return out;
}

} // namespace

std::string ArimaModel::label() const
{
    char buf[96];
    int len = std::snprintf(buf, sizeof buf, "ARIMA(%d,%d,%d)", order.p, order.d, order.q);
    if (order.period > 1 && order.seasonalP + order.seasonalD + order.seasonalQ > 0)
        len += std::snprintf(buf + len, sizeof buf - len, "(%d,%d,%d)[%d]", order.seasonalP, order.seasonalD,
                             order.seasonalQ, order.period);
    std::string s(buf, static_cast<std::size_t>(len));
    if (hasDrift)
        s += " with drift";
    else if (hasMean)
        s += " with non-zero mean";
    else if (order.d + order.seasonalD == 0)
        s += " with zero mean";
    return s;
}

namespace forecastdetail {

Result<ArimaModel> fitArimaSeries(const std::vector<double>& y, const ArimaOptions& options, ProgressTicker& ticker)
{
    const ArimaOrder& o = options.order;
    if (o.p < 0 || o.d < 0 || o.q < 0 || o.seasonalP < 0 || o.seasonalD < 0 || o.seasonalQ < 0 || o.period < 1)
        return fail(ErrorCode::Invalid, "ARIMA orders and period must not be negative (period >= 1)");
    if (o.period == 1 && o.seasonalP + o.seasonalD + o.seasonalQ > 0)
        return fail(ErrorCode::Invalid, "a seasonal ARIMA part needs a period > 1");
    const int n = static_cast<int>(y.size());
    const int m = o.period;
    const int diffs = o.d + o.seasonalD;
    const bool mean = options.includeMean && diffs == 0;
    const bool drift = options.includeDrift && diffs <= 1;
    const fd::ArmaSpec spec{o.p, o.q, o.seasonalP, o.seasonalQ, m};
    const int narma = spec.count();
    const int ncx = int(mean) + int(drift);
    const int npar = narma + ncx + 1;
    const int nUsed = n - o.d - m * o.seasonalD;
    const int ncond = o.d + m * o.seasonalD + o.p + m * o.seasonalP;
    if (o.seasonalD > 0 && n <= m * o.seasonalD + 1)
        return fail(ErrorCode::Invalid, std::string("the series (") + std::to_string(n) +
                                            " observations) is too short for its season of " + std::to_string(m));
    if (nUsed - npar - 1 <= 0 || ncond >= n)
        return fail(ErrorCode::Invalid, std::string("the series (") + std::to_string(n) +
                                            " observations) is too short for " + std::to_string(npar) +
                                            " parameters after differencing");

    const std::vector<double> delta = fd::differencingPolynomial(o.d, o.seasonalD, m);
    const Eigen::MatrixXd X = regressors(n, mean, drift);
    std::vector<double> init(narma + ncx, 0.0);
    std::vector<double> parscale(narma + ncx, 1.0);
    // Differenced data and regressors give the start values of the regression coefficients.
    const std::vector<double> dy = fd::difference(y, o.d, o.seasonalD, m);
    Eigen::MatrixXd dX(dy.size(), ncx);
    for (int c = 0; c < ncx; ++c) {
        std::vector<double> col(X.col(c).data(), X.col(c).data() + n);
        const std::vector<double> dcol = fd::difference(col, o.d, o.seasonalD, m);
        for (std::size_t t = 0; t < dcol.size(); ++t)
            dX(static_cast<Eigen::Index>(t), c) = dcol[t];
    }
    if (ncx > 0) {
        // Start values and scales as arima: least squares on the differenced data, parscale = 10 * s.e.
        const Eigen::Map<const Eigen::VectorXd> dyv(dy.data(), static_cast<Eigen::Index>(dy.size()));
        const Eigen::VectorXd beta = dX.colPivHouseholderQr().solve(dyv);
        const double dof = static_cast<double>(dy.size()) - ncx;
        const double s2 = dof > 0 ? (dyv - dX * beta).squaredNorm() / dof : 0.0;
        const Eigen::MatrixXd xtxInv = (dX.transpose() * dX).inverse();
        for (int c = 0; c < ncx; ++c) {
            init[narma + c] = beta(c);
            const double se = std::sqrt(s2 * xtxInv(c, c));
            parscale[narma + c] = se > 0 && std::isfinite(se) ? 10 * se : 1.0;
        }
    }
    auto keepGoing = [&ticker] { return ticker.keepGoing(); };
    std::vector<double> phi, theta;
    auto cssObjective = [&](const std::vector<double>& par) {
        fd::expandArma(par.data(), spec, false, phi, theta);
        const std::vector<double> x = ncx ? minus(y, X, par.data() + narma) : y;
        return 0.5 * std::log(fd::conditionalSumOfSquares(x, o.d, o.seasonalD, m, phi, theta, ncond, nullptr));
    };
    // The exact likelihood with arima's diffuse start (kappa = 1e6) rather than the likelihood of the differenced
    // series: the two differ visibly when the level is large against the noise (co2), and R's is the reference.
    auto mlObjective = [&](const std::vector<double>& par) {
        fd::expandArma(par.data(), spec, true, phi, theta);
        const std::vector<double> x = ncx ? minus(y, X, par.data() + narma) : y;
        const fd::LikelihoodSums s = fd::filterArima(x, phi, theta, delta, false).sums;
        return 0.5 * (std::log(s.ssq / s.nu) + s.sumLog / s.nu);
    };

    fd::BfgsOptions bfgs;
    bfgs.parscale = parscale;
    bfgs.maxIterations = options.maxIterations;
    ArimaModel model;
    model.order = o;
    model.hasMean = mean;
    model.hasDrift = drift;
    model.nobs = nUsed;
    model.parameterCount = npar;
    std::vector<double> coef = init;
    double value = 0.0;
    bool hitLimit = false;
    if (options.method != ArimaMethod::Ml) {
        const fd::OptimResult css = fd::minimizeBfgs(cssObjective, init, bfgs, keepGoing);
        if (css.status == fd::OptimStatus::Cancelled)
            return fail(ErrorCode::Cancelled, "ARIMA fit cancelled");
        if (css.status == fd::OptimStatus::NotFinite)
            return fail(ErrorCode::Invalid, "the conditional sum of squares is not finite for " + model.label());
        if (options.method == ArimaMethod::Css) {
            coef = css.par;
            value = css.value;
            hitLimit = css.status == fd::OptimStatus::IterationLimit;
        } else if (css.status == fd::OptimStatus::Converged) {
            coef = css.par;
        }
        if (options.method == ArimaMethod::CssMl) {
            const std::vector<double> ar(coef.begin(), coef.begin() + o.p);
            const std::vector<double> sar(coef.begin() + o.p + o.q, coef.begin() + o.p + o.q + o.seasonalP);
            if (!fd::arIsStationary(ar) || !fd::arIsStationary(sar))
                return fail(ErrorCode::Invalid, "non-stationary AR part from CSS for " + model.label());
        }
    }
    if (options.method != ArimaMethod::Css) {
        // Optimise on unconstrained AR values (PACF transform) with invertible MA starts, as arima.
        std::vector<double> start = coef;
        if (o.p > 0)
            fd::arInverseTransform(coef.data(), o.p, start.data());
        if (o.seasonalP > 0)
            fd::arInverseTransform(coef.data() + o.p + o.q, o.seasonalP, start.data() + o.p + o.q);
        auto invertBlock = [](std::vector<double>& v, int from, int len) {
            if (len == 0)
                return false;
            const std::vector<double> block(v.begin() + from, v.begin() + from + len);
            const std::vector<double> inv = fd::maInvert(block);
            const bool changed = inv != block;
            std::copy(inv.begin(), inv.end(), v.begin() + from);
            return changed;
        };
        invertBlock(start, o.p, o.q);
        invertBlock(start, o.p + o.q + o.seasonalP, o.seasonalQ);
        const fd::OptimResult ml = fd::minimizeBfgs(mlObjective, start, bfgs, keepGoing);
        if (ml.status == fd::OptimStatus::Cancelled)
            return fail(ErrorCode::Cancelled, "ARIMA fit cancelled");
        if (ml.status == fd::OptimStatus::NotFinite)
            return fail(ErrorCode::Invalid, "the likelihood is not finite for " + model.label());
        hitLimit = ml.status == fd::OptimStatus::IterationLimit;
        coef = ml.par;
        value = ml.value;
        const bool changedMa = invertBlock(coef, o.p, o.q);
        const bool changedSma = invertBlock(coef, o.p + o.q + o.seasonalP, o.seasonalQ);
        if (changedMa || changedSma)
            value = mlObjective(coef);
        if (o.p > 0)
            fd::arTransform(ml.par.data(), o.p, coef.data());
        if (o.seasonalP > 0)
            fd::arTransform(ml.par.data() + o.p + o.q, o.seasonalP, coef.data() + o.p + o.q);
    }
    model.status = hitLimit ? ArimaStatus::IterationLimit : ArimaStatus::Converged;
    model.ar.assign(coef.begin(), coef.begin() + o.p);
    model.ma.assign(coef.begin() + o.p, coef.begin() + o.p + o.q);
    model.seasonalAr.assign(coef.begin() + o.p + o.q, coef.begin() + o.p + o.q + o.seasonalP);
    model.seasonalMa.assign(coef.begin() + o.p + o.q + o.seasonalP, coef.begin() + narma);
    int c = narma;
    if (mean)
        model.mean = coef[c++];
    if (drift)
        model.drift = coef[c++];
    const double nu = nUsed;
    model.loglik = -0.5 * (2 * nu * value + nu + nu * std::log(2 * std::numbers::pi));
    if (options.method == ArimaMethod::Css) {
        model.aic = model.aicc = model.bic = std::nan("");
        model.fitVariance = std::exp(2 * value);
    } else {
        model.aic = -2 * model.loglik + 2 * npar;
        model.aicc = model.aic + 2.0 * npar * (npar + 1) / (nu - npar - 1);
        model.bic = model.aic + npar * (std::log(nu) - 2);
    }
    model.series = y;
    fd::expandArma(coef.data(), spec, false, phi, theta);
    const std::vector<double> x = ncx ? minus(y, X, coef.data() + narma) : y;
    if (options.computeResiduals) {
        const fd::ArimaStateSpace ss = fd::filterArima(x, phi, theta, delta, true);
        model.residuals = ss.residuals;
        double rss = 0.0;
        for (double e : model.residuals)
            rss += e * e;
        if (options.method != ArimaMethod::Css)
            model.fitVariance = ss.sums.ssq / nu;
        model.sigma2 = rss / (nu - npar + 1);
    } else {
        if (options.method != ArimaMethod::Css) {
            const fd::LikelihoodSums s = fd::filterArima(x, phi, theta, delta, false).sums;
            model.fitVariance = s.ssq / nu;
        }
        model.sigma2 = model.fitVariance;
    }
    return model;
}

} // namespace forecastdetail

Result<ArimaModel> fitArima(const Eigen::Ref<const Eigen::VectorXd>& series, const ArimaOptions& options,
                            const Progress& progress)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    fd::ProgressTicker ticker(progress);
    const std::vector<double> y(series.data(), series.data() + series.size());
    return fd::fitArimaSeries(y, options, ticker);
}

Result<Forecast> forecastArima(const ArimaModel& model, int horizon)
{
    if (horizon < 1)
        return fail(ErrorCode::Invalid, "the forecast horizon must be at least 1");
    if (model.series.empty())
        return fail(ErrorCode::Invalid, "the model holds no series (not fitted)");
    const ArimaOrder& o = model.order;
    const int n = static_cast<int>(model.series.size());
    std::vector<double> phi, theta;
    std::vector<double> par;
    par.insert(par.end(), model.ar.begin(), model.ar.end());
    par.insert(par.end(), model.ma.begin(), model.ma.end());
    par.insert(par.end(), model.seasonalAr.begin(), model.seasonalAr.end());
    par.insert(par.end(), model.seasonalMa.begin(), model.seasonalMa.end());
    fd::expandArma(par.data(), fd::ArmaSpec{o.p, o.q, o.seasonalP, o.seasonalQ, o.period}, false, phi, theta);
    std::vector<double> beta;
    if (model.hasMean)
        beta.push_back(model.mean);
    if (model.hasDrift)
        beta.push_back(model.drift);
    const Eigen::MatrixXd X = regressors(n, model.hasMean, model.hasDrift);
    const fd::ArimaStateSpace ss = fd::filterArima(minus(model.series, X, beta.data()), phi, theta,
                                                   fd::differencingPolynomial(o.d, o.seasonalD, o.period), false);
    std::vector<double> mean, variance;
    fd::kalmanForecast(ss, horizon, mean, variance);
    const Eigen::MatrixXd future = regressors(horizon, model.hasMean, model.hasDrift, n);
    Forecast f;
    for (int h = 0; h < horizon; ++h) {
        double m = mean[h];
        for (std::size_t c = 0; c < beta.size(); ++c)
            m += future(h, static_cast<Eigen::Index>(c)) * beta[c];
        const double se = std::sqrt(variance[h] * model.sigma2);
        f.mean.push_back(m);
        f.lower80.push_back(m - kZ80 * se);
        f.upper80.push_back(m + kZ80 * se);
        f.lower95.push_back(m - kZ95 * se);
        f.upper95.push_back(m + kZ95 * se);
    }
    return f;
}

} // namespace herald::engine
