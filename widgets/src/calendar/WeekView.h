#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QDateTime>
#include <QWidget>

#include "calendar/CalendarData.h"

namespace herald::ui {

/// A painted week: seven day columns and 24 hour rows; each post sits in the row of its local hour.
/// Drops snap to the half hour.
class WeekView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeekView)

public:
    explicit WeekView(QWidget* parent = nullptr);

    void setWeek(const QDate& anyDay);
    QDate weekStart() const { return m_start; }
    void setDays(std::shared_ptr<const CalendarDays> days);
    void setToday(const QDate& today);
    void setSelectedPost(std::optional<std::int64_t> postId);
    /// The wall time (display zone) of the half-hour slot under `pos`, or an invalid QDateTime.
    QDateTime slotAt(const QPoint& pos) const;
    std::optional<std::int64_t> postAt(const QPoint& pos) const;
    /// The top-left corner of the hour row of `day` at `hour`.
    QPoint slotPosition(const QDate& day, int hour) const;

signals:
    void postSelected(std::int64_t postId);
    void postActivated(std::int64_t postId);
    void postDropped(std::int64_t postId, const QDateTime& localTime);
    void emptySlotActivated(const QDateTime& localTime);
    void postContextMenuRequested(std::int64_t postId, const QPoint& globalPos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    double columnWidth() const;
    QRect chipRect(int dayIndex, int hour, int index) const;
    /// The posts of a day index in the given hour (indices into entries()).
    std::vector<int> postsIn(int dayIndex, int hour) const;

    QDate m_start;
    QDate m_today;
    std::shared_ptr<const CalendarDays> m_days;
    std::optional<std::int64_t> m_selected;
    std::optional<std::int64_t> m_pressedPost;
    QPoint m_pressPos;
};

} // namespace herald::ui
