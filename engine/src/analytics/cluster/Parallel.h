#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <random>
#include <thread>
#include <vector>

#include <Eigen/Core>

namespace herald::engine::clusterdetail {

/// Runs fn(begin, end, part) over [0, n) cut into `parts` contiguous ranges, part 0 on the calling thread and
/// the others on their own std::thread. The split depends only on n and parts, so per-part partial sums merged
/// in part order give the same bits on every run. fn must not throw (it runs on worker threads).
template <typename Fn> void parallelRanges(Eigen::Index n, int parts, Fn&& fn)
{
    parts = std::max(1, parts);
    if (parts == 1 || n < parts) {
        fn(Eigen::Index(0), n, 0);
        return;
    }
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(parts - 1));
    for (int p = 1; p < parts; ++p)
        workers.emplace_back([&fn, n, parts, p] { fn(n * p / parts, n * (p + 1) / parts, p); });
    fn(Eigen::Index(0), n / parts, 0);
    for (auto& w : workers)
        w.join();
}

/// Progress and cancellation from inside parallelRanges: only part 0 (the caller's thread) calls the callback,
/// every kEvery items, so the callback never runs on a worker thread; a false answer stops every part at its
/// next check.
class CancelPoint
{
public:
    static constexpr Eigen::Index kEvery = 8192;

    CancelPoint(const std::function<bool(double)>& tick, double fraction) : m_tick(tick), m_fraction(fraction) {}

    /// False when the work must stop; call with the index of the item about to be processed.
    bool proceed(int part, Eigen::Index item)
    {
        if (item % kEvery == 0 && part == 0 && m_tick && !m_tick(m_fraction))
            m_cancelled = true;
        return !m_cancelled.load(std::memory_order_relaxed);
    }

    bool cancelled() const { return m_cancelled; }

private:
    const std::function<bool(double)>& m_tick;
    double m_fraction;
    std::atomic<bool> m_cancelled = false;
};

/// A uniform double in [0, 1) with 53 random bits; unlike std::uniform_real_distribution its output is the
/// same with every standard library.
inline double uniform01(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

/// A uniform index in [0, n).
inline Eigen::Index uniformIndex(std::mt19937_64& rng, Eigen::Index n)
{
    return std::min<Eigen::Index>(n - 1, static_cast<Eigen::Index>(uniform01(rng) * static_cast<double>(n)));
}

/// Squared Euclidean distance of two contiguous d-vectors.
inline double squaredDistance(const double* a, const double* b, Eigen::Index d)
{
    using Vec = Eigen::Map<const Eigen::VectorXd>;
    return (Vec(a, d) - Vec(b, d)).squaredNorm();
}

} // namespace herald::engine::clusterdetail
