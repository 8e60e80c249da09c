#include "KpiCard.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "Sparkline.h"

namespace herald::ui {

KpiCard::KpiCard(const QString& title, const QString& objectName, QWidget* parent)
    : QFrame(parent), m_title(new QLabel(title, this)), m_value(new QLabel(this)), m_change(new QLabel(this)),
      m_sparkline(new Sparkline(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(180);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_value->setObjectName(QStringLiteral("value"));
    m_change->setObjectName(QStringLiteral("change"));
    auto font = m_value->font();
    font.setPointSizeF(font.pointSizeF() * 1.9);
    font.setBold(true);
    m_value->setFont(font);
    m_title->setStyleSheet(QStringLiteral("color: #5f6873; font-weight: 600;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    layout->addWidget(m_sparkline);
    clear();
}

void KpiCard::setFigures(const QString& value, std::optional<double> changePercent, bool higherIsBetter)
{
    m_value->setText(value);
    if (!changePercent) {
        //: Shown under a KPI when the previous period has no value to compare with
        m_change->setText(tr("no previous data"));
        m_change->setStyleSheet(QStringLiteral("color: #5f6873;"));
        return;
    }
    const double c = *changePercent;
    const QString arrow = c > 0 ? QStringLiteral("▲") : (c < 0 ? QStringLiteral("▼") : QStringLiteral("■"));
    //: %1 is an arrow, %2 a signed percentage such as +12.5
    m_change->setText(tr("%1 %2% vs previous period")
                          .arg(arrow, QLocale().toString(c, 'f', 1).prepend(c > 0 ? QStringLiteral("+") : QString())));
    const bool good = (c > 0) == higherIsBetter;
    const QString colour = c == 0 ? QStringLiteral("palette(mid)") : (good ? QStringLiteral("#1a7f37") : QStringLiteral("#c62828"));
    m_change->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
}

void KpiCard::setSparkline(std::vector<double> values)
{
    m_sparkline->setValues(std::move(values));
}

void KpiCard::clear()
{
    m_sparkline->setValues({});
    m_value->setText(QStringLiteral("–"));
    m_change->setText(QString());
}

QString KpiCard::valueText() const
{
    return m_value->text();
}

QString KpiCard::changeText() const
{
    return m_change->text();
}

} // namespace herald::ui
