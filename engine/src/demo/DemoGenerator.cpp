#include "herald/engine/demo/DemoGenerator.h"

#include "DemoGeneratorImpl.h"

namespace herald::engine::demo {

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

} // namespace herald::engine::demo

namespace herald::engine {

using namespace demo;

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
