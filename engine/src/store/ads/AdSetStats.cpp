#include "herald/engine/ads/AdSetStats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <Eigen/Core>

#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/analytics/Logistic.h"
#include "herald/engine/analytics/SpecialFunctions.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

Estimate rate(std::int64_t successes, std::int64_t n, double alpha)
{
    if (n <= 0)
        return {};
    return {true, static_cast<double>(successes) / static_cast<double>(n), wilsonInterval(successes, n, alpha)};
}

// Cost per event (spend / events) with spend taken as known and the event count as Poisson: on the log scale
// se(log cost) = 1 / sqrt(events) (delta method), so the interval is cost * exp(-+ z / sqrt(events)).
Estimate costPer(double spend, std::int64_t events, double z)
{
    if (events <= 0)
        return {};
    const double cost = spend / static_cast<double>(events);
    const double factor = std::exp(z / std::sqrt(static_cast<double>(events)));
    return {true, cost, {cost / factor, cost * factor}};
}

struct Day
{
    double spend;
    double revenue;
};

// ROAS = sum revenue / sum spend as a ratio estimator over days; delta-method variance
// Var(r) ~ sum (revenue_d - r spend_d)^2 / (n (n - 1) mean(spend)^2). Needs two days with spend.
Estimate roasEstimate(const std::vector<Day>& days, double z)
{
    double spend = 0;
    double revenue = 0;
    for (const auto& d : days) {
        spend += d.spend;
        revenue += d.revenue;
    }
    if (spend <= 0)
        return {};
    const double r = revenue / spend;
    const double n = static_cast<double>(days.size());
    if (days.size() < 2)
        return {true, r, {r, r}};
    double ss = 0;
    for (const auto& d : days)
        ss += (d.revenue - r * d.spend) * (d.revenue - r * d.spend);
    const double meanSpend = spend / n;
    const double se = std::sqrt(ss / (n * (n - 1))) / meanSpend;
    return {true, r, {std::max(0.0, r - z * se), r + z * se}};
}

std::vector<double> audienceFeatures(const AudienceFilter& a)
{
    const auto [low, high] = audienceAgeRange(a);
    const double span = static_cast<double>(high.value_or(65) - low.value_or(18));
    return {static_cast<double>(a.countries.size()), span, static_cast<double>(a.interests.size()),
            static_cast<double>(a.languages.size())};
}

constexpr const char* kFeatureNames[] = {"countries", "age_span", "interests", "languages"};
constexpr int kRowsPerAdSet = 1000;

} // namespace

Result<std::vector<AdSetStats>> adSetStatistics(Database& db, const std::string& fromDay, const std::string& toDay,
                                                double alpha)
{
    if (!(alpha > 0 && alpha < 1))
        return fail(ErrorCode::Invalid, "alpha must be in (0, 1)");
    const double z = normalIsf(alpha / 2);
    auto sets = db.prepare("SELECT id, name, platform, currency, audience_id FROM ad_sets ORDER BY id");
    if (!sets)
        return tl::unexpected(sets.error());
    std::vector<AdSetStats> out;
    std::map<std::int64_t, std::size_t> index;
    for (;;) {
        auto row = (*sets)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        AdSetStats s;
        s.id = (*sets)->int64(0);
        s.name = (*sets)->text(1);
        s.platform = (*sets)->text(2);
        s.currency = (*sets)->text(3);
        s.audienceId = (*sets)->optionalInt64(4);
        index[s.id] = out.size();
        out.push_back(std::move(s));
    }
    auto days = db.prepare("SELECT ad_set_id, impressions, clicks, spend, conversions, revenue FROM ad_metrics "
                           "WHERE (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2) ORDER BY ad_set_id, day");
    if (!days)
        return tl::unexpected(days.error());
    (*days)->bind(1, fromDay).bind(2, toDay);
    std::map<std::int64_t, std::vector<Day>> perDay;
    for (;;) {
        auto row = (*days)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        auto& d = **days;
        const auto it = index.find(d.int64(0));
        if (it == index.end())
            continue;
        auto& s = out[it->second];
        ++s.days;
        s.impressions += d.int64(1);
        s.clicks += d.int64(2);
        s.spend += d.real(3);
        s.conversions += d.int64(4);
        s.revenue += d.real(5);
        perDay[s.id].push_back({d.real(3), d.real(5)});
    }
    for (auto& s : out) {
        s.ctr = rate(s.clicks, s.impressions, alpha);
        s.conversionRate = rate(std::min(s.conversions, s.clicks), s.clicks, alpha);
        s.cpc = costPer(s.spend, s.clicks, z);
        s.cpa = costPer(s.spend, s.conversions, z);
        s.roas = roasEstimate(perDay[s.id], z);
    }
    return out;
}

Result<CtrModel> fitCtrModel(Database& db)
{
    auto stats = adSetStatistics(db);
    if (!stats)
        return tl::unexpected(stats.error());
    auto audiences = listAdAudiences(db);
    if (!audiences)
        return tl::unexpected(audiences.error());
    std::map<std::int64_t, AudienceFilter> filters;
    for (const auto& a : *audiences)
        if (auto f = parseAudienceSpec(a.specJson))
            filters[a.id] = *f;

    CtrModel model;
    std::vector<std::vector<double>> features;
    std::vector<double> ctrs;
    std::set<std::vector<double>> distinct;
    for (const auto& s : *stats) {
        if (!s.audienceId || s.impressions <= 0 || !filters.count(*s.audienceId))
            continue;
        features.push_back(audienceFeatures(filters[*s.audienceId]));
        distinct.insert(features.back());
        ctrs.push_back(static_cast<double>(s.clicks) / static_cast<double>(s.impressions));
    }
    model.adSets = static_cast<std::int64_t>(features.size());
    model.distinctAudiences = static_cast<std::int64_t>(distinct.size());
    std::vector<std::size_t> kept;
    for (std::size_t f = 0; f < std::size(kFeatureNames); ++f) {
        const bool varies = std::any_of(features.begin(), features.end(),
                                        [&](const auto& row) { return row[f] != features.front()[f]; });
        if (!features.empty() && varies)
            kept.push_back(f);
    }
    if (kept.empty() || model.distinctAudiences < static_cast<std::int64_t>(kept.size()) + 2)
        return model;

    // Each ad set enters as kRowsPerAdSet rows carrying its observed CTR, so each counts equally.
    const auto rows = static_cast<Eigen::Index>(features.size() * kRowsPerAdSet);
    Eigen::MatrixXd x(rows, static_cast<Eigen::Index>(kept.size()));
    Eigen::VectorXd y = Eigen::VectorXd::Zero(rows);
    model.means.assign(kept.size(), 0.0);
    for (std::size_t k = 0; k < kept.size(); ++k) {
        for (const auto& row : features)
            model.means[k] += row[kept[k]];
        model.means[k] /= static_cast<double>(features.size());
    }
    for (std::size_t s = 0; s < features.size(); ++s) {
        const auto ones = std::llround(ctrs[s] * kRowsPerAdSet);
        for (int r = 0; r < kRowsPerAdSet; ++r) {
            const auto i = static_cast<Eigen::Index>(s * kRowsPerAdSet + static_cast<std::size_t>(r));
            for (std::size_t k = 0; k < kept.size(); ++k)
                x(i, static_cast<Eigen::Index>(k)) = features[s][kept[k]] - model.means[k];
            y(i) = r < ones ? 1.0 : 0.0;
        }
    }
    LogisticOptions options;
    options.l2 = 1e-3; // keeps the fit finite when an audience never got a click
    auto fit = fitLogistic(x, y, options);
    if (!fit)
        return tl::unexpected(fit.error());
    if (fit->status == FitStatus::Singular)
        return model;
    model.enoughHistory = true;
    for (std::size_t k : kept)
        model.features.emplace_back(kFeatureNames[k]);
    model.coefficients.assign(fit->coefficients.data(), fit->coefficients.data() + fit->coefficients.size());
    return model;
}

std::optional<double> predictCtr(const CtrModel& model, const AudienceFilter& audience)
{
    if (!model.enoughHistory)
        return std::nullopt;
    const auto f = audienceFeatures(audience);
    double eta = model.coefficients[0];
    for (std::size_t k = 0; k < model.features.size(); ++k) {
        const auto idx =
            static_cast<std::size_t>(std::find(std::begin(kFeatureNames), std::end(kFeatureNames), model.features[k]) -
                                     std::begin(kFeatureNames));
        eta += model.coefficients[k + 1] * (f[idx] - model.means[k]);
    }
    return 1.0 / (1.0 + std::exp(-eta));
}

Result<BudgetPlan> planBudget(const std::vector<AdSetStats>& adSets, BudgetGoal goal, double totalBudget,
                              std::uint64_t seed, int draws, double minShare)
{
    BudgetPlan plan;
    std::vector<BudgetArm> arms;
    for (const auto& s : adSets) {
        const std::int64_t trials = goal == BudgetGoal::Conversions ? s.clicks : s.impressions;
        const std::int64_t successes = goal == BudgetGoal::Conversions ? std::min(s.conversions, s.clicks) : s.clicks;
        if (trials <= 0 || s.spend <= 0) {
            plan.skipped.push_back(s.name);
            continue;
        }
        arms.push_back({successes, trials, s.spend / static_cast<double>(trials)});
        plan.rows.push_back({s.id, s.name, {}});
    }
    if (arms.empty())
        return fail(ErrorCode::Invalid, "no ad set has spend and results to plan a budget from");
    BudgetOptions options;
    options.totalBudget = totalBudget;
    options.seed = seed;
    options.draws = draws;
    options.minShare = minShare;
    auto allocation = allocateBudget(arms, options);
    if (!allocation)
        return tl::unexpected(allocation.error());
    for (std::size_t i = 0; i < arms.size(); ++i)
        plan.rows[i].allocation = allocation->arms[i];
    plan.expectedResults = allocation->expectedSuccesses;
    return plan;
}

} // namespace herald::engine
