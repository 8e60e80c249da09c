#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/store/PostEditor.h"

namespace herald::engine {

class Database;
struct ZoneConverter;

/// A weekly posting time of an account, in the account's own time zone.
struct PostingSlot
{
    int weekday = 1;     // 1 = Monday ... 7 = Sunday
    int minuteOfDay = 0; // 0..1439, wall time
};

/// A free queue slot: the account's wall time, its zone and the instant.
using SlotTime = Schedule;

/// Posting slots per account, "Add to queue" and the evergreen pool.
class PostingSlots
{
public:
    explicit PostingSlots(Database& db) : m_db(db) {}

    /// The account's slots, ordered by weekday then minute.
    Result<std::vector<PostingSlot>> slotsOf(std::int64_t accountId);
    /// Replaces the account's slots (one transaction). Invalid for an out-of-range weekday or minute.
    Result<void> setSlots(std::int64_t accountId, const std::vector<PostingSlot>& weekly);
    /// The first slot of the first account strictly after `afterUtc` (within `horizonDays`) at which
    /// none of `accountIds` has a scheduled or publishing post. Slots are wall times in that account's
    /// zone (DST-correct through `zones`); nullopt when the account has no slot or all are taken.
    Result<std::optional<SlotTime>> nextFreeSlot(const std::vector<std::int64_t>& accountIds, std::int64_t afterUtc,
                                                 const ZoneConverter& zones, int horizonDays = 90);
    /// Every free slot of `accountId` in (fromUtc, toUtc], in order (the queue view's empty slots).
    Result<std::vector<SlotTime>> freeSlots(std::int64_t accountId, std::int64_t fromUtc, std::int64_t toUtc,
                                            const ZoneConverter& zones);
    /// Fills the free slots of `accountId` in (fromUtc, toUtc] with scheduled copies of the account's
    /// evergreen posts (least recently used first), never placing two copies of one post closer than
    /// its evergreen_gap_days. Returns the new posts' ids (one transaction).
    Result<std::vector<std::int64_t>> fillWithEvergreen(std::int64_t accountId, std::int64_t fromUtc,
                                                        std::int64_t toUtc, const ZoneConverter& zones,
                                                        std::int64_t nowUtc);
    /// fillWithEvergreen for every account that has posting slots, over the `days` after nowUtc: what
    /// the publisher runs before each pass. Returns the number of copies made.
    Result<int> refillEvergreenPool(const ZoneConverter& zones, std::int64_t nowUtc, int days = 7);

private:
    Result<std::vector<SlotTime>> candidates(std::int64_t accountId, std::int64_t afterUtc, std::int64_t toUtc,
                                             const ZoneConverter& zones, int horizonDays);
    Result<bool> isTaken(const std::vector<std::int64_t>& accountIds, std::int64_t utc);
    Database& m_db;
};

} // namespace herald::engine
