// Silhouettes, the choice of k by silhouette, and cluster profiles (declared in KMeans.h).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "Parallel.h"
#include "herald/engine/analytics/KMeans.h"
#include "herald/engine/analytics/Standardize.h"

namespace herald::engine {

namespace {

using Index = Eigen::Index;

// Rows of distances are computed a block at a time with one matrix product (|x|^2 + |y|^2 - 2 x.y, as
// scikit-learn), so memory stays O(block * n) however large n is.
constexpr Index kBlockRows = 64;

Result<int> checkLabels(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels)
{
    if (static_cast<Index>(labels.size()) != data.rows())
        return fail(ErrorCode::Invalid, "labels (" + std::to_string(labels.size()) + ") do not match the rows (" +
                                            std::to_string(data.rows()) + ")");
    int clusters = 0;
    for (int label : labels) {
        if (label < 0)
            return fail(ErrorCode::Invalid, "negative label " + std::to_string(label));
        clusters = std::max(clusters, label + 1);
    }
    return clusters;
}

} // namespace

Result<Eigen::VectorXd> silhouetteSamples(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels,
                                          const Progress& progress)
{
    if (auto ok = validateFinite(data); !ok)
        return tl::unexpected(ok.error());
    const auto clusterCount = checkLabels(data, labels);
    if (!clusterCount)
        return tl::unexpected(clusterCount.error());
    const Index n = data.rows(), k = *clusterCount;
    std::vector<Index> sizes(static_cast<std::size_t>(k), 0);
    for (int label : labels)
        ++sizes[static_cast<std::size_t>(label)];
    if (std::count_if(sizes.begin(), sizes.end(), [](Index s) { return s > 0; }) < 2)
        return fail(ErrorCode::Invalid, "silhouette needs at least 2 clusters");

    // Sort rows by label so that each cluster is a contiguous block of columns of the distance rows.
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index(0));
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
        return labels[static_cast<std::size_t>(a)] < labels[static_cast<std::size_t>(b)];
    });
    Eigen::MatrixXd sorted(n, data.cols());
    for (Index r = 0; r < n; ++r)
        sorted.row(r) = data.row(order[static_cast<std::size_t>(r)]);
    std::vector<Index> start(static_cast<std::size_t>(k) + 1, 0);
    for (Index c = 0; c < k; ++c)
        start[static_cast<std::size_t>(c) + 1] =
            start[static_cast<std::size_t>(c)] + sizes[static_cast<std::size_t>(c)];
    const Eigen::VectorXd norms = sorted.rowwise().squaredNorm();

    Eigen::VectorXd sortedValues(n);
    const Index blocks = (n + kBlockRows - 1) / kBlockRows;
    const int threads = n >= 2048 ? 2 : 1;
    // Each block is O(64 n d): report after every block of the calling thread.
    std::atomic<bool> cancelled = false;
    clusterdetail::parallelRanges(blocks, threads, [&](Index b0, Index b1, int part) {
        Eigen::MatrixXd dist;
        Eigen::VectorXd sums(k);
        for (Index blk = b0; blk < b1; ++blk) {
            if (part == 0 && progress && !progress(static_cast<double>(blk - b0) / static_cast<double>(b1 - b0)))
                cancelled = true;
            if (cancelled)
                return;
            const Index r0 = blk * kBlockRows, rows = std::min(kBlockRows, n - r0);
            // Column r holds the distances of row r0 + r to every row: contiguous per-cluster sums.
            dist.noalias() = -2.0 * sorted * sorted.middleRows(r0, rows).transpose();
            for (Index r = 0; r < rows; ++r) {
                auto column = dist.col(r).array();
                column = (column + norms.array() + norms(r0 + r)).max(0.0).sqrt(); // one pass, while in cache
                column(r0 + r) = 0.0; // a point's distance to itself, exactly
                for (Index c = 0; c < k; ++c) {
                    const auto len = sizes[static_cast<std::size_t>(c)];
                    sums(c) = len > 0 ? dist.col(r).segment(start[static_cast<std::size_t>(c)], len).sum() : 0.0;
                }
                const int own = labels[static_cast<std::size_t>(order[static_cast<std::size_t>(r0 + r)])];
                const Index ownSize = sizes[static_cast<std::size_t>(own)];
                double value = 0.0;
                if (ownSize > 1) {
                    const double a = sums(own) / static_cast<double>(ownSize - 1);
                    double b = std::numeric_limits<double>::infinity();
                    for (Index c = 0; c < k; ++c) {
                        if (c != own && sizes[static_cast<std::size_t>(c)] > 0)
                            b = std::min(b, sums(c) / static_cast<double>(sizes[static_cast<std::size_t>(c)]));
                    }
                    const double denominator = std::max(a, b);
                    value = denominator > 0.0 ? (b - a) / denominator : 0.0;
                }
                sortedValues(r0 + r) = value;
            }
        }
    });
    if (cancelled)
        return fail(ErrorCode::Cancelled, "silhouette cancelled");
    Eigen::VectorXd values(n);
    for (Index r = 0; r < n; ++r)
        values(order[static_cast<std::size_t>(r)]) = sortedValues(r);
    return values;
}

namespace {

// A seeded sample of distinct row indices, in increasing order (partial Fisher-Yates).
std::vector<Index> sampleRows(Index n, Index size, std::uint64_t seed)
{
    std::vector<Index> rows(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), Index(0));
    if (size >= n)
        return rows;
    std::mt19937_64 rng(seed);
    for (Index i = 0; i < size; ++i)
        std::swap(rows[static_cast<std::size_t>(i)],
                  rows[static_cast<std::size_t>(i + clusterdetail::uniformIndex(rng, n - i))]);
    rows.resize(static_cast<std::size_t>(size));
    std::sort(rows.begin(), rows.end());
    return rows;
}

Result<double> sampledSilhouette(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels,
                                 const std::vector<Index>& rows, const Progress& progress)
{
    Eigen::MatrixXd sample(static_cast<Index>(rows.size()), data.cols());
    std::vector<int> sampleLabels(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        sample.row(static_cast<Index>(r)) = data.row(rows[r]);
        sampleLabels[r] = labels[static_cast<std::size_t>(rows[r])];
    }
    auto values = silhouetteSamples(sample, sampleLabels, progress);
    if (!values)
        return tl::unexpected(values.error());
    return values->mean();
}

} // namespace

Result<double> silhouetteScore(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels,
                               Eigen::Index sampleSize, std::uint64_t seed, const Progress& progress)
{
    const auto clusterCount = checkLabels(data, labels);
    if (!clusterCount)
        return tl::unexpected(clusterCount.error());
    if (sampleSize < 2)
        return fail(ErrorCode::Invalid, "silhouette sample size must be at least 2");
    return sampledSilhouette(data, labels, sampleRows(data.rows(), sampleSize, seed), progress);
}

Result<ChooseKResult> chooseK(const Eigen::Ref<const Eigen::MatrixXd>& data, const ChooseKOptions& options,
                              const Progress& progress)
{
    if (options.kMin < 2 || options.kMax < options.kMin)
        return fail(ErrorCode::Invalid, "k range must satisfy 2 <= kMin <= kMax");
    if (options.kMax >= data.rows())
        return fail(ErrorCode::Invalid, "kMax (" + std::to_string(options.kMax) +
                                            ") must be below the number of rows (" + std::to_string(data.rows()) + ")");
    if (options.sampleSize < 2)
        return fail(ErrorCode::Invalid, "silhouette sample size must be at least 2");
    const std::vector<Index> rows = sampleRows(data.rows(), options.sampleSize, options.kMeans.seed);
    const int count = options.kMax - options.kMin + 1;
    ChooseKResult result;
    double bestScore = -std::numeric_limits<double>::infinity();
    for (int k = options.kMin; k <= options.kMax; ++k) {
        const double base = static_cast<double>(k - options.kMin) / count;
        KMeansOptions kmOptions = options.kMeans;
        kmOptions.k = k;
        auto fit = kMeans(data, kmOptions, [&](double f) { return !progress || progress(base + 0.8 * f / count); });
        if (!fit)
            return tl::unexpected(fit.error());
        auto score = sampledSilhouette(data, fit->labels, rows,
                                       [&](double f) { return !progress || progress(base + (0.8 + 0.2 * f) / count); });
        if (!score && score.error().code == ErrorCode::Cancelled)
            return tl::unexpected(score.error());
        // A sample that happens to hold one cluster only scores as no structure rather than failing.
        const double silhouette = score ? *score : 0.0;
        result.perK.push_back({k, fit->inertia, silhouette, fit->iterations, fit->converged});
        if (silhouette > bestScore) {
            bestScore = silhouette;
            result.bestK = k;
            result.best = std::move(*fit);
        }
    }
    if (progress && !progress(1.0))
        return fail(ErrorCode::Cancelled, "choosing k cancelled");
    return result;
}

Result<std::vector<ClusterProfile>> profileClusters(const Eigen::Ref<const Eigen::MatrixXd>& data,
                                                    const std::vector<int>& labels, int k)
{
    if (auto ok = validateFinite(data); !ok)
        return tl::unexpected(ok.error());
    const auto clusterCount = checkLabels(data, labels);
    if (!clusterCount)
        return tl::unexpected(clusterCount.error());
    if (k < 1 || *clusterCount > k)
        return fail(ErrorCode::Invalid, "labels must lie in [0, k)");
    const Index n = data.rows(), d = data.cols();
    const Eigen::RowVectorXd mean = data.colwise().mean();
    const Eigen::RowVectorXd sd = ((data.rowwise() - mean).array().square().colwise().sum() / n).sqrt().matrix();
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(k, d);
    std::vector<Index> sizes(static_cast<std::size_t>(k), 0);
    for (Index i = 0; i < n; ++i) {
        sums.row(labels[static_cast<std::size_t>(i)]) += data.row(i);
        ++sizes[static_cast<std::size_t>(labels[static_cast<std::size_t>(i)])];
    }
    std::vector<ClusterProfile> profiles(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c) {
        auto& p = profiles[static_cast<std::size_t>(c)];
        p.cluster = c;
        p.size = sizes[static_cast<std::size_t>(c)];
        p.share = static_cast<double>(p.size) / static_cast<double>(n);
        p.centroid = p.size > 0 ? Eigen::VectorXd(sums.row(c).transpose() / static_cast<double>(p.size))
                                : Eigen::VectorXd(mean.transpose());
        for (Index f = 0; f < d; ++f) {
            // A constant column cannot set a cluster apart.
            const double dev = sd(f) > 0.0 ? (p.centroid(f) - mean(f)) / sd(f) : 0.0;
            p.distinguishing.push_back({f, dev});
        }
        std::stable_sort(p.distinguishing.begin(), p.distinguishing.end(),
                         [](const FeatureDeviation& a, const FeatureDeviation& b) {
                             return std::abs(a.deviation) > std::abs(b.deviation);
                         });
    }
    return profiles;
}

} // namespace herald::engine
