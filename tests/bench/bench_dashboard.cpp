// Dashboard KPI query for 90 days on a 5-year, 10-account demo workspace: median milliseconds,
// for the query alone and for what the panel does per change (open a connection, then query).
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "BenchTiming.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include "DemoWorkspace.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/KpiQuery.h"
#include "herald/widgets/DateRanges.h"

using namespace herald;
using herald::bench::median;
using herald::bench::ms;


int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("five-years.herald"));
    const QDate end(2026, 6, 30);
    auto options = app::demoOptions(QStringLiteral("Europe/Berlin"), end);
    options.days = 1826;
    options.accounts = 10;
    options.audience = 20000;
    auto start = std::chrono::steady_clock::now();
    auto summary = app::createDemoWorkspace(path, options);
    if (!summary) {
        std::fprintf(stderr, "demo generation failed: %s\n", summary.error().detail.c_str());
        return 2;
    }
    std::printf("5-year 10-account demo workspace: generated in %.0f ms (%lld posts, %lld post metrics)\n",
                ms(start), static_cast<long long>(summary->posts), static_cast<long long>(summary->postMetrics));

    const QTimeZone zone("Europe/Berlin");
    const auto current = ui::lastDays(end, 90);
    const auto kpi = ui::toKpiRange(current, zone);
    const auto prev = ui::toKpiRange(current.previous(), zone);
    auto db = engine::Database::open(path.toStdString()).value();
    std::vector<double> query, openAndQuery;
    for (int i = 0; i < 50; ++i) {
        start = std::chrono::steady_clock::now();
        auto snap = engine::queryKpiSnapshot(db, kpi, prev, {});
        query.push_back(ms(start));
        if (!snap)
            return 2;
    }
    for (int i = 0; i < 50; ++i) {
        start = std::chrono::steady_clock::now();
        auto conn = engine::Database::open(path.toStdString());
        auto snap = engine::queryKpiSnapshot(*conn, kpi, prev, {});
        openAndQuery.push_back(ms(start));
        if (!snap)
            return 2;
    }
    std::printf("dashboard KPIs, 90 days vs previous 90, all accounts: median %.2f ms (target < 50 ms)\n",
                median(query));
    std::printf("  including opening a connection, as the panel does: median %.2f ms\n", median(openAndQuery));
    return 0;
}
