#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QWidget>

#include "calendar/CalendarData.h"

namespace herald::ui {

/// What the painted calendar views share: the posts they show, today, the selected post, and the
/// mouse work around them (select on press, drag a post, context menu, accept a dropped post). A
/// view says where posts are and what a drop position means.
class PostGridView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostGridView)

public:
    void setDays(std::shared_ptr<const CalendarDays> days);
    void setToday(const QDate& today);
    void setSelectedPost(std::optional<std::int64_t> postId);
    /// The post whose chip is under `pos` (widget coordinates), or nullopt.
    virtual std::optional<std::int64_t> postAt(const QPoint& pos) const = 0;

signals:
    void postSelected(std::int64_t postId);
    void postActivated(std::int64_t postId);
    void postContextMenuRequested(std::int64_t postId, const QPoint& globalPos);

protected:
    explicit PostGridView(QWidget* parent);

    /// Whether a post dropped at `pos` has somewhere to go.
    virtual bool acceptsDropAt(const QPoint& pos) const = 0;
    /// A post was dropped at `pos` (acceptsDropAt was true).
    virtual void postDroppedAt(std::int64_t postId, const QPoint& pos) = 0;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

    std::shared_ptr<const CalendarDays> m_days;
    QDate m_today;
    std::optional<std::int64_t> m_selected;

private:
    void select(std::int64_t postId);

    std::optional<std::int64_t> m_pressedPost;
    QPoint m_pressPos;
};

} // namespace herald::ui
