#include "herald/engine/ads/AbTests.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "herald/engine/Clock.h"
#include "herald/engine/analytics/SpecialFunctions.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

// Civil date (UTC) of epoch seconds as YYYY-MM-DD (Howard Hinnant's days-to-civil).
std::string utcDay(std::int64_t utc)
{
    const std::int64_t z = (utc >= 0 ? utc / 86400 : (utc - 86399) / 86400) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

bool metricFits(const std::string& subject, const std::string& metric)
{
    if (metric == "ctr")
        return true;
    if (metric == "engagement_rate")
        return subject == "post";
    if (metric == "conversion_rate")
        return subject == "ad_set";
    return false;
}

Result<bool> exists(Database& db, const char* sql, std::int64_t id)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, id);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    const bool found = *row;
    (*stmt)->reset();
    return found;
}

Result<VariantCounts> adSetCounts(Database& db, const AbTestDefinition& t, std::int64_t adSetId)
{
    auto stmt = db.prepare("SELECT COALESCE(SUM(impressions), 0), COALESCE(SUM(clicks), 0), "
                           "COALESCE(SUM(conversions), 0) FROM ad_metrics WHERE ad_set_id = ?1 "
                           "AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day < ?3)");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::optional<std::string> from;
    std::optional<std::string> to;
    if (t.windowStartUtc)
        from = utcDay(*t.windowStartUtc);
    if (t.windowEndUtc)
        to = utcDay(*t.windowEndUtc + 86399); // the end is exclusive: a day that starts before it counts
    (*stmt)->bind(1, adSetId).bind(2, from).bind(3, to);
    auto row = (*stmt)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::int64_t impressions = (*stmt)->int64(0);
    const std::int64_t clicks = (*stmt)->int64(1);
    const std::int64_t conversions = (*stmt)->int64(2);
    (*stmt)->reset();
    if (t.metric == "conversion_rate")
        return VariantCounts{std::min(conversions, clicks), clicks};
    return VariantCounts{std::min(clicks, impressions), impressions};
}

Result<VariantCounts> postCounts(Database& db, const AbTestDefinition& t, std::int64_t postId)
{
    // Counters are cumulative snapshots: the latest inside the window is the largest, per target and metric.
    auto stmt = db.prepare("SELECT metric, SUM(v) FROM (SELECT m.target_id, m.metric, MAX(m.value) AS v "
                           "FROM post_targets pt JOIN post_metrics m ON m.target_id = pt.id WHERE pt.post_id = ?1 "
                           "AND (?2 IS NULL OR m.ts_utc >= ?2) AND (?3 IS NULL OR m.ts_utc < ?3) "
                           "GROUP BY m.target_id, m.metric) GROUP BY metric");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, postId).bind(2, t.windowStartUtc).bind(3, t.windowEndUtc);
    double impressions = 0;
    double clicks = 0;
    double engagements = 0;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        const std::string metric = (*stmt)->text(0);
        const double v = (*stmt)->real(1);
        if (metric == "impressions")
            impressions = v;
        else if (metric == "clicks")
            clicks = v;
        else if (metric == "likes" || metric == "replies" || metric == "reposts" || metric == "quotes")
            engagements += v;
    }
    const auto visitors = std::llround(impressions);
    const auto conversions = std::llround(t.metric == "ctr" ? clicks : engagements);
    if (conversions > visitors)
        return fail(ErrorCode::Invalid, "post " + std::to_string(postId) + " has more " +
                                            (t.metric == "ctr" ? "clicks" : "engagements") +
                                            " than impressions; the rate is undefined");
    return VariantCounts{conversions, visitors};
}

} // namespace

const char* abVerdictKey(AbVerdict v)
{
    switch (v) {
    case AbVerdict::NotEnoughData:
        return "not_enough_data";
    case AbVerdict::Winner:
        return "winner";
    case AbVerdict::NoDifference:
        return "no_difference";
    }
    return "not_enough_data";
}

const char* abTestKindKey(AbTestKind k)
{
    switch (k) {
    case AbTestKind::ZTest:
        return "z-test";
    case AbTestKind::Fisher:
        return "fisher";
    case AbTestKind::ChiSquared:
        return "chi-squared";
    }
    return "z-test";
}

Result<std::int64_t> createAbTest(Database& db, AbTestDefinition t, const Clock& clock)
{
    if (t.name.empty())
        return fail(ErrorCode::Invalid, "an A/B test needs a name");
    if (t.subject != "post" && t.subject != "ad_set")
        return fail(ErrorCode::Invalid, "subject must be post or ad_set, not \"" + t.subject + "\"");
    if (!metricFits(t.subject, t.metric))
        return fail(ErrorCode::Invalid, "metric \"" + t.metric + "\" does not apply to a " + t.subject +
                                            " test (ctr; engagement_rate for posts; conversion_rate for ad sets)");
    if (t.variants.size() < 2)
        return fail(ErrorCode::Invalid, "an A/B test needs two or more variants");
    if (t.plannedSample < 0)
        return fail(ErrorCode::Invalid, "the planned sample cannot be negative");
    if (t.windowStartUtc && t.windowEndUtc && *t.windowEndUtc <= *t.windowStartUtc)
        return fail(ErrorCode::Invalid, "the window ends before it starts");
    std::set<std::string> labels;
    for (const auto& v : t.variants) {
        if (v.label.empty() || !labels.insert(v.label).second)
            return fail(ErrorCode::Invalid, "variant labels must be non-empty and unique (\"" + v.label + "\")");
        const auto id = t.subject == "post" ? v.postId : v.adSetId;
        if (!id || (t.subject == "post" ? v.adSetId : v.postId))
            return fail(ErrorCode::Invalid, "variant " + v.label + " must name exactly one " + t.subject);
        auto found = exists(
            db, t.subject == "post" ? "SELECT 1 FROM posts WHERE id = ?1" : "SELECT 1 FROM ad_sets WHERE id = ?1", *id);
        if (!found)
            return tl::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound,
                        "variant " + v.label + ": no " + t.subject + " with id " + std::to_string(*id));
    }
    auto tx = Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto insert =
        db.prepare("INSERT INTO ab_tests(name, subject, metric, window_start, window_end, planned_sample, status, "
                   "created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!insert)
        return tl::unexpected(insert.error());
    (*insert)->bind(1, t.name).bind(2, t.subject).bind(3, t.metric).bind(4, t.windowStartUtc).bind(5, t.windowEndUtc);
    (*insert)->bind(6, t.plannedSample).bind(7, t.status).bind(8, clock.nowUtc());
    if (auto r = (*insert)->run(); !r)
        return tl::unexpected(r.error());
    const std::int64_t id = db.lastInsertRowId();
    auto variant =
        db.prepare("INSERT INTO ab_test_variants(test_id, label, post_id, ad_set_id) VALUES (?1, ?2, ?3, ?4)");
    if (!variant)
        return tl::unexpected(variant.error());
    for (const auto& v : t.variants)
        if (auto r = (*variant)->bind(1, id).bind(2, v.label).bind(3, v.postId).bind(4, v.adSetId).run(); !r)
            return tl::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return id;
}

namespace {

Result<std::vector<AbTestDefinition>> queryTests(Database& db, std::optional<std::int64_t> id)
{
    auto stmt = db.prepare("SELECT id, name, subject, metric, window_start, window_end, planned_sample, status, "
                           "created_utc FROM ab_tests WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, id);
    auto tests = (*stmt)->collect([](const Statement& s) {
        AbTestDefinition t;
        t.id = s.int64(0);
        t.name = s.text(1);
        t.subject = s.text(2);
        t.metric = s.text(3);
        t.windowStartUtc = s.optionalInt64(4);
        t.windowEndUtc = s.optionalInt64(5);
        t.plannedSample = s.int64(6);
        t.status = s.text(7);
        t.createdUtc = s.int64(8);
        return t;
    });
    if (!tests)
        return tests;
    auto& out = *tests;
    auto variants =
        db.prepare("SELECT label, post_id, ad_set_id FROM ab_test_variants WHERE test_id = ?1 ORDER BY label");
    if (!variants)
        return tl::unexpected(variants.error());
    using Variant = decltype(AbTestDefinition::variants)::value_type;
    for (auto& t : out) {
        (*variants)->bind(1, t.id);
        auto rows = (*variants)->collect([](const Statement& s) {
            return Variant{s.text(0), s.optionalInt64(1), s.optionalInt64(2)};
        });
        if (!rows)
            return tl::unexpected(rows.error());
        t.variants = std::move(*rows);
    }
    return tests;
}

} // namespace

Result<std::vector<AbCandidate>> abTestCandidates(Database& db, const std::string& subject)
{
    auto stmt = db.prepare(subject == "post"
                               ? "SELECT id, substr(CASE WHEN title <> '' THEN title ELSE body END, 1, 80) FROM posts "
                                 "WHERE status = 'published' ORDER BY id DESC LIMIT 500"
                               : "SELECT id, name FROM ad_sets ORDER BY id DESC");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<AbCandidate> out;
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        out.push_back({(*stmt)->int64(0), (*stmt)->text(1)});
    }
    return out;
}

Result<std::vector<AbTestDefinition>> listAbTests(Database& db)
{
    return queryTests(db, std::nullopt);
}

Result<AbTestDefinition> loadAbTest(Database& db, std::int64_t id)
{
    auto all = queryTests(db, id);
    if (!all)
        return tl::unexpected(all.error());
    if (all->empty())
        return fail(ErrorCode::NotFound, "no A/B test with id " + std::to_string(id));
    return all->front();
}

Result<AbEvaluation> evaluateAbCounts(const AbTestDefinition& test, const std::vector<VariantCounts>& counts,
                                      double alpha)
{
    if (counts.size() < 2 || counts.size() != test.variants.size())
        return fail(ErrorCode::Invalid, "an A/B test needs counts for two or more variants");
    if (!(alpha > 0 && alpha < 1))
        return fail(ErrorCode::Invalid, "alpha must be in (0, 1)");
    AbEvaluation e;
    e.test = test;
    e.alpha = alpha;
    bool allHaveVisitors = true;
    e.plannedSampleReached = true;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const auto& c = counts[i];
        if (c.conversions < 0 || c.visitors < 0 || c.conversions > c.visitors)
            return fail(ErrorCode::Invalid,
                        "variant " + test.variants[i].label + ": conversions outside [0, visitors]");
        AbVariantResult v;
        v.label = test.variants[i].label;
        v.conversions = c.conversions;
        v.visitors = c.visitors;
        if (c.visitors > 0) {
            v.rate = static_cast<double>(c.conversions) / static_cast<double>(c.visitors);
            v.interval = wilsonInterval(c.conversions, c.visitors, alpha);
        }
        allHaveVisitors = allHaveVisitors && c.visitors > 0;
        e.plannedSampleReached = e.plannedSampleReached && c.visitors >= std::max<std::int64_t>(1, test.plannedSample);
        e.variants.push_back(v);
    }
    if (!allHaveVisitors) {
        e.plannedSampleReached = false;
        e.verdict = AbVerdict::NotEnoughData;
        return e;
    }
    // Expected counts of the k x 2 table decide between the asymptotic tests and Fisher's exact test.
    double conversions = 0;
    double visitors = 0;
    for (const auto& c : counts) {
        conversions += static_cast<double>(c.conversions);
        visitors += static_cast<double>(c.visitors);
    }
    double minExpected = visitors;
    for (const auto& c : counts) {
        const double n = static_cast<double>(c.visitors);
        minExpected = std::min({minExpected, n * conversions / visitors, n * (visitors - conversions) / visitors});
    }
    if (counts.size() == 2) {
        const AbTable table{counts[0].conversions, counts[0].visitors, counts[1].conversions, counts[1].visitors};
        if (minExpected < 5) {
            e.kind = AbTestKind::Fisher;
            e.testDefined = true;
            e.pValue = fisherExactTwoSided(table.conversionsA, table.visitorsA - table.conversionsA, table.conversionsB,
                                           table.visitorsB - table.conversionsB);
        } else {
            const ZTest z = twoProportionZTest(table);
            e.kind = AbTestKind::ZTest;
            e.testDefined = z.defined;
            e.statistic = z.defined ? z.z : 0.0;
            e.pValue = z.defined ? z.pTwoSided : 1.0;
        }
        const double pA = static_cast<double>(table.conversionsA) / static_cast<double>(table.visitorsA);
        const double pB = static_cast<double>(table.conversionsB) / static_cast<double>(table.visitorsB);
        if (pA > 0 && pA < 1 && pB != pA && pB > 0 && pB < 1) {
            SampleSizeOptions o;
            o.baselineRate = pA;
            o.minimumDetectableEffect = pB - pA;
            o.alpha = alpha;
            if (auto n = sampleSize(o))
                e.neededPerGroup = n->perGroupCeil;
        }
    } else {
        e.kind = AbTestKind::ChiSquared;
        if (conversions > 0 && conversions < visitors) {
            double chi = 0;
            for (const auto& c : counts) {
                const double n = static_cast<double>(c.visitors);
                const double expConv = n * conversions / visitors;
                const double expNot = n - expConv;
                const double conv = static_cast<double>(c.conversions);
                chi +=
                    (conv - expConv) * (conv - expConv) / expConv + (n - conv - expNot) * (n - conv - expNot) / expNot;
            }
            e.testDefined = true;
            e.statistic = chi;
            e.pValue = chiSquaredSf(chi, static_cast<double>(counts.size() - 1));
        }
    }
    e.significant = e.testDefined && e.pValue < alpha;
    auto best = probabilityBest(counts);
    if (!best)
        return tl::unexpected(best.error());
    for (std::size_t i = 0; i < counts.size(); ++i) {
        e.variants[i].probabilityBest = best->probabilityBest[i];
        e.variants[i].expectedLoss = best->expectedLoss[i];
    }
    e.best = static_cast<std::size_t>(std::max_element(best->probabilityBest.begin(), best->probabilityBest.end()) -
                                      best->probabilityBest.begin());
    if (!e.plannedSampleReached)
        e.verdict = AbVerdict::NotEnoughData;
    else
        e.verdict = e.significant ? AbVerdict::Winner : AbVerdict::NoDifference;
    return e;
}

Result<AbEvaluation> evaluateAbTest(Database& db, std::int64_t testId, double alpha)
{
    auto test = loadAbTest(db, testId);
    if (!test)
        return tl::unexpected(test.error());
    if (test->variants.size() < 2)
        return fail(ErrorCode::Invalid, "A/B test " + std::to_string(testId) + " has fewer than two variants");
    std::vector<VariantCounts> counts;
    for (const auto& v : test->variants) {
        Result<VariantCounts> c = VariantCounts{};
        if (test->subject == "post" && v.postId)
            c = postCounts(db, *test, *v.postId);
        else if (test->subject == "ad_set" && v.adSetId)
            c = adSetCounts(db, *test, *v.adSetId);
        if (!c)
            return tl::unexpected(c.error());
        counts.push_back(*c);
    }
    return evaluateAbCounts(*test, counts, alpha);
}

std::string abEvaluationJson(const AbEvaluation& e)
{
    using nlohmann::json;
    json variants = json::array();
    for (const auto& v : e.variants)
        variants.push_back({{"label", v.label},
                            {"conversions", v.conversions},
                            {"visitors", v.visitors},
                            {"rate", v.rate},
                            {"interval", {v.interval.low, v.interval.high}},
                            {"probability_best", v.probabilityBest},
                            {"expected_loss", v.expectedLoss}});
    json j = {{"test_id", e.test.id},
              {"name", e.test.name},
              {"subject", e.test.subject},
              {"metric", e.test.metric},
              {"planned_sample_per_variant", e.test.plannedSample},
              {"alpha", e.alpha},
              {"test", abTestKindKey(e.kind)},
              {"test_defined", e.testDefined},
              {"statistic", e.statistic},
              {"p_value", e.pValue},
              {"significant", e.significant},
              {"planned_sample_reached", e.plannedSampleReached},
              {"verdict", abVerdictKey(e.verdict)},
              {"variants", variants}};
    j["best"] = e.best ? json(e.variants[*e.best].label) : json(nullptr);
    j["winner"] = e.verdict == AbVerdict::Winner && e.best ? json(e.variants[*e.best].label) : json(nullptr);
    j["needed_per_variant"] = e.neededPerGroup ? json(*e.neededPerGroup) : json(nullptr);
    return j.dump(2);
}

Result<void> saveAbResult(Database& db, const AbEvaluation& e)
{
    auto stmt = db.prepare("UPDATE ab_tests SET result_json = ?2 WHERE id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    return (*stmt)->bind(1, e.test.id).bind(2, abEvaluationJson(e)).run();
}

} // namespace herald::engine
