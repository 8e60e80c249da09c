#include "herald/engine/analytics/KMeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <string>

#include "Parallel.h"
#include "herald/engine/analytics/Standardize.h"

namespace herald::engine {

namespace {

using Index = Eigen::Index;
using clusterdetail::squaredDistance;

// Below this much distance work (n * k * d) a second thread costs more than it saves.
constexpr Index kParallelWork = Index(1) << 18;

int threadsFor(Index n, Index k, Index d, int requested)
{
    return n * k * d >= kParallelWork ? std::max(1, requested) : 1;
}

// scikit-learn's tolerance: tol times the mean of the column variances.
double absoluteTolerance(const Eigen::MatrixXd& points, double tol)
{
    const Eigen::VectorXd mean = points.rowwise().mean();
    return tol * (points.colwise() - mean).array().square().rowwise().mean().mean();
}

double inertiaOf(const Eigen::MatrixXd& points, const Eigen::MatrixXd& centers, const std::vector<int>& labels,
                 int threads)
{
    const Index d = points.rows();
    std::vector<double> partial(static_cast<std::size_t>(std::max(1, threads)), 0.0);
    clusterdetail::parallelRanges(points.cols(), threads, [&](Index b, Index e, int p) {
        double s = 0.0;
        for (Index i = b; i < e; ++i)
            s += squaredDistance(points.col(i).data(), centers.col(labels[static_cast<std::size_t>(i)]).data(), d);
        partial[static_cast<std::size_t>(p)] = s;
    });
    return std::accumulate(partial.begin(), partial.end(), 0.0);
}

// Greedy k-means++ (Arthur & Vassilvitskii, with scikit-learn's 2 + log k local trials): each new centre is
// the best of a few candidates drawn with probability proportional to the squared distance to the nearest
// centre chosen so far. points is d x n (a point per column). Returns false when cancelled.
bool kMeansPlusPlus(const Eigen::MatrixXd& points, int k, std::mt19937_64& rng, int threads,
                    const std::function<bool(double)>& tick, Eigen::MatrixXd& centers)
{
    const Index n = points.cols(), d = points.rows();
    const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
    centers.resize(d, k);
    Eigen::VectorXd closest(n);
    Eigen::MatrixXd dist(trials, n); // column i: squared distances of point i to each candidate
    Eigen::MatrixXd candidates(d, trials);
    Eigen::MatrixXd partial(trials, std::max(1, threads));
    // Fills dist.topRows(count) for the first count candidates and, when withPotential is set, each thread's
    // sums of min(closest, dist) per candidate, in the same pass.
    auto distances = [&](int count, bool withPotential, double fraction) {
        const auto cand = candidates.leftCols(count);
        clusterdetail::CancelPoint cancel(tick, fraction);
        clusterdetail::parallelRanges(n, threads, [&](Index b, Index e, int p) {
            Eigen::VectorXd sums = Eigen::VectorXd::Zero(count);
            for (Index i = b; i < e; ++i) {
                if (!cancel.proceed(p, i - b))
                    return;
                auto column = dist.col(i).head(count);
                column.noalias() = (cand.colwise() - points.col(i)).colwise().squaredNorm().transpose();
                if (withPotential)
                    sums += column.cwiseMin(closest(i));
            }
            partial.col(p).head(count) = sums;
        });
        return !cancel.cancelled();
    };
    candidates.col(0) = points.col(clusterdetail::uniformIndex(rng, n));
    centers.col(0) = candidates.col(0);
    if (!distances(1, false, 0.0))
        return false;
    closest = dist.row(0).transpose();
    double potential = closest.sum();
    std::vector<double> cumulative(static_cast<std::size_t>(n));
    for (int c = 1; c < k; ++c) {
        std::partial_sum(closest.begin(), closest.end(), cumulative.begin());
        for (int t = 0; t < trials; ++t) {
            const double r = clusterdetail::uniform01(rng) * potential;
            const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), r);
            candidates.col(t) = points.col(std::min<Index>(n - 1, it - cumulative.begin()));
        }
        if (!distances(trials, true, static_cast<double>(c) / k))
            return false;
        Index best = 0;
        partial.rowwise().sum().minCoeff(&best);
        centers.col(c) = candidates.col(best);
        closest = closest.cwiseMin(dist.row(best).transpose());
        potential = closest.sum();
    }
    return true;
}

struct RunResult
{
    Eigen::MatrixXd centers; // d x k
    std::vector<int> labels;
    double inertia = 0.0;
    int iterations = 0;
    bool converged = false;
};

// One Lloyd run from given centres with Hamerly's bounds: upper[i] bounds the distance to the assigned centre,
// lower[i] the distance to every other centre; a point whose upper bound is below max(lower, half the distance
// from its centre to the nearest other centre) cannot change cluster and is skipped.
class HamerlyRun
{
public:
    HamerlyRun(const Eigen::MatrixXd& points, Eigen::MatrixXd centers, int threads)
        : m_points(points), m_centers(std::move(centers)), m_threads(threads),
          m_labels(static_cast<std::size_t>(points.cols()), 0),
          m_upper(Eigen::VectorXd::Constant(points.cols(), std::numeric_limits<double>::infinity())),
          m_lower(Eigen::VectorXd::Zero(points.cols())), m_sums(static_cast<std::size_t>(threads)),
          m_counts(static_cast<std::size_t>(threads)), m_changed(static_cast<std::size_t>(threads), 0)
    {
    }

    bool run(int maxIter, double tolAbs, const std::function<bool(double)>& tick, RunResult& out)
    {
        const Index k = m_centers.cols();
        bool strict = false, converged = false;
        int it = 0;
        while (it < maxIter) {
            const double fraction = static_cast<double>(it) / maxIter;
            ++it;
            const Index changed = assign(true, tick, fraction);
            if (m_cancelled)
                return false;
            Eigen::MatrixXd next = m_sum;
            for (Index j = 0; j < k; ++j) {
                if (m_count[static_cast<std::size_t>(j)] > 0)
                    next.col(j) /= static_cast<double>(m_count[static_cast<std::size_t>(j)]);
            }
            const bool repaired = repairEmpty(next);
            if (it > 1 && changed == 0 && !repaired) {
                strict = true;
                m_centers = std::move(next);
                break;
            }
            Eigen::VectorXd delta(k);
            for (Index j = 0; j < k; ++j)
                delta(j) = std::sqrt(squaredDistance(next.col(j).data(), m_centers.col(j).data(), m_centers.rows()));
            m_centers = std::move(next);
            moveBounds(delta);
            if (delta.squaredNorm() <= tolAbs) {
                converged = true;
                break;
            }
        }
        // Unless labels were already stable, one more assignment makes them match the final centres.
        if (!strict) {
            assign(false, tick, 1.0);
            if (m_cancelled)
                return false;
        }
        out.centers = m_centers;
        out.labels = m_labels;
        out.iterations = it;
        out.converged = strict || converged;
        out.inertia = inertiaOf(m_points, m_centers, m_labels, m_threads);
        return true;
    }

private:
    // Assigns every point (skipping those the bounds settle) and, when accumulate is set, sums points per
    // cluster into m_sum / m_count. Returns how many labels changed; sets m_cancelled when tick says stop.
    Index assign(bool accumulate, const std::function<bool(double)>& tick, double fraction)
    {
        const Index n = m_points.cols(), d = m_points.rows(), k = m_centers.cols();
        Eigen::VectorXd half(k);
        for (Index j = 0; j < k; ++j) {
            double best = std::numeric_limits<double>::infinity();
            for (Index o = 0; o < k; ++o) {
                if (o != j)
                    best = std::min(best, squaredDistance(m_centers.col(j).data(), m_centers.col(o).data(), d));
            }
            half(j) = 0.5 * std::sqrt(best);
        }
        // Every part's partials are reset here, not in the part: a part that does not run adds nothing.
        for (std::size_t p = 0; p < m_sums.size(); ++p) {
            m_sums[p].setZero(d, k);
            m_counts[p].assign(static_cast<std::size_t>(k), 0);
            m_changed[p] = 0;
        }
        clusterdetail::CancelPoint cancel(tick, fraction);
        clusterdetail::parallelRanges(n, m_threads, [&](Index b, Index e, int p) {
            auto& sums = m_sums[static_cast<std::size_t>(p)];
            auto& counts = m_counts[static_cast<std::size_t>(p)];
            Index changed = 0;
            Eigen::RowVectorXd dists(k);
            for (Index i = b; i < e; ++i) {
                if (!cancel.proceed(p, i - b))
                    return;
                const double* x = m_points.col(i).data();
                int& label = m_labels[static_cast<std::size_t>(i)];
                const double bound = std::max(half(label), m_lower(i));
                if (m_upper(i) > bound) {
                    m_upper(i) = std::sqrt(squaredDistance(x, m_centers.col(label).data(), d));
                    if (m_upper(i) > bound) {
                        double d1 = std::numeric_limits<double>::infinity(), d2 = d1;
                        int best = 0;
                        dists.noalias() = (m_centers.colwise() - m_points.col(i)).colwise().squaredNorm();
                        for (Index j = 0; j < k; ++j) {
                            const double dist = dists(j);
                            if (dist < d1) {
                                d2 = d1;
                                d1 = dist;
                                best = static_cast<int>(j);
                            } else if (dist < d2) {
                                d2 = dist;
                            }
                        }
                        if (best != label) {
                            ++changed;
                            label = best;
                        }
                        m_upper(i) = std::sqrt(d1);
                        m_lower(i) = std::sqrt(d2);
                    }
                }
                if (accumulate) {
                    sums.col(label) += m_points.col(i);
                    ++counts[static_cast<std::size_t>(label)];
                }
            }
            m_changed[static_cast<std::size_t>(p)] = changed;
        });
        m_cancelled = cancel.cancelled();
        if (accumulate) {
            m_sum = m_sums[0];
            m_count = m_counts[0];
            for (std::size_t p = 1; p < m_sums.size(); ++p) {
                m_sum += m_sums[p];
                for (Index j = 0; j < k; ++j)
                    m_count[static_cast<std::size_t>(j)] += m_counts[p][static_cast<std::size_t>(j)];
            }
        }
        return std::accumulate(m_changed.begin(), m_changed.end(), Index(0));
    }

    // An empty cluster takes the point farthest from its current centre (scikit-learn's repair), so the
    // run always ends with k non-empty clusters when there are k distinct points. Returns whether any moved.
    bool repairEmpty(Eigen::MatrixXd& next)
    {
        const Index n = m_points.cols(), d = m_points.rows(), k = m_centers.cols();
        std::vector<Index> empty;
        for (Index j = 0; j < k; ++j) {
            if (m_count[static_cast<std::size_t>(j)] == 0)
                empty.push_back(j);
        }
        if (empty.empty())
            return false;
        for (Index j : empty)
            next.col(j) = m_centers.col(j); // kept when no point can be spared
        std::vector<std::pair<double, Index>> far(static_cast<std::size_t>(n));
        for (Index i = 0; i < n; ++i) {
            far[static_cast<std::size_t>(i)] = {
                squaredDistance(m_points.col(i).data(), m_centers.col(m_labels[static_cast<std::size_t>(i)]).data(), d),
                i};
        }
        const auto take = static_cast<std::ptrdiff_t>(std::min<std::size_t>(empty.size(), far.size()));
        std::partial_sort(far.begin(), far.begin() + take, far.end(), [](const auto& a, const auto& b) {
            return a.first > b.first || (a.first == b.first && a.second < b.second);
        });
        for (std::ptrdiff_t e = 0; e < take; ++e) {
            const Index i = far[static_cast<std::size_t>(e)].second, j = empty[static_cast<std::size_t>(e)];
            auto& old = m_labels[static_cast<std::size_t>(i)];
            auto& oldCount = m_count[static_cast<std::size_t>(old)];
            if (oldCount <= 1)
                continue; // never empty another cluster to fill this one
            m_sum.col(old) -= m_points.col(i);
            --oldCount;
            next.col(old) = m_sum.col(old) / static_cast<double>(oldCount);
            m_sum.col(j) = m_points.col(i);
            m_count[static_cast<std::size_t>(j)] = 1;
            next.col(j) = m_points.col(i);
            old = static_cast<int>(j);
            m_upper(i) = std::numeric_limits<double>::infinity();
            m_lower(i) = 0.0;
        }
        return true;
    }

    void moveBounds(const Eigen::VectorXd& delta)
    {
        Index top = 0;
        const double max1 = delta.maxCoeff(&top);
        double max2 = 0.0;
        for (Index j = 0; j < delta.size(); ++j) {
            if (j != top)
                max2 = std::max(max2, delta(j));
        }
        for (Index i = 0; i < m_points.cols(); ++i) {
            const int label = m_labels[static_cast<std::size_t>(i)];
            m_upper(i) += delta(label);
            m_lower(i) -= label == top ? max2 : max1;
        }
    }

    const Eigen::MatrixXd& m_points;
    Eigen::MatrixXd m_centers;
    int m_threads;
    std::vector<int> m_labels;
    Eigen::VectorXd m_upper;
    Eigen::VectorXd m_lower;
    std::vector<Eigen::MatrixXd> m_sums;
    std::vector<std::vector<Index>> m_counts;
    std::vector<Index> m_changed;
    Eigen::MatrixXd m_sum;
    std::vector<Index> m_count;
    bool m_cancelled = false;
};

// Sculley's mini-batch k-means with scikit-learn's per-centre learning rate 1 / count and its early stop
// (no improvement of the smoothed batch inertia for 10 batches). Seeds on a random subsample of 3 batches.
bool miniBatchRun(const Eigen::MatrixXd& points, const KMeansOptions& options, std::mt19937_64& rng,
                  const std::function<bool(double)>& tick, RunResult& out)
{
    const Index n = points.cols(), d = points.rows(), k = options.k;
    const Index batch = std::min<Index>(n, std::max(1, options.batchSize));
    const Index initSize = std::min<Index>(n, std::max<Index>(3 * batch, k));
    Eigen::MatrixXd sample(d, initSize);
    for (Index s = 0; s < initSize; ++s)
        sample.col(s) = points.col(clusterdetail::uniformIndex(rng, n));
    Eigen::MatrixXd centers;
    if (!kMeansPlusPlus(
            sample, options.k, rng, 1, [&](double f) { return tick(0.05 * f); }, centers))
        return false;
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(k);
    Eigen::MatrixXd batchSum(d, k);
    Eigen::VectorXd batchCount(k);
    const Index steps = std::max<Index>(1, options.maxIter * n / batch);
    double smoothed = -1.0, bestSmoothed = std::numeric_limits<double>::infinity();
    int noImprovement = 0;
    Index step = 0;
    bool converged = false;
    for (; step < steps; ++step) {
        if (step % 64 == 0 && !tick(0.05 + 0.9 * static_cast<double>(step) / steps))
            return false;
        batchSum.setZero();
        batchCount.setZero();
        double batchInertia = 0.0;
        for (Index s = 0; s < batch; ++s) {
            const Index i = clusterdetail::uniformIndex(rng, n);
            Index best = 0;
            double bestDist = std::numeric_limits<double>::infinity();
            for (Index j = 0; j < k; ++j) {
                const double dist = squaredDistance(points.col(i).data(), centers.col(j).data(), d);
                if (dist < bestDist) {
                    bestDist = dist;
                    best = j;
                }
            }
            batchSum.col(best) += points.col(i);
            batchCount(best) += 1.0;
            batchInertia += bestDist;
        }
        for (Index j = 0; j < k; ++j) {
            if (batchCount(j) == 0.0)
                continue;
            counts(j) += batchCount(j);
            centers.col(j) += (batchSum.col(j) - batchCount(j) * centers.col(j)) / counts(j);
        }
        batchInertia /= static_cast<double>(batch);
        const double alpha = std::min(1.0, 2.0 * static_cast<double>(batch) / static_cast<double>(n + 1));
        smoothed = smoothed < 0.0 ? batchInertia : smoothed * (1.0 - alpha) + batchInertia * alpha;
        if (smoothed < bestSmoothed) {
            bestSmoothed = smoothed;
            noImprovement = 0;
        } else if (++noImprovement >= 10) {
            converged = true;
            ++step;
            break;
        }
    }
    out.centers = std::move(centers);
    out.labels.assign(static_cast<std::size_t>(n), 0);
    out.iterations = static_cast<int>(std::min<Index>(step, std::numeric_limits<int>::max()));
    out.converged = converged;
    return true;
}

std::vector<int> nearestLabels(const Eigen::MatrixXd& points, const Eigen::MatrixXd& centers, int threads)
{
    const Index n = points.cols(), d = points.rows(), k = centers.cols();
    std::vector<int> labels(static_cast<std::size_t>(n), 0);
    clusterdetail::parallelRanges(n, threads, [&](Index b, Index e, int) {
        for (Index i = b; i < e; ++i) {
            double bestDist = std::numeric_limits<double>::infinity();
            for (Index j = 0; j < k; ++j) {
                const double dist = squaredDistance(points.col(i).data(), centers.col(j).data(), d);
                if (dist < bestDist) {
                    bestDist = dist;
                    labels[static_cast<std::size_t>(i)] = static_cast<int>(j);
                }
            }
        }
    });
    return labels;
}

} // namespace

Result<KMeansResult> kMeans(const Eigen::Ref<const Eigen::MatrixXd>& data, const KMeansOptions& options,
                            const Progress& progress)
{
    if (auto ok = validateFinite(data); !ok)
        return tl::unexpected(ok.error());
    if (options.k < 1)
        return fail(ErrorCode::Invalid, "k must be at least 1");
    if (options.k > data.rows())
        return fail(ErrorCode::Invalid, "k (" + std::to_string(options.k) + ") is larger than the number of rows (" +
                                            std::to_string(data.rows()) + ")");
    if (options.nInit < 1 || options.maxIter < 1 || !(options.tol >= 0.0))
        return fail(ErrorCode::Invalid, "nInit and maxIter must be at least 1 and tol not negative");

    try {
        const Eigen::MatrixXd points = data.transpose(); // a point per column: contiguous distance loops
        const Index n = points.cols(), d = points.rows();
        const int threads = threadsFor(n, options.k, d, options.threads);
        const double tolAbs = absoluteTolerance(points, options.tol);
        std::mt19937_64 rng(options.seed);
        RunResult best;
        best.inertia = std::numeric_limits<double>::infinity();
        for (int run = 0; run < options.nInit; ++run) {
            const double base = static_cast<double>(run) / options.nInit;
            RunResult current;
            if (options.algorithm == KMeansAlgorithm::MiniBatch) {
                auto tick = [&](double f) { return !progress || progress(base + f / options.nInit); };
                if (!miniBatchRun(points, options, rng, tick, current))
                    return fail(ErrorCode::Cancelled, "k-means cancelled");
                current.labels = nearestLabels(points, current.centers, threads);
                current.inertia = inertiaOf(points, current.centers, current.labels, threads);
            } else {
                Eigen::MatrixXd seeds;
                auto seedTick = [&](double f) { return !progress || progress(base + 0.2 * f / options.nInit); };
                if (!kMeansPlusPlus(points, options.k, rng, threads, seedTick, seeds))
                    return fail(ErrorCode::Cancelled, "k-means cancelled");
                auto tick = [&](double f) { return !progress || progress(base + (0.2 + 0.8 * f) / options.nInit); };
                HamerlyRun lloyd(points, std::move(seeds), threads);
                if (!lloyd.run(options.maxIter, tolAbs, tick, current))
                    return fail(ErrorCode::Cancelled, "k-means cancelled");
            }
            if (current.inertia < best.inertia)
                best = std::move(current);
        }
        KMeansResult result;
        result.centroids = best.centers.transpose();
        result.labels = std::move(best.labels);
        result.sizes.assign(static_cast<std::size_t>(options.k), 0);
        for (int label : result.labels)
            ++result.sizes[static_cast<std::size_t>(label)];
        result.inertia = best.inertia;
        result.iterations = best.iterations;
        result.converged = best.converged;
        if (progress && !progress(1.0))
            return fail(ErrorCode::Cancelled, "k-means cancelled");
        return result;
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Invalid, "not enough memory for k-means on this data");
    }
}

std::vector<int> assignNearest(const Eigen::Ref<const Eigen::MatrixXd>& data,
                               const Eigen::Ref<const Eigen::MatrixXd>& centroids)
{
    const Eigen::MatrixXd points = data.transpose();
    const Eigen::MatrixXd centers = centroids.transpose();
    return nearestLabels(points, centers, threadsFor(points.cols(), centers.cols(), points.rows(), 2));
}

} // namespace herald::engine
