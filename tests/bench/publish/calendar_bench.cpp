// The calendar panel on a workspace of 100,000 posts over four years (about 2,000 a month, 1-2 targets
// each): time to load and paint a month, to switch months, and to load and paint the queue view of
// every post. Posts are inserted directly with prepared statements. Medians in ms.
#include <cstdio>

#include "BenchTiming.h"

#include <QApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QPixmap>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/SettingsRepository.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"
#include "herald/widgets/CalendarPanel.h"

using namespace herald;
using herald::bench::median;
using herald::bench::ms;

namespace {

constexpr int kPosts = 100'000;

template <typename R> void must(const R& r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "%s: %s\n", what, r.error().detail.c_str());
        std::exit(2);
    }
}

void writeWorkspace(const std::string& path, const QDate& first)
{
    auto db = engine::Database::create(path);
    must(db, "create");
    auto tx = engine::Transaction::begin(*db);
    must(tx, "begin");
    must(engine::SettingsRepository(*db).setValue(engine::settingKeys::kTimeZone, "Europe/Berlin"), "zone");
    const char* platforms[] = {"mastodon", "bluesky", "x"};
    for (int a = 0; a < 3; ++a) {
        auto st = db->prepare("INSERT INTO accounts (platform, handle, time_zone, created_utc) VALUES (?1, ?2, "
                              "'Europe/Berlin', 0)");
        must(st, "prepare account");
        (*st)->bind(1, platforms[a]).bind(2, std::string("@bench") + std::to_string(a));
        must((*st)->step(), "account");
        (*st)->reset();
    }
    const char* colours[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f"};
    for (int c = 0; c < 5; ++c) {
        auto st = db->prepare("INSERT INTO campaigns (name, colour, created_utc) VALUES (?1, ?2, 0)");
        must(st, "prepare campaign");
        (*st)->bind(1, std::string("Campaign ") + std::to_string(c + 1)).bind(2, colours[c]);
        must((*st)->step(), "campaign");
        (*st)->reset();
    }
    must(db->exec("INSERT INTO tags (name) VALUES ('launch'), ('tips'), ('news')"), "tags");
    const QTimeZone zone("Europe/Berlin");
    const qint64 start = first.startOfDay(zone).toSecsSinceEpoch();
    const qint64 step = qint64(4) * 365 * 86'400 / kPosts;
    const char* statuses[] = {"published", "published", "scheduled", "draft", "failed", "cancelled"};
    for (int i = 0; i < kPosts; ++i) {
        const qint64 utc = start + i * step + (i * 7919) % 600;
        const QDateTime local = QDateTime::fromSecsSinceEpoch(utc, zone);
        const std::string status = statuses[i % 6];
        auto post = db->prepare("INSERT INTO posts (id, title, body, campaign_id, status, local_time, time_zone, "
                                "scheduled_utc, created_utc, updated_utc) VALUES (?6, '', ?1, ?2, ?3, ?4, "
                                "'Europe/Berlin', ?5, ?5, ?5)");
        must(post, "prepare post");
        (*post)->bind(1, "Post number " + std::to_string(i) + ": a line of text as a real post would have.");
        if (i % 3 == 0)
            (*post)->bindNull(2);
        else
            (*post)->bind(2, std::int64_t(1 + i % 5));
        (*post)->bind(3, status).bind(4, local.toString(QStringLiteral("yyyy-MM-ddTHH:mm")).toStdString());
        const std::int64_t postId = i + 1;
        (*post)->bind(5, std::int64_t(utc)).bind(6, postId);
        must((*post)->step(), "post");
        (*post)->reset();
        for (int t = 0; t < 1 + i % 2; ++t) {
            auto target = db->prepare("INSERT INTO post_targets (post_id, account_id, status, next_attempt_utc) "
                                      "VALUES (?1, ?2, ?3, ?4)");
            must(target, "prepare target");
            (*target)
                ->bind(1, postId)
                .bind(2, std::int64_t(1 + (i + t) % 3))
                .bind(3, status)
                .bind(4, std::int64_t(utc));
            must((*target)->step(), "target");
            (*target)->reset();
        }
        if (i % 4 == 0) {
            auto tag = db->prepare("INSERT INTO post_tags (post_id, tag_id) VALUES (?1, ?2)");
            must(tag, "prepare tag");
            (*tag)->bind(1, postId).bind(2, std::int64_t(1 + i % 3));
            must((*tag)->step(), "tag");
            (*tag)->reset();
        }
    }
    must(tx->commit(), "commit");
}

/// Runs `action`, waits until the panel shows fresh data, then paints the whole panel. ms.
template <typename Action> double timeShown(ui::CalendarPanel& panel, Action action)
{
    QEventLoop loop;
    const auto connection = QObject::connect(&panel, &ui::CalendarPanel::calendarShown, &loop, &QEventLoop::quit);
    const auto t0 = std::chrono::steady_clock::now();
    action();
    if (!panel.isUpToDate())
        loop.exec();
    panel.repaint();
    const double elapsed = ms(t0);
    QObject::disconnect(connection);
    return elapsed;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("calendar.herald")).toStdString();
    const QDate first(2023, 1, 1);
    auto t0 = std::chrono::steady_clock::now();
    writeWorkspace(path, first);
    std::printf("workspace: %d posts written in %.0f ms\n", kPosts, ms(t0));

    const QTimeZone zone("Europe/Berlin");
    engine::FixedClock clock(QDateTime(QDate(2025, 6, 15), QTime(12, 0), zone).toSecsSinceEpoch());
    auto snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(path));
    must(snapshot, "snapshot");
    ui::CalendarPanel panel(clock);
    panel.resize(1280, 860);
    panel.show();

    const double firstLoad = timeShown(panel, [&] { panel.setWorkspace(*snapshot); });
    std::vector<double> switches;
    for (int i = 0; i < 12; ++i)
        switches.push_back(timeShown(panel, [&] { panel.showNext(); }));
    std::vector<double> paints;
    for (int i = 0; i < 12; ++i) {
        const auto p0 = std::chrono::steady_clock::now();
        panel.repaint();
        paints.push_back(ms(p0));
    }
    const double week = timeShown(panel, [&] { panel.setView(ui::CalendarPanel::View::Week); });
    const double queue = timeShown(panel, [&] { panel.setView(ui::CalendarPanel::View::List); });
    auto* table = panel.findChild<QTableView*>(QStringLiteral("queueTable"));
    std::vector<double> scrolls;
    for (int i = 0; i < 10; ++i) {
        const auto s0 = std::chrono::steady_clock::now();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum() * i / 9);
        table->viewport()->repaint();
        scrolls.push_back(ms(s0));
    }
    std::printf("month load + paint (first, includes the workspace): %.1f ms\n", firstLoad);
    std::printf("month switch (load + paint), median of 12: %.1f ms (max %.1f) — target < 50 ms\n", median(switches),
                *std::max_element(switches.begin(), switches.end()));
    std::printf("month repaint only, median of 12: %.2f ms\n", median(paints));
    std::printf("week view load + paint: %.1f ms\n", week);
    std::printf("queue view of all %d posts, load + paint: %.1f ms (%d rows)\n", kPosts, queue,
                table->model()->rowCount());
    std::printf("queue scroll + repaint, median of 10 jumps: %.2f ms\n", median(scrolls));
    // HERALD_CALENDAR_SHOTS=<folder> saves the three views as PNG to look at.
    if (const QString shots = qEnvironmentVariable("HERALD_CALENDAR_SHOTS"); !shots.isEmpty()) {
        panel.grab().save(shots + QStringLiteral("/calendar-queue.png"));
        panel.setView(ui::CalendarPanel::View::Month);
        timeShown(panel, [&] { panel.showToday(); });
        panel.grab().save(shots + QStringLiteral("/calendar-month.png"));
        timeShown(panel, [&] { panel.setView(ui::CalendarPanel::View::Week); });
        panel.grab().save(shots + QStringLiteral("/calendar-week.png"));
    }
    return 0;
}
