#pragma once

#include <Eigen/Core>

#include "herald/engine/Result.h"

namespace herald::engine {

/// Per-column z-score scaling (population standard deviation, as scikit-learn's StandardScaler) that keeps the
/// means and deviations so that centroids and loadings found on scaled data map back to original units.
struct Standardizer
{
    Eigen::VectorXd means;      // one per column, original units
    Eigen::VectorXd deviations; // one per column, original units, always > 0

    /// Scales rows of original data (same column count) to z-scores. O(n d).
    Eigen::MatrixXd transform(const Eigen::Ref<const Eigen::MatrixXd>& data) const;
    /// Maps rows of z-scores (e.g. centroids) back to original units. O(n d).
    Eigen::MatrixXd inverse(const Eigen::Ref<const Eigen::MatrixXd>& scaled) const;
};

/// Learns the column means and deviations; Invalid for empty data, NaN/inf, or a zero-variance column (named
/// by its 0-based index in the detail). O(n d).
Result<Standardizer> fitStandardizer(const Eigen::Ref<const Eigen::MatrixXd>& data);

/// Checks that data is non-empty and finite; the detail names the first bad cell. O(n d).
Result<void> validateFinite(const Eigen::Ref<const Eigen::MatrixXd>& data);

} // namespace herald::engine
