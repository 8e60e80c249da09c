#include "AudienceRulesTab.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QVBoxLayout>

#include "herald/widgets/Async.h"
#include "herald/widgets/AudienceData.h"
#include "herald/widgets/AudienceText.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

constexpr double kMiningSupport = 0.01; // rules are mined once at this floor, then filtered live

// "open-source" -> "#OpenSource", "ai" -> "#ai".
QString hashtag(const std::string& interest)
{
    const QStringList words =
        QString::fromStdString(interest).split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts);
    if (words.size() == 1)
        return QLatin1Char('#') + words.front();
    QString tag = QStringLiteral("#");
    for (const auto& w : words)
        tag += w.left(1).toUpper() + w.mid(1);
    return tag;
}

QString joined(const std::vector<std::string>& items)
{
    QStringList out;
    for (const auto& i : items)
        out << QString::fromStdString(i);
    return out.join(QStringLiteral(", "));
}

} // namespace

void AudienceRulesModel::setRules(std::vector<engine::InterestRule> rules)
{
    beginResetModel();
    m_rules = std::move(rules);
    endResetModel();
}

int AudienceRulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int AudienceRulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AudienceRulesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& r = m_rules[static_cast<std::size_t>(index.row())];
    if (role == SortRole) {
        switch (index.column()) {
        case IfColumn:
            return joined(r.lhs);
        case ThenColumn:
            return QString::fromStdString(r.rhs);
        case SupportColumn:
            return r.support;
        case ConfidenceColumn:
            return r.confidence;
        case LiftColumn:
            return r.lift;
        case MembersColumn:
            return qint64(r.count);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= SupportColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case IfColumn:
        return joined(r.lhs);
    case ThenColumn:
        return QString::fromStdString(r.rhs);
    case SupportColumn:
        return locale.toString(r.support * 100, 'f', 1) + QLatin1Char('%');
    case ConfidenceColumn:
        return locale.toString(r.confidence * 100, 'f', 1) + QLatin1Char('%');
    case LiftColumn:
        return locale.toString(r.lift, 'f', 2);
    case MembersColumn:
        return locale.toString(qint64(r.count));
    default:
        return {};
    }
}

QVariant AudienceRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IfColumn:
        return tr("If interested in");
    case ThenColumn:
        return tr("Then also");
    case SupportColumn:
        return tr("Support");
    case ConfidenceColumn:
        return tr("Confidence");
    case LiftColumn:
        return tr("Lift");
    case MembersColumn:
        return tr("Members");
    default:
        return {};
    }
}

void AudienceRulesFilter::setThresholds(const engine::InterestRuleFilter& filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool AudienceRulesFilter::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    if (parent.isValid())
        return false;
    const auto* model = static_cast<const AudienceRulesModel*>(sourceModel());
    const auto& r = model->rule(row);
    return r.support >= m_filter.minSupport && r.confidence >= m_filter.minConfidence && r.lift >= m_filter.minLift;
}

AudienceRulesTab::AudienceRulesTab(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("audienceRulesTab"));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("rulesScopeCombo"));
    auto spin = [this](const char* name, double min, double max, double step, double value, int decimals) {
        auto* s = new QDoubleSpinBox(this);
        s->setObjectName(QString::fromLatin1(name));
        s->setRange(min, max);
        s->setSingleStep(step);
        s->setDecimals(decimals);
        s->setValue(value);
        return s;
    };
    m_support = spin("minSupportSpin", kMiningSupport, 1.0, 0.01, 0.02, 2);
    m_confidence = spin("minConfidenceSpin", 0.0, 1.0, 0.05, 0.3, 2);
    m_lift = spin("minLiftSpin", 0.0, 100.0, 0.1, 1.0, 2);
    m_hashtags = new QPushButton(tr("Use as hashtags"), this);
    m_hashtags->setObjectName(QStringLiteral("useAsHashtagsButton"));
    m_hashtags->setToolTip(tr("Copy the consequents of the selected rules (or of every shown rule) as #hashtags "
                              "for the composer"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rulesStatus"));
    m_status->setWordWrap(true);

    m_model = new AudienceRulesModel(this);
    m_filter = new AudienceRulesFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(AudienceRulesModel::SortRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("rulesTable"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AudienceRulesModel::LiftColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(AudienceRulesModel::IfColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Members:"), this));
    controls->addWidget(m_scope, 1);
    controls->addWidget(m_hashtags);
    // The thresholds on a row of their own, so the panel fits a 1280-pixel screen.
    auto* thresholds = new QHBoxLayout;
    thresholds->addWidget(new QLabel(tr("Min. support"), this));
    thresholds->addWidget(m_support);
    thresholds->addWidget(new QLabel(tr("Min. confidence"), this));
    thresholds->addWidget(m_confidence);
    thresholds->addWidget(new QLabel(tr("Min. lift"), this));
    thresholds->addWidget(m_lift);
    thresholds->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(thresholds);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &AudienceRulesTab::mine);
    for (auto* s : {m_support, m_confidence, m_lift})
        connect(s, &QDoubleSpinBox::valueChanged, this, &AudienceRulesTab::applyFilter);
    connect(m_hashtags, &QPushButton::clicked, this, &AudienceRulesTab::useAsHashtags);
    applyFilter();
    clear();
}

void AudienceRulesTab::setRun(std::shared_ptr<const AudienceRun> run)
{
    m_run = std::move(run);
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("Whole audience"), -1);
    for (const auto& s : m_run->result.segments)
        m_scope->addItem(AudienceText::segmentName(s.index), s.index);
    mine();
}

void AudienceRulesTab::clear()
{
    ++m_generation;
    m_run.reset();
    const QSignalBlocker block(m_scope);
    m_scope->clear();
    m_model->setRules({});
    m_status->setText(tr("Run a segmentation to find interest rules."));
    m_hashtags->setEnabled(false);
}

int AudienceRulesTab::visibleRuleCount() const
{
    return m_filter->rowCount();
}

void AudienceRulesTab::mine()
{
    if (!m_run)
        return;
    const int generation = ++m_generation;
    const int segment = m_scope->currentData().toInt();
    m_status->setText(tr("Finding interest rules…"));
    auto run = m_run;
    runAsync<Result<std::vector<engine::InterestRule>>>(
        this,
        [run, segment]() -> Result<std::vector<engine::InterestRule>> {
            engine::AssociationOptions options;
            options.minSupport = kMiningSupport;
            options.minConfidence = 0.0;
            options.maxLength = 3;
            const auto rows = segment < 0 ? std::vector<std::int64_t>{} : engine::segmentRows(run->result, segment);
            if (segment >= 0 && rows.empty())
                return std::vector<engine::InterestRule>{};
            return engine::mineInterestRules(run->features.descriptors, rows, options);
        },
        [this, generation](const Result<std::vector<engine::InterestRule>>& rules) {
            if (generation != m_generation)
                return;
            if (!rules) {
                m_model->setRules({});
                m_status->setText(tr("No interest rules: %1").arg(errorSummary(rules.error())));
                m_status->setToolTip(QString::fromStdString(rules.error().detail));
            } else {
                m_model->setRules(*rules);
                applyFilter();
            }
            emit rulesShown();
        });
}

void AudienceRulesTab::applyFilter()
{
    m_filter->setThresholds({m_support->value(), m_confidence->value(), m_lift->value()});
    if (!m_run)
        return;
    const int shown = m_filter->rowCount();
    m_status->setText(tr("%n rule(s) shown of %1 found (mined at %2% support).", nullptr, shown)
                          .arg(m_model->rowCount())
                          .arg(QLocale().toString(kMiningSupport * 100, 'f', 0)));
    m_hashtags->setEnabled(shown > 0);
}

QStringList AudienceRulesTab::chosenHashtags() const
{
    QList<int> rows;
    for (const auto& index : m_table->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(index).row();
    if (rows.isEmpty())
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << m_filter->mapToSource(m_filter->index(r, 0)).row();
    QStringList tags;
    for (int row : rows) {
        const QString tag = hashtag(m_model->rule(row).rhs);
        if (!tags.contains(tag))
            tags << tag;
    }
    return tags;
}

void AudienceRulesTab::useAsHashtags()
{
    const QStringList tags = chosenHashtags();
    if (tags.isEmpty())
        return;
    QApplication::clipboard()->setText(tags.join(QLatin1Char(' ')));
    m_status->setText(tr("Copied %n hashtag(s) to the clipboard.", nullptr, int(tags.size())));
    emit hashtagsChosen(tags);
}

} // namespace herald::ui
