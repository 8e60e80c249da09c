#pragma once

#include <optional>
#include <vector>

#include <QFrame>

class QLabel;

namespace herald::ui {

/// One headline figure: its name, its value and its change against the previous period.
class Sparkline;

class KpiCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiCard)

public:
    KpiCard(const QString& title, const QString& objectName, QWidget* parent = nullptr);

    /// `value` is already formatted; `changePercent` is empty when there is nothing to compare with.
    /// `higherIsBetter` picks the colour of the change.
    void setFigures(const QString& value, std::optional<double> changePercent, bool higherIsBetter = true);
    /// The figure's daily shape over the period (NaN for days without data).
    void setSparkline(std::vector<double> values);
    void clear();
    QString valueText() const;
    QString changeText() const;

private:
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_change;
    Sparkline* m_sparkline;
};

} // namespace herald::ui
