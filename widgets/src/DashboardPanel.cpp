#include "herald/widgets/DashboardPanel.h"

#include <algorithm>
#include <cmath>

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "KpiCard.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/engine/store/PostPerformance.h"
#include "herald/engine/store/SeriesQuery.h"
#include "herald/engine/store/Transaction.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/DashboardData.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {
enum RangePreset { Last7, Last28, Last90, Custom };
constexpr int kPresetDays[] = {7, 28, 90};

QString money(double amount, const std::string& currency)
{
    static const std::pair<const char*, const char*> kSymbols[] = {
        {"EUR", "€"}, {"USD", "$"}, {"GBP", "£"}, {"CNY", "¥"}, {"JPY", "¥"}, {"CHF", "CHF "}};
    QString symbol = QString::fromStdString(currency) + QLatin1Char(' ');
    for (const auto& [code, sign] : kSymbols)
        if (currency == code)
            symbol = QString::fromUtf8(sign);
    return QLocale().toCurrencyString(amount, symbol);
}

QString campaignLines(const std::vector<engine::CampaignResults>& campaigns)
{
    QStringList lines;
    for (const auto& c : campaigns) {
        const QString name = QStringLiteral("<span style=\"color:%1\">■</span> <b>%2</b>")
                                 .arg(QString::fromStdString(c.colour), QString::fromStdString(c.name).toHtmlEscaped());
        //: Campaign line: %1 spend, %2 budget, %3 results, %4 goal, %5 cost per result
        lines << name + QStringLiteral("<br>") +
                     DashboardPanel::tr("Spend %1 of %2 · %3 results of %4 · %5 per result")
                         .arg(money(c.spend, c.currency), money(c.budget, c.currency),
                              QLocale().toString(c.results, 'f', 0), QLocale().toString(c.goalTarget, 'f', 0),
                              c.results > 0 ? money(c.costPerResult, c.currency) : QStringLiteral("–"));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString postLines(const std::vector<engine::PostPerformance>& posts)
{
    QStringList lines;
    for (const auto& p : posts) {
        QString text = QString::fromStdString(p.text).simplified();
        if (text.size() > 70)
            text = text.left(69) + QChar(0x2026);
        lines << QStringLiteral("<b>%1%</b> · %2 · %3")
                     .arg(QLocale().toString(p.engagementRate * 100, 'f', 2),
                          QString::fromUtf8(engine::platformDisplayName(p.platform).data()), text.toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}

QString formatCount(double v)
{
    return QLocale().toString(v, 'f', 0);
}

QString formatSigned(double v)
{
    return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', 0);
}
} // namespace

DashboardPanel::DashboardPanel(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("dashboardPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addLayout(buildHeader());

    m_periodLabel = new QLabel(this);
    m_periodLabel->setObjectName(QStringLiteral("periodLabel"));
    m_periodLabel->setStyleSheet(QStringLiteral("color: #5f6873;"));
    layout->addWidget(m_periodLabel);

    auto* grid = new QGridLayout;
    grid->setSpacing(12);
    m_followers = new KpiCard(tr("Followers"), QStringLiteral("followersCard"), this);
    m_growth = new KpiCard(tr("Follower growth"), QStringLiteral("followerGrowthCard"), this);
    m_posts = new KpiCard(tr("Posts published"), QStringLiteral("postsPublishedCard"), this);
    m_impressions = new KpiCard(tr("Impressions"), QStringLiteral("impressionsCard"), this);
    m_engagements = new KpiCard(tr("Engagements"), QStringLiteral("engagementsCard"), this);
    m_rate = new KpiCard(tr("Engagement rate"), QStringLiteral("engagementRateCard"), this);
    grid->addWidget(m_followers, 0, 0);
    grid->addWidget(m_growth, 0, 1);
    grid->addWidget(m_posts, 0, 2);
    grid->addWidget(m_impressions, 1, 0);
    grid->addWidget(m_engagements, 1, 1);
    grid->addWidget(m_rate, 1, 2);
    layout->addLayout(grid);

    auto* postsRow = new QHBoxLayout;
    auto* lowerRow = new QHBoxLayout;
    auto postBox = [this](QHBoxLayout* row, const QString& title, const char* name) {
        auto* box = new QVBoxLayout;
        auto* heading = new QLabel(title, this);
        heading->setStyleSheet(QStringLiteral("font-weight: 600;"));
        auto* list = new QLabel(this);
        list->setObjectName(QLatin1String(name));
        list->setTextFormat(Qt::RichText);
        list->setWordWrap(true);
        box->addWidget(heading);
        box->addWidget(list);
        box->addStretch();
        row->addLayout(box, 1);
        return list;
    };
    m_best = postBox(postsRow, tr("Best posts of the period (engagement rate)"), "bestPostsLabel");
    m_worst = postBox(postsRow, tr("Weakest posts of the period"), "worstPostsLabel");
    layout->addSpacing(8);
    layout->addLayout(postsRow);

    m_campaigns = postBox(lowerRow, tr("Campaigns running in the period"), "campaignsLabel");
    m_sentiment = postBox(lowerRow, tr("Comment sentiment"), "sentimentLabel");
    layout->addSpacing(8);
    layout->addLayout(lowerRow);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("dashboardMessage"));
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setStyleSheet(QStringLiteral("color: #5f6873; padding: 24px;"));
    layout->addWidget(m_message);
    layout->addStretch();
    clearWorkspace();
}

QHBoxLayout* DashboardPanel::buildHeader()
{
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(tr("Dashboard"), this);
    auto font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    header->addWidget(title);
    header->addStretch();

    m_rangeCombo = new QComboBox(this);
    m_rangeCombo->setObjectName(QStringLiteral("rangeCombo"));
    m_rangeCombo->addItem(tr("Last 7 days"));
    m_rangeCombo->addItem(tr("Last 28 days"));
    m_rangeCombo->addItem(tr("Last 90 days"));
    m_rangeCombo->addItem(tr("Custom range"));
    m_rangeCombo->setCurrentIndex(Last28);
    m_fromEdit = new QDateEdit(this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_toEdit = new QDateEdit(this);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    for (auto* edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
    }
    m_accountCombo = new QComboBox(this);
    m_accountCombo->setObjectName(QStringLiteral("accountCombo"));
    m_accountCombo->setMinimumContentsLength(18);

    header->addWidget(new QLabel(tr("Period:"), this));
    header->addWidget(m_rangeCombo);
    header->addWidget(m_fromEdit);
    header->addWidget(m_toEdit);
    header->addSpacing(12);
    header->addWidget(new QLabel(tr("Accounts:"), this));
    header->addWidget(m_accountCombo);

    connect(m_rangeCombo, &QComboBox::currentIndexChanged, this, &DashboardPanel::presetChanged);
    auto customChanged = [this] {
        if (m_fromEdit->date() > m_toEdit->date())
            return; // wait until the range makes sense
        m_range = {m_fromEdit->date(), m_toEdit->date()};
        refresh();
    };
    connect(m_fromEdit, &QDateEdit::dateChanged, this, customChanged);
    connect(m_toEdit, &QDateEdit::dateChanged, this, customChanged);
    connect(m_accountCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_accountId = index < 0 ? 0 : m_accountCombo->itemData(index).toLongLong();
        refresh();
    });
    return header;
}

QDate DashboardPanel::today() const
{
    const QTimeZone zone = m_hasWorkspace ? m_workspace.timeZone : QTimeZone::systemTimeZone();
    return QDateTime::fromSecsSinceEpoch(m_clock.nowUtc(), zone).date();
}

void DashboardPanel::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    {
        QSignalBlocker block(m_accountCombo);
        m_accountCombo->clear();
        m_accountCombo->addItem(tr("All accounts"), qint64(0));
        for (const auto& a : workspace.accounts)
            m_accountCombo->addItem(QStringLiteral("%1 · %2").arg(
                                        QString::fromUtf8(engine::platformDisplayName(a.platform).data()),
                                        QString::fromStdString(a.handle)),
                                    qint64(a.id));
        m_accountCombo->setEnabled(!workspace.accounts.empty());
        m_accountId = 0;
    }
    presetChanged(m_rangeCombo->currentIndex());
}

void DashboardPanel::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    m_accountCombo->clear();
    for (auto* card : {m_followers, m_growth, m_posts, m_impressions, m_engagements, m_rate})
        card->clear();
    m_best->clear();
    m_worst->clear();
    m_campaigns->clear();
    m_sentiment->clear();
    m_periodLabel->clear();
    showMessage(tr("No workspace is open. Use File ▸ New Workspace, Open Workspace or Open Demo Workspace."));
}

void DashboardPanel::setPresetDays(int days)
{
    for (int i = 0; i < Custom; ++i)
        if (kPresetDays[i] == days)
            m_rangeCombo->setCurrentIndex(i);
}

void DashboardPanel::setCustomRange(const DayRange& range)
{
    {
        QSignalBlocker a(m_fromEdit);
        QSignalBlocker b(m_toEdit);
        m_fromEdit->setDate(range.from);
        m_toEdit->setDate(range.to);
    }
    if (m_rangeCombo->currentIndex() != Custom) {
        QSignalBlocker block(m_rangeCombo);
        m_rangeCombo->setCurrentIndex(Custom);
        m_fromEdit->setVisible(true);
        m_toEdit->setVisible(true);
    }
    m_range = range;
    refresh();
}

void DashboardPanel::setAccountFilter(std::int64_t accountId)
{
    const int index = m_accountCombo->findData(qint64(accountId));
    if (index >= 0)
        m_accountCombo->setCurrentIndex(index);
}

DayRange DashboardPanel::range() const
{
    return m_range;
}

void DashboardPanel::presetChanged(int index)
{
    const bool custom = index == Custom;
    m_fromEdit->setVisible(custom);
    m_toEdit->setVisible(custom);
    if (custom) {
        QSignalBlocker a(m_fromEdit);
        QSignalBlocker b(m_toEdit);
        m_fromEdit->setDate(m_range.from.isValid() ? m_range.from : today().addDays(-27));
        m_toEdit->setDate(m_range.to.isValid() ? m_range.to : today());
        m_range = {m_fromEdit->date(), m_toEdit->date()};
    } else if (index >= 0) {
        m_range = lastDays(today(), kPresetDays[index]);
    }
    refresh();
}

void DashboardPanel::refresh()
{
    const int generation = ++m_generation;
    if (!m_hasWorkspace || !m_range.from.isValid())
        return;
    const auto previous = m_range.previous();
    //: Date format of the period line (QDate format: d day, MMM short month name, yyyy year)
    const QString format = tr("d MMM yyyy");
    const QLocale locale;
    //: %1-%2 is the chosen period, %3-%4 the previous period it is compared with
    m_periodLabel->setText(tr("%1 – %2, compared with %3 – %4")
                               .arg(locale.toString(m_range.from, format), locale.toString(m_range.to, format),
                                    locale.toString(previous.from, format), locale.toString(previous.to, format)));
    const auto current = toKpiRange(m_range, m_workspace.timeZone);
    const auto before = toKpiRange(previous, m_workspace.timeZone);
    std::vector<std::int64_t> ids;
    if (m_accountId)
        ids.push_back(m_accountId);
    const std::string path = m_workspace.path.toStdString();
    const QTimeZone zone = m_workspace.timeZone;
    runAsync<Result<DashboardData>>(
        this, [path, current, before, ids, zone] { return readDashboard(path, current, before, ids, zone); },
        [this, generation](const Result<DashboardData>& result) {
            if (generation != m_generation)
                return; // the selection changed meanwhile
            m_shownGeneration = generation;
            if (!result) {
                showMessage(errorSummary(result.error()) + QLatin1Char('\n') +
                            QString::fromStdString(result.error().detail));
                emit figuresShown();
                return;
            }
            showFigures(*result);
        });
}

void DashboardPanel::showFigures(const DashboardData& figures)
{
    const auto& c = figures.kpis.current;
    const auto& p = figures.kpis.previous;
    m_followers->setSparkline(figures.followers);
    m_growth->setSparkline(figures.growth);
    m_posts->setSparkline(figures.posts);
    m_impressions->setSparkline(figures.impressions);
    m_engagements->setSparkline(figures.engagements);
    m_rate->setSparkline(figures.rate);
    m_best->setText(figures.best.empty() ? tr("No published posts in this period.") : postLines(figures.best));
    m_worst->setText(figures.worst.empty() ? tr("No published posts in this period.") : postLines(figures.worst));
    m_campaigns->setText(figures.campaigns.empty() ? tr("No campaign runs in this period.")
                                                   : campaignLines(figures.campaigns));
    if (!figures.sentimentAvailable)
        m_sentiment->setText(tr("Sentiment is not available: the built-in lexicons could not be read."));
    else if (figures.comments == 0)
        m_sentiment->setText(tr("No comments in this period."));
    else
        m_sentiment->setText(
            //: %1 comments; %2, %3, %4 percentages of positive, neutral and negative comments
            tr("%1 comments: <span style=\"color:#1a7f37\"><b>%2%</b> positive</span> · <b>%3%</b> neutral · "
               "<span style=\"color:#c62828\"><b>%4%</b> negative</span>")
                .arg(figures.comments)
                .arg(100 * figures.positive / figures.comments)
                .arg(100 * figures.neutral / figures.comments)
                .arg(100 - 100 * figures.positive / figures.comments - 100 * figures.neutral / figures.comments));
    auto change = [&p](double cur, double prev) {
        return p.hasData ? engine::percentChange(cur, prev) : std::nullopt;
    };
    m_followers->setFigures(formatCount(c.followers), change(c.followers, p.followers));
    m_growth->setFigures(formatSigned(c.followerGrowth), change(c.followerGrowth, p.followerGrowth));
    m_posts->setFigures(formatCount(double(c.postsPublished)), change(double(c.postsPublished), double(p.postsPublished)));
    m_impressions->setFigures(formatCount(c.impressions), change(c.impressions, p.impressions));
    m_engagements->setFigures(formatCount(c.engagements), change(c.engagements, p.engagements));
    m_rate->setFigures(QLocale().toString(c.engagementRate * 100.0, 'f', 2) + QLatin1Char('%'),
                       change(c.engagementRate, p.engagementRate));
    if (c.hasData) {
        m_message->clear();
        m_message->hide();
    } else {
        showMessage(m_workspace.accounts.empty()
                        ? tr("This workspace has no accounts yet, so there is nothing to measure.")
                        : tr("No posts or metrics in this period. Choose a longer period or another account."));
    }
    emit figuresShown();
}

void DashboardPanel::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace herald::ui
