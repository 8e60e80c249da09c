#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "herald/engine/Result.h"
#include "herald/engine/ads/AbTests.h"
#include "herald/engine/ads/AdSetStats.h"
#include "herald/engine/store/SegmentStore.h"
#include "herald/widgets/DashboardData.h"
#include "herald/widgets/TrendsData.h"
#include "herald/widgets/WorkspaceSnapshot.h"

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
    std::vector<std::int64_t> accountIds;  // empty: all accounts
    std::vector<std::int64_t> campaignIds; // empty: all activity; else these campaigns' posts
    QStringList campaignNames;             // for the title, in the order of campaignIds
    QString language;                      // "en" or "zh_CN"; empty: the application's
    bool summary = true;
    bool trends = true;
    bool topPosts = true;
    bool campaigns = true;
    bool sentiment = true;
    bool segments = true; // the latest saved audience segmentation
    bool ads = true;      // ad sets with days in the period
    bool abTests = true;  // A/B tests whose window touches the period
};

/// A saved report setup, kept in the workspace so `heraldctl report --template NAME` finds it.
struct ReportTemplate
{
    QString name;
    std::vector<std::int64_t> accountIds;
    std::vector<std::int64_t> campaignIds;
    int lastDays = 28;  // the period ends today and is this long; 0 = from/to, or the campaigns' dates
    QDate from, to;     // a fixed period, when lastDays is 0 and both are valid
    QString language;   // as in ReportRequest
    ReportFormat format = ReportFormat::Pdf;
    bool summary = true;
    bool trends = true;
    bool topPosts = true;
    bool campaigns = true;
    bool sentiment = true;
    bool segments = true;
    bool ads = true;
    bool abTests = true;
};

/// The workspace's report templates, by name.
Result<std::vector<ReportTemplate>> loadReportTemplates(const QString& workspacePath);
/// Adds the template or replaces the one with its name.
Result<bool> saveReportTemplate(const QString& workspacePath, const ReportTemplate& reportTemplate);
/// Removes the template called `name`; NotFound when there is none.
Result<bool> deleteReportTemplate(const QString& workspacePath, const QString& name);
/// The request a template describes on `today` for the workspace `snapshot` (campaign names and
/// dates, zone). Invalid when a campaign or account of the template no longer exists.
Result<ReportRequest> requestFromTemplate(const ReportTemplate& reportTemplate, const WorkspaceSnapshot& snapshot,
                                          const QDate& today);
/// The report's period for campaigns: from the first start to the last end (capped at today).
Result<std::pair<QDate, QDate>> campaignPeriod(const std::vector<std::int64_t>& campaignIds,
                                              const WorkspaceSnapshot& snapshot, const QDate& today);
/// "pdf", "html", "csv" and back.
QString reportFormatKey(ReportFormat format);
std::optional<ReportFormat> reportFormatFromKey(const QString& key);

struct ReportData
{
    DashboardData dashboard;
    TrendsData engagements; // daily, with forecast
    std::vector<engine::PostPerformance> topPosts; // by engagements, at most 10
    std::optional<engine::SavedSegmentRun> segments; // the newest saved run, without members
    std::vector<engine::AdSetStats> adSets;           // those with days in the period
    std::vector<engine::AbEvaluation> abTests;
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
