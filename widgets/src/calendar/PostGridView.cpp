#include "calendar/PostGridView.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>

namespace herald::ui {

PostGridView::PostGridView(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
}

void PostGridView::setDays(std::shared_ptr<const CalendarDays> days)
{
    m_days = std::move(days);
    update();
}

void PostGridView::setToday(const QDate& today)
{
    m_today = today;
    update();
}

void PostGridView::setSelectedPost(std::optional<std::int64_t> postId)
{
    m_selected = postId;
    update();
}

void PostGridView::select(std::int64_t postId)
{
    m_selected = postId;
    update();
    emit postSelected(postId);
}

void PostGridView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->position().toPoint();
    m_pressedPost = postAt(m_pressPos);
    if (event->button() == Qt::LeftButton && m_pressedPost)
        select(*m_pressedPost);
}

void PostGridView::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton) || !m_pressedPost ||
        (event->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kPostMimeType), QByteArray::number(qlonglong(*m_pressedPost)));
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    m_pressedPost.reset();
    drag->exec(Qt::MoveAction);
}

void PostGridView::contextMenuEvent(QContextMenuEvent* event)
{
    if (const auto post = postAt(event->pos())) {
        select(*post);
        emit postContextMenuRequested(*post, event->globalPos());
    }
}

void PostGridView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kPostMimeType)))
        event->acceptProposedAction();
}

void PostGridView::dragMoveEvent(QDragMoveEvent* event)
{
    if (acceptsDropAt(event->position().toPoint()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void PostGridView::dropEvent(QDropEvent* event)
{
    const QPoint pos = event->position().toPoint();
    bool ok = false;
    const qlonglong id = event->mimeData()->data(QString::fromLatin1(kPostMimeType)).toLongLong(&ok);
    if (!ok || !acceptsDropAt(pos))
        return;
    event->acceptProposedAction();
    postDroppedAt(id, pos);
}

} // namespace herald::ui
