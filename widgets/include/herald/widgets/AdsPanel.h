#pragma once

#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QTabWidget;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

class AdAudiencesTab;
class AdSetsTab;
class BudgetTab;
class AbTestsTab;

/// The marketer's ads desk: ad audiences (from a segment or filters, with size, save and validated exports),
/// ad-set results with intervals and a predicted CTR, a Thompson-sampling budget planner, and A/B tests with
/// a verdict. Every store read and every computation runs on a worker thread; stale answers are dropped.
class AdsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdsPanel)

public:
    explicit AdsPanel(const engine::Clock& clock, QWidget* parent = nullptr);
    ~AdsPanel() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();

    AdAudiencesTab* audiencesTab() const { return m_audiences; }
    AdSetsTab* adSetsTab() const { return m_adSets; }
    BudgetTab* budgetTab() const { return m_budget; }
    AbTestsTab* abTestsTab() const { return m_abTests; }

private:
    QTabWidget* m_tabs = nullptr;
    AdAudiencesTab* m_audiences = nullptr;
    AdSetsTab* m_adSets = nullptr;
    BudgetTab* m_budget = nullptr;
    AbTestsTab* m_abTests = nullptr;
};

} // namespace herald::ui
