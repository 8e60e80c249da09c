#pragma once

// Shared input checks and design-matrix assembly for the regression fits (private to the stats part).

#include <cmath>
#include <string>

#include <Eigen/Core>

#include "herald/engine/Result.h"

namespace herald::engine::detail {

inline Result<void> validateRegressionInput(const Eigen::Ref<const Eigen::MatrixXd>& x,
                                            const Eigen::Ref<const Eigen::VectorXd>& y, bool intercept)
{
    if (x.rows() == 0 || x.cols() + (intercept ? 1 : 0) == 0)
        return fail(ErrorCode::Invalid, "X is empty");
    if (y.size() != x.rows())
        return fail(ErrorCode::Invalid,
                    "y has " + std::to_string(y.size()) + " rows, X has " + std::to_string(x.rows()));
    const Eigen::Index parameters = x.cols() + (intercept ? 1 : 0);
    if (x.rows() <= parameters)
        return fail(ErrorCode::Invalid, "need more rows than parameters (" + std::to_string(parameters) + ")");
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            if (!std::isfinite(x(r, c)))
                return fail(ErrorCode::Invalid,
                            "X(" + std::to_string(r) + ", " + std::to_string(c) + ") is not finite");
    for (Eigen::Index r = 0; r < y.size(); ++r)
        if (!std::isfinite(y[r]))
            return fail(ErrorCode::Invalid, "y(" + std::to_string(r) + ") is not finite");
    return {};
}

/// Rows are processed in blocks of this many: the temporaries of one block stay in cache and no
/// n-sized copy of X (or [1 X]) is ever made.
inline constexpr Eigen::Index kRowBlock = 1024;

} // namespace herald::engine::detail
