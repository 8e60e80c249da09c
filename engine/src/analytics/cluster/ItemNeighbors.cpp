#include "herald/engine/analytics/ItemNeighbors.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <utility>
#include <vector>

#include "Parallel.h"

namespace herald::engine {

Eigen::VectorXd ItemNeighbors::scores(const InteractionMatrix& interactions, int user) const
{
    Eigen::VectorXd s = Eigen::VectorXd::Zero(similarity.rows());
    for (InteractionMatrix::InnerIterator it(interactions, user); it; ++it) {
        for (Eigen::SparseMatrix<double>::InnerIterator n(similarity, it.index()); n; ++n)
            s(n.index()) += it.value() * n.value();
    }
    return s;
}

Result<ItemNeighbors> fitItemNeighbors(const InteractionMatrix& interactions, const ItemNeighborsOptions& options,
                                       const Progress& progress)
{
    using Index = Eigen::Index;
    if (interactions.rows() == 0 || interactions.cols() == 0 || interactions.nonZeros() == 0)
        return fail(ErrorCode::Invalid, "the interaction matrix is empty");
    if (options.neighbors < 1)
        return fail(ErrorCode::Invalid, "neighbors must be at least 1");
    try {
        const Index items = interactions.cols();
        const InteractionMatrix byItem = InteractionMatrix(interactions.transpose());
        Eigen::VectorXd norms = Eigen::VectorXd::Zero(items);
        for (Index i = 0; i < items; ++i) {
            for (InteractionMatrix::InnerIterator it(byItem, i); it; ++it)
                norms(i) += it.value() * it.value();
        }
        norms = norms.cwiseSqrt();
        // Each thread fills the neighbour lists of a contiguous range of items from a dense co-occurrence row.
        std::vector<std::vector<std::pair<int, double>>> kept(static_cast<std::size_t>(items));
        std::atomic<bool> cancelled = false;
        clusterdetail::parallelRanges(items, options.threads, [&](Index b, Index e, int part) {
            Eigen::VectorXd dots = Eigen::VectorXd::Zero(items);
            std::vector<int> touched;
            for (Index j = b; j < e; ++j) {
                if ((j - b) % 64 == 0) {
                    if (part == 0 && progress && !progress(static_cast<double>(j - b) / static_cast<double>(e - b)))
                        cancelled = true;
                    if (cancelled)
                        return;
                }
                touched.clear();
                for (InteractionMatrix::InnerIterator u(byItem, j); u; ++u) {
                    for (InteractionMatrix::InnerIterator it(interactions, u.index()); it; ++it) {
                        if (dots(it.index()) == 0.0)
                            touched.push_back(static_cast<int>(it.index()));
                        dots(it.index()) += u.value() * it.value();
                    }
                }
                auto& list = kept[static_cast<std::size_t>(j)];
                for (int i : touched) {
                    if (i != j)
                        list.emplace_back(i, dots(i) / (norms(i) * norms(j)));
                    dots(i) = 0.0;
                }
                const auto keep = std::min(list.size(), static_cast<std::size_t>(options.neighbors));
                std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep), list.end(),
                                  [](const auto& a, const auto& c) {
                                      return a.second > c.second || (a.second == c.second && a.first < c.first);
                                  });
                list.resize(keep);
                std::sort(list.begin(), list.end());
            }
        });
        if (cancelled)
            return fail(ErrorCode::Cancelled, "item neighbours cancelled");
        ItemNeighbors model;
        model.similarity.resize(items, items);
        Eigen::VectorXi perColumn(items);
        for (Index j = 0; j < items; ++j)
            perColumn(j) = static_cast<int>(kept[static_cast<std::size_t>(j)].size());
        model.similarity.reserve(perColumn);
        for (Index j = 0; j < items; ++j) {
            for (const auto& [i, s] : kept[static_cast<std::size_t>(j)])
                model.similarity.insert(i, j) = s;
        }
        model.similarity.makeCompressed();
        return model;
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Invalid, "not enough memory for item neighbours");
    }
}

} // namespace herald::engine
