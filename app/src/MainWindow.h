#pragma once

#include <QMainWindow>

#include "herald/widgets/WorkspaceSnapshot.h"

class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace herald::engine {
class Clock;
}
namespace herald::ui {
class AccountsPanel;
class DashboardPanel;
class TaskProgress;
class ReportsPanel;
class TrendsPanel;
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

    AppSettings& m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    const engine::Clock& m_clock;
    std::unique_ptr<ui::WorkspaceSnapshot> m_workspace;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    ui::DashboardPanel* m_dashboard = nullptr;
    ui::TrendsPanel* m_trends = nullptr;
    ui::ReportsPanel* m_reports = nullptr;
    ui::AccountsPanel* m_accounts = nullptr;
    ui::TaskProgress* m_progress = nullptr;
    QLabel* m_workspaceLabel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_backupAction = nullptr;
};

} // namespace herald::app
