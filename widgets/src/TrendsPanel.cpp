#include "herald/widgets/TrendsPanel.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QDesktopServices>
#include <QHeaderView>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>
#include <QSvgGenerator>
#include <QTextStream>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/engine/analytics/Accuracy.h"
#include "herald/engine/analytics/Lttb.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/Csv.h"
#include "herald/widgets/DateRanges.h"
#include "herald/widgets/ErrorText.h"
#include "models/BreakdownModel.h"
#include "models/TopPostsModel.h"

namespace herald::ui {

namespace {

constexpr int kRangeDays[] = {30, 90, 365, 730};

// Sorts the posts table and, when a window is set, keeps the posts published inside it.
class PostsAroundFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWindow(qint64 fromUtc, qint64 toUtc)
    {
        m_from = fromUtc;
        m_to = toUtc;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_from == m_to)
            return true;
        const qint64 t = sourceModel()->index(row, TopPostsModel::PublishedColumn, parent)
                             .data(TopPostsModel::SortRole)
                             .toLongLong();
        return t >= m_from && t < m_to;
    }

private:
    qint64 m_from = 0;
    qint64 m_to = 0;
};
constexpr std::size_t kMaxDrawnPoints = 1500; // LTTB keeps the shape of longer series

qint64 msecs(const std::string& day)
{
    return QDateTime(QDate::fromString(QString::fromStdString(day), Qt::ISODate), QTime(0, 0)).toMSecsSinceEpoch();
}

// Day offset of the period after `last` for forecast step `step` (1-based).
QDate forecastDate(const QDate& last, engine::Granularity g, int step)
{
    switch (g) {
    case engine::Granularity::Day: return last.addDays(step);
    case engine::Granularity::Week: return last.addDays(7 * step);
    case engine::Granularity::Month: return last.addMonths(step);
    }
    return last;
}

// The msecs and values of a series' present points. Parsing a date per point is too slow for long
// series: each point is placed by its day number from the first one (a DST hour is invisible at
// chart scale).
void pointsOf(const std::vector<engine::SeriesPoint>& points, qint64 shiftMs, std::vector<double>& xs,
              std::vector<double>& ys)
{
    xs.clear();
    ys.clear();
    xs.reserve(points.size());
    ys.reserve(points.size());
    const qint64 base = points.empty() ? 0 : msecs(points.front().period);
    const auto baseDay = points.empty() ? std::optional<std::int64_t>() : engine::dayNumber(points.front().period);
    for (const auto& p : points)
        if (!p.missing) {
            const auto day = engine::dayNumber(p.period);
            const qint64 x = day && baseDay ? base + (*day - *baseDay) * 86'400'000 : msecs(p.period);
            xs.push_back(double(x + shiftMs));
            ys.push_back(p.value);
        }
}

QLineSeries* lineFrom(const std::vector<engine::SeriesPoint>& points, qint64 shiftMs,
                      std::vector<double>* keepX = nullptr, std::vector<double>* keepY = nullptr)
{
    std::vector<double> xs, ys;
    pointsOf(points, shiftMs, xs, ys);
    auto* line = new QLineSeries;
    if (!xs.empty())
        line->replace(TrendsPanel::visiblePoints(xs, ys, xs.front(), xs.back(), kMaxDrawnPoints));
    if (keepX && keepY) {
        *keepX = std::move(xs);
        *keepY = std::move(ys);
    }
    return line;
}

const QColor kLineColours[] = {QColor(0xe1, 0x81, 0x2c), QColor(0x3a, 0x92, 0x3a), QColor(0x8e, 0x44, 0xad),
                               QColor(0xc0, 0x39, 0x2b), QColor(0x16, 0xa0, 0x85), QColor(0x7f, 0x8c, 0x8d)};

} // namespace

TrendsPanel::TrendsPanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("trendsPanel"));
    auto* title = new QLabel(tr("Trends"), this);
    auto font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);

    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("metricCombo"));
    m_metric->addItem(tr("Engagements"), int(TrendMetric::Engagements));
    m_metric->addItem(tr("Impressions"), int(TrendMetric::Impressions));
    m_metric->addItem(tr("Engagement rate"), int(TrendMetric::EngagementRate));
    m_metric->addItem(tr("Followers"), int(TrendMetric::Followers));
    m_metric->addItem(tr("Profile visits"), int(TrendMetric::ProfileVisits));
    m_metric->addItem(tr("Link clicks"), int(TrendMetric::Clicks));
    m_metric->addItem(tr("Posts published"), int(TrendMetric::PostsPublished));
    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("trendsAccountCombo"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_account->setMinimumContentsLength(16);
    m_granularity = new QComboBox(this);
    m_granularity->setObjectName(QStringLiteral("granularityCombo"));
    m_granularity->addItem(tr("By day"), int(engine::Granularity::Day));
    m_granularity->addItem(tr("By week"), int(engine::Granularity::Week));
    m_granularity->addItem(tr("By month"), int(engine::Granularity::Month));
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("trendsRangeCombo"));
    m_range->addItem(tr("Last 30 days"));
    m_range->addItem(tr("Last 90 days"));
    m_range->addItem(tr("Last 365 days"));
    m_range->addItem(tr("Last 2 years"));
    m_range->setCurrentIndex(1);
    m_compare = new QCheckBox(tr("Previous period"), this);
    m_compare->setObjectName(QStringLiteral("compareCheck"));
    m_compare->setChecked(true);
    m_forecast = new QCheckBox(tr("Forecast"), this);
    m_forecast->setObjectName(QStringLiteral("forecastCheck"));
    m_forecast->setChecked(true);
    m_anomalies = new QCheckBox(tr("Anomalies"), this);
    m_anomalies->setObjectName(QStringLiteral("anomaliesCheck"));
    m_anomalies->setChecked(true);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    m_addLine = new QPushButton(tr("Add Line"), this);
    m_addLine->setObjectName(QStringLiteral("addLineButton"));
    m_addLine->setToolTip(tr("Keep this metric and scope on the chart and choose another to compare"));
    m_clearLines = new QPushButton(tr("Remove Added Lines"), this);
    m_clearLines->setObjectName(QStringLiteral("clearLinesButton"));
    m_clearLines->hide();
    m_accuracy = new QPushButton(tr("Check Accuracy"), this);
    m_accuracy->setObjectName(QStringLiteral("accuracyButton"));
    m_accuracy->setToolTip(tr("Fit the forecast on all but the last periods and compare it with what happened"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(title);
    controls->addStretch();
    for (QWidget* w : std::initializer_list<QWidget*>{m_metric, m_account, m_granularity, m_range, exportButton})
        controls->addWidget(w);

    m_view = new QChartView(this);
    m_view->setObjectName(QStringLiteral("trendsChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand); // drag to zoom; right-click zooms out
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("trendsMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #5f6873; padding: 24px;"));
    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("forecastModelLabel"));
    m_model->setStyleSheet(QStringLiteral("color: #5f6873;"));
    m_model->setWordWrap(true);
    auto* lineControls = new QHBoxLayout;
    lineControls->addWidget(m_model, 1);
    for (QWidget* w : std::initializer_list<QWidget*>{m_compare, m_forecast, m_anomalies})
        lineControls->addWidget(w);
    lineControls->addWidget(m_accuracy);
    lineControls->addWidget(m_addLine);
    lineControls->addWidget(m_clearLines);

    m_posts = new TopPostsModel(this);
    auto* sorted = new PostsAroundFilter(this);
    m_sortedPosts = sorted;
    sorted->setSourceModel(m_posts);
    sorted->setSortRole(TopPostsModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("topPostsTable"));
    m_table->setModel(sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TopPostsModel::EngagementsColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TopPostsModel::TextColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(TopPostsModel::NetworkColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(TopPostsModel::CampaignColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(TopPostsModel::NetworkColumn, 170);
    m_table->setColumnWidth(TopPostsModel::CampaignColumn, 140);
    connect(m_table, &QTableView::doubleClicked, this, [](const QModelIndex& index) {
        const QUrl url(index.data(TopPostsModel::PermalinkRole).toString());
        if (url.isValid() && !url.isEmpty())
            QDesktopServices::openUrl(url);
    });
    m_breakdown = new BreakdownModel(this);
    auto* breakdownSorted = new QSortFilterProxyModel(this);
    breakdownSorted->setSourceModel(m_breakdown);
    breakdownSorted->setSortRole(BreakdownModel::SortRole);
    auto* breakdownTable = new QTableView(this);
    breakdownTable->setObjectName(QStringLiteral("breakdownTable"));
    breakdownTable->setModel(breakdownSorted);
    breakdownTable->setSortingEnabled(true);
    breakdownTable->sortByColumn(BreakdownModel::GroupColumn, Qt::AscendingOrder);
    breakdownTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    breakdownTable->setAlternatingRowColors(true);
    breakdownTable->verticalHeader()->hide();
    breakdownTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("breakdownCombo"));
    m_grouping->addItem(tr("By network"), int(BreakdownModel::Grouping::Network));
    m_grouping->addItem(tr("By campaign"), int(BreakdownModel::Grouping::Campaign));
    m_grouping->addItem(tr("By tag"), int(BreakdownModel::Grouping::Tag));
    m_grouping->addItem(tr("By hour of week"), int(BreakdownModel::Grouping::HourOfWeek));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &TrendsPanel::updateBreakdown);
    auto* breakdownBox = new QWidget(this);
    auto* breakdownLayout = new QVBoxLayout(breakdownBox);
    breakdownLayout->setContentsMargins(0, 4, 0, 0);
    breakdownLayout->addWidget(m_grouping, 0, Qt::AlignLeft);
    breakdownLayout->addWidget(breakdownTable);

    auto* postsBox = new QWidget(this);
    auto* postsLayout = new QVBoxLayout(postsBox);
    postsLayout->setContentsMargins(0, 0, 0, 0);
    m_postsTitle = new QLabel(postsBox);
    m_postsTitle->setObjectName(QStringLiteral("postsTitle"));
    m_postsTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    postsLayout->addWidget(m_postsTitle);
    postsLayout->addWidget(m_table);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("trendsTabs"));
    tabs->addTab(postsBox, tr("Posts"));
    tabs->addTab(breakdownBox, tr("Breakdown"));
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->addWidget(m_view);
    m_split->addWidget(tabs);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addLayout(controls);
    layout->addLayout(lineControls);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_message);

    for (auto* combo : {m_metric, m_account, m_granularity, m_range})
        connect(combo, &QComboBox::currentIndexChanged, this, &TrendsPanel::refresh);
    for (auto* check : {m_compare, m_forecast, m_anomalies})
        connect(check, &QCheckBox::toggled, this, &TrendsPanel::refresh);
    connect(exportButton, &QPushButton::clicked, this, &TrendsPanel::chooseExport);
    connect(m_addLine, &QPushButton::clicked, this, &TrendsPanel::addCurrentAsLine);
    connect(m_clearLines, &QPushButton::clicked, this, &TrendsPanel::clearLines);
    connect(m_accuracy, &QPushButton::clicked, this, &TrendsPanel::checkAccuracy);
    auto zoom = [this](double factor) {
        if (auto* chart = m_view->chart())
            chart->zoom(factor);
    };
    new QShortcut(QKeySequence::ZoomIn, this, [zoom] { zoom(1.25); });
    new QShortcut(QKeySequence::ZoomOut, this, [zoom] { zoom(0.8); });
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] {
        if (auto* chart = m_view->chart())
            chart->zoomReset();
    });
    new QShortcut(QKeySequence(Qt::Key_Escape), this, [this] { focusPostsAround({}); });
    new QShortcut(QKeySequence(Qt::Key_Left), this, [this] {
        if (auto* chart = m_view->chart())
            chart->scroll(-chart->plotArea().width() / 10, 0);
    });
    new QShortcut(QKeySequence(Qt::Key_Right), this, [this] {
        if (auto* chart = m_view->chart())
            chart->scroll(chart->plotArea().width() / 10, 0);
    });
    clearWorkspace();
}

TrendsPanel::~TrendsPanel() = default;

void TrendsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    {
        QSignalBlocker block(m_account);
        m_account->clear();
        m_account->addItem(tr("All accounts"), QStringLiteral("a:0"));
        for (const auto& a : workspace.accounts)
            m_account->addItem(QStringLiteral("%1 · %2").arg(
                                   QString::fromUtf8(engine::platformDisplayName(a.platform).data()),
                                   QString::fromStdString(a.handle)),
                               QStringLiteral("a:%1").arg(a.id));
        if (!workspace.campaigns.empty())
            m_account->insertSeparator(m_account->count());
        for (const auto& c : workspace.campaigns)
            //: A campaign in the chart's scope list; %1 is its name
            m_account->addItem(tr("Campaign: %1").arg(QString::fromStdString(c.name)), QStringLiteral("c:%1").arg(c.id));
        if (!workspace.tags.empty())
            m_account->insertSeparator(m_account->count());
        for (const auto& t : workspace.tags)
            m_account->addItem(QStringLiteral("#") + QString::fromStdString(t), QStringLiteral("t:") + QString::fromStdString(t));
    }
    refresh();
}

void TrendsPanel::clearWorkspace()
{
    m_hasWorkspace = false;
    m_extra.clear();
    m_clearLines->hide();
    ++m_generation;
    m_account->clear();
    m_split->hide();
    m_model->clear();
    m_posts->setPosts({});
    showMessage(tr("No workspace is open."));
}

void TrendsPanel::refresh()
{
    const int generation = ++m_generation;
    if (!m_hasWorkspace)
        return;
    const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), m_workspace.timeZone).date();
    const int days = kRangeDays[std::max(0, m_range->currentIndex())];
    TrendsRequest request;
    request.workspacePath = m_workspace.path.toStdString();
    request.timeZone = m_workspace.timeZone.id().toStdString();
    request.series = currentSpec();
    request.extra = m_extra;
    request.granularity = engine::Granularity(m_granularity->currentData().toInt());
    const auto range = toKpiRange(lastDays(today, days), m_workspace.timeZone);
    request.fromDay = range.fromDay;
    request.toDay = range.toDay;
    request.fromUtc = range.fromUtc;
    request.toUtc = range.toUtc;
    request.comparePrevious = m_compare->isChecked();
    request.forecast = m_forecast->isChecked();
    request.anomalies = m_anomalies->isChecked();
    m_model->setText(tr("Calculating…"));
    runAsync<Result<TrendsData>>(
        this, [request] { return computeTrends(request); },
        [this, generation, request](const Result<TrendsData>& result) {
            if (generation != m_generation)
                return;
            m_shownGeneration = generation;
            if (!result) {
                m_split->hide();
                m_model->clear();
                showMessage(errorSummary(result.error()) + QLatin1Char('\n') +
                            QString::fromStdString(result.error().detail));
            } else {
                display(*result, request);
            }
            emit chartShown();
        });
}

void TrendsPanel::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

TrendsPanel::ChartParts TrendsPanel::buildChart(const TrendsData& data, engine::Granularity granularity,
                                               const QString& seriesName, bool forecastRequested, bool rate)
{
    ChartParts parts;
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* xAxis = new QDateTimeAxis;
    //: Date formats of the chart's time axis (QDate format strings)
    xAxis->setFormat(granularity == engine::Granularity::Month ? tr("MMM yyyy") : tr("d MMM"));
    auto* yAxis = new QValueAxis;
    yAxis->setLabelFormat(rate ? QStringLiteral("%.3f")
                                                                                  : QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
    auto attach = [&](QAbstractSeries* s) {
        chart->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };
    auto track = [&](double v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };

    auto* current = lineFrom(data.current, 0, &parts.fullX, &parts.fullY);
    parts.current = current;
    current->setName(seriesName);
    QPen pen(QColor(QStringLiteral("#2f5d8a")));
    pen.setWidthF(2);
    current->setPen(pen);
    for (const auto& p : current->points())
        track(p.y());

    if (!data.previous.empty()) {
        const qint64 shift = msecs(data.current.front().period) - msecs(data.previous.front().period);
        auto* previous = lineFrom(data.previous, shift);
        previous->setName(tr("Previous period"));
        QPen dashed(QColor(QStringLiteral("#8a9aab")));
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(1.5);
        previous->setPen(dashed);
        for (const auto& p : previous->points())
            track(p.y());
        attach(previous);
    }

    if (data.forecast) {
        const auto& f = *data.forecast;
        const QDate last = QDate::fromString(QString::fromStdString(data.current.back().period), Qt::ISODate);
        auto band = [&](const std::vector<double>& lo, const std::vector<double>& hi, const QString& name,
                        const QColor& colour) {
            auto* upper = new QLineSeries;
            auto* lower = new QLineSeries;
            for (std::size_t i = 0; i < f.mean.size(); ++i) {
                const double x = double(QDateTime(forecastDate(last, granularity, int(i) + 1), QTime(0, 0))
                                            .toMSecsSinceEpoch());
                upper->append(x, hi[i]);
                lower->append(x, lo[i]);
                track(hi[i]);
                track(lo[i]);
            }
            auto* area = new QAreaSeries(upper, lower);
            area->setName(name);
            area->setColor(colour);
            area->setBorderColor(Qt::transparent);
            attach(area);
        };
        band(f.lower95, f.upper95, tr("95% interval"), QColor(47, 93, 138, 45));
        band(f.lower80, f.upper80, tr("80% interval"), QColor(47, 93, 138, 80));
        auto* mean = new QLineSeries;
        mean->setName(tr("Forecast"));
        QPen fpen(QColor(QStringLiteral("#2f5d8a")));
        fpen.setStyle(Qt::DotLine);
        fpen.setWidthF(2);
        mean->setPen(fpen);
        mean->append(double(msecs(data.current.back().period)), data.current.back().value);
        for (std::size_t i = 0; i < f.mean.size(); ++i)
            mean->append(double(QDateTime(forecastDate(last, granularity, int(i) + 1), QTime(0, 0))
                                    .toMSecsSinceEpoch()),
                         f.mean[i]);
        attach(mean);
        //: %1 is the model, e.g. ARIMA(1,1,1)(0,1,1)[7]; %2 the number of days, weeks or months (12 or more)
        parts.modelText = tr("Forecast: %1, next %2 periods, 80% and 95% intervals")
                             .arg(QString::fromStdString(data.forecastModel))
                             .arg(f.mean.size());
    } else if (forecastRequested) {
        parts.modelText = tr("No forecast: %1").arg(QString::fromStdString(data.forecastProblem));
    }
    attach(current);

    // Pinned lines: the same unit shares the left axis, the other unit gets one on the right.
    QValueAxis* rightAxis = nullptr;
    double rightLow = std::numeric_limits<double>::max(), rightHigh = std::numeric_limits<double>::lowest();
    for (std::size_t i = 0; i < data.extra.size(); ++i) {
        const auto& extra = data.extra[i];
        if (extra.points.empty())
            continue;
        auto* line = lineFrom(extra.points, 0);
        line->setName(QString::fromStdString(extra.spec.label));
        QPen linePen(kLineColours[i % std::size(kLineColours)]);
        linePen.setWidthF(1.6);
        line->setPen(linePen);
        chart->addSeries(line);
        line->attachAxis(xAxis);
        if (isRate(extra.spec.metric) == rate) {
            line->attachAxis(yAxis);
            for (const auto& p : line->points())
                track(p.y());
        } else {
            if (!rightAxis) {
                rightAxis = new QValueAxis;
                rightAxis->setLabelFormat(rate ? QStringLiteral("%.0f") : QStringLiteral("%.3f"));
                chart->addAxis(rightAxis, Qt::AlignRight);
            }
            line->attachAxis(rightAxis);
            for (const auto& p : line->points()) {
                rightLow = std::min(rightLow, p.y());
                rightHigh = std::max(rightHigh, p.y());
            }
        }
    }
    if (rightAxis && rightLow <= rightHigh) {
        const double pad = (rightHigh - rightLow) * 0.08 + (rightHigh == rightLow ? 1 : 0);
        rightAxis->setRange(std::max(0.0, rightLow - pad), rightHigh + pad);
    }

    if (!data.anomalies.empty()) {
        auto* marks = new QScatterSeries;
        marks->setName(tr("Anomalies"));
        marks->setColor(QColor(QStringLiteral("#c62828")));
        marks->setMarkerSize(10);
        for (const auto& a : data.anomalies)
            marks->append(double(msecs(data.current[a.index].period)), a.observed);
        attach(marks);
        parts.anomalies = marks;
    }
    // The axis spans the range and the forecast after it.
    QDate end = QDate::fromString(QString::fromStdString(data.current.back().period), Qt::ISODate);
    if (data.forecast)
        end = forecastDate(end, granularity, int(data.forecast->mean.size()));
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(msecs(data.current.front().period)), QDateTime(end, QTime(0, 0)));
    if (low <= high) {
        const double pad = (high - low) * 0.08 + (high == low ? 1 : 0);
        yAxis->setRange(std::max(0.0, low - pad), high + pad);
    }
    parts.chart = chart;
    return parts;
}

void TrendsPanel::display(const TrendsData& data, const TrendsRequest& request)
{
    m_data = data;
    m_request = request;
    m_posts->setPosts(data.posts);
    focusPostsAround({});
    updateBreakdown();
    if (!data.hasData) {
        m_split->hide();
        m_model->clear();
        showMessage(tr("No metrics for this period and scope. Choose a longer period, or another account, campaign or tag."));
        return;
    }
    m_message->hide();
    m_split->show();
    auto parts = buildChart(data, request.granularity, QString::fromStdString(request.series.label), request.forecast,
                            isRate(request.series.metric));
    auto* chart = parts.chart;
    m_fullX = std::move(parts.fullX);
    m_fullY = std::move(parts.fullY);
    m_currentLine = parts.current;
    // Zooming recomputes the main line's downsampling for the visible range.
    if (auto axes = chart->axes(Qt::Horizontal); !axes.isEmpty())
        if (auto* xAxis = qobject_cast<QDateTimeAxis*>(axes.front()))
            connect(xAxis, &QDateTimeAxis::rangeChanged, this, [this] {
                if (!m_refining)
                    QMetaObject::invokeMethod(this, &TrendsPanel::refineVisible, Qt::QueuedConnection);
            });
    m_model->setText(parts.modelText);
    m_model->setToolTip(QString::fromStdString(data.forecastModel));
    if (parts.anomalies) {
        connect(parts.anomalies, &QScatterSeries::hovered, this, [this](const QPointF& point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            for (const auto& a : m_data.anomalies)
                if (double(msecs(m_data.current[a.index].period)) == point.x()) {
                    const QLocale locale;
                    //: Tooltip of an anomaly: day, observed value, expected value, difference
                    QToolTip::showText(QCursor::pos(),
                                       tr("%1\nValue: %2\nExpected: %3\nDifference: %4")
                                           .arg(QString::fromStdString(m_data.current[a.index].period),
                                                locale.toString(a.observed, 'f', 1),
                                                locale.toString(a.expected, 'f', 1),
                                                locale.toString(a.size, 'f', 1)));
                }
        });
    }
    // Clicking the line lists the posts published around that day.
    connect(parts.current, &QLineSeries::clicked, this, [this](const QPointF& point) {
        focusPostsAround(QDateTime::fromMSecsSinceEpoch(qint64(point.x())).date());
    });
    // Clicking a legend entry shows or hides its series.
    for (auto* marker : chart->legend()->markers())
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            QFont f = marker->font();
            f.setStrikeOut(!marker->series()->isVisible());
            marker->setFont(f);
        });
    auto* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

SeriesSpec TrendsPanel::currentSpec() const
{
    SeriesSpec spec;
    spec.metric = TrendMetric(m_metric->currentData().toInt());
    const QString scope = m_account->currentData().toString();
    const QString value = scope.mid(2);
    if (scope.startsWith(QLatin1String("a:")) && value.toLongLong() != 0)
        spec.accountIds.push_back(value.toLongLong());
    else if (scope.startsWith(QLatin1String("c:")))
        spec.campaignId = value.toLongLong();
    else if (scope.startsWith(QLatin1String("t:")))
        spec.tag = value.toStdString();
    //: Legend of a chart line: metric, then the accounts, campaign or tag it covers
    spec.label = tr("%1 · %2").arg(m_metric->currentText(), m_account->currentText()).toStdString();
    return spec;
}

void TrendsPanel::addCurrentAsLine()
{
    if (!m_hasWorkspace)
        return;
    m_extra.push_back(currentSpec());
    m_clearLines->show();
    // The controls now describe the next main line; the pinned one stays as it is.
    refresh();
}

void TrendsPanel::clearLines()
{
    m_extra.clear();
    m_clearLines->hide();
    refresh();
}

QList<QPointF> TrendsPanel::visiblePoints(const std::vector<double>& xs, const std::vector<double>& ys, double fromX,
                                          double toX, std::size_t maxPoints)
{
    QList<QPointF> out;
    if (xs.empty() || xs.size() != ys.size())
        return out;
    // One point beyond each edge, so the line runs off the plot rather than stopping short.
    auto first = std::size_t(std::lower_bound(xs.begin(), xs.end(), fromX) - xs.begin());
    auto last = std::size_t(std::upper_bound(xs.begin(), xs.end(), toX) - xs.begin());
    first = first > 0 ? first - 1 : 0;
    last = std::min(xs.size(), last + 1);
    const std::size_t count = last - first;
    if (count > maxPoints && maxPoints >= 3) {
        auto kept = engine::lttbIndices(Eigen::Map<const Eigen::VectorXd>(xs.data() + first, Eigen::Index(count)),
                                        Eigen::Map<const Eigen::VectorXd>(ys.data() + first, Eigen::Index(count)),
                                        maxPoints);
        if (kept) {
            out.reserve(qsizetype(kept->size()));
            for (auto i : *kept)
                out.append(QPointF(xs[first + std::size_t(i)], ys[first + std::size_t(i)]));
            return out;
        }
    }
    out.reserve(qsizetype(count));
    for (std::size_t i = first; i < last; ++i)
        out.append(QPointF(xs[i], ys[i]));
    return out;
}

void TrendsPanel::refineVisible()
{
    auto* chart = m_view->chart();
    if (!chart || !m_currentLine || m_fullX.size() <= kMaxDrawnPoints)
        return;
    const auto axes = chart->axes(Qt::Horizontal);
    auto* xAxis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis*>(axes.front());
    if (!xAxis)
        return;
    m_refining = true;
    m_currentLine->replace(visiblePoints(m_fullX, m_fullY, double(xAxis->min().toMSecsSinceEpoch()),
                                         double(xAxis->max().toMSecsSinceEpoch()), kMaxDrawnPoints));
    m_refining = false;
}

int TrendsPanel::drawnPointCount() const
{
    return m_currentLine ? int(m_currentLine->count()) : 0;
}

void TrendsPanel::zoomTo(const QDateTime& from, const QDateTime& to)
{
    auto* chart = m_view->chart();
    if (!chart)
        return;
    const auto axes = chart->axes(Qt::Horizontal);
    if (auto* xAxis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis*>(axes.front())) {
        m_refining = true; // refine once, now, rather than from the queued signal
        xAxis->setRange(from, to);
        m_refining = false;
        refineVisible();
    }
}

void TrendsPanel::checkAccuracy()
{
    if (!m_data.hasData || m_data.current.size() < 16) {
        m_model->setText(tr("Too few periods to hold some out and check the forecast."));
        emit accuracyShown();
        return;
    }
    Eigen::VectorXd series(Eigen::Index(m_data.current.size()));
    for (std::size_t i = 0; i < m_data.current.size(); ++i)
        series(Eigen::Index(i)) =
            m_data.current[i].missing ? std::numeric_limits<double>::quiet_NaN() : m_data.current[i].value;
    engine::HoldoutOptions options;
    const auto g = m_request.granularity;
    options.period = g == engine::Granularity::Day && series.size() >= 42 ? 7
                     : g == engine::Granularity::Month && series.size() >= 48 ? 12
                                                                              : 1;
    options.horizon = std::min<int>(forecastHorizon(g), int(series.size()) / 4);
    m_model->setText(tr("Checking the forecast on the last %n periods…", nullptr, options.horizon));
    const int generation = m_generation;
    runAsync<Result<engine::HoldoutResult>>(
        this, [series, options] { return engine::evaluateHoldout(series, options); },
        [this, generation, options](const Result<engine::HoldoutResult>& result) {
            if (generation != m_generation)
                return;
            if (!result) {
                m_model->setText(tr("Could not check the forecast: %1").arg(QString::fromStdString(result.error().detail)));
            } else {
                const QLocale locale;
                const auto& a = result->accuracy;
                //: Holdout accuracy: %1 periods held out, %2 the model, then MASE, sMAPE (%) and RMSE
                m_model->setText(tr("Held out the last %1 periods: %2 scores MASE %3, sMAPE %4%, RMSE %5 "
                                    "(MASE below 1 beats the naive forecast)")
                                     .arg(options.horizon)
                                     .arg(QString::fromStdString(result->model), locale.toString(a.mase, 'f', 2),
                                          locale.toString(a.smape, 'f', 1), locale.toString(a.rmse, 'f', 1)));
            }
            emit accuracyShown();
        });
}

void TrendsPanel::focusPostsAround(const QDate& day)
{
    auto* filter = static_cast<PostsAroundFilter*>(m_sortedPosts);
    if (!day.isValid()) {
        filter->setWindow(0, 0);
        m_postsTitle->setText(tr("Posts published in this period (double-click opens the post; click the line "
                                 "to see the posts around a day)"));
        return;
    }
    const qint64 from = QDateTime(day.addDays(-1), QTime(0, 0), m_workspace.timeZone).toSecsSinceEpoch();
    const qint64 to = QDateTime(day.addDays(2), QTime(0, 0), m_workspace.timeZone).toSecsSinceEpoch();
    filter->setWindow(from, to);
    //: %1 is a date; the table lists posts from the day before to the day after
    m_postsTitle->setText(tr("Posts published around %1 (Esc shows all)")
                              .arg(QLocale().toString(day, QLocale::LongFormat)));
}

void TrendsPanel::updateBreakdown()
{
    m_breakdown->setPosts(m_data.posts, BreakdownModel::Grouping(m_grouping->currentData().toInt()),
                          m_workspace.timeZone);
}

int TrendsPanel::visiblePostCount() const
{
    return m_sortedPosts->rowCount();
}

Result<bool> TrendsPanel::exportCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": ") + file.errorString()).toStdString());
    QTextStream out(&file);
    out << "period,value,previous_period_value";
    for (const auto& extra : m_data.extra)
        out << ',' << csvCell(QString::fromStdString(extra.spec.label));
    out << '\n';
    for (std::size_t i = 0; i < m_data.current.size(); ++i) {
        const auto& p = m_data.current[i];
        out << QString::fromStdString(p.period) << ',' << (p.missing ? QString() : QString::number(p.value, 'g', 15))
            << ',';
        if (i < m_data.previous.size() && !m_data.previous[i].missing)
            out << QString::number(m_data.previous[i].value, 'g', 15);
        for (const auto& extra : m_data.extra) {
            out << ',';
            if (i < extra.points.size() && !extra.points[i].missing)
                out << QString::number(extra.points[i].value, 'g', 15);
        }
        out << '\n';
    }
    if (m_data.forecast) {
        const auto& f = *m_data.forecast;
        const QDate last = QDate::fromString(QString::fromStdString(m_data.current.back().period), Qt::ISODate);
        out << "\nforecast_period,mean,lo80,hi80,lo95,hi95\n";
        for (std::size_t i = 0; i < f.mean.size(); ++i)
            out << forecastDate(last, m_request.granularity, int(i) + 1).toString(Qt::ISODate) << ','
                << QString::number(f.mean[i], 'g', 15) << ',' << QString::number(f.lower80[i], 'g', 15) << ','
                << QString::number(f.upper80[i], 'g', 15) << ',' << QString::number(f.lower95[i], 'g', 15) << ','
                << QString::number(f.upper95[i], 'g', 15) << '\n';
    }
    out.flush();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Storage, (path + QStringLiteral(": ") + file.errorString()).toStdString());
    return true;
}

Result<bool> TrendsPanel::exportImage(const QString& path) const
{
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(m_view->size());
        svg.setViewBox(m_view->rect());
        svg.setTitle(tr("Herald trend chart"));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": cannot be written")).toStdString());
        m_view->render(&painter);
        painter.end();
        return true;
    }
    if (!m_view->grab().save(path))
        return fail(ErrorCode::ReadOnly, (path + QStringLiteral(": cannot be written")).toStdString());
    return true;
}

void TrendsPanel::chooseExport()
{
    if (!m_data.hasData)
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QString(),
                                                      tr("PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)"),
                                                      &filter);
    if (path.isEmpty())
        return;
    const auto result = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? exportCsv(path) : exportImage(path);
    if (!result)
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(result.error().detail));
}

} // namespace herald::ui
