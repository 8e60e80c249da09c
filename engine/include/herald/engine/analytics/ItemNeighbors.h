#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"
#include "herald/engine/analytics/Recommendations.h"

namespace herald::engine {

struct ItemNeighborsOptions
{
    int neighbors = 100; // most similar items kept per item
    int threads = 2;
};

struct ItemNeighbors
{
    /// items x items; column j holds the cosine similarities of item j's kept neighbours (never j itself).
    Eigen::SparseMatrix<double> similarity;

    /// Score of every item for a user: the summed similarity to the items the user interacted with, weighted by
    /// the interaction strength. O(nnz of the user's row * neighbors).
    Eigen::VectorXd scores(const InteractionMatrix& interactions, int user) const;
};

/// Item-item cosine similarity on the columns of the interaction matrix, keeping the strongest neighbours of
/// each item. Invalid for an empty matrix or neighbors < 1; Cancelled when progress returns false.
/// O(sum over users of row nnz^2 + items * (items + neighbors log neighbors)) time, O(items * neighbors) memory.
Result<ItemNeighbors> fitItemNeighbors(const InteractionMatrix& interactions, const ItemNeighborsOptions& options,
                                       const Progress& progress = {});

} // namespace herald::engine
