#include "herald/widgets/QtZoneConverter.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

namespace herald::ui {

namespace {

QTimeZone zoneFor(std::string_view zone)
{
    return QTimeZone(QByteArray(zone.data(), static_cast<qsizetype>(zone.size())));
}

} // namespace

bool isKnownTimeZone(std::string_view zone)
{
    return !zone.empty() && zoneFor(zone).isValid();
}

std::optional<std::int64_t> QtZoneConverter::toUtc(std::string_view localIsoMinute, std::string_view zone) const
{
    const auto local = engine::parseLocalMinute(localIsoMinute);
    const QTimeZone tz = zoneFor(zone);
    if (!local || !tz.isValid())
        return std::nullopt;
    const QDate date(local->date.year, local->date.month, local->date.day);
    const QTime time(local->minuteOfDay / 60, local->minuteOfDay % 60);
    const QDateTime dt(date, time, tz);
    if (!dt.isValid())
        return std::nullopt;
    const std::string wanted = engine::formatLocalMinute(*local);
    std::int64_t utc = dt.toSecsSinceEpoch();
    // Qt moves a wall time skipped by DST forward: such a time has no instant.
    if (toLocal(utc, zone) != wanted)
        return std::nullopt;
    // A repeated wall time (DST end) maps to its earlier instant.
    for (const std::int64_t back : {3600, 1800}) {
        if (toLocal(utc - back, zone) == wanted) {
            utc -= back;
            break;
        }
    }
    return utc;
}

std::string QtZoneConverter::toLocal(std::int64_t utc, std::string_view zone) const
{
    const QTimeZone tz = zoneFor(zone);
    if (!tz.isValid())
        return {};
    return QDateTime::fromSecsSinceEpoch(utc, tz).toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toStdString();
}

} // namespace herald::ui
