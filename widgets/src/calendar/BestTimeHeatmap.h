#pragma once

#include <vector>

#include <QString>
#include <QWidget>

namespace herald::ui {

/// A painted 7x24 grid of the engagement model's hour-of-week rates (rows Monday..Sunday, columns
/// hours, account-local), with a colour legend; or a message when there is no model.
class BestTimeHeatmap final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BestTimeHeatmap)

public:
    explicit BestTimeHeatmap(QWidget* parent = nullptr);

    /// Shows 168 engagement rates (Monday 00:00 first).
    void setRates(std::vector<double> rates, const QString& caption);
    /// Shows `text` instead of a grid.
    void setMessage(const QString& text);
    bool hasRates() const { return !m_rates.empty(); }
    QString message() const { return m_message; }
    QSize sizeHint() const override { return {520, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<double> m_rates;
    QString m_caption;
    QString m_message;
};

} // namespace herald::ui
