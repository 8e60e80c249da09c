#include "herald/widgets/CalendarPanel.h"

#include <algorithm>

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "calendar/BestTimeHeatmap.h"
#include "calendar/CalendarData.h"
#include "calendar/CalendarEdits.h"
#include "calendar/CalendarLoad.h"
#include "calendar/MonthView.h"
#include "calendar/QueueModel.h"
#include "calendar/WeekView.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

QString accountLabel(const engine::Account& a)
{
    return QStringLiteral("%1 · %2").arg(QString::fromUtf8(engine::platformDisplayName(a.platform).data()),
                                         QString::fromStdString(a.handle));
}

QString errorText(const herald::Error& error)
{
    return errorSummary(error) + QLatin1Char(' ') + QString::fromStdString(error.detail);
}

} // namespace

CalendarPanel::CalendarPanel(const engine::Clock& clock, QWidget* parent)
    : QWidget(parent), m_clock(clock), m_zone(QTimeZone::utc()), m_days(std::make_shared<const CalendarDays>())
{
    setObjectName(QStringLiteral("calendarPanel"));
    m_edits = new CalendarEdits(this);
    m_undo = new QUndoStack(this);
    connect(m_edits, &CalendarEdits::editApplied, this, [this] {
        emit editApplied();
        refresh();
    });
    connect(m_edits, &CalendarEdits::editFailed, this, [this](const herald::Error& error) {
        const QString text = tr("The change could not be saved: %1").arg(errorText(error));
        showStatus(text, true);
        emit editFailed(text);
        refresh();
    });
    buildUi();
    clearWorkspace();
}

CalendarPanel::~CalendarPanel() = default;

void CalendarPanel::buildUi()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    m_noWorkspace = new QLabel(tr("Open or create a workspace to plan posts on the calendar."), m_pages);
    m_noWorkspace->setObjectName(QStringLiteral("calendarNoWorkspace"));
    m_noWorkspace->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(m_noWorkspace);

    m_calendarPage = new QWidget(m_pages);
    m_pages->addWidget(m_calendarPage);
    auto* layout = new QVBoxLayout(m_calendarPage);

    auto* nav = new QHBoxLayout;
    auto* today = new QPushButton(tr("Today"), m_calendarPage);
    today->setObjectName(QStringLiteral("todayButton"));
    auto* prev = new QToolButton(m_calendarPage);
    prev->setObjectName(QStringLiteral("previousButton"));
    prev->setArrowType(Qt::LeftArrow);
    prev->setToolTip(tr("Previous"));
    auto* next = new QToolButton(m_calendarPage);
    next->setObjectName(QStringLiteral("nextButton"));
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Next"));
    m_period = new QLabel(m_calendarPage);
    m_period->setObjectName(QStringLiteral("periodLabel"));
    QFont big = m_period->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_period->setFont(big);
    connect(today, &QPushButton::clicked, this, &CalendarPanel::showToday);
    connect(prev, &QToolButton::clicked, this, &CalendarPanel::showPrevious);
    connect(next, &QToolButton::clicked, this, &CalendarPanel::showNext);
    nav->addWidget(today);
    nav->addWidget(prev);
    nav->addWidget(next);
    nav->addWidget(m_period, 1);

    m_viewButtons = new QButtonGroup(this);
    const std::pair<QString, const char*> views[] = {
        {tr("Month"), "monthButton"}, {tr("Week"), "weekButton"}, {tr("Queue"), "queueButton"}};
    for (int i = 0; i < 3; ++i) {
        auto* b = new QToolButton(m_calendarPage);
        b->setText(views[i].first);
        b->setObjectName(QString::fromLatin1(views[i].second));
        b->setCheckable(true);
        m_viewButtons->addButton(b, i);
        nav->addWidget(b);
    }
    m_viewButtons->button(0)->setChecked(true);
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setView(View(id)); });

    auto* zoneLabel = new QLabel(tr("Time zone:"), m_calendarPage);
    m_zoneCombo = new QComboBox(m_calendarPage);
    m_zoneCombo->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zoneCombo->setToolTip(tr("The calendar shows times in this zone; it is saved as the workspace's time zone."));
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_zoneCombo->addItem(QString::fromLatin1(id));
    zoneLabel->setBuddy(m_zoneCombo);
    connect(m_zoneCombo, &QComboBox::activated, this,
            [this](int index) { setTimeZone(QTimeZone(m_zoneCombo->itemText(index).toLatin1())); });
    nav->addSpacing(12);
    nav->addWidget(zoneLabel);
    nav->addWidget(m_zoneCombo);
    layout->addLayout(nav);

    auto* filters = new QHBoxLayout;
    auto makeFilter = [this, filters](const char* name) {
        auto* combo = new QComboBox(m_calendarPage);
        combo->setObjectName(QString::fromLatin1(name));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(combo);
        connect(combo, &QComboBox::activated, this, [this] {
            readFilterCombos();
            refresh();
            refreshHeatmap();
        });
        return combo;
    };
    m_accountFilter = makeFilter("accountFilter");
    m_campaignFilter = makeFilter("campaignFilter");
    m_statusFilter = makeFilter("statusFilter");
    m_tagFilter = makeFilter("tagFilter");
    filters->addStretch(1);
    m_slotsButton = new QPushButton(tr("Posting slots…"), m_calendarPage);
    m_slotsButton->setObjectName(QStringLiteral("postingSlotsButton"));
    connect(m_slotsButton, &QPushButton::clicked, this, &CalendarPanel::editSlots);
    auto* importButton = new QPushButton(tr("Import Posts…"), m_calendarPage);
    importButton->setObjectName(QStringLiteral("importPostsButton"));
    importButton->setToolTip(tr("Schedule many posts from a CSV file: every row is checked first, and nothing is "
                                "imported unless all rows are good."));
    connect(importButton, &QPushButton::clicked, this, &CalendarPanel::importPosts);
    m_queueButton = new QPushButton(tr("Add to queue"), m_calendarPage);
    m_queueButton->setObjectName(QStringLiteral("addToQueueButton"));
    m_queueButton->setToolTip(tr("Put the selected post into the next free posting slot of its accounts."));
    connect(m_queueButton, &QPushButton::clicked, this, [this] {
        if (m_selected)
            addToQueue(*m_selected);
        else
            showStatus(tr("Select a post first."), true);
    });
    auto* undoButton = new QToolButton(m_calendarPage);
    undoButton->setObjectName(QStringLiteral("undoButton"));
    auto* redoButton = new QToolButton(m_calendarPage);
    redoButton->setObjectName(QStringLiteral("redoButton"));
    QAction* undo = m_undo->createUndoAction(this, tr("Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QAction* redo = m_undo->createRedoAction(this, tr("Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    addAction(redo);
    undoButton->setDefaultAction(undo);
    redoButton->setDefaultAction(redo);
    auto* cancel = new QAction(tr("Cancel post"), this);
    cancel->setShortcut(QKeySequence::Delete);
    cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(cancel, &QAction::triggered, this, &CalendarPanel::confirmCancelSelected);
    addAction(cancel);
    filters->addWidget(m_slotsButton);
    filters->addWidget(importButton);
    filters->addWidget(m_queueButton);
    filters->addWidget(undoButton);
    filters->addWidget(redoButton);
    layout->addLayout(filters);

    m_status = new QLabel(m_calendarPage);
    m_status->setObjectName(QStringLiteral("calendarStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto* split = new QSplitter(Qt::Vertical, m_calendarPage);
    m_views = new QStackedWidget(split);
    m_month = new MonthView(m_views);
    m_views->addWidget(m_month);
    m_weekScroll = new QScrollArea(m_views);
    m_weekScroll->setWidgetResizable(true);
    m_week = new WeekView(m_weekScroll);
    m_weekScroll->setWidget(m_week);
    connect(m_weekScroll->verticalScrollBar(), &QScrollBar::valueChanged, m_week, qOverload<>(&QWidget::update));
    m_views->addWidget(m_weekScroll);
    m_list = new QTableView(m_views);
    m_list->setObjectName(QStringLiteral("queueTable"));
    m_queue = new QueueModel(m_list);
    m_list->setModel(m_queue);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->verticalHeader()->hide();
    // Fixed row heights and no content-based sizing keep 100,000 rows smooth.
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(QueueModel::TextColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(QueueModel::TimeColumn, 140);
    m_list->setColumnWidth(QueueModel::AccountsColumn, 220);
    m_list->setColumnWidth(QueueModel::CampaignColumn, 160);
    m_views->addWidget(m_list);
    m_heatmap = new BestTimeHeatmap(split);
    split->addWidget(m_views);
    split->addWidget(m_heatmap);
    m_heatmap->setMaximumHeight(260);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    split->setSizes({600, 200});
    layout->addWidget(split, 1);

    connect(m_month, &MonthView::postSelected, this, [this](std::int64_t id) { selectPost(id); });
    connect(m_week, &WeekView::postSelected, this, [this](std::int64_t id) { selectPost(id); });
    connect(m_month, &MonthView::postActivated, this, [this](std::int64_t id) { emit composeRequested(id, {}); });
    connect(m_week, &WeekView::postActivated, this, [this](std::int64_t id) { emit composeRequested(id, {}); });
    connect(m_month, &MonthView::postDropped, this, &CalendarPanel::movePostToDay);
    connect(m_week, &WeekView::postDropped, this, &CalendarPanel::movePostToTime);
    connect(m_month, &MonthView::emptyDayActivated, this,
            [this](const QDate& day) { emit composeRequested(std::nullopt, QDateTime(day, QTime(9, 0), m_zone)); });
    connect(m_week, &WeekView::emptySlotActivated, this,
            [this](const QDateTime& at) { emit composeRequested(std::nullopt, at); });
    connect(m_month, &MonthView::moreActivated, this, [this](const QDate& day) {
        m_date = day;
        setView(View::Week);
    });
    connect(m_month, &MonthView::postContextMenuRequested, this, &CalendarPanel::showContextMenu);
    connect(m_week, &WeekView::postContextMenuRequested, this, &CalendarPanel::showContextMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (const auto id = m_queue->postIdAt(current.row()))
                    m_selected = id;
            });
    connect(m_list, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const auto id = m_queue->postIdAt(index.row()))
            emit composeRequested(*id, {});
        else if (const FreeSlot* slot = m_queue->freeSlotAt(index.row()))
            emit composeRequested(std::nullopt, QDateTime::fromSecsSinceEpoch(slot->utc, m_zone));
    });
    connect(m_list, &QTableView::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (const auto id = m_queue->postIdAt(m_list->indexAt(pos).row())) {
            m_selected = id;
            showContextMenu(*id, m_list->viewport()->mapToGlobal(pos));
        }
    });
}

void CalendarPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    const bool sameFile = m_hasWorkspace && workspace.path == m_workspace.path;
    m_workspace = workspace;
    m_hasWorkspace = true;
    if (!sameFile) {
        m_undo->clear();
        m_selected.reset();
        m_filter = {};
    }
    m_edits->setWorkspacePath(workspace.path);
    m_zone = workspace.timeZone.isValid() ? workspace.timeZone : QTimeZone::utc();
    m_zoneCombo->setCurrentText(QString::fromLatin1(m_zone.id()));
    if (!sameFile || !m_date.isValid())
        m_date = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_zone).date();
    rebuildFilters();
    m_pages->setCurrentWidget(m_calendarPage);
    refresh();
    refreshHeatmap();
}

void CalendarPanel::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    ++m_heatmapGeneration;
    m_workspace = {};
    m_undo->clear();
    m_selected.reset();
    m_days = std::make_shared<const CalendarDays>();
    m_month->setDays(m_days);
    m_week->setDays(m_days);
    m_queue->clear();
    m_pages->setCurrentWidget(m_noWorkspace);
}

void CalendarPanel::rebuildFilters()
{
    auto fill = [](QComboBox* combo, const QString& all, const std::vector<std::pair<QString, QVariant>>& items) {
        const QVariant current = combo->currentData();
        combo->clear();
        combo->addItem(all, QVariant());
        for (const auto& [text, value] : items)
            combo->addItem(text, value);
        const int keep = current.isValid() ? combo->findData(current) : 0;
        combo->setCurrentIndex(std::max(0, keep));
    };
    std::vector<std::pair<QString, QVariant>> accounts, campaigns, statuses, tags;
    for (const auto& a : m_workspace.accounts)
        accounts.emplace_back(accountLabel(a), qlonglong(a.id));
    for (const auto& c : m_workspace.campaigns)
        campaigns.emplace_back(QString::fromStdString(c.name), qlonglong(c.id));
    using S = engine::PostStatus;
    for (S s : {S::Draft, S::Scheduled, S::Publishing, S::Published, S::Failed, S::Cancelled})
        statuses.emplace_back(statusText(s), int(s));
    for (const auto& t : m_workspace.tags)
        tags.emplace_back(QString::fromStdString(t), QString::fromStdString(t));
    fill(m_accountFilter, tr("All accounts"), accounts);
    fill(m_campaignFilter, tr("All campaigns"), campaigns);
    fill(m_statusFilter, tr("Any status"), statuses);
    fill(m_tagFilter, tr("Any tag"), tags);
    readFilterCombos();
}

void CalendarPanel::readFilterCombos()
{
    m_filter = {};
    if (const QVariant v = m_accountFilter->currentData(); v.isValid())
        m_filter.accountIds = {v.toLongLong()};
    if (const QVariant v = m_campaignFilter->currentData(); v.isValid())
        m_filter.campaignIds = {v.toLongLong()};
    if (const QVariant v = m_statusFilter->currentData(); v.isValid())
        m_filter.statuses = {engine::PostStatus(v.toInt())};
    if (const QVariant v = m_tagFilter->currentData(); v.isValid())
        m_filter.tags = {v.toString().toStdString()};
}

void CalendarPanel::setFilter(const engine::CalendarFilter& filter)
{
    m_filter = filter;
    auto select = [](QComboBox* combo, const QVariant& value, bool single) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(single ? std::max(0, combo->findData(value)) : 0);
    };
    select(m_accountFilter, filter.accountIds.empty() ? QVariant() : QVariant(qlonglong(filter.accountIds.front())),
           filter.accountIds.size() == 1);
    select(m_campaignFilter, filter.campaignIds.empty() ? QVariant() : QVariant(qlonglong(filter.campaignIds.front())),
           filter.campaignIds.size() == 1);
    select(m_statusFilter, filter.statuses.empty() ? QVariant() : QVariant(int(filter.statuses.front())),
           filter.statuses.size() == 1);
    select(m_tagFilter, filter.tags.empty() ? QVariant() : QVariant(QString::fromStdString(filter.tags.front())),
           filter.tags.size() == 1);
    refresh();
    refreshHeatmap();
}

void CalendarPanel::reload()
{
    refresh();
}

void CalendarPanel::setView(View view)
{
    m_view = view;
    m_viewButtons->button(int(view))->setChecked(true);
    m_views->setCurrentIndex(int(view));
    if (view == View::Week) // open the working day rather than midnight
        m_weekScroll->verticalScrollBar()->setValue(m_week->slotPosition(m_week->weekStart(), 8).y() -
                                                    m_week->slotPosition(m_week->weekStart(), 0).y());
    refresh();
}

void CalendarPanel::showDate(const QDate& day)
{
    m_date = day;
    refresh();
}

void CalendarPanel::showNext()
{
    showDate(m_view == View::Week ? m_date.addDays(7) : m_date.addMonths(1));
}

void CalendarPanel::showPrevious()
{
    showDate(m_view == View::Week ? m_date.addDays(-7) : m_date.addMonths(-1));
}

void CalendarPanel::showToday()
{
    showDate(QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_zone).date());
}

void CalendarPanel::setTimeZone(const QTimeZone& zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    m_workspace.timeZone = zone;
    {
        const QSignalBlocker block(m_zoneCombo);
        m_zoneCombo->setCurrentText(QString::fromLatin1(zone.id()));
    }
    if (m_hasWorkspace) {
        m_edits->run([id = zone.id().toStdString()](engine::Database& db) -> Result<void> {
            return engine::SettingsRepository(db).setValue(engine::settingKeys::kTimeZone, id);
        });
    }
    emit timeZoneChanged(zone);
    refresh();
}

const CalendarDays& CalendarPanel::days() const
{
    return *m_days;
}

QAbstractItemModel* CalendarPanel::queueModel() const
{
    return m_queue;
}

int CalendarPanel::pendingEdits() const
{
    return m_edits->pending() + m_slotLookups;
}

void CalendarPanel::updatePeriodLabel()
{
    const QLocale locale;
    if (m_view == View::Week) {
        const QDate start = weekStart(m_date);
        m_period->setText(tr("%1 – %2").arg(locale.toString(start, QLocale::ShortFormat),
                                            locale.toString(start.addDays(6), QLocale::ShortFormat)));
    } else if (m_view == View::Month) {
        m_period->setText(locale.toString(m_date, QStringLiteral("MMMM yyyy")));
    } else {
        m_period->setText(tr("Queue"));
    }
}

void CalendarPanel::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
    m_status->setVisible(!text.isEmpty());
}

void CalendarPanel::refresh()
{
    const int generation = ++m_generation;
    if (!m_hasWorkspace)
        return;
    updatePeriodLabel();
    const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_zone).date();
    m_month->setToday(today);
    m_week->setToday(today);
    if (m_view == View::List) {
        std::vector<std::pair<std::int64_t, std::string>> accounts;
        for (const auto& a : m_workspace.accounts)
            if (m_filter.accountIds.empty() ||
                std::find(m_filter.accountIds.begin(), m_filter.accountIds.end(), a.id) != m_filter.accountIds.end())
                accounts.emplace_back(a.id, a.handle);
        runAsync<Result<QueueData>>(
            this,
            [path = m_workspace.path, filter = m_filter, accounts, now = m_clock.nowUtc()] {
                return loadQueue(path, filter, accounts, now);
            },
            [this, generation](Result<QueueData> result) {
                if (generation != m_generation)
                    return;
                m_shownGeneration = generation;
                if (!result) {
                    m_queue->clear();
                    showStatus(tr("The queue could not be read: %1").arg(errorText(result.error())), true);
                } else {
                    const bool noPosts = result->posts.empty();
                    const bool noSlots = result->accountsWithSlots == 0;
                    m_queue->setRows(std::move(result->posts), std::move(result->freeSlots), m_zone);
                    QStringList notes;
                    if (noPosts)
                        notes << tr("No posts match the filters.");
                    if (noSlots)
                        notes << tr("No posting slots yet: set them with “Posting slots…” to use the queue.");
                    showStatus(notes.join(QLatin1Char(' ')), false);
                }
                emit calendarShown();
            });
        return;
    }
    const QDate first = m_view == View::Month ? monthGridStart(m_date) : weekStart(m_date);
    const QDate end = first.addDays(m_view == View::Month ? 42 : 7);
    if (m_view == View::Month)
        m_month->setMonth(m_date);
    else
        m_week->setWeek(m_date);
    runAsync<Result<std::shared_ptr<const CalendarDays>>>(
        this,
        [path = m_workspace.path, zone = m_zone, from = dayStartUtc(first, m_zone), to = dayStartUtc(end, m_zone),
         filter = m_filter] { return loadCalendarRange(path, zone, from, to, filter); },
        [this, generation](const Result<std::shared_ptr<const CalendarDays>>& result) {
            if (generation != m_generation)
                return;
            m_shownGeneration = generation;
            if (!result) {
                m_days = std::make_shared<const CalendarDays>();
                showStatus(tr("The calendar could not be read: %1").arg(errorText(result.error())), true);
            } else {
                m_days = *result;
                if (m_days->entries().empty())
                    showStatus(m_view == View::Month ? tr("No posts in this month. Double-click a day to plan one.")
                                                     : tr("No posts in this week. Double-click an hour to plan one."),
                               false);
                else
                    showStatus({}, false);
            }
            m_month->setDays(m_days);
            m_week->setDays(m_days);
            m_month->setSelectedPost(m_selected);
            m_week->setSelectedPost(m_selected);
            emit calendarShown();
        });
}

void CalendarPanel::refreshHeatmap()
{
    const int generation = ++m_heatmapGeneration;
    if (!m_hasWorkspace)
        return;
    if (m_filter.accountIds.size() != 1) {
        m_heatmap->setMessage(tr("Best time to post: choose one account in the filter to see its engagement by "
                                 "hour of the week."));
        emit heatmapShown();
        return;
    }
    const auto it = std::find_if(m_workspace.accounts.begin(), m_workspace.accounts.end(),
                                 [this](const engine::Account& a) { return a.id == m_filter.accountIds.front(); });
    if (it == m_workspace.accounts.end())
        return;
    const engine::Account account = *it;
    m_heatmap->setMessage(tr("Fitting the engagement model…"));
    runAsync<Result<HeatmapData>>(
        this,
        [path = m_workspace.path, account, now = m_clock.nowUtc()] {
            return loadHeatmap(path, account.id, account.timeZone, now);
        },
        [this, generation, account](Result<HeatmapData> result) {
            if (generation != m_heatmapGeneration)
                return;
            if (!result)
                m_heatmap->setMessage(tr("The best times could not be computed: %1").arg(errorText(result.error())));
            else if (!result->enoughHistory || result->rates.size() != 168)
                m_heatmap->setMessage(
                    tr("Not enough history for best times: %1 has %n published post(s) with impressions; the model "
                       "needs at least %2.",
                       nullptr, int(result->posts))
                        .arg(accountLabel(account))
                        .arg(result->minPosts));
            else
                m_heatmap->setRates(std::move(result->rates),
                                    tr("Best times to post for %1: engagement rate by hour (%2), from %n post(s)",
                                       nullptr, int(result->posts))
                                        .arg(accountLabel(account), QString::fromStdString(account.timeZone)));
            emit heatmapShown();
        });
}

} // namespace herald::ui
