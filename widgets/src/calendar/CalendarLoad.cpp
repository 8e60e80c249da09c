#include "calendar/CalendarLoad.h"

#include <limits>
#include <unordered_map>

#include <QDateTime>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::ui {

Result<std::shared_ptr<const CalendarDays>> loadCalendarRange(const QString& path, const QTimeZone& zone,
                                                              std::int64_t fromUtc, std::int64_t toUtc,
                                                              const engine::CalendarFilter& filter)
{
    auto db = engine::Database::open(path.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    auto entries = engine::CalendarQuery(*db).between(fromUtc, toUtc, filter);
    if (!entries)
        return tl::unexpected(entries.error());
    return std::make_shared<const CalendarDays>(std::move(*entries), zone);
}

Result<QueueData> loadQueue(const QString& path, const engine::CalendarFilter& filter,
                            const std::vector<std::pair<std::int64_t, std::string>>& accounts, std::int64_t nowUtc,
                            int slotDays, int unscheduledLimit)
{
    auto db = engine::Database::open(path.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    engine::CalendarQuery query(*db);
    QueueData out;
    auto scheduled =
        query.between(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(), filter);
    if (!scheduled)
        return tl::unexpected(scheduled.error());
    out.posts = std::move(*scheduled);
    auto drafts = query.unscheduled(filter, unscheduledLimit);
    if (!drafts)
        return tl::unexpected(drafts.error());
    out.posts.insert(out.posts.end(), std::make_move_iterator(drafts->begin()), std::make_move_iterator(drafts->end()));

    engine::PostingSlots postingSlots(*db);
    const QtZoneConverter zones;
    for (const auto& [id, handle] : accounts) {
        auto weekly = postingSlots.slotsOf(id);
        if (!weekly)
            return tl::unexpected(weekly.error());
        if (weekly->empty())
            continue;
        ++out.accountsWithSlots;
        auto free = postingSlots.freeSlots(id, nowUtc, nowUtc + std::int64_t(slotDays) * 86'400, zones);
        if (!free)
            return tl::unexpected(free.error());
        for (auto& s : *free)
            out.freeSlots.push_back({id, handle, s.localTime, s.timeZone, s.utc});
    }
    return out;
}

} // namespace herald::ui
