// ComposerDialog: media, saving, scheduling and closing.
#include "herald/widgets/ComposerDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimeEdit>
#include <QTimer>

#include "composer/ComposerData.h"
#include "composer/ComposerText.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::ui {

namespace {

std::string toStd(const QString& s)
{
    return s.normalized(QString::NormalizationForm_C).toStdString();
}

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

bool ComposerDialog::addMediaFile(const QString& path, const QString& altText)
{
    const std::string folder = connectors::mediaFolderFor(m_workspace.path.toStdString());
    auto media = connectors::importMediaFile(path.toStdString(), folder, toStd(altText));
    if (!media) {
        showError(tr("Could not add %1.").arg(QFileInfo(path).fileName()), fromStd(media.error().detail));
        return false;
    }
    m_media.push_back(*media);
    refreshMediaList();
    m_mediaList->setCurrentRow(static_cast<int>(m_media.size()) - 1);
    markDirty();
    return true;
}

void ComposerDialog::addMedia()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add media"), QString(),
        tr("Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.webm);;All files (*)"));
    for (const auto& file : files)
        addMediaFile(file);
}

void ComposerDialog::refreshMediaList()
{
    const int current = m_mediaList->currentRow();
    m_mediaList->clear();
    const std::string folder = connectors::mediaFolderFor(m_workspace.path.toStdString());
    for (std::size_t i = 0; i < m_media.size(); ++i) {
        const auto& m = m_media[i];
        const auto kind = connectors::mediaKindForMime(m.mime);
        const bool image = kind == connectors::MediaKind::Image || kind == connectors::MediaKind::Gif;
        QIcon icon;
        if (image) {
            const QPixmap pixmap(fromStd(connectors::resolveMediaPath(folder, m.path)));
            if (!pixmap.isNull())
                icon = QIcon(pixmap.scaled(72, 72, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        }
        if (icon.isNull())
            icon = style()->standardIcon(image ? QStyle::SP_FileIcon : QStyle::SP_MediaPlay);
        QString label = tr("%1. %2").arg(i + 1).arg(fromStd(m.mime));
        if (image && m.altText.empty())
            label += QLatin1Char('\n') + tr("No alt text");
        auto* item = new QListWidgetItem(icon, label, m_mediaList);
        item->setToolTip(m.altText.empty() ? fromStd(m.path) : fromStd(m.altText));
    }
    if (current >= 0 && current < m_mediaList->count())
        m_mediaList->setCurrentRow(current);
}

void ComposerDialog::moveMedia(int delta)
{
    const int row = m_mediaList->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= static_cast<int>(m_media.size()))
        return;
    std::swap(m_media[std::size_t(row)], m_media[std::size_t(to)]);
    refreshMediaList();
    m_mediaList->setCurrentRow(to);
    markDirty();
}

void ComposerDialog::removeMedia()
{
    const int row = m_mediaList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_media.size()))
        return;
    m_media.erase(m_media.begin() + row);
    refreshMediaList();
    markDirty();
}

void ComposerDialog::applyAltText()
{
    const int row = m_mediaList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_media.size()))
        return;
    m_media[std::size_t(row)].altText = toStd(m_altText->text());
    auto* item = m_mediaList->item(row);
    const auto kind = connectors::mediaKindForMime(m_media[std::size_t(row)].mime);
    const bool image = kind == connectors::MediaKind::Image || kind == connectors::MediaKind::Gif;
    QString label = tr("%1. %2").arg(row + 1).arg(fromStd(m_media[std::size_t(row)].mime));
    if (image && m_altText->text().trimmed().isEmpty())
        label += QLatin1Char('\n') + tr("No alt text");
    item->setText(label);
    markDirty();
}

void ComposerDialog::autosave()
{
    // Only drafts autosave: a scheduled post changes only when the user says so.
    if (!m_dirty || m_status != engine::PostStatus::Draft) {
        m_autosave->stop();
        return;
    }
    if (m_body->toPlainText().trimmed().isEmpty() && m_media.empty() && !m_postId)
        return;
    if (save(SaveKind::Draft))
        m_statusLine->setText(
            tr("Draft saved automatically at %1.")
                .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(m_clock.nowUtc()).time(), QLocale::ShortFormat)));
}

void ComposerDialog::addToQueue()
{
    const auto accounts = selectedAccounts();
    auto db = engine::Database::open(m_workspace.path.toStdString());
    if (!db) {
        showError(errorSummary(db.error()), fromStd(db.error().detail));
        return;
    }
    QtZoneConverter zones;
    auto slot = engine::PostingSlots(*db).nextFreeSlot(accounts, m_clock.nowUtc(), zones);
    if (!slot) {
        showError(errorSummary(slot.error()), fromStd(slot.error().detail));
        return;
    }
    if (!*slot) {
        showError(tr("No free posting slot in the next 90 days: set posting slots for these accounts in the "
                     "calendar's queue view."),
                  QString());
        return;
    }
    const auto& s = **slot;
    m_loading = true;
    m_zone->setCurrentText(fromStd(s.timeZone));
    const QDateTime local = QDateTime::fromString(fromStd(s.localTime), QStringLiteral("yyyy-MM-ddTHH:mm"));
    m_date->setDate(local.date());
    m_time->setTime(local.time());
    m_loading = false;
    m_scheduleChosen = true;
    if (save(SaveKind::Schedule, s.utc))
        accept();
}

void ComposerDialog::publishNow()
{
    const QTimeZone zone(zoneId().toLatin1());
    const std::int64_t now = m_clock.nowUtc();
    const QDateTime local = QDateTime::fromSecsSinceEpoch(now, zone.isValid() ? zone : QTimeZone::utc());
    m_loading = true;
    m_date->setDate(local.date());
    m_time->setTime(QTime(local.time().hour(), local.time().minute()));
    m_loading = false;
    m_scheduleChosen = true;
    if (save(SaveKind::Schedule, now))
        accept();
}

void ComposerDialog::scheduleClicked()
{
    const auto at = chosenUtc();
    if (!at) {
        showError(
            tr("%1 %2 does not exist in %3 (unknown zone, or skipped by a daylight-saving change).")
                .arg(m_date->date().toString(Qt::ISODate), m_time->time().toString(QStringLiteral("HH:mm")), zoneId()),
            QString());
        return;
    }
    if (*at < m_clock.nowUtc()) {
        const auto answer = QMessageBox::question(this, tr("Time in the past"),
                                                  tr("This time is in the past. Publish the post now instead?"),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            publishNow();
        return;
    }
    if (save(SaveKind::Schedule, *at))
        accept();
}

bool ComposerDialog::save(SaveKind kind, std::optional<std::int64_t> atUtc)
{
    if (kind == SaveKind::Keep)
        kind = m_status == engine::PostStatus::Scheduled ? SaveKind::Schedule : SaveKind::Draft;
    const std::int64_t now = m_clock.nowUtc();
    const std::string folder = connectors::mediaFolderFor(m_workspace.path.toStdString());
    const auto accounts = selectedAccounts();

    std::optional<engine::Schedule> when;
    if (kind == SaveKind::Schedule || m_scheduleChosen) {
        const auto utc = atUtc ? atUtc : chosenUtc();
        if (utc) {
            const QTimeZone zone(zoneId().toLatin1());
            engine::Schedule s;
            s.timeZone = zoneId().toStdString();
            s.localTime = QDateTime(m_date->date(), QTime(m_time->time().hour(), m_time->time().minute()), zone)
                              .toString(QStringLiteral("yyyy-MM-ddTHH:mm"))
                              .toStdString();
            s.utc = *utc;
            when = s;
        }
    }
    if (kind == SaveKind::Schedule) {
        if (!when) {
            showError(tr("Choose a valid date, time and time zone first."), QString());
            return false;
        }
        connectors::PostDraft draft;
        draft.body = toStd(m_body->toPlainText());
        draft.accountIds = accounts;
        for (auto id : accounts)
            draft.variants.emplace_back(id, toStd(targetText(id)));
        for (const auto& m : m_media)
            draft.media.push_back({m.path, m.mime, m.altText, m.sha256});
        auto problems = connectors::validatePost(draft, m_workspace.accounts, folder, now);
        QStringList blocking;
        for (const auto& p : problems)
            if (p.blocking)
                blocking << composer::problemText(p, p.accountId ? accountName(p.accountId) : QString());
        for (const auto& [text, blocks] : checkFollowUps())
            if (blocks)
                blocking << text;
        if (!blocking.isEmpty()) {
            showError(tr("Not scheduled: %1").arg(blocking.join(QLatin1Char(' '))), QString());
            refreshChecks();
            return false;
        }
        if (!repeatRuleValid())
            return false;
    }

    std::vector<std::pair<std::int64_t, std::string>> variants;
    for (auto id : accounts) {
        const auto v = m_variants.find(id);
        const QString own = v == m_variants.end() ? QString() : v->second;
        variants.emplace_back(id, m_utm->isChecked() ? toStd(targetText(id))
                                                     : toStd(own.trimmed().isEmpty() ? QString() : own));
    }
    std::vector<std::string> tags;
    for (const auto& t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags.push_back(toStd(t.trimmed()));
    const qlonglong campaign = m_campaign->currentData().toLongLong();
    const std::optional<std::int64_t> campaignId = campaign > 0 ? std::optional<std::int64_t>(campaign) : std::nullopt;
    std::vector<engine::Media> media = m_media;
    for (std::size_t i = 0; i < media.size(); ++i)
        media[i].position = static_cast<int>(i);
    const std::string body = toStd(m_body->toPlainText());
    const std::string title = toStd(composer::postTitle(m_body->toPlainText()));

    auto db = engine::Database::open(m_workspace.path.toStdString());
    if (!db) {
        showError(errorSummary(db.error()), fromStd(db.error().detail));
        return false;
    }
    engine::PostEditor editor(*db);
    Result<void> outcome;
    const engine::PostStatus target =
        kind == SaveKind::Schedule ? engine::PostStatus::Scheduled : engine::PostStatus::Draft;
    if (!m_postId) {
        engine::Post post;
        post.title = title;
        post.body = body;
        post.campaignId = campaignId;
        post.tags = tags;
        post.status = target;
        if (when) {
            post.localTime = when->localTime;
            post.timeZone = when->timeZone;
            post.scheduledUtc = when->utc;
        }
        post.createdUtc = post.updatedUtc = now;
        for (const auto& [id, text] : variants) {
            engine::PostTarget t;
            t.accountId = id;
            t.variantText = text;
            post.targets.push_back(t);
        }
        auto id = editor.create(post, media);
        if (id)
            m_postId = *id;
        else
            outcome = tl::unexpected(id.error());
    } else {
        engine::PostContent content;
        content.title = title;
        content.body = body;
        content.campaignId = campaignId;
        content.tags = tags;
        content.variants = variants;
        content.media = media;
        outcome = editor.update(*m_postId, content, now);
        const bool wasScheduled = m_status == engine::PostStatus::Scheduled;
        if (outcome && target == engine::PostStatus::Draft && wasScheduled)
            outcome = editor.unschedule(*m_postId, now);
        if (outcome && when) {
            auto previous = editor.reschedule(*m_postId, *when, now);
            if (!previous)
                outcome = tl::unexpected(previous.error());
        }
        if (outcome && target == engine::PostStatus::Scheduled && !wasScheduled)
            outcome = editor.schedule(*m_postId, now);
    }
    if (!outcome) {
        showError(tr("The post could not be saved: %1").arg(errorSummary(outcome.error())),
                  fromStd(outcome.error().detail));
        return false;
    }
    m_status = target;
    if (!saveThread())
        return false;
    storePlatformScheduling();
    if (!storeRepeatAndEvergreen(kind == SaveKind::Schedule))
        return false;
    m_dirty = false;
    m_autosave->stop();
    setWindowTitle(tr("Edit post"));
    emit postSaved(*m_postId);
    return true;
}

// After the first post is saved: its follow-ups, rewritten to match the thread on screen.
bool ComposerDialog::saveThread()
{
    auto db = engine::Database::open(m_workspace.path.toStdString());
    if (!db) {
        showError(errorSummary(db.error()), fromStd(db.error().detail));
        return false;
    }
    const auto accounts = selectedAccounts();
    std::vector<engine::ThreadPart> parts;
    for (const auto& text : followUps()) {
        engine::ThreadPart part;
        part.title = toStd(composer::postTitle(text));
        part.body = toStd(text);
        if (m_utm->isChecked())
            for (auto id : accounts)
                part.variants.emplace_back(id, toStd(withTracking(text, id)));
        parts.push_back(std::move(part));
    }
    if (auto ids = engine::PostEditor(*db).setThread(*m_postId, parts, m_clock.nowUtc()); !ids) {
        showError(tr("The thread could not be saved: %1").arg(errorSummary(ids.error())), fromStd(ids.error().detail));
        return false;
    }
    return true;
}

bool ComposerDialog::repeatRuleValid()
{
    if (!m_repeat->isChecked() || m_storedRecurring)
        return true;
    if (m_repeatUntil->date() <= m_date->date()) {
        showError(tr("Not scheduled: the repetition must end after the post's day (%1).")
                      .arg(m_date->date().toString(Qt::ISODate)),
                  QString());
        return false;
    }
    return true;
}

// After the post itself is saved: its repetition (once: the occurrences become posts of their own)
// and its place in the evergreen pool.
bool ComposerDialog::storeRepeatAndEvergreen(bool scheduled)
{
    const bool addRepeat = scheduled && m_repeat->isChecked() && !m_storedRecurring;
    const bool touchEvergreen = m_evergreen->isChecked() || m_storedEvergreen;
    if (!addRepeat && !touchEvergreen)
        return true;
    auto db = engine::Database::open(m_workspace.path.toStdString());
    if (!db) {
        showError(errorSummary(db.error()), fromStd(db.error().detail));
        return false;
    }
    engine::PostEditor editor(*db);
    const std::int64_t now = m_clock.nowUtc();
    if (touchEvergreen) {
        if (auto r = editor.setEvergreen(*m_postId, m_evergreen->isChecked(), m_evergreenGap->value(), now); !r) {
            showError(tr("The evergreen setting could not be saved: %1").arg(errorSummary(r.error())),
                      fromStd(r.error().detail));
            return false;
        }
        m_storedEvergreen = m_evergreen->isChecked();
    }
    if (addRepeat) {
        engine::Recurrence rule;
        rule.every = m_repeatEvery->value();
        rule.unit = m_repeatUnit->currentData().toString() == QLatin1String("day") ? engine::RepeatUnit::Day
                                                                                   : engine::RepeatUnit::Week;
        rule.untilDay = m_repeatUntil->date().toString(Qt::ISODate).toStdString();
        const QtZoneConverter zones;
        auto ids = editor.setRecurrence(*m_postId, rule, zones, now);
        if (!ids) {
            showError(tr("The repetition could not be saved: %1").arg(errorSummary(ids.error())),
                      fromStd(ids.error().detail));
            return false;
        }
        m_storedRecurring = true;
        m_repeat->setEnabled(false);
        for (QWidget* w : {static_cast<QWidget*>(m_repeatEvery), static_cast<QWidget*>(m_repeatUnit),
                           static_cast<QWidget*>(m_repeatUntil)})
            w->setEnabled(false);
        m_statusLine->setText(tr("%n more occurrence(s) scheduled.", nullptr, static_cast<int>(ids->size())));
    }
    return true;
}

void ComposerDialog::done(int result)
{
    if (m_dirty) {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"), tr("This post has changes that are not saved. Save them?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save && !save(SaveKind::Keep))
            return;
        m_dirty = false;
    }
    m_autosave->stop();
    QDialog::done(result);
}

} // namespace herald::ui
