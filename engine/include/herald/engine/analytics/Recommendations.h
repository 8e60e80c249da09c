#pragma once

#include <functional>
#include <vector>

#include <Eigen/Core>
#include <Eigen/SparseCore>

#include "herald/engine/Result.h"

namespace herald::engine {

/// Users x items implicit feedback (views, clicks, purchases): a stored entry is an interaction of the given
/// strength (> 0); absent entries are "not observed", not "disliked".
using InteractionMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

struct Interaction
{
    int user = 0;
    int item = 0;
    double strength = 1.0;
};

/// Builds the users x items matrix, summing repeated pairs. Invalid for indices outside [0, users) x
/// [0, items), or a strength that is not finite and positive. O(m log m) for m interactions.
Result<InteractionMatrix> interactionMatrix(int users, int items, const std::vector<Interaction>& interactions);

struct Recommendation
{
    int item = 0;
    double score = 0.0;
};

/// The count best-scored items the user has not interacted with in seen (ties: lower item id first).
/// O(items + count log count).
std::vector<Recommendation> topRecommendations(const Eigen::Ref<const Eigen::VectorXd>& scores,
                                               const InteractionMatrix& seen, int user, int count);

struct RankingMetrics
{
    double precisionAtK = 0.0; // hits / k, averaged over evaluated users
    double recallAtK = 0.0;    // hits / held-out items of the user, averaged
    double ndcgAtK = 0.0;      // binary gains, log2(rank + 1) discounts, averaged
    int users = 0;             // users with at least one held-out item
};

/// Scores one user's items (a vector of the matrix's item count, filled by the callback).
using ItemScorer = std::function<void(int user, Eigen::VectorXd& scores)>;

/// Top-k precision, recall and NDCG of a scorer on held-out interactions, each user's train items excluded
/// from the ranking (as run_mf.py). Invalid when the two matrices differ in shape or k < 1.
/// O(users * (cost of scorer + items)).
Result<RankingMetrics> evaluateTopK(const InteractionMatrix& train, const InteractionMatrix& test, int k,
                                    const ItemScorer& scorer);

} // namespace herald::engine
