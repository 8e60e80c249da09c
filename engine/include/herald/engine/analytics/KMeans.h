#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

enum class KMeansAlgorithm {
    Lloyd,     // exact Lloyd iterations accelerated with Hamerly's bounds (same fixed points as plain Lloyd)
    MiniBatch, // Sculley's mini-batch updates, for data too large for repeated full passes
};

struct KMeansOptions
{
    int k = 3;
    int nInit = 10;    // independent k-means++ starts; the run with the lowest inertia is kept
    int maxIter = 300; // Lloyd iterations per start (MiniBatch: passes over the data)
    double tol = 1e-4; // relative to the mean column variance, as scikit-learn: stop when the summed
                       // squared centroid shift falls below tol * mean variance
    std::uint64_t seed = 0;
    int threads = 2; // assignment threads, used when the data is large enough to pay for them
    KMeansAlgorithm algorithm = KMeansAlgorithm::Lloyd;
    int batchSize = 1024; // MiniBatch only
};

struct KMeansResult
{
    Eigen::MatrixXd centroids;       // k x d, in the units of the input rows
    std::vector<int> labels;         // one per row, in [0, k), each row's nearest centroid
    std::vector<Eigen::Index> sizes; // rows per cluster
    double inertia = 0.0;            // sum of squared distances of rows to their centroid
    int iterations = 0;              // of the kept run
    bool converged = false;          // false when the kept run stopped at maxIter (a status, not an error)
};

/// k-means with greedy k-means++ seeding (2 + log k local trials); rows are points. Invalid for empty data,
/// NaN/inf, k < 1 or k > rows; Cancelled when progress returns false. O(nInit * iterations * n * k * d) worst
/// case; Hamerly's bounds skip most distance computations once clusters settle.
Result<KMeansResult> kMeans(const Eigen::Ref<const Eigen::MatrixXd>& data, const KMeansOptions& options,
                            const Progress& progress = {});

/// Label of the nearest centroid (rows of centroids) for each row of data. O(n k d).
std::vector<int> assignNearest(const Eigen::Ref<const Eigen::MatrixXd>& data,
                               const Eigen::Ref<const Eigen::MatrixXd>& centroids);

/// Exact silhouette of every row, for a silhouette plot (Euclidean; 0 for rows alone in their cluster). Invalid
/// when labels do not match the rows or fewer than 2 clusters are used; Cancelled when progress returns false.
/// O(n^2 d) time, O(n) extra memory per block of rows.
Result<Eigen::VectorXd> silhouetteSamples(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels,
                                          const Progress& progress = {});

/// Mean silhouette over a seeded random sample of sampleSize rows (all rows when sampleSize >= n), exact on
/// that sample. O(s^2 d) for s sampled rows.
Result<double> silhouetteScore(const Eigen::Ref<const Eigen::MatrixXd>& data, const std::vector<int>& labels,
                               Eigen::Index sampleSize, std::uint64_t seed, const Progress& progress = {});

struct ChooseKOptions
{
    int kMin = 2;
    int kMax = 10;
    Eigen::Index sampleSize = 10000; // rows used for each silhouette (the same seeded sample for every k)
    KMeansOptions kMeans;            // its k is ignored; its seed also seeds the silhouette sample
};

struct ChooseKEntry
{
    int k = 0;
    double inertia = 0.0;
    double silhouette = 0.0; // mean silhouette on the sample
    int iterations = 0;
    bool converged = false;
};

struct ChooseKResult
{
    int bestK = 0;                  // the k with the highest mean silhouette (the smaller k on a tie)
    std::vector<ChooseKEntry> perK; // kMin..kMax in order
    KMeansResult best;              // the fit for bestK
};

/// Fits k-means for every k in [kMin, kMax] and picks the k of highest sampled mean silhouette. Invalid as
/// kMeans, or for kMin < 2 or kMax < kMin; Cancelled as kMeans. O(sum over k of kMeans + s^2 d).
Result<ChooseKResult> chooseK(const Eigen::Ref<const Eigen::MatrixXd>& data, const ChooseKOptions& options,
                              const Progress& progress = {});

struct FeatureDeviation
{
    Eigen::Index feature = 0; // column index
    double deviation = 0.0;   // (cluster mean - overall mean) / overall standard deviation
};

struct ClusterProfile
{
    int cluster = 0;
    Eigen::Index size = 0;
    double share = 0.0;                           // size / rows
    Eigen::VectorXd centroid;                     // mean of the cluster's rows, original units
    std::vector<FeatureDeviation> distinguishing; // every feature, largest |deviation| first
};

/// Describes each cluster of a labelling of data given in original units: size, share, mean and the features
/// that most set it apart. Invalid on mismatched labels or labels outside [0, k). O(n d + k d log d).
Result<std::vector<ClusterProfile>> profileClusters(const Eigen::Ref<const Eigen::MatrixXd>& data,
                                                    const std::vector<int>& labels, int k);

} // namespace herald::engine
