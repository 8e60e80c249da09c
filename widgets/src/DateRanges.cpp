#include "herald/widgets/DateRanges.h"

#include <QDateTime>

namespace herald::ui {

DayRange lastDays(const QDate& today, int days)
{
    return {today.addDays(-(days - 1)), today};
}

engine::KpiRange toKpiRange(const DayRange& range, const QTimeZone& zone)
{
    engine::KpiRange r;
    r.fromDay = range.from.toString(Qt::ISODate).toStdString();
    r.toDay = range.to.toString(Qt::ISODate).toStdString();
    r.fromUtc = QDateTime(range.from, QTime(0, 0), zone).toSecsSinceEpoch();
    r.toUtc = QDateTime(range.to.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
    return r;
}

} // namespace herald::ui
