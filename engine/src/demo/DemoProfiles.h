#pragma once

#include <cmath>

#include "DemoText.h"
#include "herald/engine/model/Audience.h"
#include "herald/engine/model/Platform.h"

namespace herald::engine::demo {

// The demo's world: its networks, audience personas and ad sets, and the patterns that Herald's
// analytics should find in it (hour of day, weekday, campaigns).

// ---- The networks and their behaviour.

enum Metric { Impressions, Likes, Replies, Reposts, Quotes, Clicks, MetricCount };
constexpr const char* kMetricNames[MetricCount] = {"impressions", "likes", "replies", "reposts", "quotes", "clicks"};
constexpr EventKind kEventKinds[MetricCount - 1] = {EventKind::Like, EventKind::Reply, EventKind::Repost,
                                                    EventKind::Quote, EventKind::Click};
constexpr double kSnapshotHours[] = {1, 3, 6, 12, 24, 48, 72, 168};

struct Network
{
    Platform platform;
    const char* handle;
    const char* displayName;
    const char* baseUrl;
    double reach;                  // mean final impressions of a post, before the patterns
    double rates[MetricCount - 1]; // likes, replies, reposts, quotes, clicks per impression
    double tauHours;               // how fast a post's counters approach their final values
    double followers;              // follower level at the start of the history
    bool chineseOnly;
};

// The first four are the default demo; the rest come in order as `accounts` grows to 10.
constexpr Network kNetworks[] = {
    {Platform::Mastodon,
     "herald_demo@mastodon.social",
     "Lumen Notes (demo)",
     "https://mastodon.social",
     900,
     {0.035, 0.006, 0.012, 0, 0.010},
     6,
     1800,
     false},
    {Platform::Bluesky,
     "heralddemo.bsky.social",
     "Lumen Notes (demo)",
     "https://bsky.social",
     1100,
     {0.040, 0.005, 0.010, 0.002, 0.012},
     5,
     1300,
     false},
    {Platform::X, "herald_demo", "Lumen Notes (demo)", "", 2600, {0.015, 0.002, 0.004, 0.001, 0.008}, 3, 5200, false},
    {Platform::LinkedIn,
     "herald-demo",
     "Lumen Labs (demo)",
     "",
     2000,
     {0.022, 0.003, 0.003, 0, 0.016},
     18,
     2600,
     false},
    {Platform::Facebook, "heralddemo", "Lumen Notes (demo)", "", 1400, {0.030, 0.004, 0.003, 0, 0.009}, 8, 3100, false},
    {Platform::Instagram, "herald.demo", "Lumen Notes (demo)", "", 2300, {0.060, 0.004, 0, 0, 0.004}, 10, 4200, false},
    {Platform::Weibo, "Lumen笔记演示", "Lumen笔记（演示）", "", 3500, {0.020, 0.004, 0.006, 0, 0.007}, 4, 6000, true},
    {Platform::WeChat,
     "LumenNotesDemo",
     "Lumen笔记（演示）",
     "",
     2400,
     {0.015, 0.001, 0.008, 0, 0.030},
     24,
     3800,
     true},
    {Platform::Douyin, "herald_demo", "Lumen笔记（演示）", "", 6500, {0.050, 0.003, 0.004, 0, 0.002}, 12, 9000, true},
    {Platform::Mastodon,
     "lumen_dev@fosstodon.org",
     "Lumen Notes dev log (demo)",
     "https://fosstodon.org",
     500,
     {0.045, 0.008, 0.015, 0, 0.012},
     7,
     700,
     false},
};

// ---- The audience.

constexpr const char* kLanguages[] = {"en", "zh", "de", "es", "ja", "fr"};
enum LanguageIndex { En, Zh, De, Es, Ja, Fr, LanguageCount };

struct Persona
{
    const char* core[3];  // interests most members of the persona share: association rules find them
    const char* extra[3]; // interests a third of them have
    double languages[LanguageCount];
    double weight;                 // share among members of a non-Chinese network
    double activity;               // how often a member engages
    double kinds[MetricCount - 1]; // like, reply, repost, quote, click affinity
    int activeHourUtc;
    double ages[5];
    double genders[3];
};

constexpr const char* kAgeBands[] = {"18-24", "25-34", "35-44", "45-54", "55+"};
constexpr const char* kGenders[] = {"female", "male", "other"};
constexpr const char* kNoiseInterests[] = {"music", "travel", "cooking", "fitness", "books", "coffee"};

// Indie developers, marketers, designers, Chinese tech readers, students, founders.
constexpr Persona kPersonas[] = {
    {{"programming", "open-source", "productivity"},
     {"linux", "rust", "self-hosting"},
     {0.6, 0, 0.25, 0.15, 0, 0},
     0.26,
     1.2,
     {1.0, 1.2, 1.3, 1.2, 1.0},
     18,
     {0.1, 0.45, 0.3, 0.1, 0.05},
     {0.25, 0.7, 0.05}},
    {{"marketing", "social-media", "analytics"},
     {"content-strategy", "seo", "productivity"},
     {0.8, 0, 0, 0.1, 0, 0.1},
     0.18,
     1.0,
     {0.8, 0.7, 1.0, 1.1, 1.5},
     8,
     {0.08, 0.42, 0.32, 0.13, 0.05},
     {0.55, 0.43, 0.02}},
    {{"design", "ux", "typography"},
     {"illustration", "productivity", "photography"},
     {0.55, 0, 0.2, 0, 0, 0.25},
     0.15,
     0.9,
     {1.3, 0.6, 0.9, 0.6, 0.8},
     11,
     {0.15, 0.5, 0.25, 0.07, 0.03},
     {0.5, 0.45, 0.05}},
    {{"programming", "ai", "gadgets"},
     {"productivity", "open-source", "startups"},
     {0, 1, 0, 0, 0, 0},
     0.12,
     1.1,
     {1.1, 1.0, 1.2, 0.8, 1.1},
     13,
     {0.25, 0.45, 0.2, 0.07, 0.03},
     {0.35, 0.63, 0.02}},
    {{"study-tips", "productivity", "note-taking"},
     {"ai", "gaming", "languages"},
     {0.4, 0.35, 0, 0.15, 0.1, 0},
     0.15,
     0.7,
     {1.2, 0.9, 0.7, 0.5, 0.9},
     15,
     {0.85, 0.15, 0, 0, 0},
     {0.48, 0.48, 0.04}},
    {{"startups", "fundraising", "marketing"},
     {"ai", "productivity", "remote-work"},
     {0.85, 0, 0.15, 0, 0, 0},
     0.14,
     0.8,
     {0.7, 1.4, 0.8, 1.5, 1.3},
     6,
     {0.02, 0.35, 0.4, 0.17, 0.06},
     {0.3, 0.68, 0.02}},
};
constexpr int kChineseTechReaders = 3;
constexpr int kStudents = 4;

struct CountryMix
{
    const char* codes[6];
    double weights[6];
};
constexpr CountryMix kCountries[LanguageCount] = {
    {{"US", "GB", "CA", "AU", "IE", "IN"}, {0.4, 0.2, 0.1, 0.1, 0.05, 0.15}},
    {{"CN", "TW", "SG", "HK", "", ""}, {0.6, 0.2, 0.1, 0.1, 0, 0}},
    {{"DE", "AT", "CH", "", "", ""}, {0.7, 0.15, 0.15, 0, 0, 0}},
    {{"ES", "MX", "AR", "", "", ""}, {0.5, 0.3, 0.2, 0, 0, 0}},
    {{"JP", "", "", "", "", ""}, {1, 0, 0, 0, 0, 0}},
    {{"FR", "BE", "", "", "", ""}, {0.8, 0.2, 0, 0, 0, 0}},
};
constexpr const char* kMastodonInstances[] = {"mastodon.social", "fosstodon.org", "hachyderm.io", "chaos.social",
                                              "mstdn.jp"};

/// How likely a member reading `memberLanguage` engages with a post in `postLanguage`.
inline double languageMatch(Language postLanguage, int memberLanguage)
{
    if (postLanguage == Language::Chinese)
        return memberLanguage == Zh ? 1.0 : 0.08;
    switch (memberLanguage) {
    case En:
        return 1.0;
    case Zh:
        return 0.25;
    case Ja:
        return 0.5;
    default:
        return 0.7;
    }
}

// ---- The patterns the analytics should find.

/// Reach by local hour of publication: peaks around 10:00 and 20:00.
inline double hourFactor(double hour)
{
    auto bump = [](double x) { return std::exp(-x * x / (2 * 1.6 * 1.6)); };
    return 0.45 + 0.75 * bump(hour - 10) + 0.65 * bump(hour - 20);
}

/// Reach by ISO weekday: weekdays higher than weekends.
constexpr double kWeekdayFactor[8] = {0, 1.05, 1.1, 1.1, 1.05, 0.95, 0.7, 0.65};
/// When the team posts (local hour weights).
constexpr double kPostingHours[24] = {0,   0,   0,   0,   0,   0,   0.2, 0.6, 1.0, 1.3, 1.3, 1.1,
                                      1.0, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.2, 1.3, 1.1, 0.6, 0.2};

struct AdPlan
{
    int campaign;
    const char* name;
    const char* platform;
    double dailyBudget;
    double bid;
    double ctr;
    double cvr;
    double cpm;
    double orderValue;
    int audience; // index into the ad audiences, -1 for none
};

constexpr AdPlan kAdPlans[] = {
    {0, "Lumen Notes 2: lookalike audience", "facebook", 60, 0.8, 0.011, 0.045, 7.5, 59, 0},
    {0, "Lumen Notes 2: stories", "instagram", 60, 0.7, 0.016, 0.030, 8.5, 59, 0},
    {1, "Lumen 3.0: professionals", "linkedin", 90, 3.2, 0.006, 0.080, 28.0, 89, -1},
    {1, "Lumen 3.0: developers", "x", 45, 0.9, 0.009, 0.035, 6.0, 89, 0},
    {2, "Dev Week: webinar sign-ups", "linkedin", 40, 2.5, 0.008, 0.120, 24.0, 0, 1},
};

} // namespace herald::engine::demo
