#include "DemoWorkspace.h"

#include <filesystem>

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>
#include <QTimeZone>

#include "herald/engine/store/Database.h"

namespace herald::app {

engine::DemoOptions demoOptions(const QString& timeZone, const QDate& endDay)
{
    engine::DemoOptions o;
    o.timeZone = timeZone.toStdString();
    o.endDay = endDay.toString(Qt::ISODate).toStdString();
    const QTimeZone zone(timeZone.toUtf8());
    o.utcOffset = [zone](std::int64_t utc) {
        return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()));
    };
    return o;
}

Result<engine::DemoSummary> createDemoWorkspace(const QString& path, engine::DemoOptions options)
{
    const std::string file = path.toStdString();
    Result<engine::DemoSummary> summary = fail(ErrorCode::Invalid, "not run");
    {
        auto db = engine::Database::create(file);
        if (!db)
            return tl::unexpected(db.error());
        summary = engine::generateDemo(*db, options);
    }
    if (!summary) {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(file + suffix, ec);
    }
    return summary;
}

QString defaultDemoPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("demo.herald"));
}

} // namespace herald::app
