#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

struct LogisticOptions
{
    bool addIntercept = true; // prepend a column of ones; its coefficient comes first
    double l2 = 0.0;          // penalty l2/2 * |b|^2 on every coefficient except the intercept
    int maxIterations = 100;  // Newton steps
    double tolerance = 1e-10; // stop when the largest coefficient change is below this
    int calibrationBins = 10; // equal-count bins of the calibration table (deciles by default)
};

/// One equal-count bin of predictions: mean predicted probability against the observed rate.
struct CalibrationBin
{
    double meanPredicted = 0.0;
    double observedRate = 0.0;
    std::int64_t count = 0;
};

enum class FitStatus {
    Converged,
    MaxIterations, // stopped before the tolerance was met (e.g. separable data); numbers are the last step's
    Singular,      // the information matrix could not be factorised; coefficients are the last good ones
};

struct LogisticResult
{
    bool cancelled = false;
    FitStatus status = FitStatus::Converged;
    int iterations = 0;
    Eigen::VectorXd coefficients;   // intercept first when added
    Eigen::VectorXd standardErrors; // sqrt diag of the inverse (penalised) Fisher information X'WX (+ l2 I)
    Eigen::VectorXd zValues;
    Eigen::VectorXd pValues;    // two-sided normal (Wald)
    double logLikelihood = 0.0; // unpenalised, natural log
    double logLoss = 0.0;       // -logLikelihood / n
    std::vector<CalibrationBin> calibration;
};

/// Fits P(y = 1) = 1 / (1 + exp(-X b)) by Newton's method (IRLS), the exact MLE when l2 = 0 (as
/// statsmodels Logit). y must be 0/1. Invalid for mismatched sizes, NaN/inf, labels other than 0/1, or
/// fewer rows than parameters + 1. Progress after each Newton step. O(iterations n p^2).
Result<LogisticResult> fitLogistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                   const Eigen::Ref<const Eigen::VectorXd>& y, const LogisticOptions& options = {},
                                   const Progress& progress = {});

/// Predicted probabilities for rows of X with coefficients from fitLogistic (same intercept setting). O(n p).
Eigen::VectorXd predictLogistic(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                const Eigen::Ref<const Eigen::VectorXd>& coefficients, bool intercept = true);

/// Mean negative log-likelihood of 0/1 outcomes under predicted probabilities (sklearn log_loss, clipped
/// at 1e-15). O(n).
double logLoss(const Eigen::Ref<const Eigen::VectorXd>& predicted, const Eigen::Ref<const Eigen::VectorXd>& outcome);

/// Equal-count bins of the predictions in ascending order (ties ordered by row). O(n log bins).
std::vector<CalibrationBin> calibrationTable(const Eigen::Ref<const Eigen::VectorXd>& predicted,
                                             const Eigen::Ref<const Eigen::VectorXd>& outcome, int bins = 10);

} // namespace herald::engine
