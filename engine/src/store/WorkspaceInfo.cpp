#include "herald/engine/store/WorkspaceInfo.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

Result<WorkspaceInfo> readWorkspaceInfo(Database& db)
{
    auto tx = Transaction::begin(db, Transaction::Kind::Deferred);
    if (!tx)
        return tl::unexpected(tx.error());
    WorkspaceInfo info;
    info.schemaVersion = db.userVersion();

    SettingsRepository settings(db);
    auto demo = settings.isDemo();
    if (!demo)
        return tl::unexpected(demo.error());
    info.isDemo = *demo;
    if (auto v = settings.value(settingKeys::kName); v && *v)
        info.name = **v;
    if (auto v = settings.value(settingKeys::kTimeZone); v && *v)
        info.timeZone = **v;

    auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "ORDER BY rowid");
    if (!tables)
        return tl::unexpected(tables.error());
    std::vector<std::string> names;
    while (true) {
        auto row = (*tables)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        names.push_back((*tables)->text(0));
    }
    (*tables)->reset();
    for (const auto& name : names) {
        // Table names come from sqlite_schema, not from the user; identifiers cannot be bound.
        auto count = db.prepare("SELECT COUNT(*) FROM \"" + name + "\"");
        if (!count)
            return tl::unexpected(count.error());
        auto row = (*count)->step();
        if (!row)
            return tl::unexpected(row.error());
        info.rowCounts.emplace_back(name, (*count)->int64(0));
        (*count)->reset();
    }

    auto span = db.prepare("SELECT MIN(d), MAX(d) FROM (SELECT day AS d FROM account_metrics "
                           "UNION ALL SELECT substr(local_time, 1, 10) FROM posts WHERE local_time <> '')");
    if (!span)
        return tl::unexpected(span.error());
    auto row = (*span)->step();
    if (!row)
        return tl::unexpected(row.error());
    info.firstDay = (*span)->text(0);
    info.lastDay = (*span)->text(1);
    (*span)->reset();
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return info;
}

} // namespace herald::engine
