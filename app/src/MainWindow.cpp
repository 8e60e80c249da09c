#include "MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPromise>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include <curl/curl.h>

#include "AppSettings.h"
#include "DemoWorkspace.h"
#include "SecretStore.h"
#include "herald/engine/Clock.h"
#include "herald/engine/Versions.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/AccountsPanel.h"
#include "herald/widgets/AdsPanel.h"
#include "herald/widgets/AudiencePanel.h"
#include "herald/widgets/CalendarPanel.h"
#include "herald/widgets/ImportCsvDialog.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/DashboardPanel.h"
#include "herald/widgets/EmptyStatePanel.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/TaskProgress.h"
#include "herald/widgets/ReportsPanel.h"
#include "herald/widgets/TrendsPanel.h"
#include "herald/widgets/BackgroundPublishingDialog.h"
#include "herald/widgets/ComposerDialog.h"
#include "herald/widgets/FailedPostDialog.h"
#include "herald/widgets/PublishingService.h"

namespace herald::app {

namespace {
const QString kWorkspaceFilter = QStringLiteral("Herald workspaces (*.herald);;All files (*)");
}

MainWindow::MainWindow(AppSettings& settings, const engine::Clock& clock, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_clock(clock)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/herald.svg")));
    buildPanels();
    buildMenus();

    m_workspaceLabel = new QLabel(this);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_progress = new ui::TaskProgress(this);
    statusBar()->addWidget(m_workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    m_audience->setTaskProgress(m_progress);
    m_publisherLabel = new QLabel(this);
    m_publisherLabel->setObjectName(QStringLiteral("publisherStatus"));
    statusBar()->addPermanentWidget(m_publisherLabel);
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Herald"));
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    // Clicking a failure or pre-flight notification opens the post it was about.
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_notifiedPost != 0)
            openPostProblem(m_notifiedPost);
    });
    // Accounts: secrets through the keychain (or its announced file fallback); a sync reloads the panels.
    m_secrets = SecretStore::fromEnvironment();
    ui::AccountSecrets secrets;
    secrets.write = [this](const std::string& ref, const connectors::Credentials& c) { return m_secrets->write(ref, c); };
    secrets.read = [this](const std::string& ref) { return m_secrets->read(ref); };
    secrets.remove = [this](const std::string& ref) { return m_secrets->remove(ref); };
    secrets.fallbackFile = [this] {
        return m_secrets->warning().empty() ? std::string() : m_secrets->filePath().toStdString();
    };
    m_accounts->setSecrets(std::move(secrets));
    m_accounts->setTaskProgress(m_progress);
    m_accounts->setClock(m_clock);
    connect(m_accounts, &ui::AccountsPanel::workspaceChanged, this, [this] {
        if (m_workspace)
            openWorkspace(m_workspace->path);
    });

    resize(1200, 780);
    if (!restoreGeometry(m_settings.windowGeometry()))
        resize(1200, 780);
    restoreState(m_settings.windowState());
    showPanel(Panel(qBound(0, m_settings.lastPanel(), PanelCount - 1)));
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanels()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); padding-top: 12px; outline: 0; }"
                                               "QListWidget::item { padding: 8px 14px; border-radius: 6px; }"
                                               "QListWidget::item:selected { background: palette(highlight); "
                                               "color: palette(highlighted-text); }"));
    const QString names[PanelCount] = {tr("Dashboard"), tr("Calendar"), tr("Audience"), tr("Trends"),
                                       tr("Ads"),       tr("Inbox"),    tr("Reports"),  tr("Accounts")};
    for (const auto& name : names)
        m_navigation->addItem(name);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("panelStack"));
    m_dashboard = new ui::DashboardPanel(m_clock, m_stack);
    m_accounts = new ui::AccountsPanel(m_stack);
    auto empty = [this](const QString& title, const QString& text, const char* name) {
        auto* panel = new ui::EmptyStatePanel(title, text, m_stack);
        panel->setObjectName(QString::fromLatin1(name));
        return panel;
    };
    m_stack->addWidget(m_dashboard);
    m_calendar = new ui::CalendarPanel(m_clock, m_stack);
    m_stack->addWidget(m_calendar);
    connect(m_calendar, &ui::CalendarPanel::composeRequested, this,
            [this](std::optional<std::int64_t> postId, const QDateTime& at) { openComposer(postId, at); });
    connect(m_calendar, &ui::CalendarPanel::timeZoneChanged, this, [this](const QTimeZone& zone) {
        if (!m_workspace)
            return;
        ui::WorkspaceSnapshot updated = *m_workspace;
        updated.timeZone = zone;
        applyWorkspace(updated); // the other panels and the status bar follow the new zone
    });
    m_audience = new ui::AudiencePanel(m_clock, m_stack);
    m_stack->addWidget(m_audience);
    // Interest rules chosen as hashtags are offered by the next composer.
    connect(m_audience, &ui::AudiencePanel::hashtagsChosen, this, [this](const QStringList& hashtags) {
        m_interestHashtags = hashtags;
        statusBar()->showMessage(tr("%n hashtags will be suggested in the composer.", nullptr, int(hashtags.size())),
                                 5000);
    });
    m_trends = new ui::TrendsPanel(m_clock, m_stack);
    m_stack->addWidget(m_trends);
    m_ads = new ui::AdsPanel(m_clock, m_stack);
    m_stack->addWidget(m_ads);
    m_stack->addWidget(empty(tr("Inbox"),
                             tr("Comments and mentions from every account, with sentiment and reply state. The "
                                "inbox is not built yet."),
                             "inboxPanel"));
    m_reports = new ui::ReportsPanel(m_clock, m_stack);
    m_stack->addWidget(m_reports);
    m_stack->addWidget(m_accounts);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* newAction = file->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    newAction->setShortcut(QKeySequence::New);
    auto* newPost = file->addAction(tr("New &Post…"), this, [this] { openComposer(std::nullopt); });
    newPost->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newPost->setObjectName(QStringLiteral("newPostAction"));
    auto* openAction = file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspace);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(tr("Open &Demo Workspace"), this, &MainWindow::openDemoWorkspace)
        ->setObjectName(QStringLiteral("openDemoAction"));
    file->addSeparator();
    m_backupAction = file->addAction(tr("&Back Up Workspace…"), this, &MainWindow::backUpWorkspace);
    m_backupAction->setEnabled(false);
    m_importCsvAction = file->addAction(tr("Import &CSV…"), this, [this] {
        if (!m_workspace)
            return;
        auto* dialog = ui::ImportCsvDialog::openFor(*m_workspace, this);
        connect(dialog, &ui::ImportCsvDialog::importFinished, this, [this](bool committed) {
            if (committed && m_workspace)
                openWorkspace(m_workspace->path); // the panels read the imported figures
        });
    });
    m_importCsvAction->setObjectName(QStringLiteral("importCsvAction"));
    m_importCsvAction->setEnabled(false);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    rebuildRecentMenu();

    auto* settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Background Publishing…"), this, &MainWindow::showBackgroundPublishing);
    auto* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < PanelCount; ++i) {
        auto* action = view->addAction(m_navigation->item(i)->text(), this, [this, i] { showPanel(Panel(i)); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::ApplicationShortcut);
    }
    view->addSeparator();
    auto* language = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(this);
    const std::pair<QString, QString> languages[] = {
        {QString(), tr("System Language")}, {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [code, label] : languages) {
        auto* action = language->addAction(label, this, [this, code = code] { setLanguage(code); });
        action->setCheckable(true);
        action->setChecked(m_settings.language() == code);
        group->addAction(action);
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    auto* about = help->addAction(tr("&About Herald"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const auto recent = m_settings.recentWorkspaces();
    for (const auto& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openWorkspace(path); });
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
}

void MainWindow::showPanel(Panel panel)
{
    m_navigation->setCurrentRow(panel);
}

MainWindow::Panel MainWindow::currentPanel() const
{
    return Panel(m_stack->currentIndex());
}

const ui::WorkspaceSnapshot* MainWindow::workspace() const
{
    return m_workspace.get();
}

void MainWindow::openWorkspace(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(absolute)));
    ui::runAsync<Result<ui::WorkspaceSnapshot>>(
        this, [absolute] { return ui::loadWorkspaceSnapshot(absolute); },
        [this, absolute](const Result<ui::WorkspaceSnapshot>& result) {
            statusBar()->clearMessage();
            if (!result) {
                if (result.error().code == ErrorCode::NotFound) {
                    m_settings.removeRecentWorkspace(absolute);
                    rebuildRecentMenu();
                }
                showError(tr("Could not open the workspace"), result.error());
                emit workspaceFailed(absolute, QString::fromStdString(result.error().detail));
                return;
            }
            applyWorkspace(*result);
            emit workspaceOpened(absolute);
        });
}

void MainWindow::applyWorkspace(const ui::WorkspaceSnapshot& snapshot)
{
    m_workspace = std::make_unique<ui::WorkspaceSnapshot>(snapshot);
    m_settings.setLastWorkspace(snapshot.path);
    m_settings.addRecentWorkspace(snapshot.path);
    rebuildRecentMenu();
    m_dashboard->setWorkspace(snapshot);
    m_trends->setWorkspace(snapshot);
    m_calendar->setWorkspace(snapshot);
    m_audience->setWorkspace(snapshot);
    m_ads->setWorkspace(snapshot);
    m_reports->setWorkspace(snapshot);
    m_accounts->setWorkspace(snapshot);
    startPublishing(snapshot);
    m_backupAction->setEnabled(true);
    m_importCsvAction->setEnabled(true);
    //: Status bar: %1 is the workspace file, %2 its time zone
    m_workspaceLabel->setText(tr("Workspace: %1 · Time zone: %2")
                                  .arg(QDir::toNativeSeparators(snapshot.path),
                                       QString::fromUtf8(snapshot.timeZone.id())));
    updateTitle();
}

void MainWindow::updateTitle()
{
    if (!m_workspace) {
        setWindowTitle(tr("Herald"));
        return;
    }
    if (m_workspace->isDemo)
        //: Window title of a generated demo workspace; %1 is its name
        setWindowTitle(tr("%1 (demo data) — Herald").arg(m_workspace->name));
    else
        setWindowTitle(tr("%1 — Herald").arg(m_workspace->name));
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"), QDir::homePath(), kWorkspaceFilter,
                                                nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".herald");
    {
        // Creating an empty file is quick; the connection closes before the workspace is reopened.
        auto created = engine::Database::create(path.toStdString());
        if (!created) {
            showError(tr("Could not create the workspace"), created.error());
            return;
        }
    }
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString start = m_workspace ? QFileInfo(m_workspace->path).absolutePath() : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"), start, kWorkspaceFilter);
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::openDemoWorkspace()
{
    const QString path = defaultDemoPath();
    if (QFileInfo::exists(path)) {
        openWorkspace(path);
        return;
    }
    if (m_progress->isBusy())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QString zoneId = zone.isValid() && !zone.id().isEmpty() ? QString::fromUtf8(zone.id())
                                                                   : QStringLiteral("Europe/Berlin");
    auto options = demoOptions(zoneId, QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), zone).date());
    auto future = QtConcurrent::run([path, options](QPromise<Result<engine::DemoSummary>>& promise) mutable {
        promise.setProgressRange(0, 1000);
        options.progress = [&promise](double fraction) {
            promise.setProgressValue(int(fraction * 1000));
            return !promise.isCanceled();
        };
        promise.addResult(createDemoWorkspace(path, options));
    });
    m_progress->track(tr("Generating the demo workspace…"), QFuture<void>(future));
    auto* watcher = new QFutureWatcher<Result<engine::DemoSummary>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const auto done = watcher->future();
        if (done.resultCount() == 0)
            return;
        const auto result = done.result();
        if (!result) {
            if (result.error().code != ErrorCode::Cancelled)
                showError(tr("Could not create the demo workspace"), result.error());
            else
                statusBar()->showMessage(tr("Demo generation cancelled."), 5000);
            return;
        }
        openWorkspace(path);
    });
    watcher->setFuture(future);
}

void MainWindow::backUpWorkspace()
{
    if (!m_workspace)
        return;
    const QFileInfo source(m_workspace->path);
    const QString suggestion = source.absoluteDir().filePath(
        QStringLiteral("%1-backup-%2.herald")
            .arg(source.completeBaseName(), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString out = QFileDialog::getSaveFileName(this, tr("Back Up Workspace"), suggestion, kWorkspaceFilter,
                                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (out.isEmpty())
        return;
    const std::string from = m_workspace->path.toStdString();
    ui::runAsync<Result<bool>>(
        this,
        [from, to = out.toStdString()]() -> Result<bool> {
            auto db = engine::Database::open(from);
            if (!db)
                return tl::unexpected(db.error());
            if (auto r = db->backupTo(to); !r)
                return tl::unexpected(r.error());
            return true;
        },
        [this, out](const Result<bool>& result) {
            if (!result) {
                showError(tr("The backup failed"), result.error());
                return;
            }
            statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(out)), 8000);
        });
}

void MainWindow::showAbout()
{
    const auto* curl = curl_version_info(CURLVERSION_NOW);
    QMessageBox::about(
        this, tr("About Herald"),
        tr("<h3>Herald %1</h3><p>A local-first campaign manager for social media: plan, publish, measure "
           "and report, with your data in one file on your machine.</p>"
           "<p>Qt %2 · SQLite %3 · libcurl %4 · Eigen %5</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QString::fromStdString(engine::sqliteVersion()), QString::fromLatin1(curl->version),
                 QString::fromStdString(engine::eigenVersion())));
}

void MainWindow::setLanguage(const QString& language)
{
    if (language == m_settings.language())
        return;
    m_settings.setLanguage(language);
    QMessageBox::information(this, tr("Language"), tr("Herald will use the new language the next time it starts."));
}

void MainWindow::showError(const QString& title, const herald::Error& error)
{
    // Window-modal and non-blocking: no nested event loop.
    auto* box = new QMessageBox(QMessageBox::Warning, title, ui::errorSummary(error), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(QString::fromStdString(error.detail));
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setLastPanel(currentPanel());
    event->accept();
}

} // namespace herald::app

namespace herald::app {

void MainWindow::startPublishing(const ui::WorkspaceSnapshot& snapshot)
{
    m_publishing.reset(); // the previous workspace's runs stop; waits for its worker
    if (snapshot.isDemo) {
        // Demo accounts are not real: nothing of a demo workspace is ever sent to a network.
        m_publisherLabel->setText(tr("Demo workspace: nothing is published"));
        return;
    }
    ui::PublishingOptions options;
    options.credentials = [this](const engine::Account& account) { return m_secrets->read(account.secretRef); };
    options.credentialsChanged = [this](const engine::Account& account, const connectors::Credentials& c) {
        if (auto stored = m_secrets->write(account.secretRef, c); !stored)
            qWarning("refreshed token not stored: %s", stored.error().detail.c_str());
    };
    m_publishing = std::make_unique<ui::PublishingService>(snapshot.path, m_clock, std::move(options));
    connect(m_publishing.get(), &ui::PublishingService::targetFailed, this,
            [this](qint64 postId, qint64, const QString& message) {
                notifyPostProblem(tr("A post could not be published"), message, postId);
            });
    connect(m_publishing.get(), &ui::PublishingService::preflightProblem, this,
            [this](qint64 postId, qint64, const QString& message) {
                notifyPostProblem(tr("A scheduled post needs attention"), message, postId);
            });
    connect(m_publishing.get(), &ui::PublishingService::runFinished, this, &MainWindow::refreshPublisherStatus);
    m_publishing->start();
}

void MainWindow::notifyPostProblem(const QString& title, const QString& message, qint64 postId)
{
    m_notifiedPost = postId;
    if (m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 15000);
    else
        //: Status bar: %1 is a notification title, %2 the network's message
        statusBar()->showMessage(tr("%1: %2").arg(title, message), 15000);
}

void MainWindow::openPostProblem(qint64 postId)
{
    if (!m_workspace)
        return;
    auto* dialog = new ui::FailedPostDialog(m_workspace->path, m_clock, postId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_publishing)
        connect(dialog, &ui::FailedPostDialog::retried, m_publishing.get(), &ui::PublishingService::runNow);
    connect(dialog, &ui::FailedPostDialog::editRequested, this, [this](std::int64_t id) { openComposer(id); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::openComposer(std::optional<std::int64_t> postId, const QDateTime& at)
{
    if (!m_workspace)
        return;
    auto* composer = new ui::ComposerDialog(*m_workspace, m_clock, postId, this);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    if (!postId && at.isValid())
        composer->presetSchedule(at);
    composer->setSuggestedHashtags(m_interestHashtags);
    connect(composer, &ui::ComposerDialog::postSaved, m_calendar, [this] { m_calendar->reload(); });
    // "Publish now" goes out at once rather than at the next 30-second tick.
    if (m_publishing)
        connect(composer, &ui::ComposerDialog::postSaved, m_publishing.get(), &ui::PublishingService::runNow);
    composer->show();
}

void MainWindow::showBackgroundPublishing()
{
    if (!m_workspace)
        return;
    auto* dialog = new ui::BackgroundPublishingDialog(m_workspace->path, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::refreshPublisherStatus()
{
    if (!m_workspace)
        return;
    const std::string path = m_workspace->path.toStdString();
    ui::runAsync<Result<std::optional<engine::PublisherRun>>>(
        this, [path] { return ui::lastPublisherRun(path, ""); },
        [this](const Result<std::optional<engine::PublisherRun>>& run) {
            if (!run || !*run) {
                m_publisherLabel->setText(tr("Publisher: not run yet"));
                return;
            }
            const QString when = QLocale().toString(QDateTime::fromSecsSinceEpoch((*run)->startedUtc), QLocale::ShortFormat);
            //: Status bar: %1 is when the publisher last ran
            m_publisherLabel->setText((*run)->source == "cli" ? tr("Last background publishing: %1").arg(when)
                                                               : tr("Last publishing run: %1").arg(when));
        });
}

} // namespace herald::app
