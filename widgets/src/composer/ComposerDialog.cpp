#include "herald/widgets/ComposerDialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QTabWidget>
#include <QTimeEdit>
#include <QTimer>
#include <QVBoxLayout>

#include "composer/ComposerData.h"
#include "composer/ComposerText.h"
#include "herald/connectors/TextLength.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

using connectors::ValidationProblem;

struct ComposerDialog::AccountRow
{
    engine::Account account;
    QCheckBox* check = nullptr;
    QLabel* counter = nullptr;
    QPlainTextEdit* variant = nullptr; // the variant tab's editor while the account is selected
};

// One follow-up of the thread: its number, text and per-network counter.
struct ComposerDialog::ThreadRow
{
    QWidget* box = nullptr;
    QLabel* number = nullptr;
    QPlainTextEdit* edit = nullptr;
    QLabel* counter = nullptr;
};

namespace {

constexpr int kAutosaveMs = 10'000;

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string toStd(const QString& s)
{
    return s.normalized(QString::NormalizationForm_C).toStdString();
}

} // namespace

ComposerDialog::ComposerDialog(const WorkspaceSnapshot& workspace, const engine::Clock& clock,
                               std::optional<std::int64_t> postId, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_clock(clock), m_postId(postId)
{
    setObjectName(QStringLiteral("composerDialog"));
    setWindowTitle(postId ? tr("Edit post") : tr("New post"));
    m_loading = true;
    buildUi();
    const QTimeZone zone = m_workspace.timeZone.isValid() ? m_workspace.timeZone : QTimeZone::utc();
    const QDateTime next = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc() + 3600, zone);
    m_date->setDate(next.date());
    m_time->setTime(QTime(next.time().hour(), 0));
    if (postId)
        loadPost(*postId);
    m_loading = false;
    rebuildTargets();
    refreshChecks();
    refreshHashtags();
    startHistoryLoad();
}

ComposerDialog::~ComposerDialog()
{
    for (auto* row : m_accountRows)
        delete row; // plain structs; their widgets belong to the dialog
    for (auto* row : m_threadRows)
        delete row;
}

void ComposerDialog::buildUi()
{
    auto* columns = new QHBoxLayout;
    columns->addWidget(buildContentColumn(), 3);
    columns->addWidget(buildPlanColumn(), 2);

    auto* buttons = new QHBoxLayout;
    m_statusLine = new QLabel(this);
    m_statusLine->setObjectName(QStringLiteral("statusLine"));
    m_statusLine->setWordWrap(true);
    buttons->addWidget(m_statusLine, 1);
    auto* draft = new QPushButton(tr("Save as draft"), this);
    draft->setObjectName(QStringLiteral("draftButton"));
    auto* queue = new QPushButton(tr("Add to queue"), this);
    queue->setObjectName(QStringLiteral("queueButton"));
    auto* now = new QPushButton(tr("Publish now"), this);
    now->setObjectName(QStringLiteral("publishNowButton"));
    m_scheduleButton = new QPushButton(tr("Schedule"), this);
    m_scheduleButton->setObjectName(QStringLiteral("scheduleButton"));
    m_scheduleButton->setDefault(true);
    auto* close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeButton"));
    for (auto* b : {draft, queue, now, m_scheduleButton, close})
        buttons->addWidget(b);
    connect(draft, &QPushButton::clicked, this, [this] {
        if (save(SaveKind::Draft))
            m_statusLine->setText(tr("Draft saved."));
    });
    connect(queue, &QPushButton::clicked, this, &ComposerDialog::addToQueue);
    connect(now, &QPushButton::clicked, this, &ComposerDialog::publishNow);
    connect(m_scheduleButton, &QPushButton::clicked, this, &ComposerDialog::scheduleClicked);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);

    m_autosave = new QTimer(this);
    m_autosave->setObjectName(QStringLiteral("autosaveTimer"));
    m_autosave->setInterval(kAutosaveMs);
    connect(m_autosave, &QTimer::timeout, this, &ComposerDialog::autosave);
    m_checkTimer = new QTimer(this);
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(150);
    connect(m_checkTimer, &QTimer::timeout, this, [this] {
        refreshChecks();
        refreshPrediction();
    });
    resize(1100, 760);
}

QWidget* ComposerDialog::buildContentColumn()
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* accounts = new QGroupBox(tr("Publish to"), column);
    auto* accountLayout = new QVBoxLayout(accounts);
    for (const auto& account : m_workspace.accounts) {
        auto* row = new AccountRow;
        row->account = account;
        row->check = new QCheckBox(accountName(account.id), accounts);
        row->check->setObjectName(QStringLiteral("account_%1").arg(account.id));
        accountLayout->addWidget(row->check);
        connect(row->check, &QCheckBox::toggled, this, [this] {
            rebuildTargets();
            markDirty();
        });
        m_accountRows.push_back(row);
    }
    if (m_workspace.accounts.empty())
        accountLayout->addWidget(new QLabel(tr("No accounts yet: add one in the Accounts panel."), accounts));
    layout->addWidget(accounts);

    m_tabs = new QTabWidget(column);
    m_tabs->setObjectName(QStringLiteral("textTabs"));
    m_body = new QPlainTextEdit(m_tabs);
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_body->setPlaceholderText(tr("What do you want to say?"));
    m_tabs->addTab(m_body, tr("Base text"));
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposerDialog::markDirty);
    layout->addWidget(m_tabs, 2);

    m_counters = new QVBoxLayout;
    for (auto* row : m_accountRows) {
        row->counter = new QLabel(column);
        row->counter->setObjectName(QStringLiteral("counter_%1").arg(row->account.id));
        row->counter->hide();
        m_counters->addWidget(row->counter);
    }
    layout->addLayout(m_counters);
    layout->addWidget(buildThreadBox(column));
    m_problems = new QListWidget(column);
    m_problems->setObjectName(QStringLiteral("problemList"));
    m_problems->setMaximumHeight(110);
    layout->addWidget(m_problems);

    auto* media = new QGroupBox(tr("Media"), column);
    auto* mediaLayout = new QGridLayout(media);
    m_mediaList = new QListWidget(media);
    m_mediaList->setObjectName(QStringLiteral("mediaList"));
    m_mediaList->setIconSize(QSize(72, 72));
    m_mediaList->setMaximumHeight(140);
    mediaLayout->addWidget(m_mediaList, 0, 0, 4, 1);
    const std::pair<const char*, QString> mediaButtons[] = {{"addMediaButton", tr("Add…")},
                                                            {"mediaUpButton", tr("Up")},
                                                            {"mediaDownButton", tr("Down")},
                                                            {"removeMediaButton", tr("Remove")}};
    int r = 0;
    for (const auto& [name, text] : mediaButtons) {
        auto* b = new QPushButton(text, media);
        b->setObjectName(QString::fromLatin1(name));
        mediaLayout->addWidget(b, r++, 1);
    }
    connect(media->findChild<QPushButton*>(QStringLiteral("addMediaButton")), &QPushButton::clicked, this,
            &ComposerDialog::addMedia);
    connect(media->findChild<QPushButton*>(QStringLiteral("mediaUpButton")), &QPushButton::clicked, this,
            [this] { moveMedia(-1); });
    connect(media->findChild<QPushButton*>(QStringLiteral("mediaDownButton")), &QPushButton::clicked, this,
            [this] { moveMedia(1); });
    connect(media->findChild<QPushButton*>(QStringLiteral("removeMediaButton")), &QPushButton::clicked, this,
            &ComposerDialog::removeMedia);
    m_altText = new QLineEdit(media);
    m_altText->setObjectName(QStringLiteral("altTextEdit"));
    m_altText->setPlaceholderText(tr("Alt text: describe the image for people who cannot see it"));
    m_altText->setEnabled(false);
    mediaLayout->addWidget(m_altText, 4, 0, 1, 2);
    connect(m_mediaList, &QListWidget::currentRowChanged, this, [this](int row) {
        const bool valid = row >= 0 && row < static_cast<int>(m_media.size());
        m_altText->setEnabled(valid);
        m_altText->setText(valid ? fromStd(m_media[std::size_t(row)].altText) : QString());
    });
    connect(m_altText, &QLineEdit::textEdited, this, &ComposerDialog::applyAltText);
    layout->addWidget(media);
    return column;
}

QWidget* ComposerDialog::buildThreadBox(QWidget* parent)
{
    auto* box = new QGroupBox(tr("Thread"), parent);
    box->setObjectName(QStringLiteral("threadBox"));
    auto* layout = new QVBoxLayout(box);
    auto* scroll = new QScrollArea(box);
    scroll->setObjectName(QStringLiteral("threadScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMaximumHeight(200);
    scroll->hide();
    auto* inner = new QWidget(scroll);
    m_threadLayout = new QVBoxLayout(inner);
    m_threadLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(inner);
    layout->addWidget(scroll);
    auto* row = new QHBoxLayout;
    m_threadHint = new QLabel(
        tr("Follow-ups go out right after this post, each as a reply to the one before, on every selected network."),
        box);
    m_threadHint->setObjectName(QStringLiteral("threadHint"));
    m_threadHint->setWordWrap(true);
    m_addFollowUp = new QPushButton(tr("Add to thread"), box);
    m_addFollowUp->setObjectName(QStringLiteral("addFollowUpButton"));
    m_addFollowUp->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_addFollowUp->setToolTip(tr("Add a follow-up post (Ctrl+Shift+Enter)"));
    row->addWidget(m_threadHint, 1);
    row->addWidget(m_addFollowUp);
    layout->addLayout(row);
    connect(m_addFollowUp, &QPushButton::clicked, this, [this] { addFollowUp(); });
    return box;
}

int ComposerDialog::addFollowUp(const QString& text)
{
    auto* row = new ThreadRow;
    row->box = new QWidget(m_threadLayout->parentWidget());
    auto* grid = new QGridLayout(row->box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    row->number = new QLabel(row->box);
    row->edit = new QPlainTextEdit(row->box);
    row->edit->setPlaceholderText(tr("The next post of the thread"));
    row->edit->setTabChangesFocus(true);
    row->edit->setFixedHeight(row->edit->fontMetrics().lineSpacing() * 3 + 12);
    row->edit->setPlainText(text);
    row->counter = new QLabel(row->box);
    auto* remove = new QToolButton(row->box);
    remove->setObjectName(QStringLiteral("removeFollowUpButton"));
    remove->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    remove->setToolTip(tr("Remove this follow-up"));
    grid->addWidget(row->number, 0, 0, Qt::AlignTop);
    grid->addWidget(row->edit, 0, 1);
    grid->addWidget(remove, 0, 2, Qt::AlignTop);
    grid->addWidget(row->counter, 1, 1);
    m_threadLayout->addWidget(row->box);
    m_threadRows.push_back(row);
    connect(row->edit, &QPlainTextEdit::textChanged, this, &ComposerDialog::markDirty);
    connect(remove, &QToolButton::clicked, this, [this, row] { removeFollowUp(row); });
    renumberFollowUps();
    syncThreadOptions();
    if (!m_loading) {
        row->edit->setFocus();
        markDirty();
        refreshChecks();
    }
    return static_cast<int>(m_threadRows.size());
}

void ComposerDialog::removeFollowUp(ThreadRow* row)
{
    const auto it = std::find(m_threadRows.begin(), m_threadRows.end(), row);
    if (it == m_threadRows.end())
        return;
    m_threadRows.erase(it);
    // The box goes once the click that removed it returns; until then it must not be found by name.
    row->edit->setObjectName(QString());
    row->counter->setObjectName(QString());
    row->box->hide();
    row->box->deleteLater();
    delete row;
    renumberFollowUps();
    syncThreadOptions();
    markDirty();
    refreshChecks();
}

void ComposerDialog::renumberFollowUps()
{
    // The first post is 1; follow-ups count on from 2.
    for (std::size_t i = 0; i < m_threadRows.size(); ++i) {
        auto* row = m_threadRows[i];
        row->number->setText(tr("%1.").arg(i + 2));
        row->edit->setObjectName(QStringLiteral("followUpEdit_%1").arg(i + 1));
        row->counter->setObjectName(QStringLiteral("followUpCounter_%1").arg(i + 1));
    }
}

QStringList ComposerDialog::followUps() const
{
    QStringList texts;
    for (const auto* row : m_threadRows)
        texts << row->edit->toPlainText();
    return texts;
}

// A thread cannot repeat or sit in the evergreen pool (their copies are single posts), and a post
// held by Mastodon's scheduler has no id to reply to until it is out.
void ComposerDialog::syncThreadOptions()
{
    const bool thread = !m_threadRows.empty();
    if (auto* scroll = findChild<QScrollArea*>(QStringLiteral("threadScroll")))
        scroll->setVisible(thread);
    if (!m_repeat || !m_evergreen)
        return;
    const bool copies = m_repeat->isChecked() || m_evergreen->isChecked();
    m_addFollowUp->setEnabled(!copies);
    m_addFollowUp->setToolTip(copies ? tr("Repeating and evergreen posts cannot have follow-ups.")
                                     : tr("Add a follow-up post (Ctrl+Shift+Enter)"));
    const QString onlySingle = thread ? tr("A thread cannot repeat or be evergreen.") : QString();
    m_repeat->setEnabled(!m_storedRecurring && !thread);
    m_evergreen->setEnabled(!thread || m_evergreen->isChecked());
    m_evergreen->setToolTip(thread ? onlySingle : tr("Copies of an evergreen post fill empty queue slots of its accounts."));
    if (!m_storedRecurring)
        m_repeat->setToolTip(onlySingle);
}

QWidget* ComposerDialog::buildPlanColumn()
{
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* column = new QWidget(scroll);
    auto* layout = new QVBoxLayout(column);
    scroll->setWidget(column);

    auto* when = new QGroupBox(tr("When"), column);
    auto* whenForm = new QFormLayout(when);
    m_date = new QDateEdit(when);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_time = new QTimeEdit(when);
    m_time->setObjectName(QStringLiteral("timeEdit"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_zone = new QComboBox(when);
    m_zone->setObjectName(QStringLiteral("zoneCombo"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const auto& id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromLatin1(id));
    const QString workspaceZone =
        m_workspace.timeZone.isValid() ? QString::fromLatin1(m_workspace.timeZone.id()) : QStringLiteral("UTC");
    m_zone->setCurrentText(workspaceZone);
    whenForm->addRow(tr("Date"), m_date);
    whenForm->addRow(tr("Time"), m_time);
    whenForm->addRow(tr("Time zone"), m_zone);
    m_platformSchedule = new QCheckBox(tr("Let Mastodon hold the post until its time"), when);
    m_platformSchedule->setObjectName(QStringLiteral("platformScheduleCheck"));
    m_platformSchedule->setToolTip(tr("The post then goes out even if this computer is off; it can no longer be "
                                      "changed in Herald once handed over."));
    m_platformSchedule->hide();
    whenForm->addRow(m_platformSchedule);
    connect(m_platformSchedule, &QCheckBox::toggled, this, &ComposerDialog::markDirty);

    // Repeat every N days/weeks until a day; evergreen pool with its gap. One compact row each.
    auto* repeatRow = new QHBoxLayout;
    repeatRow->setContentsMargins(0, 0, 0, 0);
    m_repeat = new QCheckBox(tr("Repeat every"), when);
    m_repeat->setObjectName(QStringLiteral("repeatCheck"));
    m_repeatEvery = new QSpinBox(when);
    m_repeatEvery->setObjectName(QStringLiteral("repeatEverySpin"));
    m_repeatEvery->setRange(1, 365);
    m_repeatUnit = new QComboBox(when);
    m_repeatUnit->setObjectName(QStringLiteral("repeatUnitCombo"));
    m_repeatUnit->addItem(tr("days"), QStringLiteral("day"));
    m_repeatUnit->addItem(tr("weeks"), QStringLiteral("week"));
    m_repeatUnit->setCurrentIndex(1);
    m_repeatUntil = new QDateEdit(when);
    m_repeatUntil->setObjectName(QStringLiteral("repeatUntilEdit"));
    m_repeatUntil->setCalendarPopup(true);
    m_repeatUntil->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_repeatEvery);
    repeatRow->addWidget(m_repeatUnit);
    repeatRow->addWidget(new QLabel(tr("until"), when));
    repeatRow->addWidget(m_repeatUntil, 1);
    whenForm->addRow(repeatRow);
    auto* evergreenRow = new QHBoxLayout;
    evergreenRow->setContentsMargins(0, 0, 0, 0);
    m_evergreen = new QCheckBox(tr("Put in the evergreen pool"), when);
    m_evergreen->setObjectName(QStringLiteral("evergreenCheck"));
    m_evergreen->setToolTip(tr("Copies of an evergreen post fill empty queue slots of its accounts."));
    m_evergreenGap = new QSpinBox(when);
    m_evergreenGap->setObjectName(QStringLiteral("evergreenGapSpin"));
    m_evergreenGap->setRange(1, 3650);
    m_evergreenGap->setValue(30);
    m_evergreenGap->setPrefix(tr("at least "));
    m_evergreenGap->setSuffix(tr(" days apart"));
    evergreenRow->addWidget(m_evergreen);
    evergreenRow->addWidget(m_evergreenGap, 1);
    whenForm->addRow(evergreenRow);
    auto syncRepeat = [this] {
        const bool editable = m_repeat->isChecked() && !m_storedRecurring;
        m_repeat->setEnabled(!m_storedRecurring);
        for (QWidget* w : {static_cast<QWidget*>(m_repeatEvery), static_cast<QWidget*>(m_repeatUnit),
                           static_cast<QWidget*>(m_repeatUntil)})
            w->setEnabled(editable);
        m_evergreenGap->setEnabled(m_evergreen->isChecked());
        syncThreadOptions();
    };
    syncRepeat();
    for (auto* check : {m_repeat, m_evergreen})
        connect(check, &QCheckBox::toggled, this, [this, syncRepeat] {
            syncRepeat();
            markDirty();
        });
    connect(m_repeatEvery, &QSpinBox::valueChanged, this, &ComposerDialog::markDirty);
    connect(m_repeatUnit, &QComboBox::currentIndexChanged, this, &ComposerDialog::markDirty);
    connect(m_repeatUntil, &QDateEdit::dateChanged, this, &ComposerDialog::markDirty);
    connect(m_evergreenGap, &QSpinBox::valueChanged, this, &ComposerDialog::markDirty);
    auto scheduleEdited = [this] {
        if (m_loading)
            return;
        m_scheduleChosen = true;
        markDirty();
    };
    connect(m_date, &QDateEdit::dateChanged, this, scheduleEdited);
    connect(m_date, &QDateEdit::dateChanged, this, [this](QDate day) {
        // Until the user sets up a repetition, its end follows the post's day (four weeks later).
        if (m_repeatUntil && !m_repeat->isChecked() && !m_storedRecurring)
            m_repeatUntil->setDate(day.addDays(28));
    });
    connect(m_time, &QTimeEdit::timeChanged, this, scheduleEdited);
    connect(m_zone, &QComboBox::currentTextChanged, this, scheduleEdited);
    layout->addWidget(when);

    auto* forecast = new QGroupBox(tr("Expected engagement"), column);
    auto* forecastLayout = new QVBoxLayout(forecast);
    m_prediction = new QLabel(tr("Reading the accounts' history…"), forecast);
    m_prediction->setObjectName(QStringLiteral("predictionLabel"));
    m_prediction->setWordWrap(true);
    forecastLayout->addWidget(m_prediction);
    for (int i = 0; i < 3; ++i) {
        auto* b = new QPushButton(forecast);
        b->setObjectName(QStringLiteral("bestSlotButton%1").arg(i));
        b->hide();
        connect(b, &QPushButton::clicked, this, [this, b] {
            const QDateTime at =
                QDateTime::fromSecsSinceEpoch(b->property("utc").toLongLong(), QTimeZone(zoneId().toLatin1()));
            presetSchedule(at);
        });
        forecastLayout->addWidget(b);
        m_slotButtons.push_back(b);
    }
    layout->addWidget(forecast);

    auto* about = new QGroupBox(tr("Campaign and tags"), column);
    auto* aboutForm = new QFormLayout(about);
    m_campaign = new QComboBox(about);
    m_campaign->setObjectName(QStringLiteral("campaignCombo"));
    m_campaign->addItem(tr("No campaign"), QVariant::fromValue<qlonglong>(-1));
    for (const auto& c : m_workspace.campaigns)
        m_campaign->addItem(fromStd(c.name), QVariant::fromValue<qlonglong>(c.id));
    m_tags = new QLineEdit(about);
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("launch, tips (comma-separated)"));
    aboutForm->addRow(tr("Campaign"), m_campaign);
    aboutForm->addRow(tr("Tags"), m_tags);
    auto* hashtags = new QWidget(about);
    m_hashtagRow = new QHBoxLayout(hashtags);
    m_hashtagRow->setContentsMargins(0, 0, 0, 0);
    aboutForm->addRow(tr("Suggested"), hashtags);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, [this] {
        markDirty();
        refreshChecks();
    });
    connect(m_tags, &QLineEdit::textEdited, this, &ComposerDialog::markDirty);
    layout->addWidget(about);

    auto* utm = new QGroupBox(tr("Link tracking"), column);
    auto* utmForm = new QFormLayout(utm);
    m_utm = new QCheckBox(tr("Add UTM parameters to links"), utm);
    m_utm->setObjectName(QStringLiteral("utmCheck"));
    m_utmCampaign = new QLineEdit(utm);
    m_utmCampaign->setObjectName(QStringLiteral("utmCampaignEdit"));
    m_utmContent = new QLineEdit(utm);
    m_utmContent->setObjectName(QStringLiteral("utmContentEdit"));
    m_utmPreview = new QPlainTextEdit(utm);
    m_utmPreview->setObjectName(QStringLiteral("utmPreview"));
    m_utmPreview->setReadOnly(true);
    m_utmPreview->setMaximumHeight(120);
    utmForm->addRow(m_utm);
    utmForm->addRow(tr("utm_campaign"), m_utmCampaign);
    utmForm->addRow(tr("utm_content"), m_utmContent);
    utmForm->addRow(m_utmPreview);
    connect(m_utm, &QCheckBox::toggled, this, &ComposerDialog::markDirty);
    connect(m_utmCampaign, &QLineEdit::textEdited, this, &ComposerDialog::markDirty);
    connect(m_utmContent, &QLineEdit::textEdited, this, &ComposerDialog::markDirty);
    layout->addWidget(utm);
    layout->addStretch(1);
    return scroll;
}

void ComposerDialog::loadPost(std::int64_t postId)
{
    auto db = engine::Database::open(m_workspace.path.toStdString());
    if (!db) {
        showError(errorSummary(db.error()), fromStd(db.error().detail));
        return;
    }
    // A follow-up opens its whole thread, from the first post.
    engine::PostEditor threads(*db);
    for (int depth = 0; depth < 1000; ++depth) {
        auto current = engine::PostRepository(*db).find(postId);
        if (!current || !*current || !(*current)->parentPostId)
            break;
        const std::int64_t parent = *(*current)->parentPostId;
        auto chain = threads.thread(parent);
        if (!chain || chain->empty() || chain->front() != postId)
            break;
        postId = parent;
    }
    m_postId = postId;
    auto post = engine::PostRepository(*db).find(postId);
    auto media = engine::PostEditor(*db).media(postId);
    if (!post || !*post || !media) {
        m_postId.reset();
        m_statusLine->setText(tr("Post %1 could not be read; starting a new post.").arg(postId));
        return;
    }
    const auto& p = **post;
    m_status = p.status;
    m_body->setPlainText(fromStd(p.body));
    if (p.campaignId) {
        const int index = m_campaign->findData(QVariant::fromValue<qlonglong>(*p.campaignId));
        m_campaign->setCurrentIndex(std::max(0, index));
    }
    QStringList tags;
    for (const auto& t : p.tags)
        tags << fromStd(t);
    m_tags->setText(tags.join(QStringLiteral(", ")));
    for (const auto& t : p.targets) {
        m_variants[t.accountId] = fromStd(t.variantText);
        for (auto* row : m_accountRows)
            if (row->account.id == t.accountId)
                row->check->setChecked(true);
    }
    m_media = *media;
    refreshMediaList();
    if (auto chain = threads.thread(postId)) {
        for (const auto id : *chain)
            if (auto followUp = engine::PostRepository(*db).find(id); followUp && *followUp)
                addFollowUp(fromStd((*followUp)->body));
    }
    engine::PublishQueue queue(*db);
    for (const auto& t : p.targets)
        if (auto due = queue.target(t.id); due && *due && (*due)->platformScheduled)
            m_platformSchedule->setChecked(true);
    if (!p.localTime.empty()) {
        const QDateTime local = QDateTime::fromString(fromStd(p.localTime), QStringLiteral("yyyy-MM-ddTHH:mm"));
        m_date->setDate(local.date());
        m_time->setTime(local.time());
        m_zone->setCurrentText(fromStd(p.timeZone));
        m_scheduleChosen = true;
    }
    // Repetition and evergreen state. An existing series keeps its rule (its occurrences exist).
    if (auto entry = engine::CalendarQuery(*db).entry(postId); entry && *entry) {
        const auto& e = **entry;
        m_storedEvergreen = e.evergreen;
        m_evergreen->setChecked(e.evergreen);
        m_storedRecurring = e.repeatEvery > 0;
        if (m_storedRecurring) {
            m_repeatEvery->setValue(e.repeatEvery);
            m_repeatUnit->setCurrentIndex(std::max(0, m_repeatUnit->findData(fromStd(e.repeatUnit))));
            m_repeat->setChecked(true);
            m_repeat->setToolTip(tr("This post already repeats; its later occurrences are separate posts in the "
                                    "calendar."));
        }
    }
    if (auto stmt = db->prepare("SELECT repeat_until, evergreen_gap_days FROM posts WHERE id = ?1")) {
        (*stmt)->bind(1, postId);
        if (auto row = (*stmt)->step(); row && *row) {
            const QDate until = QDate::fromString(fromStd((*stmt)->text(0)), Qt::ISODate);
            if (until.isValid())
                m_repeatUntil->setDate(until);
            m_evergreenGap->setValue(static_cast<int>((*stmt)->int64(1)));
        }
        (*stmt)->reset();
    }
    m_repeat->setEnabled(!m_storedRecurring);
    for (QWidget* w : {static_cast<QWidget*>(m_repeatEvery), static_cast<QWidget*>(m_repeatUnit),
                       static_cast<QWidget*>(m_repeatUntil)})
        w->setEnabled(m_repeat->isChecked() && !m_storedRecurring);
    m_evergreenGap->setEnabled(m_evergreen->isChecked());
    syncThreadOptions();
}

void ComposerDialog::presetSchedule(const QDateTime& local)
{
    m_date->setDate(local.date());
    m_time->setTime(QTime(local.time().hour(), local.time().minute()));
    m_scheduleChosen = true;
    markDirty();
}

void ComposerDialog::setSuggestedHashtags(const QStringList& tags)
{
    m_extraHashtags = tags;
    refreshHashtags();
}

void ComposerDialog::startHistoryLoad()
{
    const std::string path = m_workspace.path.toStdString();
    const auto accounts = m_workspace.accounts;
    const std::int64_t now = m_clock.nowUtc();
    runAsync<Result<composer::History>>(
        this, [path, accounts, now] { return composer::loadHistory(path, accounts, now); },
        [this](const Result<composer::History>& history) {
            m_historyLoaded = true;
            if (history) {
                m_engineHashtags = history->bestTags;
                m_models = history->models;
            }
            refreshHashtags();
            refreshPrediction();
        });
}

void ComposerDialog::markDirty()
{
    if (m_loading)
        return;
    m_dirty = true;
    if (!m_autosave->isActive())
        m_autosave->start();
    m_checkTimer->start();
}

void ComposerDialog::rebuildTargets()
{
    for (auto* row : m_accountRows) {
        const bool selected = row->check->isChecked();
        row->counter->setVisible(selected);
        if (selected && !row->variant) {
            row->variant = new QPlainTextEdit(m_tabs);
            row->variant->setObjectName(QStringLiteral("variantEdit_%1").arg(row->account.id));
            row->variant->setPlaceholderText(tr("Leave empty to post the base text on this account."));
            row->variant->setPlainText(m_variants[row->account.id]);
            const std::int64_t id = row->account.id;
            connect(row->variant, &QPlainTextEdit::textChanged, this, [this, row, id] {
                m_variants[id] = row->variant->toPlainText();
                markDirty();
            });
            m_tabs->addTab(row->variant, accountName(row->account.id));
        } else if (!selected && row->variant) {
            m_tabs->removeTab(m_tabs->indexOf(row->variant));
            row->variant->deleteLater();
            row->variant = nullptr;
        }
    }
    refreshChecks();
    refreshPrediction();
}

std::vector<std::int64_t> ComposerDialog::selectedAccounts() const
{
    std::vector<std::int64_t> ids;
    for (const auto* row : m_accountRows)
        if (row->check->isChecked())
            ids.push_back(row->account.id);
    return ids;
}

QString ComposerDialog::targetText(std::int64_t accountId) const
{
    const auto variant = m_variants.find(accountId);
    return withTracking(
        variant != m_variants.end() && !variant->second.trimmed().isEmpty() ? variant->second : m_body->toPlainText(),
        accountId);
}

QString ComposerDialog::withTracking(const QString& text, std::int64_t accountId) const
{
    if (!m_utm->isChecked())
        return text;
    composer::UtmFields fields;
    fields.campaign = m_utmCampaign->text().trimmed();
    if (fields.campaign.isEmpty())
        fields.campaign = m_utmCampaign->placeholderText();
    fields.content = m_utmContent->text();
    for (const auto* row : m_accountRows)
        if (row->account.id == accountId)
            return composer::appendUtm(text, row->account.platform, fields);
    return text;
}

QString ComposerDialog::accountName(std::int64_t accountId) const
{
    for (const auto& a : m_workspace.accounts)
        if (a.id == accountId)
            return QStringLiteral("%1 %2").arg(fromStd(std::string(engine::platformDisplayName(a.platform))),
                                               fromStd(a.handle));
    return tr("account %1").arg(accountId);
}

QString ComposerDialog::zoneId() const
{
    return m_zone->currentText().trimmed();
}

std::optional<std::int64_t> ComposerDialog::chosenUtc() const
{
    const QTimeZone zone(zoneId().toLatin1());
    if (!zone.isValid())
        return std::nullopt;
    const QTime wall(m_time->time().hour(), m_time->time().minute());
    const QDateTime at(m_date->date(), wall, zone);
    // A wall time skipped by a DST change does not round-trip.
    if (!at.isValid() || at.time() != wall)
        return std::nullopt;
    return at.toSecsSinceEpoch();
}

void ComposerDialog::refreshChecks()
{
    if (m_loading)
        return;
    // Campaign default for utm_campaign.
    const qlonglong campaignId = m_campaign->currentData().toLongLong();
    QString campaignDefault;
    for (const auto& c : m_workspace.campaigns)
        if (c.id == campaignId)
            campaignDefault = fromStd(c.utmCampaign.empty() ? c.name : c.utmCampaign);
    m_utmCampaign->setPlaceholderText(campaignDefault);

    connectors::PostDraft draft;
    draft.body = toStd(m_body->toPlainText());
    draft.accountIds = selectedAccounts();
    for (auto id : draft.accountIds)
        draft.variants.emplace_back(id, toStd(targetText(id)));
    for (const auto& m : m_media)
        draft.media.push_back({m.path, m.mime, m.altText, {}});
    const auto problems = connectors::validatePost(
        draft, m_workspace.accounts, connectors::mediaFolderFor(m_workspace.path.toStdString()), m_clock.nowUtc());
    QString preview;
    for (auto* row : m_accountRows) {
        if (!row->check->isChecked())
            continue;
        const auto platform = row->account.platform;
        const std::string text = toStd(targetText(row->account.id));
        const int count = connectors::countForPlatform(text, platform);
        const int limit = connectors::publishCapabilities(platform).textLimit;
        const bool over = limit > 0 && count > limit;
        const bool flagged = std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& p) {
            return p.blocking && p.accountId == row->account.id;
        });
        row->counter->setText(limit > 0 ? tr("%1: %2 / %3").arg(accountName(row->account.id)).arg(count).arg(limit)
                                        : tr("%1: %2").arg(accountName(row->account.id)).arg(count));
        row->counter->setProperty("overLimit", over);
        row->counter->setStyleSheet(over || flagged ? QStringLiteral("color: #c0392b; font-weight: bold;") : QString());
        preview += QStringLiteral("%1\n%2\n\n").arg(accountName(row->account.id), fromStd(text));
    }
    m_utmPreview->setPlainText(m_utm->isChecked() ? preview.trimmed() : QString());
    m_utmPreview->setVisible(m_utm->isChecked());

    m_problems->clear();
    auto addProblem = [this](const QString& text, bool blocking) {
        auto* item = new QListWidgetItem(text, m_problems);
        item->setIcon(style()->standardIcon(blocking ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
        item->setData(Qt::UserRole + 1, blocking);
    };
    for (const auto& p : problems)
        addProblem(composer::problemText(p, p.accountId ? accountName(p.accountId) : QString()), p.blocking);
    const auto followUpProblems = checkFollowUps();
    for (const auto& [text, blocking] : followUpProblems)
        addProblem(text, blocking);
    m_platformSchedule->setVisible(m_threadRows.empty() &&
                                   std::any_of(m_accountRows.begin(), m_accountRows.end(), [](const AccountRow* row) {
                                       return row->check->isChecked() &&
                                              connectors::publishCapabilities(row->account.platform).scheduling;
                                   }));
    m_problems->setVisible(m_problems->count() > 0);
    const bool blocked =
        connectors::hasBlockingProblem(problems) ||
        std::any_of(followUpProblems.begin(), followUpProblems.end(), [](const auto& p) { return p.second; });
    for (const char* name : {"scheduleButton", "publishNowButton", "queueButton"}) {
        auto* b = findChild<QPushButton*>(QString::fromLatin1(name));
        b->setEnabled(!blocked);
        b->setToolTip(blocked ? tr("Fix the problems listed above first.") : QString());
    }
}

QList<QPair<QString, bool>> ComposerDialog::checkFollowUps()
{
    QList<QPair<QString, bool>> out;
    const auto accounts = selectedAccounts();
    const std::string folder = connectors::mediaFolderFor(m_workspace.path.toStdString());
    for (std::size_t i = 0; i < m_threadRows.size(); ++i) {
        auto* row = m_threadRows[i];
        const QString text = row->edit->toPlainText();
        connectors::PostDraft part;
        part.body = toStd(text);
        part.accountIds = accounts;
        part.isReply = true;
        for (auto id : accounts)
            part.variants.emplace_back(id, toStd(withTracking(text, id)));
        for (const auto& p : connectors::validatePost(part, m_workspace.accounts, folder, m_clock.nowUtc())) {
            const QString line = tr("Post %1 of the thread: %2")
                                     .arg(i + 2)
                                     .arg(composer::problemText(p, p.accountId ? accountName(p.accountId) : QString()));
            if (!out.contains(qMakePair(line, p.blocking)))
                out.append(qMakePair(line, p.blocking));
        }
        // One count per network (accounts on the same network count alike).
        QStringList counts;
        bool over = false;
        std::vector<engine::Platform> seen;
        for (const auto* account : m_accountRows) {
            const auto platform = account->account.platform;
            if (!account->check->isChecked() || std::find(seen.begin(), seen.end(), platform) != seen.end())
                continue;
            seen.push_back(platform);
            const int limit = connectors::publishCapabilities(platform).textLimit;
            const int count = connectors::countForPlatform(toStd(withTracking(text, account->account.id)), platform);
            over = over || (limit > 0 && count > limit);
            const QString name = fromStd(std::string(engine::platformDisplayName(platform)));
            counts << (limit > 0 ? tr("%1 %2 / %3").arg(name).arg(count).arg(limit) : tr("%1 %2").arg(name).arg(count));
        }
        row->counter->setText(counts.join(QStringLiteral(" · ")));
        row->counter->setProperty("overLimit", over);
        row->counter->setStyleSheet(over ? QStringLiteral("color: #c0392b; font-weight: bold;") : QString());
    }
    return out;
}

void ComposerDialog::refreshHashtags()
{
    while (auto* item = m_hashtagRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QStringList tags;
    for (const auto& t : m_engineHashtags)
        tags << t;
    for (const auto& t : m_extraHashtags) {
        const QString tag = t.startsWith(QLatin1Char('#')) ? t : QLatin1Char('#') + t;
        if (!tags.contains(tag, Qt::CaseInsensitive))
            tags << tag;
    }
    if (tags.isEmpty()) {
        auto* none = new QLabel(m_historyLoaded ? tr("No tagged posts with results in the last 90 days.")
                                                : tr("Reading the accounts' history…"));
        none->setObjectName(QStringLiteral("noHashtagsLabel"));
        m_hashtagRow->addWidget(none);
        return;
    }
    for (const auto& tag : tags) {
        auto* b = new QPushButton(tag);
        b->setObjectName(QStringLiteral("hashtagButton"));
        b->setFlat(true);
        connect(b, &QPushButton::clicked, this, [this, tag] { insertHashtag(tag); });
        m_hashtagRow->addWidget(b);
    }
    m_hashtagRow->addStretch(1);
}

void ComposerDialog::insertHashtag(const QString& tag)
{
    auto* edit = qobject_cast<QPlainTextEdit*>(m_tabs->currentWidget());
    if (!edit)
        edit = m_body;
    const QString text = edit->toPlainText();
    const int at = edit->textCursor().position();
    const bool needsSpace = at > 0 && !text.at(at - 1).isSpace();
    edit->insertPlainText((needsSpace ? QStringLiteral(" ") : QString()) + tag + QLatin1Char(' '));
}

void ComposerDialog::refreshPrediction()
{
    for (auto* b : m_slotButtons)
        b->hide();
    if (!m_historyLoaded)
        return;
    const auto selected = selectedAccounts();
    if (selected.empty()) {
        m_prediction->setText(tr("Select an account to see the expected engagement."));
        return;
    }
    const auto at = chosenUtc().value_or(m_clock.nowUtc());
    QStringList lines;
    bool slotsShown = false;
    for (auto id : selected) {
        const auto* row = *std::find_if(m_accountRows.begin(), m_accountRows.end(),
                                        [id](const AccountRow* r) { return r->account.id == id; });
        const auto model = m_models.find(id);
        if (model == m_models.end() || model->second->status() != engine::EngagementStatus::Ok) {
            lines << tr("%1: not enough history for a prediction.").arg(accountName(id));
            continue;
        }
        const QTimeZone accountZone(QByteArray::fromStdString(row->account.timeZone));
        const QString text = targetText(id);
        engine::PostFeatures draft;
        draft.platform = row->account.platform;
        draft.hourOfWeek = composer::hourOfWeek(at, accountZone);
        draft.textLength = static_cast<int>(text.toUcs4().size());
        draft.mediaCount = static_cast<int>(m_media.size());
        draft.hashtagCount = composer::hashtagCount(text);
        for (const auto& t : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            draft.tags.push_back(toStd(t.trimmed()));
        const auto estimate = model->second->predict(draft);
        if (!estimate) {
            lines << tr("%1: no prediction (%2).").arg(accountName(id), fromStd(estimate.error().detail));
            continue;
        }
        lines << tr("%1: %2 % engagement at this time (90 % interval %3–%4 %).")
                     .arg(accountName(id))
                     .arg(estimate->rate * 100, 0, 'f', 1)
                     .arg(estimate->lower * 100, 0, 'f', 1)
                     .arg(estimate->upper * 100, 0, 'f', 1);
        if (slotsShown)
            continue;
        // The next full hour in the account's zone starts the 7-day window.
        const QDateTime local = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), accountZone);
        const QDateTime start = QDateTime(local.date(), QTime(local.time().hour(), 0), accountZone).addSecs(3600);
        const auto best =
            model->second->bestSlots(draft, composer::hourOfWeek(start.toSecsSinceEpoch(), accountZone), 3);
        if (!best)
            continue;
        const QTimeZone shown(zoneId().toLatin1());
        for (std::size_t i = 0; i < best->size() && i < m_slotButtons.size(); ++i) {
            const auto& slot = (*best)[i];
            const QDateTime when = start.addSecs(std::int64_t(slot.hoursAhead) * 3600);
            auto* b = m_slotButtons[i];
            b->setProperty("utc", QVariant::fromValue<qlonglong>(when.toSecsSinceEpoch()));
            b->setText(tr("%1 · %2 % (%3–%4 %)")
                           .arg(QLocale().toString(when.toTimeZone(shown.isValid() ? shown : accountZone),
                                                   QStringLiteral("ddd d MMM HH:mm")))
                           .arg(slot.estimate.rate * 100, 0, 'f', 1)
                           .arg(slot.estimate.lower * 100, 0, 'f', 1)
                           .arg(slot.estimate.upper * 100, 0, 'f', 1));
            b->setToolTip(tr("Best times in the next 7 days for %1").arg(accountName(id)));
            b->show();
        }
        slotsShown = true;
    }
    m_prediction->setText(lines.join(QLatin1Char('\n')));
}

// Targets on networks with their own scheduler carry the user's choice; others never do.
void ComposerDialog::storePlatformScheduling()
{
    auto db = engine::Database::open(m_workspace.path.toStdString());
    auto post = db ? engine::PostRepository(*db).find(*m_postId) : Result<std::optional<engine::Post>>(std::nullopt);
    if (!db || !post || !*post)
        return;
    engine::PublishQueue queue(*db);
    for (const auto& t : (*post)->targets) {
        if (t.status != engine::PostStatus::Draft && t.status != engine::PostStatus::Scheduled)
            continue;
        bool handOver = false;
        for (const auto* row : m_accountRows)
            if (row->account.id == t.accountId)
                handOver = m_platformSchedule->isChecked() && m_threadRows.empty() &&
                           connectors::publishCapabilities(row->account.platform).scheduling;
        if (auto stored = queue.setPlatformScheduled(t.id, handOver); !stored)
            showError(errorSummary(stored.error()), fromStd(stored.error().detail));
    }
}

void ComposerDialog::showError(const QString& summary, const QString& detail)
{
    m_statusLine->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(summary.toHtmlEscaped()));
    m_statusLine->setToolTip(detail);
}

} // namespace herald::ui
