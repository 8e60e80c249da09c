#include "herald/engine/analytics/Lttb.h"

#include <cmath>
#include <numeric>
#include <string>

namespace herald::engine {

Result<std::vector<std::size_t>> lttbIndices(const Eigen::Ref<const Eigen::VectorXd>& x,
                                             const Eigen::Ref<const Eigen::VectorXd>& y, std::size_t threshold)
{
    if (x.size() != y.size())
        return fail(ErrorCode::Invalid, "x and y differ in length");
    const auto n = static_cast<std::size_t>(x.size());
    if (n == 0)
        return fail(ErrorCode::Invalid, "empty series");
    for (std::size_t i = 0; i < n; ++i) {
        const auto e = static_cast<Eigen::Index>(i);
        if (!std::isfinite(x[e]) || !std::isfinite(y[e]))
            return fail(ErrorCode::Invalid, "point " + std::to_string(i) + " is not finite");
        if (i > 0 && x[e] < x[e - 1])
            return fail(ErrorCode::Invalid, "x decreases at point " + std::to_string(i));
    }
    std::vector<std::size_t> kept;
    if (threshold >= n) {
        kept.resize(n);
        std::iota(kept.begin(), kept.end(), std::size_t{0});
        return kept;
    }
    if (threshold < 3)
        return fail(ErrorCode::Invalid, "threshold must be at least 3");

    kept.reserve(threshold);
    kept.push_back(0);
    // Interior points 1..n-2 split into threshold - 2 buckets; bucket b is [start(b), start(b + 1)).
    const double every = static_cast<double>(n - 2) / static_cast<double>(threshold - 2);
    const auto start = [&](std::size_t b) {
        return b + 2 >= threshold ? n - 1 : 1 + static_cast<std::size_t>(std::floor(static_cast<double>(b) * every));
    };
    std::size_t previous = 0;
    for (std::size_t b = 0; b + 2 < threshold; ++b) {
        const std::size_t begin = start(b);
        const std::size_t end = std::min(start(b + 1), n - 1);
        // The next bucket's average (the last point itself after the final bucket).
        const std::size_t nextBegin = end;
        const std::size_t nextEnd = b + 3 < threshold ? std::min(start(b + 2), n - 1) : n;
        double avgX = 0.0;
        double avgY = 0.0;
        for (std::size_t i = nextBegin; i < nextEnd; ++i) {
            avgX += x[static_cast<Eigen::Index>(i)];
            avgY += y[static_cast<Eigen::Index>(i)];
        }
        const double count = static_cast<double>(nextEnd - nextBegin);
        avgX /= count;
        avgY /= count;
        const double ax = x[static_cast<Eigen::Index>(previous)];
        const double ay = y[static_cast<Eigen::Index>(previous)];
        double bestArea = -1.0;
        std::size_t best = begin;
        for (std::size_t i = begin; i < end; ++i) {
            // Twice the triangle area; the factor does not change the argmax.
            const double area = std::fabs((ax - avgX) * (y[static_cast<Eigen::Index>(i)] - ay) -
                                          (ax - x[static_cast<Eigen::Index>(i)]) * (avgY - ay));
            if (area > bestArea) {
                bestArea = area;
                best = i;
            }
        }
        kept.push_back(best);
        previous = best;
    }
    kept.push_back(n - 1);
    return kept;
}

Result<LttbPoints> lttb(const Eigen::Ref<const Eigen::VectorXd>& x, const Eigen::Ref<const Eigen::VectorXd>& y,
                        std::size_t threshold)
{
    auto indices = lttbIndices(x, y, threshold);
    if (!indices)
        return tl::unexpected(indices.error());
    LttbPoints points;
    points.x.reserve(indices->size());
    points.y.reserve(indices->size());
    for (const std::size_t i : *indices) {
        points.x.push_back(x[static_cast<Eigen::Index>(i)]);
        points.y.push_back(y[static_cast<Eigen::Index>(i)]);
    }
    return points;
}

} // namespace herald::engine
