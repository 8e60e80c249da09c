#pragma once

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"
#include "herald/engine/model/Platform.h"

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace herald::engine {

/// Hours in a week; an hour of week is 0..167 with 0 = Monday 00:00-00:59 in the account's local time.
inline constexpr int kHoursPerWeek = 168;

/// What is known about a post before it is published.
struct PostFeatures
{
    int hourOfWeek = 0; // 0..167, account-local, Monday 00:00 = 0
    Platform platform = Platform::X;
    int textLength = 0; // characters (code points) of the text
    int mediaCount = 0; // attached images or videos; 0 = none
    int hashtagCount = 0;
    std::vector<std::string> tags; // campaign tags or topics, compared exactly
};

/// A published post and how it did.
struct PostOutcome
{
    PostFeatures features;
    double impressions = 0.0; // >= 0; a post with 0 impressions counts as a post but carries no rate
    double engagements = 0.0; // 0 <= engagements <= impressions
};

struct EngagementOptions
{
    int minPosts = 30;           // fewer posts (with impressions) -> EngagementStatus::NotEnoughHistory
    double ridgeLambda = 5.0;    // ridge penalty on feature effects, in units of an average post's weight
    double intervalLevel = 0.90; // two-sided level of every interval
    int minTagPosts = 5;         // a tag gets its own effect only with at least this many posts
    int maxTags = 50;            // ... and only the most frequent ones
    int minSlotGapHours = 3;     // best slots are at least this far apart
};

enum class EngagementStatus { Ok, NotEnoughHistory };

/// A rate (engagements per impression) with an interval at EngagementOptions::intervalLevel.
struct EngagementEstimate
{
    double rate = 0.0;
    double lower = 0.0;
    double upper = 0.0;
};

struct HeatmapCell
{
    double rate = 0.0; // for a post with the account's average features
    double lower = 0.0;
    double upper = 0.0;
    int posts = 0; // posts of the history in this hour of week
};

struct SlotEstimate
{
    int hourOfWeek = 0;
    int hoursAhead = 0; // from the start hour of week, 0..167
    EngagementEstimate estimate;
};

/// Engagement-rate model of one account: when to post and what a draft can expect.
///
/// Design. (1) Feature effects: a weighted ridge regression on each post's empirical logit
/// log((e+0.5)/(n-e+0.5)) with one-hot platform, text-length bins (<50, <100, <200, <400, 400+
/// characters), media bins (0, 1, 2-3, 4+), hashtag bins (0, 1-2, 3-5, 6+), frequent tags, and
/// hour-of-day and day-of-week dummies so that timing does not leak into the feature effects.
/// Weights are inverse variances n* p(1-p), with n* = n / (1 + (n-1) rho) the post's effective
/// impressions under the post-to-post overdispersion rho (estimated by moments from a first fit).
/// The ridge penalty (lambda times the mean weight) spares only the intercept.
/// (2) Timing: each post's effective counts, scaled to the account's average features by the fitted
/// ratio, are summed per hour of week. A main-effects logistic model (intercept + hour of day + day
/// of week, each effect with a N(0, 1) prior on the logit scale, so thin hours and days stay near
/// the overall rate) is fitted to those 168 cells by penalised IRLS, and each cell's Beta-Binomial
/// empirical-Bayes posterior shrinks towards it, with a prior strength from the method of moments on
/// the cells (no spread beyond sampling noise means full pooling): a sparse cell stays close to the
/// pooled day x hour rate and a well-sampled one follows its own data.
/// Intervals are logit-normal: a Beta(a, b) posterior has logit mean digamma(a) - digamma(b) and
/// variance trigamma(a) + trigamma(b); a cell adds its prior's logit variance (from the IRLS
/// information) in proportion to the prior's weight, and a draft adds the ridge posterior variance
/// of its feature contrast.
class EngagementModel
{
public:
    /// Fits the model. Invalid for bad values; NotEnoughHistory is a status, not an error.
    /// O(n k^2 + p^3) for n posts, k (about 8) indicators set per post, p (55 + tags) columns.
    static Result<EngagementModel> fit(const std::vector<PostOutcome>& history, const EngagementOptions& options = {},
                                       const Progress& progress = {});

    EngagementStatus status() const { return m_status; }
    /// Posts with impressions used by the fit.
    std::size_t postCount() const { return m_postCount; }
    /// Engagements / impressions over the whole history.
    double overallRate() const { return m_overallRate; }
    /// Post-to-post overdispersion (intra-class correlation of a post's impressions), in [0, 1).
    double overdispersion() const { return m_rho; }
    /// False if the timing IRLS hit its iteration limit (the heatmap is then the last iterate's).
    bool timingConverged() const { return m_timingConverged; }

    /// Predicted rate and interval for a draft. Invalid for a bad draft or without enough history. O(p^2).
    Result<EngagementEstimate> predict(const PostFeatures& draft) const;
    /// The 168 hour-of-week cells for a post with average features; empty without enough history. O(1).
    const std::vector<HeatmapCell>& heatmap() const { return m_heatmap; }
    /// The best `count` hours in the 168 hours from startHourOfWeek for the draft, best first, at least
    /// minSlotGapHours apart. Ranked by the interval's lower end, so that a thinly observed hour must
    /// beat a well-known one by more than its uncertainty. O(168 * count + p^2).
    Result<std::vector<SlotEstimate>> bestSlots(const PostFeatures& draft, int startHourOfWeek, int count = 3) const;

private:
    struct Encoder;
    Result<Eigen::VectorXd> encodeDraft(const PostFeatures& draft) const;
    EngagementEstimate estimateAt(int hourOfWeek, double shift, double featureVar) const;

    EngagementOptions m_options;
    EngagementStatus m_status = EngagementStatus::NotEnoughHistory;
    std::size_t m_postCount = 0;
    double m_overallRate = 0.0;
    double m_rho = 0.0;
    bool m_timingConverged = false;
    double m_z = 1.645;               // normal quantile of intervalLevel
    std::vector<std::string> m_tags;  // tags with an effect, in column order
    Eigen::VectorXd m_beta;           // feature coefficients (no intercept, no timing columns)
    Eigen::VectorXd m_meanFeatures;   // mean feature row of the posts with impressions
    Eigen::MatrixXd m_betaCovariance; // ridge posterior covariance of m_beta
    std::vector<HeatmapCell> m_heatmap;
    std::vector<double> m_cellLogitMean; // per cell, for intervals of drafts
    std::vector<double> m_cellLogitVar;
};

} // namespace herald::engine
