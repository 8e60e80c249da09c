#include "herald/widgets/AudiencePanel.h"

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "AudienceRulesTab.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/AudienceData.h"
#include "herald/widgets/AudienceText.h"
#include "herald/widgets/Csv.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/TaskProgress.h"

namespace herald::ui {

namespace {

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    auto font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QTableWidget* table(const char* name, const QStringList& headers, QWidget* parent)
{
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(QString::fromLatin1(name));
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    return t;
}

} // namespace

AudiencePanel::AudiencePanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("audiencePanel"));
    m_pages = new QStackedWidget(this);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("audienceEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6873; padding: 24px;"));
    m_pages->addWidget(m_empty);

    // Left: what to segment.
    auto* content = new QWidget(m_pages);
    m_accounts = new QListWidget(content);
    m_accounts->setObjectName(QStringLiteral("audienceAccountList"));
    m_features = new QListWidget(content);
    m_features->setObjectName(QStringLiteral("audienceFeatureList"));
    for (const auto& f : engine::audienceFeatureCatalogue()) {
        auto* item = new QListWidgetItem(AudienceText::featureLabel(f.id), m_features);
        item->setData(Qt::UserRole, QString::fromStdString(f.id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_autoK = new QCheckBox(tr("Choose the number of segments for me"), content);
    m_autoK->setObjectName(QStringLiteral("autoKCheck"));
    m_autoK->setChecked(true);
    m_k = new QSpinBox(content);
    m_k->setObjectName(QStringLiteral("kSpin"));
    m_k->setRange(2, 12);
    m_k->setValue(4);
    m_k->setEnabled(false);
    m_k->setPrefix(tr("Segments: "));
    m_runButton = new QPushButton(tr("Run segmentation"), content);
    m_runButton->setObjectName(QStringLiteral("runSegmentationButton"));
    m_ownProgress = new TaskProgress(content);
    auto* left = new QVBoxLayout;
    auto* accountsBox = new QGroupBox(tr("Accounts"), content);
    (new QVBoxLayout(accountsBox))->addWidget(m_accounts);
    auto* featuresBox = new QGroupBox(tr("Features"), content);
    (new QVBoxLayout(featuresBox))->addWidget(m_features);
    left->addWidget(accountsBox, 1);
    left->addWidget(featuresBox, 2);
    left->addWidget(m_autoK);
    left->addWidget(m_k);
    left->addWidget(m_runButton);
    left->addWidget(m_ownProgress);
    auto* leftHost = new QWidget(content);
    leftHost->setLayout(left);
    leftHost->setFixedWidth(330);

    // Right: results.
    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("audienceTabs"));
    auto* segmentsTab = new QWidget(m_tabs);
    m_summary = new QLabel(segmentsTab);
    m_summary->setObjectName(QStringLiteral("segmentationSummary"));
    m_summary->setWordWrap(true);
    m_saveButton = new QPushButton(tr("Save segments…"), segmentsTab);
    m_saveButton->setObjectName(QStringLiteral("saveSegmentsButton"));
    m_saveButton->setEnabled(false);
    m_cardsHost = new QWidget;
    m_cards = new QGridLayout(m_cardsHost);
    auto* scroll = new QScrollArea(segmentsTab);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_cardsHost);
    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_saveButton);
    auto* segmentsLayout = new QVBoxLayout(segmentsTab);
    segmentsLayout->addLayout(top);
    segmentsLayout->addWidget(scroll, 1);
    m_tabs->addTab(segmentsTab, tr("Segments"));

    m_scatter = new QChartView(m_tabs);
    m_scatter->setObjectName(QStringLiteral("segmentScatter"));
    m_scatter->setRenderHint(QPainter::Antialiasing);
    m_tabs->addTab(m_scatter, tr("Map"));
    m_silhouette = new QChartView(m_tabs);
    m_silhouette->setObjectName(QStringLiteral("silhouettePlot"));
    m_silhouette->setRenderHint(QPainter::Antialiasing);
    m_tabs->addTab(m_silhouette, tr("Silhouette"));
    m_rules = new AudienceRulesTab(m_tabs);
    m_tabs->addTab(m_rules, tr("Interest rules"));

    auto* recTab = new QWidget(m_tabs);
    m_recSegment = new QComboBox(recTab);
    m_recSegment->setObjectName(QStringLiteral("recommendationSegmentCombo"));
    m_recTags = table("recommendedTagsTable", {tr("Tag"), tr("Engagements"), tr("Score"), tr("Lift")}, recTab);
    m_recPosts = table("topPostsTable", {tr("Post"), tr("Engagements"), tr("Lift")}, recTab);
    auto* recLayout = new QVBoxLayout(recTab);
    auto* recTop = new QHBoxLayout;
    recTop->addWidget(new QLabel(tr("Segment:"), recTab));
    recTop->addWidget(m_recSegment);
    recTop->addStretch();
    recLayout->addLayout(recTop);
    recLayout->addWidget(new QLabel(tr("Tags and topics its members engage with most"), recTab));
    recLayout->addWidget(m_recTags, 1);
    recLayout->addWidget(new QLabel(tr("Past posts it engaged with most"), recTab));
    recLayout->addWidget(m_recPosts, 1);
    m_tabs->addTab(recTab, tr("Recommendations"));

    auto* savedTab = new QWidget(m_tabs);
    m_savedRuns =
        table("savedRunsTable", {tr("Name"), tr("Saved"), tr("Segments"), tr("Members"), tr("Features")}, savedTab);
    auto* compare = new QPushButton(tr("Compare selected"), savedTab);
    compare->setObjectName(QStringLiteral("compareRunsButton"));
    auto* remove = new QPushButton(tr("Delete"), savedTab);
    remove->setObjectName(QStringLiteral("deleteRunButton"));
    m_comparisonTitle =
        new QLabel(tr("Select two saved runs and compare them to see how their segments overlap."), savedTab);
    m_comparisonTitle->setWordWrap(true);
    m_comparison = new QTableWidget(savedTab);
    m_comparison->setObjectName(QStringLiteral("runComparisonTable"));
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* savedButtons = new QHBoxLayout;
    savedButtons->addStretch();
    savedButtons->addWidget(compare);
    savedButtons->addWidget(remove);
    auto* savedLayout = new QVBoxLayout(savedTab);
    savedLayout->addWidget(m_savedRuns, 1);
    savedLayout->addLayout(savedButtons);
    savedLayout->addWidget(m_comparisonTitle);
    savedLayout->addWidget(m_comparison, 1);
    m_tabs->addTab(savedTab, tr("Saved runs"));

    auto* contentLayout = new QHBoxLayout(content);
    contentLayout->addWidget(leftHost);
    contentLayout->addWidget(m_tabs, 1);
    m_pages->addWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading(tr("Audience"), this));
    layout->addWidget(m_pages, 1);

    connect(m_autoK, &QCheckBox::toggled, m_k, [this](bool automatic) { m_k->setEnabled(!automatic); });
    connect(m_runButton, &QPushButton::clicked, this, &AudiencePanel::runSegmentation);
    connect(m_saveButton, &QPushButton::clicked, this, &AudiencePanel::chooseSave);
    connect(compare, &QPushButton::clicked, this, &AudiencePanel::compareSelected);
    connect(remove, &QPushButton::clicked, this, &AudiencePanel::deleteSelected);
    connect(m_recSegment, &QComboBox::currentIndexChanged, this, &AudiencePanel::showRecommendations);
    connect(m_rules, &AudienceRulesTab::hashtagsChosen, this, &AudiencePanel::hashtagsChosen);
    clearWorkspace();
}

AudiencePanel::~AudiencePanel() = default;

void AudiencePanel::setTaskProgress(TaskProgress* progress)
{
    m_progress = progress;
}

void AudiencePanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    resetResults();
    m_empty->setText(tr("Reading the audience…"));
    m_pages->setCurrentIndex(0);
    refreshOverview();
}

void AudiencePanel::clearWorkspace()
{
    m_workspace = {};
    m_hasWorkspace = false;
    resetResults();
    m_accounts->clear();
    m_empty->setText(tr("Open a workspace to segment its audience."));
    m_pages->setCurrentIndex(0);
}

// Forgets the shown run and any job in flight (its answer is dropped when it arrives).
void AudiencePanel::resetResults()
{
    ++m_generation;
    m_running = false;
    m_run.reset();
    m_runButton->setEnabled(true);
    m_saveButton->setEnabled(false);
    m_rules->clear();
    m_scatterRows.clear();
    QChart* oldMap = m_scatter->chart();
    m_scatter->setChart(new QChart);
    delete oldMap;
    QChart* oldPlot = m_silhouette->chart();
    m_silhouette->setChart(new QChart);
    delete oldPlot;
    while (auto* item = m_cards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    {
        const QSignalBlocker block(m_recSegment);
        m_recSegment->clear();
    }
    m_recTags->setRowCount(0);
    m_recPosts->setRowCount(0);
    m_comparison->clear();
    m_comparison->setRowCount(0);
    m_comparison->setColumnCount(0);
    m_savedRuns->setRowCount(0);
    m_savedRunIds.clear();
    m_summary->clear();
}

void AudiencePanel::refreshOverview()
{
    const int generation = m_generation;
    const QString path = m_workspace.path;
    runAsync<Result<AudienceOverview>>(
        this, [path] { return loadAudienceOverview(path); },
        [this, generation](const Result<AudienceOverview>& overview) {
            if (generation != m_generation)
                return;
            if (!overview) {
                m_empty->setText(tr("Could not read the audience: %1").arg(errorSummary(overview.error())));
                m_empty->setToolTip(QString::fromStdString(overview.error().detail));
                m_pages->setCurrentIndex(0);
            } else {
                showOverview(*overview);
            }
            emit overviewLoaded();
        });
}

void AudiencePanel::showOverview(const AudienceOverview& overview)
{
    std::int64_t total = 0;
    for (const auto& [account, members] : overview.membersPerAccount)
        total += members;
    if (total == 0) {
        m_empty->setText(tr("This workspace has no audience yet. Herald segments the followers and engaged people "
                            "that account syncs bring in; sync an account's followers, or open the demo "
                            "workspace, to segment an audience."));
        m_pages->setCurrentIndex(0);
        return;
    }
    // Keep the user's account choice across refreshes (after a save).
    QList<qint64> unchecked;
    for (int i = 0; i < m_accounts->count(); ++i)
        if (m_accounts->item(i)->checkState() == Qt::Unchecked)
            unchecked << m_accounts->item(i)->data(Qt::UserRole).toLongLong();
    m_accounts->clear();
    const QLocale locale;
    for (const auto& [account, members] : overview.membersPerAccount) {
        QString name = tr("Account %1").arg(account);
        for (const auto& a : m_workspace.accounts)
            if (a.id == account) {
                const auto key = engine::platformKey(a.platform);
                name = QStringLiteral("%1 (%2)").arg(QString::fromStdString(a.handle),
                                                     QString::fromUtf8(key.data(), qsizetype(key.size())));
            }
        auto* item = new QListWidgetItem(tr("%1 — %n member(s)", nullptr, int(members)).arg(name), m_accounts);
        item->setToolTip(item->text());
        item->setData(Qt::UserRole, qint64(account));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(unchecked.contains(account) ? Qt::Unchecked : Qt::Checked);
    }

    m_savedRuns->setRowCount(0);
    m_savedRunIds.clear();
    for (const auto& run : overview.runs) {
        const int row = m_savedRuns->rowCount();
        m_savedRuns->insertRow(row);
        std::int64_t members = 0;
        for (const auto& s : run.segments)
            members += s.size;
        QStringList features;
        for (const auto& f : run.features)
            features << AudienceText::featureLabel(f);
        const QString cells[] = {
            QString::fromStdString(run.name),
            locale.toString(QDateTime::fromSecsSinceEpoch(run.createdUtc, m_workspace.timeZone), QLocale::ShortFormat),
            locale.toString(run.k), locale.toString(qint64(members)), features.join(QStringLiteral(", "))};
        for (int c = 0; c < 5; ++c)
            m_savedRuns->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_savedRunIds << QString::fromStdString(run.runId);
    }
    if (!m_run)
        m_summary->setText(tr("Choose accounts and features, then run the segmentation."));
    m_pages->setCurrentIndex(1);
}

int AudiencePanel::savedRunCount() const
{
    return int(m_savedRunIds.size());
}

void AudiencePanel::runSegmentation()
{
    if (!m_hasWorkspace || m_running)
        return;
    AudienceRequest request;
    request.path = m_workspace.path;
    request.zone = m_workspace.timeZone;
    request.nowUtc = m_clock.nowUtc();
    request.k = m_autoK->isChecked() ? 0 : m_k->value();
    bool allAccounts = true;
    for (int i = 0; i < m_accounts->count(); ++i) {
        if (m_accounts->item(i)->checkState() == Qt::Checked)
            request.accountIds.push_back(m_accounts->item(i)->data(Qt::UserRole).toLongLong());
        else
            allAccounts = false;
    }
    for (int i = 0; i < m_features->count(); ++i)
        if (m_features->item(i)->checkState() == Qt::Checked)
            request.features.push_back(m_features->item(i)->data(Qt::UserRole).toString().toStdString());
    if (request.accountIds.empty() || request.features.empty()) {
        showMessage(request.accountIds.empty() ? tr("Choose at least one account.")
                                               : tr("Choose at least one feature."));
        emit segmentationFailed(m_summary->text());
        return;
    }
    if (allAccounts)
        request.accountIds.clear();

    const int generation = ++m_generation;
    m_running = true;
    m_runButton->setEnabled(false);
    showMessage(tr("Segmenting the audience…"));
    auto future = QtConcurrent::run([request](QPromise<Result<std::shared_ptr<const AudienceRun>>>& promise) {
        promise.setProgressRange(0, 1000);
        const engine::Progress progress = [&promise](double fraction) {
            promise.setProgressValue(int(fraction * 1000));
            return !promise.isCanceled();
        };
        try {
            promise.addResult(runAudienceSegmentation(request, progress));
        } catch (const std::exception& e) {
            promise.addResult(fail(ErrorCode::Storage, std::string("unexpected failure: ") + e.what()));
        }
    });
    (m_progress ? m_progress : m_ownProgress)->track(tr("Segmenting the audience…"), QFuture<void>(future));
    auto* watcher = new QFutureWatcher<Result<std::shared_ptr<const AudienceRun>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_running = false;
        m_runButton->setEnabled(true);
        const auto done = watcher->future();
        if (done.resultCount() == 0) {
            showMessage(tr("Segmentation cancelled."));
            emit segmentationFailed(m_summary->text());
            return;
        }
        const auto result = done.result();
        if (!result) {
            showMessage(
                result.error().code == ErrorCode::Cancelled
                    ? tr("Segmentation cancelled.")
                    : tr("Could not segment the audience: %1").arg(QString::fromStdString(result.error().detail)));
            emit segmentationFailed(m_summary->text());
            return;
        }
        showRun(*result);
    });
    watcher->setFuture(future);
}

void AudiencePanel::showMessage(const QString& text)
{
    m_summary->setText(text);
    m_tabs->setCurrentIndex(0);
}

void AudiencePanel::showRun(std::shared_ptr<const AudienceRun> run)
{
    m_run = std::move(run);
    const auto& r = m_run->result;
    const QLocale locale;
    QString text = tr("%1 members in %n segment(s); mean silhouette %2.", nullptr, r.k)
                       .arg(locale.toString(qint64(r.memberIds.size())), locale.toString(r.silhouette, 'f', 2));
    if (r.chosenBySilhouette)
        text += QLatin1Char(' ') + tr("The number of segments was chosen by the highest silhouette.");
    if (!r.dropped.empty()) {
        QStringList dropped;
        for (const auto& d : r.dropped)
            dropped << AudienceText::columnLabel(d);
        text += QLatin1Char(' ') +
                tr("Left out because every member has the same value: %1.").arg(dropped.join(QStringLiteral(", ")));
    }
    m_summary->setText(text);
    m_saveButton->setEnabled(true);
    showCards();
    showCharts();
    {
        const QSignalBlocker block(m_recSegment);
        m_recSegment->clear();
        for (const auto& s : r.segments)
            m_recSegment->addItem(AudienceText::segmentName(s.index), s.index);
    }
    showRecommendations();
    m_rules->setRun(m_run);
    emit segmentationShown();
}

void AudiencePanel::chooseSave()
{
    if (!m_run)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save segments"), tr("Name of this segmentation:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        saveSegments(name.trimmed());
}

void AudiencePanel::saveSegments(const QString& name)
{
    if (!m_run || !m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const auto run = m_run;
    const std::int64_t now = m_clock.nowUtc();
    const int generation = m_generation;
    runAsync<Result<std::string>>(
        this,
        [path, run, name, now]() -> Result<std::string> {
            auto db = engine::Database::open(path.toStdString());
            if (!db)
                return tl::unexpected(db.error());
            return engine::saveSegmentRun(*db, run->result, name.toStdString(), now);
        },
        [this, generation, name](const Result<std::string>& saved) {
            if (generation != m_generation)
                return;
            if (!saved) {
                showMessage(tr("Could not save the segments: %1").arg(QString::fromStdString(saved.error().detail)));
                return;
            }
            m_summary->setText(tr("Saved the segments as “%1”.").arg(name));
            refreshOverview();
            emit segmentsSaved(QString::fromStdString(*saved));
        });
}

Result<bool> AudiencePanel::exportHandles(int segment, const QString& path) const
{
    if (!m_run || segment < 0 || segment >= m_run->result.k)
        return fail(ErrorCode::Invalid, "there is no such segment to export");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return fail(ErrorCode::ReadOnly, path.toStdString() + ": " + file.errorString().toStdString());
    QTextStream out(&file);
    out << "handle,segment\n";
    const QString name = AudienceText::segmentName(segment);
    for (auto row : engine::segmentRows(m_run->result, segment))
        out << csvCell(QString::fromStdString(m_run->features.handles[static_cast<std::size_t>(row)])) << ','
            << csvCell(name) << '\n';
    out.flush();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Storage, path.toStdString() + ": " + file.errorString().toStdString());
    return true;
}

void AudiencePanel::compareSelected()
{
    QList<int> rows;
    for (const auto& index : m_savedRuns->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.size() != 2) {
        m_comparisonTitle->setText(tr("Select exactly two saved runs to compare."));
        return;
    }
    std::sort(rows.begin(), rows.end());
    compareRuns(m_savedRunIds.value(rows[0]), m_savedRunIds.value(rows[1]));
}

void AudiencePanel::compareRuns(const QString& runA, const QString& runB)
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const int generation = m_generation;
    const int rowA = int(m_savedRunIds.indexOf(runA));
    const int rowB = int(m_savedRunIds.indexOf(runB));
    const QString nameA = rowA >= 0 ? m_savedRuns->item(rowA, 0)->text() : runA;
    const QString nameB = rowB >= 0 ? m_savedRuns->item(rowB, 0)->text() : runB;
    runAsync<Result<engine::SegmentRunComparison>>(
        this,
        [path, runA, runB]() -> Result<engine::SegmentRunComparison> {
            auto db = engine::Database::open(path.toStdString(), engine::Database::Mode::ReadOnly);
            if (!db)
                return tl::unexpected(db.error());
            return engine::compareSegmentRuns(*db, runA.toStdString(), runB.toStdString());
        },
        [this, generation, nameA, nameB](const Result<engine::SegmentRunComparison>& cmp) {
            if (generation != m_generation)
                return;
            if (!cmp) {
                m_comparisonTitle->setText(tr("Could not compare: %1").arg(QString::fromStdString(cmp.error().detail)));
                return;
            }
            m_comparisonTitle->setText(
                tr("Members shared by the segments of “%1” (rows) and “%2” (columns), with the Jaccard index.")
                    .arg(nameA, nameB));
            const QLocale locale;
            m_comparison->clear();
            m_comparison->setRowCount(int(cmp->sizesA.size()));
            m_comparison->setColumnCount(int(cmp->sizesB.size()));
            QStringList rowsHeader, columnsHeader;
            for (std::size_t i = 0; i < cmp->sizesA.size(); ++i)
                rowsHeader << tr("%1 (%2)").arg(AudienceText::segmentName(int(i)),
                                                locale.toString(qint64(cmp->sizesA[i])));
            for (std::size_t j = 0; j < cmp->sizesB.size(); ++j)
                columnsHeader << tr("%1 (%2)").arg(AudienceText::segmentName(int(j)),
                                                   locale.toString(qint64(cmp->sizesB[j])));
            m_comparison->setVerticalHeaderLabels(rowsHeader);
            m_comparison->setHorizontalHeaderLabels(columnsHeader);
            for (std::size_t i = 0; i < cmp->sizesA.size(); ++i)
                for (std::size_t j = 0; j < cmp->sizesB.size(); ++j) {
                    auto* item = new QTableWidgetItem(tr("%1 · J %2")
                                                          .arg(locale.toString(qint64(cmp->overlap[i][j])),
                                                               locale.toString(cmp->jaccard[i][j], 'f', 2)));
                    const int shade = int(255 - 120 * cmp->jaccard[i][j]);
                    item->setBackground(QColor(shade, shade, 255));
                    item->setForeground(QColor(Qt::black));
                    m_comparison->setItem(int(i), int(j), item);
                }
            emit runsCompared();
        });
}

void AudiencePanel::deleteSelected()
{
    const auto rows = m_savedRuns->selectionModel()->selectedRows();
    if (rows.size() != 1 || !m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const QString runId = m_savedRunIds.value(rows.front().row());
    runAsync<Result<bool>>(
        this,
        [path, runId]() -> Result<bool> {
            auto db = engine::Database::open(path.toStdString());
            if (!db)
                return tl::unexpected(db.error());
            if (auto r = engine::deleteSegmentRun(*db, runId.toStdString()); !r)
                return tl::unexpected(r.error());
            return true;
        },
        [this](const Result<bool>& done) {
            if (!done)
                m_comparisonTitle->setText(tr("Could not delete: %1").arg(QString::fromStdString(done.error().detail)));
            refreshOverview();
        });
}

} // namespace herald::ui
