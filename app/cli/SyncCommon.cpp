#include "SyncCommon.h"

#include <QDateTime>
#include <QTimeZone>

namespace herald::app::cli {

std::optional<int> openOptionWorkspace(const Command& cmd, QString& path, std::optional<engine::Database>& db)
{
    path = cmd.workspace(false);
    if (path.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace FILE or HERALD_WORKSPACE)"));
    auto opened = engine::Database::open(path.toStdString());
    if (!opened)
        return reportError(opened.error());
    db = std::move(*opened);
    return std::nullopt;
}

int zoneOffset(const std::string& zone, std::int64_t utc)
{
    const QTimeZone tz(QByteArray::fromStdString(zone));
    return tz.isValid() ? tz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc())) : 0;
}

QString formatUtc(std::optional<std::int64_t> utc)
{
    if (!utc)
        return QStringLiteral("never");
    return QDateTime::fromSecsSinceEpoch(*utc, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

} // namespace herald::app::cli
