#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QDateTime>
#include <QWidget>

#include "calendar/PostGridView.h"

namespace herald::ui {

/// A painted 6x7 month grid: each day cell lists its posts as chips, "+N more" when they do not fit.
/// No widget per post. Posts are dragged between days; the panel does the rescheduling.
class MonthView final : public PostGridView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonthView)

public:
    explicit MonthView(QWidget* parent = nullptr);

    void setMonth(const QDate& month);
    QDate month() const { return m_month; }
    /// The day under `pos` (widget coordinates), or an invalid date.
    QDate dayAt(const QPoint& pos) const;
    /// The post whose chip is under `pos`, or nullopt.
    std::optional<std::int64_t> postAt(const QPoint& pos) const override;
    /// The rectangle of a day's cell.
    QRect cellRect(const QDate& day) const;
    /// How many chips a cell shows before "+N more" (depends on the widget's height).
    int chipsPerCell() const;

signals:
    void postDropped(std::int64_t postId, const QDate& day);
    void emptyDayActivated(const QDate& day);
    void moreActivated(const QDate& day);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool acceptsDropAt(const QPoint& pos) const override;
    void postDroppedAt(std::int64_t postId, const QPoint& pos) override;

private:
    int headerHeight() const;
    QRect chipRect(const QDate& day, int index) const;
    bool isMoreAt(const QPoint& pos, QDate* day) const;

    QDate m_month;
};

} // namespace herald::ui
