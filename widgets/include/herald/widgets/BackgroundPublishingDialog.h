#pragma once

#include <optional>
#include <string>

#include <QDialog>
#include <QString>

#include "herald/engine/Result.h"
#include "herald/engine/store/PublishQueue.h"

class QLabel;
class QLineEdit;
class QProcess;
class QPushButton;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// The systemd user units that run `heraldctl publish-due` every minute.
struct SystemdUnits
{
    QString service; // herald-publish.service
    QString timer;   // herald-publish.timer
};

inline constexpr const char* kPublishServiceName = "herald-publish.service";
inline constexpr const char* kPublishTimerName = "herald-publish.timer";

/// The unit files for `heraldctl` (absolute path) publishing `workspace` (quoted for systemd).
SystemdUnits systemdUnits(const QString& heraldctl, const QString& workspace);
/// The crontab line doing the same every minute (shell-quoted, % escaped for cron).
QString cronLine(const QString& heraldctl, const QString& workspace);
/// Writes both units into `folder` (created when missing); Storage error naming the file otherwise.
Result<void> writeSystemdUnits(const QString& folder, const SystemdUnits& units);
/// ~/.config/systemd/user (XDG_CONFIG_HOME respected).
QString userUnitFolder();
/// heraldctl next to the running executable, else on PATH; empty when not found.
QString heraldctlPath();
/// The latest publisher run of `source` ("cli", "gui"; empty = any) in the workspace. Blocking, one query.
Result<std::optional<engine::PublisherRun>> lastPublisherRun(const std::string& workspacePath,
                                                             const std::string& source);

/// Settings for publishing while Herald is closed: when `heraldctl publish-due` last ran, a button
/// installing the systemd user timer (daemon-reload and enable --now through QProcess, errors shown
/// readably) and the equivalent cron line to copy.
class BackgroundPublishingDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundPublishingDialog)

public:
    BackgroundPublishingDialog(const QString& workspacePath, const engine::Clock& clock, QWidget* parent = nullptr);
    ~BackgroundPublishingDialog() override;

    /// Where the units go (tests: a temporary folder); default userUnitFolder().
    void setUnitFolder(const QString& folder) { m_unitFolder = folder; }
    /// Whether install() runs systemctl after writing the units (tests: false).
    void setRunSystemctl(bool run) { m_runSystemctl = run; }
    /// Writes the units, then reloads systemd and enables the timer; the outcome goes to the status line.
    void install();

signals:
    /// The timer is installed and enabled (or the units written when systemctl is not run).
    void installed();
    void installFailed(const QString& message);

private:
    void refreshLastRun();
    void runSystemctl(const QStringList& arguments, int step);
    void reportFailure(const QString& message);

    QString m_path;
    const engine::Clock& m_clock;
    QString m_unitFolder;
    bool m_runSystemctl = true;
    QLabel* m_lastRun = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_cron = nullptr;
    QPushButton* m_install = nullptr;
    QProcess* m_process = nullptr;
};

} // namespace herald::ui
