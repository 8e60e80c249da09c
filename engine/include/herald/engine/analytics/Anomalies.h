#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"

namespace herald::engine {

/// Robust STL (Cleveland et al. 1990: seasonal-trend decomposition by loess, inner and outer loops
/// with bisquare robustness weights). Windows are odd spans in points; 0 picks the usual default.
struct StlOptions
{
    int period = 7;          // 7 for daily data with a weekly cycle
    int seasonalWindow = 13; // loess span over each cycle-subseries (in cycles), odd >= 3; a quarter of weeks
    int trendWindow = 0;     // default: smallest odd >= 3 periods (21 days for a weekly cycle)
    int lowPassWindow = 0;   // default: smallest odd > period
    int innerIterations = 2;
    int outerIterations = 15; // robustness passes; 0 gives the non-robust STL
};

struct StlResult
{
    Eigen::VectorXd seasonal;
    Eigen::VectorXd trend;
    Eigen::VectorXd remainder; // observed - seasonal - trend (NaN where the input was NaN)
    Eigen::VectorXd weights;   // final robustness weights in [0, 1]; small for outliers
};

/// Decomposes a series with NaN gaps (filled by linear interpolation for the fit, NaN again in the
/// remainder). Invalid for +-inf, fewer than two periods of data, fewer than two observed points, or
/// bad windows. O(n (seasonalWindow + trendWindow + lowPassWindow) (inner + 1) (outer + 1)).
Result<StlResult> stlDecompose(const Eigen::Ref<const Eigen::VectorXd>& series, const StlOptions& options = {});

enum class AnomalyKind {
    Spike, // observed above expected
    Drop,  // observed below expected
};

struct Anomaly
{
    std::size_t index = 0;
    AnomalyKind kind = AnomalyKind::Spike;
    double observed = 0.0;
    double expected = 0.0; // seasonal + trend at that day
    double size = 0.0;     // observed - expected
    double score = 0.0;    // robust z of the remainder: (r - median) / (1.4826 MAD); sign gives the kind
};

struct AnomalyOptions
{
    StlOptions stl;
    // Flag |score| above this. On a year of Gaussian noise around a weekly pattern, 4.5 gave ~0.1 false
    // flags per series (2 in 20 simulated years) while finding every injected 9-13 sd spike or drop.
    double threshold = 4.5;
};

struct AnomalyResult
{
    StlResult decomposition;
    std::vector<Anomaly> anomalies; // ascending index; never at a NaN (gap) day
};

/// Spikes and drops of a daily series: robust STL, then robust z-scores of the remainder. Same input
/// contract as stlDecompose; Invalid for a non-positive threshold. O(stlDecompose + n log n).
Result<AnomalyResult> detectAnomalies(const Eigen::Ref<const Eigen::VectorXd>& series,
                                      const AnomalyOptions& options = {});

} // namespace herald::engine
