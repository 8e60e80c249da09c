#include <map>

#include <QTest>

#include "herald/widgets/QtZoneConverter.h"
#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PostingSlots.h"
#include "herald/engine/store/PublishQueue.h"
#include "herald/engine/store/Statement.h"

using namespace herald;
using namespace herald::engine;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1773648000 - 7 * 86400; // 2026-03-09T08:00Z, a Monday
constexpr const char* kBerlin = "Europe/Berlin";

std::int64_t addAccount(Database& db, const std::string& handle, Platform platform = Platform::Mastodon)
{
    Account a;
    a.platform = platform;
    a.handle = handle;
    a.baseUrl = "https://example.social";
    a.externalId = handle;
    a.timeZone = kBerlin;
    a.createdUtc = kNow;
    must(AccountRepository(db).upsert(a));
    return a.id;
}

Post scheduledPost(const std::string& body, const Schedule& when, std::vector<std::int64_t> accounts)
{
    Post p;
    p.body = body;
    p.status = PostStatus::Scheduled;
    p.localTime = when.localTime;
    p.timeZone = when.timeZone;
    p.scheduledUtc = when.utc;
    p.createdUtc = p.updatedUtc = kNow;
    for (auto id : accounts) {
        PostTarget t;
        t.accountId = id;
        p.targets.push_back(t);
    }
    return p;
}

Schedule berlin(const std::string& local)
{
    const auto utc = ui::QtZoneConverter().toUtc(local, kBerlin);
    if (!utc)
        throw std::runtime_error("no instant for " + local);
    return Schedule{local, kBerlin, *utc};
}

std::int64_t scalar(Database& db, const std::string& sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        return -1;
    const auto v = (*stmt)->int64(0);
    (*stmt)->reset();
    return v;
}

} // namespace

class TestPublishStore : public QObject
{
    Q_OBJECT

private slots:
    void zoneConverterHandlesDst()
    {
        ui::QtZoneConverter zones;
        QCOMPARE(zones.toUtc("2026-03-16T09:00", kBerlin), std::optional<std::int64_t>(1773648000));
        QCOMPARE(zones.toUtc("2026-03-30T09:00", kBerlin), std::optional<std::int64_t>(1774854000));
        QVERIFY(!zones.toUtc("2026-03-29T02:30", kBerlin)); // skipped by the change to summer time
        // 02:30 on 2026-10-25 happens twice; the earlier (summer time, UTC+2) instant wins.
        QCOMPARE(zones.toUtc("2026-10-25T02:30", kBerlin), std::optional<std::int64_t>(1792888200));
        QCOMPARE(zones.toLocal(1774854000, kBerlin), std::string("2026-03-30T09:00"));
        QVERIFY(!zones.toUtc("2026-03-16T09:00", "Mars/Olympus"));
        QCOMPARE(isoWeekday(CivilDate{2026, 3, 16}), 1);
        QCOMPARE(isoWeekday(CivilDate{2026, 3, 22}), 7);
        QCOMPARE(formatCivilDate(civilFromDays(daysFromCivil(CivilDate{2024, 2, 29}) + 1)), std::string("2024-03-01"));
    }

    void calendarReturnsRangeWithTargetsTagsAndColour()
    {
        auto db = Database::createInMemory();
        QVERIFY(db);
        const auto ana = addAccount(*db, "ana");
        const auto bob = addAccount(*db, "bob", Platform::Bluesky);
        Campaign c;
        c.name = "Launch";
        c.colour = "#ff0000";
        c.createdUtc = kNow;
        must(CampaignRepository(*db).insert(c));

        PostEditor editor(*db);
        Post first = scheduledPost("first", berlin("2026-03-16T09:00"), {ana, bob});
        first.campaignId = c.id;
        first.tags = {"launch", "Beta"};
        must(editor.create(first));
        Post second = scheduledPost("second", berlin("2026-03-17T12:30"), {bob});
        must(editor.create(second));
        Post outside = scheduledPost("outside", berlin("2026-04-20T09:00"), {ana});
        must(editor.create(outside));
        Post draft;
        draft.body = "idea";
        draft.createdUtc = draft.updatedUtc = kNow;
        must(editor.create(draft));

        CalendarQuery calendar(*db);
        const std::int64_t from = berlin("2026-03-16T00:00").utc;
        const std::int64_t to = berlin("2026-03-23T00:00").utc;
        auto week = calendar.between(from, to);
        QVERIFY(week);
        QCOMPARE(week->size(), std::size_t(2));
        const auto& e = week->front();
        QCOMPARE(e.postId, first.id);
        QCOMPARE(e.campaignColour, std::string("#ff0000"));
        QCOMPARE(e.campaignName, std::string("Launch"));
        QCOMPARE(e.localTime, std::string("2026-03-16T09:00"));
        QCOMPARE(e.status, PostStatus::Scheduled);
        QCOMPARE(e.targets.size(), std::size_t(2));
        QCOMPARE(e.targets[0].accountId, ana);
        QCOMPARE(e.targets[1].platform, Platform::Bluesky);
        QCOMPARE(e.targets[1].accountHandle, std::string("bob"));
        QCOMPARE(e.tags, (std::vector<std::string>{"Beta", "launch"}));
        QCOMPARE(week->back().body, std::string("second"));

        CalendarFilter byAccount;
        byAccount.accountIds = {ana};
        auto anas = calendar.between(from, to, byAccount);
        QCOMPARE(anas->size(), std::size_t(1));
        QCOMPARE(anas->front().targets.size(), std::size_t(2)); // the filter picks posts, not targets
        CalendarFilter byTag;
        byTag.tags = {"LAUNCH"};
        QCOMPARE(calendar.between(from, to, byTag)->size(), std::size_t(1));
        CalendarFilter byCampaign;
        byCampaign.campaignIds = {c.id};
        QCOMPARE(calendar.between(from, to, byCampaign)->front().postId, first.id);
        CalendarFilter byStatus;
        byStatus.statuses = {PostStatus::Draft};
        QCOMPARE(calendar.between(from, to, byStatus)->size(), std::size_t(0));
        auto drafts = calendar.unscheduled();
        QCOMPARE(drafts->size(), std::size_t(1));
        QCOMPARE(drafts->front().body, std::string("idea"));
        QCOMPARE(calendar.entry(outside.id).value()->localTime, std::string("2026-04-20T09:00"));
    }

    void rescheduleCancelDuplicateUpdate()
    {
        auto db = Database::createInMemory();
        const auto ana = addAccount(*db, "ana");
        const auto bob = addAccount(*db, "bob");
        PostEditor editor(*db);
        const Schedule original = berlin("2026-03-16T09:00");
        Post p = scheduledPost("hello", original, {ana});
        p.tags = {"one"};
        must(editor.create(p));

        const Schedule moved = berlin("2026-03-18T17:00");
        auto previous = editor.reschedule(p.id, moved, kNow);
        QVERIFY(previous);
        QCOMPARE((*previous)->utc, original.utc);
        QCOMPARE((*previous)->localTime, original.localTime);
        QCOMPARE(scalar(*db, "SELECT next_attempt_utc FROM post_targets"), moved.utc);
        // Undo: back to the exact previous instant.
        must(editor.reschedule(p.id, **previous, kNow));
        QCOMPARE(scalar(*db, "SELECT scheduled_utc FROM posts WHERE id = 1"), original.utc);
        QCOMPARE(scalar(*db, "SELECT next_attempt_utc FROM post_targets"), original.utc);

        PostContent content;
        content.body = std::string("hello again");
        content.tags = std::vector<std::string>{"two", "three"};
        content.variants = std::vector<std::pair<std::int64_t, std::string>>{{ana, ""}, {bob, "hi bob"}};
        must(editor.update(p.id, content, kNow));
        auto entry = CalendarQuery(*db).entry(p.id).value();
        QCOMPARE(entry->body, std::string("hello again"));
        QCOMPARE(entry->tags, (std::vector<std::string>{"three", "two"}));
        QCOMPARE(entry->targets.size(), std::size_t(2));
        QCOMPARE(entry->targets[1].status, PostStatus::Scheduled);
        QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM post_targets WHERE variant_text = 'hi bob' AND next_attempt_utc = " +
                                 std::to_string(original.utc)),
                 std::int64_t(1));

        auto copy = editor.duplicate(p.id, kNow);
        QVERIFY(copy);
        auto copied = CalendarQuery(*db).entry(*copy).value();
        QCOMPARE(copied->status, PostStatus::Draft);
        QCOMPARE(copied->targets.size(), std::size_t(2));
        QCOMPARE(copied->targets[0].status, PostStatus::Draft);
        QCOMPARE(copied->tags.size(), std::size_t(2));

        QVERIFY(!editor.removeDraft(p.id)); // scheduled: refused
        must(editor.cancel(p.id, kNow));
        QCOMPARE(CalendarQuery(*db).entry(p.id).value()->status, PostStatus::Cancelled);
        QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM post_targets WHERE post_id = 1 AND status = 'cancelled'"),
                 std::int64_t(2));
        must(editor.removeDraft(p.id));
        QVERIFY(!CalendarQuery(*db).entry(p.id).value());
        must(editor.removeDraft(*copy));
    }

    void threadIsWrittenRewrittenAndTravelsWithItsFirstPost()
    {
        test::TempFolder folder;
        auto db = Database::create(folder.path("w.herald")).value();
        const auto a = addAccount(db, "a");
        const auto b = addAccount(db, "b", Platform::Bluesky);
        const auto c = addAccount(db, "c", Platform::X);
        PostEditor editor(db);
        const auto when = berlin("2026-03-20T09:00");
        auto root = scheduledPost("1/3", when, {a, b});
        root.tags = {"launch"};
        const auto rootId = editor.create(root).value();

        // Three follow-ups, one with its own text on Bluesky.
        std::vector<ThreadPart> parts{{"2/3", "2/3 more", {}}, {"3/3", "3/3 end", {{b, "3/3 end on Bluesky"}}},
                                      {"4", "4 extra", {}}};
        const auto ids = editor.setThread(rootId, parts, kNow).value();
        QCOMPARE(ids.size(), std::size_t(3));
        QCOMPARE(editor.thread(rootId).value(), ids);
        auto second = CalendarQuery(db).entry(ids[0]).value().value();
        QCOMPARE(second.parentPostId, std::optional<std::int64_t>(rootId));
        QCOMPARE(second.status, PostStatus::Scheduled);
        QCOMPARE(second.scheduledUtc, std::optional<std::int64_t>(when.utc));
        QCOMPARE(second.targets.size(), std::size_t(2));
        QCOMPARE(second.tags, std::vector<std::string>{"launch"});
        QCOMPARE(CalendarQuery(db).entry(ids[2]).value()->parentPostId, std::optional<std::int64_t>(ids[1]));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM post_targets WHERE variant_text = '3/3 end on Bluesky' AND post_id = " +
                                std::to_string(ids[1]) + " AND account_id = " + std::to_string(b)),
                 std::int64_t(1));

        // Rewritten with two parts after the first post gained X: the same two posts, the third gone.
        PostContent withX;
        withX.variants = std::vector<std::pair<std::int64_t, std::string>>{{a, ""}, {b, ""}, {c, ""}};
        must(editor.update(rootId, withX, kNow));
        const auto rewritten = editor.setThread(rootId, {{"2/2", "2/2 shorter", {}}, {"x", "last", {}}}, kNow).value();
        QCOMPARE(rewritten, (std::vector<std::int64_t>{ids[0], ids[1]}));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM posts"), std::int64_t(3));
        QCOMPARE(CalendarQuery(db).entry(ids[0]).value()->body, std::string("2/2 shorter"));
        QCOMPARE(CalendarQuery(db).entry(ids[1]).value()->targets.size(), std::size_t(3));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM post_targets WHERE variant_text <> ''"), std::int64_t(0));

        // The calendar moves the first post: the follow-ups at its time move too, and back on undo.
        const auto later = berlin("2026-03-21T18:30");
        const auto previous = editor.reschedule(rootId, later, kNow).value();
        for (auto id : rewritten)
            QCOMPARE(CalendarQuery(db).entry(id).value()->scheduledUtc, std::optional<std::int64_t>(later.utc));
        must(editor.reschedule(rootId, *previous, kNow));
        for (auto id : rewritten)
            QCOMPARE(CalendarQuery(db).entry(id).value()->localTime, std::string("2026-03-20T09:00"));
        // A reply planned for another time (heraldctl post add --reply-to) stays where it is.
        auto aside = scheduledPost("an hour later", berlin("2026-03-20T10:00"), {a});
        aside.parentPostId = rootId;
        const auto asideId = editor.create(aside).value();
        must(editor.reschedule(rootId, later, kNow));
        QCOMPARE(CalendarQuery(db).entry(asideId).value()->localTime, std::string("2026-03-20T10:00"));
        QCOMPARE(editor.thread(rootId).value(), rewritten); // not part of the thread: a later reply

        // Duplicating the first post copies the thread as drafts, each replying to the copy before.
        const auto copy = editor.duplicate(rootId, kNow).value();
        const auto copies = editor.thread(copy).value();
        QCOMPARE(copies.size(), std::size_t(2));
        QCOMPARE(CalendarQuery(db).entry(copies[0]).value()->body, std::string("2/2 shorter"));
        QCOMPARE(CalendarQuery(db).entry(copies[1]).value()->parentPostId, std::optional<std::int64_t>(copies[0]));
        QCOMPARE(CalendarQuery(db).entry(copies[1]).value()->status, PostStatus::Draft);
        must(editor.removeDraft(copy));

        // Cancelling the first post cancels everything below it.
        must(editor.cancel(rootId, kNow));
        for (auto id : {rewritten[0], rewritten[1], asideId})
            QCOMPARE(CalendarQuery(db).entry(id).value()->status, PostStatus::Cancelled);
        // An empty thread deletes the follow-ups (and what hangs below them).
        QCOMPARE(editor.setThread(rootId, {}, kNow).value().size(), std::size_t(0));
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM posts"), std::int64_t(2));
    }

    void threadRefusesToDropPublishedFollowUps()
    {
        test::TempFolder folder;
        auto db = Database::create(folder.path("w.herald")).value();
        const auto a = addAccount(db, "a");
        PostEditor editor(db);
        auto root = scheduledPost("1/2", berlin("2026-03-20T09:00"), {a});
        const auto rootId = editor.create(root).value();
        const auto ids = editor.setThread(rootId, {{"2/2", "2/2", {}}}, kNow).value();
        auto target = scalar(db, "SELECT id FROM post_targets WHERE post_id = " + std::to_string(ids[0]));
        must(PublishQueue(db).markPublished(target, "9", "https://example.social/@a/9", kNow));
        const auto refused = editor.setThread(rootId, {}, kNow);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(scalar(db, "SELECT COUNT(*) FROM posts"), std::int64_t(2));
    }

    void publishQueueClaimsOnceAndDerivesStatus()
    {
        auto db = Database::createInMemory();
        const auto ana = addAccount(*db, "ana");
        const auto bob = addAccount(*db, "bob");
        PostEditor editor(*db);
        const Schedule when = berlin("2026-03-16T09:00");
        Post p = scheduledPost("go", when, {ana, bob});
        must(editor.create(p));
        PublishQueue queue(*db);
        QCOMPARE(queue.due(when.utc - 1)->size(), std::size_t(0));
        auto due = queue.due(when.utc);
        QCOMPARE(due->size(), std::size_t(2));
        QCOMPARE(due->front().text, std::string("go"));

        const auto target = due->front().targetId;
        auto key = queue.claim(target, "key-1", when.utc);
        QCOMPARE(key.value(), std::optional<std::string>("key-1"));
        QVERIFY(!queue.claim(target, "key-2", when.utc).value()); // already claimed
        QCOMPARE(CalendarQuery(*db).entry(p.id).value()->status, PostStatus::Publishing);
        QCOMPARE(queue.inFlight()->size(), std::size_t(1));
        must(queue.markRetry(target, when.utc + 120, "HTTP 500"));
        QCOMPARE(queue.due(when.utc + 60)->size(), std::size_t(1)); // only the other target
        // A retry keeps the stored key.
        QCOMPARE(queue.claim(target, "key-3", when.utc + 120).value(), std::optional<std::string>("key-1"));
        QCOMPARE(queue.target(target).value()->attempts, 2);
        must(queue.markPublished(target, "1001", "https://example.social/@ana/1001", when.utc + 121));
        QCOMPARE(CalendarQuery(*db).entry(p.id).value()->status, PostStatus::Scheduled);
        const auto other = due->back().targetId;
        QVERIFY(queue.claim(other, "key-4", when.utc).value());
        must(queue.markFailed(other, "Validation failed: Text too long"));
        auto entry = CalendarQuery(*db).entry(p.id).value();
        QCOMPARE(entry->status, PostStatus::Failed);
        QCOMPARE(entry->targets[1].lastError, std::string("Validation failed: Text too long"));
        QCOMPARE(entry->targets[0].permalink, std::string("https://example.social/@ana/1001"));

        must(editor.retryTarget(other, when.utc + 600, when.utc + 300));
        QCOMPARE(CalendarQuery(*db).entry(p.id).value()->status, PostStatus::Scheduled);
        QCOMPARE(queue.due(when.utc + 600)->front().attempts, 0);

        QVERIFY(!queue.lastRun().value());
        auto run = queue.beginRun("cli", when.utc);
        must(queue.finishRun(*run, when.utc + 5, 1, 1, ""));
        auto last = queue.lastRun().value();
        QCOMPARE(last->source, std::string("cli"));
        QCOMPARE(last->finishedUtc, std::optional<std::int64_t>(when.utc + 5));
        QCOMPARE(last->published, 1);
    }

    void queueTakesNextFreeSlot()
    {
        auto db = Database::createInMemory();
        const auto ana = addAccount(*db, "ana");
        PostingSlots posting(*db);
        std::vector<PostingSlot> weekdays;
        for (int day = 1; day <= 5; ++day) {
            weekdays.push_back({day, 9 * 60});
            weekdays.push_back({day, 12 * 60 + 30});
        }
        must(posting.setSlots(ana, weekdays));
        QCOMPARE(posting.slotsOf(ana)->size(), std::size_t(10));
        QVERIFY(!posting.setSlots(ana, {{8, 0}}));
        ui::QtZoneConverter zones;

        // Friday 27 March 2026, 10:00 Berlin (still winter time): next is 12:30 the same day.
        const std::int64_t friday = berlin("2026-03-27T10:00").utc;
        auto next = posting.nextFreeSlot({ana}, friday, zones);
        QVERIFY(next && *next);
        QCOMPARE((*next)->localTime, std::string("2026-03-27T12:30"));
        QCOMPARE((*next)->timeZone, std::string(kBerlin));
        Post a = scheduledPost("a", **next, {ana});
        must(PostEditor(*db).create(a));
        // That slot is taken now; the weekend has none; Monday 30 March 09:00 is summer time (UTC+2).
        next = posting.nextFreeSlot({ana}, friday, zones);
        QCOMPARE((*next)->localTime, std::string("2026-03-30T09:00"));
        QCOMPARE((*next)->utc, std::int64_t(1774854000));
        // A cancelled post frees its slot again.
        Post b = scheduledPost("b", **next, {ana});
        must(PostEditor(*db).create(b));
        QCOMPARE(posting.nextFreeSlot({ana}, friday, zones).value()->localTime, std::string("2026-03-30T12:30"));
        must(PostEditor(*db).cancel(b.id, kNow));
        QCOMPARE(posting.nextFreeSlot({ana}, friday, zones).value()->localTime, std::string("2026-03-30T09:00"));
        auto free = posting.freeSlots(ana, friday, berlin("2026-03-31T00:00").utc, zones);
        QCOMPARE(free->size(), std::size_t(2)); // Monday 09:00 and 12:30
        const auto none = addAccount(*db, "none");
        QVERIFY(!posting.nextFreeSlot({none}, friday, zones).value());
    }

    void weeklyRecurrenceKeepsWallTimeAcrossDst()
    {
        ui::QtZoneConverter zones;
        auto spring =
            recurrenceOccurrences(berlin("2026-03-16T09:00"), Recurrence{1, RepeatUnit::Week, "2026-04-06"}, zones);
        QVERIFY(spring);
        QCOMPARE(spring->size(), std::size_t(3));
        QCOMPARE(spring->at(0).utc, std::int64_t(1774252800)); // 23 Mar 08:00Z (UTC+1)
        QCOMPARE(spring->at(1).utc, std::int64_t(1774854000)); // 30 Mar 07:00Z (UTC+2)
        QCOMPARE(spring->at(2).utc, std::int64_t(1775458800));
        QCOMPARE(spring->at(2).localTime, std::string("2026-04-06T09:00"));

        auto db = Database::createInMemory();
        const auto ana = addAccount(*db, "ana");
        Post p = scheduledPost("weekly", berlin("2026-10-19T09:00"), {ana});
        must(PostEditor(*db).create(p));
        auto ids = PostEditor(*db).setRecurrence(p.id, Recurrence{1, RepeatUnit::Week, "2026-11-02"}, zones, kNow);
        QVERIFY(ids);
        QCOMPARE(ids->size(), std::size_t(2));
        auto autumn = CalendarQuery(*db).between(0, 4'000'000'000);
        QCOMPARE(autumn->size(), std::size_t(3));
        QCOMPARE(*autumn->at(0).scheduledUtc, std::int64_t(1792393200)); // 19 Oct 07:00Z (UTC+2)
        QCOMPARE(*autumn->at(1).scheduledUtc, std::int64_t(1793001600)); // 26 Oct 08:00Z (UTC+1)
        QCOMPARE(*autumn->at(2).scheduledUtc, std::int64_t(1793606400));
        for (const auto& e : *autumn) {
            QCOMPARE(e.localTime.substr(11), std::string("09:00"));
            QCOMPARE(e.status, PostStatus::Scheduled);
            QCOMPARE(e.targets.size(), std::size_t(1));
        }
        QCOMPARE(autumn->at(0).repeatEvery, 1);
        QCOMPARE(autumn->at(0).repeatUnit, std::string("week"));
        // Every second day, until a date before the first repeat: none.
        QCOMPARE(recurrenceOccurrences(berlin("2026-10-19T09:00"), Recurrence{2, RepeatUnit::Day, "2026-10-20"}, zones)
                     ->size(),
                 std::size_t(0));
        QVERIFY(
            !recurrenceOccurrences(berlin("2026-10-19T09:00"), Recurrence{0, RepeatUnit::Day, "2026-10-20"}, zones));
    }

    void evergreenFillsSlotsRespectingTheGap()
    {
        auto db = Database::createInMemory();
        const auto ana = addAccount(*db, "ana");
        PostingSlots posting(*db);
        std::vector<PostingSlot> daily;
        for (int day = 1; day <= 7; ++day)
            daily.push_back({day, 9 * 60});
        must(posting.setSlots(ana, daily));
        PostEditor editor(*db);
        std::vector<std::int64_t> pool;
        for (const char* text : {"evergreen A", "evergreen B"}) {
            Post p;
            p.body = text;
            p.createdUtc = p.updatedUtc = kNow;
            PostTarget t;
            t.accountId = ana;
            p.targets.push_back(t);
            must(editor.create(p));
            must(editor.setEvergreen(p.id, true, 7, kNow));
            pool.push_back(p.id);
        }
        // One slot already holds a real post: evergreen copies never take it.
        Post real = scheduledPost("real", berlin("2026-06-03T09:00"), {ana});
        must(editor.create(real));
        ui::QtZoneConverter zones;
        const std::int64_t from = 1780272000; // 2026-06-01T00:00Z
        auto created = posting.fillWithEvergreen(ana, from, from + 14 * 86400, zones, kNow);
        QVERIFY(created);
        // 14 daily slots, one taken; A and B each fit on days 0 and 7, 1 and 8 (7-day gap).
        QCOMPARE(created->size(), std::size_t(4));
        auto stmt =
            db->prepare("SELECT p.body, p.scheduled_utc FROM posts p WHERE p.id IN (" + std::to_string(created->at(0)) +
                        "," + std::to_string(created->at(1)) + "," + std::to_string(created->at(2)) + "," +
                        std::to_string(created->at(3)) + ") ORDER BY p.scheduled_utc");
        std::map<std::string, std::vector<std::int64_t>> uses;
        while ((*stmt)->step().value_or(false))
            uses[(*stmt)->text(0)].push_back((*stmt)->int64(1));
        QCOMPARE(uses["evergreen A"].size(), std::size_t(2));
        QCOMPARE(uses["evergreen B"].size(), std::size_t(2));
        for (const auto& [body, instants] : uses)
            QVERIFY2(instants[1] - instants[0] >= 7 * 86400, body.c_str());
        // A second fill of the same window adds nothing: the gap still holds.
        QCOMPARE(posting.fillWithEvergreen(ana, from, from + 14 * 86400, zones, kNow)->size(), std::size_t(0));
        QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM posts WHERE evergreen = 1 AND last_evergreen_utc IS NOT NULL"),
                 std::int64_t(2));
    }
};

QTEST_APPLESS_MAIN(TestPublishStore)
#include "tst_publishstore.moc"
