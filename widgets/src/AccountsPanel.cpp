#include "herald/widgets/AccountsPanel.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "herald/engine/Clock.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/TaskProgress.h"
#include "sync/AccountJobs.h"
#include "sync/AccountStatusModel.h"
#include "sync/AddAccountDialog.h"

namespace herald::ui {

AccountsPanel::AccountsPanel(QWidget* parent)
    : QWidget(parent), m_model(new AccountStatusModel(this)), m_table(new QTableView(this)), m_empty(new QLabel(this)),
      m_stack(new QStackedWidget(this)), m_message(new QLabel(this)), m_secretWarning(new QLabel(this)),
      m_addButton(new QPushButton(tr("Add Account…"), this)), m_syncButton(new QPushButton(tr("Sync Now"), this)),
      m_removeButton(new QPushButton(tr("Remove…"), this)), m_systemClock(std::make_unique<engine::SystemClock>()),
      m_clock(m_systemClock.get())
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
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
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

    m_addButton->setObjectName(QStringLiteral("addAccountButton"));
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    m_removeButton->setObjectName(QStringLiteral("removeAccountButton"));
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    m_secretWarning->setObjectName(QStringLiteral("secretStoreWarning"));
    m_secretWarning->setWordWrap(true);
    m_secretWarning->setStyleSheet(
        QStringLiteral("background: #fdf3d8; color: #6b4e00; padding: 8px; border-radius: 4px;"));
    m_secretWarning->hide();

    auto* buttons = new QHBoxLayout();
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_syncButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addWidget(m_secretWarning);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_addButton, &QPushButton::clicked, this, &AccountsPanel::addAccount);
    connect(m_syncButton, &QPushButton::clicked, this, &AccountsPanel::syncNow);
    connect(m_removeButton, &QPushButton::clicked, this, &AccountsPanel::removeSelectedAccount);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsPanel::updateButtons);
    clearWorkspace();
}

AccountsPanel::~AccountsPanel() = default;

void AccountsPanel::setSecrets(AccountSecrets secrets)
{
    m_secrets = std::move(secrets);
    updateButtons();
}

void AccountsPanel::setTaskProgress(TaskProgress* progress)
{
    m_progress = progress;
}

void AccountsPanel::setClock(const engine::Clock& clock)
{
    m_clock = &clock;
}

void AccountsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_path = workspace.path;
    reload();
}

void AccountsPanel::clearWorkspace()
{
    m_path.clear();
    ++m_generation;
    m_model->setRows({}, m_clock->nowUtc());
    m_empty->setText(tr("No workspace is open."));
    m_stack->setCurrentWidget(m_empty);
    m_message->clear();
    updateButtons();
}

void AccountsPanel::reload()
{
    if (m_path.isEmpty())
        return;
    const int generation = ++m_generation;
    runAsync<Result<std::vector<accounts::StatusRow>>>(
        this, [path = m_path.toStdString()] { return accounts::loadStatusRows(path); },
        [this, generation](const Result<std::vector<accounts::StatusRow>>& rows) {
            if (generation != m_generation)
                return; // a newer reload or another workspace
            if (!rows) {
                showMessage(tr("Could not read the accounts: %1").arg(errorSummary(rows.error())), true);
                return;
            }
            m_model->setRows(*rows, m_clock->nowUtc());
            m_table->resizeColumnsToContents();
            if (rows->empty()) {
                m_empty->setText(tr("This workspace has no accounts yet. Add a Mastodon, Bluesky or X account to "
                                    "sync its posts, metrics, comments and followers."));
                m_stack->setCurrentWidget(m_empty);
            } else {
                m_stack->setCurrentWidget(m_table);
            }
            updateButtons();
        });
}

void AccountsPanel::updateButtons()
{
    const bool open = !m_path.isEmpty();
    const bool secrets = m_secrets.isComplete();
    m_addButton->setEnabled(open && secrets && !m_syncing);
    m_syncButton->setEnabled(open && secrets && !m_syncing && m_model->rowCount() > 0);
    m_removeButton->setEnabled(open && !m_syncing && m_table->selectionModel()->hasSelection());
    const std::string fallback = m_secrets.fallbackFile ? m_secrets.fallbackFile() : std::string();
    m_secretWarning->setVisible(!fallback.empty());
    if (!fallback.empty())
        m_secretWarning->setText(tr("No system keychain is available, so account secrets are kept in %1, a file "
                                    "only you can read. Install and unlock a keychain (for example GNOME Keyring "
                                    "or KWallet) to keep them there instead.")
                                     .arg(QString::fromStdString(fallback)));
}

void AccountsPanel::showMessage(const QString& text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b03a2e;") : QString());
    m_message->setText(text);
}

void AccountsPanel::addAccount()
{
    if (m_path.isEmpty() || !m_secrets.isComplete())
        return;
    auto* dialog = new AddAccountDialog(m_path, m_secrets, *m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddAccountDialog::accountConnected, this, [this](const QString& handle, bool reattached) {
        showMessage(reattached ? tr("Reconnected %1; its history is kept.").arg(handle)
                               : tr("Connected %1. Sync now to fetch its posts and metrics.").arg(handle));
        reload();
        updateButtons();
        emit workspaceChanged();
    });
    dialog->open();
}

void AccountsPanel::removeSelectedAccount()
{
    const auto selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    const auto* row = m_model->row(selected.first().row());
    if (!row)
        return;
    const qint64 id = row->account.id;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove Account"),
                                tr("Remove %1 from this workspace? Its synced posts, metrics, comments and followers "
                                   "are deleted from the workspace and its stored secret is deleted. Nothing is "
                                   "changed on %2.")
                                    .arg(QString::fromStdString(row->account.handle),
                                         QString::fromUtf8(engine::platformDisplayName(row->account.platform).data())),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeAccountConfirmation"));
    auto* remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton* clicked) {
        if (clicked == remove)
            removeAccount(id);
    });
    box->open();
}

void AccountsPanel::removeAccount(qint64 id)
{
    runAsync<Result<std::string>>(
        this,
        [path = m_path.toStdString(), id, secrets = m_secrets] { return accounts::removeAccount(path, id, secrets); },
        [this](const Result<std::string>& result) {
            if (!result) {
                showMessage(tr("Could not remove the account: %1").arg(errorSummary(result.error())), true);
                return;
            }
            if (!result->empty())
                showMessage(tr("The account is removed, but its secret could not be deleted: %1")
                                .arg(QString::fromStdString(*result)),
                            true);
            else
                showMessage(tr("The account is removed."));
            reload();
            emit workspaceChanged();
        });
}

void AccountsPanel::syncNow()
{
    if (m_path.isEmpty() || m_syncing || !m_secrets.isComplete())
        return;
    m_syncing = true;
    updateButtons();
    showMessage(tr("Syncing…"));
    auto stop = std::make_shared<std::stop_source>();
    auto future = QtConcurrent::run([path = m_path.toStdString(), secrets = m_secrets, clock = m_clock,
                                     stop](QPromise<Result<connectors::SyncReport>>& promise) {
        promise.setProgressRange(0, 0); // the number of pages is not known in advance
        try {
            promise.addResult(
                accounts::syncAll(path, secrets, *clock, stop->get_token(), [&](const connectors::SyncProgress&) {
                    if (promise.isCanceled())
                        stop->request_stop();
                }));
        } catch (const std::exception& e) {
            promise.addResult(herald::fail(ErrorCode::Storage, std::string("unexpected failure: ") + e.what()));
        }
    });
    auto* watcher = new QFutureWatcher<Result<connectors::SyncReport>>(this);
    connect(watcher, &QFutureWatcherBase::canceled, this, [stop] { stop->request_stop(); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_syncing = false;
        const auto done = watcher->future();
        bool ok = false;
        if (done.resultCount() == 0) {
            showMessage(tr("Sync cancelled."));
        } else if (const auto& result = done.result(); !result) {
            showMessage(tr("Sync failed: %1").arg(errorSummary(result.error())), true);
        } else if (result->cancelled) {
            showMessage(tr("Sync cancelled. What was fetched is kept; the next sync continues from there."));
        } else {
            ok = result->ok();
            int failed = 0;
            for (const auto& a : result->accounts)
                failed += a.error ? 1 : 0;
            if (ok)
                showMessage(tr("Synced %n account(s).", nullptr, int(result->accounts.size())));
            else
                showMessage(tr("%n account(s) could not be synced; see Last error.", nullptr, failed), true);
        }
        reload();
        updateButtons();
        emit syncFinished(ok);
        emit workspaceChanged();
    });
    watcher->setFuture(future);
    if (m_progress)
        m_progress->track(tr("Syncing accounts…"), QFuture<void>(future));
}

} // namespace herald::ui
