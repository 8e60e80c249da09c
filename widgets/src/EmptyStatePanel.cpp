#include "herald/widgets/EmptyStatePanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace herald::ui {

EmptyStatePanel::EmptyStatePanel(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent), m_description(new QLabel(description, this))
{
    auto* heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("emptyStateTitle"));
    auto font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);
    m_description->setObjectName(QStringLiteral("emptyStateDescription"));
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignCenter);
    m_description->setMaximumWidth(560);
    m_description->setStyleSheet(QStringLiteral("color: #5f6873;"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_description, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

void EmptyStatePanel::setDescription(const QString& description)
{
    m_description->setText(description);
}

} // namespace herald::ui
