#pragma once

#include <string>

#include <QString>

#include "herald/engine/Result.h"
#include "herald/engine/store/Database.h"

namespace herald::ui::ads {

/// Opens the workspace on the calling (worker) thread and runs `work(db)`; one connection per job.
template <typename Work>
auto withDatabase(const QString& path, bool write, Work&& work) -> decltype(work(std::declval<engine::Database&>()))
{
    auto db = engine::Database::open(path.toStdString(),
                                     write ? engine::Database::Mode::ReadWrite : engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    return work(*db);
}

/// "12.3%" with the locale's decimal separator.
QString percentText(double rate, int decimals = 2);
/// "[low, high]" of two percentages.
QString percentRangeText(double low, double high, int decimals = 2);
/// Money with two decimals and the currency code.
QString moneyText(double amount, const QString& currency);

} // namespace herald::ui::ads
