#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/AssociationRules.h"
#include "herald/engine/analytics/KMeans.h"
#include "herald/engine/analytics/Progress.h"
#include "herald/engine/store/AudienceFeatures.h"

namespace herald::engine {

struct SegmentationOptions
{
    int k = 0; // 0: chosen by the highest mean silhouette in [kMin, kMax]
    int kMin = 2;
    int kMax = 8;
    std::uint64_t seed = 1;
    Eigen::Index displaySample = 5000;    // members projected and given a silhouette, for the charts
    Eigen::Index silhouetteSample = 4000; // members scored for every k when choosing k
};

/// A feature on which a segment differs from the whole audience.
struct SegmentTrait
{
    std::string column; // FeatureColumn::id
    std::string feature;
    std::string label;
    FeatureKind kind = FeatureKind::Numeric;
    double segmentMean = 0.0; // original units
    double overallMean = 0.0;
    double deviation = 0.0; // (segment mean - overall mean) / overall standard deviation
};

struct ShareEntry
{
    std::string name;
    double share = 0.0; // of the segment's members
};

struct SegmentProfile
{
    int index = 0;
    std::int64_t size = 0;
    double share = 0.0;                // of the segmented members
    std::vector<SegmentTrait> traits;  // |deviation| >= 0.25, largest first, at most 6
    std::vector<ShareEntry> interests; // most common, at most 6
    std::vector<ShareEntry> languages; // at most 3
    std::vector<ShareEntry> countries; // at most 3
    std::array<double, 4> dayparts{};  // share of the segment's engagements per day part (kDayParts)
    std::array<double, 4> overallDayparts{};
    double meanEngagements = 0.0;
    double meanSilhouette = 0.0; // over the segment's members in the display sample
};

/// One member of the display sample.
struct SegmentPoint
{
    std::int64_t row = 0; // into the features' members
    double x = 0.0;       // first two principal components of the standardised features
    double y = 0.0;
    int segment = 0;
    double silhouette = 0.0;
};

struct SegmentationResult
{
    std::vector<std::int64_t> accountIds;
    std::vector<std::string> features;   // catalogue ids requested
    std::vector<std::string> columns;    // column ids clustered (zero-variance ones dropped)
    std::vector<std::string> dropped;    // column ids dropped because every member had the same value
    std::vector<std::int64_t> memberIds; // as the features'
    std::vector<int> labels;             // segment of each member
    int k = 0;
    bool chosenBySilhouette = false;
    std::vector<ChooseKEntry> perK; // when k was chosen
    double silhouette = 0.0;        // mean over the display sample
    bool converged = true;
    std::vector<SegmentProfile> segments; // largest first; labels are renumbered to match
    std::vector<SegmentPoint> points;
    std::array<double, 2> explainedVarianceRatio{};
};

/// Standardises the features (log(1 + x) first for heavy-tailed counts), runs k-means (k fixed or chosen by
/// silhouette), profiles each segment against the whole audience, and projects a seeded sample onto the first
/// two principal components with each sampled member's silhouette. Zero-variance columns are dropped and
/// listed; Invalid when none is left or there are fewer members than k (or than 3 to choose k); Cancelled when
/// progress returns false. O(k-means + n d + s^2 d) for s sampled members.
Result<SegmentationResult> segmentAudience(const AudienceFeatures& features, const SegmentationOptions& options,
                                           const Progress& progress = {});

/// An association rule between member interests, by name.
struct InterestRule
{
    std::vector<std::string> lhs;
    std::string rhs;
    std::int64_t count = 0;
    double support = 0.0;
    double confidence = 0.0;
    double lift = 0.0;
};

struct InterestRuleFilter
{
    double minSupport = 0.0;
    double minConfidence = 0.0;
    double minLift = 0.0;
};

/// Rules lhs => rhs (lhs not empty) among the interests of the given members (rows of descriptors; empty:
/// all), by lift then support. Invalid when none of the members has an interest. O(Eclat mining).
Result<std::vector<InterestRule>> mineInterestRules(const AudienceDescriptors& descriptors,
                                                    const std::vector<std::int64_t>& rows,
                                                    const AssociationOptions& options, const Progress& progress = {});

/// The rules passing every threshold, in the same order. O(rules).
std::vector<InterestRule> filterInterestRules(const std::vector<InterestRule>& rules, const InterestRuleFilter& filter);

/// Rows (indexes into memberIds) of the members of one segment.
std::vector<std::int64_t> segmentRows(const SegmentationResult& result, int segment);

} // namespace herald::engine
