#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/store/AudienceSegmentation.h"

namespace herald::engine {

class Database;

/// A saved segmentation run: one row of segments per segment, sharing a run id.
struct SavedSegmentRun
{
    std::string runId;
    std::string name;
    std::int64_t createdUtc = 0;
    std::vector<std::int64_t> accountIds;
    std::vector<std::string> features; // catalogue ids
    std::vector<std::string> columns;  // column ids clustered
    int k = 0;
    bool chosenBySilhouette = false;
    double silhouette = 0.0;
    std::vector<std::int64_t> segmentIds;           // segments.id, by segment index
    std::vector<SegmentProfile> segments;           // by segment index
    std::vector<std::vector<std::int64_t>> members; // member ids per segment, ascending (loadSegmentRun only)
};

/// Saves every segment of a run (segments + segment_members) in one transaction and returns the new run id.
/// Invalid for an empty or already used name; nothing is written on failure.
Result<std::string> saveSegmentRun(Database& db, const SegmentationResult& result, const std::string& name,
                                   std::int64_t nowUtc);

/// Every saved run without its members, newest first.
Result<std::vector<SavedSegmentRun>> listSegmentRuns(Database& db);

/// One saved run with its members; NotFound for an unknown run id.
Result<SavedSegmentRun> loadSegmentRun(Database& db, const std::string& runId);

/// Deletes a saved run (its segments and memberships); NotFound for an unknown run id.
Result<void> deleteSegmentRun(Database& db, const std::string& runId);

/// How the segments of two saved runs overlap.
struct SegmentRunComparison
{
    std::vector<std::int64_t> sizesA; // members per segment of run A
    std::vector<std::int64_t> sizesB;
    std::vector<std::vector<std::int64_t>> overlap; // [segment of A][segment of B]: shared members
    std::vector<std::vector<double>> jaccard;       // overlap / union
};

/// Overlap and Jaccard index of every pair of segments of two saved runs. NotFound for an unknown run.
Result<SegmentRunComparison> compareSegmentRuns(Database& db, const std::string& runA, const std::string& runB);

/// The JSON form of a profile (as saved in segments.profile, and printed by heraldctl segment).
std::string segmentProfileJson(const SegmentProfile& profile);

} // namespace herald::engine
