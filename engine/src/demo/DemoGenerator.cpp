#include "herald/engine/demo/DemoGenerator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "DemoCalendar.h"
#include "DemoIds.h"
#include "DemoProfiles.h"
#include "DemoRandom.h"
#include "DemoText.h"
#include "herald/engine/model/Platform.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/AudienceRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/CommentRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

using namespace demo;

struct CampaignPlan
{
    const char* name;
    const char* goal;
    double goalTarget;
    double budget;
    const char* utm;
    const char* colour;
    double reachBoost;
    int first = 0; // day indexes into the history; `last` may lie beyond it
    int last = 0;
    std::int64_t id = 0;
};

struct PlannedTarget
{
    int account = 0;
    int campaign = -1;
    Language language = Language::English;
    std::int64_t id = 0;
    std::int64_t publishedUtc = 0;
    std::array<double, MetricCount> realized{}; // values of the last snapshot written
};

struct Member
{
    std::int64_t id = 0;
    int account = 0;
    int persona = 0;
    int activeHourUtc = 0;
    int language = En;
    std::string handle;
    std::string name;
};

class Generator
{
public:
    Generator(Database& db, const DemoOptions& options, std::int64_t endDay)
        : m_db(db), m_options(options), m_rng(options.seed), m_days(options.days),
          m_firstDay(endDay - options.days + 1), m_endDay(endDay)
    {
    }

    Result<DemoSummary> run();

private:
    Result<void> writeSettings();
    Result<void> writeAccounts();
    Result<void> writeCampaigns();
    Result<void> writePosts();
    Result<void> writeUpcomingPosts();
    Result<void> writePostMetrics();
    Result<void> writeAccountMetrics();
    Result<void> writeAudience();
    Result<void> writeEvents();
    Result<void> writeComments();
    Result<void> writeAds();

    /// Reports progress; false when the caller cancelled.
    bool progress(double fraction) { return !m_options.progress || m_options.progress(fraction); }
    Result<void> checkpoint(double fraction)
    {
        if (!progress(fraction))
            return fail(ErrorCode::Cancelled, "demo generation cancelled");
        return {};
    }

    int offsetAt(std::int64_t utc) const { return m_options.utcOffset(utc); }
    /// The UTC instant of a local wall time (seconds since the local epoch).
    std::int64_t localToUtc(std::int64_t local) const { return local - offsetAt(local - offsetAt(local)); }
    std::int64_t localDayOf(std::int64_t utc) const { return floorDiv(utc + offsetAt(utc), kDaySeconds); }
    int campaignAt(int dayIndex) const;

    Database& m_db;
    const DemoOptions& m_options;
    DemoRandom m_rng;
    int m_days;
    std::int64_t m_firstDay; // day numbers of the first and last local day of the history
    std::int64_t m_endDay;
    std::int64_t m_historyStartUtc = 0;
    std::int64_t m_historyEndUtc = 0; // exclusive: local midnight after endDay
    DemoSummary m_summary;

    std::vector<Account> m_accounts;
    std::vector<std::uint64_t> m_idSequence; // per account, keeps platform ids unique
    std::vector<CampaignPlan> m_campaigns;
    std::vector<PlannedTarget> m_targets;
    std::vector<double> m_dayImpressions; // [account * days + day] from post increments
    std::vector<double> m_dayEngagements;
    std::vector<Member> m_members;
};

Result<DemoSummary> Generator::run()
{
    auto tx = Transaction::begin(m_db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto existing = m_db.prepare("SELECT (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM posts) + "
                                 "(SELECT COUNT(*) FROM campaigns) + (SELECT COUNT(*) FROM audience_members)");
    if (!existing)
        return tl::unexpected(existing.error());
    auto row = (*existing)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t rows = (*existing)->int64(0);
    (*existing)->reset();
    if (rows > 0)
        return fail(ErrorCode::Invalid, "the demo needs an empty workspace");

    m_historyStartUtc = localToUtc(m_firstDay * kDaySeconds);
    m_historyEndUtc = localToUtc((m_endDay + 1) * kDaySeconds);

    using Step = Result<void> (Generator::*)();
    // Each step with the progress fraction reached when it is done.
    constexpr std::pair<Step, double> kSteps[] = {
        {&Generator::writeSettings, 0.01},
        {&Generator::writeAccounts, 0.02},
        {&Generator::writeCampaigns, 0.03},
        {&Generator::writePosts, 0.12},
        {&Generator::writeUpcomingPosts, 0.13},
        {&Generator::writePostMetrics, 0.3},
        {&Generator::writeAccountMetrics, 0.35},
        {&Generator::writeAudience, 0.55},
        {&Generator::writeEvents, 0.9},
        {&Generator::writeComments, 0.95},
        {&Generator::writeAds, 0.98},
    };
    if (auto r = checkpoint(0); !r)
        return tl::unexpected(r.error());
    for (const auto& [step, fraction] : kSteps) {
        if (auto r = (this->*step)(); !r)
            return tl::unexpected(r.error());
        if (auto r = checkpoint(fraction); !r)
            return tl::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    progress(1.0);
    return m_summary;
}

Result<void> Generator::writeSettings()
{
    SettingsRepository settings(m_db);
    const std::pair<std::string_view, std::string> values[] = {
        {settingKeys::kName, "Herald demo: Lumen Notes"},
        {settingKeys::kTimeZone, m_options.timeZone},
        {settingKeys::kDemo, "1"},
        {settingKeys::kDemoSeed, std::to_string(m_options.seed)},
    };
    for (const auto& [key, value] : values)
        if (auto r = settings.setValue(key, value); !r)
            return r;
    return {};
}

Result<void> Generator::writeAccounts()
{
    AccountRepository repo(m_db);
    const std::int64_t created = m_historyStartUtc - 400 * kDaySeconds;
    for (int i = 0; i < m_options.accounts; ++i) {
        const Network& n = kNetworks[i];
        Account a;
        a.platform = n.platform;
        a.handle = n.handle;
        a.displayName = n.displayName;
        a.baseUrl = n.baseUrl;
        a.timeZone = m_options.timeZone;
        a.status = AccountStatus::Connected;
        a.createdUtc = created + i * 3600;
        switch (n.platform) {
        case Platform::Bluesky:
            a.externalId = "did:plc:" + randomChars(m_rng, kBase32, 32, 24);
            break;
        case Platform::LinkedIn:
            a.externalId = "urn:li:organization:" + std::to_string(80000000 + m_rng.below(9999999));
            break;
        case Platform::WeChat:
            a.externalId = "gh_" + randomChars(m_rng, kBase62, 16, 12);
            break;
        case Platform::Douyin:
            a.externalId = "MS4wLjABAAAA" + randomChars(m_rng, kBase64Url, 64, 32);
            break;
        default:
            a.externalId = std::to_string(100000000 + m_rng.below(900000000)) + std::to_string(10 + i);
            break;
        }
        if (auto r = repo.upsert(a); !r)
            return tl::unexpected(r.error());
        m_accounts.push_back(std::move(a));
    }
    m_idSequence.assign(m_accounts.size(), 0);
    m_summary.accounts = static_cast<std::int64_t>(m_accounts.size());
    return {};
}

Result<void> Generator::writeCampaigns()
{
    const int d = m_days;
    // One finished launch, a short burst mid-history, and a launch running past endDay.
    m_campaigns = {
        {"Lumen Notes 2 launch", "signups", 1500, 6000, "lumen2_launch", "#e15759", 1.6},
        {"Lumen 3.0: sync everywhere", "trials", 800, 9000, "lumen3_launch", "#4e79a7", 1.6},
        {"Dev Week webinar", "registrations", 300, 1500, "devweek_webinar", "#59a14f", 2.0},
    };
    m_campaigns[0].first = d / 6;
    m_campaigns[0].last = m_campaigns[0].first + std::clamp(d / 12, 10, 28) - 1;
    m_campaigns[2].first = d / 2;
    m_campaigns[2].last = m_campaigns[2].first + 4;
    m_campaigns[1].first = d - std::clamp(d / 10, 10, 35);
    m_campaigns[1].last = d - 1 + 21;

    CampaignRepository repo(m_db);
    for (auto& plan : m_campaigns) {
        Campaign c;
        c.name = plan.name;
        c.goal = plan.goal;
        c.goalTarget = plan.goalTarget;
        c.startDay = formatDay(m_firstDay + plan.first);
        c.endDay = formatDay(m_firstDay + plan.last);
        c.budget = plan.budget;
        c.currency = "EUR";
        c.utmCampaign = plan.utm;
        c.colour = plan.colour;
        c.createdUtc = localToUtc((m_firstDay + plan.first - 14) * kDaySeconds + 10 * 3600);
        if (auto r = repo.insert(c); !r)
            return tl::unexpected(r.error());
        plan.id = c.id;
    }
    m_summary.campaigns = static_cast<std::int64_t>(m_campaigns.size());
    return {};
}

int Generator::campaignAt(int dayIndex) const
{
    for (std::size_t i = 0; i < m_campaigns.size(); ++i)
        if (dayIndex >= m_campaigns[i].first && dayIndex <= m_campaigns[i].last)
            return static_cast<int>(i);
    return -1;
}

Result<void> Generator::writePosts()
{
    PostRepository repo(m_db);
    const int accountCount = static_cast<int>(m_accounts.size());
    std::vector<int> eligible;
    eligible.reserve(static_cast<std::size_t>(accountCount));
    int minutes[4];
    Post post;
    for (int day = 0; day < m_days; ++day) {
        const std::int64_t dayNumber = m_firstDay + day;
        const int campaign = campaignAt(day);
        const int count = 1 + m_rng.chance(0.55) + m_rng.chance(0.45) + (campaign >= 0 && m_rng.chance(0.6));
        for (int i = 0; i < count; ++i)
            minutes[i] = m_rng.weighted(kPostingHours) * 60 + 5 * m_rng.below(12);
        std::sort(minutes, minutes + count);
        for (int i = 0; i < count; ++i) {
            const Language language = m_rng.chance(0.3) ? Language::Chinese : Language::English;
            eligible.clear();
            for (int a = 0; a < accountCount; ++a)
                if (language == Language::Chinese || !kNetworks[a].chineseOnly)
                    eligible.push_back(a);
            if (eligible.empty())
                continue;
            const int wanted =
                std::min<int>(1 + m_rng.chance(0.6) + m_rng.chance(0.3), static_cast<int>(eligible.size()));
            for (int k = 0; k < wanted; ++k) // partial Fisher-Yates: the first `wanted` are the targets
                std::swap(eligible[static_cast<std::size_t>(k)],
                          eligible[static_cast<std::size_t>(k + m_rng.below(static_cast<int>(eligible.size()) - k))]);

            const std::string_view utm = campaign >= 0 ? m_campaigns[static_cast<std::size_t>(campaign)].utm : "";
            auto text = demo::composePost(m_rng, language, campaign, utm);
            const std::int64_t scheduled = localToUtc(dayNumber * kDaySeconds + minutes[i] * 60);
            post.id = 0;
            post.title = std::move(text.title);
            post.body = std::move(text.body);
            post.tags = std::move(text.tags);
            post.campaignId =
                campaign >= 0 ? std::optional(m_campaigns[static_cast<std::size_t>(campaign)].id) : std::nullopt;
            post.status = PostStatus::Published;
            post.localTime = formatLocalTime(dayNumber, minutes[i]);
            post.timeZone = m_options.timeZone;
            post.scheduledUtc = scheduled;
            post.createdUtc = scheduled - 3600 - m_rng.below(4 * 86400);
            post.targets.resize(static_cast<std::size_t>(wanted));
            std::int64_t lastPublished = scheduled;
            for (int k = 0; k < wanted; ++k) {
                PostTarget& t = post.targets[static_cast<std::size_t>(k)];
                t = PostTarget{};
                t.accountId = m_accounts[static_cast<std::size_t>(eligible[static_cast<std::size_t>(k)])].id;
                t.status = PostStatus::Published;
                t.attempts = 1;
                t.publishedUtc = scheduled + 1 + m_rng.below(40);
                lastPublished = std::max(lastPublished, *t.publishedUtc);
                const auto account = static_cast<std::size_t>(eligible[static_cast<std::size_t>(k)]);
                setPublishedIds(m_rng, kNetworks[account], m_accounts[account], ++m_idSequence[account],
                                *t.publishedUtc, t);
                t.idempotencyKey = "demo-" + std::to_string(m_summary.posts + 1) + "-" + std::to_string(t.accountId);
            }
            post.updatedUtc = lastPublished;
            if (auto r = repo.insert(post); !r)
                return tl::unexpected(r.error());
            ++m_summary.posts;
            for (int k = 0; k < wanted; ++k) {
                PlannedTarget planned;
                planned.account = eligible[static_cast<std::size_t>(k)];
                planned.campaign = campaign;
                planned.language = language;
                planned.id = post.targets[static_cast<std::size_t>(k)].id;
                planned.publishedUtc = *post.targets[static_cast<std::size_t>(k)].publishedUtc;
                m_targets.push_back(planned);
            }
            m_summary.targets += wanted;
        }
        if (day % 64 == 0)
            if (auto r = checkpoint(0.03 + 0.09 * day / m_days); !r)
                return r;
    }
    return {};
}

Result<void> Generator::writeUpcomingPosts()
{
    // Scheduled posts over the next two weeks and a few drafts, so the calendar has a future.
    PostRepository repo(m_db);
    const std::int64_t now = m_historyEndUtc - 3600;
    for (int day = 1; day <= 14 + 5; ++day) {
        const bool draft = day > 14;
        if (!draft && !m_rng.chance(0.8))
            continue;
        const Language language = m_rng.chance(0.3) ? Language::Chinese : Language::English;
        const int campaign = draft ? -1 : campaignAt(m_days - 1 + day);
        const std::string_view utm = campaign >= 0 ? m_campaigns[static_cast<std::size_t>(campaign)].utm : "";
        auto text = demo::composePost(m_rng, language, campaign, utm);
        Post post;
        post.title = std::move(text.title);
        post.body = std::move(text.body);
        post.tags = std::move(text.tags);
        if (campaign >= 0)
            post.campaignId = m_campaigns[static_cast<std::size_t>(campaign)].id;
        post.status = draft ? PostStatus::Draft : PostStatus::Scheduled;
        post.timeZone = m_options.timeZone;
        if (!draft) {
            const int minute = m_rng.weighted(kPostingHours) * 60 + 15 * m_rng.below(4);
            post.localTime = formatLocalTime(m_endDay + day, minute);
            post.scheduledUtc = localToUtc((m_endDay + day) * kDaySeconds + minute * 60);
        }
        post.createdUtc = now - m_rng.below(5 * 86400);
        post.updatedUtc = post.createdUtc;
        int account = m_rng.below(static_cast<int>(m_accounts.size()));
        if (language == Language::English && kNetworks[account].chineseOnly)
            account = 0;
        PostTarget t;
        t.accountId = m_accounts[static_cast<std::size_t>(account)].id;
        t.status = post.status;
        post.targets.push_back(std::move(t));
        if (auto r = repo.insert(post); !r)
            return tl::unexpected(r.error());
        ++m_summary.posts;
        ++m_summary.targets;
    }
    return {};
}

Result<void> Generator::writePostMetrics()
{
    MetricRepository repo(m_db);
    const std::size_t days = static_cast<std::size_t>(m_days);
    m_dayImpressions.assign(m_accounts.size() * days, 0.0);
    m_dayEngagements.assign(m_accounts.size() * days, 0.0);
    PostMetricSample sample;
    std::array<double, MetricCount> finals{};
    std::size_t done = 0;
    for (auto& t : m_targets) {
        const Network& n = kNetworks[t.account];
        const std::int64_t localSeconds = t.publishedUtc + offsetAt(t.publishedUtc);
        const std::int64_t dayNumber = floorDiv(localSeconds, kDaySeconds);
        const double hour = static_cast<double>(localSeconds - dayNumber * kDaySeconds) / 3600.0;
        const int weekday = isoWeekday(dayNumber);
        const double dayIndex = static_cast<double>(dayNumber - m_firstDay);
        const double trend = 1.0 + 0.45 * dayIndex / 365.0;
        const double campaignBoost =
            t.campaign >= 0 ? m_campaigns[static_cast<std::size_t>(t.campaign)].reachBoost : 1.0;
        const double languageFit = t.language == Language::Chinese && !n.chineseOnly ? 0.55 : 1.0;
        finals[Impressions] = n.reach * hourFactor(hour) * kWeekdayFactor[weekday] * trend * campaignBoost *
                              languageFit * m_rng.noise(0.35);
        const double rateBoost = (t.campaign >= 0 ? 1.3 : 1.0) * (weekday >= 6 ? 0.9 : 1.0) * m_rng.noise(0.25);
        for (int m = Likes; m < MetricCount; ++m)
            finals[m] =
                std::min(finals[Impressions], finals[Impressions] * n.rates[m - 1] * rateBoost * m_rng.noise(0.2));

        sample.targetId = t.id;
        for (int m = 0; m < MetricCount; ++m) {
            if (m > 0 && n.rates[m - 1] <= 0)
                continue;
            sample.metric = kMetricNames[m];
            double previous = 0;
            for (double h : kSnapshotHours) {
                const std::int64_t ts = t.publishedUtc + static_cast<std::int64_t>(h * 3600);
                if (ts >= m_historyEndUtc)
                    break;
                // Counters rise and level off; rounding a monotone curve keeps them monotone.
                const double value = std::round(finals[m] * (1.0 - std::exp(-h / n.tauHours)));
                const std::int64_t local = localDayOf(ts) - m_firstDay;
                const std::size_t cell = static_cast<std::size_t>(t.account) * days + static_cast<std::size_t>(local);
                (m == Impressions ? m_dayImpressions : m_dayEngagements)[cell] += value - previous;
                previous = value;
                sample.timestampUtc = ts;
                sample.value = value;
                if (auto r = repo.upsertPostMetric(sample); !r)
                    return r;
                ++m_summary.postMetrics;
            }
            t.realized[static_cast<std::size_t>(m)] = previous;
        }
        if (++done % 256 == 0)
            if (auto r = checkpoint(0.13 + 0.17 * static_cast<double>(done) / static_cast<double>(m_targets.size()));
                !r)
                return r;
    }
    return {};
}

Result<void> Generator::writeAccountMetrics()
{
    MetricRepository repo(m_db);
    AccountMetricDay row;
    const std::size_t days = static_cast<std::size_t>(m_days);
    for (std::size_t a = 0; a < m_accounts.size(); ++a) {
        if (auto r = checkpoint(0.3 + 0.05 * static_cast<double>(a) / static_cast<double>(m_accounts.size())); !r)
            return r;
        const Network& n = kNetworks[a];
        row.accountId = m_accounts[a].id;
        double followers = n.followers;
        for (std::size_t d = 0; d < days; ++d) {
            const std::int64_t dayNumber = m_firstDay + static_cast<std::int64_t>(d);
            const int campaign = campaignAt(static_cast<int>(d));
            const double trend = 1.0 + 0.45 * static_cast<double>(d) / 365.0;
            // Impressions the posts did not earn (profile views, search, old posts): keeps every day > 0.
            const double baseline = std::round(n.reach * 0.06 * trend * m_rng.noise(0.3)) + 3;
            const double impressions = m_dayImpressions[a * days + d] + baseline;
            const double engagements = m_dayEngagements[a * days + d];
            double gained =
                followers * 0.0011 * kWeekdayFactor[isoWeekday(dayNumber)] * m_rng.noise(0.5) + engagements * 0.01;
            if (campaign >= 0) // a campaign brings a jump of new followers
                gained += followers * 0.004 * m_rng.noise(0.4);
            followers += gained - followers * 0.0003 * m_rng.noise(0.5);
            row.day = formatDay(dayNumber);
            const std::pair<const char*, double> values[] = {
                {"followers", std::round(followers)},
                {"impressions", impressions},
                {"engagements", engagements},
                {"profile_visits", std::round((impressions * 0.004 + 2) * m_rng.noise(0.3))},
            };
            for (const auto& [metric, value] : values) {
                row.metric = metric;
                row.value = value;
                if (auto r = repo.upsertAccountMetric(row); !r)
                    return r;
                ++m_summary.accountMetrics;
            }
        }
    }
    return {};
}

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

} // namespace

Result<DemoSummary> generateDemo(Database& db, const DemoOptions& options)
{
    std::int64_t endDay = 0;
    if (!parseDay(options.endDay, endDay))
        return fail(ErrorCode::Invalid, "demo end day \"" + options.endDay + "\" is not a YYYY-MM-DD date");
    if (options.days < 30 || options.days > 3660)
        return fail(ErrorCode::Invalid, "demo history must be 30 to 3660 days, not " + std::to_string(options.days));
    if (options.audience < 0 || options.audience > 1000000)
        return fail(ErrorCode::Invalid, "demo audience must be 0 to 1000000 members");
    if (options.accounts < 1 || options.accounts > static_cast<int>(std::size(kNetworks)))
        return fail(ErrorCode::Invalid, "demo accounts must be 1 to 10, not " + std::to_string(options.accounts));
    if (options.timeZone.empty() || !options.utcOffset)
        return fail(ErrorCode::Invalid, "the demo needs a time zone and its UTC offsets");
    if (db.isReadOnly())
        return fail(ErrorCode::ReadOnly, "the workspace is read-only");
    // The events' member index is written in random order: a page cache that holds the whole write
    // keeps SQLite from spilling dirty pages to the WAL mid-transaction (2x faster on a file).
    auto cacheSize = db.prepare("PRAGMA cache_size");
    if (!cacheSize)
        return tl::unexpected(cacheSize.error());
    auto row = (*cacheSize)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::string previousCache = std::to_string(*row ? (*cacheSize)->int64(0) : -2000);
    (*cacheSize)->reset();
    if (auto r = db.exec("PRAGMA cache_size = -262144"); !r)
        return tl::unexpected(r.error());
    Result<DemoSummary> result;
    try {
        Generator generator(db, options, endDay);
        result = generator.run();
    } catch (const std::exception& e) { // bad_alloc, or an exception from the caller's callbacks
        result = fail(ErrorCode::Storage, std::string("demo generation failed: ") + e.what());
    }
    (void)db.exec("PRAGMA cache_size = " + previousCache);
    return result;
}

} // namespace herald::engine
