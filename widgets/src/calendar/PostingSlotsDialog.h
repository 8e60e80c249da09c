#pragma once

#include <optional>
#include <vector>

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace herald::ui {

/// A weekly posting time: 1 = Monday ... 7 = Sunday, minutes after local midnight.
struct WeeklySlot
{
    int weekday = 1;
    int minuteOfDay = 0;
};

/// Edits an account's weekly posting slots as weekdays x times ("Mon-Fri at 09:00, 12:30, 17:00").
class PostingSlotsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostingSlotsDialog)

public:
    PostingSlotsDialog(const QString& accountName, const std::vector<WeeklySlot>& weekly, QWidget* parent = nullptr);

    /// The slots as entered (valid after accept()).
    std::vector<WeeklySlot> weeklySlots() const;
    /// Parses "09:00, 12:30" into minutes of the day; nullopt and `error` for bad input.
    static std::optional<std::vector<int>> parseTimes(const QString& text, QString* error);

    void accept() override;

private:
    QCheckBox* m_days[7] = {};
    QLineEdit* m_times = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace herald::ui
