#include <QTest>

#include "AudienceFixture.h"
#include "herald/engine/store/AudienceRecommendations.h"
#include "herald/engine/store/AudienceSegmentation.h"
#include "herald/engine/store/SegmentStore.h"
#include "herald/engine/store/Statement.h"

using namespace herald;
using namespace herald::engine;
using namespace herald::test;

namespace {

constexpr int kPerGroup = 40;

// Three behaviours, 40 members each: morning likers into photography and travel, evening repliers into
// photography and cooking, night clickers into travel. Each group engaged with its own tagged post.
struct Groups
{
    Database db = Database::createInMemory().value();
    std::int64_t account = 0;
    std::vector<std::int64_t> members[3];

    Groups()
    {
        account = addAccount(db, Platform::Mastodon, "1");
        const std::int64_t posts[3] = {addPost(db, account, "Sunrise walk", {"photography", "morning"}),
                                       addPost(db, account, "Ask us anything", {"ama", "community"}),
                                       addPost(db, account, "Night sale", {"deals"})};
        const EventKind kinds[3] = {EventKind::Like, EventKind::Reply, EventKind::Click};
        const std::int64_t hours[3] = {8, 20, 2};
        const std::vector<std::string> interests[3] = {{"photo", "travel"}, {"photo", "cooking"}, {"travel"}};
        for (int g = 0; g < 3; ++g)
            for (int i = 0; i < kPerGroup; ++i) {
                const auto id = addMember(db, account, "m" + std::to_string(g) + "_" + std::to_string(i), "en", "DE",
                                          kAudienceNow - 100 * kDay, 0, interests[g]);
                members[g].push_back(id);
                for (int e = 0; e < 1 + i % 3; ++e)
                    addEvent(db, id, kinds[g], kAudienceNow - (2 + e) * kDay + hours[g] * kHour, posts[g]);
            }
    }

    AudienceFeatures features(std::vector<std::string> chosen = {"like_share", "reply_share", "click_share",
                                                                 "active_hours"})
    {
        AudienceFeatureRequest request;
        request.nowUtc = kAudienceNow;
        request.features = std::move(chosen);
        return buildAudienceFeatures(db, request).value();
    }
};

std::int64_t count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql).value();
    stmt->step().value();
    const auto n = stmt->int64(0);
    stmt->reset();
    return n;
}

const SegmentTrait* trait(const SegmentProfile& p, const std::string& column)
{
    for (const auto& t : p.traits)
        if (t.column == column)
            return &t;
    return nullptr;
}

} // namespace

class TestSegmentation : public QObject
{
    Q_OBJECT

private slots:
    void findsTheThreeGroups()
    {
        Groups g;
        const auto features = g.features();
        SegmentationOptions options;
        options.k = 3;
        auto run = segmentAudience(features, options);
        QVERIFY2(run, run ? "" : run.error().detail.c_str());
        QCOMPARE(run->k, 3);
        QCOMPARE(run->segments.size(), std::size_t(3));
        // Zero-variance columns (nobody engaged in the afternoon) are dropped and listed.
        QCOMPARE(run->dropped, (std::vector<std::string>{"daypart:afternoon"}));
        for (const auto& s : run->segments) {
            QCOMPARE(s.size, std::int64_t(kPerGroup));
            QCOMPARE(s.share, 1.0 / 3.0);
        }
        // Each group is exactly one segment.
        for (const auto& group : g.members) {
            const auto first = run->labels[static_cast<std::size_t>(group.front() - g.members[0].front())];
            for (auto id : group)
                QCOMPARE(run->labels[static_cast<std::size_t>(id - g.members[0].front())], first);
        }
        // The repliers' segment: reply share 1 against 1/3 overall, mostly evening, photo and cooking.
        const int repliers = run->labels[static_cast<std::size_t>(g.members[1].front() - g.members[0].front())];
        const auto& p = run->segments[static_cast<std::size_t>(repliers)];
        const auto* reply = trait(p, "reply_share");
        QVERIFY(reply);
        QCOMPARE(reply->segmentMean, 1.0);
        QCOMPARE(reply->overallMean, 1.0 / 3.0);
        QVERIFY(reply->deviation > 1.0);
        QCOMPARE(p.dayparts[3], 1.0);
        QCOMPARE(p.overallDayparts[3], 1.0 / 3.0);
        QCOMPARE(p.interests.size(), std::size_t(2));
        QCOMPARE(p.interests[0].share, 1.0);
        QCOMPARE(p.languages.front().name, std::string("en"));
        QCOMPARE(p.meanEngagements, 79.0 / 40.0); // 1, 2, 3 events in turn: 14 ones, 13 twos, 13 threes
        // Well separated: silhouettes near 1, and a 2-D projection of every member.
        QCOMPARE(run->points.size(), std::size_t(3 * kPerGroup));
        QVERIFY(run->silhouette > 0.9);
        QVERIFY(run->explainedVarianceRatio[0] > 0.3);
    }

    void choosesKBySilhouette()
    {
        Groups g;
        SegmentationOptions options;
        options.k = 0;
        options.kMax = 6;
        auto run = segmentAudience(g.features(), options).value();
        QVERIFY(run.chosenBySilhouette);
        QCOMPARE(run.k, 3);
        QCOMPARE(run.perK.size(), std::size_t(5));
    }

    void savedRunReloadsIdentical()
    {
        Groups g;
        SegmentationOptions options;
        options.k = 3;
        const auto run = segmentAudience(g.features(), options).value();
        auto id = saveSegmentRun(g.db, run, "Spring", kAudienceNow);
        QVERIFY2(id, id ? "" : id.error().detail.c_str());
        QCOMPARE(count(g.db, "SELECT COUNT(*) FROM segments"), std::int64_t(3));
        QCOMPARE(count(g.db, "SELECT COUNT(*) FROM segment_members"), std::int64_t(3 * kPerGroup));

        auto loaded = loadSegmentRun(g.db, *id);
        QVERIFY2(loaded, loaded ? "" : loaded.error().detail.c_str());
        QCOMPARE(loaded->name, std::string("Spring"));
        QCOMPARE(loaded->k, 3);
        QCOMPARE(loaded->columns, run.columns);
        QCOMPARE(loaded->features, run.features);
        QCOMPARE(loaded->silhouette, run.silhouette);
        QCOMPARE(loaded->createdUtc, kAudienceNow);
        QCOMPARE(loaded->segments.size(), run.segments.size());
        for (std::size_t s = 0; s < run.segments.size(); ++s) {
            const auto& a = run.segments[s];
            const auto& b = loaded->segments[s];
            QCOMPARE(segmentProfileJson(b), segmentProfileJson(a));
            QCOMPARE(b.size, a.size);
            QCOMPARE(b.share, a.share);
            QCOMPARE(b.traits.size(), a.traits.size());
            for (std::size_t t = 0; t < a.traits.size(); ++t) {
                QCOMPARE(b.traits[t].column, a.traits[t].column);
                QCOMPARE(b.traits[t].deviation, a.traits[t].deviation);
                QCOMPARE(b.traits[t].segmentMean, a.traits[t].segmentMean);
            }
            QCOMPARE(b.dayparts, a.dayparts);
            QCOMPARE(b.meanSilhouette, a.meanSilhouette);
            std::vector<std::int64_t> expected;
            for (auto r : segmentRows(run, int(s)))
                expected.push_back(run.memberIds[static_cast<std::size_t>(r)]);
            QCOMPARE(loaded->members[s], expected);
        }

        auto runs = listSegmentRuns(g.db).value();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].runId, *id);
        QVERIFY(runs[0].members.empty());

        // The same name again is refused and nothing is written.
        auto again = saveSegmentRun(g.db, run, "Spring", kAudienceNow + 1);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Invalid);
        QVERIFY(QString::fromStdString(again.error().detail).contains(QStringLiteral("already named \"Spring\"")));
        QCOMPARE(count(g.db, "SELECT COUNT(*) FROM segments"), std::int64_t(3));
        QVERIFY(!saveSegmentRun(g.db, run, "  ", kAudienceNow));

        // A second run on other features, compared with the first.
        SegmentationOptions two;
        two.k = 2;
        const auto other = segmentAudience(g.features({"like_share"}), two).value();
        const auto otherId = saveSegmentRun(g.db, other, "Likers", kAudienceNow + 60).value();
        QCOMPARE(listSegmentRuns(g.db).value().front().name, std::string("Likers")); // newest first
        auto cmp = compareSegmentRuns(g.db, *id, otherId);
        QVERIFY2(cmp, cmp ? "" : cmp.error().detail.c_str());
        QCOMPARE(cmp->overlap.size(), std::size_t(3));
        QCOMPARE(cmp->overlap[0].size(), std::size_t(2));
        std::int64_t total = 0;
        int exact = 0;
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 2; ++j) {
                total += cmp->overlap[i][j];
                exact += cmp->jaccard[i][j] == 1.0;
            }
        QCOMPARE(total, std::int64_t(3 * kPerGroup));
        QCOMPARE(exact, 1); // the likers are one segment in both runs
        QCOMPARE(compareSegmentRuns(g.db, *id, "nope").error().code, ErrorCode::NotFound);

        QVERIFY(deleteSegmentRun(g.db, otherId));
        QCOMPARE(listSegmentRuns(g.db).value().size(), std::size_t(1));
        QCOMPARE(count(g.db, "SELECT COUNT(*) FROM segment_members"), std::int64_t(3 * kPerGroup));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<int>("k");
        QTest::addColumn<QString>("text");
        QTest::newRow("too few members") << QStringList{QStringLiteral("like_share")} << 200
                                         << QStringLiteral(
                                                "200 segments need at least 200 members; the audience has 120");
        QTest::newRow("no variance") << QStringList{QStringLiteral("followers"), QStringLiteral("repost_share")} << 2
                                     << QStringLiteral("none of the chosen features varies across the 120 members");
    }

    void badInput()
    {
        QFETCH(QStringList, features);
        QFETCH(int, k);
        QFETCH(QString, text);
        Groups g;
        std::vector<std::string> chosen;
        for (const auto& f : features)
            chosen.push_back(f.toStdString());
        SegmentationOptions options;
        options.k = k;
        auto run = segmentAudience(g.features(chosen), options);
        QVERIFY(!run);
        QCOMPARE(run.error().code, ErrorCode::Invalid);
        QVERIFY2(QString::fromStdString(run.error().detail).contains(text), run.error().detail.c_str());
        QCOMPARE(count(g.db, "SELECT COUNT(*) FROM segments"), std::int64_t(0));
    }

    void tooFewToChooseK()
    {
        Groups g;
        auto features = g.features();
        features.values.conservativeResize(2, features.values.cols());
        features.memberIds.resize(2);
        SegmentationOptions options;
        auto run = segmentAudience(features, options);
        QVERIFY(!run);
        QVERIFY2(QString::fromStdString(run.error().detail).contains(QStringLiteral("needs at least 3 members")),
                 run.error().detail.c_str());
    }

    void cancelLeavesNoResult()
    {
        Groups g;
        SegmentationOptions options;
        options.k = 3;
        int calls = 0;
        auto run = segmentAudience(g.features(), options, [&calls](double) { return ++calls < 3; });
        QVERIFY(!run);
        QCOMPARE(run.error().code, ErrorCode::Cancelled);
    }

    void interestRulesAndFilter()
    {
        Groups g;
        const auto features = g.features();
        AssociationOptions options;
        options.minSupport = 0.1;
        options.minConfidence = 0.1;
        auto rules = mineInterestRules(features.descriptors, {}, options);
        QVERIFY2(rules, rules ? "" : rules.error().detail.c_str());
        // 120 baskets: photo 80, travel 80, cooking 40; photo+travel 40, photo+cooking 40.
        QCOMPARE(rules->size(), std::size_t(4));
        const auto& best = rules->front(); // by lift: cooking => photo or photo => cooking (1.5)
        QCOMPARE(best.lift, 1.5);
        QCOMPARE(best.support, 1.0 / 3.0);
        QCOMPARE(best.count, std::int64_t(40));

        auto confident = filterInterestRules(*rules, {0.0, 0.9, 0.0});
        QCOMPARE(confident.size(), std::size_t(1));
        QCOMPARE(confident[0].lhs, (std::vector<std::string>{"cooking"}));
        QCOMPARE(confident[0].rhs, std::string("photo"));
        QCOMPARE(confident[0].confidence, 1.0);
        QCOMPARE(filterInterestRules(*rules, {0.0, 0.0, 1.2}).size(), std::size_t(2));
        QCOMPARE(filterInterestRules(*rules, {0.0, 0.0, 0.7}).size(), std::size_t(4));
        QCOMPARE(filterInterestRules(*rules, {0.34, 0.0, 0.0}).size(), std::size_t(0));

        // Rules of one segment: the night clickers only like travel, so there is no rule.
        std::vector<std::int64_t> clickers;
        for (int i = 0; i < kPerGroup; ++i)
            clickers.push_back(2 * kPerGroup + i);
        auto none = mineInterestRules(features.descriptors, clickers, options);
        QVERIFY(none);
        QVERIFY(none->empty());
        auto outside = mineInterestRules(features.descriptors, {9999}, options);
        QVERIFY(!outside);
    }

    void recommendationsPerSegment()
    {
        Groups g;
        SegmentationOptions options;
        options.k = 3;
        const auto run = segmentAudience(g.features(), options).value();
        auto recs = recommendForSegments(g.db, run.memberIds, run.labels, run.k);
        QVERIFY2(recs, recs ? "" : recs.error().detail.c_str());
        QCOMPARE(recs->size(), std::size_t(3));
        const int repliers = run.labels[static_cast<std::size_t>(kPerGroup)];
        const auto& r = (*recs)[static_cast<std::size_t>(repliers)];
        QCOMPARE(r.posts.size(), std::size_t(1));
        QCOMPARE(r.posts[0].title, std::string("Ask us anything"));
        QCOMPARE(r.posts[0].engagements, std::int64_t(79)); // 40 members with 1, 2 and 3 replies in turn
        QCOMPARE(r.posts[0].lift, 3.0);
        QCOMPARE(r.tags.size(), std::size_t(2));
        std::vector<std::string> tags{r.tags[0].tag, r.tags[1].tag};
        std::sort(tags.begin(), tags.end());
        QCOMPARE(tags, (std::vector<std::string>{"ama", "community"}));
        QCOMPARE(r.tags[0].engagements, std::int64_t(79));
        QCOMPARE(r.tags[0].lift, 3.0);
        QVERIFY(!recommendForSegments(g.db, run.memberIds, {0}, 3));
    }
};

QTEST_APPLESS_MAIN(TestSegmentation)
#include "tst_segmentation.moc"
