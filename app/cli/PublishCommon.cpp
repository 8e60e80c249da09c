#include "PublishCommon.h"

#include <memory>
#include <mutex>

#include "SecretStore.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/store/SettingsRepository.h"

namespace herald::app::cli::publish {

std::optional<int> openWorkspace(const Command& cmd, QString& path, std::optional<engine::Database>& db)
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

std::string workspaceZone(engine::Database& db)
{
    auto zone = engine::SettingsRepository(db).value(engine::settingKeys::kTimeZone);
    return zone && *zone && !(*zone)->empty() ? **zone : std::string("UTC");
}

connectors::CredentialsSource credentialsSource()
{
    // One store for the whole command; opened on first use so that a dry run never touches it.
    auto store = std::make_shared<std::unique_ptr<SecretStore>>();
    auto once = std::make_shared<std::once_flag>();
    return [store, once](const engine::Account& account) -> Result<connectors::Credentials> {
        std::call_once(*once, [&] {
            *store = SecretStore::fromEnvironment();
            if (!(*store)->warning().empty())
                printErrorLine(
                    QStringLiteral("heraldctl: warning: %1").arg(QString::fromStdString((*store)->warning())));
        });
        if (account.secretRef.empty())
            return fail(ErrorCode::AuthExpired, "account " + account.handle + " has no stored credentials");
        auto credentials = (*store)->read(account.secretRef);
        if (!credentials && credentials.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::AuthExpired, "no credentials stored for account " + account.handle +
                                                    " (reconnect it with heraldctl account add)");
        return credentials;
    };
}

QString formatLocal(const std::string& localTime, const std::string& zone)
{
    QString local = QString::fromStdString(localTime);
    local.replace(QLatin1Char('T'), QLatin1Char(' '));
    return QStringLiteral("%1 %2").arg(local, QString::fromStdString(zone));
}

} // namespace herald::app::cli::publish
