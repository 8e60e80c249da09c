#pragma once

#include <string>
#include <vector>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AudienceRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostRepository.h"

namespace herald::test {

inline constexpr std::int64_t kAudienceNow = 1704067200; // 2024-01-01 00:00 UTC
inline constexpr std::int64_t kDay = 86400;
inline constexpr std::int64_t kHour = 3600;

inline std::int64_t addAccount(engine::Database& db, engine::Platform platform, const std::string& externalId)
{
    engine::Account a;
    a.platform = platform;
    a.handle = "@brand" + externalId;
    a.externalId = externalId;
    return engine::AccountRepository(db).upsert(a).value();
}

inline std::int64_t addMember(engine::Database& db, std::int64_t account, const std::string& handle,
                              const std::string& language, const std::string& country,
                              std::optional<std::int64_t> since, std::int64_t followers,
                              std::vector<std::string> interests)
{
    engine::AudienceMember m;
    m.accountId = account;
    m.externalId = handle;
    m.handle = handle;
    m.language = language;
    m.country = country;
    m.followerSinceUtc = since;
    m.followerCount = followers;
    m.interests = std::move(interests);
    return engine::AudienceRepository(db).upsertMember(m).value();
}

inline void addEvent(engine::Database& db, std::int64_t member, engine::EventKind kind, std::int64_t ts,
                     std::optional<std::int64_t> target = std::nullopt)
{
    engine::MemberEvent e;
    e.memberId = member;
    e.kind = kind;
    e.timestampUtc = ts;
    e.targetId = target;
    must(engine::AudienceRepository(db).addEvent(e));
}

/// A post of `account` with `tags`, published; returns its target id.
inline std::int64_t addPost(engine::Database& db, std::int64_t account, const std::string& title,
                            std::vector<std::string> tags)
{
    engine::Post p;
    p.title = title;
    p.body = title + " body";
    p.status = engine::PostStatus::Published;
    p.createdUtc = p.updatedUtc = kAudienceNow - 30 * kDay;
    p.tags = std::move(tags);
    engine::PostTarget t;
    t.accountId = account;
    t.status = engine::PostStatus::Published;
    t.publishedUtc = kAudienceNow - 30 * kDay;
    p.targets.push_back(t);
    must(engine::PostRepository(db).insert(p));
    return p.targets.front().id;
}

} // namespace herald::test
