#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/sync/Publisher.h"

class QThread;
class QTimer;

namespace herald::engine {
class Clock;
}

namespace herald::connectors {
class Sleeper;
}

namespace herald::ui {

struct PublishingOptions
{
    std::chrono::milliseconds interval{30'000}; // between two runs while the app is open
    /// The account's credentials (the app's secret store); called on the worker thread.
    connectors::CredentialsSource credentials;
    /// Refreshed tokens to store (worker thread); may be empty.
    std::function<void(const engine::Account&, const connectors::Credentials&)> credentialsChanged;
    connectors::HttpClientOptions http = defaultHttp();
    int maxAttempts = 5;
    connectors::Sleeper* sleeper = nullptr; // nullptr: a ThreadSleeper (tests pass a fake)

    static connectors::HttpClientOptions defaultHttp()
    {
        connectors::HttpClientOptions o;
        o.maxAttempts = 2; // one quick retry for a blip; the Publisher schedules the real retries
        return o;
    }
};

/// Publishes due posts of the open workspace while the app runs: every `interval` (and on runNow())
/// a worker thread with its own connection runs the pre-flight checks (targets planned in the next
/// hour when they enter it, and again in their last 90 seconds) and Publisher::publishDue(), then
/// reports each outcome through the signals below (delivered on this object's thread). Runs never
/// overlap: a request during a run starts another run right after it. Destroying the service stops
/// between targets and waits for the worker.
class PublishingService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishingService)

public:
    /// `clock` must outlive the service; it is read from the worker thread.
    PublishingService(const QString& workspacePath, const engine::Clock& clock, PublishingOptions options,
                      QObject* parent = nullptr);
    ~PublishingService() override;

    /// Starts the periodic runs, the first one at once.
    void start();
    /// Stops the periodic runs (a run under way finishes).
    void stop();
    /// Asks for a run now (after the current one when one is under way).
    void runNow();
    bool isRunning() const { return m_running; }
    QString workspacePath() const { return m_path; }

signals:
    void published(qint64 postId, qint64 targetId, const QString& permalink);
    /// A target failed for good, with the platform's message.
    void targetFailed(qint64 postId, qint64 targetId, const QString& message);
    /// A pre-flight check found a problem ahead of the planned time (reported once per new problem).
    void preflightProblem(qint64 postId, qint64 targetId, const QString& message);
    /// The run could not happen at all (workspace unreadable, ...): technical detail.
    void runFailed(const QString& detail);
    void runFinished();

private:
    class Worker;
    void onWorkerFinished();

    QString m_path;
    QTimer* m_timer = nullptr;
    QThread* m_thread = nullptr;
    Worker* m_worker = nullptr;
    bool m_running = false;
    bool m_pending = false;
};

} // namespace herald::ui
