#pragma once

#include <optional>
#include <vector>

#include <QDialog>
#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/engine/ads/AbTests.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QChartView;
class QDate;
class QComboBox;
class QDateEdit;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Defines an A/B test: name, subject (posts or ad sets), metric, optional window, variants, planned sample.
class AbTestDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AbTestDialog)

public:
    struct Choice
    {
        std::int64_t id;
        QString name;
    };
    AbTestDialog(const std::vector<Choice>& adSets, const std::vector<Choice>& posts, const QDate& today,
                 QWidget* parent = nullptr);
    /// The test the dialog describes (validated by the engine when saved).
    engine::AbTestDefinition definition() const;

private:
    void fillVariants();

    std::vector<Choice> m_adSetChoices;
    std::vector<Choice> m_postChoices;
    QLineEdit* m_name = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_metric = nullptr;
    QListWidget* m_variants = nullptr;
    QSpinBox* m_planned = nullptr;
    QCheckBox* m_useWindow = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
};

/// The workspace's A/B tests: list, define, and the evaluation of the selected one (rates with intervals as a
/// chart, p-value, P(best), expected loss, a verdict that waits for the planned sample) plus a sample-size
/// calculator. Evaluations are saved into the test's result for reports.
class AbTestsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AbTestsTab)

public:
    explicit AbTestsTab(const engine::Clock& clock, QWidget* parent = nullptr);
    ~AbTestsTab() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    void reload();
    /// Selects and evaluates a test by id.
    void showTest(std::int64_t id);
    /// Saves a test definition on a worker thread, then lists and shows it.
    void createTest(const engine::AbTestDefinition& test);
    const std::optional<engine::AbEvaluation>& shownEvaluation() const { return m_evaluation; }
    /// The verdict sentence shown for an evaluation.
    static QString verdictText(const engine::AbEvaluation& evaluation);

signals:
    void testsListed();
    void evaluationShown();
    void testCreated(qint64 id);
    void testFailed(const QString& message);

private:
    void evaluateSelected();
    void showEvaluation(const engine::AbEvaluation& evaluation);
    void defineTest();
    void updateSampleSize();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    std::vector<engine::AbTestDefinition> m_tests;
    std::optional<engine::AbEvaluation> m_evaluation;
    std::optional<std::int64_t> m_pendingSelection;

    QListWidget* m_list = nullptr;
    QPushButton* m_new = nullptr;
    QTableWidget* m_table = nullptr;
    QChartView* m_chart = nullptr;
    QLabel* m_pValue = nullptr;
    QLabel* m_verdict = nullptr;
    QDoubleSpinBox* m_baseline = nullptr;
    QDoubleSpinBox* m_mde = nullptr;
    QDoubleSpinBox* m_power = nullptr;
    QLabel* m_sampleSize = nullptr;
};

} // namespace herald::ui
