#include "herald/widgets/WorkspaceSnapshot.h"

#include <QFileInfo>

#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"

namespace herald::ui {

Result<WorkspaceSnapshot> loadWorkspaceSnapshot(const QString& path)
{
    auto db = engine::Database::open(path.toStdString());
    if (!db)
        return tl::unexpected(db.error());
    WorkspaceSnapshot snap;
    snap.path = path;
    engine::SettingsRepository settings(*db);
    auto demo = settings.isDemo();
    if (!demo)
        return tl::unexpected(demo.error());
    snap.isDemo = *demo;
    auto name = settings.value(engine::settingKeys::kName);
    if (!name)
        return tl::unexpected(name.error());
    snap.name = *name ? QString::fromStdString(**name) : QFileInfo(path).completeBaseName();
    auto zone = settings.value(engine::settingKeys::kTimeZone);
    if (!zone)
        return tl::unexpected(zone.error());
    snap.timeZone = *zone ? QTimeZone(QByteArray::fromStdString(**zone)) : QTimeZone::systemTimeZone();
    if (!snap.timeZone.isValid())
        snap.timeZone = QTimeZone::systemTimeZone();
    auto accounts = engine::AccountRepository(*db).list();
    if (!accounts)
        return tl::unexpected(accounts.error());
    snap.accounts = std::move(*accounts);
    auto campaigns = engine::CampaignRepository(*db).list();
    if (!campaigns)
        return tl::unexpected(campaigns.error());
    snap.campaigns = std::move(*campaigns);
    auto tags = db->prepare("SELECT name FROM tags t WHERE EXISTS (SELECT 1 FROM post_tags p WHERE p.tag_id = t.id) "
                            "ORDER BY name COLLATE NOCASE");
    if (!tags)
        return tl::unexpected(tags.error());
    while (true) {
        auto row = (*tags)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        snap.tags.push_back((*tags)->text(0));
    }
    (*tags)->reset();
    return snap;
}

} // namespace herald::ui
