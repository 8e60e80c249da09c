#include "calendar/BestTimeHeatmap.h"

#include <algorithm>

#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

namespace herald::ui {

namespace {

QColor heat(double t)
{
    // Light yellow (low) to deep green (high).
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(1.0 - 0.85 * t), float(0.97 - 0.4 * t), float(0.75 - 0.5 * t));
}

} // namespace

BestTimeHeatmap::BestTimeHeatmap(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("bestTimeHeatmap"));
    setMinimumHeight(180);
}

void BestTimeHeatmap::setRates(std::vector<double> rates, const QString& caption)
{
    m_rates = std::move(rates);
    m_caption = caption;
    m_message.clear();
    update();
}

void BestTimeHeatmap::setMessage(const QString& text)
{
    m_rates.clear();
    m_message = text;
    update();
}

void BestTimeHeatmap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QPalette pal = palette();
    if (m_rates.size() != 168) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const auto [lo, hi] = std::minmax_element(m_rates.begin(), m_rates.end());
    const double minRate = *lo, maxRate = *hi;
    const double span = maxRate > minRate ? maxRate - minRate : 1.0;
    const int left = 40, top = fontMetrics().height() + 6, legend = 28;
    const double cw = (width() - left - 4) / 24.0;
    const double ch = (height() - top - legend - fontMetrics().height()) / 7.0;
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(0, 0, width(), top), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(0, top + int(d * ch), left - 4, int(ch)), Qt::AlignRight | Qt::AlignVCenter,
                   locale.dayName(d + 1, QLocale::ShortFormat));
        for (int h = 0; h < 24; ++h) {
            const QRectF cell(left + h * cw, top + d * ch, cw - 1, ch - 1);
            p.fillRect(cell, heat((m_rates[std::size_t(d * 24 + h)] - minRate) / span));
        }
    }
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int h = 0; h < 24; h += 3)
        p.drawText(QRectF(left + h * cw, top + 7 * ch, cw * 3, fontMetrics().height()), Qt::AlignLeft,
                   QString::number(h));
    const int ly = height() - legend + 6;
    const QRect bar(left, ly, std::min(200, width() - left - 160), 12);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    g.setColorAt(0, heat(0));
    g.setColorAt(1, heat(1));
    p.fillRect(bar, g);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRect(bar.right() + 6, ly - 3, 160, 18), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1% to %2% engagement")
                   .arg(locale.toString(100 * minRate, 'f', 1), locale.toString(100 * maxRate, 'f', 1)));
}

} // namespace herald::ui
