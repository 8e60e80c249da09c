#pragma once

#include <cstdint>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

struct BudgetArm
{
    std::int64_t successes = 0; // conversions (or clicks) observed so far
    std::int64_t trials = 0;    // impressions (or clicks) they came from
    double costPerTrial = 1.0;  // money per trial, > 0
};

struct BudgetOptions
{
    double totalBudget = 0.0; // money to split, >= 0
    int draws = 10000;        // Monte Carlo draws from the posteriors
    std::uint64_t seed = 0;
    double priorSuccesses = 1.0; // Beta(1, 1) prior: uniform over the rate
    double priorFailures = 1.0;
    double minShare = 0.0; // budget share every arm keeps for exploration; arms * minShare must be <= 1
};

struct ArmAllocation
{
    double probabilityBest = 0.0;   // P(this arm gives the most successes per unit of money)
    double budget = 0.0;            // money given to the arm
    double trials = 0.0;            // budget / costPerTrial
    double posteriorMean = 0.0;     // expected success rate per trial
    double expectedSuccesses = 0.0; // trials * posteriorMean
};

struct BudgetAllocation
{
    std::vector<ArmAllocation> arms; // in the order of the input arms
    double expectedSuccesses = 0.0;  // summed over arms
};

/// Thompson-sampling split of a budget between arms (ad sets): each arm's rate has a Beta posterior; an arm's
/// value is its sampled rate divided by its cost per trial, and each arm gets the budget share equal to its
/// probability of having the highest value (after the minShare floor). A what-if (another budget, cost or
/// observed counts) is the same call with changed inputs. Invalid for no arms, successes outside [0, trials],
/// non-positive costs or priors, a negative budget, draws < 1, or minShare too large.
/// O(draws * arms) time, deterministic for a seed.
Result<BudgetAllocation> allocateBudget(const std::vector<BudgetArm>& arms, const BudgetOptions& options);

} // namespace herald::engine
