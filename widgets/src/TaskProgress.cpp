#include "herald/widgets/TaskProgress.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace herald::ui {

TaskProgress::TaskProgress(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this)),
      m_watcher(new QFutureWatcher<void>(this))
{
    setObjectName(QStringLiteral("taskProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelTaskButton"));
    m_cancel->setText(tr("Cancel"));
    m_bar->setMaximumWidth(160);
    m_bar->setTextVisible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
        m_watcher->cancel();
    });
    connect(m_watcher, &QFutureWatcherBase::progressRangeChanged, m_bar, &QProgressBar::setRange);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, this, &TaskProgress::update);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &TaskProgress::finish);
    hide();
}

void TaskProgress::track(const QString& label, QFuture<void> future)
{
    m_label->setText(label);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    m_lastUpdate.invalidate();
    show();
    m_watcher->setFuture(future);
}

bool TaskProgress::isBusy() const
{
    return isVisible();
}

void TaskProgress::update(int value)
{
    if (m_lastUpdate.isValid() && m_lastUpdate.elapsed() < 100)
        return;
    m_lastUpdate.start();
    m_bar->setValue(value);
}

void TaskProgress::finish()
{
    hide();
}

} // namespace herald::ui
