#pragma once

#include "herald/engine/analytics/EngagementModel.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

// A seeded account history with a designed timing pattern, shared by tst_engagement and the
// benchmark. On the logit scale: base rate 3 %, day effects Tue +0.6, Thu +0.4, Sat +0.2, an evening
// bump peaking at 18:00 (+0.8, sd 1.5 h), and media adding +0.4; other features have no effect.
// Post rates scatter around their mean as Beta(kappa p, kappa (1 - p)), then engagements are binomial.
namespace herald::test {

struct SimulatedAccount
{
    std::vector<herald::engine::PostOutcome> history;
    std::array<double, 168> trueRate{}; // each hour of week, at the history's average media share
};

inline double simLogistic(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

inline double designedLogit(int hourOfWeek, double patternScale = 1.0)
{
    constexpr double dayEffect[7] = {0.0, 0.6, 0.0, 0.4, 0.0, 0.2, 0.0}; // Monday first
    const int hour = hourOfWeek % 24;
    const double evening = 0.8 * std::exp(-(hour - 18) * (hour - 18) / (2.0 * 1.5 * 1.5));
    return std::log(0.03 / 0.97) + patternScale * (dayEffect[hourOfWeek / 24] + evening);
}

// patternScale multiplies the timing effects (0 gives a flat account).
inline SimulatedAccount simulateAccount(std::size_t posts, std::uint64_t seed, double patternScale = 1.0,
                                        double postConcentration = 300.0)
{
    using namespace herald::engine;
    std::mt19937_64 rng(seed);
    // Few posts at night so that those cells are sparse.
    std::array<double, 24> hourWeight{};
    for (int h = 0; h < 24; ++h)
        hourWeight[static_cast<std::size_t>(h)] = (h >= 7 && h <= 22) ? 1.0 : 0.08;
    std::discrete_distribution<int> hourDist(hourWeight.begin(), hourWeight.end());
    std::uniform_int_distribution<int> dayDist(0, 6);
    std::lognormal_distribution<double> impressionsDist(std::log(2000.0), 0.8);
    std::bernoulli_distribution mediaDist(0.5);
    std::uniform_int_distribution<int> lengthDist(10, 500);
    std::uniform_int_distribution<int> hashtagDist(0, 6);
    std::uniform_int_distribution<int> platformDist(0, 2);
    std::bernoulli_distribution tagDist(0.3);

    SimulatedAccount account;
    int withMedia = 0;
    for (std::size_t i = 0; i < posts; ++i) {
        PostOutcome p;
        p.features.hourOfWeek = dayDist(rng) * 24 + hourDist(rng);
        p.features.platform = kAllPlatforms[platformDist(rng)];
        p.features.textLength = lengthDist(rng);
        p.features.mediaCount = mediaDist(rng) ? 1 + static_cast<int>(i % 3) : 0;
        p.features.hashtagCount = hashtagDist(rng);
        if (tagDist(rng))
            p.features.tags = {"launch"};
        withMedia += p.features.mediaCount > 0;
        const double mean =
            simLogistic(designedLogit(p.features.hourOfWeek, patternScale) + (p.features.mediaCount > 0 ? 0.4 : 0.0));
        std::gamma_distribution<double> ga(postConcentration * mean, 1.0);
        std::gamma_distribution<double> gb(postConcentration * (1.0 - mean), 1.0);
        const double a = ga(rng);
        const double rate = a / (a + gb(rng));
        p.impressions = std::round(impressionsDist(rng)) + 1.0;
        std::binomial_distribution<long long> engaged(static_cast<long long>(p.impressions), rate);
        p.engagements = static_cast<double>(engaged(rng));
        account.history.push_back(std::move(p));
    }
    const double mediaShare = posts ? double(withMedia) / double(posts) : 0.0;
    for (int h = 0; h < 168; ++h)
        account.trueRate[static_cast<std::size_t>(h)] = simLogistic(designedLogit(h, patternScale) + 0.4 * mediaShare);
    return account;
}

} // namespace herald::test
