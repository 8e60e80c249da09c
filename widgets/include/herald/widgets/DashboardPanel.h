#pragma once

#include <cstdint>

#include <QWidget>

#include "herald/widgets/DateRanges.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;

namespace herald::engine {
class Clock;
struct KpiSnapshot;
}

namespace herald::ui {

class KpiCard;
struct DashboardData;

/// Headline KPIs for a date range and an account filter, each compared with the previous period
/// of the same length. Figures are read on a worker thread; stale answers are dropped.
class DashboardPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPanel)

public:
    explicit DashboardPanel(const engine::Clock& clock, QWidget* parent = nullptr);

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();

    /// Selects "last N days" (7, 28 or 90) ending today in the workspace's zone.
    void setPresetDays(int days);
    void setCustomRange(const DayRange& range);
    /// 0 shows every account.
    void setAccountFilter(std::int64_t accountId);
    DayRange range() const;
    /// True when the cards show the answer to the current selection (no query pending).
    bool isUpToDate() const { return m_shownGeneration == m_generation; }

signals:
    /// The cards show the figures for the current selection.
    void figuresShown();

private:
    QHBoxLayout* buildHeader();
    void presetChanged(int index);
    void refresh();
    void showFigures(const DashboardData& figures);
    void showMessage(const QString& text);
    QDate today() const;

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    DayRange m_range;
    std::int64_t m_accountId = 0;
    int m_generation = 0;
    int m_shownGeneration = 0;

    QComboBox* m_rangeCombo = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QComboBox* m_accountCombo = nullptr;
    QLabel* m_periodLabel = nullptr;
    QLabel* m_message = nullptr;
    KpiCard* m_followers = nullptr;
    KpiCard* m_growth = nullptr;
    KpiCard* m_posts = nullptr;
    KpiCard* m_impressions = nullptr;
    KpiCard* m_engagements = nullptr;
    KpiCard* m_rate = nullptr;
    QLabel* m_best = nullptr;
    QLabel* m_worst = nullptr;
    QLabel* m_campaigns = nullptr;
    QLabel* m_sentiment = nullptr;
};

} // namespace herald::ui
