#pragma once

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Standardize.h"

namespace herald::engine {

struct PcaOptions
{
    int components = 2;      // how many leading components to keep (2 for a scatter plot)
    bool standardize = true; // z-score each column first (columns in different units); else only centre
};

struct PcaResult
{
    Eigen::MatrixXd components;             // d x components, orthonormal columns (loadings on scaled columns)
    Eigen::VectorXd explainedVariance;      // variance along each component (divisor n - 1, as scikit-learn)
    Eigen::VectorXd explainedVarianceRatio; // share of the total variance, descending
    Eigen::MatrixXd projected;              // n x components, the rows' coordinates
    Standardizer scaling;                   // the centring (and scaling) applied before projecting
};

/// Principal components from the symmetric eigen-decomposition of the d x d covariance; each component's sign
/// is fixed so that its largest-magnitude loading is positive (deterministic across runs and platforms).
/// Invalid for fewer than 2 rows, NaN/inf, components outside [1, d], or (standardized) a constant column.
/// O(n d^2 + d^3): meant for the tens of columns of campaign metrics, not for wide data.
Result<PcaResult> pca(const Eigen::Ref<const Eigen::MatrixXd>& data, const PcaOptions& options = {});

} // namespace herald::engine
