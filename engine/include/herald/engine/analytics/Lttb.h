#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"

namespace herald::engine {

/// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) for drawing long series: keeps the
/// first and last points and, from each of threshold - 2 equal-count buckets between them, the point
/// forming the largest triangle with the previous pick and the next bucket's average.
struct LttbPoints
{
    std::vector<double> x;
    std::vector<double> y;
};

/// Indices (ascending) of the kept points. x must be non-decreasing and finite, y finite, equal sizes;
/// threshold >= 3, or at least the size (then every index is returned). Invalid otherwise. O(n).
Result<std::vector<std::size_t>> lttbIndices(const Eigen::Ref<const Eigen::VectorXd>& x,
                                             const Eigen::Ref<const Eigen::VectorXd>& y, std::size_t threshold);

/// The kept points themselves; same contract as lttbIndices. O(n).
Result<LttbPoints> lttb(const Eigen::Ref<const Eigen::VectorXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y,
                        std::size_t threshold);

} // namespace herald::engine
