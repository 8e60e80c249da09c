#include "herald/widgets/PublishingService.h"

#include <map>
#include <optional>
#include <set>
#include <stop_token>

#include <QThread>
#include <QTimer>

#include "herald/connectors/http/Sleeper.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::ui {

namespace {
constexpr std::int64_t kHourAhead = 3600;
constexpr std::int64_t kMinuteAhead = 90; // covers "a minute before" with runs 30 s apart
} // namespace

/// Lives on the service's thread; owns the connection, the HTTP client and the Publisher.
class PublishingService::Worker final : public QObject
{
    Q_OBJECT

public:
    Worker(std::string path, const engine::Clock& clock, PublishingOptions options)
        : m_path(std::move(path)), m_clock(clock), m_options(std::move(options))
    {
    }

    std::stop_source stopSource;

    void run()
    {
        QString failure;
        if (auto ready = prepare(); !ready)
            failure = QString::fromStdString(ready.error().detail);
        else
            failure = publish();
        if (!failure.isEmpty())
            emit runFailed(failure);
        emit finished();
    }

signals:
    void published(qint64 postId, qint64 targetId, const QString& permalink);
    void targetFailed(qint64 postId, qint64 targetId, const QString& message);
    void preflightProblem(qint64 postId, qint64 targetId, const QString& message);
    void runFailed(const QString& detail);
    void finished();

private:
    Result<void> prepare()
    {
        if (m_publisher)
            return {};
        auto db = engine::Database::open(m_path);
        if (!db)
            return tl::unexpected(db.error());
        m_db = std::make_unique<engine::Database>(std::move(*db));
        connectors::Sleeper* sleeper = m_options.sleeper;
        if (!sleeper) {
            m_ownSleeper = std::make_unique<connectors::ThreadSleeper>();
            sleeper = m_ownSleeper.get();
        }
        m_http = std::make_unique<connectors::HttpClient>(m_options.http, *sleeper, m_clock);
        connectors::CredentialsSource credentials = m_options.credentials;
        if (!credentials)
            credentials = [](const engine::Account& a) -> Result<connectors::Credentials> {
                return fail(ErrorCode::AuthExpired, "no credential store for account " + a.handle);
            };
        connectors::PublisherOptions options;
        options.maxAttempts = m_options.maxAttempts;
        options.mediaFolder = connectors::mediaFolderFor(m_path);
        options.source = "gui";
        m_publisher = std::make_unique<connectors::Publisher>(
            *m_db, connectors::connectorSource(*m_http, credentials, m_options.credentialsChanged), m_clock, *sleeper,
            options);
        return {};
    }

    QString publish()
    {
        const std::int64_t now = m_clock.nowUtc();
        if (auto refilled = refillEvergreen(now); !refilled)
            return QString::fromStdString(refilled.error().detail);
        if (auto checked = preflight(now); !checked)
            return QString::fromStdString(checked.error().detail);
        auto report = m_publisher->publishDue(stopSource.get_token());
        if (!report)
            return QString::fromStdString(report.error().detail);
        for (const auto& o : report->outcomes) {
            if (o.status == engine::PostStatus::Published)
                emit published(o.postId, o.targetId, QString::fromStdString(o.permalink));
            else if (o.status == engine::PostStatus::Failed)
                emit targetFailed(o.postId, o.targetId, QString::fromStdString(o.error));
        }
        return {};
    }

    // Free posting slots of the next 7 days get copies from the evergreen pool (accounts with slots only).
    Result<void> refillEvergreen(std::int64_t now)
    {
        const QtZoneConverter zones;
        auto made = engine::PostingSlots(*m_db).refillEvergreenPool(zones, now);
        if (!made)
            return tl::unexpected(made.error());
        return {};
    }

    // Checks each target once when it enters the next hour and once more in its last 90 seconds.
    Result<void> preflight(std::int64_t now)
    {
        auto upcoming = engine::PublishQueue(*m_db).upcoming(now, now + kHourAhead);
        if (!upcoming)
            return tl::unexpected(upcoming.error());
        bool hourPass = false;
        bool minutePass = false;
        for (const auto& t : *upcoming) {
            if (t.scheduledUtc - now <= kMinuteAhead)
                minutePass = minutePass || !m_minuteChecked.count(t.targetId);
            else
                hourPass = hourPass || !m_hourChecked.count(t.targetId);
        }
        if (!hourPass && !minutePass)
            return {};
        auto issues = m_publisher->preflight(now, hourPass ? now + kHourAhead : now + kMinuteAhead);
        if (!issues)
            return tl::unexpected(issues.error());
        for (const auto& t : *upcoming) {
            if (t.scheduledUtc - now <= kMinuteAhead)
                m_minuteChecked.insert(t.targetId);
            m_hourChecked.insert(t.targetId);
        }
        for (const auto& issue : *issues) {
            auto& last = m_reported[issue.targetId];
            if (last == issue.problem)
                continue; // already told the user
            last = issue.problem;
            emit preflightProblem(issue.postId, issue.targetId, QString::fromStdString(issue.problem));
        }
        return {};
    }

    std::string m_path;
    const engine::Clock& m_clock;
    PublishingOptions m_options;
    std::unique_ptr<engine::Database> m_db;
    std::unique_ptr<connectors::Sleeper> m_ownSleeper;
    std::unique_ptr<connectors::HttpClient> m_http;
    std::unique_ptr<connectors::Publisher> m_publisher;
    std::set<std::int64_t> m_hourChecked;
    std::set<std::int64_t> m_minuteChecked;
    std::map<std::int64_t, std::string> m_reported;
};

PublishingService::PublishingService(const QString& workspacePath, const engine::Clock& clock,
                                     PublishingOptions options, QObject* parent)
    : QObject(parent), m_path(workspacePath)
{
    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("publishTimer"));
    m_timer->setInterval(options.interval);
    connect(m_timer, &QTimer::timeout, this, &PublishingService::runNow);

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("HeraldPublisher"));
    m_worker = new Worker(workspacePath.toStdString(), clock, std::move(options));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::published, this, &PublishingService::published);
    connect(m_worker, &Worker::targetFailed, this, &PublishingService::targetFailed);
    connect(m_worker, &Worker::preflightProblem, this, &PublishingService::preflightProblem);
    connect(m_worker, &Worker::runFailed, this, &PublishingService::runFailed);
    connect(m_worker, &Worker::finished, this, &PublishingService::onWorkerFinished);
    m_thread->start();
}

PublishingService::~PublishingService()
{
    m_timer->stop();
    m_worker->stopSource.request_stop();
    m_thread->quit();
    m_thread->wait();
}

void PublishingService::start()
{
    m_timer->start();
    runNow();
}

void PublishingService::stop()
{
    m_timer->stop();
}

void PublishingService::runNow()
{
    if (m_running) {
        m_pending = true;
        return;
    }
    m_running = true;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->run(); }, Qt::QueuedConnection);
}

void PublishingService::onWorkerFinished()
{
    m_running = false;
    emit runFinished();
    if (m_pending) {
        m_pending = false;
        runNow();
    }
}

} // namespace herald::ui

#include "PublishingService.moc"
