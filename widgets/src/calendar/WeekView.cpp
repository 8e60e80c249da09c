#include "calendar/WeekView.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>

namespace herald::ui {

namespace {
constexpr int kRowHeight = 44;
constexpr int kHeader = 24;
constexpr int kGutter = 48; // hour labels
constexpr int kChipHeight = 18;
constexpr int kChipsPerRow = 2;
} // namespace

WeekView::WeekView(QWidget* parent) : PostGridView(parent)
{
    setObjectName(QStringLiteral("weekView"));
    setMinimumSize(600, kHeader + 24 * kRowHeight);
}

void WeekView::setWeek(const QDate& anyDay)
{
    m_start = herald::ui::weekStart(anyDay);
    update();
}

double WeekView::columnWidth() const
{
    return (width() - kGutter) / 7.0;
}

QPoint WeekView::slotPosition(const QDate& day, int hour) const
{
    const int index = int(m_start.daysTo(day));
    return QPoint(kGutter + int(index * columnWidth()), kHeader + hour * kRowHeight);
}

QDateTime WeekView::slotAt(const QPoint& pos) const
{
    const int headerBottom = visibleRegion().isEmpty() ? kHeader : visibleRegion().boundingRect().top() + kHeader;
    if (!m_start.isValid() || !m_days || pos.x() < kGutter || pos.y() < std::max(kHeader, headerBottom) ||
        pos.x() >= width())
        return {};
    const int index = std::clamp(int((pos.x() - kGutter) / columnWidth()), 0, 6);
    const int y = pos.y() - kHeader;
    const int hour = y / kRowHeight;
    if (hour > 23)
        return {};
    const int minute = (y % kRowHeight) < kRowHeight / 2 ? 0 : 30;
    return QDateTime(m_start.addDays(index), QTime(hour, minute), m_days->zone());
}

std::vector<int> WeekView::postsIn(int dayIndex, int hour) const
{
    std::vector<int> out;
    if (!m_days)
        return out;
    for (int i : m_days->on(m_start.addDays(dayIndex)))
        if (m_days->localTimeOf(m_days->entries()[std::size_t(i)]).time().hour() == hour)
            out.push_back(i);
    return out;
}

QRect WeekView::chipRect(int dayIndex, int hour, int index) const
{
    const int x = kGutter + int(dayIndex * columnWidth());
    const int w = int((dayIndex + 1) * columnWidth()) - int(dayIndex * columnWidth());
    return QRect(x + 2, kHeader + hour * kRowHeight + 3 + index * (kChipHeight + 2), w - 4, kChipHeight);
}

std::optional<std::int64_t> WeekView::postAt(const QPoint& pos) const
{
    const QDateTime at = slotAt(pos);
    if (!at.isValid())
        return std::nullopt;
    const int dayIndex = int(m_start.daysTo(at.date()));
    const auto posts = postsIn(dayIndex, at.time().hour());
    const int shown = int(posts.size()) > kChipsPerRow ? kChipsPerRow - 1 : int(posts.size());
    for (int k = 0; k < shown; ++k)
        if (chipRect(dayIndex, at.time().hour(), k).contains(pos))
            return m_days->entries()[std::size_t(posts[std::size_t(k)])].postId;
    return std::nullopt;
}

void WeekView::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_start.isValid())
        return;
    const int firstHour = std::max(0, (event->rect().top() - kHeader) / kRowHeight);
    const int lastHour = std::min(23, (event->rect().bottom() - kHeader) / kRowHeight);
    for (int h = firstHour; h <= lastHour; ++h) {
        const int y = kHeader + h * kRowHeight;
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(0, y, kGutter - 6, kRowHeight), Qt::AlignRight | Qt::AlignTop,
                   QTime(h, 0).toString(QStringLiteral("HH:mm")));
        p.setPen(pal.color(QPalette::Midlight));
        p.drawLine(kGutter, y, width(), y);
        for (int d = 0; d < 7; ++d) {
            const auto posts = postsIn(d, h);
            const int n = int(posts.size());
            const int shown = n > kChipsPerRow ? kChipsPerRow - 1 : n;
            for (int k = 0; k < shown; ++k) {
                const auto& e = m_days->entries()[std::size_t(posts[std::size_t(k)])];
                const QString time = m_days->localTimeOf(e).toString(QStringLiteral("HH:mm"));
                paintChip(p, chipRect(d, h, k), e, time, m_selected && *m_selected == e.postId);
            }
            if (n > shown) {
                p.setPen(pal.color(QPalette::Link));
                p.drawText(chipRect(d, h, shown), Qt::AlignVCenter | Qt::AlignLeft, tr("+%n more", nullptr, n - shown));
            }
        }
    }
    p.setPen(pal.color(QPalette::Mid));
    for (int d = 0; d <= 7; ++d) {
        const int x = kGutter + int(d * columnWidth());
        p.drawLine(x, 0, x, height());
    }
    // The day header is pinned to the visible top so it stays in view while scrolling.
    const int top = visibleRegion().boundingRect().top();
    p.fillRect(QRect(0, top, width(), kHeader), pal.color(QPalette::Window));
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        const QDate day = m_start.addDays(d);
        const QRect head(kGutter + int(d * columnWidth()), top, int(columnWidth()), kHeader);
        if (day == m_today) {
            p.fillRect(head, pal.color(QPalette::Highlight));
            p.setPen(pal.color(QPalette::HighlightedText));
        } else {
            p.setPen(pal.color(QPalette::Text));
        }
        p.drawText(head, Qt::AlignCenter, locale.toString(day, QStringLiteral("ddd d MMM")));
    }
}

void WeekView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (const auto post = postAt(pos)) {
        emit postActivated(*post);
        return;
    }
    const QDateTime at = slotAt(pos);
    if (at.isValid())
        emit emptySlotActivated(at);
}

bool WeekView::acceptsDropAt(const QPoint& pos) const
{
    return slotAt(pos).isValid();
}

void WeekView::postDroppedAt(std::int64_t postId, const QPoint& pos)
{
    emit postDropped(postId, slotAt(pos));
}

} // namespace herald::ui
