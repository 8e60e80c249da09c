#pragma once

// The blob sets of ../shared/datasets/kmeans/gen_blobs.py rebuilt bit for bit from the portable generator
// (splitmix64 by index; normals are Irwin-Hall(4) rescaled). Compile with -ffp-contract=off: the Python side
// rounds every product and sum, so a fused multiply-add would change the last bits.
#include <cmath>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace herald::bench {

struct BlobSet
{
    Eigen::Index n;
    Eigen::Index d;
    int k;
    double sd;
    double box;
    std::uint64_t seed;
};

inline constexpr BlobSet kBlobs1m16d{1000000, 16, 8, 1.0, 10.0, 20240601};
inline constexpr BlobSet kBlobs1m16dOverlap{1000000, 16, 8, 5.0, 10.0, 20240605};

inline std::uint64_t portableRaw(std::uint64_t seed, std::uint64_t i)
{
    std::uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline double portableUniform(std::uint64_t seed, std::uint64_t i)
{
    return static_cast<double>(portableRaw(seed, i) >> 11) * (1.0 / 9007199254740992.0);
}

inline double portableNormal(std::uint64_t seed, std::uint64_t j)
{
    const double u0 = portableUniform(seed, 4 * j), u1 = portableUniform(seed, 4 * j + 1);
    const double u2 = portableUniform(seed, 4 * j + 2), u3 = portableUniform(seed, 4 * j + 3);
    return ((u0 + u1) + (u2 + u3) - 2.0) * std::sqrt(3.0);
}

struct Blobs
{
    Eigen::MatrixXd points; // n x d
    std::vector<int> labels;
    Eigen::MatrixXd centers; // k x d
};

/// X[i, t] = centers[label[i], t] + sd * normal(seed + 3, i * d + t), as gen_blobs.make_blobs_portable.
inline Blobs generateBlobs(const BlobSet& set)
{
    Blobs b;
    const auto d = static_cast<std::uint64_t>(set.d);
    b.centers.resize(set.k, set.d);
    for (std::uint64_t j = 0; j < static_cast<std::uint64_t>(set.k); ++j) {
        for (std::uint64_t t = 0; t < d; ++t)
            b.centers(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(t)) =
                -set.box + (2.0 * set.box) * portableUniform(set.seed + 1, j * d + t);
    }
    b.points.resize(set.n, set.d);
    b.labels.resize(static_cast<std::size_t>(set.n));
    for (std::uint64_t i = 0; i < static_cast<std::uint64_t>(set.n); ++i) {
        const auto label = static_cast<int>(portableRaw(set.seed + 2, i) % static_cast<std::uint64_t>(set.k));
        b.labels[i] = label;
        for (std::uint64_t t = 0; t < d; ++t) {
            const double noise = set.sd * portableNormal(set.seed + 3, i * d + t);
            b.points(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(t)) =
                b.centers(label, static_cast<Eigen::Index>(t)) + noise;
        }
    }
    return b;
}

} // namespace herald::bench
