#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/import/CsvFormats.h"
#include "herald/engine/import/CsvReader.h"
#include "herald/engine/import/CsvValues.h"

namespace herald::engine {

class Clock;
class Database;

struct CsvImportOptions
{
    std::string format;                   // empty: detect from the header
    std::optional<ColumnMapping> mapping; // overrides the detected mapping (the GUI's confirmed one)
    char delimiter = 0;                   // 0: detect
    NumberStyle numberStyle = NumberStyle::Auto;
    DateOrder dateOrder = DateOrder::Auto;
    /// UTC offset in seconds of the account's zone at a UTC instant, for times written without a
    /// zone and for the local day of a post; empty means UTC. The caller supplies the zone rules.
    std::function<int(std::int64_t utc)> utcOffset;
    bool dryRun = false;           // validate and report, write nothing
    bool reimport = false;         // import again even when this file (same SHA-256) was imported
    bool deriveDailyTotals = true; // post files also raise the account's daily impressions/engagements
};

struct CsvImportRequest
{
    std::int64_t accountId = 0;
    std::string fileName; // recorded in the imports table
    std::string content;  // the file's bytes
    CsvImportOptions options;
};

struct CsvRejectedRow
{
    std::int64_t line = 0; // 1-based line of the file where the row starts
    std::string reason;    // English, names the column and the value
};

/// What a file looks like before importing: for a GUI to show and confirm.
struct CsvPreview
{
    CsvLayout layout;
    char delimiter = ',';
    std::vector<ImportField> missingRequired;
    std::vector<CsvRecord> rows; // the first data rows after the header
    std::int64_t dataRows = 0;   // all data rows after the header
};

struct CsvImportReport
{
    std::string format;
    std::string formatLabel;
    CsvRowKind kind = CsvRowKind::Post;
    char delimiter = ',';
    std::int64_t headerLine = 0;
    std::vector<std::string> header;
    ColumnMapping mapping;
    std::string sha256;
    std::int64_t rowsRead = 0;     // data rows after the header (blank ones excluded)
    std::int64_t rowsImported = 0; // rows written (or that would be, in a dry run)
    std::int64_t postsCreated = 0;
    std::int64_t postsUpdated = 0;
    std::int64_t postMetrics = 0;
    std::int64_t accountMetrics = 0;
    std::vector<CsvRejectedRow> rejected; // every bad row; non-empty means nothing was written
    bool committed = false;
    bool dryRun = false;
    bool alreadyImported = false; // same file imported before for this account: nothing written
    std::int64_t importId = 0;    // row of the imports table (this import's or the earlier one's)
};

/// Parses and detects the layout of `content` without touching a workspace.
Result<CsvPreview> previewCsv(std::string_view content, const CsvImportOptions& options, std::size_t maxRows = 20);

/// Imports a platform export into `accountId`: posts become published posts with one target
/// (upserted by the export's post id), counts become post metric snapshots at clock.nowUtc(),
/// daily rows become account metric days. All or nothing: when any row is bad, every bad row is
/// listed in the report and nothing is written. Runs in one transaction; a cancel through `stop`
/// rolls it back (Cancelled). `progress` gets [0, 1]. O(rows x columns).
Result<CsvImportReport> importCsv(Database& db, const CsvImportRequest& request, const Clock& clock,
                                  std::stop_token stop = {}, const std::function<void(double)>& progress = {});

/// The bytes of an import file (at most 1 GiB).
Result<std::string> readImportFile(const std::string& path);
/// Lower-case hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

} // namespace herald::engine
