#include "herald/engine/store/PostingSlots.h"

#include "herald/engine/store/AccountRepository.h"

#include <algorithm>
#include <cstdlib>

#include "PublishSql.h"
#include "herald/engine/ZoneConverter.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

using publishsql::Arg;

Result<std::string> accountZone(Database& db, std::int64_t accountId)
{
    auto stmt = db.prepare("SELECT time_zone FROM accounts WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, "account " + std::to_string(accountId) + " does not exist");
    std::string zone = (*stmt)->text(0);
    (*stmt)->reset();
    return zone.empty() ? std::string("UTC") : zone;
}

} // namespace

Result<std::vector<PostingSlot>> PostingSlots::slotsOf(std::int64_t accountId)
{
    auto stmt = m_db.prepare(
        "SELECT weekday, minute_of_day FROM posting_slots WHERE account_id = ?1 ORDER BY weekday, minute_of_day");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId);
    std::vector<PostingSlot> out;
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back(PostingSlot{static_cast<int>((*stmt)->int64(0)), static_cast<int>((*stmt)->int64(1))});
    }
    return out;
}

Result<void> PostingSlots::setSlots(std::int64_t accountId, const std::vector<PostingSlot>& weekly)
{
    for (const auto& s : weekly) {
        if (s.weekday < 1 || s.weekday > 7)
            return fail(ErrorCode::Invalid,
                        "weekday " + std::to_string(s.weekday) + " is not 1 (Monday) to 7 (Sunday)");
        if (s.minuteOfDay < 0 || s.minuteOfDay > 1439)
            return fail(ErrorCode::Invalid, "minute " + std::to_string(s.minuteOfDay) + " is not within a day");
    }
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tl::unexpected(tx.error());
    if (auto zone = accountZone(m_db, accountId); !zone)
        return tl::unexpected(zone.error());
    if (auto r = publishsql::run(m_db, "DELETE FROM posting_slots WHERE account_id = ?1", {accountId}); !r)
        return r;
    for (const auto& s : weekly) {
        if (auto r = publishsql::run(m_db,
                                     "INSERT OR IGNORE INTO posting_slots(account_id, weekday, minute_of_day) "
                                     "VALUES (?1, ?2, ?3)",
                                     {accountId, std::int64_t{s.weekday}, std::int64_t{s.minuteOfDay}});
            !r)
            return r;
    }
    return tx->commit();
}

Result<std::vector<SlotTime>> PostingSlots::candidates(std::int64_t accountId, std::int64_t afterUtc,
                                                       std::int64_t toUtc, const ZoneConverter& zones, int horizonDays)
{
    auto zone = accountZone(m_db, accountId);
    if (!zone)
        return tl::unexpected(zone.error());
    auto weekly = slotsOf(accountId);
    if (!weekly)
        return tl::unexpected(weekly.error());
    std::vector<SlotTime> out;
    if (weekly->empty())
        return out;
    const auto start = parseLocalMinute(zones.toLocal(afterUtc, *zone));
    if (!start)
        return fail(ErrorCode::Invalid, "unknown time zone \"" + *zone + "\" of account " + std::to_string(accountId));
    const std::int64_t firstDay = daysFromCivil(start->date);
    for (std::int64_t day = firstDay; day <= firstDay + horizonDays; ++day) {
        const CivilDate date = civilFromDays(day);
        const int weekday = isoWeekday(date);
        for (const auto& slot : *weekly) {
            if (slot.weekday != weekday)
                continue;
            const std::string local = formatLocalMinute(LocalMinute{date, slot.minuteOfDay});
            const auto utc = zones.toUtc(local, *zone);
            if (!utc || *utc <= afterUtc) // a wall time skipped by DST has no instant
                continue;
            if (*utc > toUtc)
                return out;
            out.push_back(SlotTime{local, *zone, *utc});
        }
    }
    return out;
}

Result<bool> PostingSlots::isTaken(const std::vector<std::int64_t>& accountIds, std::int64_t utc)
{
    std::vector<Arg> args{utc};
    const std::string list = publishsql::placeholders(args, accountIds);
    auto stmt = publishsql::prepare(m_db,
                                    "SELECT 1 FROM posts p JOIN post_targets t ON t.post_id = p.id "
                                    "WHERE p.scheduled_utc = ?1 AND t.status IN ('scheduled', 'publishing') "
                                    "AND t.account_id IN (" +
                                        list + ") LIMIT 1",
                                    args);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    (*stmt)->reset();
    return *row;
}

Result<std::optional<SlotTime>> PostingSlots::nextFreeSlot(const std::vector<std::int64_t>& accountIds,
                                                           std::int64_t afterUtc, const ZoneConverter& zones,
                                                           int horizonDays)
{
    if (accountIds.empty())
        return fail(ErrorCode::Invalid, "a queue slot needs an account");
    // One extra day covers the zone offset between afterUtc's local date and the horizon's end.
    auto all = candidates(accountIds.front(), afterUtc, afterUtc + (horizonDays + 1) * 86400LL, zones, horizonDays);
    if (!all)
        return tl::unexpected(all.error());
    for (const auto& slot : *all) {
        auto taken = isTaken(accountIds, slot.utc);
        if (!taken)
            return tl::unexpected(taken.error());
        if (!*taken)
            return std::optional<SlotTime>(slot);
    }
    return std::optional<SlotTime>();
}

Result<std::vector<SlotTime>> PostingSlots::freeSlots(std::int64_t accountId, std::int64_t fromUtc, std::int64_t toUtc,
                                                      const ZoneConverter& zones)
{
    const int days = static_cast<int>((toUtc - fromUtc) / 86400) + 2;
    auto all = candidates(accountId, fromUtc, toUtc, zones, days);
    if (!all)
        return all;
    std::vector<SlotTime> out;
    for (const auto& slot : *all) {
        auto taken = isTaken({accountId}, slot.utc);
        if (!taken)
            return tl::unexpected(taken.error());
        if (!*taken)
            out.push_back(slot);
    }
    return out;
}

Result<std::vector<std::int64_t>> PostingSlots::fillWithEvergreen(std::int64_t accountId, std::int64_t fromUtc,
                                                                  std::int64_t toUtc, const ZoneConverter& zones,
                                                                  std::int64_t nowUtc)
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto free = freeSlots(accountId, fromUtc, toUtc, zones);
    if (!free)
        return tl::unexpected(free.error());

    struct PoolPost
    {
        std::int64_t id;
        std::int64_t gapSeconds;
        std::vector<std::int64_t> used; // instants of existing and new copies (last_evergreen_utc)
    };
    std::vector<PoolPost> pool;
    auto stmt = m_db.prepare("SELECT p.id, p.evergreen_gap_days, p.last_evergreen_utc FROM posts p "
                             "WHERE p.evergreen = 1 AND p.status <> 'cancelled' AND EXISTS (SELECT 1 FROM post_targets "
                             "t WHERE t.post_id = p.id AND t.account_id = ?1) "
                             "ORDER BY COALESCE(p.last_evergreen_utc, 0), p.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, accountId);
    while (true) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        PoolPost p{(*stmt)->int64(0), std::max<std::int64_t>(1, (*stmt)->int64(1)) * 86400, {}};
        if (auto last = (*stmt)->optionalInt64(2))
            p.used.push_back(*last);
        pool.push_back(std::move(p));
    }

    std::vector<std::int64_t> created;
    for (const auto& slot : *free) {
        // Least recently used first; a post is eligible only if every use is at least its gap away.
        PoolPost* pick = nullptr;
        std::int64_t pickLast = 0;
        for (auto& p : pool) {
            const bool clear = std::all_of(p.used.begin(), p.used.end(),
                                           [&](std::int64_t u) { return std::llabs(slot.utc - u) >= p.gapSeconds; });
            if (!clear)
                continue;
            const std::int64_t last = p.used.empty() ? 0 : *std::max_element(p.used.begin(), p.used.end());
            if (!pick || last < pickLast) {
                pick = &p;
                pickLast = last;
            }
        }
        if (!pick)
            continue;
        auto id = publishsql::copyPost(m_db, pick->id, slot, true, accountId, nowUtc);
        if (!id)
            return tl::unexpected(id.error());
        pick->used.push_back(slot.utc);
        const std::int64_t last = *std::max_element(pick->used.begin(), pick->used.end());
        if (auto r = publishsql::run(m_db, "UPDATE posts SET last_evergreen_utc = ?2 WHERE id = ?1", {pick->id, last});
            !r)
            return tl::unexpected(r.error());
        created.push_back(*id);
    }
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return created;
}

Result<int> PostingSlots::refillEvergreenPool(const ZoneConverter& zones, std::int64_t nowUtc, int days)
{
    auto accounts = AccountRepository(m_db).list();
    if (!accounts)
        return tl::unexpected(accounts.error());
    int copies = 0;
    for (const auto& account : *accounts) {
        auto weekly = slotsOf(account.id);
        if (!weekly)
            return tl::unexpected(weekly.error());
        if (weekly->empty())
            continue; // without slots there is no free slot to fill
        auto made = fillWithEvergreen(account.id, nowUtc, nowUtc + std::int64_t(days) * 86400, zones, nowUtc);
        if (!made)
            return tl::unexpected(made.error());
        copies += static_cast<int>(made->size());
    }
    return copies;
}

} // namespace herald::engine
