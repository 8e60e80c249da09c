#include <fstream>
#include <sstream>

#include <QTest>

#include <nlohmann/json.hpp>

#include "AdsFixture.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/AbTests.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/PostRepository.h"

using namespace herald;
using namespace herald::engine;
using nlohmann::json;

namespace {

json expectedTables()
{
    std::ifstream in(test::sharedDataDir() + "/ab_stats/expected/ab_stats.json");
    return json::parse(in);
}

AbTestDefinition twoArms(std::int64_t planned)
{
    AbTestDefinition t;
    t.id = 1;
    t.name = "t";
    t.plannedSample = planned;
    t.variants = {{"A", std::nullopt, 1}, {"B", std::nullopt, 2}};
    return t;
}

std::int64_t adSet(Database& db, const std::string& name)
{
    AdSet s;
    s.name = name;
    s.createdUtc = 1;
    return AdRepository(db).insertAdSet(s).value();
}

} // namespace

class TestAbTests : public QObject
{
    Q_OBJECT

private slots:
    // Every shared table of ../shared/datasets/ab_stats: the p-value of the test Herald picks equals the peer's
    // (statsmodels z-test, or scipy's Fisher where an expected count is below 5), and P(best) of B equals the
    // peer's P(B beats A).
    void sharedTables_data()
    {
        QTest::addColumn<QString>("name");
        const json expected = expectedTables();
        for (const auto& t : expected["tables"])
            QTest::newRow(t["name"].get<std::string>().c_str()) << QString::fromStdString(t["name"].get<std::string>());
    }

    void sharedTables()
    {
        QFETCH(QString, name);
        json table;
        const json expected = expectedTables();
        for (const auto& t : expected["tables"])
            if (t["name"] == name.toStdString())
                table = t;
        const std::vector<VariantCounts> counts = {
            {table["conv_a"].get<std::int64_t>(), table["n_a"].get<std::int64_t>()},
            {table["conv_b"].get<std::int64_t>(), table["n_b"].get<std::int64_t>()}};
        const auto e = evaluateAbCounts(twoArms(0), counts).value();
        QVERIFY(e.plannedSampleReached);
        const double nA = table["n_a"].get<double>();
        const double nB = table["n_b"].get<double>();
        const double conv = table["conv_a"].get<double>() + table["conv_b"].get<double>();
        const double minExpected = std::min({nA * conv / (nA + nB), nB * conv / (nA + nB),
                                             nA * (nA + nB - conv) / (nA + nB), nB * (nA + nB - conv) / (nA + nB)});
        if (minExpected < 5) {
            QCOMPARE(e.kind, AbTestKind::Fisher);
            QVERIFY(std::abs(e.pValue - table["fisher_exact_p_two_sided"].get<double>()) < 1e-9);
        } else {
            QCOMPARE(e.kind, AbTestKind::ZTest);
            if (table["ztest_pooled"]["p_two_sided"].is_null()) {
                QVERIFY(!e.testDefined);
            } else {
                QVERIFY(std::abs(e.pValue - table["ztest_pooled"]["p_two_sided"].get<double>()) < 1e-9);
                QVERIFY(std::abs(e.statistic - table["ztest_pooled"]["z"].get<double>()) < 1e-9);
            }
        }
        if (table.contains("bayes_prob_b_beats_a") && table["bayes_prob_b_beats_a"].is_number())
            QVERIFY(std::abs(e.variants[1].probabilityBest - table["bayes_prob_b_beats_a"].get<double>()) < 1e-6);
        const bool significant = e.testDefined && e.pValue < 0.05;
        QCOMPARE(e.verdict, significant ? AbVerdict::Winner : AbVerdict::NoDifference);
        QCOMPARE(e.variants[0].interval.low, wilsonInterval(counts[0].conversions, counts[0].visitors, 0.05).low);
    }

    void verdicts()
    {
        // typical: 10% vs 12% on 2,000 each, p = 0.043.
        const std::vector<VariantCounts> typical = {{200, 2000}, {240, 2000}};
        const auto winner = evaluateAbCounts(twoArms(2000), typical).value();
        QCOMPARE(winner.verdict, AbVerdict::Winner);
        QCOMPARE(winner.variants[*winner.best].label, std::string("B"));
        QVERIFY(winner.variants[1].expectedLoss < winner.variants[0].expectedLoss);
        QVERIFY(winner.neededPerGroup.has_value());
        // The same numbers before the planned sample: no winner is called.
        const auto early = evaluateAbCounts(twoArms(5000), typical).value();
        QCOMPARE(early.verdict, AbVerdict::NotEnoughData);
        QVERIFY(!early.plannedSampleReached);
        QVERIFY(early.significant);
        const auto same = evaluateAbCounts(twoArms(1500), {{150, 1500}, {150, 1500}}).value();
        QCOMPARE(same.verdict, AbVerdict::NoDifference);
        QVERIFY(std::abs(same.variants[0].probabilityBest - 0.5) < 1e-9);
        const auto empty = evaluateAbCounts(twoArms(0), {{0, 0}, {3, 10}}).value();
        QCOMPARE(empty.verdict, AbVerdict::NotEnoughData);
        QVERIFY(!evaluateAbCounts(twoArms(0), {{5, 4}, {1, 10}}));
        const auto saved = json::parse(abEvaluationJson(winner));
        QCOMPARE(saved["verdict"].get<std::string>(), std::string("winner"));
        QCOMPARE(saved["winner"].get<std::string>(), std::string("B"));
        QCOMPARE(saved["test"].get<std::string>(), std::string("z-test"));
        QCOMPARE(saved["variants"].size(), std::size_t(2));
    }

    void threeVariantsUseChiSquared()
    {
        AbTestDefinition t = twoArms(100);
        t.variants.push_back({"C", std::nullopt, 3});
        const auto e = evaluateAbCounts(t, {{100, 1000}, {130, 1000}, {90, 1000}}).value();
        QCOMPARE(e.kind, AbTestKind::ChiSquared);
        // Pearson chi-squared of [[100,900],[130,870],[90,910]] by hand: 9.0951492537 with 2 degrees of freedom.
        QVERIFY2(std::abs(e.statistic - 9.095149253731343) < 1e-9, QByteArray::number(e.statistic).constData());
        QVERIFY(std::abs(e.pValue - std::exp(-e.statistic / 2)) < 1e-12); // chi-squared sf with 2 dof
        QCOMPARE(e.variants[*e.best].label, std::string("B"));
        double sum = 0;
        for (const auto& v : e.variants)
            sum += v.probabilityBest;
        QVERIFY(std::abs(sum - 1) < 1e-9);
    }

    void adSetTestFromTheStore()
    {
        auto db = Database::createInMemory().value();
        const auto a = adSet(db, "feed");
        const auto b = adSet(db, "stories");
        AdRepository repo(db);
        test::must(repo.upsertMetric({a, "2026-05-01", 1000, 20, 10, 2, 0}));
        test::must(repo.upsertMetric({a, "2026-05-02", 1000, 10, 10, 1, 0}));
        test::must(repo.upsertMetric({a, "2026-05-09", 9000, 900, 10, 1, 0})); // after the window
        test::must(repo.upsertMetric({b, "2026-05-01", 1500, 60, 10, 5, 0}));
        AbTestDefinition t;
        t.name = "creative";
        t.subject = "ad_set";
        t.metric = "ctr";
        t.plannedSample = 1000;
        t.windowStartUtc = 1777593600; // 2026-05-01 00:00 UTC
        t.windowEndUtc = 1777766400;   // 2026-05-03 00:00 UTC, exclusive
        t.variants = {{"A", std::nullopt, a}, {"B", std::nullopt, b}};
        const FixedClock clock(1777000000);
        const auto id = createAbTest(db, t, clock).value();
        const auto e = evaluateAbTest(db, id).value();
        QCOMPARE(e.variants[0].visitors, std::int64_t(2000));
        QCOMPARE(e.variants[0].conversions, std::int64_t(30));
        QCOMPARE(e.variants[1].visitors, std::int64_t(1500));
        QCOMPARE(e.variants[1].conversions, std::int64_t(60));
        QCOMPARE(e.verdict, AbVerdict::Winner);
        test::must(saveAbResult(db, e));
        const auto stored = json::parse([&] {
            auto s = db.prepare("SELECT result_json FROM ab_tests WHERE id = ?1").value();
            s->bind(1, id);
            (void)s->step();
            auto text = s->text(0);
            s->reset();
            return text;
        }());
        QCOMPARE(stored["winner"].get<std::string>(), std::string("B"));
        QCOMPARE(listAbTests(db).value().size(), std::size_t(1));
        QCOMPARE(loadAbTest(db, id).value().variants.size(), std::size_t(2));
        QCOMPARE(abTestCandidates(db, "ad_set").value().size(), std::size_t(2));

        t.metric = "conversion_rate";
        const auto conv = evaluateAbTest(db, createAbTest(db, t, clock).value()).value();
        QCOMPARE(conv.variants[0].visitors, std::int64_t(30));
        QCOMPARE(conv.variants[0].conversions, std::int64_t(3));
        // Two tests list with their own variants.
        const auto tests = listAbTests(db).value();
        QCOMPARE(tests.size(), std::size_t(2));
        QCOMPARE(tests[1].variants.size(), std::size_t(2));
        QCOMPARE(*tests[1].variants[1].adSetId, b);
    }

    void postTestUsesLatestSnapshotInWindow()
    {
        auto db = Database::createInMemory().value();
        test::writeSmallAudience(db); // one account
        PostRepository posts(db);
        MetricRepository metrics(db);
        std::int64_t postIds[2] = {};
        for (int i = 0; i < 2; ++i) {
            Post p;
            p.status = PostStatus::Published;
            PostTarget target;
            target.accountId = 1;
            target.status = PostStatus::Published;
            target.publishedUtc = 1000;
            target.externalId = "p" + std::to_string(i);
            p.targets.push_back(target);
            postIds[i] = posts.insert(p).value();
        }
        auto targetOf = [&](std::int64_t post) {
            return static_cast<std::int64_t>(
                test::scalar(db, "SELECT id FROM post_targets WHERE post_id = " + std::to_string(post)));
        };
        // Cumulative snapshots: the one at ts 3000 is after the window and must not count.
        for (auto [ts, impressions, likes, replies] :
             {std::tuple{1500, 100.0, 5.0, 1.0}, std::tuple{2500, 400.0, 20.0, 4.0},
              std::tuple{3000, 900.0, 90.0, 9.0}}) {
            test::must(metrics.upsertPostMetric({targetOf(postIds[0]), "impressions", ts, impressions}));
            test::must(metrics.upsertPostMetric({targetOf(postIds[0]), "likes", ts, likes}));
            test::must(metrics.upsertPostMetric({targetOf(postIds[0]), "replies", ts, replies}));
            test::must(metrics.upsertPostMetric({targetOf(postIds[1]), "impressions", ts, impressions * 2}));
            test::must(metrics.upsertPostMetric({targetOf(postIds[1]), "likes", ts, likes}));
        }
        AbTestDefinition t;
        t.name = "hook";
        t.subject = "post";
        t.metric = "engagement_rate";
        t.windowStartUtc = 1000;
        t.windowEndUtc = 3000;
        t.plannedSample = 100;
        t.variants = {{"A", postIds[0], std::nullopt}, {"B", postIds[1], std::nullopt}};
        const auto id = createAbTest(db, t, FixedClock(1)).value();
        const auto e = evaluateAbTest(db, id).value();
        QCOMPARE(e.variants[0].visitors, std::int64_t(400));
        QCOMPARE(e.variants[0].conversions, std::int64_t(24));
        QCOMPARE(e.variants[1].visitors, std::int64_t(800));
        QCOMPARE(e.variants[1].conversions, std::int64_t(20));
        QCOMPARE(e.variants[*e.best].label, std::string("A"));
    }

    void rejectsBadDefinitions()
    {
        auto db = Database::createInMemory().value();
        const auto a = adSet(db, "a");
        const FixedClock clock(1);
        AbTestDefinition t;
        t.name = "x";
        t.variants = {{"A", std::nullopt, a}};
        QVERIFY(createAbTest(db, t, clock).error().detail.find("two or more") != std::string::npos);
        t.variants.push_back({"B", std::nullopt, 999});
        QCOMPARE(createAbTest(db, t, clock).error().code, ErrorCode::NotFound);
        t.variants[1] = {"A", std::nullopt, a};
        QVERIFY(createAbTest(db, t, clock).error().detail.find("unique") != std::string::npos);
        t.variants[1] = {"B", std::nullopt, a};
        t.metric = "engagement_rate";
        QVERIFY(createAbTest(db, t, clock).error().detail.find("does not apply") != std::string::npos);
        t.metric = "ctr";
        t.windowStartUtc = 10;
        t.windowEndUtc = 5;
        QVERIFY(createAbTest(db, t, clock).error().detail.find("ends before") != std::string::npos);
        QCOMPARE(test::scalar(db, "SELECT COUNT(*) FROM ab_tests"), 0.0);
        QCOMPARE(evaluateAbTest(db, 77).error().code, ErrorCode::NotFound);
    }
};

QTEST_APPLESS_MAIN(TestAbTests)
#include "tst_abtests.moc"
