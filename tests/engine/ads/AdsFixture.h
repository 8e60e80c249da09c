#pragma once

#include <string>
#include <vector>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AudienceRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::test {

/// Eight hand-made members on one account, with known answers for every filter, plus the segment
/// "EU makers" (members 1, 2, 3 and 6). Returns the segment id.
///   #  country lang band   gender interests                email                 phone
///   1  DE      de   25-34  female programming, design      " Ana@Example.com "   "+49 30 1234567"
///   2  DE      en   25-34  male   programming              ""                    "030 1234568"
///   3  NL      en   35-44  female design                   "bob@example.org"     ""
///   4  FR      fr   18-24  other  music                    ""                    ""
///   5  US      en   45-54  male   programming, ai          "not-an-email"        "(650) 555-1212"
///   6  GB      en   55+    female design, productivity     ""                    "020 7183 8750"
///   7  TW      zh   18-24  -      ai                       ""                    "+886 2 1234 5678"
///   8  -       en   -      -      -                        ""                    "12345"
inline std::int64_t writeSmallAudience(engine::Database& db)
{
    using namespace herald::engine;
    Account account;
    account.platform = Platform::Mastodon;
    account.handle = "@shop";
    account.baseUrl = "https://example.social";
    account.externalId = "1";
    const auto accountId = AccountRepository(db).upsert(account).value();
    struct Row
    {
        const char* country;
        const char* language;
        const char* band;
        const char* gender;
        std::vector<std::string> interests;
        const char* email;
        const char* phone;
    };
    const Row rows[] = {
        {"DE", "de", "25-34", "female", {"programming", "design"}, " Ana@Example.com ", "+49 30 1234567"},
        {"DE", "en", "25-34", "male", {"programming"}, "", "030 1234568"},
        {"NL", "en", "35-44", "female", {"design"}, "bob@example.org", ""},
        {"FR", "fr", "18-24", "other", {"music"}, "", ""},
        {"US", "en", "45-54", "male", {"programming", "ai"}, "not-an-email", "(650) 555-1212"},
        {"GB", "en", "55+", "female", {"design", "productivity"}, "", "020 7183 8750"},
        {"TW", "zh", "18-24", "", {"ai"}, "", "+886 2 1234 5678"},
        {"", "en", "", "", {}, "", "12345"},
    };
    AudienceRepository repo(db);
    int n = 0;
    for (const auto& r : rows) {
        AudienceMember m;
        m.accountId = accountId;
        m.externalId = std::to_string(++n);
        m.handle = "member" + std::to_string(n);
        m.displayName = "Member " + std::to_string(n);
        m.country = r.country;
        m.language = r.language;
        m.ageBand = r.band;
        m.gender = r.gender;
        m.interests = r.interests;
        m.email = r.email;
        m.phone = r.phone;
        repo.upsertMember(m).value();
    }
    must(db.exec("INSERT INTO segments(id, name, created_utc) VALUES (1, 'EU makers', 1700000000)"));
    must(db.exec("INSERT INTO segment_members(segment_id, member_id) SELECT 1, id FROM audience_members "
                 "WHERE external_id IN ('1', '2', '3', '6')"));
    return 1;
}

inline double scalar(engine::Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return -1;
    const double v = (*stmt)->real(0);
    (*stmt)->reset();
    return v;
}

} // namespace herald::test
