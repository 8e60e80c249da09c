#pragma once

#include <optional>

#include <QFrame>

class QLabel;

namespace herald::ui {

/// One headline figure: its name, its value and its change against the previous period.
class KpiCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KpiCard)

public:
    KpiCard(const QString& title, const QString& objectName, QWidget* parent = nullptr);

    /// `value` is already formatted; `changePercent` is empty when there is nothing to compare with.
    /// `higherIsBetter` picks the colour of the change.
    void setFigures(const QString& value, std::optional<double> changePercent, bool higherIsBetter = true);
    void clear();
    QString valueText() const;
    QString changeText() const;

private:
    QLabel* m_title;
    QLabel* m_value;
    QLabel* m_change;
};

} // namespace herald::ui
