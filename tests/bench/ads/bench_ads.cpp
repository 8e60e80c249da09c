// Ads area timings on a synthetic workspace: audience counting and id listing over 200,000 members, normalising
// and hashing their identifiers, importing a 60,000-row Ads Manager export, ad-set statistics, a Thompson budget
// split and an A/B evaluation. Prints "<name> <median milliseconds>".
#include <cstdio>
#include <string>

#include "BenchTiming.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AbTests.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/ads/AdSetStats.h"
#include "herald/engine/ads/AdsImport.h"
#include "herald/engine/ads/CustomAudience.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Transaction.h"

using namespace herald;
using namespace herald::engine;

namespace {

template <typename F> double timed(int repeats, F&& f)
{
    std::vector<double> t;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        t.push_back(bench::ms(start));
    }
    return bench::median(t);
}

} // namespace

int main()
{
    constexpr int kMembers = 200000;
    auto db = Database::createInMemory().value();
    // Members through SQL (a recursive CTE) so that set-up does not dominate.
    if (!db.exec("INSERT INTO accounts(id, platform, handle, external_id, created_utc) VALUES (1, 'mastodon', '@b', "
                 "'1', 0);"))
        return 1;
    const std::string members =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kMembers) +
        ") INSERT INTO audience_members(id, account_id, external_id, handle, country, language, age_band, gender, "
        "email, "
        "phone) SELECT i, 1, i, 'm' || i, substr('DENLFRESGBUSTWJP', 1 + 2 * (i % 8), 2), substr('endefrzh', 1 + 2 * "
        "(i % 4), 2), "
        "CASE i % 5 WHEN 0 THEN '18-24' WHEN 1 THEN '25-34' WHEN 2 THEN '35-44' WHEN 3 THEN '45-54' ELSE '55+' END, "
        "CASE i % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' ELSE '' END, CASE WHEN i % 4 = 0 THEN ' User' || i || "
        "'@Example.com ' ELSE '' END, CASE WHEN i % 5 = 0 THEN '+49 30 ' || (1000000 + i) ELSE '' END FROM n;"
        "INSERT INTO member_interests SELECT id, CASE id % 6 WHEN 0 THEN 'design' WHEN 1 THEN 'programming' WHEN 2 "
        "THEN "
        "'ai' WHEN 3 THEN 'music' WHEN 4 THEN 'travel' ELSE 'seo' END, 1 FROM audience_members;"
        "INSERT INTO segments(id, name, created_utc) VALUES (1, 's', 0);"
        "INSERT INTO segment_members SELECT 1, id FROM audience_members WHERE id % 2 = 0;";
    if (auto r = db.exec(members); !r) {
        std::fprintf(stderr, "%s\n", r.error().detail.c_str());
        return 1;
    }
    AudienceFilter filter;
    filter.segmentId = 1;
    filter.countries = {"DE", "NL", "FR"};
    filter.ageBands = {"25-34", "35-44"};
    filter.interests = {"design", "programming"};
    std::int64_t matched = 0;
    std::printf("audience_count_200k %.1f\n", timed(5, [&] { matched = countAudienceMembers(db, filter).value(); }));
    std::vector<std::int64_t> all;
    std::printf("audience_ids_200k %.1f\n", timed(3, [&] { all = audienceMemberIds(db, AudienceFilter{}).value(); }));
    std::vector<ExportMember> exportMembers;
    std::printf("load_export_members_200k %.1f\n",
                timed(3, [&] { exportMembers = loadExportMembers(db, all).value(); }));
    CustomAudienceList list;
    std::printf("normalise_hash_200k %.1f\n", timed(3, [&] { list = buildCustomAudience(exportMembers).value(); }));
    std::printf("  (matched %lld, hashed rows %zu)\n", static_cast<long long>(matched), list.rows.size());

    std::string csv = "Ad set name,Day,Impressions,Link clicks,Amount spent (EUR),Results,Purchase conversion value\n";
    for (int set = 0; set < 60; ++set)
        for (int day = 0; day < 1000; ++day) {
            char line[160];
            std::snprintf(line, sizeof line, "Ad set %d,%04d-%02d-%02d,%d,%d,%.2f,%d,%.2f\n", set, 2020 + day / 336,
                          1 + (day / 28) % 12, 1 + day % 28, 10000 + day, 100 + set, 50.0 + set, set % 7,
                          20.0 * (set % 7));
            csv += line;
        }
    const FixedClock clock(1);
    double importMs = 0;
    {
        auto target = Database::createInMemory().value();
        const auto start = std::chrono::steady_clock::now();
        const auto s = importAdsCsv(target, csv, "bench.csv", clock).value();
        importMs = bench::ms(start);
        std::printf("import_ads_csv_60k_rows %.1f  (%lld days)\n", importMs, static_cast<long long>(s.days));
        std::vector<AdSetStats> stats;
        std::printf("ad_set_statistics_60x1000 %.1f\n", timed(5, [&] { stats = adSetStatistics(target).value(); }));
        std::printf("budget_plan_60_sets_20k_draws %.1f\n",
                    timed(5, [&] { (void)planBudget(stats, BudgetGoal::Conversions, 10000, 1, 20000).value(); }));
    }
    AbTestDefinition t;
    t.variants = {{"A", std::nullopt, 1}, {"B", std::nullopt, 2}, {"C", std::nullopt, 3}};
    std::printf("ab_evaluate_3_variants_1M_visitors %.1f\n", timed(5, [&] {
                    (void)evaluateAbCounts(t, {{10000, 1000000}, {10300, 1000000}, {10150, 1000000}}).value();
                }));
    return 0;
}
