#include "herald/widgets/ReportsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

ReportsPanel::ReportsPanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("reportsPanel"));
    auto* title = new QLabel(tr("Reports"), this);
    auto font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);

    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("reportCampaignCombo"));
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("reportFromEdit"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("reportToEdit"));
    for (auto* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_summary = new QCheckBox(tr("Summary figures"), this);
    m_trends = new QCheckBox(tr("Trend and forecast"), this);
    m_posts = new QCheckBox(tr("Top posts"), this);
    m_campaigns = new QCheckBox(tr("Campaign results"), this);
    m_sentiment = new QCheckBox(tr("Comment sentiment"), this);
    for (auto* box : {m_summary, m_trends, m_posts, m_campaigns, m_sentiment})
        box->setChecked(true);
    m_previewButton = new QPushButton(tr("Preview"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_saveButton = new QPushButton(tr("Save…"), this);
    m_saveButton->setObjectName(QStringLiteral("saveReportButton"));
    m_saveButton->setEnabled(false);
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_status = new QLabel(this);
    m_status->setStyleSheet(QStringLiteral("color: #5f6873;"));

    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("Campaign:"), this), 0, 0);
    form->addWidget(m_campaign, 0, 1, 1, 3);
    form->addWidget(new QLabel(tr("From:"), this), 1, 0);
    form->addWidget(m_from, 1, 1);
    form->addWidget(new QLabel(tr("To:"), this), 1, 2);
    form->addWidget(m_to, 1, 3);
    auto* sections = new QHBoxLayout;
    for (auto* box : {m_summary, m_trends, m_posts, m_campaigns, m_sentiment})
        sections->addWidget(box);
    sections->addStretch();
    sections->addWidget(m_previewButton);
    sections->addWidget(m_saveButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addLayout(sections);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);

    connect(m_campaign, &QComboBox::currentIndexChanged, this, &ReportsPanel::campaignChosen);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPanel::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportsPanel::chooseFile);
    clearWorkspace();
}

void ReportsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    {
        QSignalBlocker block(m_campaign);
        m_campaign->clear();
        m_campaign->addItem(tr("All activity"), qint64(0));
        for (const auto& c : workspace.campaigns)
            m_campaign->addItem(QString::fromStdString(c.name), qint64(c.id));
    }
    const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), workspace.timeZone).date();
    m_from->setDate(today.addDays(-27));
    m_to->setDate(today);
    m_previewButton->setEnabled(true);
    m_hasData = false;
    m_saveButton->setEnabled(false);
    m_preview->setHtml(QStringLiteral("<p style=\"color:#5f6873\">%1</p>")
                           .arg(tr("Choose a campaign or a period, then Preview.").toHtmlEscaped()));
}

void ReportsPanel::clearWorkspace()
{
    m_hasWorkspace = false;
    m_hasData = false;
    ++m_generation;
    m_campaign->clear();
    m_previewButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    m_preview->setHtml(QStringLiteral("<p style=\"color:#5f6873\">%1</p>").arg(tr("No workspace is open.").toHtmlEscaped()));
}

void ReportsPanel::campaignChosen(int index)
{
    const qint64 id = index < 0 ? 0 : m_campaign->itemData(index).toLongLong();
    for (const auto& c : m_workspace.campaigns)
        if (c.id == id) {
            const QDate start = QDate::fromString(QString::fromStdString(c.startDay), Qt::ISODate);
            const QDate end = QDate::fromString(QString::fromStdString(c.endDay), Qt::ISODate);
            const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_workspace.timeZone).date();
            if (start.isValid())
                m_from->setDate(start);
            if (end.isValid())
                m_to->setDate(std::min(end, today));
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
    if (const qint64 id = m_campaign->currentData().toLongLong()) {
        r.campaignId = id;
        r.campaignName = m_campaign->currentText();
    }
    r.summary = m_summary->isChecked();
    r.trends = m_trends->isChecked();
    r.topPosts = m_posts->isChecked();
    r.campaigns = m_campaigns->isChecked();
    r.sentiment = m_sentiment->isChecked();
    return r;
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
