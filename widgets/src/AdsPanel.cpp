#include "herald/widgets/AdsPanel.h"

#include <QLocale>
#include <QTabWidget>
#include <QLabel>
#include <QVBoxLayout>

#include "ads/AbTestsTab.h"
#include "ads/AdAudiencesTab.h"
#include "ads/AdSetsTab.h"
#include "ads/AdsWorker.h"
#include "ads/BudgetTab.h"

namespace herald::ui {

namespace ads {

QString percentText(double rate, int decimals)
{
    return QLocale().toString(rate * 100.0, 'f', decimals) + QLatin1Char('%');
}

QString percentRangeText(double low, double high, int decimals)
{
    const QLocale l;
    return QStringLiteral("[%1, %2]")
        .arg(l.toString(low * 100.0, 'f', decimals), l.toString(high * 100.0, 'f', decimals));
}

QString moneyText(double amount, const QString& currency)
{
    return QLocale().toString(amount, 'f', 2) + QLatin1Char(' ') + currency;
}

} // namespace ads

AdsPanel::AdsPanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("adsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    auto* title = new QLabel(tr("Ads"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("adsTabs"));
    m_audiences = new AdAudiencesTab(clock, m_tabs);
    m_adSets = new AdSetsTab(clock, m_tabs);
    m_budget = new BudgetTab(m_tabs);
    m_abTests = new AbTestsTab(clock, m_tabs);
    m_tabs->addTab(m_audiences, tr("Audiences"));
    m_tabs->addTab(m_adSets, tr("Ad sets"));
    m_tabs->addTab(m_budget, tr("Budget planner"));
    m_tabs->addTab(m_abTests, tr("A/B tests"));
    layout->addWidget(m_tabs);
    // Imported results change what the planner and the tests read.
    connect(m_adSets, &AdSetsTab::adSetsChanged, m_budget, &BudgetTab::reload);
    connect(m_adSets, &AdSetsTab::adSetsChanged, m_abTests, &AbTestsTab::reload);
    connect(m_audiences, &AdAudiencesTab::audienceSaved, m_adSets, &AdSetsTab::reload);
}

AdsPanel::~AdsPanel() = default;

void AdsPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_audiences->setWorkspace(workspace);
    m_adSets->setWorkspace(workspace);
    m_budget->setWorkspace(workspace);
    m_abTests->setWorkspace(workspace);
}

void AdsPanel::clearWorkspace()
{
    m_audiences->clearWorkspace();
    m_adSets->clearWorkspace();
    m_budget->clearWorkspace();
    m_abTests->clearWorkspace();
}

} // namespace herald::ui
