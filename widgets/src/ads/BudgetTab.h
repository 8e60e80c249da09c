#pragma once

#include <optional>
#include <vector>

#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/engine/ads/AdSetStats.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QTableWidget;
class QTimer;

namespace herald::ui {

/// Splits a total budget across the ad sets by Thompson sampling on their conversion (or click) rates: the
/// allocation as bars, the expected results and each ad set's probability of being the best; a what-if slider
/// scales the budget from 25 % to 300 %.
class BudgetTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetTab)

public:
    explicit BudgetTab(QWidget* parent = nullptr);
    ~BudgetTab() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// Re-reads the ad sets' results, then plans.
    void reload();
    /// The budget the plan uses: the total scaled by the what-if slider.
    double effectiveBudget() const;
    const std::optional<engine::BudgetPlan>& shownPlan() const { return m_plan; }

signals:
    void budgetPlanned();

private:
    void plan();
    void showPlan(const engine::BudgetPlan& plan, double budget);

    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    std::vector<engine::AdSetStats> m_stats;
    std::optional<engine::BudgetPlan> m_plan;
    QString m_currency;

    QDoubleSpinBox* m_total = nullptr;
    QComboBox* m_goal = nullptr;
    QSlider* m_whatIf = nullptr;
    QLabel* m_whatIfLabel = nullptr;
    QChartView* m_chart = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QTimer* m_planTimer = nullptr;
};

} // namespace herald::ui
