#pragma once

#include <memory>
#include <stop_token>

#include <QWidget>

#include "herald/widgets/AccountSecrets.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

class AccountStatusModel;
class TaskProgress;

/// The workspace's accounts with their status (connected, needs reconnecting, rate limited, last sync,
/// last error): add one, sync now, remove. Network and store work runs on worker threads.
class AccountsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPanel)

public:
    explicit AccountsPanel(QWidget* parent = nullptr);
    ~AccountsPanel() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// Where secrets are kept (the app's keychain); without it accounts can be listed, not added or synced.
    void setSecrets(AccountSecrets secrets);
    /// The status-bar progress that shows a running sync with its Cancel button.
    void setTaskProgress(TaskProgress* progress);
    /// The clock for "rate limited until" and stored times (default: the system clock; must outlive the panel).
    void setClock(const engine::Clock& clock);

    /// Syncs every connected account in the background (the Sync now button).
    void syncNow();
    bool isSyncing() const { return m_syncing; }
    /// Opens the Add Account dialog (window-modal, not blocking).
    void addAccount();
    /// Asks for confirmation, then removes the selected account and its secret.
    void removeSelectedAccount();

signals:
    /// Accounts or synced data changed: the other panels should reload the workspace.
    void workspaceChanged();
    void syncFinished(bool ok);

private:
    void reload();
    void updateButtons();
    void showMessage(const QString& text, bool error = false);
    void removeAccount(qint64 id);

    AccountStatusModel* m_model;
    QTableView* m_table;
    QLabel* m_empty;
    QStackedWidget* m_stack;
    QLabel* m_message;
    QLabel* m_secretWarning;
    QPushButton* m_addButton;
    QPushButton* m_syncButton;
    QPushButton* m_removeButton;
    TaskProgress* m_progress = nullptr;
    AccountSecrets m_secrets;
    std::unique_ptr<engine::Clock> m_systemClock;
    const engine::Clock* m_clock;
    QString m_path;
    bool m_syncing = false;
    int m_generation = 0; // drops the answers of superseded reloads
};

} // namespace herald::ui
