#include "calendar/CalendarEdits.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "herald/engine/store/Database.h"

namespace herald::ui {

CalendarEdits::CalendarEdits(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

CalendarEdits::~CalendarEdits()
{
    m_pool.waitForDone();
}

void CalendarEdits::run(Work work)
{
    ++m_pending;
    auto future = QtConcurrent::run(&m_pool, [path = m_path.toStdString(), work = std::move(work)]() -> Result<void> {
        try {
            auto db = engine::Database::open(path);
            if (!db)
                return tl::unexpected(db.error());
            return work(*db);
        } catch (const std::exception& e) {
            return fail(ErrorCode::Storage, std::string("unexpected failure: ") + e.what());
        }
    });
    auto* watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        --m_pending;
        const Result<void> r = watcher->result();
        if (r)
            emit editApplied();
        else
            emit editFailed(r.error());
    });
    watcher->setFuture(future);
}

} // namespace herald::ui
