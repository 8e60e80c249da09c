#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QDate>
#include <QString>
#include <QTimeZone>

#include "herald/engine/Result.h"
#include "herald/widgets/DashboardData.h"
#include "herald/widgets/TrendsData.h"

namespace herald::ui {

enum class ReportFormat { Pdf, Html, Csv };

/// What a campaign report covers. The figures come from the same functions as the Dashboard and
/// Trends panels, so a report and the panels agree for the same range.
struct ReportRequest
{
    QString workspacePath;
    QString workspaceName;
    QTimeZone zone;
    QDate from;
    QDate to;
    std::vector<std::int64_t> accountIds; // empty: all accounts
    std::optional<std::int64_t> campaignId;
    QString campaignName;
    bool summary = true;
    bool trends = true;
    bool topPosts = true;
    bool campaigns = true;
    bool sentiment = true;
};

struct ReportData
{
    DashboardData dashboard;
    TrendsData engagements; // daily, with forecast
    std::vector<engine::PostPerformance> topPosts; // by engagements, at most 10
    bool hasData = false;
};

/// Reads everything the report shows. Blocking: run it on a worker thread.
Result<ReportData> gatherReport(const ReportRequest& request);

/// Fails with the path and the reason when the output cannot be written (checked before any work).
/// For CSV the path is a folder, created when missing.
Result<bool> checkReportOutput(const QString& path, ReportFormat format);

/// The report as one self-contained HTML page (charts embedded, user text escaped). Needs a
/// QApplication (charts are rendered offscreen).
QString reportHtml(const ReportRequest& request, const ReportData& data);

/// Writes the report. PDF and HTML need a QApplication; CSV writes one file per table into the folder.
Result<bool> writeReport(const ReportRequest& request, const ReportData& data, ReportFormat format,
                         const QString& path);

} // namespace herald::ui
