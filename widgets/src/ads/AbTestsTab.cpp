#include "AbTestsTab.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>

#include "AdsWorker.h"
#include "herald/engine/Clock.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

struct Choices
{
    std::vector<AbTestDialog::Choice> adSets;
    std::vector<AbTestDialog::Choice> posts;
};

Result<std::vector<AbTestDialog::Choice>> readChoices(engine::Database& db, const std::string& subject)
{
    auto candidates = engine::abTestCandidates(db, subject);
    if (!candidates)
        return tl::unexpected(candidates.error());
    std::vector<AbTestDialog::Choice> out;
    for (const auto& c : *candidates)
        out.push_back({c.id, QString::fromStdString(c.name).simplified()});
    return out;
}

QString metricName(const std::string& metric)
{
    if (metric == "ctr")
        return AbTestsTab::tr("click-through rate");
    if (metric == "engagement_rate")
        return AbTestsTab::tr("engagement rate");
    return AbTestsTab::tr("conversion rate");
}

} // namespace

AbTestDialog::AbTestDialog(const std::vector<Choice>& adSets, const std::vector<Choice>& posts, const QDate& today,
                           QWidget* parent)
    : QDialog(parent), m_adSetChoices(adSets), m_postChoices(posts)
{
    setObjectName(QStringLiteral("abTestDialog"));
    setWindowTitle(tr("New A/B test"));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("abNameEdit"));
    form->addRow(tr("Name"), m_name);
    m_subject = new QComboBox(this);
    m_subject->setObjectName(QStringLiteral("abSubjectCombo"));
    m_subject->addItem(tr("Ad sets"), QStringLiteral("ad_set"));
    m_subject->addItem(tr("Posts"), QStringLiteral("post"));
    form->addRow(tr("Compare"), m_subject);
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("abMetricCombo"));
    form->addRow(tr("Metric"), m_metric);
    m_variants = new QListWidget(this);
    m_variants->setObjectName(QStringLiteral("abVariantList"));
    form->addRow(tr("Variants (tick two or more)"), m_variants);
    m_planned = new QSpinBox(this);
    m_planned->setObjectName(QStringLiteral("abPlannedSample"));
    m_planned->setRange(0, 100'000'000);
    m_planned->setValue(10000);
    form->addRow(tr("Planned visitors per variant"), m_planned);
    m_useWindow = new QCheckBox(tr("Only count a window"), this);
    m_useWindow->setObjectName(QStringLiteral("abUseWindow"));
    form->addRow(m_useWindow);
    m_from = new QDateEdit(today.addDays(-14), this);
    m_to = new QDateEdit(today, this);
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    connect(m_useWindow, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useWindow, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subject, &QComboBox::currentIndexChanged, this, &AbTestDialog::fillVariants);
    fillVariants();
}

void AbTestDialog::fillVariants()
{
    const bool post = m_subject->currentData().toString() == QLatin1String("post");
    m_metric->clear();
    m_metric->addItem(tr("Click-through rate"), QStringLiteral("ctr"));
    if (post)
        m_metric->addItem(tr("Engagement rate"), QStringLiteral("engagement_rate"));
    else
        m_metric->addItem(tr("Conversion rate (per click)"), QStringLiteral("conversion_rate"));
    m_variants->clear();
    for (const auto& c : post ? m_postChoices : m_adSetChoices) {
        auto* item = new QListWidgetItem(tr("#%1 %2").arg(c.id).arg(c.name), m_variants);
        item->setData(Qt::UserRole, QVariant::fromValue(qint64(c.id)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

engine::AbTestDefinition AbTestDialog::definition() const
{
    engine::AbTestDefinition t;
    t.name = m_name->text().trimmed().toStdString();
    t.subject = m_subject->currentData().toString().toStdString();
    t.metric = m_metric->currentData().toString().toStdString();
    t.plannedSample = m_planned->value();
    if (m_useWindow->isChecked()) {
        t.windowStartUtc = QDateTime(m_from->date(), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
        t.windowEndUtc = QDateTime(m_to->date().addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    }
    char label = 'A';
    for (int i = 0; i < m_variants->count(); ++i) {
        const auto* item = m_variants->item(i);
        if (item->checkState() != Qt::Checked)
            continue;
        engine::AbVariant v;
        v.label = std::string(1, label <= 'Z' ? label : '?');
        ++label;
        (t.subject == "post" ? v.postId : v.adSetId) = item->data(Qt::UserRole).toLongLong();
        t.variants.push_back(v);
    }
    return t;
}

AbTestsTab::AbTestsTab(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("abTestsTab"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("abTestList"));
    left->addWidget(m_list, 1);
    m_new = new QPushButton(tr("New test…"), this);
    m_new->setObjectName(QStringLiteral("newAbTestButton"));
    left->addWidget(m_new);

    auto* calculator = new QGroupBox(tr("Sample size"), this);
    auto* calc = new QFormLayout(calculator);
    m_baseline = new QDoubleSpinBox(calculator);
    m_baseline->setObjectName(QStringLiteral("baselineRate"));
    m_baseline->setRange(0.01, 99.99);
    m_baseline->setSuffix(QStringLiteral(" %"));
    m_baseline->setValue(10);
    m_mde = new QDoubleSpinBox(calculator);
    m_mde->setObjectName(QStringLiteral("minimumEffect"));
    m_mde->setRange(0.01, 50);
    m_mde->setSuffix(QStringLiteral(" pp"));
    m_mde->setValue(2);
    m_power = new QDoubleSpinBox(calculator);
    m_power->setObjectName(QStringLiteral("power"));
    m_power->setRange(50, 99);
    m_power->setSuffix(QStringLiteral(" %"));
    m_power->setValue(80);
    m_sampleSize = new QLabel(calculator);
    m_sampleSize->setObjectName(QStringLiteral("sampleSizeResult"));
    m_sampleSize->setWordWrap(true);
    calc->addRow(tr("Baseline rate"), m_baseline);
    calc->addRow(tr("Smallest lift to detect"), m_mde);
    calc->addRow(tr("Power"), m_power);
    calc->addRow(m_sampleSize);
    left->addWidget(calculator);
    layout->addLayout(left, 1);

    auto* right = new QVBoxLayout;
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("abVerdict"));
    m_verdict->setWordWrap(true);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_verdict->setFont(big);
    right->addWidget(m_verdict);
    m_pValue = new QLabel(this);
    m_pValue->setObjectName(QStringLiteral("abPValue"));
    m_pValue->setWordWrap(true);
    right->addWidget(m_pValue);
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("abChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    right->addWidget(m_chart, 2);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("abVariantTable"));
    m_table->setHorizontalHeaderLabels({tr("Variant"), tr("Visitors"), tr("Conversions"), tr("Rate"),
                                        tr("95% interval"), tr("P(best)"), tr("Expected loss")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    right->addWidget(m_table, 1);
    layout->addLayout(right, 2);

    connect(m_list, &QListWidget::currentRowChanged, this, &AbTestsTab::evaluateSelected);
    connect(m_new, &QPushButton::clicked, this, &AbTestsTab::defineTest);
    for (auto* spin : {m_baseline, m_mde, m_power})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &AbTestsTab::updateSampleSize);
    updateSampleSize();
    clearWorkspace();
}

AbTestsTab::~AbTestsTab() = default;

void AbTestsTab::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    m_list->setEnabled(true);
    m_new->setEnabled(true);
    reload();
}

void AbTestsTab::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    m_tests.clear();
    m_evaluation.reset();
    m_list->clear();
    m_table->setRowCount(0);
    m_pValue->clear();
    m_verdict->setText(tr("Open a workspace to see its A/B tests."));
    QChart* old = m_chart->chart();
    m_chart->setChart(new QChart);
    delete old;
    m_list->setEnabled(false);
    m_new->setEnabled(false);
}

void AbTestsTab::updateSampleSize()
{
    engine::SampleSizeOptions o;
    o.baselineRate = m_baseline->value() / 100.0;
    o.minimumDetectableEffect = m_mde->value() / 100.0;
    o.power = m_power->value() / 100.0;
    auto n = engine::sampleSize(o);
    if (!n) {
        m_sampleSize->setText(tr("No answer: %1").arg(QString::fromStdString(n.error().detail)));
        return;
    }
    m_sampleSize->setText(tr("%1 visitors per variant to detect %2 → %3 at 5% significance.")
                              .arg(QLocale().toString(qint64(n->perGroupCeil)), ads::percentText(o.baselineRate),
                                   ads::percentText(o.baselineRate + o.minimumDetectableEffect)));
}

void AbTestsTab::reload()
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const int generation = ++m_generation;
    runAsync<Result<std::vector<engine::AbTestDefinition>>>(
        this,
        [path] { return ads::withDatabase(path, false, [](engine::Database& db) { return engine::listAbTests(db); }); },
        [this, generation](const Result<std::vector<engine::AbTestDefinition>>& tests) {
            if (generation != m_generation)
                return;
            if (!tests) {
                m_verdict->setText(errorSummary(tests.error()) + QLatin1Char(' ') +
                                   QString::fromStdString(tests.error().detail));
                return;
            }
            m_tests = *tests;
            const QSignalBlocker blocker(m_list);
            m_list->clear();
            for (const auto& t : m_tests)
                m_list->addItem(tr("%1 (%2, %n variant(s))", nullptr, static_cast<int>(t.variants.size()))
                                    .arg(QString::fromStdString(t.name), metricName(t.metric)));
            emit testsListed();
            if (m_tests.empty()) {
                m_verdict->setText(tr("No A/B tests yet. Define one to compare two or more posts or ad sets."));
                m_table->setRowCount(0);
                return;
            }
            int row = 0;
            const auto wanted = m_pendingSelection;
            m_pendingSelection.reset();
            for (int i = 0; i < static_cast<int>(m_tests.size()); ++i)
                if (wanted && m_tests[static_cast<std::size_t>(i)].id == *wanted)
                    row = i;
            m_list->setCurrentRow(row);
            evaluateSelected();
        });
}

void AbTestsTab::showTest(std::int64_t id)
{
    for (int i = 0; i < static_cast<int>(m_tests.size()); ++i)
        if (m_tests[static_cast<std::size_t>(i)].id == id)
            m_list->setCurrentRow(i);
}

void AbTestsTab::evaluateSelected()
{
    const int row = m_list->currentRow();
    if (!m_hasWorkspace || row < 0 || row >= static_cast<int>(m_tests.size()))
        return;
    const QString path = m_workspace.path;
    const std::int64_t id = m_tests[static_cast<std::size_t>(row)].id;
    const int generation = ++m_generation;
    m_verdict->setText(tr("Evaluating…"));
    runAsync<Result<engine::AbEvaluation>>(
        this,
        [path, id] {
            auto e =
                ads::withDatabase(path, false, [id](engine::Database& db) { return engine::evaluateAbTest(db, id); });
            // Saved for reports; a read-only workspace still shows the evaluation.
            if (e)
                (void)ads::withDatabase(path, true,
                                        [&e](engine::Database& db) { return engine::saveAbResult(db, *e); });
            return e;
        },
        [this, generation](const Result<engine::AbEvaluation>& e) {
            if (generation != m_generation)
                return;
            if (!e) {
                m_evaluation.reset();
                m_table->setRowCount(0);
                m_verdict->setText(tr("Cannot evaluate this test: %1").arg(QString::fromStdString(e.error().detail)));
                return;
            }
            showEvaluation(*e);
        });
}

QString AbTestsTab::verdictText(const engine::AbEvaluation& e)
{
    const QLocale locale;
    const QString p = locale.toString(e.pValue, 'g', 3);
    switch (e.verdict) {
    case engine::AbVerdict::NotEnoughData: {
        qint64 smallest = -1;
        for (const auto& v : e.variants)
            smallest = smallest < 0 ? v.visitors : std::min<qint64>(smallest, v.visitors);
        return tr("Not enough data yet: the smallest variant has %1 of the planned %2 visitors. No winner is "
                  "called before the planned sample (p = %3 so far).")
            .arg(locale.toString(smallest), locale.toString(qint64(e.test.plannedSample)), p);
    }
    case engine::AbVerdict::Winner: {
        const auto& best = e.variants[*e.best];
        return tr("%1 wins with %2 (p = %3); it is best with probability %4, and choosing it gives up %5 "
                  "points in expectation.")
            .arg(QString::fromStdString(best.label), ads::percentText(best.rate), p,
                 ads::percentText(best.probabilityBest, 1), locale.toString(best.expectedLoss * 100.0, 'f', 3));
    }
    case engine::AbVerdict::NoDifference:
        return tr("No significant difference (p = %1): the planned sample was reached and the variants perform "
                  "alike at the 5% level.")
            .arg(p);
    }
    return {};
}

void AbTestsTab::showEvaluation(const engine::AbEvaluation& e)
{
    m_evaluation = e;
    const QLocale locale;
    m_verdict->setText(verdictText(e));
    const QString testName = e.kind == engine::AbTestKind::Fisher  ? tr("Fisher's exact test")
                             : e.kind == engine::AbTestKind::ZTest ? tr("two-proportion z-test")
                                                                   : tr("chi-squared test");
    m_pValue->setText(
        e.testDefined
            ? tr("%1 of %2: p = %3.").arg(testName, metricName(e.test.metric), locale.toString(e.pValue, 'g', 4))
            : tr("The test is undefined: no variant has a conversion yet."));
    if (e.neededPerGroup)
        m_pValue->setText(m_pValue->text() + QLatin1Char(' ') +
                          tr("Detecting the observed difference with 80% power needs %1 visitors per variant.")
                              .arg(locale.toString(qint64(*e.neededPerGroup))));
    m_table->setRowCount(static_cast<int>(e.variants.size()));
    auto* intervals = new QChart;
    intervals->legend()->hide();
    intervals->setTitle(tr("Rate per variant with its 95% interval"));
    auto* points = new QScatterSeries;
    points->setMarkerSize(10);
    auto* xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    double highest = 0;
    for (int r = 0; r < static_cast<int>(e.variants.size()); ++r) {
        const auto& v = e.variants[static_cast<std::size_t>(r)];
        const QString cells[] = {QString::fromStdString(v.label),
                                 locale.toString(qint64(v.visitors)),
                                 locale.toString(qint64(v.conversions)),
                                 ads::percentText(v.rate, 3),
                                 ads::percentRangeText(v.interval.low, v.interval.high, 3),
                                 ads::percentText(v.probabilityBest, 1),
                                 locale.toString(v.expectedLoss * 100.0, 'f', 4)};
        for (int c = 0; c < 7; ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        auto* bar = new QLineSeries;
        bar->append(r + 1, v.interval.low * 100.0);
        bar->append(r + 1, v.interval.high * 100.0);
        intervals->addSeries(bar);
        points->append(r + 1, v.rate * 100.0);
        xAxis->append(QString::fromStdString(v.label), r + 1);
        highest = std::max(highest, v.interval.high * 100.0);
    }
    intervals->addSeries(points);
    xAxis->setRange(0.5, static_cast<double>(e.variants.size()) + 0.5);
    auto* yAxis = new QValueAxis;
    yAxis->setRange(0, std::max(0.1, highest * 1.15));
    yAxis->setTitleText(tr("%"));
    intervals->addAxis(xAxis, Qt::AlignBottom);
    intervals->addAxis(yAxis, Qt::AlignLeft);
    for (auto* s : intervals->series()) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    QChart* old = m_chart->chart();
    m_chart->setChart(intervals);
    delete old;
    emit evaluationShown();
}

void AbTestsTab::createTest(const engine::AbTestDefinition& test)
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const engine::Clock* clock = &m_clock;
    runAsync<Result<std::int64_t>>(
        this,
        [path, test, clock] {
            return ads::withDatabase(path, true,
                                     [&](engine::Database& db) { return engine::createAbTest(db, test, *clock); });
        },
        [this](const Result<std::int64_t>& id) {
            if (!id) {
                const QString message = tr("The test was not saved: %1").arg(QString::fromStdString(id.error().detail));
                m_verdict->setText(message);
                emit testFailed(message);
                return;
            }
            m_pendingSelection = *id;
            emit testCreated(*id);
            reload();
        });
}

void AbTestsTab::defineTest()
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    runAsync<Result<Choices>>(
        this,
        [path] {
            return ads::withDatabase(path, false, [](engine::Database& db) -> Result<Choices> {
                Choices c;
                auto adSets = readChoices(db, "ad_set");
                if (!adSets)
                    return tl::unexpected(adSets.error());
                c.adSets = std::move(*adSets);
                auto posts = readChoices(db, "post");
                if (!posts)
                    return tl::unexpected(posts.error());
                c.posts = std::move(*posts);
                return c;
            });
        },
        [this](const Result<Choices>& choices) {
            if (!choices) {
                m_verdict->setText(errorSummary(choices.error()));
                return;
            }
            const QDate today =
                QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(),
                                              m_workspace.timeZone.isValid() ? m_workspace.timeZone : QTimeZone::utc())
                    .date();
            auto* dialog = new AbTestDialog(choices->adSets, choices->posts, today, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog] { createTest(dialog->definition()); });
            dialog->open();
        });
}

} // namespace herald::ui
