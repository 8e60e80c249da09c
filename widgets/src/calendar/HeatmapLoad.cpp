// The best-time heatmap's read: kept apart from CalendarLoad.cpp because EngagementModel.h and
// PostingSlots.h both declare herald::engine::PostingSlot.
#include "calendar/CalendarLoad.h"

#include <unordered_map>

#include <QDateTime>

#include "herald/engine/analytics/EngagementModel.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/Statement.h"

namespace herald::ui {

namespace {

int countHashtags(const std::string& text)
{
    int n = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n') && text[i + 1] != ' ')
            ++n;
    return n;
}

} // namespace

Result<HeatmapData> loadHeatmap(const QString& path, std::int64_t accountId, const std::string& accountZone,
                                std::int64_t nowUtc)
{
    auto db = engine::Database::open(path.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    auto history = engine::queryPostPerformance(*db, 0, nowUtc + 1, {accountId});
    if (!history)
        return tl::unexpected(history.error());
    std::unordered_map<std::int64_t, int> mediaCount;
    auto media = db->prepare("SELECT m.post_id, COUNT(*) FROM media m JOIN post_targets t ON t.post_id = m.post_id "
                             "WHERE t.account_id = ?1 GROUP BY m.post_id");
    if (!media)
        return tl::unexpected(media.error());
    (*media)->bind(1, accountId);
    while (true) {
        auto row = (*media)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        mediaCount[(*media)->int64(0)] = int((*media)->int64(1));
    }
    (*media)->reset();

    QTimeZone zone(QByteArray::fromStdString(accountZone));
    if (!zone.isValid())
        zone = QTimeZone::utc();
    std::vector<engine::PostOutcome> outcomes;
    outcomes.reserve(history->size());
    for (const auto& p : *history) {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(p.publishedUtc, zone);
        engine::PostOutcome o;
        o.features.hourOfWeek = (local.date().dayOfWeek() - 1) * 24 + local.time().hour();
        o.features.platform = p.platform;
        o.features.textLength = int(QString::fromStdString(p.text).toUcs4().size());
        o.features.mediaCount = mediaCount.count(p.postId) ? mediaCount[p.postId] : 0;
        o.features.hashtagCount = countHashtags(p.text);
        o.features.tags = p.tags;
        o.impressions = p.impressions;
        o.engagements = std::min(p.engagements, p.impressions);
        outcomes.push_back(std::move(o));
    }
    const engine::EngagementOptions options;
    auto model = engine::EngagementModel::fit(outcomes, options);
    if (!model)
        return tl::unexpected(model.error());
    HeatmapData out;
    out.enoughHistory = model->status() == engine::EngagementStatus::Ok;
    for (const auto& cell : model->heatmap())
        out.rates.push_back(cell.rate);
    out.posts = model->postCount();
    out.minPosts = options.minPosts;
    return out;
}

} // namespace herald::ui
