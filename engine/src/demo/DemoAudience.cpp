#include "DemoGeneratorImpl.h"

namespace herald::engine::demo {

Result<void> Generator::writeAudience()
{
    AudienceRepository repo(m_db);
    double accountWeights[std::size(kNetworks)] = {};
    for (std::size_t a = 0; a < m_accounts.size(); ++a)
        accountWeights[a] = kNetworks[a].followers;
    double personaWeights[std::size(kPersonas)];
    double chinesePersonaWeights[std::size(kPersonas)] = {};
    for (std::size_t p = 0; p < std::size(kPersonas); ++p)
        personaWeights[p] = kPersonas[p].weight;
    chinesePersonaWeights[kChineseTechReaders] = 0.7;
    chinesePersonaWeights[kStudents] = 0.3;

    const std::int64_t sinceFrom = m_historyStartUtc - 730 * kDaySeconds;
    AudienceMember m;
    m_members.reserve(static_cast<std::size_t>(m_options.audience));
    std::vector<std::int64_t> members;
    for (int i = 0; i < m_options.audience; ++i) {
        const int account = m_rng.weighted(std::span(accountWeights, m_accounts.size()));
        const Network& n = kNetworks[account];
        const int persona = m_rng.weighted(n.chineseOnly ? chinesePersonaWeights : personaWeights);
        const Persona& p = kPersonas[persona];
        const int language = n.chineseOnly ? Zh : m_rng.weighted(p.languages);
        const auto name = demo::personName(m_rng, kLanguages[language]);
        const CountryMix& countries = kCountries[language];

        m.id = 0;
        m.accountId = m_accounts[static_cast<std::size_t>(account)].id;
        m.displayName = name.display;
        m.language = kLanguages[language];
        m.country = countries.codes[m_rng.weighted(countries.weights)];
        m.ageBand = m_rng.chance(0.3) ? "" : kAgeBands[m_rng.weighted(p.ages)];
        m.gender = m_rng.chance(0.35) ? "" : kGenders[m_rng.weighted(p.genders)];
        m.followerSinceUtc = m_rng.chance(0.05)
                                 ? std::nullopt
                                 : std::optional(sinceFrom + static_cast<std::int64_t>(
                                                                 m_rng.uniform() *
                                                                 static_cast<double>(m_historyEndUtc - 1 - sinceFrom)));
        // Heavy tail: most follow a few dozen people, a few have a large following.
        m.followerCount = std::min<std::int64_t>(
            2000000, static_cast<std::int64_t>(15.0 / std::pow(1.0 - m_rng.uniform(), 1.0 / 1.1)));
        const std::uint64_t unique =
            static_cast<std::uint64_t>(i) * 100003 + static_cast<std::uint64_t>(m_rng.below(100003));
        std::string stem = name.ascii;
        std::replace(stem.begin(), stem.end(), '.', '_');
        switch (n.platform) {
        case Platform::Mastodon:
            m.externalId = std::to_string(109000000000000000ULL + unique);
            m.handle = stem + "@" + m_rng.pick(kMastodonInstances);
            break;
        case Platform::Bluesky:
            m.externalId = "did:plc:" + randomChars(m_rng, kBase32, 32, 16) + base62(unique);
            std::replace(stem.begin(), stem.end(), '_', '-');
            m.handle = stem + ".bsky.social";
            break;
        case Platform::LinkedIn:
            m.externalId = "urn:li:person:ACoAA" + base62(unique * 7919 + 1000000007ULL);
            std::replace(stem.begin(), stem.end(), '_', '-');
            m.handle = stem + "-" + std::to_string(1000 + m_rng.below(9000));
            break;
        case Platform::WeChat:
            m.externalId = "o" + base62(unique + 900000000000ULL) + randomChars(m_rng, kBase62, 62, 16);
            m.handle = name.display;
            break;
        case Platform::Weibo:
            m.externalId = std::to_string(5000000000ULL + unique);
            m.handle = language == Zh ? name.display : stem;
            break;
        default:
            m.externalId = std::to_string(1200000000000ULL + unique);
            m.handle = stem + std::to_string(m_rng.below(100));
            break;
        }
        m.email.clear();
        m.phone.clear();
        if (m_rng.chance(0.15)) {
            constexpr const char* kDomains[] = {"example.com", "example.org", "example.net"};
            m.email = name.ascii + std::to_string(m_rng.below(100)) + "@" + m_rng.pick(kDomains);
        }
        if (m_rng.chance(0.1)) {
            char phone[32];
            if (language == Zh)
                std::snprintf(phone, sizeof phone, "+86 130 0000 %04d", m_rng.below(10000));
            else
                std::snprintf(phone, sizeof phone, "+1 %03d 555 01%02d", 201 + m_rng.below(700), m_rng.below(100));
            m.phone = phone;
        }
        m.interests.clear();
        for (const char* interest : p.core)
            if (m_rng.chance(0.75))
                m.interests.emplace_back(interest);
        for (const char* interest : p.extra)
            if (m_rng.chance(0.3))
                m.interests.emplace_back(interest);
        if (m_rng.chance(0.2))
            m.interests.emplace_back(m_rng.pick(kNoiseInterests));

        if (auto r = repo.upsertMember(m); !r)
            return tl::unexpected(r.error());
        Member kept;
        kept.id = m.id;
        kept.account = account;
        kept.persona = persona;
        kept.language = language;
        kept.activeHourUtc = (p.activeHourUtc + 22 + m_rng.below(5)) % 24;
        kept.handle = m.handle;
        kept.name = m.displayName;
        m_members.push_back(std::move(kept));
        if (i % 1024 == 0)
            if (auto r = checkpoint(0.35 + 0.2 * i / std::max(1, m_options.audience)); !r)
                return r;
    }
    m_summary.members = static_cast<std::int64_t>(m_members.size());
    return {};
}

/// Members of one account with cumulative engagement weights per post language and event kind,
/// so a draw is one binary search.
struct MemberPool
{
    std::vector<int> members; // indexes into Generator::m_members
    std::array<std::vector<double>, 2 * (MetricCount - 1)> cumulative;

    const std::vector<double>& weights(Language language, int kind) const
    {
        return cumulative[static_cast<std::size_t>((language == Language::Chinese ? MetricCount - 1 : 0) + kind)];
    }
    /// A member index, or -1 when nobody in the pool would engage.
    int draw(DemoRandom& rng, Language language, int kind) const
    {
        const auto& cum = weights(language, kind);
        if (cum.empty() || cum.back() <= 0)
            return -1;
        const double x = rng.uniform() * cum.back();
        auto it = std::upper_bound(cum.begin(), cum.end(), x);
        const auto index = std::min<std::ptrdiff_t>(it - cum.begin(), static_cast<std::ptrdiff_t>(cum.size()) - 1);
        return members[static_cast<std::size_t>(index)];
    }
};

std::vector<MemberPool> buildPools(const std::vector<Member>& members, std::size_t accounts)
{
    std::vector<MemberPool> pools(accounts);
    for (std::size_t i = 0; i < members.size(); ++i)
        pools[static_cast<std::size_t>(members[i].account)].members.push_back(static_cast<int>(i));
    for (auto& pool : pools) {
        for (int lang = 0; lang < 2; ++lang) {
            const Language language = lang ? Language::Chinese : Language::English;
            for (int kind = 0; kind < MetricCount - 1; ++kind) {
                auto& cum = pool.cumulative[static_cast<std::size_t>(lang * (MetricCount - 1) + kind)];
                cum.reserve(pool.members.size());
                double total = 0;
                for (int index : pool.members) {
                    const Member& m = members[static_cast<std::size_t>(index)];
                    const Persona& p = kPersonas[m.persona];
                    total += p.activity * p.kinds[kind] * languageMatch(language, m.language);
                    cum.push_back(total);
                }
            }
        }
    }
    return pools;
}

Result<void> Generator::writeEvents()
{
    AudienceRepository repo(m_db);
    const auto pools = buildPools(m_members, m_accounts.size());
    double realized = 0;
    for (const auto& t : m_targets)
        for (int m = Likes; m < MetricCount; ++m)
            realized += t.realized[static_cast<std::size_t>(m)];
    // The audience is a sample of the followers: events are a share of the counted engagements,
    // capped so the default demo stays around 200k events.
    const double share = realized > 0 ? std::min(1.0, 10.0 * m_options.audience / realized) : 0.0;

    MemberEvent event;
    std::size_t done = 0;
    for (const auto& t : m_targets) {
        const MemberPool& pool = pools[static_cast<std::size_t>(t.account)];
        const double tau = kNetworks[t.account].tauHours * 3600.0;
        event.targetId = t.id;
        for (int kind = 0; kind < MetricCount - 1; ++kind) {
            const double expected = t.realized[static_cast<std::size_t>(kind + 1)] * share;
            int count = static_cast<int>(expected);
            count += m_rng.chance(expected - count);
            event.kind = kEventKinds[kind];
            for (int e = 0; e < count; ++e) {
                const int index = pool.draw(m_rng, t.language, kind);
                if (index < 0)
                    break;
                const Member& member = m_members[static_cast<std::size_t>(index)];
                std::int64_t ts = t.publishedUtc + 20 + static_cast<std::int64_t>(m_rng.exponential(tau));
                if (m_rng.chance(0.5)) { // many engage in their own active hours
                    const std::int64_t active =
                        floorDiv(ts, kDaySeconds) * kDaySeconds + member.activeHourUtc * 3600 + m_rng.below(3600);
                    ts = active > t.publishedUtc ? active : active + kDaySeconds;
                }
                if (ts >= m_historyEndUtc)
                    continue;
                event.memberId = member.id;
                event.timestampUtc = ts;
                if (auto r = repo.addEvent(event); !r)
                    return r;
                ++m_summary.events;
            }
        }
        if (++done % 32 == 0)
            if (auto r = checkpoint(0.55 + 0.33 * static_cast<double>(done) / static_cast<double>(m_targets.size()));
                !r)
                return r;
    }

    event.targetId.reset();
    event.kind = EventKind::Follow;
    auto since = m_db.prepare("SELECT id, follower_since_utc FROM audience_members WHERE follower_since_utc >= ?1 "
                              "AND follower_since_utc < ?2 ORDER BY id");
    if (!since)
        return tl::unexpected(since.error());
    (*since)->bind(1, m_historyStartUtc).bind(2, m_historyEndUtc);
    std::vector<std::pair<std::int64_t, std::int64_t>> follows;
    while (true) {
        auto row = (*since)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        follows.emplace_back((*since)->int64(0), (*since)->int64(1));
    }
    (*since)->reset();
    for (const auto& [id, ts] : follows) {
        event.memberId = id;
        event.timestampUtc = ts;
        if (auto r = repo.addEvent(event); !r)
            return r;
        ++m_summary.events;
    }
    return {};
}

Result<void> Generator::writeComments()
{
    CommentRepository repo(m_db);
    const auto pools = buildPools(m_members, m_accounts.size());
    constexpr double kToneWeights[] = {0.5, 0.3, 0.2}; // positive, neutral, negative
    Comment c;
    std::uint64_t sequence = 0;
    for (const auto& t : m_targets) {
        const int count = m_rng.poisson(t.campaign >= 0 ? 0.6 : 0.42);
        for (int i = 0; i < count; ++i) {
            const int index = pools[static_cast<std::size_t>(t.account)].draw(m_rng, t.language, Replies - 1);
            if (index < 0)
                break;
            const Member& author = m_members[static_cast<std::size_t>(index)];
            const std::int64_t ts =
                t.publishedUtc + 60 +
                static_cast<std::int64_t>(m_rng.exponential(kNetworks[t.account].tauHours * 2500.0));
            if (ts >= m_historyEndUtc)
                continue;
            const auto tone = static_cast<demo::Tone>(m_rng.weighted(kToneWeights));
            const Language language = author.language == Zh ? Language::Chinese : Language::English;
            c.id = 0;
            c.accountId = m_accounts[static_cast<std::size_t>(t.account)].id;
            c.targetId = t.id;
            c.externalId = std::to_string(static_cast<std::uint64_t>(ts) * 100000 + ++sequence % 100000);
            c.authorHandle = author.handle;
            c.authorName = author.name;
            c.body = demo::composeComment(m_rng, language, tone);
            c.language = language == Language::Chinese ? "zh" : "en";
            c.timestampUtc = ts;
            // Scored later by Herald's sentiment analysis, as imported comments are.
            c.sentiment.reset();
            c.sentimentLabel.clear();
            const bool recent = ts > m_historyEndUtc - 10 * kDaySeconds;
            constexpr double kRecent[] = {0.6, 0.3, 0.1, 0};
            constexpr double kOlder[] = {0.05, 0.45, 0.4, 0.1};
            c.replyState = static_cast<ReplyState>(m_rng.weighted(recent ? kRecent : kOlder));
            if (auto r = repo.upsert(c); !r)
                return tl::unexpected(r.error());
            ++m_summary.comments;
        }
    }
    return {};
}

Result<void> Generator::writeAds()
{
    AdRepository repo(m_db);
    struct AudienceSpec
    {
        const char* name;
        const char* spec;
        std::int64_t size;
    };
    constexpr AudienceSpec kAudiences[] = {
        {"EU developers and designers, 25-44",
         R"({"countries":["DE","NL","FR","ES","GB"],"age_min":25,"age_max":44,"languages":["en","de"],)"
         R"("interests":["programming","design","productivity"]})",
         1200000},
        {"Chinese-speaking tech readers",
         R"({"countries":["TW","SG","HK"],"age_min":18,"age_max":34,"languages":["zh"],"interests":["programming","ai"]})",
         350000},
    };
    std::int64_t audienceIds[std::size(kAudiences)] = {};
    for (std::size_t i = 0; i < std::size(kAudiences); ++i) {
        AdAudience a;
        a.name = kAudiences[i].name;
        a.specJson = kAudiences[i].spec;
        a.sizeEstimate = kAudiences[i].size;
        a.createdUtc = m_historyStartUtc;
        if (auto r = repo.insertAudience(a); !r)
            return tl::unexpected(r.error());
        audienceIds[i] = a.id;
    }

    std::int64_t adSetIds[std::size(kAdPlans)] = {};
    AdMetricDay day;
    for (std::size_t i = 0; i < std::size(kAdPlans); ++i) {
        const AdPlan& plan = kAdPlans[i];
        const CampaignPlan& campaign = m_campaigns[static_cast<std::size_t>(plan.campaign)];
        AdSet s;
        s.campaignId = campaign.id;
        if (plan.audience >= 0)
            s.audienceId = audienceIds[plan.audience];
        s.name = plan.name;
        s.platform = plan.platform;
        s.externalId = std::to_string(23850000000000000ULL + 1000 * i + static_cast<std::uint64_t>(m_rng.below(1000)));
        s.dailyBudget = plan.dailyBudget;
        s.bid = plan.bid;
        s.currency = "EUR";
        s.status = campaign.last < m_days ? "completed" : "active";
        s.createdUtc = localToUtc((m_firstDay + campaign.first - 2) * kDaySeconds + 9 * 3600);
        if (auto r = repo.insertAdSet(s); !r)
            return tl::unexpected(r.error());
        adSetIds[i] = s.id;
        ++m_summary.adSets;

        day.adSetId = s.id;
        for (int d = campaign.first; d <= std::min(campaign.last, m_days - 1); ++d) {
            const double weekday = isoWeekday(m_firstDay + d) >= 6 ? 0.85 : 1.0;
            const double spendTarget = plan.dailyBudget * std::min(1.05, 0.92 * m_rng.noise(0.08));
            day.day = formatDay(m_firstDay + d);
            day.impressions = static_cast<std::int64_t>(std::round(spendTarget / plan.cpm * 1000 * weekday));
            day.clicks = std::min(day.impressions,
                                  static_cast<std::int64_t>(std::round(day.impressions * plan.ctr * m_rng.noise(0.2))));
            day.spend = std::round(day.impressions * plan.cpm / 10.0) / 100.0;
            const double conversions = day.clicks * plan.cvr * m_rng.noise(0.3);
            day.conversions =
                static_cast<std::int64_t>(conversions) + m_rng.chance(conversions - std::floor(conversions));
            day.revenue = std::round(day.conversions * plan.orderValue * m_rng.noise(0.1) * 100.0) / 100.0;
            if (auto r = repo.upsertMetric(day); !r)
                return r;
        }
    }

    // The launch's two ad sets ran as an A/B test of their creatives.
    const CampaignPlan& launch = m_campaigns[0];
    auto test = m_db.prepare("INSERT INTO ab_tests(name, subject, metric, window_start, window_end, planned_sample, "
                             "status, created_utc) VALUES (?1, 'ad_set', 'ctr', ?2, ?3, ?4, 'finished', ?5)");
    if (!test)
        return tl::unexpected(test.error());
    const std::int64_t windowStart = localToUtc((m_firstDay + launch.first) * kDaySeconds);
    const std::int64_t windowEnd = localToUtc((m_firstDay + launch.last + 1) * kDaySeconds);
    (*test)->bind(1, "Lumen Notes 2 launch: lookalike feed vs stories").bind(2, windowStart).bind(3, windowEnd);
    (*test)->bind(4, std::int64_t{60000}).bind(5, windowStart - kDaySeconds);
    if (auto r = (*test)->run(); !r)
        return r;
    const std::int64_t testId = m_db.lastInsertRowId();
    auto variant = m_db.prepare("INSERT INTO ab_test_variants(test_id, label, ad_set_id) VALUES (?1, ?2, ?3)");
    if (!variant)
        return tl::unexpected(variant.error());
    for (int v = 0; v < 2; ++v)
        if (auto r = (*variant)->bind(1, testId).bind(2, v == 0 ? "A" : "B").bind(3, adSetIds[v]).run(); !r)
            return r;
    return {};
}

} // namespace herald::engine::demo
