#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

class Database;

struct TagRecommendation
{
    std::string tag;
    double score = 0.0;           // mean ALS preference of the segment's members
    std::int64_t engagements = 0; // the segment's engagements with posts carrying the tag
    double lift = 0.0;            // those engagements per segment member / per audience member
};

struct PostRecommendation
{
    std::int64_t postId = 0;
    std::string title;            // the post's title, else the start of its text
    std::int64_t engagements = 0; // by the segment's members
    double lift = 0.0;            // engagements per segment member / engagements per audience member
};

struct SegmentRecommendations
{
    int segment = 0;
    std::vector<TagRecommendation> tags;   // best first
    std::vector<PostRecommendation> posts; // most engaged first
};

struct AudienceRecommendationOptions
{
    int tags = 8;
    int posts = 5;
    int factors = 16;
    int iterations = 10;
    std::uint64_t seed = 1;
};

/// For each segment (labels per member, 0..k-1): the tags its members engage with most, by an implicit ALS
/// model over member x tag engagements (member_events -> post_targets -> post_tags), and the past posts
/// they engaged with most. One pass over the events; segments without engagements get empty lists.
/// Invalid for mismatched labels; Cancelled when progress returns false.
Result<std::vector<SegmentRecommendations>>
recommendForSegments(Database& db, const std::vector<std::int64_t>& memberIds, const std::vector<int>& labels, int k,
                     const AudienceRecommendationOptions& options = {}, const Progress& progress = {});

} // namespace herald::engine
