#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"
#include "herald/engine/analytics/Recommendations.h"

namespace herald::engine {

struct AlsOptions
{
    int factors = 64;
    int iterations = 15;          // alternations (users, then items)
    double regularization = 0.01; // lambda on the squared norms of all factors
    double alpha = 1.0;           // confidence c = 1 + alpha * strength
    int cgSteps = 3;              // conjugate-gradient steps per user or item, warm-started (as implicit's CG)
    std::uint64_t seed = 0;
    int threads = 2;
    bool computeLoss = false; // record the objective after every iteration (an extra O(nnz f) pass)
};

struct AlsModel
{
    Eigen::MatrixXd userFactors; // factors x users: column u belongs to user u
    Eigen::MatrixXd itemFactors; // factors x items
    std::vector<double> loss;    // objective after each iteration, when computeLoss was set

    /// Predicted preference of every item for a user (the dot products). O(items * factors).
    Eigen::VectorXd scores(int user) const;
};

/// Implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008): minimises
/// sum over all (u, i) of c_ui (p_ui - x_u . y_i)^2 + lambda (|X|^2 + |Y|^2), p_ui = 1 where an interaction is
/// stored, with a few conjugate-gradient steps per row instead of an exact solve, in single precision (as
/// implicit; the factors are returned as double). Invalid for an empty matrix, non-positive options or
/// negative strengths; Cancelled when progress returns false.
/// O(iterations * (nnz * factors * cgSteps + (users + items) * factors^2 * cgSteps)).
Result<AlsModel> fitAls(const InteractionMatrix& interactions, const AlsOptions& options,
                        const Progress& progress = {});

} // namespace herald::engine
