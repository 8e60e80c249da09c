#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/AbStats.h"
#include "herald/engine/analytics/BudgetAllocation.h"

namespace herald::engine {

class Database;
struct AudienceFilter;

/// A ratio with its interval; defined is false when the denominator is zero.
struct Estimate
{
    bool defined = false;
    double value = 0.0;
    Interval interval;
};

/// One ad set's totals over a range of days with rates and costs at level 1 - alpha.
struct AdSetStats
{
    std::int64_t id = 0;
    std::string name;
    std::string platform;
    std::string currency;
    std::optional<std::int64_t> audienceId;
    std::int64_t days = 0;
    std::int64_t impressions = 0;
    std::int64_t clicks = 0;
    double spend = 0.0;
    std::int64_t conversions = 0;
    double revenue = 0.0;
    Estimate ctr;            // clicks / impressions, Wilson
    Estimate conversionRate; // conversions / clicks, Wilson
    Estimate cpc;            // spend / clicks, delta method on log scale (clicks Poisson)
    Estimate cpa;            // spend / conversions, same
    Estimate roas;           // revenue / spend, delta-method ratio estimator over days
};

/// Statistics per ad set for days in [fromDay, toDay] (YYYY-MM-DD, inclusive; empty = open), ordered by id.
/// Ad sets without days in the range are included with zero totals.
Result<std::vector<AdSetStats>> adSetStatistics(Database& db, const std::string& fromDay = {},
                                                const std::string& toDay = {}, double alpha = 0.05);

/// Logistic model of CTR on audience features, fitted over past ad sets.
struct CtrModel
{
    bool enoughHistory = false;
    std::int64_t adSets = 0; // ad sets with an audience and impressions
    std::int64_t distinctAudiences = 0;
    std::vector<std::string> features; // kept features (constant ones are dropped)
    std::vector<double> coefficients;  // intercept first, then one per feature
    std::vector<double> means;         // centring of each kept feature
};

/// Features: countries count, age span in years, interests count, languages count. Each ad set counts
/// equally (its CTR enters as a 1,000-row sample), so a big ad set does not drown a small one.
/// enoughHistory is false when fewer than features + 2 distinct audiences have results.
Result<CtrModel> fitCtrModel(Database& db);
/// Predicted CTR for an audience, none without enough history.
std::optional<double> predictCtr(const CtrModel& model, const AudienceFilter& audience);

enum class BudgetGoal { Conversions, Clicks };

struct BudgetPlanRow
{
    std::int64_t adSetId = 0;
    std::string name;
    ArmAllocation allocation;
};

struct BudgetPlan
{
    std::vector<BudgetPlanRow> rows;  // ad sets with data for the goal
    std::vector<std::string> skipped; // ad sets without (no clicks / impressions or no spend)
    double expectedResults = 0.0;
};

/// Thompson-sampling split (allocateBudget) of totalBudget across the ad sets: conversions per click at
/// the observed CPC, or clicks per impression at the observed cost per impression. Deterministic per seed.
Result<BudgetPlan> planBudget(const std::vector<AdSetStats>& adSets, BudgetGoal goal, double totalBudget,
                              std::uint64_t seed = 1, int draws = 20000, double minShare = 0.0);

} // namespace herald::engine
