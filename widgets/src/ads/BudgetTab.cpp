#include "BudgetTab.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include "AdsWorker.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {
constexpr std::uint64_t kSeed = 20240501; // fixed: the same inputs always give the same plan
}

BudgetTab::BudgetTab(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("budgetTab"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_total = new QDoubleSpinBox(this);
    m_total->setObjectName(QStringLiteral("totalBudget"));
    m_total->setRange(0, 10'000'000);
    m_total->setDecimals(2);
    m_total->setValue(1000);
    form->addRow(tr("Total budget"), m_total);
    m_goal = new QComboBox(this);
    m_goal->setObjectName(QStringLiteral("budgetGoal"));
    m_goal->addItem(tr("Conversions"), int(engine::BudgetGoal::Conversions));
    m_goal->addItem(tr("Clicks"), int(engine::BudgetGoal::Clicks));
    form->addRow(tr("Optimise for"), m_goal);
    auto* whatIf = new QHBoxLayout;
    m_whatIf = new QSlider(Qt::Horizontal, this);
    m_whatIf->setObjectName(QStringLiteral("whatIfSlider"));
    m_whatIf->setRange(25, 300);
    m_whatIf->setValue(100);
    m_whatIfLabel = new QLabel(this);
    m_whatIfLabel->setObjectName(QStringLiteral("whatIfLabel"));
    whatIf->addWidget(m_whatIf, 1);
    whatIf->addWidget(m_whatIfLabel);
    form->addRow(tr("What if"), whatIf);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("budgetSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("allocationChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(200);
    layout->addWidget(m_chart, 2);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("allocationTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Ad set"), tr("Budget"), tr("Expected results"), tr("P(best)"), tr("Posterior rate")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    m_planTimer = new QTimer(this);
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(150);
    connect(m_planTimer, &QTimer::timeout, this, &BudgetTab::plan);
    connect(m_total, &QDoubleSpinBox::valueChanged, m_planTimer, qOverload<>(&QTimer::start));
    connect(m_goal, &QComboBox::currentIndexChanged, m_planTimer, qOverload<>(&QTimer::start));
    connect(m_whatIf, &QSlider::valueChanged, this, [this] {
        m_whatIfLabel->setText(
            tr("%1% = %2").arg(m_whatIf->value()).arg(QLocale().toString(effectiveBudget(), 'f', 2)));
        m_planTimer->start();
    });
    m_whatIfLabel->setText(tr("%1% = %2").arg(100).arg(QLocale().toString(effectiveBudget(), 'f', 2)));
    clearWorkspace();
}

BudgetTab::~BudgetTab() = default;

void BudgetTab::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    setEnabled(true);
    reload();
}

void BudgetTab::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    m_stats.clear();
    m_plan.reset();
    m_table->setRowCount(0);
    QChart* old = m_chart->chart();
    m_chart->setChart(new QChart);
    delete old;
    m_summary->setText(tr("Open a workspace to plan a budget."));
    setEnabled(false);
}

double BudgetTab::effectiveBudget() const
{
    return m_total->value() * m_whatIf->value() / 100.0;
}

void BudgetTab::reload()
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const int generation = ++m_generation;
    runAsync<Result<std::vector<engine::AdSetStats>>>(
        this,
        [path] {
            return ads::withDatabase(path, false, [](engine::Database& db) { return engine::adSetStatistics(db); });
        },
        [this, generation](const Result<std::vector<engine::AdSetStats>>& stats) {
            if (generation != m_generation)
                return;
            if (!stats) {
                m_summary->setText(errorSummary(stats.error()) + QLatin1Char(' ') +
                                   QString::fromStdString(stats.error().detail));
                return;
            }
            m_stats = *stats;
            m_currency = m_stats.empty() ? QString() : QString::fromStdString(m_stats.front().currency);
            plan();
        });
}

void BudgetTab::plan()
{
    if (!m_hasWorkspace)
        return;
    if (m_stats.empty()) {
        m_plan.reset();
        m_table->setRowCount(0);
        m_summary->setText(tr("No ad sets with results yet: import an Ads Manager export in the Ad sets tab."));
        return;
    }
    const auto stats = m_stats;
    const auto goal = static_cast<engine::BudgetGoal>(m_goal->currentData().toInt());
    const double budget = effectiveBudget();
    const int generation = ++m_generation;
    runAsync<Result<engine::BudgetPlan>>(
        this, [stats, goal, budget] { return engine::planBudget(stats, goal, budget, kSeed); },
        [this, generation, budget](const Result<engine::BudgetPlan>& plan) {
            if (generation != m_generation)
                return;
            if (!plan) {
                m_plan.reset();
                m_table->setRowCount(0);
                m_summary->setText(tr("Cannot plan: %1").arg(QString::fromStdString(plan.error().detail)));
                return;
            }
            showPlan(*plan, budget);
        });
}

void BudgetTab::showPlan(const engine::BudgetPlan& plan, double budget)
{
    m_plan = plan;
    const QLocale locale;
    const bool conversions = m_goal->currentData().toInt() == int(engine::BudgetGoal::Conversions);
    m_table->setRowCount(static_cast<int>(plan.rows.size()));
    auto* set = new QBarSet(tr("Budget"));
    QStringList names;
    double highest = 0;
    for (int r = 0; r < static_cast<int>(plan.rows.size()); ++r) {
        const auto& row = plan.rows[static_cast<std::size_t>(r)];
        const auto& a = row.allocation;
        const QString name = QString::fromStdString(row.name);
        m_table->setItem(r, 0, new QTableWidgetItem(name));
        m_table->setItem(r, 1, new QTableWidgetItem(ads::moneyText(a.budget, m_currency)));
        m_table->setItem(r, 2, new QTableWidgetItem(locale.toString(a.expectedSuccesses, 'f', 1)));
        m_table->setItem(r, 3, new QTableWidgetItem(ads::percentText(a.probabilityBest, 1)));
        m_table->setItem(r, 4, new QTableWidgetItem(ads::percentText(a.posteriorMean, 3)));
        *set << a.budget;
        names << name;
        highest = std::max(highest, a.budget);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(6);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->legend()->hide();
    chart->setTitle(tr("Budget per ad set (%1)").arg(m_currency));
    auto* categories = new QBarCategoryAxis;
    categories->append(names);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto* values = new QValueAxis;
    values->setRange(0, std::max(1.0, highest * 1.15));
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    QChart* old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    QString summary = conversions ? tr("Expected conversions with %1: %2.") : tr("Expected clicks with %1: %2.");
    summary = summary.arg(ads::moneyText(budget, m_currency), locale.toString(plan.expectedResults, 'f', 1));
    if (!plan.skipped.empty())
        summary += QLatin1Char(' ') + tr("%n ad set(s) without spend or results are left out.", nullptr,
                                         static_cast<int>(plan.skipped.size()));
    m_summary->setText(summary + QLatin1Char(' ') +
                       tr("Each ad set gets the share of the budget equal to its probability of being the best "
                          "(Thompson sampling, fixed seed)."));
    emit budgetPlanned();
}

} // namespace herald::ui
