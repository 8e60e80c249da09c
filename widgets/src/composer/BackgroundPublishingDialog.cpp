#include "herald/widgets/BackgroundPublishingDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

// systemd's quoting: double quotes with \ and " escaped; % starts a specifier, so it is doubled.
QString systemdQuote(QString s)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    s.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

// POSIX shell single quotes; cron turns a bare % into a newline, so it is escaped.
QString shellQuote(QString s)
{
    s.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    s.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

Result<void> writeFile(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 || !file.commit())
        return fail(ErrorCode::Storage, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

} // namespace

SystemdUnits systemdUnits(const QString& heraldctl, const QString& workspace)
{
    SystemdUnits units;
    units.service = QStringLiteral("[Unit]\n"
                                   "Description=Herald: publish due posts\n"
                                   "\n"
                                   "[Service]\n"
                                   "Type=oneshot\n"
                                   "ExecStart=%1 publish-due --workspace %2\n")
                        .arg(systemdQuote(heraldctl), systemdQuote(workspace));
    units.timer = QStringLiteral("[Unit]\n"
                                 "Description=Herald: publish due posts every minute\n"
                                 "\n"
                                 "[Timer]\n"
                                 "OnCalendar=*-*-* *:*:00\n"
                                 "AccuracySec=5s\n"
                                 "Persistent=true\n"
                                 "Unit=%1\n"
                                 "\n"
                                 "[Install]\n"
                                 "WantedBy=timers.target\n")
                      .arg(QString::fromLatin1(kPublishServiceName));
    return units;
}

QString cronLine(const QString& heraldctl, const QString& workspace)
{
    return QStringLiteral("* * * * * %1 publish-due --workspace %2 >/dev/null 2>&1")
        .arg(shellQuote(heraldctl), shellQuote(workspace));
}

Result<void> writeSystemdUnits(const QString& folder, const SystemdUnits& units)
{
    if (!QDir().mkpath(folder))
        return fail(ErrorCode::Storage, "cannot create the folder " + folder.toStdString());
    const QDir dir(folder);
    if (auto r = writeFile(dir.filePath(QString::fromLatin1(kPublishServiceName)), units.service); !r)
        return r;
    return writeFile(dir.filePath(QString::fromLatin1(kPublishTimerName)), units.timer);
}

QString userUnitFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("systemd/user"));
}

QString heraldctlPath()
{
    const QFileInfo beside(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("heraldctl")));
    if (beside.isExecutable())
        return beside.absoluteFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("heraldctl"));
}

Result<std::optional<engine::PublisherRun>> lastPublisherRun(const std::string& workspacePath,
                                                             const std::string& source)
{
    auto db = engine::Database::open(workspacePath, engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    auto st = db->prepare("SELECT id, source, started_utc, finished_utc, published, failed, detail FROM publisher_runs "
                          "WHERE ?1 = '' OR source = ?1 ORDER BY started_utc DESC, id DESC LIMIT 1");
    if (!st)
        return tl::unexpected(st.error());
    (*st)->bind(1, source);
    auto row = (*st)->step();
    if (!row)
        return tl::unexpected(row.error());
    if (!*row)
        return std::optional<engine::PublisherRun>();
    engine::PublisherRun run;
    run.id = (*st)->int64(0);
    run.source = (*st)->text(1);
    run.startedUtc = (*st)->int64(2);
    run.finishedUtc = (*st)->optionalInt64(3);
    run.published = static_cast<int>((*st)->int64(4));
    run.failed = static_cast<int>((*st)->int64(5));
    run.detail = (*st)->text(6);
    return std::optional<engine::PublisherRun>(run);
}

BackgroundPublishingDialog::BackgroundPublishingDialog(const QString& workspacePath, const engine::Clock& clock,
                                                       QWidget* parent)
    : QDialog(parent), m_path(workspacePath), m_clock(clock), m_unitFolder(userUnitFolder())
{
    setObjectName(QStringLiteral("backgroundPublishingDialog"));
    setWindowTitle(tr("Publishing while Herald is closed"));
    auto* intro = new QLabel(tr("Scheduled posts go out while Herald is open. To publish them when it is closed, "
                                "let the system run “heraldctl publish-due” every minute."),
                             this);
    intro->setWordWrap(true);
    m_lastRun = new QLabel(this);
    m_lastRun->setObjectName(QStringLiteral("lastRunLabel"));
    m_lastRun->setWordWrap(true);
    m_install = new QPushButton(tr("Install the systemd user timer"), this);
    m_install->setObjectName(QStringLiteral("installTimerButton"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("installStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString ctl = heraldctlPath();
    if (ctl.isEmpty()) {
        ctl = QStringLiteral("/usr/bin/heraldctl");
        m_status->setText(tr("heraldctl was not found next to Herald or on PATH; the lines below assume %1.").arg(ctl));
    }
    m_cron = new QLineEdit(cronLine(ctl, workspacePath), this);
    m_cron->setObjectName(QStringLiteral("cronLine"));
    m_cron->setReadOnly(true);
    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyCronButton"));
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_cron->text()); });
    connect(m_install, &QPushButton::clicked, this, &BackgroundPublishingDialog::install);
    auto* cronRow = new QHBoxLayout;
    cronRow->addWidget(m_cron, 1);
    cronRow->addWidget(copy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_lastRun);
    layout->addWidget(m_install);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Or add this line to your crontab (crontab -e):"), this));
    layout->addLayout(cronRow);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(640, 300);
    refreshLastRun();
}

BackgroundPublishingDialog::~BackgroundPublishingDialog()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void BackgroundPublishingDialog::refreshLastRun()
{
    auto run = lastPublisherRun(m_path.toStdString(), "cli");
    if (!run) {
        m_lastRun->setText(errorSummary(run.error()));
        m_lastRun->setToolTip(QString::fromStdString(run.error().detail));
        return;
    }
    if (!*run) {
        m_lastRun->setText(tr("The background publisher has never run for this workspace."));
        return;
    }
    const auto& r = **run;
    const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch(r.startedUtc), QLocale::ShortFormat);
    const qint64 minutes = (m_clock.nowUtc() - r.startedUtc) / 60;
    m_lastRun->setText(tr("The background publisher last ran at %1 (%n minute(s) ago): %2 published, %3 failed.",
                          nullptr, static_cast<int>(minutes))
                           .arg(when)
                           .arg(r.published)
                           .arg(r.failed));
}

void BackgroundPublishingDialog::install()
{
    const QString ctl = heraldctlPath().isEmpty() ? QStringLiteral("/usr/bin/heraldctl") : heraldctlPath();
    if (auto written = writeSystemdUnits(m_unitFolder, systemdUnits(ctl, m_path)); !written) {
        reportFailure(tr("The timer could not be written: %1").arg(QString::fromStdString(written.error().detail)));
        return;
    }
    if (!m_runSystemctl) {
        m_status->setText(tr("The units were written to %1.").arg(m_unitFolder));
        emit installed();
        return;
    }
    m_install->setEnabled(false);
    m_status->setText(tr("Enabling the timer…"));
    runSystemctl({QStringLiteral("--user"), QStringLiteral("daemon-reload")}, 0);
}

void BackgroundPublishingDialog::runSystemctl(const QStringList& arguments, int step)
{
    if (!m_process)
        m_process = new QProcess(this);
    m_process->disconnect(this);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            reportFailure(tr("systemctl could not be started (is this a systemd system?). Use the cron line instead."));
    });
    connect(m_process, &QProcess::finished, this, [this, step](int code, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || code != 0) {
            const QString err = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed();
            reportFailure(tr("systemctl failed (exit code %1): %2").arg(code).arg(err));
            return;
        }
        if (step == 0) {
            runSystemctl({QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"),
                          QString::fromLatin1(kPublishTimerName)},
                         1);
            return;
        }
        m_install->setEnabled(true);
        m_status->setText(tr("The timer is installed: posts are published every minute, even when Herald is closed."));
        emit installed();
    });
    m_process->start(QStringLiteral("systemctl"), arguments);
}

void BackgroundPublishingDialog::reportFailure(const QString& message)
{
    m_install->setEnabled(true);
    m_status->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(message.toHtmlEscaped()));
    emit installFailed(message);
}

} // namespace herald::ui
