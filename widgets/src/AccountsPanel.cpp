#include "herald/widgets/AccountsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "models/AccountListModel.h"

namespace herald::ui {

AccountsPanel::AccountsPanel(QWidget* parent)
    : QWidget(parent), m_model(new AccountListModel(this)), m_table(new QTableView(this)), m_empty(new QLabel(this)),
      m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("accountsPanel"));
    auto* title = new QLabel(tr("Accounts"), this);
    auto font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);

    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    m_empty->setObjectName(QStringLiteral("accountsEmptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6873; padding: 32px;"));

    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto* note = new QLabel(tr("Connecting Mastodon, Bluesky and X accounts and syncing them arrives with the "
                               "connectors; until then this list shows the accounts stored in the workspace."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #5f6873;"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addWidget(m_stack, 1);
    clearWorkspace();
}

void AccountsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_model->setAccounts(workspace.accounts);
    m_table->resizeColumnsToContents();
    if (workspace.accounts.empty()) {
        m_empty->setText(tr("This workspace has no accounts yet."));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

void AccountsPanel::clearWorkspace()
{
    m_model->setAccounts({});
    m_empty->setText(tr("No workspace is open."));
    m_stack->setCurrentWidget(m_empty);
}

} // namespace herald::ui
