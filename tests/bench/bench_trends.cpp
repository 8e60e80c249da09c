// Trends and reports on a 5-year, 10-account demo workspace: recomputing the panel's data after a
// range change, drawing a 1,000,000-point series (LTTB), and writing a PDF report. Medians in ms.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "BenchTiming.h"

#include <QApplication>
#include <QChartView>
#include <QLineSeries>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

#include "DemoWorkspace.h"
#include "herald/widgets/Report.h"
#include "herald/widgets/TrendsPanel.h"

using namespace herald;
using herald::bench::median;
using herald::bench::ms;


int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("five-years.herald"));
    const QDate end(2026, 6, 30);
    auto options = app::demoOptions(QStringLiteral("Europe/Berlin"), end);
    options.days = 1826;
    options.accounts = 10;
    if (!app::createDemoWorkspace(path, options)) {
        std::fprintf(stderr, "demo generation failed\n");
        return 2;
    }

    for (int days : {90, 365}) {
        ui::TrendsRequest request;
        request.workspacePath = path.toStdString();
        request.fromDay = end.addDays(-(days - 1)).toString(Qt::ISODate).toStdString();
        request.toDay = end.toString(Qt::ISODate).toStdString();
        std::vector<double> withForecast, seriesOnly;
        for (int i = 0; i < 5; ++i) {
            auto start = std::chrono::steady_clock::now();
            (void)ui::computeTrends(request);
            withForecast.push_back(ms(start));
            auto plain = request;
            plain.forecast = false;
            plain.anomalies = false;
            start = std::chrono::steady_clock::now();
            (void)ui::computeTrends(plain);
            seriesOnly.push_back(ms(start));
        }
        std::printf("Trends range change, %d days daily: %.1f ms with forecast and anomalies (worker), %.1f ms for "
                    "the series, previous period and posts\n",
                    days, median(withForecast), median(seriesOnly));
    }

    // A 1,000,000-point daily series drawn through LTTB, then painted.
    ui::TrendsData big;
    big.hasData = true;
    QDate day(1000, 1, 1);
    big.current.reserve(1'000'000);
    for (int i = 0; i < 1'000'000; ++i, day = day.addDays(1))
        big.current.push_back({day.toString(Qt::ISODate).toStdString(), 1000 + 300 * std::sin(i / 50.0) + (i % 97), false});
    std::vector<double> build, paint;
    for (int i = 0; i < 3; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto parts = ui::TrendsPanel::buildChart(big, engine::Granularity::Day, QStringLiteral("series"), false, false);
        build.push_back(ms(start));
        QChartView view(parts.chart);
        view.resize(1200, 600);
        QImage image(1200, 600, QImage::Format_ARGB32_Premultiplied);
        start = std::chrono::steady_clock::now();
        QPainter painter(&image);
        view.render(&painter);
        painter.end();
        paint.push_back(ms(start));
    }
    std::printf("1,000,000-point series: %.1f ms to build the chart (LTTB to 1,500 points), %.1f ms to paint "
                "(target < 100 ms)\n",
                median(build), median(paint));

    // Zoom steps as the panel takes them: the visible window shrinks by a fifth, the main line is
    // downsampled again from the full series for that window, and the chart repainted.
    {
        auto parts = ui::TrendsPanel::buildChart(big, engine::Granularity::Day, QStringLiteral("series"), false, false);
        QChartView view(parts.chart);
        view.resize(1200, 600);
        QImage image(1200, 600, QImage::Format_ARGB32_Premultiplied);
        double from = parts.fullX.front(), to = parts.fullX.back();
        std::vector<double> steps;
        for (int i = 0; i < 10; ++i) {
            const double width = (to - from) * 0.8;
            from += (to - from - width) / 2;
            to = from + width;
            const auto start = std::chrono::steady_clock::now();
            parts.current->replace(ui::TrendsPanel::visiblePoints(parts.fullX, parts.fullY, from, to, 1500));
            QPainter painter(&image);
            view.render(&painter);
            painter.end();
            steps.push_back(ms(start));
        }
        std::printf("1,000,000-point series: %.1f ms per zoom step (downsample the visible window again and paint; "
                    "target < 100 ms)\n",
                    median(steps));
    }

    ui::ReportRequest report;
    report.workspacePath = path;
    report.workspaceName = QStringLiteral("Benchmark");
    report.zone = QTimeZone("Europe/Berlin");
    report.from = end.addDays(-364);
    report.to = end;
    std::vector<double> pdf;
    for (int i = 0; i < 3; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto data = ui::gatherReport(report);
        if (!data || !ui::writeReport(report, *data, ui::ReportFormat::Pdf, dir.filePath(QStringLiteral("r.pdf"))))
            return 2;
        pdf.push_back(ms(start));
    }
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {dir.filePath(QStringLiteral("r.pdf"))});
    info.waitForFinished();
    const auto pages = QString::fromUtf8(info.readAllStandardOutput()).split(QLatin1Char('\n')).filter(QStringLiteral("Pages:"));
    std::printf("PDF report for a year: %.0f ms including gathering the figures (%s) (target < 3 s for 10 pages)\n",
                median(pdf), pages.isEmpty() ? "pages unknown" : qPrintable(pages.first().simplified()));
    return 0;
}
