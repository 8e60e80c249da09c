#include "herald/engine/analytics/Ols.h"

#include <cmath>
#include <string>

#include <algorithm>

#include <Eigen/Cholesky>

#include "herald/engine/analytics/SpecialFunctions.h"
#include "RegressionInput.h"

namespace herald::engine {

Result<OlsResult> fitOls(const Eigen::Ref<const Eigen::MatrixXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y,
                         const OlsOptions& options)
{
    if (auto ok = detail::validateRegressionInput(x, y, options.addIntercept); !ok)
        return tl::unexpected(ok.error());
    if (x.cols() == 0)
        return fail(ErrorCode::Invalid, "X has no columns");
    const Eigen::Index n = x.rows();
    const Eigen::Index p = x.cols() + (options.addIntercept ? 1 : 0);

    // Normal equations on centred columns (the intercept is recovered from the means): centring keeps
    // X'X well conditioned when levels are large, and the blocked pass never copies X.
    Eigen::VectorXd means = Eigen::VectorXd::Zero(x.cols());
    double yMean = 0.0;
    if (options.addIntercept) {
        means = x.colwise().mean().transpose();
        yMean = y.mean();
    }
    Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(x.cols(), x.cols());
    Eigen::VectorXd cross = Eigen::VectorXd::Zero(x.cols());
    Eigen::MatrixXd block(detail::kRowBlock, x.cols());
    for (Eigen::Index start = 0; start < n; start += detail::kRowBlock) {
        const Eigen::Index rows = std::min(detail::kRowBlock, n - start);
        block.topRows(rows) = x.middleRows(start, rows).rowwise() - means.transpose();
        gram.selfadjointView<Eigen::Lower>().rankUpdate(block.topRows(rows).transpose());
        cross.noalias() += block.topRows(rows).transpose() * (y.segment(start, rows).array() - yMean).matrix();
    }
    const Eigen::LDLT<Eigen::MatrixXd> ldlt(gram.selfadjointView<Eigen::Lower>());
    // A pivot that is tiny against the largest marks a column that is (nearly) a combination of others.
    const Eigen::VectorXd pivots = ldlt.vectorD();
    if (ldlt.info() != Eigen::Success || !(pivots.minCoeff() > 1e-10 * pivots.maxCoeff()))
        return fail(ErrorCode::Invalid, "columns of X are collinear");

    OlsResult r;
    const Eigen::VectorXd slopes = ldlt.solve(cross);
    r.coefficients.resize(p);
    r.coefficients.tail(x.cols()) = slopes;
    if (options.addIntercept)
        r.coefficients[0] = yMean - means.dot(slopes);
    r.rss = 0.0;
    for (Eigen::Index start = 0; start < n; start += detail::kRowBlock) {
        const Eigen::Index rows = std::min(detail::kRowBlock, n - start);
        r.rss += ((y.segment(start, rows).array() - yMean).matrix() -
                  (x.middleRows(start, rows).rowwise() - means.transpose()) * slopes)
                     .squaredNorm();
    }
    r.observations = n;
    r.dfResidual = n - p;
    const double scale = r.rss / static_cast<double>(r.dfResidual);
    r.sigma = std::sqrt(scale);

    // Var(slopes) = sigma^2 C^-1 with C the centred cross-products; Var(intercept) adds the means' part.
    const Eigen::MatrixXd inverse = ldlt.solve(Eigen::MatrixXd::Identity(x.cols(), x.cols()));
    r.standardErrors.resize(p);
    r.standardErrors.tail(x.cols()) = (scale * inverse.diagonal()).cwiseSqrt();
    if (options.addIntercept)
        r.standardErrors[0] = std::sqrt(scale * (1.0 / static_cast<double>(n) + means.dot(inverse * means)));
    r.tValues = r.coefficients.cwiseQuotient(r.standardErrors);
    r.pValues = r.tValues.unaryExpr([&](double t) { return studentTTwoSidedP(t, static_cast<double>(r.dfResidual)); });

    const double dn = static_cast<double>(n);
    const double tss = options.addIntercept ? (y.array() - y.mean()).square().sum() : y.squaredNorm();
    r.rSquared = 1.0 - r.rss / tss;
    const double dfTotal = options.addIntercept ? dn - 1.0 : dn;
    r.adjustedRSquared = 1.0 - dfTotal / static_cast<double>(r.dfResidual) * (1.0 - r.rSquared);
    constexpr double kLog2Pi = 1.8378770664093454836;
    r.logLikelihood = -0.5 * dn * (kLog2Pi + std::log(r.rss / dn) + 1.0);
    r.aic = -2.0 * r.logLikelihood + 2.0 * static_cast<double>(p);
    r.bic = -2.0 * r.logLikelihood + std::log(dn) * static_cast<double>(p);
    return r;
}

} // namespace herald::engine
