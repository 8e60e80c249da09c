#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "herald/engine/Result.h"

namespace herald::engine {

struct OlsOptions
{
    bool addIntercept = true; // prepend a column of ones; its coefficient comes first in the result
};

/// Ordinary least squares fit with the summary statistics statsmodels' OLS reports.
struct OlsResult
{
    Eigen::VectorXd coefficients;   // intercept first when added, then one per column of X
    Eigen::VectorXd standardErrors; // sqrt of the diagonal of sigma^2 (X'X)^-1
    Eigen::VectorXd tValues;
    Eigen::VectorXd pValues; // two-sided, Student t with dfResidual degrees of freedom
    double rSquared = 0.0;   // centred when an intercept is fitted, uncentred otherwise
    double adjustedRSquared = 0.0;
    double sigma = 0.0; // residual standard error sqrt(rss / dfResidual)
    double rss = 0.0;
    double logLikelihood = 0.0; // Gaussian, at the MLE of the variance
    double aic = 0.0;
    double bic = 0.0;
    std::int64_t observations = 0;
    std::int64_t dfResidual = 0;
};

/// Fits y = X b (+ intercept) by the normal equations of the centred columns (pivoted LDLT), in row
/// blocks without copying X. Invalid for mismatched sizes, NaN/inf, no columns, fewer rows than
/// parameters + 1, or collinear columns. O(n p^2).
Result<OlsResult> fitOls(const Eigen::Ref<const Eigen::MatrixXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y,
                         const OlsOptions& options = {});

} // namespace herald::engine
