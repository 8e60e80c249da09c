#pragma once

#include <memory>

#include <QDateTime>
#include <QList>
#include <QPointF>
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
class QPushButton;
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
        std::vector<double> fullX, fullY;    // the main line at full resolution (msecs, value)
    };
    /// The chart of a series with its previous period, forecast bands and anomalies; reports draw
    /// the same chart.
    static ChartParts buildChart(const TrendsData& data, engine::Granularity granularity, const QString& seriesName,
                                 bool forecastRequested, bool rate);
    /// The points of (xs, ys) with fromX <= x <= toX (xs ascending), thinned by LTTB to at most
    /// maxPoints, plus the neighbours just outside so the line reaches the plot's edges.
    static QList<QPointF> visiblePoints(const std::vector<double>& xs, const std::vector<double>& ys, double fromX,
                                        double toX, std::size_t maxPoints);

    /// Pins the line the controls describe now to the chart, next to the main line.
    void addCurrentAsLine();
    /// Removes the pinned lines.
    void clearLines();
    int pinnedLineCount() const { return int(m_extra.size()); }
    /// Scores the forecast method on the last periods of the main line (held out), on a worker.
    void checkAccuracy();
    /// Points the main line draws now (after downsampling for the visible range).
    int drawnPointCount() const;
    /// Narrows the time axis to [from, to] (as a drag-zoom does) and redraws the main line for it.
    void zoomTo(const QDateTime& from, const QDateTime& to);

signals:
    void chartShown();
    void accuracyShown();

private:
    void refresh();
    void display(const TrendsData& data, const TrendsRequest& request);
    void showMessage(const QString& text);
    void chooseExport();
    void updateBreakdown();
    SeriesSpec currentSpec() const;
    void refineVisible();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    int m_shownGeneration = 0;
    TrendsData m_data;
    TrendsRequest m_request;

    QComboBox* m_metric = nullptr;
    QComboBox* m_account = nullptr; // accounts, campaigns and tags
    QPushButton* m_addLine = nullptr;
    QPushButton* m_clearLines = nullptr;
    QPushButton* m_accuracy = nullptr;
    std::vector<SeriesSpec> m_extra;
    std::vector<double> m_fullX, m_fullY;
    QLineSeries* m_currentLine = nullptr;
    bool m_refining = false;
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
