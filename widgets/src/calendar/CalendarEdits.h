#pragma once

#include <functional>

#include <QObject>
#include <QString>
#include <QThreadPool>

#include "herald/engine/Result.h"

namespace herald::engine {
class Database;
}

namespace herald::ui {

/// Runs the calendar's store edits one after another on a single worker thread, each on its own
/// connection to the workspace, so an undo always runs after the edit it reverts. Results arrive on
/// the UI thread as signals.
class CalendarEdits final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarEdits)

public:
    using Work = std::function<Result<void>(engine::Database&)>;

    explicit CalendarEdits(QObject* parent = nullptr);
    ~CalendarEdits() override;

    void setWorkspacePath(const QString& path) { m_path = path; }
    /// Queues `work`; `editApplied` or `editFailed` follows on the UI thread.
    void run(Work work);
    /// Edits queued and not finished yet.
    int pending() const { return m_pending; }
    /// Blocks until every queued edit has run (tests and shutdown only).
    void waitForDone() { m_pool.waitForDone(); }

signals:
    void editApplied();
    void editFailed(const herald::Error& error);

private:
    QThreadPool m_pool;
    QString m_path;
    int m_pending = 0;
};

} // namespace herald::ui
