#pragma once

#include <QWidget>

class QLabel;

namespace herald::ui {

/// An honest placeholder for a panel: what it will show and what it needs, and no fake content.
class EmptyStatePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStatePanel)

public:
    EmptyStatePanel(const QString& title, const QString& description, QWidget* parent = nullptr);
    void setDescription(const QString& description);

private:
    QLabel* m_description;
};

} // namespace herald::ui
