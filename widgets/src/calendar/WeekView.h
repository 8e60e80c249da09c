#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QDateTime>
#include <QWidget>

#include "calendar/PostGridView.h"

namespace herald::ui {

/// A painted week: seven day columns and 24 hour rows; each post sits in the row of its local hour.
/// Drops snap to the half hour.
class WeekView final : public PostGridView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeekView)

public:
    explicit WeekView(QWidget* parent = nullptr);

    void setWeek(const QDate& anyDay);
    QDate weekStart() const { return m_start; }
    /// The wall time (display zone) of the half-hour slot under `pos`, or an invalid QDateTime.
    QDateTime slotAt(const QPoint& pos) const;
    std::optional<std::int64_t> postAt(const QPoint& pos) const override;
    /// The top-left corner of the hour row of `day` at `hour`.
    QPoint slotPosition(const QDate& day, int hour) const;

signals:
    void postDropped(std::int64_t postId, const QDateTime& localTime);
    void emptySlotActivated(const QDateTime& localTime);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool acceptsDropAt(const QPoint& pos) const override;
    void postDroppedAt(std::int64_t postId, const QPoint& pos) override;

private:
    double columnWidth() const;
    QRect chipRect(int dayIndex, int hour, int index) const;
    /// The posts of a day index in the given hour (indices into entries()).
    std::vector<int> postsIn(int dayIndex, int hour) const;

    QDate m_start;
};

} // namespace herald::ui
