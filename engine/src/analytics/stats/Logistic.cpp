#include "herald/engine/analytics/Logistic.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

#include <Eigen/Cholesky>

#include "herald/engine/analytics/SpecialFunctions.h"
#include "RegressionInput.h"

namespace herald::engine {

namespace {

double sigmoid(double t)
{
    return t >= 0.0 ? 1.0 / (1.0 + std::exp(-t)) : std::exp(t) / (1.0 + std::exp(t));
}

struct NewtonPieces
{
    Eigen::MatrixXd information; // X'WX (lower triangle filled)
    Eigen::VectorXd gradient;    // X'(y - p)
};

// One pass over rows [begin, end): weights, gradient and information, a cache-sized block of [1 X] at a
// time so that no n-sized copy of X is made and nothing is allocated per row.
void accumulate(const Eigen::Ref<const Eigen::MatrixXd>& x, bool intercept, const Eigen::Ref<const Eigen::VectorXd>& y,
                const Eigen::VectorXd& beta, Eigen::Index begin, Eigen::Index end, NewtonPieces& out)
{
    const auto p = beta.size();
    out.information.setZero(p, p);
    out.gradient.setZero(p);
    const Eigen::Index offset = intercept ? 1 : 0;
    const Eigen::Index d = x.cols();
    Eigen::MatrixXd weighted(detail::kRowBlock, p);
    Eigen::VectorXd eta(detail::kRowBlock);
    Eigen::VectorXd residual(detail::kRowBlock);
    for (Eigen::Index start = begin; start < end; start += detail::kRowBlock) {
        const Eigen::Index rows = std::min(detail::kRowBlock, end - start);
        const auto xs = x.middleRows(start, rows);
        eta.head(rows).noalias() = xs * beta.tail(d);
        if (intercept)
            eta.head(rows).array() += beta[0];
        for (Eigen::Index i = 0; i < rows; ++i) {
            const double t = eta[i];
            const double e = std::exp(-std::fabs(t));
            const double mu = t >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            const double yi = y[start + i];
            residual[i] = yi - mu;
            eta[i] = std::sqrt(mu * (1.0 - mu)); // reused as the square-root weight
        }
        out.gradient.tail(d).noalias() += xs.transpose() * residual.head(rows);
        if (intercept) {
            out.gradient[0] += residual.head(rows).sum();
            weighted.col(0).head(rows) = eta.head(rows);
        }
        // sqrt(W) [1 X] for this block, written once; its Gram matrix is the block's X'WX.
        weighted.block(0, offset, rows, d).noalias() = eta.head(rows).asDiagonal() * xs;
        out.information.selfadjointView<Eigen::Lower>().rankUpdate(weighted.topRows(rows).transpose());
    }
}

// Splits the rows over two threads when there are enough of them to pay for the thread start.
NewtonPieces newtonPieces(const Eigen::Ref<const Eigen::MatrixXd>& x, bool intercept,
                          const Eigen::Ref<const Eigen::VectorXd>& y, const Eigen::VectorXd& beta)
{
    const Eigen::Index n = x.rows();
    NewtonPieces total;
    if (n < 20000) {
        accumulate(x, intercept, y, beta, 0, n, total);
    } else {
        NewtonPieces second;
        std::thread worker([&] { accumulate(x, intercept, y, beta, n / 2, n, second); });
        accumulate(x, intercept, y, beta, 0, n / 2, total);
        worker.join();
        total.information += second.information;
        total.gradient += second.gradient;
    }
    return total;
}

} // namespace

Result<LogisticResult> fitLogistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                   const Eigen::Ref<const Eigen::VectorXd>& y, const LogisticOptions& options,
                                   const Progress& progress)
{
    if (auto ok = detail::validateRegressionInput(x, y, options.addIntercept); !ok)
        return tl::unexpected(ok.error());
    for (Eigen::Index i = 0; i < y.size(); ++i)
        if (y[i] != 0.0 && y[i] != 1.0)
            return fail(ErrorCode::Invalid, "y(" + std::to_string(i) + ") is not 0 or 1");
    if (!(options.l2 >= 0.0) || !std::isfinite(options.l2))
        return fail(ErrorCode::Invalid, "l2 must be a finite non-negative number");
    if (options.maxIterations < 1 || !(options.tolerance > 0.0) || options.calibrationBins < 1)
        return fail(ErrorCode::Invalid, "maxIterations, tolerance and calibrationBins must be positive");

    const Eigen::Index p = x.cols() + (options.addIntercept ? 1 : 0);
    const Eigen::Index firstPenalised = options.addIntercept ? 1 : 0;
    LogisticResult r;
    r.status = FitStatus::MaxIterations;
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
    // Start the intercept at the log-odds of the base rate: one Newton step fewer on rare events.
    const double rate = y.mean();
    if (options.addIntercept && rate > 0.0 && rate < 1.0)
        beta[0] = std::log(rate / (1.0 - rate));

    Eigen::LLT<Eigen::MatrixXd> llt;
    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        NewtonPieces pieces = newtonPieces(x, options.addIntercept, y, beta);
        for (Eigen::Index j = firstPenalised; j < p; ++j) {
            pieces.information(j, j) += options.l2;
            pieces.gradient[j] -= options.l2 * beta[j];
        }
        llt.compute(pieces.information.selfadjointView<Eigen::Lower>());
        if (llt.info() != Eigen::Success) {
            r.status = FitStatus::Singular;
            break;
        }
        const Eigen::VectorXd step = llt.solve(pieces.gradient);
        beta += step;
        r.iterations = iteration;
        if (progress && !progress(static_cast<double>(iteration) / options.maxIterations))
            return LogisticResult{true, FitStatus::MaxIterations, iteration, {}, {}, {}, {}, 0.0, 0.0, {}};
        if (!step.allFinite())
            break;
        if (step.cwiseAbs().maxCoeff() < options.tolerance) {
            r.status = FitStatus::Converged;
            break;
        }
    }

    // Standard errors from the information matrix. After convergence the last step moved the coefficients
    // by less than the tolerance, so the information already factorised (at the previous coefficients)
    // agrees to that order and saves a pass over the data; otherwise it is recomputed at the final ones.
    r.coefficients = beta;
    bool factorised = r.status == FitStatus::Converged;
    if (!factorised) {
        NewtonPieces finalPieces = newtonPieces(x, options.addIntercept, y, beta);
        for (Eigen::Index j = firstPenalised; j < p; ++j)
            finalPieces.information(j, j) += options.l2;
        llt.compute(finalPieces.information.selfadjointView<Eigen::Lower>());
        factorised = llt.info() == Eigen::Success;
    }
    if (factorised) {
        const Eigen::MatrixXd covariance = llt.solve(Eigen::MatrixXd::Identity(p, p));
        r.standardErrors = covariance.diagonal().cwiseSqrt();
    } else {
        r.status = FitStatus::Singular;
        r.standardErrors = Eigen::VectorXd::Constant(p, std::numeric_limits<double>::quiet_NaN());
    }
    r.zValues = r.coefficients.cwiseQuotient(r.standardErrors);
    r.pValues = r.zValues.unaryExpr([](double z) { return 2.0 * normalSf(std::fabs(z)); });
    // Log-likelihood and predictions from the linear predictor at the final coefficients.
    Eigen::VectorXd eta = x * beta.tail(x.cols());
    if (options.addIntercept)
        eta.array() += beta[0];
    Eigen::VectorXd predicted(eta.size());
    r.logLikelihood = 0.0;
    for (Eigen::Index i = 0; i < eta.size(); ++i) {
        const double e = std::exp(-std::fabs(eta[i]));
        predicted[i] = eta[i] >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
        r.logLikelihood += y[i] * eta[i] - (std::max(eta[i], 0.0) + std::log1p(e));
    }
    r.logLoss = -r.logLikelihood / static_cast<double>(y.size());
    r.calibration = calibrationTable(predicted, y, options.calibrationBins);
    return r;
}

Eigen::VectorXd predictLogistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                const Eigen::Ref<const Eigen::VectorXd>& coefficients, bool intercept)
{
    Eigen::VectorXd eta = x * coefficients.tail(x.cols());
    if (intercept)
        eta.array() += coefficients[0];
    return eta.unaryExpr([](double t) { return sigmoid(t); });
}

double logLoss(const Eigen::Ref<const Eigen::VectorXd>& predicted, const Eigen::Ref<const Eigen::VectorXd>& outcome)
{
    double sum = 0.0;
    for (Eigen::Index i = 0; i < predicted.size(); ++i) {
        const double q = std::clamp(predicted[i], 1e-15, 1.0 - 1e-15);
        sum -= outcome[i] * std::log(q) + (1.0 - outcome[i]) * std::log1p(-q);
    }
    return predicted.size() > 0 ? sum / static_cast<double>(predicted.size()) : 0.0;
}

std::vector<CalibrationBin> calibrationTable(const Eigen::Ref<const Eigen::VectorXd>& predicted,
                                             const Eigen::Ref<const Eigen::VectorXd>& outcome, int bins)
{
    const Eigen::Index n = predicted.size();
    std::vector<CalibrationBin> table;
    if (n == 0 || bins < 1 || outcome.size() != n)
        return table;
    // (prediction, row) pairs sort contiguously; the row breaks ties, so the order is deterministic.
    std::vector<std::pair<double, Eigen::Index>> order(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = {predicted[i], i};
    // Only the bin boundaries need their exact rank: recursive nth_element places them in O(n log bins).
    const Eigen::Index binCount = std::min<Eigen::Index>(bins, n);
    const auto boundary = [&](Eigen::Index b) { return order.begin() + b * n / binCount; };
    const auto split = [&](auto&& self, Eigen::Index lowBin, Eigen::Index highBin) -> void {
        if (highBin - lowBin < 2)
            return;
        const Eigen::Index mid = (lowBin + highBin) / 2;
        std::nth_element(boundary(lowBin), boundary(mid), boundary(highBin));
        self(self, lowBin, mid);
        self(self, mid, highBin);
    };
    split(split, 0, binCount);
    table.resize(static_cast<std::size_t>(binCount));
    // Bin b holds ranks [b n / bins, (b + 1) n / bins): sizes differ by at most one.
    for (Eigen::Index b = 0; b < binCount; ++b) {
        CalibrationBin& bin = table[static_cast<std::size_t>(b)];
        for (auto it = boundary(b); it != boundary(b + 1); ++it) {
            bin.meanPredicted += it->first;
            bin.observedRate += outcome[it->second];
            ++bin.count;
        }
        bin.meanPredicted /= static_cast<double>(bin.count);
        bin.observedRate /= static_cast<double>(bin.count);
    }
    return table;
}

} // namespace herald::engine
