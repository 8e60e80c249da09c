#include "herald/widgets/DashboardData.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>

#include "herald/widgets/SentimentLexicons.h"
#include "herald/engine/analytics/Sentiment.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/store/Transaction.h"

namespace herald::ui {

namespace {
constexpr std::size_t kListedPosts = 3;

std::vector<double> daily(const std::vector<engine::SeriesPoint>& points)
{
    std::vector<double> out;
    out.reserve(points.size());
    for (const auto& p : points)
        out.push_back(p.missing ? NAN : p.value);
    return out;
}

} // namespace

Result<DashboardData> readDashboard(const std::string& path, const engine::KpiRange& current,
                                    const engine::KpiRange& previous, const std::vector<std::int64_t>& ids,
                                    const QTimeZone& zone)
{
    auto db = engine::Database::open(path);
    if (!db)
        return tl::unexpected(db.error());
    DashboardData d;
    auto kpis = engine::queryKpiSnapshot(*db, current, previous, ids);
    if (!kpis)
        return tl::unexpected(kpis.error());
    d.kpis = *kpis;
    auto tx = engine::Transaction::begin(*db, engine::Transaction::Kind::Deferred);
    if (!tx)
        return tl::unexpected(tx.error());
    const std::pair<engine::SeriesMetric, std::vector<double>*> series[] = {
        {engine::SeriesMetric::Followers, &d.followers},
        {engine::SeriesMetric::Impressions, &d.impressions},
        {engine::SeriesMetric::Engagements, &d.engagements},
        {engine::SeriesMetric::EngagementRate, &d.rate}};
    for (const auto& [metric, out] : series) {
        auto s = engine::querySeries(*db, metric, current.fromDay, current.toDay, ids, engine::Granularity::Day);
        if (!s)
            return tl::unexpected(s.error());
        *out = daily(*s);
    }
    for (std::size_t i = 0; i < d.followers.size(); ++i)
        d.growth.push_back(i == 0 ? NAN : d.followers[i] - d.followers[i - 1]);
    auto posts = engine::queryPostPerformance(*db, current.fromUtc, current.toUtc, ids);
    if (!posts)
        return tl::unexpected(posts.error());
    auto campaigns = engine::queryCampaignResults(*db, current.fromDay, current.toDay);
    if (!campaigns)
        return tl::unexpected(campaigns.error());
    d.campaigns = std::move(*campaigns);
    auto comments = engine::queryComments(*db, current.fromUtc, current.toUtc, ids);
    if (!comments)
        return tl::unexpected(comments.error());
    (void)tx->commit();

    // Comments that sync or import left unscored are scored here with the built-in lexicons; the
    // label thresholds are the analyzer's own.
    const auto* analyzer = sharedSentimentAnalyzer();
    d.sentimentAvailable = analyzer != nullptr;
    if (analyzer) {
        const double threshold = engine::SentimentOptions{}.labelThreshold;
        std::vector<std::string> unscored;
        for (const auto& c : *comments) {
            if (!c.scored) {
                unscored.push_back(c.body);
                continue;
            }
            (c.sentiment >= threshold ? d.positive : c.sentiment <= -threshold ? d.negative : d.neutral) += 1;
        }
        auto scored = engine::analyzeSentiments(*analyzer, unscored);
        if (scored)
            for (const auto& r : *scored)
                (r.label == engine::SentimentLabel::Positive   ? d.positive
                 : r.label == engine::SentimentLabel::Negative ? d.negative
                                                               : d.neutral) += 1;
        d.comments = d.positive + d.neutral + d.negative;
    }

    const QDate first = QDate::fromString(QString::fromStdString(current.fromDay), Qt::ISODate);
    d.posts.assign(d.followers.size(), 0.0);
    for (const auto& p : *posts) {
        const auto day = first.daysTo(QDateTime::fromSecsSinceEpoch(p.publishedUtc, zone).date());
        if (day >= 0 && std::size_t(day) < d.posts.size())
            d.posts[std::size_t(day)] += 1;
    }
    // Best and weakest by engagement rate among posts that reached at least the median audience,
    // so a post seen by a handful of people does not top the list by chance.
    std::vector<engine::PostPerformance> ranked;
    if (!posts->empty()) {
        std::vector<double> reach;
        for (const auto& p : *posts)
            reach.push_back(p.impressions);
        std::nth_element(reach.begin(), reach.begin() + std::ptrdiff_t(reach.size() / 2), reach.end());
        const double median = reach[reach.size() / 2];
        for (const auto& p : *posts)
            if (p.impressions > 0 && p.impressions >= median)
                ranked.push_back(p);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.engagementRate > b.engagementRate; });
    for (std::size_t i = 0; i < ranked.size() && i < kListedPosts; ++i)
        d.best.push_back(ranked[i]);
    for (std::size_t i = 0; i < ranked.size() && i < kListedPosts; ++i)
        if (ranked.size() > kListedPosts * 2 - 1 || ranked.size() - 1 - i >= kListedPosts)
            d.worst.push_back(ranked[ranked.size() - 1 - i]);
    return d;
}

} // namespace herald::ui
