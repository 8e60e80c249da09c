#include "herald/widgets/ReportsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

QListWidget* checkList(const QString& name, QWidget* parent)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(name);
    list->setMaximumHeight(120);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    return list;
}

void addChecked(QListWidget* list, const QString& text, qint64 id)
{
    auto* item = new QListWidgetItem(text, list);
    item->setData(Qt::UserRole, id);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
}

} // namespace

ReportsPanel::ReportsPanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("reportsPanel"));
    auto* title = new QLabel(tr("Reports"), this);
    auto font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("reportTemplateCombo"));
    m_saveTemplate = new QPushButton(tr("Save as Template…"), this);
    m_saveTemplate->setObjectName(QStringLiteral("saveTemplateButton"));
    m_deleteTemplate = new QPushButton(tr("Delete Template"), this);
    m_deleteTemplate->setObjectName(QStringLiteral("deleteTemplateButton"));
    m_campaigns = checkList(QStringLiteral("reportCampaignList"), this);
    m_accounts = checkList(QStringLiteral("reportAccountList"), this);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("reportFromEdit"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("reportToEdit"));
    for (auto* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("reportLanguageCombo"));
    m_language->addItem(tr("As the application"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_summary = new QCheckBox(tr("Summary figures"), this);
    m_trends = new QCheckBox(tr("Trend and forecast"), this);
    m_posts = new QCheckBox(tr("Top posts"), this);
    m_campaignResults = new QCheckBox(tr("Campaign results"), this);
    m_sentiment = new QCheckBox(tr("Comment sentiment"), this);
    m_segments = new QCheckBox(tr("Audience segments"), this);
    m_ads = new QCheckBox(tr("Ad results"), this);
    m_abTests = new QCheckBox(tr("A/B tests"), this);
    for (auto* box : {m_summary, m_trends, m_posts, m_campaignResults, m_sentiment, m_segments, m_ads, m_abTests})
        box->setChecked(true);
    m_previewButton = new QPushButton(tr("Preview"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_saveButton = new QPushButton(tr("Save…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveReportButton"));
    m_saveButton->setEnabled(false);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("color: #5f6873;"));

    auto* side = new QWidget(this);
    auto* hint = new QLabel(tr("No campaign ticked: the report covers all activity of the ticked accounts (all "
                               "accounts when none is ticked)."),
                            side);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: #5f6873;"));
    side->setMaximumWidth(360);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(m_saveTemplate);
    templateRow->addWidget(m_deleteTemplate);
    auto* form = new QFormLayout;
    form->addRow(tr("Template:"), m_template);
    form->addRow(templateRow);
    form->addRow(tr("Campaigns:"), m_campaigns);
    form->addRow(tr("Accounts:"), m_accounts);
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Language:"), m_language);
    sideLayout->addLayout(form);
    sideLayout->addWidget(hint);
    auto* sections = new QGroupBox(tr("Sections"), side);
    auto* sectionsLayout = new QGridLayout(sections);
    int cell = 0;
    for (auto* box : {m_summary, m_trends, m_posts, m_campaignResults, m_sentiment, m_segments, m_ads, m_abTests}) {
        sectionsLayout->addWidget(box, cell / 2, cell % 2);
        ++cell;
    }
    sideLayout->addWidget(sections);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_saveButton);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(m_status);
    sideLayout->addStretch();

    auto* body = new QHBoxLayout;
    body->addWidget(side);
    body->addWidget(m_preview, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(title);
    layout->addLayout(body, 1);

    connect(m_campaigns, &QListWidget::itemChanged, this, &ReportsPanel::campaignsChanged);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPanel::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportsPanel::chooseFile);
    connect(m_saveTemplate, &QPushButton::clicked, this, &ReportsPanel::askTemplateName);
    connect(m_deleteTemplate, &QPushButton::clicked, this, &ReportsPanel::deleteChosenTemplate);
    connect(m_template, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            if (auto applied = applyTemplate(m_template->itemText(index)); !applied)
                m_status->setText(QString::fromStdString(applied.error().detail));
    });
    clearWorkspace();
}

QDate ReportsPanel::today() const
{
    return QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_workspace.timeZone).date();
}

void ReportsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    {
        QSignalBlocker block(m_campaigns);
        m_campaigns->clear();
        for (const auto& c : workspace.campaigns)
            addChecked(m_campaigns, QString::fromStdString(c.name), c.id);
        m_accounts->clear();
        for (const auto& a : workspace.accounts)
            addChecked(m_accounts,
                       QStringLiteral("%1 · %2").arg(QString::fromUtf8(engine::platformDisplayName(a.platform).data()),
                                                     QString::fromStdString(a.handle)),
                       a.id);
    }
    m_from->setDate(today().addDays(-27));
    m_to->setDate(today());
    m_lastDays = 28;
    m_previewButton->setEnabled(true);
    m_saveTemplate->setEnabled(true);
    m_hasData = false;
    m_saveButton->setEnabled(false);
    reloadTemplates({});
    m_preview->setHtml(QStringLiteral("<p style=\"color:#5f6873\">%1</p>")
                           .arg(tr("Choose campaigns or a period, then Preview.").toHtmlEscaped()));
}

void ReportsPanel::clearWorkspace()
{
    m_hasWorkspace = false;
    m_hasData = false;
    ++m_generation;
    m_campaigns->clear();
    m_accounts->clear();
    m_template->clear();
    m_templates.clear();
    m_previewButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    m_saveTemplate->setEnabled(false);
    m_deleteTemplate->setEnabled(false);
    m_preview->setHtml(QStringLiteral("<p style=\"color:#5f6873\">%1</p>").arg(tr("No workspace is open.").toHtmlEscaped()));
}

std::vector<std::int64_t> ReportsPanel::checkedIds(const QListWidget* list) const
{
    std::vector<std::int64_t> ids;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            ids.push_back(list->item(i)->data(Qt::UserRole).toLongLong());
    return ids;
}

void ReportsPanel::setChecked(QListWidget* list, const std::vector<std::int64_t>& ids)
{
    QSignalBlocker block(list);
    for (int i = 0; i < list->count(); ++i) {
        const auto id = list->item(i)->data(Qt::UserRole).toLongLong();
        list->item(i)->setCheckState(std::find(ids.begin(), ids.end(), id) != ids.end() ? Qt::Checked : Qt::Unchecked);
    }
}

void ReportsPanel::campaignsChanged()
{
    // The period follows the ticked campaigns: from the first start to the last end.
    const auto ids = checkedIds(m_campaigns);
    if (ids.empty())
        return;
    if (auto period = campaignPeriod(ids, m_workspace, today())) {
        m_from->setDate(period->first);
        m_to->setDate(period->second);
    } else {
        m_status->setText(QString::fromStdString(period.error().detail));
    }
}

ReportRequest ReportsPanel::request() const
{
    ReportRequest r;
    r.workspacePath = m_workspace.path;
    r.workspaceName = m_workspace.name;
    r.zone = m_workspace.timeZone;
    r.from = m_from->date();
    r.to = m_to->date();
    r.accountIds = checkedIds(m_accounts);
    for (int i = 0; i < m_campaigns->count(); ++i)
        if (m_campaigns->item(i)->checkState() == Qt::Checked) {
            r.campaignIds.push_back(m_campaigns->item(i)->data(Qt::UserRole).toLongLong());
            r.campaignNames.append(m_campaigns->item(i)->text());
        }
    r.language = m_language->currentData().toString();
    r.summary = m_summary->isChecked();
    r.trends = m_trends->isChecked();
    r.topPosts = m_posts->isChecked();
    r.campaigns = m_campaignResults->isChecked();
    r.sentiment = m_sentiment->isChecked();
    r.segments = m_segments->isChecked();
    r.ads = m_ads->isChecked();
    r.abTests = m_abTests->isChecked();
    return r;
}

ReportTemplate ReportsPanel::currentTemplate(const QString& name) const
{
    const auto r = request();
    ReportTemplate t;
    t.name = name.trimmed();
    t.accountIds = r.accountIds;
    t.campaignIds = r.campaignIds;
    t.language = r.language;
    t.summary = r.summary;
    t.trends = r.trends;
    t.topPosts = r.topPosts;
    t.campaigns = r.campaigns;
    t.sentiment = r.sentiment;
    t.segments = r.segments;
    t.ads = r.ads;
    t.abTests = r.abTests;
    const auto period = r.campaignIds.empty() ? Result<std::pair<QDate, QDate>>(fail(ErrorCode::Invalid, ""))
                                              : campaignPeriod(r.campaignIds, m_workspace, today());
    if (period && period->first == r.from && period->second == r.to) {
        t.lastDays = 0; // the campaigns' own dates, whenever the template is used
    } else if (r.to == today()) {
        t.lastDays = int(r.from.daysTo(r.to)) + 1; // a moving window ending on the day of use
    } else {
        t.lastDays = 0;
        t.from = r.from;
        t.to = r.to;
    }
    return t;
}

Result<bool> ReportsPanel::saveTemplate(const QString& name)
{
    if (!m_hasWorkspace)
        return fail(ErrorCode::Invalid, "no workspace is open");
    auto saved = saveReportTemplate(m_workspace.path, currentTemplate(name));
    if (saved)
        reloadTemplates(name.trimmed());
    return saved;
}

Result<bool> ReportsPanel::applyTemplate(const QString& name)
{
    auto found = std::find_if(m_templates.begin(), m_templates.end(), [&](const auto& t) { return t.name == name; });
    if (found == m_templates.end())
        return fail(ErrorCode::NotFound, "no report template called \"" + name.toStdString() + "\"");
    auto r = requestFromTemplate(*found, m_workspace, today());
    if (!r)
        return tl::unexpected(r.error());
    setChecked(m_campaigns, r->campaignIds);
    setChecked(m_accounts, r->accountIds);
    m_from->setDate(r->from);
    m_to->setDate(r->to);
    m_language->setCurrentIndex(std::max(0, m_language->findData(r->language)));
    m_summary->setChecked(r->summary);
    m_trends->setChecked(r->trends);
    m_posts->setChecked(r->topPosts);
    m_campaignResults->setChecked(r->campaigns);
    m_sentiment->setChecked(r->sentiment);
    m_segments->setChecked(r->segments);
    m_ads->setChecked(r->ads);
    m_abTests->setChecked(r->abTests);
    m_template->setCurrentIndex(std::max(0, m_template->findText(name)));
    m_deleteTemplate->setEnabled(true);
    //: %1 is a report template's name
    m_status->setText(tr("Template “%1” applied.").arg(name));
    return true;
}

QStringList ReportsPanel::templateNames() const
{
    QStringList names;
    for (const auto& t : m_templates)
        names.append(t.name);
    return names;
}

void ReportsPanel::reloadTemplates(const QString& select)
{
    auto loaded = loadReportTemplates(m_workspace.path);
    m_templates = loaded ? std::move(*loaded) : std::vector<ReportTemplate>{};
    QSignalBlocker block(m_template);
    m_template->clear();
    m_template->addItem(m_templates.empty() ? tr("No saved templates") : tr("Choose a template…"));
    for (const auto& t : m_templates)
        m_template->addItem(t.name);
    const int index = select.isEmpty() ? 0 : std::max(0, m_template->findText(select));
    m_template->setCurrentIndex(index);
    m_deleteTemplate->setEnabled(index > 0);
}

void ReportsPanel::askTemplateName()
{
    bool ok = false;
    const QString current = m_template->currentIndex() > 0 ? m_template->currentText() : QString();
    const QString name = QInputDialog::getText(this, tr("Save Report Template"),
                                               tr("Template name (used by heraldctl report --template):"),
                                               QLineEdit::Normal, current, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (auto saved = saveTemplate(name); !saved)
        QMessageBox::warning(this, tr("The template could not be saved"), QString::fromStdString(saved.error().detail));
    else
        m_status->setText(tr("Template “%1” saved in the workspace.").arg(name.trimmed()));
}

void ReportsPanel::deleteChosenTemplate()
{
    if (m_template->currentIndex() <= 0)
        return;
    const QString name = m_template->currentText();
    if (QMessageBox::question(this, tr("Delete Template"), tr("Delete the report template “%1”?").arg(name)) !=
        QMessageBox::Yes)
        return;
    if (auto removed = deleteReportTemplate(m_workspace.path, name); !removed)
        m_status->setText(QString::fromStdString(removed.error().detail));
    reloadTemplates({});
}

void ReportsPanel::preview()
{
    if (!m_hasWorkspace)
        return;
    const auto r = request();
    if (r.to < r.from) {
        m_status->setText(tr("The period ends before it starts."));
        return;
    }
    const int generation = ++m_generation;
    m_status->setText(tr("Gathering the figures…"));
    m_saveButton->setEnabled(false);
    runAsync<Result<ReportData>>(
        this, [r] { return gatherReport(r); },
        [this, generation, r](const Result<ReportData>& result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_status->setText(errorSummary(result.error()) + QLatin1Char(' ') +
                                  QString::fromStdString(result.error().detail));
                emit previewShown();
                return;
            }
            m_request = r;
            m_data = *result;
            m_hasData = true;
            m_preview->setHtml(reportHtml(m_request, m_data)); // charts render here, on the GUI thread
            m_status->setText(m_data.hasData ? tr("Preview of the report.")
                                             : tr("This period has no data; the report will say so."));
            m_saveButton->setEnabled(true);
            emit previewShown();
        });
}

Result<bool> ReportsPanel::save(const QString& path)
{
    if (!m_hasData)
        return fail(ErrorCode::Invalid, "preview the report before saving it");
    const ReportFormat format = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)    ? ReportFormat::Pdf
                                : path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ? ReportFormat::Html
                                                                                             : ReportFormat::Csv;
    return writeReport(m_request, m_data, format, path);
}

void ReportsPanel::chooseFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Report"), QString(),
        tr("PDF document (*.pdf);;HTML page (*.html);;CSV files in a folder (*)"));
    if (path.isEmpty())
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const auto result = save(path);
    QGuiApplication::restoreOverrideCursor();
    if (!result)
        QMessageBox::warning(this, tr("The report could not be saved"), QString::fromStdString(result.error().detail));
    else
        m_status->setText(tr("Saved %1").arg(QFileInfo(path).fileName()));
}

} // namespace herald::ui
