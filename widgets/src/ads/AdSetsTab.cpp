#include "AdSetsTab.h"

#include <map>

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include "AdsWorker.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/ads/AdsImport.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

struct AdSetsData
{
    std::vector<engine::AdSetStats> stats;
    engine::CtrModel model;
    std::map<std::int64_t, std::optional<double>> predicted; // audience id -> predicted CTR
};

// Sorts numeric columns by the value behind the text.
class SortItem final : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override
    {
        const QVariant a = data(Qt::UserRole);
        const QVariant b = other.data(Qt::UserRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return QTableWidgetItem::operator<(other);
    }
};

enum Column { Name, Platform, Impressions, Clicks, Spend, Ctr, Cpc, Cpa, Roas, Predicted, ColumnCount };

} // namespace

AdSetsTab::AdSetsTab(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("adSetsTab"));
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("adSetRange"));
    m_range->addItem(tr("All days"), 0);
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_import = new QPushButton(tr("Import Ads Manager CSV…"), this);
    m_import->setObjectName(QStringLiteral("importAdsButton"));
    bar->addWidget(new QLabel(tr("Range"), this));
    bar->addWidget(m_range);
    bar->addStretch();
    bar->addWidget(m_import);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("adSetsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("adSetsTable"));
    m_table->setHorizontalHeaderLabels({tr("Ad set"), tr("Platform"), tr("Impressions"), tr("Clicks"), tr("Spend"),
                                        tr("CTR [95% CI]"), tr("CPC [95% CI]"), tr("CPA [95% CI]"), tr("ROAS [95% CI]"),
                                        tr("Predicted CTR")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_model = new QLabel(this);
    m_model->setObjectName(QStringLiteral("ctrModelLabel"));
    m_model->setWordWrap(true);
    layout->addWidget(m_model);

    connect(m_range, &QComboBox::currentIndexChanged, this, &AdSetsTab::reload);
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Ads Manager export"), QString(), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(this, &AdSetsTab::importFinished, this,
            [this](bool, const QString& message) { m_message->setText(message); });
    clearWorkspace();
}

AdSetsTab::~AdSetsTab() = default;

void AdSetsTab::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    setEnabled(true);
    m_message->clear();
    reload();
}

void AdSetsTab::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    m_stats.clear();
    m_table->setRowCount(0);
    m_model->clear();
    m_message->setText(tr("Open a workspace to see ad-set results."));
    setEnabled(false);
}

void AdSetsTab::reload()
{
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const int days = m_range->currentData().toInt();
    std::string from;
    if (days > 0)
        from = QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(),
                                             m_workspace.timeZone.isValid() ? m_workspace.timeZone : QTimeZone::utc())
                   .date()
                   .addDays(-(days - 1))
                   .toString(Qt::ISODate)
                   .toStdString();
    const int generation = ++m_generation;
    runAsync<Result<AdSetsData>>(
        this,
        [path, from] {
            return ads::withDatabase(path, false, [&from](engine::Database& db) -> Result<AdSetsData> {
                AdSetsData result;
                auto stats = engine::adSetStatistics(db, from);
                if (!stats)
                    return tl::unexpected(stats.error());
                result.stats = std::move(*stats);
                auto model = engine::fitCtrModel(db);
                if (!model)
                    return tl::unexpected(model.error());
                result.model = *model;
                auto audiences = engine::listAdAudiences(db);
                if (!audiences)
                    return tl::unexpected(audiences.error());
                for (const auto& a : *audiences)
                    if (auto f = engine::parseAudienceSpec(a.specJson))
                        result.predicted[a.id] = engine::predictCtr(result.model, *f);
                return result;
            });
        },
        [this, generation](const Result<AdSetsData>& loaded) {
            if (generation != m_generation)
                return;
            if (!loaded) {
                m_message->setText(errorSummary(loaded.error()) + QLatin1Char(' ') +
                                   QString::fromStdString(loaded.error().detail));
                return;
            }
            m_stats = loaded->stats;
            const QLocale locale;
            m_table->setSortingEnabled(false);
            m_table->setRowCount(static_cast<int>(m_stats.size()));
            auto cost = [](const engine::Estimate& e, const QString& currency) {
                return e.defined
                           ? QStringLiteral("%1 [%2, %3]")
                                 .arg(ads::moneyText(e.value, currency), QLocale().toString(e.interval.low, 'f', 2),
                                      QLocale().toString(e.interval.high, 'f', 2))
                           : QStringLiteral("–");
            };
            for (int r = 0; r < static_cast<int>(m_stats.size()); ++r) {
                const auto& s = m_stats[static_cast<std::size_t>(r)];
                const QString currency = QString::fromStdString(s.currency);
                auto set = [&](int column, const QString& text, const QVariant& sortValue) {
                    auto* item = new SortItem(text);
                    item->setData(Qt::UserRole, sortValue);
                    if (column != Name && column != Platform)
                        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    m_table->setItem(r, column, item);
                };
                set(Name, QString::fromStdString(s.name), {});
                set(Platform, QString::fromStdString(s.platform), {});
                set(Impressions, locale.toString(qint64(s.impressions)), qint64(s.impressions));
                set(Clicks, locale.toString(qint64(s.clicks)), qint64(s.clicks));
                set(Spend, ads::moneyText(s.spend, currency), s.spend);
                set(Ctr,
                    s.ctr.defined ? ads::percentText(s.ctr.value) + QLatin1Char(' ') +
                                        ads::percentRangeText(s.ctr.interval.low, s.ctr.interval.high)
                                  : QStringLiteral("–"),
                    s.ctr.value);
                set(Cpc, cost(s.cpc, currency), s.cpc.value);
                set(Cpa, cost(s.cpa, currency), s.cpa.value);
                set(Roas,
                    s.roas.defined
                        ? QStringLiteral("%1 [%2, %3]")
                              .arg(locale.toString(s.roas.value, 'f', 2), locale.toString(s.roas.interval.low, 'f', 2),
                                   locale.toString(s.roas.interval.high, 'f', 2))
                        : QStringLiteral("–"),
                    s.roas.value);
                QString predicted = tr("no audience");
                if (s.audienceId) {
                    const auto it = loaded->predicted.find(*s.audienceId);
                    predicted = it != loaded->predicted.end() && it->second ? ads::percentText(*it->second)
                                                                            : tr("not enough history");
                }
                set(Predicted, predicted, {});
            }
            m_table->setSortingEnabled(true);
            const auto& model = loaded->model;
            if (m_stats.empty())
                m_message->setText(tr("No ad sets yet. Import a daily export from Ads Manager to see their results."));
            const QString intervals =
                tr("Intervals: Wilson for CTR; delta method for CPC and CPA (click and "
                   "conversion counts as Poisson) and for ROAS (ratio of daily revenue to spend).");
            if (model.enoughHistory) {
                QStringList features;
                for (const auto& f : model.features)
                    features << QString::fromStdString(f);
                m_model->setText(intervals + QLatin1Char('\n') +
                                 tr("Predicted CTR: logistic regression over %1 ad sets and %2 audiences on %3.")
                                     .arg(model.adSets)
                                     .arg(model.distinctAudiences)
                                     .arg(features.join(QStringLiteral(", "))));
            } else {
                m_model->setText(intervals + QLatin1Char('\n') +
                                 tr("Predicted CTR: not enough history — %1 ad set(s) over %2 distinct audience(s) "
                                    "have results; the model needs at least one more distinct audience than it has "
                                    "features, plus one.")
                                     .arg(model.adSets)
                                     .arg(model.distinctAudiences));
            }
            emit adSetsShown();
        });
}

void AdSetsTab::importFile(const QString& path)
{
    if (!m_hasWorkspace)
        return;
    const QString workspace = m_workspace.path;
    const engine::Clock* clock = &m_clock;
    m_import->setEnabled(false);
    m_message->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    runAsync<Result<engine::AdsImportSummary>>(
        this,
        [workspace, path, clock]() -> Result<engine::AdsImportSummary> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(ErrorCode::NotFound, "cannot read " + path.toStdString());
            const QByteArray bytes = file.readAll();
            return ads::withDatabase(workspace, true, [&](engine::Database& db) {
                return engine::importAdsCsv(db,
                                            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                            QFileInfo(path).fileName().toStdString(), *clock);
            });
        },
        [this](const Result<engine::AdsImportSummary>& summary) {
            m_import->setEnabled(true);
            if (!summary) {
                emit importFinished(false,
                                    tr("Nothing was imported: %1").arg(QString::fromStdString(summary.error().detail)));
                return;
            }
            emit importFinished(true, tr("Imported %1 rows into %2 ad-set days (%3 new ad sets).")
                                          .arg(summary->rows)
                                          .arg(summary->days)
                                          .arg(summary->adSetsCreated));
            reload();
            emit adSetsChanged();
        });
}

} // namespace herald::ui
