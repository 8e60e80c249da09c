#include "herald/engine/analytics/EngagementModel.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>
#include <unordered_map>

namespace herald::engine {

namespace {

constexpr int kPlatforms = static_cast<int>(std::size(kAllPlatforms));
constexpr int kLengthBins = 5;
constexpr int kMediaBins = 4;
constexpr int kHashtagBins = 4;
constexpr int kBaseFeatures = kPlatforms + kLengthBins + kMediaBins + kHashtagBins;
constexpr int kHoursPerDay = 24;
constexpr int kDaysPerWeek = 7;
constexpr double kFullPooling = 1e12; // prior strength standing for "no spread beyond noise"
constexpr double kRateFloor = 1e-9;

int lengthBin(int length)
{
    return length < 50 ? 0 : length < 100 ? 1 : length < 200 ? 2 : length < 400 ? 3 : 4;
}
int mediaBin(int media)
{
    return media == 0 ? 0 : media == 1 ? 1 : media <= 3 ? 2 : 3;
}
int hashtagBin(int tags)
{
    return tags == 0 ? 0 : tags <= 2 ? 1 : tags <= 5 ? 2 : 3;
}

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}
double logit(double p)
{
    p = std::clamp(p, kRateFloor, 1.0 - kRateFloor);
    return std::log(p / (1.0 - p));
}

double digamma(double x)
{
    double result = 0.0;
    while (x < 6.0) {
        result -= 1.0 / x;
        x += 1.0;
    }
    const double f = 1.0 / (x * x);
    return result + std::log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252)));
}

double trigamma(double x)
{
    double result = 0.0;
    while (x < 6.0) {
        result += 1.0 / (x * x);
        x += 1.0;
    }
    const double f = 1.0 / (x * x);
    return result + 1.0 / x + f / 2.0 + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f / 30)));
}

// The standard normal quantile at probability q in (0.5, 1), by bisection on erfc (exact enough, and cheap
// because it runs once per call).
double normalQuantile(double q)
{
    double lo = 0.0;
    double hi = 40.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < q ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

std::string postError(std::size_t index, const std::string& what)
{
    return "post " + std::to_string(index) + ": " + what;
}

Result<void> validateFeatures(const PostFeatures& f, const std::string& who)
{
    if (f.hourOfWeek < 0 || f.hourOfWeek >= kHoursPerWeek)
        return fail(ErrorCode::Invalid, who + "hour of week " + std::to_string(f.hourOfWeek) + " is outside 0..167");
    if (static_cast<int>(f.platform) < 0 || static_cast<int>(f.platform) >= kPlatforms)
        return fail(ErrorCode::Invalid, who + "unknown platform");
    if (f.textLength < 0 || f.mediaCount < 0 || f.hashtagCount < 0)
        return fail(ErrorCode::Invalid, who + "text length, media count and hashtag count must not be negative");
    return {};
}

// Beta-Binomial pooling of cells with counts (E, N) around prior means m. Returns the prior
// strength kappa by the method of moments: sum N (r - m)^2 / (m (1 - m)) has expectation
// (cells - df) + sum N / (kappa + 1).
double priorStrength(const std::vector<double>& e, const std::vector<double>& n, const std::vector<double>& m, int df)
{
    double q = 0.0;
    double total = 0.0;
    int cells = 0;
    for (std::size_t k = 0; k < e.size(); ++k) {
        if (n[k] <= 0.0)
            continue;
        const double r = e[k] / n[k];
        const double mk = std::clamp(m[k], kRateFloor, 1.0 - kRateFloor);
        q += n[k] * (r - mk) * (r - mk) / (mk * (1.0 - mk));
        total += n[k];
        ++cells;
    }
    const double excess = q - std::max(1, cells - df);
    if (total <= 0.0 || excess <= 0.0)
        return kFullPooling;
    const double invKappa1 = excess / total;
    return std::clamp(1.0 / invKappa1 - 1.0, 1.0, kFullPooling);
}

struct BetaPosterior
{
    double a = 1.0;
    double b = 1.0;
    double mean() const { return a / (a + b); }
    double logitMean() const { return digamma(a) - digamma(b); }
    double logitVar() const { return trigamma(a) + trigamma(b); }
};

BetaPosterior posterior(double e, double n, double prior, double kappa)
{
    const double m = std::clamp(prior, kRateFloor, 1.0 - kRateFloor);
    return {e + kappa * m, std::max(0.0, n - e) + kappa * (1.0 - m)};
}

struct TimingFit
{
    std::vector<double> rate;     // per hour of week
    std::vector<double> logitVar; // of the fitted logit, from the penalised information
    bool converged = false;
};

TimingFit fitTiming(const std::vector<double>& cellE, const std::vector<double>& cellN, double overall)
{
    constexpr int kCols = 1 + kHoursPerDay + kDaysPerWeek;
    Eigen::MatrixXd x = Eigen::MatrixXd::Zero(kHoursPerWeek, kCols);
    x.col(0).setOnes();
    for (int h = 0; h < kHoursPerWeek; ++h) {
        x(h, 1 + h % kHoursPerDay) = 1.0;
        x(h, 1 + kHoursPerDay + h / kHoursPerDay) = 1.0;
    }
    const Eigen::Map<const Eigen::VectorXd> e(cellE.data(), kHoursPerWeek);
    const Eigen::Map<const Eigen::VectorXd> n(cellN.data(), kHoursPerWeek);
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(kCols);
    beta(0) = logit(overall);
    Eigen::MatrixXd info(kCols, kCols);
    Eigen::LDLT<Eigen::MatrixXd> solver;
    TimingFit fit;
    constexpr int kMaxIterations = 100;
    for (int it = 0; it < kMaxIterations && !fit.converged; ++it) {
        const Eigen::ArrayXd mu = (x * beta).array().unaryExpr([](double v) { return logistic(v); });
        const Eigen::ArrayXd w = n.array() * mu * (1.0 - mu);
        // Newton step on the penalised log-likelihood; the intercept is not penalised.
        Eigen::VectorXd gradient = x.transpose() * (e.array() - n.array() * mu).matrix();
        gradient.tail(kCols - 1) -= beta.tail(kCols - 1);
        info = x.transpose() * w.matrix().asDiagonal() * x;
        info.diagonal().tail(kCols - 1).array() += 1.0;
        info(0, 0) += 1e-9;
        solver.compute(info);
        const Eigen::VectorXd step = solver.solve(gradient);
        beta += step;
        fit.converged = step.cwiseAbs().maxCoeff() < 1e-10;
    }
    const Eigen::ArrayXd mu = (x * beta).array().unaryExpr([](double v) { return logistic(v); });
    info = x.transpose() * (n.array() * mu * (1.0 - mu)).matrix().asDiagonal() * x;
    info.diagonal().tail(kCols - 1).array() += 1.0;
    info(0, 0) += 1e-9;
    solver.compute(info);
    const Eigen::MatrixXd covariance = solver.solve(Eigen::MatrixXd::Identity(kCols, kCols));
    fit.rate.resize(kHoursPerWeek);
    fit.logitVar.resize(kHoursPerWeek);
    for (int h = 0; h < kHoursPerWeek; ++h) {
        fit.rate[static_cast<std::size_t>(h)] = std::clamp(mu(h), kRateFloor, 1.0 - kRateFloor);
        fit.logitVar[static_cast<std::size_t>(h)] = x.row(h) * covariance * x.row(h).transpose();
    }
    return fit;
}

// The mean of each 0/1 column over the rows (each listed column of a row counts once).
Eigen::VectorXd columnMeans(const std::vector<int>& active, int cols, Eigen::Index rows)
{
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(cols);
    for (int c : active)
        mean(c) += 1.0;
    return mean / static_cast<double>(rows);
}

} // namespace

// Maps a post's features to its columns: platform, length, media, hashtag bins, then tags.
struct EngagementModel::Encoder
{
    const std::unordered_map<std::string, int>& tagColumn;

    int width() const { return kBaseFeatures + static_cast<int>(tagColumn.size()); }

    template <typename Row> void encode(const PostFeatures& f, Row&& row) const
    {
        row.setZero();
        row(static_cast<int>(f.platform)) = 1.0;
        row(kPlatforms + lengthBin(f.textLength)) = 1.0;
        row(kPlatforms + kLengthBins + mediaBin(f.mediaCount)) = 1.0;
        row(kPlatforms + kLengthBins + kMediaBins + hashtagBin(f.hashtagCount)) = 1.0;
        for (const std::string& tag : f.tags) {
            if (auto it = tagColumn.find(tag); it != tagColumn.end())
                row(kBaseFeatures + it->second) = 1.0;
        }
    }

    // The same columns as a list, shifted by `offset`; a tag listed twice counts once.
    void activeColumns(const PostFeatures& f, int offset, std::vector<int>& out) const
    {
        out.push_back(offset + static_cast<int>(f.platform));
        out.push_back(offset + kPlatforms + lengthBin(f.textLength));
        out.push_back(offset + kPlatforms + kLengthBins + mediaBin(f.mediaCount));
        out.push_back(offset + kPlatforms + kLengthBins + kMediaBins + hashtagBin(f.hashtagCount));
        const std::size_t first = out.size();
        for (const std::string& tag : f.tags) {
            if (auto it = tagColumn.find(tag); it != tagColumn.end()) {
                const int col = offset + kBaseFeatures + it->second;
                if (std::find(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), col) == out.end())
                    out.push_back(col);
            }
        }
    }
};

Result<EngagementModel> EngagementModel::fit(const std::vector<PostOutcome>& history, const EngagementOptions& options,
                                             const Progress& progress)
{
    if (options.minPosts < 1 || !(options.ridgeLambda >= 0.0) || !std::isfinite(options.ridgeLambda) ||
        !(options.intervalLevel > 0.0 && options.intervalLevel < 1.0) || options.minTagPosts < 1 ||
        options.maxTags < 0 || options.minSlotGapHours < 1)
        return fail(ErrorCode::Invalid, "engagement options out of range");
    for (std::size_t i = 0; i < history.size(); ++i) {
        const PostOutcome& p = history[i];
        if (auto ok = validateFeatures(p.features, postError(i, "")); !ok)
            return tl::unexpected(ok.error());
        if (!std::isfinite(p.impressions) || !std::isfinite(p.engagements))
            return fail(ErrorCode::Invalid, postError(i, "impressions and engagements must be finite"));
        if (p.impressions < 0.0 || p.engagements < 0.0)
            return fail(ErrorCode::Invalid, postError(i, "impressions and engagements must not be negative"));
        if (p.engagements > p.impressions)
            return fail(ErrorCode::Invalid, postError(i, "more engagements than impressions"));
    }
    const auto cancelled = [&](double fraction) { return progress && !progress(fraction); };
    if (cancelled(0.0))
        return fail(ErrorCode::Cancelled, "engagement model fit cancelled");

    EngagementModel model;
    model.m_options = options;
    std::vector<std::size_t> used;
    double sumE = 0.0;
    double sumN = 0.0;
    for (std::size_t i = 0; i < history.size(); ++i) {
        if (history[i].impressions > 0.0) {
            used.push_back(i);
            sumE += history[i].engagements;
            sumN += history[i].impressions;
        }
    }
    model.m_postCount = used.size();
    model.m_overallRate = sumN > 0.0 ? sumE / sumN : 0.0;
    if (static_cast<int>(used.size()) < options.minPosts)
        return model; // NotEnoughHistory: only the counts and the overall rate are meaningful

    // Tags with enough posts, most frequent first.
    std::unordered_map<std::string, int> tagCounts;
    for (std::size_t i : used) {
        std::vector<std::string> tags = history[i].features.tags;
        std::sort(tags.begin(), tags.end());
        tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
        for (const auto& t : tags)
            ++tagCounts[t];
    }
    std::vector<std::pair<std::string, int>> frequent;
    for (const auto& [tag, count] : tagCounts) {
        if (count >= options.minTagPosts)
            frequent.emplace_back(tag, count);
    }
    std::sort(frequent.begin(), frequent.end(), [](const auto& x, const auto& y) {
        return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (static_cast<int>(frequent.size()) > options.maxTags)
        frequent.resize(static_cast<std::size_t>(options.maxTags));
    std::unordered_map<std::string, int> tagColumn;
    for (const auto& [tag, count] : frequent) {
        tagColumn.emplace(tag, static_cast<int>(model.m_tags.size()));
        model.m_tags.push_back(tag);
    }
    const Encoder encoder{tagColumn};

    // Stage 1 design: intercept | features | hour of day | day of week. Every column is a 0/1 indicator
    // and a row has about eight ones, so rows are kept as lists of their active columns and the
    // normal equations are accumulated directly (O(n k^2) for k active columns, no n x p matrix).
    const Eigen::Index n = static_cast<Eigen::Index>(used.size());
    const int nf = encoder.width();
    const int hodCol = 1 + nf;
    const int dowCol = hodCol + kHoursPerDay;
    const int cols = dowCol + kDaysPerWeek;
    std::vector<int> active;
    std::vector<std::size_t> rowStart{0};
    active.reserve(used.size() * 8);
    Eigen::VectorXd y(n);
    Eigen::VectorXd impressions(n);
    Eigen::VectorXd engagements(n);
    for (Eigen::Index r = 0; r < n; ++r) {
        const PostOutcome& p = history[used[static_cast<std::size_t>(r)]];
        active.push_back(0);
        encoder.activeColumns(p.features, 1, active);
        active.push_back(hodCol + p.features.hourOfWeek % kHoursPerDay);
        active.push_back(dowCol + p.features.hourOfWeek / kHoursPerDay);
        rowStart.push_back(active.size());
        impressions(r) = p.impressions;
        engagements(r) = p.engagements;
        y(r) = std::log((p.engagements + 0.5) / (p.impressions - p.engagements + 0.5));
    }
    const auto rowDot = [&](Eigen::Index r, const Eigen::VectorXd& coef, int firstCol, int lastCol) {
        double sum = 0.0;
        for (std::size_t k = rowStart[static_cast<std::size_t>(r)]; k < rowStart[static_cast<std::size_t>(r) + 1];
             ++k) {
            if (active[k] >= firstCol && active[k] < lastCol)
                sum += coef(active[k]);
        }
        return sum;
    };

    // Weighted ridge, refitted as the overdispersion estimate settles (three passes are plenty: the
    // weights change little after the first estimate of rho).
    Eigen::VectorXd fitted = Eigen::VectorXd::Constant(n, std::clamp(model.m_overallRate, 1e-6, 1.0 - 1e-6));
    Eigen::VectorXd effective = impressions;
    Eigen::VectorXd weight(n);
    Eigen::VectorXd beta;
    Eigen::LDLT<Eigen::MatrixXd> solver;
    Eigen::MatrixXd gram(cols, cols);
    Eigen::VectorXd rhs(cols);
    double rho = 0.0;
    constexpr int kPasses = 3;
    for (int pass = 0; pass < kPasses; ++pass) {
        effective = impressions.array() / (1.0 + (impressions.array() - 1.0).max(0.0) * rho);
        weight = effective.array() * fitted.array() * (1.0 - fitted.array());
        gram.setZero();
        rhs.setZero();
        for (Eigen::Index r = 0; r < n; ++r) {
            const std::size_t begin = rowStart[static_cast<std::size_t>(r)];
            const std::size_t end = rowStart[static_cast<std::size_t>(r) + 1];
            const double w = weight(r);
            for (std::size_t a = begin; a < end; ++a) {
                rhs(active[a]) += w * y(r);
                for (std::size_t b = begin; b < end; ++b)
                    gram(active[a], active[b]) += w;
            }
        }
        const double penalty = options.ridgeLambda * weight.mean();
        gram.diagonal().tail(cols - 1).array() += std::max(penalty, 1e-9);
        solver.compute(gram);
        if (solver.info() != Eigen::Success)
            return fail(ErrorCode::Invalid, "engagement model: singular feature matrix");
        beta = solver.solve(rhs);
        for (Eigen::Index r = 0; r < n; ++r)
            fitted(r) = std::clamp(logistic(rowDot(r, beta, 0, cols)), 1e-6, 1.0 - 1e-6);

        // Overdispersion by moments: Var(e) = n p (1-p) (1 + (n-1) rho).
        const Eigen::ArrayXd pq = fitted.array() * (1.0 - fitted.array());
        const double num =
            ((engagements.array() - impressions.array() * fitted.array()).square() - impressions.array() * pq).sum();
        const double den = (impressions.array() * (impressions.array() - 1.0).max(0.0) * pq).sum();
        rho = den > 0.0 ? std::clamp(num / den, 0.0, 0.999) : 0.0;
        if (cancelled(0.2 + 0.2 * pass))
            return fail(ErrorCode::Cancelled, "engagement model fit cancelled");
    }
    model.m_rho = rho;
    effective = impressions.array() / (1.0 + (impressions.array() - 1.0).max(0.0) * rho);

    // Feature effects and their ridge posterior covariance (the weights are inverse variances).
    model.m_beta = beta.segment(1, nf);
    Eigen::MatrixXd unit = Eigen::MatrixXd::Zero(cols, nf);
    unit.block(1, 0, nf, nf).setIdentity();
    model.m_betaCovariance = solver.solve(unit).block(1, 0, nf, nf);
    model.m_meanFeatures = columnMeans(active, cols, n).segment(1, nf);
    const double meanOffset = model.m_beta.dot(model.m_meanFeatures);
    Eigen::VectorXd offsets(n);
    for (Eigen::Index r = 0; r < n; ++r)
        offsets(r) = rowDot(r, beta, 1, 1 + nf) - meanOffset;

    // Stage 2: effective counts at the average features, pooled per hour of week.
    std::vector<double> cellE(kHoursPerWeek, 0.0), cellN(kHoursPerWeek, 0.0);
    for (Eigen::Index r = 0; r < n; ++r) {
        const int h = history[used[static_cast<std::size_t>(r)]].features.hourOfWeek;
        const double rate = engagements(r) / impressions(r);
        // Scale by the fitted ratio rather than shifting the noisy observed rate on the logit scale:
        // the scaling is linear in the engagements, so it adds no Jensen bias.
        const double ratio = logistic(logit(fitted(r)) - offsets(r)) / fitted(r);
        const double adjusted = std::min(1.0, rate * ratio);
        cellE[static_cast<std::size_t>(h)] += effective(r) * adjusted;
        cellN[static_cast<std::size_t>(h)] += effective(r);
    }
    const double totalE = std::accumulate(cellE.begin(), cellE.end(), 0.0);
    const double totalN = std::accumulate(cellN.begin(), cellN.end(), 0.0);
    const double p0 = std::clamp(totalE / totalN, kRateFloor, 1.0 - kRateFloor);

    // The cells' prior: a main-effects logistic model (intercept + hour of day + day of week) fitted to the
    // cell counts by penalised IRLS, each effect with a N(0, 1) prior on the logit scale so that thinly
    // observed hours and days stay near the overall rate.
    const TimingFit timing = fitTiming(cellE, cellN, p0);
    model.m_timingConverged = timing.converged;
    const std::vector<double>& cellPrior = timing.rate;
    const double kappaCell = priorStrength(cellE, cellN, cellPrior, kDaysPerWeek + kHoursPerDay - 1);

    const double z = normalQuantile(0.5 + options.intervalLevel / 2.0);
    model.m_z = z;
    model.m_heatmap.assign(kHoursPerWeek, HeatmapCell{});
    model.m_cellLogitMean.assign(kHoursPerWeek, 0.0);
    model.m_cellLogitVar.assign(kHoursPerWeek, 0.0);
    for (const PostOutcome& p : history)
        ++model.m_heatmap[static_cast<std::size_t>(p.features.hourOfWeek)].posts;
    for (int h = 0; h < kHoursPerWeek; ++h) {
        const auto k = static_cast<std::size_t>(h);
        const BetaPosterior cell = posterior(cellE[k], cellN[k], cellPrior[k], kappaCell);
        // The prior mean is itself estimated: add its logit variance as far as the prior weighs.
        const double priorWeight = kappaCell / (kappaCell + cellN[k]);
        const double priorVar = timing.logitVar[k];
        const double mu = cell.logitMean();
        const double var = cell.logitVar() + priorWeight * priorWeight * priorVar;
        model.m_cellLogitMean[k] = mu;
        model.m_cellLogitVar[k] = var;
        HeatmapCell& out = model.m_heatmap[k];
        out.rate = cell.mean();
        out.lower = logistic(mu - z * std::sqrt(var));
        out.upper = logistic(mu + z * std::sqrt(var));
    }
    model.m_status = EngagementStatus::Ok;
    if (cancelled(1.0))
        return fail(ErrorCode::Cancelled, "engagement model fit cancelled");
    return model;
}

Result<Eigen::VectorXd> EngagementModel::encodeDraft(const PostFeatures& draft) const
{
    if (auto ok = validateFeatures(draft, "draft: "); !ok)
        return tl::unexpected(ok.error());
    if (m_status != EngagementStatus::Ok)
        return fail(ErrorCode::Invalid, "not enough history: " + std::to_string(m_postCount) + " posts, need " +
                                            std::to_string(m_options.minPosts));
    std::unordered_map<std::string, int> tagColumn;
    for (std::size_t t = 0; t < m_tags.size(); ++t)
        tagColumn.emplace(m_tags[t], static_cast<int>(t));
    Eigen::VectorXd row(m_beta.size());
    Encoder{tagColumn}.encode(draft, row);
    return row;
}

EngagementEstimate EngagementModel::estimateAt(int hourOfWeek, double shift, double featureVar) const
{
    const auto k = static_cast<std::size_t>(hourOfWeek);
    const double z = m_z;
    const double sd = std::sqrt(m_cellLogitVar[k] + featureVar);
    EngagementEstimate e;
    e.rate = logistic(logit(m_heatmap[k].rate) + shift);
    e.lower = logistic(m_cellLogitMean[k] + shift - z * sd);
    e.upper = logistic(m_cellLogitMean[k] + shift + z * sd);
    return e;
}

Result<EngagementEstimate> EngagementModel::predict(const PostFeatures& draft) const
{
    auto row = encodeDraft(draft);
    if (!row)
        return tl::unexpected(row.error());
    const Eigen::VectorXd contrast = *row - m_meanFeatures;
    return estimateAt(draft.hourOfWeek, m_beta.dot(contrast), contrast.dot(m_betaCovariance * contrast));
}

Result<std::vector<SlotEstimate>> EngagementModel::bestSlots(const PostFeatures& draft, int startHourOfWeek,
                                                            int count) const
{
    if (startHourOfWeek < 0 || startHourOfWeek >= kHoursPerWeek)
        return fail(ErrorCode::Invalid, "start hour of week " + std::to_string(startHourOfWeek) + " is outside 0..167");
    if (count < 1 || count > kHoursPerWeek)
        return fail(ErrorCode::Invalid, "slot count " + std::to_string(count) + " is outside 1..168");
    auto row = encodeDraft(draft);
    if (!row)
        return tl::unexpected(row.error());
    // The feature contrast does not depend on the hour: compute it once.
    const Eigen::VectorXd contrast = *row - m_meanFeatures;
    const double shift = m_beta.dot(contrast);
    const double featureVar = contrast.dot(m_betaCovariance * contrast);
    std::vector<SlotEstimate> all;
    all.reserve(kHoursPerWeek);
    for (int ahead = 0; ahead < kHoursPerWeek; ++ahead) {
        const int hour = (startHourOfWeek + ahead) % kHoursPerWeek;
        all.push_back(SlotEstimate{hour, ahead, estimateAt(hour, shift, featureVar)});
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const SlotEstimate& a, const SlotEstimate& b) { return a.estimate.lower > b.estimate.lower; });
    std::vector<SlotEstimate> best;
    for (const SlotEstimate& s : all) {
        const bool farEnough = std::all_of(best.begin(), best.end(), [&](const SlotEstimate& b) {
            return std::abs(b.hoursAhead - s.hoursAhead) >= m_options.minSlotGapHours;
        });
        if (farEnough)
            best.push_back(s);
        if (static_cast<int>(best.size()) == count)
            break;
    }
    return best;
}

} // namespace herald::engine
