#include "Sparkline.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPainterPath>

namespace herald::ui {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("sparkline"));
    setMinimumHeight(28);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(std::vector<double> values)
{
    m_values = std::move(values);
    update();
}

void Sparkline::paintEvent(QPaintEvent*)
{
    double low = INFINITY, high = -INFINITY;
    for (double v : m_values)
        if (std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    if (m_values.size() < 2 || !(low <= high))
        return;
    const double span = high > low ? high - low : 1.0;
    const QRectF area = QRectF(rect()).adjusted(1, 3, -1, -3);
    QPainterPath path;
    bool drawing = false;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        if (!std::isfinite(m_values[i])) {
            drawing = false;
            continue;
        }
        const QPointF p(area.left() + area.width() * double(i) / double(m_values.size() - 1),
                        area.bottom() - area.height() * (m_values[i] - low) / span);
        if (drawing)
            path.lineTo(p);
        else
            path.moveTo(p);
        drawing = true;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(QStringLiteral("#2f5d8a")), 1.5));
    painter.drawPath(path);
}

} // namespace herald::ui
