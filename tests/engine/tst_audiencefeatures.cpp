#include <QTest>

#include "AudienceFixture.h"
#include "herald/engine/store/AudienceFeatures.h"
#include "herald/engine/store/Statement.h"

using namespace herald;
using namespace herald::engine;
using namespace herald::test;

namespace {

// Three members of account A with hand-counted events, one member of account B.
struct Small
{
    Database db = Database::createInMemory().value();
    std::int64_t a = 0, b = 0, empty = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0;

    Small()
    {
        a = addAccount(db, Platform::Mastodon, "1");
        b = addAccount(db, Platform::Bluesky, "2");
        empty = addAccount(db, Platform::X, "3");
        m1 = addMember(db, a, "ana", "en", "DE", kAudienceNow - 10 * kDay, 100, {"photo", "travel"});
        m2 = addMember(db, a, "ben", "en", "US", std::nullopt, 0, {"photo"});
        m3 = addMember(db, a, "cao", "de", "DE", kAudienceNow - 30 * kDay, 1000, {});
        m4 = addMember(db, b, "dan", "fr", "FR", kAudienceNow - 5 * kDay, 7, {"food"});
        addEvent(db, m1, EventKind::Like, kAudienceNow - 2 * kDay + 20 * kHour);   // evening
        addEvent(db, m1, EventKind::Reply, kAudienceNow - 1 * kDay + 9 * kHour);   // morning
        addEvent(db, m1, EventKind::Follow, kAudienceNow - 10 * kDay);             // not an engagement
        addEvent(db, m2, EventKind::Repost, kAudienceNow - 5 * kDay + 14 * kHour); // afternoon
        addEvent(db, m2, EventKind::Quote, kAudienceNow - 5 * kDay + 15 * kHour);  // afternoon
        addEvent(db, m2, EventKind::Click, kAudienceNow - 4 * kDay + 2 * kHour);   // night
        addEvent(db, m2, EventKind::Like, kAudienceNow - 3 * kDay + 21 * kHour);   // evening
        addEvent(db, m4, EventKind::Like, kAudienceNow - 1 * kDay);
    }
};

double value(const AudienceFeatures& f, std::size_t row, const std::string& column)
{
    for (std::size_t c = 0; c < f.columns.size(); ++c)
        if (f.columns[c].id == column)
            return f.values(static_cast<Eigen::Index>(row), static_cast<Eigen::Index>(c));
    throw std::runtime_error("no column " + column);
}

std::vector<std::string> columnIds(const AudienceFeatures& f)
{
    std::vector<std::string> ids;
    for (const auto& c : f.columns)
        ids.push_back(c.id);
    return ids;
}

} // namespace

class TestAudienceFeatures : public QObject
{
    Q_OBJECT

private slots:
    void catalogueHasIdsLabelsAndKinds()
    {
        const auto& catalogue = audienceFeatureCatalogue();
        QCOMPARE(catalogue.size(), std::size_t(12));
        QCOMPARE(catalogue.front().id, std::string("recency"));
        for (const auto& f : catalogue) {
            QVERIFY(!f.label.empty());
            const bool oneHot = f.id == "languages" || f.id == "countries" || f.id == "interests";
            QCOMPARE(f.kind == FeatureKind::OneHot, oneHot);
        }
    }

    void knownValuesOfOneAccount()
    {
        Small s;
        AudienceFeatureRequest request;
        request.accountIds = {s.a};
        request.nowUtc = kAudienceNow;
        auto built = buildAudienceFeatures(s.db, request);
        QVERIFY2(built, built ? "" : built.error().detail.c_str());
        const auto& f = *built;
        QCOMPARE(f.memberIds, (std::vector<std::int64_t>{s.m1, s.m2, s.m3}));
        QCOMPARE(f.handles, (std::vector<std::string>{"ana", "ben", "cao"}));
        QCOMPARE(columnIds(f),
                 (std::vector<std::string>{"recency", "frequency", "like_share", "reply_share", "repost_share",
                                           "click_share", "daypart:night", "daypart:morning", "daypart:afternoon",
                                           "daypart:evening", "language:en", "language:de", "country:DE", "country:US",
                                           "interest:photo", "interest:travel", "followers", "follower_age"}));
        QCOMPARE(f.values.rows(), Eigen::Index(3));

        // ana: like 2 days before at 20:00, reply 1 day before at 09:00 (15 hours before now).
        QCOMPARE(value(f, 0, "recency"), 0.625);
        QCOMPARE(value(f, 0, "frequency"), 2.0);
        QCOMPARE(value(f, 0, "like_share"), 0.5);
        QCOMPARE(value(f, 0, "reply_share"), 0.5);
        QCOMPARE(value(f, 0, "repost_share"), 0.0);
        QCOMPARE(value(f, 0, "daypart:morning"), 0.5);
        QCOMPARE(value(f, 0, "daypart:evening"), 0.5);
        QCOMPARE(value(f, 0, "language:en"), 1.0);
        QCOMPARE(value(f, 0, "country:US"), 0.0);
        QCOMPARE(value(f, 0, "interest:travel"), 1.0);
        QCOMPARE(value(f, 0, "followers"), 100.0);
        QCOMPARE(value(f, 0, "follower_age"), 10.0);

        // ben: a repost and a quote (both reposts), a click at night, a like 3 days before at 21:00.
        QCOMPARE(value(f, 1, "recency"), 2.125);
        QCOMPARE(value(f, 1, "frequency"), 4.0);
        QCOMPARE(value(f, 1, "like_share"), 0.25);
        QCOMPARE(value(f, 1, "repost_share"), 0.5);
        QCOMPARE(value(f, 1, "click_share"), 0.25);
        QCOMPARE(value(f, 1, "daypart:night"), 0.25);
        QCOMPARE(value(f, 1, "daypart:afternoon"), 0.5);
        QCOMPARE(value(f, 1, "interest:photo"), 1.0);
        QCOMPARE(value(f, 1, "interest:travel"), 0.0);
        QCOMPARE(value(f, 1, "follower_age"), 20.0); // unknown: the mean of 10 and 30

        // cao never engaged: recency at the cap, shares zero.
        QCOMPARE(value(f, 2, "recency"), 365.0);
        QCOMPARE(value(f, 2, "frequency"), 0.0);
        QCOMPARE(value(f, 2, "reply_share"), 0.0);
        QCOMPARE(value(f, 2, "language:de"), 1.0);
        QCOMPARE(value(f, 2, "followers"), 1000.0);
        QCOMPARE(f.columns.back().kind, FeatureKind::Numeric);
        QVERIFY(f.columns[16].logScale); // followers
        QVERIFY(!f.columns[0].logScale); // recency

        // Descriptors for profiles.
        QCOMPARE(f.descriptors.engagements, (std::vector<std::int64_t>{2, 4, 0}));
        QCOMPARE(f.descriptors.interestOffsets, (std::vector<std::int64_t>{0, 2, 3, 3}));
    }

    void chosenFeaturesAndTopCategories()
    {
        Small s;
        AudienceFeatureRequest request;
        request.nowUtc = kAudienceNow;
        request.features = {"countries", "reply_share"};
        request.topCategories = 1;
        auto f = buildAudienceFeatures(s.db, request).value();
        QCOMPARE(f.memberIds.size(), std::size_t(4)); // every account
        QCOMPARE(columnIds(f), (std::vector<std::string>{"reply_share", "country:DE"}));
        QCOMPARE(f.columns[1].kind, FeatureKind::OneHot);
        QCOMPARE(value(f, 3, "country:DE"), 0.0);
        QCOMPARE(value(f, 2, "country:DE"), 1.0);
    }

    void dayPartsFollowTheZoneOffset()
    {
        Small s;
        AudienceFeatureRequest request;
        request.accountIds = {s.a};
        request.nowUtc = kAudienceNow;
        request.features = {"active_hours"};
        request.utcOffset = [](std::int64_t) { return 5 * 3600; };
        auto f = buildAudienceFeatures(s.db, request).value();
        // ana at 20:00 and 09:00 UTC is at 01:00 (night) and 14:00 (afternoon) at UTC+5.
        QCOMPARE(value(f, 0, "daypart:night"), 0.5);
        QCOMPARE(value(f, 0, "daypart:afternoon"), 0.5);
        QCOMPARE(value(f, 0, "daypart:evening"), 0.0);
    }

    void badInput_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown feature") << 0 << int(ErrorCode::Invalid)
                                         << QStringLiteral("unknown audience feature \"shoe_size\"");
        QTest::newRow("unknown account") << 1 << int(ErrorCode::NotFound)
                                         << QStringLiteral("account 999 does not exist");
        QTest::newRow("empty account") << 2 << int(ErrorCode::Invalid)
                                       << QStringLiteral("the chosen accounts have no audience members");
        QTest::newRow("empty workspace") << 3 << int(ErrorCode::Invalid)
                                         << QStringLiteral("the workspace has no audience members");
    }

    void badInput()
    {
        QFETCH(int, which);
        QFETCH(int, code);
        QFETCH(QString, text);
        Small s;
        auto fresh = Database::createInMemory().value();
        AudienceFeatureRequest request;
        request.nowUtc = kAudienceNow;
        if (which == 0)
            request.features = {"recency", "shoe_size"};
        else if (which == 1)
            request.accountIds = {999};
        else if (which == 2)
            request.accountIds = {s.empty};
        auto built = buildAudienceFeatures(which == 3 ? fresh : s.db, request);
        QVERIFY(!built);
        QCOMPARE(int(built.error().code), code);
        QVERIFY2(QString::fromStdString(built.error().detail).contains(text), built.error().detail.c_str());
    }

    void cancelStopsCleanly()
    {
        Small s;
        AudienceFeatureRequest request;
        request.nowUtc = kAudienceNow;
        auto built = buildAudienceFeatures(s.db, request, [](double) { return false; });
        QVERIFY(!built);
        QCOMPARE(built.error().code, ErrorCode::Cancelled);
    }
};

QTEST_APPLESS_MAIN(TestAudienceFeatures)
#include "tst_audiencefeatures.moc"
