#include "calendar/MonthView.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>

namespace herald::ui {

namespace {
constexpr int kChipHeight = 18;
constexpr int kDayLabelHeight = 20;
} // namespace

MonthView::MonthView(QWidget* parent) : PostGridView(parent)
{
    setObjectName(QStringLiteral("monthView"));
    setMinimumSize(560, 420);
}

void MonthView::setMonth(const QDate& month)
{
    m_month = QDate(month.year(), month.month(), 1);
    update();
}

int MonthView::headerHeight() const
{
    return fontMetrics().height() + 8;
}

QRect MonthView::cellRect(const QDate& day) const
{
    const int index = int(monthGridStart(m_month).daysTo(day));
    if (index < 0 || index >= 42)
        return {};
    const double w = width() / 7.0;
    const double h = (height() - headerHeight()) / 6.0;
    const int col = index % 7, row = index / 7;
    return QRect(int(col * w), headerHeight() + int(row * h), int((col + 1) * w) - int(col * w),
                 int(headerHeight() + (row + 1) * h) - int(headerHeight() + row * h));
}

int MonthView::chipsPerCell() const
{
    const int h = (height() - headerHeight()) / 6 - kDayLabelHeight - 2;
    return std::max(1, h / (kChipHeight + 2));
}

QDate MonthView::dayAt(const QPoint& pos) const
{
    if (!m_month.isValid() || pos.y() < headerHeight() || pos.x() < 0 || pos.x() >= width() || pos.y() >= height())
        return {};
    const int col = std::clamp(int(pos.x() / (width() / 7.0)), 0, 6);
    const int row = std::clamp(int((pos.y() - headerHeight()) / ((height() - headerHeight()) / 6.0)), 0, 5);
    return monthGridStart(m_month).addDays(row * 7 + col);
}

QRect MonthView::chipRect(const QDate& day, int index) const
{
    const QRect cell = cellRect(day);
    return QRect(cell.left() + 3, cell.top() + kDayLabelHeight + index * (kChipHeight + 2), cell.width() - 6,
                 kChipHeight);
}

std::optional<std::int64_t> MonthView::postAt(const QPoint& pos) const
{
    const QDate day = dayAt(pos);
    if (!day.isValid() || !m_days)
        return std::nullopt;
    const auto& posts = m_days->on(day);
    const int max = chipsPerCell();
    const int shown = int(posts.size()) > max ? max - 1 : int(posts.size());
    for (int i = 0; i < shown; ++i)
        if (chipRect(day, i).contains(pos))
            return m_days->entries()[std::size_t(posts[std::size_t(i)])].postId;
    return std::nullopt;
}

bool MonthView::isMoreAt(const QPoint& pos, QDate* day) const
{
    *day = dayAt(pos);
    if (!day->isValid() || !m_days)
        return false;
    const int max = chipsPerCell();
    return int(m_days->on(*day).size()) > max && chipRect(*day, max - 1).contains(pos);
}

void MonthView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_month.isValid())
        return;
    const QLocale locale;
    const double w = width() / 7.0;
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int d = 0; d < 7; ++d)
        p.drawText(QRect(int(d * w), 0, int(w), headerHeight()), Qt::AlignCenter,
                   locale.dayName(d + 1, QLocale::ShortFormat));
    const QDate start = monthGridStart(m_month);
    const int max = chipsPerCell();
    for (int i = 0; i < 42; ++i) {
        const QDate day = start.addDays(i);
        const QRect cell = cellRect(day);
        const bool inMonth = day.month() == m_month.month();
        p.fillRect(cell, inMonth ? pal.color(QPalette::Base) : pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Mid));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell.adjusted(0, 0, -1, -1));
        const QRect label(cell.left() + 4, cell.top() + 2, 24, kDayLabelHeight - 4);
        if (day == m_today) {
            p.setPen(Qt::NoPen);
            p.setBrush(pal.color(QPalette::Highlight));
            p.drawRoundedRect(label, 7, 7);
            p.setPen(pal.color(QPalette::HighlightedText));
        } else {
            p.setPen(inMonth ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
        }
        p.drawText(label, Qt::AlignCenter, QString::number(day.day()));
        if (!m_days)
            continue;
        const auto& posts = m_days->on(day);
        const int n = int(posts.size());
        const int shown = n > max ? max - 1 : n;
        for (int k = 0; k < shown; ++k) {
            const auto& e = m_days->entries()[std::size_t(posts[std::size_t(k)])];
            const QString time = m_days->localTimeOf(e).toString(QStringLiteral("HH:mm"));
            paintChip(p, chipRect(day, k), e, time, m_selected && *m_selected == e.postId);
        }
        if (n > shown) {
            p.setPen(pal.color(QPalette::Link));
            p.drawText(chipRect(day, shown), Qt::AlignVCenter | Qt::AlignLeft, tr("+%n more", nullptr, n - shown));
        }
    }
}

void MonthView::mousePressEvent(QMouseEvent* event)
{
    QDate day;
    if (event->button() == Qt::LeftButton && isMoreAt(event->position().toPoint(), &day)) {
        emit moreActivated(day);
        return;
    }
    PostGridView::mousePressEvent(event);
}

void MonthView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (const auto post = postAt(pos)) {
        emit postActivated(*post);
        return;
    }
    const QDate day = dayAt(pos);
    if (day.isValid())
        emit emptyDayActivated(day);
}

bool MonthView::acceptsDropAt(const QPoint& pos) const
{
    return dayAt(pos).isValid();
}

void MonthView::postDroppedAt(std::int64_t postId, const QPoint& pos)
{
    emit postDropped(postId, dayAt(pos));
}

} // namespace herald::ui
