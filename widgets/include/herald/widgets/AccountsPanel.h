#pragma once

#include <QWidget>

#include "herald/widgets/WorkspaceSnapshot.h"

class QLabel;
class QStackedWidget;
class QTableView;

namespace herald::ui {

class AccountListModel;

/// The workspace's accounts and their state.
class AccountsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPanel)

public:
    explicit AccountsPanel(QWidget* parent = nullptr);
    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();

private:
    AccountListModel* m_model;
    QTableView* m_table;
    QLabel* m_empty;
    QStackedWidget* m_stack;
};

} // namespace herald::ui
