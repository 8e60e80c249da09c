#include "herald/engine/analytics/Recommendations.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace herald::engine {

Result<InteractionMatrix> interactionMatrix(int users, int items, const std::vector<Interaction>& interactions)
{
    if (users < 1 || items < 1)
        return fail(ErrorCode::Invalid, "the interaction matrix needs at least one user and one item");
    std::vector<Eigen::Triplet<double, int>> triplets;
    triplets.reserve(interactions.size());
    for (std::size_t n = 0; n < interactions.size(); ++n) {
        const auto& in = interactions[n];
        if (in.user < 0 || in.user >= users || in.item < 0 || in.item >= items)
            return fail(ErrorCode::Invalid, "interaction " + std::to_string(n) + " (user " + std::to_string(in.user) +
                                                ", item " + std::to_string(in.item) + ") is out of range");
        if (!(std::isfinite(in.strength) && in.strength > 0.0))
            return fail(ErrorCode::Invalid,
                        "interaction " + std::to_string(n) + " has a strength that is not positive");
        triplets.emplace_back(in.user, in.item, in.strength);
    }
    InteractionMatrix m(users, items);
    m.setFromTriplets(triplets.begin(), triplets.end());
    m.makeCompressed();
    return m;
}

std::vector<Recommendation> topRecommendations(const Eigen::Ref<const Eigen::VectorXd>& scores,
                                               const InteractionMatrix& seen, int user, int count)
{
    std::vector<Recommendation> all;
    all.reserve(static_cast<std::size_t>(scores.size()));
    InteractionMatrix::InnerIterator it(seen, user);
    for (int i = 0; i < static_cast<int>(scores.size()); ++i) {
        while (it && it.index() < i)
            ++it;
        if (it && it.index() == i)
            continue;
        all.push_back({i, scores(i)});
    }
    const auto keep = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, count)), all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                      [](const Recommendation& a, const Recommendation& b) {
                          return a.score > b.score || (a.score == b.score && a.item < b.item);
                      });
    all.resize(keep);
    return all;
}

Result<RankingMetrics> evaluateTopK(const InteractionMatrix& train, const InteractionMatrix& test, int k,
                                    const ItemScorer& scorer)
{
    if (train.rows() != test.rows() || train.cols() != test.cols())
        return fail(ErrorCode::Invalid, "train and test matrices differ in shape");
    if (k < 1)
        return fail(ErrorCode::Invalid, "k must be at least 1");
    RankingMetrics m;
    Eigen::VectorXd scores(train.cols());
    for (int u = 0; u < static_cast<int>(test.rows()); ++u) {
        const auto held = test.outerIndexPtr()[u + 1] - test.outerIndexPtr()[u];
        if (held == 0)
            continue;
        scores.setZero();
        scorer(u, scores);
        const auto top = topRecommendations(scores, train, u, k);
        double hits = 0.0, dcg = 0.0, ideal = 0.0;
        for (std::size_t r = 0; r < top.size(); ++r) {
            if (test.coeff(u, top[r].item) != 0.0) {
                hits += 1.0;
                dcg += 1.0 / std::log2(static_cast<double>(r) + 2.0);
            }
        }
        for (int r = 0; r < std::min(k, static_cast<int>(held)); ++r)
            ideal += 1.0 / std::log2(static_cast<double>(r) + 2.0);
        m.precisionAtK += hits / k;
        m.recallAtK += hits / static_cast<double>(held);
        m.ndcgAtK += dcg / ideal;
        ++m.users;
    }
    if (m.users > 0) {
        m.precisionAtK /= m.users;
        m.recallAtK /= m.users;
        m.ndcgAtK /= m.users;
    }
    return m;
}

} // namespace herald::engine
