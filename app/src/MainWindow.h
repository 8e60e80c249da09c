#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>

#include "herald/widgets/WorkspaceSnapshot.h"

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;

namespace herald::engine {
class Clock;
}
namespace herald::ui {
class AccountsPanel;
class AdsPanel;
class AudiencePanel;
class CalendarPanel;
class DashboardPanel;
class TaskProgress;
class ReportsPanel;
class TrendsPanel;
class PublishingService;
}

namespace herald::app {

class AppSettings;
class SecretStore;

/// Wires the panels together: navigation, menus, the open workspace and the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Panel { Dashboard, Calendar, Audience, Trends, Ads, Inbox, Reports, Accounts, PanelCount };

    MainWindow(AppSettings& settings, const engine::Clock& clock, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens `path` in the background; emits workspaceOpened or workspaceFailed.
    void openWorkspace(const QString& path);
    void showPanel(Panel panel);
    Panel currentPanel() const;
    const ui::WorkspaceSnapshot* workspace() const;

signals:
    void workspaceOpened(const QString& path);
    void workspaceFailed(const QString& path, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildPanels();
    void rebuildRecentMenu();
    void newWorkspace();
    void chooseWorkspace();
    void openDemoWorkspace();
    void backUpWorkspace();
    void showAbout();
    void setLanguage(const QString& language);
    void applyWorkspace(const ui::WorkspaceSnapshot& snapshot);
    void showError(const QString& title, const herald::Error& error);
    void updateTitle();
    void startPublishing(const ui::WorkspaceSnapshot& snapshot);
    void notifyPostProblem(const QString& title, const QString& message, qint64 postId);
    void openPostProblem(qint64 postId);
    void openComposer(std::optional<std::int64_t> postId, const QDateTime& at = {});
    void showBackgroundPublishing();
    void refreshPublisherStatus();

    AppSettings& m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    const engine::Clock& m_clock;
    std::unique_ptr<ui::WorkspaceSnapshot> m_workspace;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    ui::DashboardPanel* m_dashboard = nullptr;
    ui::TrendsPanel* m_trends = nullptr;
    ui::AudiencePanel* m_audience = nullptr;
    ui::AdsPanel* m_ads = nullptr;
    ui::CalendarPanel* m_calendar = nullptr;
    ui::ReportsPanel* m_reports = nullptr;
    ui::AccountsPanel* m_accounts = nullptr;
    ui::TaskProgress* m_progress = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    std::unique_ptr<ui::PublishingService> m_publishing;
    QSystemTrayIcon* m_tray = nullptr;
    QLabel* m_publisherLabel = nullptr;
    QStringList m_interestHashtags; // from the Audience panel's interest rules
    qint64 m_notifiedPost = 0; // the post the last tray notification was about
    QAction* m_backupAction = nullptr;
    QAction* m_importCsvAction = nullptr;
};

} // namespace herald::app
