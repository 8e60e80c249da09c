#pragma once

#include <QDate>
#include <QTimeZone>

#include "herald/engine/store/KpiQuery.h"

namespace herald::ui {

/// An inclusive range of local days.
struct DayRange
{
    QDate from;
    QDate to;
    qint64 days() const { return from.daysTo(to) + 1; }
    /// The period of the same length that ends the day before this one starts.
    DayRange previous() const { return {from.addDays(-days()), from.addDays(-1)}; }
};

/// The last `days` days ending on `today` (inclusive).
DayRange lastDays(const QDate& today, int days);

/// Converts local days in `zone` to the engine's range: day strings and UTC instants of local
/// midnights, so that a DST day counts 23 or 25 hours as it really is.
engine::KpiRange toKpiRange(const DayRange& range, const QTimeZone& zone);

} // namespace herald::ui
