#include "herald/engine/store/AudienceSegmentation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "herald/engine/analytics/Pca.h"
#include "herald/engine/analytics/Standardize.h"

namespace herald::engine {

namespace {

constexpr double kTraitDeviation = 0.25;
constexpr std::size_t kMaxTraits = 6;

// Progress for a stage that covers [from, to] of the whole job.
Progress stage(const Progress& progress, double from, double to)
{
    if (!progress)
        return {};
    return [&progress, from, to](double f) { return progress(from + (to - from) * f); };
}

// The most common categories among a segment's members, as shares of the segment.
std::vector<ShareEntry> topShares(const std::vector<std::int64_t>& counts, const std::vector<std::string>& names,
                                  std::int64_t size, std::size_t limit)
{
    std::vector<std::size_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : names[a] < names[b];
    });
    std::vector<ShareEntry> out;
    for (std::size_t i : order) {
        if (out.size() == limit || counts[i] == 0)
            break;
        out.push_back(
            {names[i], static_cast<double>(counts[i]) / static_cast<double>(std::max<std::int64_t>(1, size))});
    }
    return out;
}

} // namespace

Result<SegmentationResult> segmentAudience(const AudienceFeatures& features, const SegmentationOptions& options,
                                           const Progress& progress)
{
    const Eigen::Index n = features.values.rows();
    if (features.columns.empty())
        return fail(ErrorCode::Invalid, "no features chosen: choose at least one feature to segment on");
    if (n == 0)
        return fail(ErrorCode::Invalid, "there are no audience members to segment");
    if (options.k < 0 || (options.k == 0 && options.kMin < 2) || (options.k == 0 && options.kMax < options.kMin))
        return fail(ErrorCode::Invalid, "the number of segments must be at least 1 (or automatic, from 2 up)");
    if (options.k > 0 && n < options.k)
        return fail(ErrorCode::Invalid, std::to_string(options.k) + " segments need at least " +
                                            std::to_string(options.k) + " members; the audience has " +
                                            std::to_string(n));
    const int kMax = static_cast<int>(std::min<Eigen::Index>(options.kMax, n - 1));
    if (options.k == 0 && kMax < options.kMin)
        return fail(ErrorCode::Invalid, "choosing the number of segments needs at least " +
                                            std::to_string(options.kMin + 1) + " members; the audience has " +
                                            std::to_string(n));

    SegmentationResult out;
    out.accountIds = features.accountIds;
    out.features = features.features;
    out.memberIds = features.memberIds;

    // Heavy-tailed counts on a log scale, then drop the columns that do not vary.
    std::vector<Eigen::Index> kept;
    for (Eigen::Index c = 0; c < features.values.cols(); ++c) {
        const auto col = features.values.col(c);
        if (col.maxCoeff() - col.minCoeff() > 1e-12 * (1.0 + col.cwiseAbs().maxCoeff()))
            kept.push_back(c);
        else
            out.dropped.push_back(features.columns[static_cast<std::size_t>(c)].id);
    }
    if (kept.empty())
        return fail(ErrorCode::Invalid, "none of the chosen features varies across the " + std::to_string(n) +
                                            " members (every member has the same value); choose other features");
    const auto d = static_cast<Eigen::Index>(kept.size());
    Eigen::MatrixXd raw(n, d), scaled(n, d);
    for (Eigen::Index j = 0; j < d; ++j) {
        const auto c = kept[static_cast<std::size_t>(j)];
        raw.col(j) = features.values.col(c);
        if (features.columns[static_cast<std::size_t>(c)].logScale)
            scaled.col(j) = raw.col(j).array().max(0.0).log1p().matrix();
        else
            scaled.col(j) = raw.col(j);
        out.columns.push_back(features.columns[static_cast<std::size_t>(c)].id);
    }
    auto standardizer = fitStandardizer(scaled);
    if (!standardizer)
        return tl::unexpected(standardizer.error());
    scaled = standardizer->transform(scaled);
    if (progress && !progress(0.02))
        return fail(ErrorCode::Cancelled, "segmentation cancelled");

    KMeansOptions km;
    km.seed = options.seed;
    km.nInit = n > 200000 ? 2 : n > 20000 ? 4 : 10;
    km.maxIter = n > 200000 ? 100 : 300;
    KMeansResult fit;
    if (options.k > 0) {
        km.k = options.k;
        auto r = kMeans(scaled, km, stage(progress, 0.02, 0.75));
        if (!r)
            return tl::unexpected(r.error());
        fit = std::move(*r);
    } else {
        ChooseKOptions ck;
        ck.kMin = options.kMin;
        ck.kMax = kMax;
        ck.sampleSize = options.silhouetteSample;
        ck.kMeans = km;
        auto r = chooseK(scaled, ck, stage(progress, 0.02, 0.75));
        if (!r)
            return tl::unexpected(r.error());
        out.perK = r->perK;
        out.chosenBySilhouette = true;
        fit = std::move(r->best);
    }
    out.k = static_cast<int>(fit.centroids.rows());
    out.converged = fit.converged;

    // Segments numbered largest first.
    std::vector<int> order(static_cast<std::size_t>(out.k));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return fit.sizes[static_cast<std::size_t>(a)] > fit.sizes[static_cast<std::size_t>(b)];
    });
    std::vector<int> renumber(static_cast<std::size_t>(out.k));
    for (int i = 0; i < out.k; ++i)
        renumber[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])] = i;
    out.labels.resize(fit.labels.size());
    for (std::size_t i = 0; i < fit.labels.size(); ++i)
        out.labels[i] = renumber[static_cast<std::size_t>(fit.labels[i])];

    // Profiles in original units.
    auto profiles = profileClusters(raw, out.labels, out.k);
    if (!profiles)
        return tl::unexpected(profiles.error());
    const Eigen::RowVectorXd overall = raw.colwise().mean();
    const auto& desc = features.descriptors;
    const auto k = static_cast<std::size_t>(out.k);
    std::vector<std::vector<std::int64_t>> languages(k, std::vector<std::int64_t>(desc.languages.size())),
        countries(k, std::vector<std::int64_t>(desc.countries.size())),
        interests(k, std::vector<std::int64_t>(desc.interests.size()));
    std::vector<Eigen::Vector4d> daypartSums(k, Eigen::Vector4d::Zero());
    std::vector<double> engagementSums(k, 0.0);
    for (std::size_t i = 0; i < out.labels.size(); ++i) {
        const auto s = static_cast<std::size_t>(out.labels[i]);
        if (desc.language[i] >= 0)
            ++languages[s][static_cast<std::size_t>(desc.language[i])];
        if (desc.country[i] >= 0)
            ++countries[s][static_cast<std::size_t>(desc.country[i])];
        for (auto j = desc.interestOffsets[i]; j < desc.interestOffsets[i + 1]; ++j)
            ++interests[s][static_cast<std::size_t>(desc.interestIds[static_cast<std::size_t>(j)])];
        const auto e = static_cast<double>(desc.engagements[i]);
        daypartSums[s] += e * desc.dayparts.row(static_cast<Eigen::Index>(i)).transpose();
        engagementSums[s] += e;
    }
    Eigen::Vector4d allDayparts = Eigen::Vector4d::Zero();
    double allEngagements = 0;
    for (std::size_t s = 0; s < k; ++s) {
        allDayparts += daypartSums[s];
        allEngagements += engagementSums[s];
    }
    for (std::size_t s = 0; s < k; ++s) {
        const auto& p = (*profiles)[s];
        SegmentProfile profile;
        profile.index = static_cast<int>(s);
        profile.size = p.size;
        profile.share = p.share;
        for (const auto& fd : p.distinguishing) {
            if (profile.traits.size() == kMaxTraits || std::abs(fd.deviation) < kTraitDeviation)
                break;
            const auto& col = features.columns[static_cast<std::size_t>(kept[static_cast<std::size_t>(fd.feature)])];
            profile.traits.push_back(
                {col.id, col.feature, col.label, col.kind, p.centroid(fd.feature), overall(fd.feature), fd.deviation});
        }
        profile.interests = topShares(interests[s], desc.interests, p.size, 6);
        profile.languages = topShares(languages[s], desc.languages, p.size, 3);
        profile.countries = topShares(countries[s], desc.countries, p.size, 3);
        for (int j = 0; j < 4; ++j) {
            profile.dayparts[static_cast<std::size_t>(j)] =
                engagementSums[s] > 0 ? daypartSums[s](j) / engagementSums[s] : 0;
            profile.overallDayparts[static_cast<std::size_t>(j)] =
                allEngagements > 0 ? allDayparts(j) / allEngagements : 0;
        }
        profile.meanEngagements = engagementSums[s] / static_cast<double>(std::max<Eigen::Index>(1, p.size));
        out.segments.push_back(std::move(profile));
    }
    if (progress && !progress(0.8))
        return fail(ErrorCode::Cancelled, "segmentation cancelled");

    // A seeded sample for the scatter and the silhouette plot.
    const Eigen::Index s = std::min(n, std::max<Eigen::Index>(2, options.displaySample));
    std::vector<Eigen::Index> sample(static_cast<std::size_t>(n));
    std::iota(sample.begin(), sample.end(), Eigen::Index(0));
    if (s < n) {
        std::mt19937_64 rng(options.seed);
        for (Eigen::Index i = 0; i < s; ++i) {
            std::uniform_int_distribution<Eigen::Index> pick(i, n - 1);
            std::swap(sample[static_cast<std::size_t>(i)], sample[static_cast<std::size_t>(pick(rng))]);
        }
        sample.resize(static_cast<std::size_t>(s));
        std::sort(sample.begin(), sample.end());
    }
    const auto m = static_cast<Eigen::Index>(sample.size());
    Eigen::MatrixXd part(m, d);
    std::vector<int> partLabels(static_cast<std::size_t>(m));
    for (Eigen::Index i = 0; i < m; ++i) {
        part.row(i) = scaled.row(sample[static_cast<std::size_t>(i)]);
        partLabels[static_cast<std::size_t>(i)] =
            out.labels[static_cast<std::size_t>(sample[static_cast<std::size_t>(i)])];
    }
    Eigen::MatrixXd xy = Eigen::MatrixXd::Zero(m, 2);
    if (m >= 2) {
        PcaOptions po;
        po.components = static_cast<int>(std::min<Eigen::Index>(2, d));
        po.standardize = false;
        auto projected = pca(part, po);
        if (projected) {
            xy.leftCols(projected->projected.cols()) = projected->projected;
            for (Eigen::Index c = 0; c < projected->explainedVarianceRatio.size() && c < 2; ++c)
                out.explainedVarianceRatio[static_cast<std::size_t>(c)] = projected->explainedVarianceRatio(c);
        }
    }
    Eigen::VectorXd silhouettes = Eigen::VectorXd::Zero(m);
    const bool several =
        std::adjacent_find(partLabels.begin(), partLabels.end(), std::not_equal_to<>()) != partLabels.end();
    if (several) {
        auto sil = silhouetteSamples(part, partLabels, stage(progress, 0.8, 1.0));
        if (!sil)
            return tl::unexpected(sil.error());
        silhouettes = *sil;
    }
    std::vector<double> silhouetteSums(k, 0.0);
    std::vector<std::int64_t> sampled(k, 0);
    for (Eigen::Index i = 0; i < m; ++i) {
        const int label = partLabels[static_cast<std::size_t>(i)];
        out.points.push_back({sample[static_cast<std::size_t>(i)], xy(i, 0), xy(i, 1), label, silhouettes(i)});
        silhouetteSums[static_cast<std::size_t>(label)] += silhouettes(i);
        ++sampled[static_cast<std::size_t>(label)];
    }
    out.silhouette = m > 0 ? silhouettes.mean() : 0.0;
    for (std::size_t c = 0; c < k; ++c)
        out.segments[c].meanSilhouette = sampled[c] > 0 ? silhouetteSums[c] / static_cast<double>(sampled[c]) : 0.0;
    return out;
}

Result<std::vector<InterestRule>> mineInterestRules(const AudienceDescriptors& descriptors,
                                                    const std::vector<std::int64_t>& rows,
                                                    const AssociationOptions& options, const Progress& progress)
{
    std::vector<Basket> baskets;
    auto addRow = [&](std::size_t r) {
        const auto from = descriptors.interestOffsets[r], to = descriptors.interestOffsets[r + 1];
        if (from == to)
            return;
        Basket b;
        b.reserve(static_cast<std::size_t>(to - from));
        for (auto j = from; j < to; ++j)
            b.push_back(static_cast<ItemId>(descriptors.interestIds[static_cast<std::size_t>(j)]));
        baskets.push_back(std::move(b));
    };
    const std::size_t members = descriptors.interestOffsets.empty() ? 0 : descriptors.interestOffsets.size() - 1;
    if (rows.empty())
        for (std::size_t r = 0; r < members; ++r)
            addRow(r);
    else
        for (auto r : rows) {
            if (r < 0 || static_cast<std::size_t>(r) >= members)
                return fail(ErrorCode::Invalid, "member row " + std::to_string(r) + " is outside the audience");
            addRow(static_cast<std::size_t>(r));
        }
    if (baskets.empty())
        return fail(ErrorCode::Invalid, "none of these members has a known interest, so there are no interest rules");
    AssociationOptions o = options;
    o.minLength = std::max(2, o.minLength);
    auto mined = mineAssociationRules(baskets, o, progress);
    if (!mined)
        return tl::unexpected(mined.error());
    if (mined->cancelled)
        return fail(ErrorCode::Cancelled, "interest rules cancelled");
    std::vector<InterestRule> out;
    out.reserve(mined->rules.size());
    for (const auto& rule : mined->rules) {
        InterestRule r;
        for (auto id : rule.lhs)
            r.lhs.push_back(descriptors.interests[id]);
        r.rhs = descriptors.interests[rule.rhs];
        r.count = rule.count;
        r.support = rule.support;
        r.confidence = rule.confidence;
        r.lift = rule.lift;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<InterestRule> filterInterestRules(const std::vector<InterestRule>& rules, const InterestRuleFilter& filter)
{
    std::vector<InterestRule> out;
    for (const auto& r : rules)
        if (r.support >= filter.minSupport && r.confidence >= filter.minConfidence && r.lift >= filter.minLift)
            out.push_back(r);
    return out;
}

std::vector<std::int64_t> segmentRows(const SegmentationResult& result, int segment)
{
    std::vector<std::int64_t> rows;
    for (std::size_t i = 0; i < result.labels.size(); ++i)
        if (result.labels[i] == segment)
            rows.push_back(static_cast<std::int64_t>(i));
    return rows;
}

} // namespace herald::engine
