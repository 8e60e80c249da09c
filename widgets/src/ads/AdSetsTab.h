#pragma once

#include <vector>

#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/engine/ads/AdSetStats.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Ad-set results: Ads Manager CSV import, CTR / CPC / CPA / ROAS with intervals per ad set over a range, and
/// the logistic model's predicted CTR for each ad set's audience.
class AdSetsTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdSetsTab)

public:
    explicit AdSetsTab(const engine::Clock& clock, QWidget* parent = nullptr);
    ~AdSetsTab() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    void reload();
    /// Imports an Ads Manager CSV on a worker thread; importFinished reports the outcome.
    void importFile(const QString& path);
    const std::vector<engine::AdSetStats>& shownStats() const { return m_stats; }

signals:
    void adSetsShown();
    void adSetsChanged();
    void importFinished(bool ok, const QString& message);

private:
    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    std::vector<engine::AdSetStats> m_stats;

    QComboBox* m_range = nullptr;
    QPushButton* m_import = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_model = nullptr;
};

} // namespace herald::ui
