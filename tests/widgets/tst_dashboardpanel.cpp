#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <sqlite3.h>

#include "TestSupport.h"
#include "WorkspaceFixture.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/CommentRepository.h"
#include "herald/widgets/DashboardPanel.h"

using namespace herald;

namespace {

const QDate kToday(2026, 3, 31); // the fixture spans the 29 March 2026 DST change in Berlin

// Independent aggregates straight from SQLite, written differently from the engine's query.
struct Expected
{
    double followers = 0, followersBefore = 0, impressions = 0, engagements = 0;
    qint64 posts = 0;
};

Expected expected(const std::string& path, const QDate& from, const QDate& to, qint64 account)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    const QTimeZone zone("Europe/Berlin");
    auto one = [db](const QString& sql) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &s, nullptr);
        double v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_double(s, 0) : -1;
        sqlite3_finalize(s);
        return v;
    };
    const QString filter = account ? QStringLiteral(" AND account_id = %1").arg(account) : QString();
    const QString f = from.toString(Qt::ISODate), t = to.toString(Qt::ISODate);
    Expected e;
    auto levelAt = [&](const QString& cmp, const QString& day) {
        return one(QStringLiteral("SELECT COALESCE(SUM(value), 0) FROM (SELECT value, ROW_NUMBER() OVER "
                                  "(PARTITION BY account_id ORDER BY day DESC) AS rn FROM account_metrics "
                                  "WHERE metric = 'followers' AND day %1 '%2'%3) WHERE rn = 1")
                       .arg(cmp, day, filter));
    };
    e.followers = levelAt(QStringLiteral("<="), t);
    e.followersBefore = levelAt(QStringLiteral("<"), f);
    e.impressions = one(QStringLiteral("SELECT TOTAL(value) FROM account_metrics WHERE metric = 'impressions' "
                                       "AND julianday(day) BETWEEN julianday('%1') AND julianday('%2')%3")
                            .arg(f, t, filter));
    e.engagements = one(QStringLiteral("SELECT TOTAL(value) FROM account_metrics WHERE metric = 'engagements' "
                                       "AND julianday(day) BETWEEN julianday('%1') AND julianday('%2')%3")
                            .arg(f, t, filter));
    const qint64 fromUtc = QDateTime(from, QTime(0, 0), zone).toSecsSinceEpoch();
    const qint64 toUtc = QDateTime(to.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
    e.posts = qint64(one(QStringLiteral("SELECT COUNT(*) FROM post_targets WHERE status = 'published' AND "
                                        "published_utc BETWEEN %1 AND %2%3")
                             .arg(fromUtc)
                             .arg(toUtc - 1)
                             .arg(filter)));
    sqlite3_close(db);
    return e;
}

QString cardValue(QWidget* panel, const char* card)
{
    auto* label = panel->findChild<QWidget*>(QLatin1String(card))->findChild<QLabel*>(QStringLiteral("value"));
    return label ? label->text() : QString();
}

} // namespace

class TestDashboardPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
    }

    void figuresEqualSqlAggregates_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("accountIndex"); // 0 = all
        QTest::newRow("7 days, all") << 7 << 0;
        QTest::newRow("28 days, all") << 28 << 0;
        QTest::newRow("90 days, all") << 90 << 0;
        QTest::newRow("28 days, first account") << 28 << 1;
        QTest::newRow("7 days, second account") << 7 << 2;
    }

    void figuresEqualSqlAggregates()
    {
        QFETCH(int, days);
        QFETCH(int, accountIndex);
        test::TempFolder dir;
        const auto path = dir.path("dash.herald");
        test::writeSmallWorkspace(path, kToday);
        engine::FixedClock clock(QDateTime(kToday, QTime(15, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        ui::DashboardPanel panel(clock);
        QSignalSpy shown(&panel, &ui::DashboardPanel::figuresShown);
        auto snap = ui::loadWorkspaceSnapshot(QString::fromStdString(path));
        QVERIFY(snap);
        panel.setWorkspace(*snap);
        QVERIFY(shown.wait(5000));
        panel.setPresetDays(days);
        const qint64 account = accountIndex ? snap->accounts[std::size_t(accountIndex - 1)].id : 0;
        panel.setAccountFilter(account);
        // Earlier answers are dropped as stale; wait for the one to the last selection.
        QCOMPARE(panel.range().days(), qint64(days));
        QTRY_VERIFY_WITH_TIMEOUT(panel.isUpToDate(), 5000);

        const auto e = expected(path, kToday.addDays(-(days - 1)), kToday, account);
        QCOMPARE(cardValue(&panel, "followersCard"), QString::number(e.followers, 'f', 0));
        QCOMPARE(cardValue(&panel, "followerGrowthCard"),
                 QStringLiteral("+") + QString::number(e.followers - e.followersBefore, 'f', 0));
        QCOMPARE(cardValue(&panel, "impressionsCard"), QString::number(e.impressions, 'f', 0));
        QCOMPARE(cardValue(&panel, "engagementsCard"), QString::number(e.engagements, 'f', 0));
        QCOMPARE(cardValue(&panel, "postsPublishedCard"), QString::number(e.posts));
        QCOMPARE(cardValue(&panel, "engagementRateCard"),
                 QString::number(e.engagements / e.impressions * 100, 'f', 2) + QLatin1Char('%'));
        QVERIFY(e.posts > 0);
    }

    void sentimentAndCampaigns()
    {
        test::TempFolder dir;
        const auto path = dir.path("talk.herald");
        test::writeSmallWorkspace(path, kToday);
        {
            auto db = engine::Database::open(path).value();
            engine::CommentRepository comments(db);
            const auto noon = QDateTime(kToday, QTime(12, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch();
            const char* bodies[] = {"I love this, great work!", "This is terrible and broken.", "Posted at noon",
                                    "这个功能非常好用"};
            for (int i = 0; i < 4; ++i) {
                engine::Comment c;
                c.accountId = 1;
                c.externalId = std::to_string(i);
                c.body = bodies[i];
                c.timestampUtc = noon - i * 60;
                comments.upsert(c).value();
            }
            engine::Campaign spring;
            spring.name = "Spring <launch>";
            spring.startDay = "2026-03-01";
            spring.endDay = "2026-04-30";
            spring.budget = 1000;
            spring.goalTarget = 50;
            engine::CampaignRepository(db).insert(spring).value();
        }
        engine::FixedClock clock(QDateTime(kToday, QTime(15, 0), QTimeZone("Europe/Berlin")).toSecsSinceEpoch());
        ui::DashboardPanel panel(clock);
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value());
        QTRY_VERIFY_WITH_TIMEOUT(panel.isUpToDate(), 5000);
        const QString sentiment = panel.findChild<QLabel*>(QStringLiteral("sentimentLabel"))->text();
        QVERIFY2(sentiment.startsWith(QStringLiteral("4 comments")), qPrintable(sentiment));
        QVERIFY2(sentiment.contains(QStringLiteral("50%</b> positive")), qPrintable(sentiment));
        QVERIFY2(sentiment.contains(QStringLiteral("25%</b> negative")), qPrintable(sentiment));
        const QString campaigns = panel.findChild<QLabel*>(QStringLiteral("campaignsLabel"))->text();
        QVERIFY2(campaigns.contains(QStringLiteral("Spring &lt;launch&gt;")), qPrintable(campaigns)); // escaped
        QVERIFY2(campaigns.contains(QStringLiteral("0 results of 50")), qPrintable(campaigns));
    }

    void emptyWorkspaceShowsZerosAndMessage()
    {
        test::TempFolder dir;
        const auto path = dir.path("empty.herald");
        QVERIFY(engine::Database::create(path));
        engine::FixedClock clock(1774000000);
        ui::DashboardPanel panel(clock);
        panel.show();
        QSignalSpy shown(&panel, &ui::DashboardPanel::figuresShown);
        panel.setWorkspace(ui::loadWorkspaceSnapshot(QString::fromStdString(path)).value());
        QVERIFY(shown.wait(5000));
        QCOMPARE(cardValue(&panel, "impressionsCard"), QStringLiteral("0"));
        QCOMPARE(cardValue(&panel, "followersCard"), QStringLiteral("0"));
        QCOMPARE(cardValue(&panel, "engagementRateCard"), QStringLiteral("0.00%"));
        auto* message = panel.findChild<QLabel*>(QStringLiteral("dashboardMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("no accounts")));
    }

    void noWorkspaceSaysSo()
    {
        engine::FixedClock clock(1774000000);
        ui::DashboardPanel panel(clock);
        panel.show();
        auto* message = panel.findChild<QLabel*>(QStringLiteral("dashboardMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("No workspace")));
        QCOMPARE(cardValue(&panel, "followersCard"), QStringLiteral("–"));
    }
};

QTEST_MAIN(TestDashboardPanel)
#include "tst_dashboardpanel.moc"
