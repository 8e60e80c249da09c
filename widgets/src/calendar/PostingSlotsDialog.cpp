#include "calendar/PostingSlotsDialog.h"

#include <algorithm>
#include <set>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>
#include <QVBoxLayout>

namespace herald::ui {

PostingSlotsDialog::PostingSlotsDialog(const QString& accountName, const std::vector<WeeklySlot>& weekly,
                                       QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("postingSlotsDialog"));
    setWindowTitle(tr("Posting slots of %1").arg(accountName));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Posts added to the queue go out at these times, in the account's time zone."), this));
    std::set<int> days, minutes;
    for (const auto& s : weekly) {
        days.insert(s.weekday);
        minutes.insert(s.minuteOfDay);
    }
    auto* dayRow = new QHBoxLayout;
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        m_days[d] = new QCheckBox(locale.dayName(d + 1, QLocale::ShortFormat), this);
        m_days[d]->setObjectName(QStringLiteral("slotDay%1").arg(d + 1));
        m_days[d]->setChecked(days.count(d + 1) > 0);
        dayRow->addWidget(m_days[d]);
    }
    layout->addLayout(dayRow);
    QStringList times;
    for (int m : minutes)
        times << QTime(m / 60, m % 60).toString(QStringLiteral("HH:mm"));
    m_times = new QLineEdit(times.join(QStringLiteral(", ")), this);
    m_times->setObjectName(QStringLiteral("slotTimes"));
    m_times->setPlaceholderText(tr("Times, for example 09:00, 12:30, 17:00"));
    layout->addWidget(m_times);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("slotError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

std::optional<std::vector<int>> PostingSlotsDialog::parseTimes(const QString& text, QString* error)
{
    std::vector<int> out;
    const auto parts = text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QTime t = QTime::fromString(part, QStringLiteral("H:mm"));
        if (!t.isValid()) {
            *error = tr("\"%1\" is not a time; write times as HH:MM, for example 09:00.").arg(part);
            return std::nullopt;
        }
        out.push_back(t.hour() * 60 + t.minute());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<WeeklySlot> PostingSlotsDialog::weeklySlots() const
{
    QString ignored;
    const auto times = parseTimes(m_times->text(), &ignored).value_or(std::vector<int>{});
    std::vector<WeeklySlot> out;
    for (int d = 0; d < 7; ++d)
        if (m_days[d]->isChecked())
            for (int m : times)
                out.push_back({d + 1, m});
    return out;
}

void PostingSlotsDialog::accept()
{
    QString error;
    const auto times = parseTimes(m_times->text(), &error);
    if (!times) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    const bool anyDay = std::any_of(std::begin(m_days), std::end(m_days), [](QCheckBox* c) { return c->isChecked(); });
    if (anyDay != !times->empty()) {
        m_error->setText(tr("Choose at least one day and one time, or clear both to remove every slot."));
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace herald::ui
