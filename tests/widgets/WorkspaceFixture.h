#pragma once

#include <QDateTime>
#include <QTimeZone>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Transaction.h"

namespace herald::test {

/// A small workspace file with two accounts and 120 days (ending on lastDay) of daily figures and
/// posts, in Europe/Berlin, written through the repositories. Values follow simple formulas. Posts
/// of even days belong to the campaign "Spring launch" and carry the tag "launch"; every fifth day's
/// posts carry "tips". Each post has one snapshot a day after publishing: impressions 100 + i,
/// likes 5 + i % 7, clicks i % 4 (i = days before lastDay).
inline void writeSmallWorkspace(const std::string& path, const QDate& lastDay)
{
    using namespace herald::engine;
    auto db = Database::create(path).value();
    auto tx = Transaction::begin(db).value();
    const QTimeZone zone("Europe/Berlin");
    must(SettingsRepository(db).setValue(settingKeys::kTimeZone, "Europe/Berlin"));
    must(SettingsRepository(db).setValue(settingKeys::kName, "Fixture"));
    AccountRepository accounts(db);
    Account x;
    x.platform = Platform::X;
    x.handle = "@fixture";
    x.externalId = "11";
    const auto a = accounts.upsert(x).value();
    Account m;
    m.platform = Platform::Mastodon;
    m.handle = "@fixture@example.social";
    m.externalId = "22";
    const auto b = accounts.upsert(m).value();
    MetricRepository metrics(db);
    PostRepository posts(db);
    Campaign spring;
    spring.name = "Spring launch";
    spring.startDay = lastDay.addDays(-119).toString(Qt::ISODate).toStdString();
    spring.endDay = lastDay.toString(Qt::ISODate).toStdString();
    const auto campaign = CampaignRepository(db).insert(spring).value();
    for (int i = 0; i < 120; ++i) {
        const QDate day = lastDay.addDays(-i);
        const std::string d = day.toString(Qt::ISODate).toStdString();
        int k = 0;
        for (auto id : {a, b}) {
            ++k;
            must(metrics.upsertAccountMetric({id, "followers", d, double(1000 * k + 120 - i)}));
            must(metrics.upsertAccountMetric({id, "impressions", d, double(300 * k + (i * 37) % 101)}));
            must(metrics.upsertAccountMetric({id, "engagements", d, double(10 * k + (i * 13) % 17)}));
            if ((i + k) % 3 == 0) {
                Post p;
                p.status = PostStatus::Published;
                PostTarget t;
                t.accountId = id;
                t.status = PostStatus::Published;
                // 00:30 local: the edge of the day, where a UTC/local mix-up would show.
                t.publishedUtc = QDateTime(day, QTime(0, 30), zone).toSecsSinceEpoch();
                t.externalId = std::to_string(i * 10 + k);
                p.targets.push_back(t);
                if (i % 2 == 0) {
                    p.campaignId = campaign;
                    p.tags.push_back("launch");
                }
                if (i % 5 == 0)
                    p.tags.push_back("tips");
                posts.insert(p).value();
                const std::int64_t seen = *t.publishedUtc + 86'400;
                const auto target = p.targets.front().id;
                must(metrics.upsertPostMetric({target, "impressions", seen, double(100 + i)}));
                must(metrics.upsertPostMetric({target, "likes", seen, double(5 + i % 7)}));
                must(metrics.upsertPostMetric({target, "clicks", seen, double(i % 4)}));
            }
        }
    }
    must(tx.commit());
}

} // namespace herald::test
