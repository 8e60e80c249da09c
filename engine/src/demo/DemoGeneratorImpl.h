#pragma once

// The demo generator's state, shared by DemoGenerator.cpp (accounts, posts, metrics) and
// DemoAudience.cpp (audience, events, comments, ads). Private to the engine.

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

namespace herald::engine::demo {

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

} // namespace herald::engine::demo
