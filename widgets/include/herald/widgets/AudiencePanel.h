#pragma once

#include <memory>
#include <vector>

#include <QStringList>
#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QScatterSeries;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

struct AudienceRun;
struct AudienceOverview;
class AudienceRulesTab;
class TaskProgress;

/// Audience segmentation: choose accounts and features, run k-means on a worker thread (progress and
/// Cancel in the status bar), read segment cards, a PCA map and a silhouette plot, mine interest rules,
/// see recommendations per segment, save runs into the workspace and compare saved runs.
class AudiencePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudiencePanel)

public:
    explicit AudiencePanel(const engine::Clock& clock, QWidget* parent = nullptr);
    ~AudiencePanel() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// Shows run progress and Cancel in this (status-bar) widget; without one the panel shows its own.
    void setTaskProgress(TaskProgress* progress);

    /// Starts a segmentation with the chosen accounts, features and k, as the Run button does.
    void runSegmentation();
    /// Saves the shown segmentation under name, as Save segments does after its prompt.
    void saveSegments(const QString& name);
    /// Shows the overlap of two saved runs (by run id) in the Saved runs tab.
    void compareRuns(const QString& runA, const QString& runB);
    /// Writes the handles of one segment of the shown run as CSV (handle, segment).
    Result<bool> exportHandles(int segment, const QString& path) const;

    /// The shown run, or null.
    const AudienceRun* currentRun() const { return m_run.get(); }
    /// Saved runs listed now.
    int savedRunCount() const;
    bool isRunning() const { return m_running; }

signals:
    void overviewLoaded();
    void segmentationShown();
    void segmentationFailed(const QString& message);
    void segmentsSaved(const QString& runId);
    void runsCompared();
    /// The consequents of the chosen interest rules as #hashtags, for the composer.
    void hashtagsChosen(const QStringList& hashtags);

private:
    void refreshOverview();
    void showOverview(const AudienceOverview& overview);
    void showRun(std::shared_ptr<const AudienceRun> run);
    void showMessage(const QString& text);
    void resetResults();
    void showCards();
    void showCharts();
    void showRecommendations();
    void chooseSave();
    void chooseExport(int segment);
    void compareSelected();
    void deleteSelected();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    bool m_running = false;
    int m_generation = 0;
    std::shared_ptr<const AudienceRun> m_run;
    QStringList m_savedRunIds; // run id of each saved runs table row

    TaskProgress* m_progress = nullptr;
    TaskProgress* m_ownProgress = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_empty = nullptr;
    QListWidget* m_accounts = nullptr;
    QListWidget* m_features = nullptr;
    QCheckBox* m_autoK = nullptr;
    QSpinBox* m_k = nullptr;
    QPushButton* m_runButton = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_saveButton = nullptr;
    QGridLayout* m_cards = nullptr;
    QWidget* m_cardsHost = nullptr;
    QChartView* m_scatter = nullptr;
    QChartView* m_silhouette = nullptr;
    std::vector<std::pair<QScatterSeries*, std::vector<std::int64_t>>> m_scatterRows;
    AudienceRulesTab* m_rules = nullptr;
    QComboBox* m_recSegment = nullptr;
    QTableWidget* m_recTags = nullptr;
    QTableWidget* m_recPosts = nullptr;
    QTableWidget* m_savedRuns = nullptr;
    QTableWidget* m_comparison = nullptr;
    QLabel* m_comparisonTitle = nullptr;
};

} // namespace herald::ui
