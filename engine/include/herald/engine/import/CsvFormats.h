#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Platform.h"

namespace herald::engine {

struct CsvDocument;

/// What a column of an import file can mean. Post rows use ExternalId..VideoViews; account-day rows
/// use Day and the metrics.
enum class ImportField {
    ExternalId,
    Permalink,
    Text,
    Title,
    PublishedAt,
    Day,
    Impressions,
    Reach,
    Engagements,
    Likes,
    Replies,
    Reposts,
    Quotes,
    Clicks,
    Saves,
    ProfileVisits,
    Follows,
    VideoViews,
    Followers,
    NewFollowers,
};
inline constexpr int kImportFieldCount = static_cast<int>(ImportField::NewFollowers) + 1;

/// Stable key of a field: the generic format's column name and the stored metric name
/// ("external_id", "published_at", "impressions", "profile_visits", ...).
std::string_view importFieldKey(ImportField field);
std::optional<ImportField> importFieldFromKey(std::string_view key);
/// True for the fields that hold a count or level (stored as metrics).
bool isMetricField(ImportField field);

/// A file holds one post per row, or one account-level day per row.
enum class CsvRowKind { Post, AccountDay };

struct CsvFieldSpec
{
    ImportField field;
    std::vector<std::string> aliases; // header names, compared case-insensitively; first match wins
    bool required = false;
};

/// One known export layout.
struct CsvFormat
{
    std::string name;                 // "x-tweets", "facebook-posts", "generic-posts", ...
    std::string label;                // English description, for logs and the CLI
    std::optional<Platform> platform; // the network the export comes from; none for generic files
    CsvRowKind kind = CsvRowKind::Post;
    std::vector<CsvFieldSpec> fields;
    /// Detection: every group needs at least one of its headers present.
    std::vector<std::vector<std::string>> signature;
};

/// Column index of each field in the header (-1: not in the file).
struct ColumnMapping
{
    std::array<int, kImportFieldCount> columns;
    ColumnMapping() { columns.fill(-1); }
    int column(ImportField f) const { return columns[static_cast<std::size_t>(f)]; }
    void set(ImportField f, int column) { columns[static_cast<std::size_t>(f)] = column; }
    bool has(ImportField f) const { return column(f) >= 0; }
    bool operator==(const ColumnMapping&) const = default;
};

/// The header found in a file, its format and how its columns map.
struct CsvLayout
{
    const CsvFormat* format = nullptr;
    std::size_t headerRecord = 0; // index into CsvDocument::records
    std::int64_t headerLine = 0;
    std::vector<std::string> header;
    ColumnMapping mapping;
};

/// Every format Herald reads, in detection order.
const std::vector<CsvFormat>& csvFormats();
/// The format called `name`, or nullptr.
const CsvFormat* findCsvFormat(std::string_view name);

/// Maps `header` to the fields of `format` through its aliases (case-insensitive, trimmed).
ColumnMapping mapCsvColumns(const CsvFormat& format, const std::vector<std::string>& header);
/// The required fields of `format` that `mapping` leaves unmapped.
std::vector<ImportField> missingRequiredFields(const CsvFormat& format, const ColumnMapping& mapping);

/// Finds the header (among the first ten records, after any title lines an export puts above it)
/// and the format: the one named `formatName`, or the best match of the known signatures. Fails
/// with Invalid when the format is unknown or no known header is found.
Result<CsvLayout> detectCsvLayout(const CsvDocument& doc, std::string_view formatName = {});

} // namespace herald::engine
