#include "herald/widgets/AudienceData.h"

#include <chrono>

#include <QDateTime>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::ui {

namespace {

double msSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

engine::Progress part(const engine::Progress& progress, double from, double to)
{
    if (!progress)
        return {};
    return [&progress, from, to](double f) { return progress(from + (to - from) * f); };
}

} // namespace

Result<std::shared_ptr<const AudienceRun>> runAudienceSegmentation(const AudienceRequest& request,
                                                                   const engine::Progress& progress)
{
    auto db = engine::Database::open(request.path.toStdString(), engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    auto run = std::make_shared<AudienceRun>();
    engine::AudienceFeatureRequest fr;
    fr.accountIds = request.accountIds;
    fr.features = request.features;
    fr.nowUtc = request.nowUtc;
    const QTimeZone zone = request.zone.isValid() ? request.zone : QTimeZone::utc();
    fr.utcOffset = [zone](std::int64_t utc) { return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC)); };

    auto start = std::chrono::steady_clock::now();
    auto features = engine::buildAudienceFeatures(*db, fr, part(progress, 0.0, 0.3));
    if (!features)
        return tl::unexpected(features.error());
    run->features = std::move(*features);
    run->featureMs = msSince(start);

    start = std::chrono::steady_clock::now();
    engine::SegmentationOptions so;
    so.k = request.k;
    so.seed = request.seed;
    auto result = engine::segmentAudience(run->features, so, part(progress, 0.3, request.recommendations ? 0.85 : 1.0));
    if (!result)
        return tl::unexpected(result.error());
    run->result = std::move(*result);
    run->segmentMs = msSince(start);

    if (request.recommendations) {
        start = std::chrono::steady_clock::now();
        engine::AudienceRecommendationOptions ro;
        ro.seed = request.seed;
        auto recs = engine::recommendForSegments(*db, run->result.memberIds, run->result.labels, run->result.k, ro,
                                                 part(progress, 0.85, 1.0));
        if (!recs)
            return tl::unexpected(recs.error());
        run->recommendations = std::move(*recs);
        run->recommendMs = msSince(start);
    }
    return std::shared_ptr<const AudienceRun>(std::move(run));
}

Result<AudienceOverview> loadAudienceOverview(const QString& path)
{
    auto db = engine::Database::open(path.toStdString(), engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    AudienceOverview out;
    auto stmt =
        db->prepare("SELECT account_id, COUNT(*) FROM audience_members GROUP BY account_id ORDER BY account_id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    while (true) {
        auto row = (*stmt)->step();
        if (!row) {
            (*stmt)->reset();
            return tl::unexpected(row.error());
        }
        if (!*row)
            break;
        out.membersPerAccount.emplace_back((*stmt)->int64(0), (*stmt)->int64(1));
    }
    (*stmt)->reset();
    auto runs = engine::listSegmentRuns(*db);
    if (!runs)
        return tl::unexpected(runs.error());
    out.runs = std::move(*runs);
    return out;
}

} // namespace herald::ui
