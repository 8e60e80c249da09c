#pragma once

#include <QWidget>

#include "herald/widgets/Report.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Choose a campaign or a period and the sections, preview the report, and save it as PDF, HTML
/// or CSV. The figures are read on a worker thread.
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

signals:
    void previewShown();

private:
    void campaignChosen(int index);
    void chooseFile();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    bool m_hasData = false;
    int m_generation = 0;
    ReportRequest m_request;
    ReportData m_data;

    QComboBox* m_campaign = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QCheckBox* m_summary = nullptr;
    QCheckBox* m_trends = nullptr;
    QCheckBox* m_posts = nullptr;
    QCheckBox* m_campaigns = nullptr;
    QCheckBox* m_sentiment = nullptr;
    QPushButton* m_previewButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QTextBrowser* m_preview = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace herald::ui
