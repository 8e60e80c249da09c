#pragma once

#include <exception>
#include <utility>

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include "herald/engine/Result.h"

namespace herald::ui {

/// Runs `work` (returning a Result) on the thread pool and hands its result to `done` on the thread
/// of `context`. If `context` is destroyed first, `done` is not called. Exceptions from `work`
/// become an Error, so none escapes into Qt.
template <typename R, typename Work, typename Done>
QFuture<R> runAsync(QObject* context, Work&& work, Done&& done)
{
    auto future = QtConcurrent::run([work = std::forward<Work>(work)]() mutable -> R {
        try {
            return work();
        } catch (const std::exception& e) {
            return herald::fail(herald::ErrorCode::Storage, std::string("unexpected failure: ") + e.what());
        }
    });
    auto* watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().isValid() && watcher->future().resultCount() > 0)
                             done(watcher->result());
                     });
    watcher->setFuture(future);
    return future;
}

} // namespace herald::ui
