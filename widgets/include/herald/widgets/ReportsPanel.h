#pragma once

#include <QWidget>

#include "herald/widgets/Report.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Choose campaigns, accounts, a period, the sections and the language, preview the report, and
/// save it as PDF, HTML or CSV; save the choices as a template that heraldctl can use too. The
/// figures are read on a worker thread.
class ReportsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPanel)

public:
    explicit ReportsPanel(const engine::Clock& clock, QWidget* parent = nullptr);

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// The request the form describes now.
    ReportRequest request() const;
    /// Gathers the figures and shows the preview; emits previewShown.
    void preview();
    /// Writes the previewed report; the format follows the file name (.pdf, .html, else a CSV folder).
    Result<bool> save(const QString& path);
    bool hasPreview() const { return m_hasData; }

    /// The form as a template called `name` (a period of the last N days keeps moving with today).
    ReportTemplate currentTemplate(const QString& name) const;
    /// Saves the form as template `name` in the workspace and selects it.
    Result<bool> saveTemplate(const QString& name);
    /// Fills the form from the workspace's template called `name`.
    Result<bool> applyTemplate(const QString& name);
    QStringList templateNames() const;

signals:
    void previewShown();

private:
    void campaignsChanged();
    void chooseFile();
    void askTemplateName();
    void deleteChosenTemplate();
    void reloadTemplates(const QString& select);
    std::vector<std::int64_t> checkedIds(const QListWidget* list) const;
    void setChecked(QListWidget* list, const std::vector<std::int64_t>& ids);
    QDate today() const;

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    bool m_hasData = false;
    int m_generation = 0;
    ReportRequest m_request;
    ReportData m_data;
    std::vector<ReportTemplate> m_templates;
    int m_lastDays = 28; // the length the period had when chosen by a preset or a template

    QComboBox* m_template = nullptr;
    QPushButton* m_saveTemplate = nullptr;
    QPushButton* m_deleteTemplate = nullptr;
    QListWidget* m_campaigns = nullptr;
    QListWidget* m_accounts = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_summary = nullptr;
    QCheckBox* m_trends = nullptr;
    QCheckBox* m_posts = nullptr;
    QCheckBox* m_campaignResults = nullptr;
    QCheckBox* m_sentiment = nullptr;
    QCheckBox* m_segments = nullptr;
    QCheckBox* m_ads = nullptr;
    QCheckBox* m_abTests = nullptr;
    QPushButton* m_previewButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QTextBrowser* m_preview = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace herald::ui
