#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include "herald/engine/model/Platform.h"
#include "herald/engine/model/Post.h"
#include "herald/engine/store/CalendarQuery.h"

namespace herald::ui {

/// An empty posting slot of one account, as the queue view lists it.
struct FreeSlot
{
    std::int64_t accountId = 0;
    std::string accountHandle;
    std::string localTime; // in the account's zone
    std::string timeZone;
    std::int64_t utc = 0;
};

/// Posts of a date range grouped by their day in the display zone. A value snapshot, built on a
/// worker or the UI thread; the month and week views draw from it.
class CalendarDays
{
public:
    CalendarDays() = default;
    CalendarDays(std::vector<engine::CalendarEntry> entries, const QTimeZone& zone);

    const std::vector<engine::CalendarEntry>& entries() const { return m_entries; }
    const QTimeZone& zone() const { return m_zone; }
    /// Indices into entries() of the posts on `day` (display zone), in time order.
    const std::vector<int>& on(const QDate& day) const;
    /// The post's local day and time in the display zone (invalid for an unscheduled draft).
    QDateTime localTimeOf(const engine::CalendarEntry& entry) const;
    /// The entry with `postId`, or null.
    const engine::CalendarEntry* find(std::int64_t postId) const;

private:
    std::vector<engine::CalendarEntry> m_entries;
    QTimeZone m_zone;
    std::map<QDate, std::vector<int>> m_byDay;
};

/// The first day of the 6-week grid showing `month` (weeks start on Monday).
QDate monthGridStart(const QDate& month);
/// The Monday of the week of `day`.
QDate weekStart(const QDate& day);
/// The UTC instant of the start of `day` in `zone`.
std::int64_t dayStartUtc(const QDate& day, const QTimeZone& zone);

/// Texts and colours shared by the calendar's views.
QString statusText(engine::PostStatus status);
/// A one-character badge for the status, the same in every language.
QString statusSymbol(engine::PostStatus status);
QColor statusColour(engine::PostStatus status);
/// A two- or three-letter network label for chips ("Ma", "Bs", "X", ...): brand abbreviations, not translated.
QString networkShortLabel(engine::Platform platform);
/// The campaign's colour, or a neutral grey without a campaign.
QColor campaignColour(const engine::CalendarEntry& entry);
/// The text a chip or row shows: the title, else the first line of the body; "↳ " before a follow-up.
QString entryCaption(const engine::CalendarEntry& entry);
/// The first published target's permalink, or empty.
QString firstPermalink(const engine::CalendarEntry& entry);

} // namespace herald::ui

class QPainter;
class QRect;

namespace herald::ui {

/// Draws one post as a chip: campaign colour bar, status badge, network labels and the caption.
void paintChip(QPainter& painter, const QRect& rect, const engine::CalendarEntry& entry, const QString& timeText,
               bool selected);

/// The MIME type of a dragged post (its id as decimal text).
inline constexpr char kPostMimeType[] = "application/x-herald-post-id";

} // namespace herald::ui
