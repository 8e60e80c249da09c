#pragma once

#include <QWidget>

class QLabel;

namespace herald::ui {

/// The empty state of a panel that is not built yet: what it will show, and no made-up content.
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
