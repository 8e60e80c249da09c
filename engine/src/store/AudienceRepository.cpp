#include "herald/engine/store/AudienceRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

Result<std::int64_t> AudienceRepository::upsertMember(AudienceMember& m)
{
    if (m.externalId.empty())
        return fail(ErrorCode::Invalid, "an audience member needs the platform's id");
    auto stmt = m_db.prepare(
        "INSERT INTO audience_members(account_id, external_id, handle, display_name, language, country, age_band, "
        "gender, follower_since_utc, follower_count, email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
        "?11, ?12) ON CONFLICT(account_id, external_id) DO UPDATE SET handle = excluded.handle, "
        "display_name = excluded.display_name, language = excluded.language, country = excluded.country, "
        "age_band = excluded.age_band, gender = excluded.gender, follower_since_utc = excluded.follower_since_utc, "
        "follower_count = excluded.follower_count, email = excluded.email, phone = excluded.phone RETURNING id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, m.accountId).bind(2, m.externalId).bind(3, m.handle).bind(4, m.displayName).bind(5, m.language);
    s.bind(6, m.country).bind(7, m.ageBand).bind(8, m.gender).bind(9, m.followerSinceUtc).bind(10, m.followerCount);
    s.bind(11, m.email).bind(12, m.phone);
    auto row = s.step();
    if (!row)
        return tl::unexpected(row.error());
    m.id = s.int64(0);
    s.reset();

    auto clear = m_db.prepare("DELETE FROM member_interests WHERE member_id = ?1");
    if (!clear)
        return tl::unexpected(clear.error());
    if (auto r = (*clear)->bind(1, m.id).run(); !r)
        return tl::unexpected(r.error());
    auto add = m_db.prepare("INSERT OR IGNORE INTO member_interests(member_id, interest) VALUES (?1, ?2)");
    if (!add)
        return tl::unexpected(add.error());
    for (const auto& interest : m.interests)
        if (auto r = (*add)->bind(1, m.id).bind(2, interest).run(); !r)
            return tl::unexpected(r.error());
    return m.id;
}

Result<void> AudienceRepository::addEvent(const MemberEvent& e)
{
    auto stmt = m_db.prepare("INSERT INTO member_events(member_id, target_id, kind, ts_utc) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, e.memberId).bind(2, e.targetId).bind(3, eventKindKey(e.kind)).bind(4, e.timestampUtc).run();
}

} // namespace herald::engine
