#pragma once

#include <vector>

#include <QWidget>

namespace herald::ui {

/// A small line of a series' shape, without axes; gaps (NaN) break the line.
class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    explicit Sparkline(QWidget* parent = nullptr);
    void setValues(std::vector<double> values);
    const std::vector<double>& values() const { return m_values; }
    QSize sizeHint() const override { return {160, 32}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<double> m_values;
};

} // namespace herald::ui
