// The result views of AudiencePanel: segment cards, the PCA map, the silhouette plot, recommendations.
#include <algorithm>

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPen>
#include <QPushButton>
#include <QScatterSeries>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include "herald/widgets/AudienceData.h"
#include "herald/widgets/AudiencePanel.h"
#include "herald/widgets/AudienceText.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

QColor segmentColour(int index)
{
    static const QColor colours[] = {QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759), QColor(0x76b7b2),
                                     QColor(0x59a14f), QColor(0xedc948), QColor(0xb07aa1), QColor(0xff9da7),
                                     QColor(0x9c755f), QColor(0xbab0ac)};
    return colours[index % 10];
}

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', share < 0.1 ? 1 : 0) + QLatin1Char('%');
}

void clearLayout(QLayout* layout)
{
    while (auto* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

} // namespace

void AudiencePanel::showCards()
{
    clearLayout(m_cards);
    const QLocale locale;
    const QString parts[] = {tr("Night"), tr("Morning"), tr("Afternoon"), tr("Evening")};
    int i = 0;
    for (const auto& s : m_run->result.segments) {
        auto* card = new QFrame(m_cardsHost);
        card->setObjectName(QStringLiteral("segmentCard"));
        card->setFrameShape(QFrame::StyledPanel);
        card->setStyleSheet(QStringLiteral("QFrame#segmentCard { border: 1px solid #d0d4d9; border-left: 6px solid %1; "
                                           "border-radius: 4px; background: palette(base); }")
                                .arg(segmentColour(s.index).name()));
        auto* layout = new QVBoxLayout(card);
        auto* title = new QLabel(
            QStringLiteral("<b>%1</b> — %2")
                .arg(AudienceText::segmentName(s.index),
                     tr("%1 members, %2 of the audience").arg(locale.toString(qint64(s.size)), percent(s.share))),
            card);
        title->setObjectName(QStringLiteral("segmentCardTitle"));
        layout->addWidget(title);
        QString traits;
        for (const auto& line : AudienceText::describe(s))
            traits += QStringLiteral("• %1<br>").arg(line.toHtmlEscaped());
        auto* words = new QLabel(traits, card);
        words->setObjectName(QStringLiteral("segmentTraits"));
        words->setWordWrap(true);
        layout->addWidget(words);
        QStringList hours;
        for (int p = 0; p < 4; ++p)
            hours << QStringLiteral("%1 %2").arg(parts[p], percent(s.dayparts[static_cast<std::size_t>(p)]));
        const QString rows[][2] = {
            {tr("Active hours"), AudienceText::activeHours(s) + QStringLiteral(" (") +
                                     hours.join(QStringLiteral(" · ")) + QLatin1Char(')')},
            {tr("Top interests"), AudienceText::shares(s.interests, 2)},
            {tr("Languages"), AudienceText::shares(s.languages, 0)},
            {tr("Countries"), AudienceText::shares(s.countries, 1)},
            {tr("Engagements per member"), locale.toString(s.meanEngagements, 'f', 1)},
            {tr("Mean silhouette"), locale.toString(s.meanSilhouette, 'f', 2)},
        };
        for (const auto& row : rows) {
            auto* label = new QLabel(QStringLiteral("<span style='color:#5f6873'>%1:</span> %2")
                                         .arg(row[0].toHtmlEscaped(), row[1].toHtmlEscaped()),
                                     card);
            label->setWordWrap(true);
            layout->addWidget(label);
        }
        auto* exportButton = new QPushButton(tr("Export handles…"), card);
        exportButton->setObjectName(QStringLiteral("exportHandlesButton"));
        const int index = s.index;
        connect(exportButton, &QPushButton::clicked, this, [this, index] { chooseExport(index); });
        layout->addWidget(exportButton, 0, Qt::AlignRight);
        m_cards->addWidget(card, i / 2, i % 2);
        ++i;
    }
    m_cards->setRowStretch(i / 2 + 1, 1);
}

void AudiencePanel::showCharts()
{
    const auto& r = m_run->result;
    const QLocale locale;

    // The PCA map, one series per segment.
    auto* map = new QChart;
    map->setTitle(tr("Members on the first two principal components (%n shown)", nullptr, int(r.points.size())));
    m_scatterRows.clear();
    for (const auto& s : r.segments) {
        auto* series = new QScatterSeries;
        series->setName(AudienceText::segmentName(s.index));
        series->setColor(segmentColour(s.index));
        series->setBorderColor(segmentColour(s.index));
        series->setMarkerSize(7);
        std::vector<std::int64_t> rows;
        for (const auto& p : r.points)
            if (p.segment == s.index) {
                series->append(p.x, p.y);
                rows.push_back(p.row);
            }
        map->addSeries(series);
        m_scatterRows.emplace_back(series, std::move(rows));
        const std::size_t slot = m_scatterRows.size() - 1;
        connect(series, &QScatterSeries::hovered, this, [this, slot](const QPointF& point, bool state) {
            if (!state || !m_run || slot >= m_scatterRows.size()) {
                QToolTip::hideText();
                return;
            }
            const auto& [hovered, memberRows] = m_scatterRows[slot];
            const auto points = hovered->points();
            const auto at = points.indexOf(point);
            if (at < 0 || static_cast<std::size_t>(at) >= memberRows.size())
                return;
            const auto row = static_cast<std::size_t>(memberRows[static_cast<std::size_t>(at)]);
            QToolTip::showText(QCursor::pos(), tr("%1 — %2").arg(QString::fromStdString(m_run->features.handles[row]),
                                                                 hovered->name()));
        });
    }
    map->createDefaultAxes();
    const auto xAxes = map->axes(Qt::Horizontal);
    const auto yAxes = map->axes(Qt::Vertical);
    if (!xAxes.isEmpty())
        xAxes.front()->setTitleText(tr("Component 1 (%1 of the variance)").arg(percent(r.explainedVarianceRatio[0])));
    if (!yAxes.isEmpty())
        yAxes.front()->setTitleText(tr("Component 2 (%1 of the variance)").arg(percent(r.explainedVarianceRatio[1])));
    map->legend()->setAlignment(Qt::AlignBottom);
    QChart* oldMap = m_scatter->chart();
    m_scatter->setChart(map);
    delete oldMap;

    // The silhouette plot: each segment's members sorted by silhouette, as bars side by side.
    auto* plot = new QChart;
    plot->setTitle(tr("Silhouette of each sampled member (mean %1): near 1 fits its segment well, below 0 "
                      "would fit another better")
                       .arg(locale.toString(r.silhouette, 'f', 2)));
    auto* xAxis = new QValueAxis;
    auto* yAxis = new QValueAxis;
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(tr("Sampled members, sorted within each segment"));
    yAxis->setTitleText(tr("Silhouette"));
    plot->addAxis(xAxis, Qt::AlignBottom);
    plot->addAxis(yAxis, Qt::AlignLeft);
    double x = 0, low = 0;
    const double gap = std::max(1.0, 0.02 * static_cast<double>(r.points.size()));
    for (const auto& s : r.segments) {
        std::vector<double> values;
        for (const auto& p : r.points)
            if (p.segment == s.index)
                values.push_back(p.silhouette);
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end(), std::greater<>());
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        for (double v : values) {
            upper->append(x, v);
            upper->append(x + 1, v);
            low = std::min(low, v);
            x += 1;
        }
        lower->append(upper->points().front().x(), 0);
        lower->append(x, 0);
        auto* area = new QAreaSeries(upper, lower);
        area->setName(AudienceText::segmentName(s.index));
        area->setColor(segmentColour(s.index));
        area->setBorderColor(segmentColour(s.index));
        plot->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
        x += gap;
    }
    auto* mean = new QLineSeries;
    mean->setName(tr("Mean"));
    mean->append(0, r.silhouette);
    mean->append(std::max(1.0, x), r.silhouette);
    QPen pen(Qt::black);
    pen.setStyle(Qt::DashLine);
    mean->setPen(pen);
    plot->addSeries(mean);
    mean->attachAxis(xAxis);
    mean->attachAxis(yAxis);
    xAxis->setRange(0, std::max(1.0, x));
    yAxis->setRange(std::max(-1.0, low - 0.05), 1.0);
    plot->legend()->setAlignment(Qt::AlignBottom);
    QChart* oldPlot = m_silhouette->chart();
    m_silhouette->setChart(plot);
    delete oldPlot;
}

void AudiencePanel::showRecommendations()
{
    m_recTags->setRowCount(0);
    m_recPosts->setRowCount(0);
    if (!m_run)
        return;
    const int segment = m_recSegment->currentData().toInt();
    if (segment < 0 || static_cast<std::size_t>(segment) >= m_run->recommendations.size())
        return;
    const auto& recs = m_run->recommendations[static_cast<std::size_t>(segment)];
    const QLocale locale;
    auto number = [](const QString& text) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (const auto& t : recs.tags) {
        const int row = m_recTags->rowCount();
        m_recTags->insertRow(row);
        m_recTags->setItem(row, 0, new QTableWidgetItem(QLatin1Char('#') + QString::fromStdString(t.tag)));
        m_recTags->setItem(row, 1, number(locale.toString(qint64(t.engagements))));
        m_recTags->setItem(row, 2, number(locale.toString(t.score, 'f', 3)));
        m_recTags->setItem(row, 3, number(locale.toString(t.lift, 'f', 2) + QChar(0x00D7)));
    }
    for (const auto& p : recs.posts) {
        const int row = m_recPosts->rowCount();
        m_recPosts->insertRow(row);
        m_recPosts->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(p.title)));
        m_recPosts->setItem(row, 1, number(locale.toString(qint64(p.engagements))));
        m_recPosts->setItem(row, 2, number(locale.toString(p.lift, 'f', 2) + QChar(0x00D7)));
    }
}

void AudiencePanel::chooseExport(int segment)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export segment handles"),
                                                      AudienceText::segmentName(segment) + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (auto r = exportHandles(segment, path); !r)
        QMessageBox::warning(this, tr("Export failed"),
                             errorSummary(r.error()) + QStringLiteral("\n\n") +
                                 QString::fromStdString(r.error().detail));
}

} // namespace herald::ui
