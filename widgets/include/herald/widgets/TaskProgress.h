#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class QFutureWatcherBase;

namespace herald::ui {

/// Status-bar progress for one long job at a time: a label, a bar and a Cancel button.
/// Updates are throttled to ten a second.
class TaskProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskProgress)

public:
    explicit TaskProgress(QWidget* parent = nullptr);

    /// Shows `label` while `future` runs; Cancel calls future.cancel(). The future reports
    /// progress in the range set by QPromise::setProgressRange.
    void track(const QString& label, QFuture<void> future);
    bool isBusy() const;

private:
    void update(int value);
    void finish();

    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    QFutureWatcher<void>* m_watcher;
    QElapsedTimer m_lastUpdate;
};

} // namespace herald::ui
