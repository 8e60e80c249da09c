#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Platform.h"
#include "herald/engine/model/Post.h"

namespace herald::engine {

class Database;

/// Which posts the calendar shows; an empty list means "any".
struct CalendarFilter
{
    std::vector<std::int64_t> accountIds; // posts with a target on one of these accounts
    std::vector<std::int64_t> campaignIds;
    std::vector<PostStatus> statuses; // the post's own status
    std::vector<std::string> tags;    // posts carrying one of these tags (case-insensitive)
};

/// One target of a calendar entry: enough to draw a network icon and a status badge.
struct CalendarTarget
{
    std::int64_t targetId = 0;
    std::int64_t accountId = 0;
    Platform platform = Platform::Mastodon;
    std::string accountHandle;
    PostStatus status = PostStatus::Draft;
    std::string permalink;
    std::string lastError;
    std::string preflightError;
};

/// A post as the calendar draws it: a value snapshot, no live references.
struct CalendarEntry
{
    std::int64_t postId = 0;
    std::string title;
    std::string body;
    PostStatus status = PostStatus::Draft;
    std::string localTime; // YYYY-MM-DDTHH:MM in timeZone, as the user chose it
    std::string timeZone;
    std::optional<std::int64_t> scheduledUtc;
    std::optional<std::int64_t> parentPostId;
    std::optional<std::int64_t> campaignId;
    std::string campaignName;
    std::string campaignColour; // "#rrggbb"; empty without a campaign
    bool evergreen = false;
    int repeatEvery = 0;                 // 0 = not recurring
    std::string repeatUnit;              // "day" or "week"
    std::vector<CalendarTarget> targets; // ordered by target id
    std::vector<std::string> tags;       // sorted by name
};

/// Read-only calendar queries: each is a single indexed SQL statement (no per-post queries), safe
/// to run on a worker thread's own connection.
class CalendarQuery
{
public:
    explicit CalendarQuery(Database& db) : m_db(db) {}

    /// Posts scheduled in [fromUtc, toUtc) matching `filter`, ordered by instant then id.
    Result<std::vector<CalendarEntry>> between(std::int64_t fromUtc, std::int64_t toUtc,
                                               const CalendarFilter& filter = {});
    /// Posts without a scheduled instant (unscheduled drafts), newest first, at most `limit`.
    Result<std::vector<CalendarEntry>> unscheduled(const CalendarFilter& filter = {}, int limit = 1000);
    /// One post as the calendar draws it, or nullopt.
    Result<std::optional<CalendarEntry>> entry(std::int64_t postId);

private:
    Database& m_db;
};

} // namespace herald::engine
