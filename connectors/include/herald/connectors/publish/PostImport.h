#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {
class Database;
struct ZoneConverter;
} // namespace herald::engine

namespace herald::connectors {

/// One rejected CSV row: its 1-based physical line and why (English, names the column).
struct PostImportProblem
{
    std::int64_t line = 0;
    std::string reason;
};

struct PostImportOptions
{
    std::string mediaFolder;   // the workspace's media folder (mediaFolderFor)
    std::string workspaceZone; // used when a row's time_zone is empty
    std::int64_t nowUtc = 0;
    bool dryRun = false; // check every row, store nothing
};

struct PostImportResult
{
    int rows = 0;                            // data rows read (header excluded)
    std::vector<PostImportProblem> problems; // every bad row; non-empty = nothing stored
    std::vector<std::int64_t> postIds;       // the new posts, in file order (empty on a dry run)
};

/// Reads a CSV of posts with the header `text,at,time_zone,accounts,media,campaign,tags` (columns in
/// any order; text, at and accounts required). `at` is a wall time "YYYY-MM-DDTHH:MM" in
/// `time_zone` (IANA, empty = the workspace's; `at` empty = an unscheduled draft); accounts are ids
/// separated by ';'; media are `path[:alt]` separated by ';', relative to the CSV's folder or
/// absolute; campaign is an id or an exact name; tags are separated by ';'. Every row is checked as
/// the composer checks a post (validatePost) plus zone, time and campaign; a time in the past is an
/// error. Only when no row has a problem are the media copied and all posts created in one
/// transaction. Fails (nothing stored) only when the file cannot be read or is not CSV.
Result<PostImportResult> importPostsCsv(engine::Database& db, const std::string& csvPath,
                                        const engine::ZoneConverter& zones, const PostImportOptions& options);

} // namespace herald::connectors
