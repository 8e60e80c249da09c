#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/AbStats.h"

namespace herald::engine {

class Clock;
class Database;

struct AbVariant
{
    std::string label;
    std::optional<std::int64_t> postId;
    std::optional<std::int64_t> adSetId;
};

/// A test as stored in ab_tests / ab_test_variants. Metrics: "ctr" (clicks per impression),
/// "engagement_rate" (likes + replies + reposts + quotes per impression, posts only), "conversion_rate"
/// (conversions per click, ad sets only). plannedSample is visitors per variant.
struct AbTestDefinition
{
    std::int64_t id = 0;
    std::string name;
    std::string subject = "ad_set"; // "post" or "ad_set"
    std::string metric = "ctr";
    std::optional<std::int64_t> windowStartUtc;
    std::optional<std::int64_t> windowEndUtc; // exclusive
    std::int64_t plannedSample = 0;
    std::string status = "running";
    std::int64_t createdUtc = 0;
    std::vector<AbVariant> variants;
};

/// Validates (name, subject, metric for the subject, two or more variants each naming one post or ad set
/// that exists, unique labels, window order) and inserts in one transaction; returns the id.
Result<std::int64_t> createAbTest(Database& db, AbTestDefinition test, const Clock& clock);
Result<std::vector<AbTestDefinition>> listAbTests(Database& db);
Result<AbTestDefinition> loadAbTest(Database& db, std::int64_t id);

/// A post or ad set a test can compare: id and a short label (ad-set name, post title or body start).
struct AbCandidate
{
    std::int64_t id = 0;
    std::string name;
};

/// Ad sets (newest first), or published posts (newest 500) for subject "post".
Result<std::vector<AbCandidate>> abTestCandidates(Database& db, const std::string& subject);

enum class AbTestKind { ZTest, Fisher, ChiSquared };
enum class AbVerdict {
    NotEnoughData, // a variant is below the planned sample (or has no visitors): no winner is called
    Winner,        // significant at alpha and the planned sample reached
    NoDifference,  // planned sample reached, not significant
};

struct AbVariantResult
{
    std::string label;
    std::int64_t conversions = 0;
    std::int64_t visitors = 0;
    double rate = 0.0;
    Interval interval; // Wilson at 1 - alpha
    double probabilityBest = 0.0;
    double expectedLoss = 0.0; // rate given up by choosing this variant
};

struct AbEvaluation
{
    AbTestDefinition test;
    std::vector<AbVariantResult> variants;
    double alpha = 0.05;
    bool testDefined = false; // false when the test statistic is undefined (e.g. no conversions at all)
    AbTestKind kind = AbTestKind::ZTest;
    double statistic = 0.0; // z, or chi-squared; 0 for Fisher
    double pValue = 1.0;
    bool significant = false;
    bool plannedSampleReached = false;
    AbVerdict verdict = AbVerdict::NotEnoughData;
    std::optional<std::size_t> best;            // index of the highest posterior P(best)
    std::optional<std::int64_t> neededPerGroup; // visitors per variant to detect the observed difference (80% power)
};

/// Reads the variants' counts from the store (posts: latest cumulative post_metrics inside the window; ad sets:
/// ad_metrics days inside the window) and evaluates. Test: two variants -> Fisher when an expected count is
/// below 5, else the pooled z-test; more -> chi-squared on the k x 2 table. NotFound for an unknown test.
Result<AbEvaluation> evaluateAbTest(Database& db, std::int64_t testId, double alpha = 0.05);
/// The same evaluation on given counts (labels and counts in order), for tests and what-ifs.
Result<AbEvaluation> evaluateAbCounts(const AbTestDefinition& test, const std::vector<VariantCounts>& counts,
                                      double alpha = 0.05);
/// JSON of an evaluation (numbers and verdict code, no prose), as saved in ab_tests.result_json.
std::string abEvaluationJson(const AbEvaluation& evaluation);
/// Writes abEvaluationJson into ab_tests.result_json.
Result<void> saveAbResult(Database& db, const AbEvaluation& evaluation);
const char* abVerdictKey(AbVerdict verdict);
const char* abTestKindKey(AbTestKind kind);

} // namespace herald::engine
