// The calendar panel's edits: drag and drop, the context menu, the queue and posting slots.
#include "herald/widgets/CalendarPanel.h"

#include <QClipboard>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include "calendar/CalendarCommands.h"
#include "calendar/CalendarData.h"
#include "calendar/CalendarEdits.h"
#include "calendar/MonthView.h"
#include "calendar/PostingSlotsDialog.h"
#include "calendar/QueueModel.h"
#include "calendar/WeekView.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::ui {

namespace {

bool isEditable(engine::PostStatus s)
{
    return s != engine::PostStatus::Published && s != engine::PostStatus::Publishing;
}

} // namespace

const engine::CalendarEntry* CalendarPanel::entryFor(std::int64_t postId) const
{
    if (const auto* e = m_days->find(postId))
        return e;
    for (int row = 0; row < m_queue->rowCount(); ++row)
        if (const auto* e = m_queue->entryAt(row); e && e->postId == postId)
            return e;
    return nullptr;
}

std::optional<engine::Schedule> CalendarPanel::scheduleFor(const engine::CalendarEntry& entry,
                                                           const QDateTime& at) const
{
    QTimeZone zone(QByteArray::fromStdString(entry.timeZone));
    if (!zone.isValid())
        zone = m_zone;
    if (!at.isValid() || !zone.isValid())
        return std::nullopt;
    const QDateTime local = at.toTimeZone(zone);
    return engine::Schedule{local.toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toStdString(), zone.id().toStdString(),
                            at.toSecsSinceEpoch()};
}

void CalendarPanel::pushReschedule(std::int64_t postId, const engine::Schedule& to, bool scheduleDraft,
                                   const QString& text)
{
    m_undo->push(new RescheduleCommand(*m_edits, m_clock, postId, to, scheduleDraft, text));
}

void CalendarPanel::selectPost(std::optional<std::int64_t> postId)
{
    m_selected = postId;
    m_month->setSelectedPost(postId);
    m_week->setSelectedPost(postId);
}

void CalendarPanel::movePostToDay(std::int64_t postId, const QDate& day)
{
    const auto* entry = entryFor(postId);
    if (!entry || !day.isValid())
        return;
    if (!isEditable(entry->status)) {
        showStatus(tr("A published post cannot be moved."), true);
        return;
    }
    // Keep the post's wall time (in the display zone) on the new day.
    const QDateTime current = m_days->localTimeOf(*entry);
    const QTime time = current.isValid() ? current.time() : QTime(9, 0);
    if (current.isValid() && current.date() == day)
        return;
    const auto to = scheduleFor(*entry, QDateTime(day, time, m_zone));
    if (to)
        pushReschedule(postId, *to, false, tr("Move post to %1").arg(QLocale().toString(day, QLocale::ShortFormat)));
}

void CalendarPanel::movePostToTime(std::int64_t postId, const QDateTime& localTime)
{
    reschedulePost(postId, localTime);
}

void CalendarPanel::reschedulePost(std::int64_t postId, const QDateTime& localTime)
{
    const auto* entry = entryFor(postId);
    if (!entry)
        return;
    if (!isEditable(entry->status)) {
        showStatus(tr("A published post cannot be moved."), true);
        return;
    }
    if (const auto to = scheduleFor(*entry, localTime))
        pushReschedule(postId, *to, false, tr("Reschedule post"));
}

void CalendarPanel::cancelPost(std::int64_t postId)
{
    m_undo->push(new CancelCommand(*m_edits, m_clock, postId));
}

void CalendarPanel::duplicatePost(std::int64_t postId)
{
    m_undo->push(new DuplicateCommand(*m_edits, m_clock, postId));
}

void CalendarPanel::deleteDraft(std::int64_t postId)
{
    if (m_selected == postId)
        selectPost(std::nullopt);
    m_undo->push(new DeleteDraftCommand(*m_edits, postId));
}

void CalendarPanel::publishNow(std::int64_t postId)
{
    const auto* entry = entryFor(postId);
    if (!entry)
        return;
    if (const auto to = scheduleFor(*entry, QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_zone)))
        pushReschedule(postId, *to, true, tr("Publish now"));
}

void CalendarPanel::retryFailed(std::int64_t postId)
{
    const auto* entry = entryFor(postId);
    if (!entry)
        return;
    std::vector<std::int64_t> failed;
    for (const auto& t : entry->targets)
        if (t.status == engine::PostStatus::Failed)
            failed.push_back(t.targetId);
    if (failed.empty())
        return;
    m_edits->run([failed, now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        engine::PostEditor editor(db);
        for (auto id : failed)
            if (auto r = editor.retryTarget(id, now, now); !r)
                return r;
        return {};
    });
}

void CalendarPanel::addToQueue(std::int64_t postId)
{
    const auto* entry = entryFor(postId);
    if (!entry)
        return;
    std::vector<std::int64_t> accounts;
    for (const auto& t : entry->targets)
        accounts.push_back(t.accountId);
    if (accounts.empty()) {
        showStatus(tr("The post has no account to publish to."), true);
        return;
    }
    ++m_slotLookups;
    runAsync<Result<std::optional<engine::SlotTime>>>(
        this,
        [path = m_workspace.path.toStdString(), accounts,
         now = m_clock.nowUtc()]() -> Result<std::optional<engine::SlotTime>> {
            auto db = engine::Database::open(path);
            if (!db)
                return tl::unexpected(db.error());
            const QtZoneConverter zones;
            return engine::PostingSlots(*db).nextFreeSlot(accounts, now, zones);
        },
        [this, postId](const Result<std::optional<engine::SlotTime>>& slot) {
            --m_slotLookups;
            if (!slot)
                showStatus(tr("No free slot could be found: %1")
                               .arg(errorSummary(slot.error()) + QLatin1Char(' ') +
                                    QString::fromStdString(slot.error().detail)),
                           true);
            else if (!*slot)
                showStatus(tr("No free posting slot in the next 90 days. Set posting slots for the post's accounts "
                              "with “Posting slots…”."),
                           true);
            else
                pushReschedule(postId, **slot, true, tr("Add to queue"));
        });
}

bool CalendarPanel::copyLink(std::int64_t postId)
{
    const auto* entry = entryFor(postId);
    const QString link = entry ? firstPermalink(*entry) : QString();
    if (link.isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(link);
    return true;
}

void CalendarPanel::confirmCancelSelected()
{
    if (!m_selected)
        return;
    const auto* entry = entryFor(*m_selected);
    if (!entry || (entry->status != engine::PostStatus::Scheduled && entry->status != engine::PostStatus::Failed))
        return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Cancel post"),
        tr("Cancel “%1”? It will not be published. You can undo this.").arg(entryCaption(*entry).left(80)),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmCancel"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const std::int64_t id = *m_selected;
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            cancelPost(id);
    });
    box->open();
}

void CalendarPanel::showContextMenu(std::int64_t postId, const QPoint& globalPos)
{
    const auto* entry = entryFor(postId);
    if (!entry)
        return;
    using S = engine::PostStatus;
    const S status = entry->status;
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("postContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Edit"), this, [this, postId] { emit composeRequested(postId, {}); })
        ->setEnabled(isEditable(status));
    menu->addAction(tr("Duplicate"), this, [this, postId] { duplicatePost(postId); });
    menu->addAction(tr("Reschedule…"), this,
                    [this, postId] {
                        const auto* e = entryFor(postId);
                        if (!e)
                            return;
                        auto* dialog = new QDialog(this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->setWindowTitle(tr("Reschedule post"));
                        auto* layout = new QVBoxLayout(dialog);
                        const QDateTime current = m_days->localTimeOf(*e);
                        auto* edit = new QDateTimeEdit(current.isValid() ? QDateTime(current.date(), current.time())
                                                                         : QDateTime(m_date, QTime(9, 0)),
                                                       dialog);
                        edit->setCalendarPopup(true);
                        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
                        layout->addWidget(
                            new QLabel(tr("New time (%1):").arg(QString::fromLatin1(m_zone.id())), dialog));
                        layout->addWidget(edit);
                        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
                        connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
                        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
                        layout->addWidget(buttons);
                        connect(dialog, &QDialog::accepted, this, [this, postId, edit] {
                            const QDateTime wall = edit->dateTime();
                            reschedulePost(postId, QDateTime(wall.date(), wall.time(), m_zone));
                        });
                        dialog->open();
                    })
        ->setEnabled(isEditable(status));
    menu->addAction(tr("Publish now"), this, [this, postId] { publishNow(postId); })
        ->setEnabled(isEditable(status) && !entry->targets.empty());
    menu->addAction(tr("Add to queue"), this, [this, postId] { addToQueue(postId); })->setEnabled(status == S::Draft);
    menu->addSeparator();
    menu->addAction(tr("Cancel"), this, [this, postId] { cancelPost(postId); })
        ->setEnabled(status == S::Scheduled || status == S::Failed);
    menu->addAction(tr("Delete draft"), this, [this, postId] { deleteDraft(postId); })
        ->setEnabled(status == S::Draft || status == S::Cancelled);
    const bool hasFailed = std::any_of(entry->targets.begin(), entry->targets.end(),
                                       [](const engine::CalendarTarget& t) { return t.status == S::Failed; });
    menu->addAction(tr("Retry"), this, [this, postId] { retryFailed(postId); })->setEnabled(hasFailed);
    menu->addAction(tr("Copy link"), this, [this, postId] { copyLink(postId); })
        ->setEnabled(!firstPermalink(*entry).isEmpty());
    menu->popup(globalPos);
}

void CalendarPanel::editSlots()
{
    if (m_filter.accountIds.size() != 1) {
        showStatus(tr("Choose one account in the filter to edit its posting slots."), true);
        return;
    }
    const std::int64_t accountId = m_filter.accountIds.front();
    const auto it = std::find_if(m_workspace.accounts.begin(), m_workspace.accounts.end(),
                                 [accountId](const engine::Account& a) { return a.id == accountId; });
    if (it == m_workspace.accounts.end())
        return;
    const QString name = QString::fromStdString(it->handle);
    runAsync<Result<std::vector<WeeklySlot>>>(
        this,
        [path = m_workspace.path.toStdString(), accountId]() -> Result<std::vector<WeeklySlot>> {
            auto db = engine::Database::open(path);
            if (!db)
                return tl::unexpected(db.error());
            auto stored = engine::PostingSlots(*db).slotsOf(accountId);
            if (!stored)
                return tl::unexpected(stored.error());
            std::vector<WeeklySlot> out;
            for (const auto& s : *stored)
                out.push_back({s.weekday, s.minuteOfDay});
            return out;
        },
        [this, accountId, name](const Result<std::vector<WeeklySlot>>& stored) {
            if (!stored) {
                showStatus(tr("The posting slots could not be read: %1").arg(errorSummary(stored.error())), true);
                return;
            }
            auto* dialog = new PostingSlotsDialog(name, *stored, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog, accountId] {
                std::vector<engine::PostingSlot> weekly;
                for (const auto& s : dialog->weeklySlots())
                    weekly.push_back({s.weekday, s.minuteOfDay});
                m_edits->run([accountId, weekly](engine::Database& db) -> Result<void> {
                    return engine::PostingSlots(db).setSlots(accountId, weekly);
                });
            });
            dialog->open();
        });
}

} // namespace herald::ui
