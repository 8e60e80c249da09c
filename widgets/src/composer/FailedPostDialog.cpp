#include "herald/widgets/FailedPostDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

QString statusText(engine::PostStatus s)
{
    switch (s) {
    case engine::PostStatus::Draft:
        return FailedPostDialog::tr("Draft");
    case engine::PostStatus::Scheduled:
        return FailedPostDialog::tr("Scheduled");
    case engine::PostStatus::Publishing:
        return FailedPostDialog::tr("Publishing");
    case engine::PostStatus::Published:
        return FailedPostDialog::tr("Published");
    case engine::PostStatus::Failed:
        return FailedPostDialog::tr("Failed");
    case engine::PostStatus::Cancelled:
        return FailedPostDialog::tr("Cancelled");
    }
    return {};
}

} // namespace

FailedPostDialog::FailedPostDialog(const QString& workspacePath, const engine::Clock& clock, std::int64_t postId,
                                   QWidget* parent)
    : QDialog(parent), m_path(workspacePath), m_clock(clock), m_postId(postId)
{
    setObjectName(QStringLiteral("failedPostDialog"));
    setWindowTitle(tr("Post not published"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("postText"));
    m_text->setReadOnly(true);
    m_text->setMaximumHeight(120);
    m_targets = new QTableWidget(0, 3, this);
    m_targets->setObjectName(QStringLiteral("targetTable"));
    m_targets->setHorizontalHeaderLabels({tr("Account"), tr("Status"), tr("Message from the network")});
    m_targets->horizontalHeader()->setStretchLastSection(true);
    m_targets->verticalHeader()->hide();
    m_targets->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_targets->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = buttons->addButton(tr("Retry"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    auto* edit = buttons->addButton(tr("Edit…"), QDialogButtonBox::ActionRole);
    edit->setObjectName(QStringLiteral("editButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &FailedPostDialog::retry);
    connect(edit, &QPushButton::clicked, this, [this] {
        emit editRequested(m_postId);
        accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_text);
    layout->addWidget(m_targets, 1);
    layout->addWidget(buttons);
    resize(720, 420);
    reload();
}

void FailedPostDialog::reload()
{
    m_targets->setRowCount(0);
    m_retry->setEnabled(false);
    auto db = engine::Database::open(m_path.toStdString());
    auto entry = db ? engine::CalendarQuery(*db).entry(m_postId)
                    : Result<std::optional<engine::CalendarEntry>>(tl::unexpected(db.error()));
    if (!entry) {
        m_summary->setText(errorSummary(entry.error()));
        m_summary->setToolTip(QString::fromStdString(entry.error().detail));
        return;
    }
    if (!*entry) {
        m_summary->setText(tr("This post no longer exists."));
        return;
    }
    const auto& e = **entry;
    m_text->setPlainText(QString::fromStdString(e.body));
    int failed = 0;
    for (const auto& t : e.targets) {
        const int row = m_targets->rowCount();
        m_targets->insertRow(row);
        const QString account =
            QStringLiteral("%1 %2").arg(QString::fromStdString(std::string(engine::platformDisplayName(t.platform))),
                                        QString::fromStdString(t.accountHandle));
        QString message = QString::fromStdString(t.lastError);
        if (!t.preflightError.empty() && t.status != engine::PostStatus::Published)
            message =
                message.isEmpty() ? tr("Pre-flight check: %1").arg(QString::fromStdString(t.preflightError)) : message;
        if (t.status == engine::PostStatus::Published)
            message = QString::fromStdString(t.permalink);
        m_targets->setItem(row, 0, new QTableWidgetItem(account));
        m_targets->setItem(row, 1, new QTableWidgetItem(statusText(t.status)));
        m_targets->setItem(row, 2, new QTableWidgetItem(message));
        failed += t.status == engine::PostStatus::Failed ? 1 : 0;
    }
    m_targets->resizeRowsToContents();
    m_retry->setEnabled(failed > 0);
    const QString when =
        e.localTime.empty()
            ? tr("not scheduled")
            : tr("%1 (%2)").arg(QString::fromStdString(e.localTime).replace(QLatin1Char('T'), QLatin1Char(' ')),
                                QString::fromStdString(e.timeZone));
    m_summary->setText(
        failed > 0 ? tr("%n target(s) of this post planned for %1 could not be published.", nullptr, failed).arg(when)
                   : tr("Post planned for %1.").arg(when));
}

void FailedPostDialog::retry()
{
    auto db = engine::Database::open(m_path.toStdString());
    if (!db) {
        m_summary->setText(errorSummary(db.error()));
        return;
    }
    auto entry = engine::CalendarQuery(*db).entry(m_postId);
    if (!entry || !*entry)
        return;
    const std::int64_t now = m_clock.nowUtc();
    engine::PostEditor editor(*db);
    for (const auto& t : (*entry)->targets) {
        if (t.status != engine::PostStatus::Failed)
            continue;
        if (auto done = editor.retryTarget(t.targetId, now, now); !done) {
            m_summary->setText(tr("Retry failed: %1").arg(errorSummary(done.error())));
            m_summary->setToolTip(QString::fromStdString(done.error().detail));
            return;
        }
    }
    reload();
    m_summary->setText(tr("The failed targets are queued again and go out with the next publishing run."));
    emit retried(m_postId);
}

} // namespace herald::ui
