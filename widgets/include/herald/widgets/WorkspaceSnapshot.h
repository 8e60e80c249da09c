#pragma once

#include <vector>

#include <QString>
#include <QTimeZone>

#include "herald/engine/Result.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/model/Campaign.h"

namespace herald::ui {

/// What the panels need to know about the open workspace, read once on a worker thread.
struct WorkspaceSnapshot
{
    QString path;
    QString name;
    QTimeZone timeZone;
    bool isDemo = false;
    std::vector<engine::Account> accounts;
    std::vector<engine::Campaign> campaigns;
    std::vector<std::string> tags; // every tag in use, by name
};

/// Opens the workspace (migrating it if older) and reads its snapshot. Blocking: call off the UI thread.
Result<WorkspaceSnapshot> loadWorkspaceSnapshot(const QString& path);

} // namespace herald::ui
