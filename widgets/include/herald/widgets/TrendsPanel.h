#pragma once

#include <memory>

#include <QWidget>

#include "herald/widgets/TrendsData.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QChart;
class QChartView;
class QComboBox;
class QLineSeries;
class QScatterSeries;
class QSortFilterProxyModel;
class QLabel;
class QSplitter;
class QTableView;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

class BreakdownModel;
class TopPostsModel;

/// A metric over time for one account or all: the chosen range, the previous period dashed, the
/// engine's forecast with 80% and 95% bands, and anomalies marked on the line. Everything is
/// computed on a worker thread; stale answers are dropped.
class TrendsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendsPanel)

public:
    explicit TrendsPanel(const engine::Clock& clock, QWidget* parent = nullptr);
    ~TrendsPanel() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    bool isUpToDate() const { return m_shownGeneration == m_generation; }
    /// The data behind the chart as last shown (tests, export).
    const TrendsData& data() const { return m_data; }
    /// Shows only the posts published within a day of `day` (an invalid date shows them all).
    void focusPostsAround(const QDate& day);
    /// Rows the posts table shows now.
    int visiblePostCount() const;
    /// Writes the chart's data as CSV: period, value, previous, forecast and bands.
    Result<bool> exportCsv(const QString& path) const;
    /// Writes the chart as PNG or SVG, by the file's suffix.
    Result<bool> exportImage(const QString& path) const;

    struct ChartParts
    {
        QChart* chart = nullptr;             // owned by the caller
        QScatterSeries* anomalies = nullptr; // owned by the chart; null without anomalies
        QLineSeries* current = nullptr;      // the metric's own line, owned by the chart
        QString modelText;                   // the forecast's model, or why there is none
    };
    /// The chart of a series with its previous period, forecast bands and anomalies; reports draw
    /// the same chart.
    static ChartParts buildChart(const TrendsData& data, engine::Granularity granularity, const QString& seriesName,
                                 bool forecastRequested, bool rate);

signals:
    void chartShown();

private:
    void refresh();
    void display(const TrendsData& data, const TrendsRequest& request);
    void showMessage(const QString& text);
    void chooseExport();
    void updateBreakdown();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    int m_shownGeneration = 0;
    TrendsData m_data;
    TrendsRequest m_request;

    QComboBox* m_metric = nullptr;
    QComboBox* m_account = nullptr;
    QComboBox* m_granularity = nullptr;
    QComboBox* m_range = nullptr;
    QCheckBox* m_compare = nullptr;
    QCheckBox* m_forecast = nullptr;
    QCheckBox* m_anomalies = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_model = nullptr;
    QSplitter* m_split = nullptr;
    QTableView* m_table = nullptr;
    TopPostsModel* m_posts = nullptr;
    QSortFilterProxyModel* m_sortedPosts = nullptr;
    QLabel* m_postsTitle = nullptr;
    BreakdownModel* m_breakdown = nullptr;
    QComboBox* m_grouping = nullptr;
};

} // namespace herald::ui
