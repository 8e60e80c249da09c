#pragma once

#include <string>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"

namespace herald::test {

struct ComposerAccounts
{
    std::int64_t mastodon = 0;
    std::int64_t x = 0;
    std::int64_t campaign = 0;
};

/// A workspace in Europe/Berlin with a Mastodon account (talking to `mastodonBaseUrl`), an X account
/// and the campaign "Spring launch" (utm_campaign "spring26").
inline ComposerAccounts writeComposerWorkspace(const std::string& path, const std::string& mastodonBaseUrl = {})
{
    using namespace herald::engine;
    auto db = Database::create(path).value();
    must(SettingsRepository(db).setValue(settingKeys::kTimeZone, "Europe/Berlin"));
    must(SettingsRepository(db).setValue(settingKeys::kName, "Composer"));
    ComposerAccounts ids;
    Account m;
    m.platform = Platform::Mastodon;
    m.handle = "herald";
    m.baseUrl = mastodonBaseUrl;
    m.externalId = "109302436954721982";
    m.secretRef = "mastodon-herald";
    m.timeZone = "Europe/Berlin";
    ids.mastodon = AccountRepository(db).upsert(m).value();
    Account x;
    x.platform = Platform::X;
    x.handle = "@herald";
    x.externalId = "44";
    x.secretRef = "x-herald";
    x.timeZone = "Europe/Berlin";
    ids.x = AccountRepository(db).upsert(x).value();
    Campaign spring;
    spring.name = "Spring launch";
    spring.utmCampaign = "spring26";
    spring.startDay = "2026-03-01";
    spring.endDay = "2026-05-31";
    ids.campaign = CampaignRepository(db).insert(spring).value();
    return ids;
}

} // namespace herald::test
