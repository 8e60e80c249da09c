#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald::engine {

enum class PostStatus { Draft, Scheduled, Publishing, Published, Failed, Cancelled };

std::string_view postStatusKey(PostStatus s);
std::optional<PostStatus> postStatusFromKey(std::string_view key);

/// One network's copy of a post: the variant text and its own publishing state.
struct PostTarget
{
    std::int64_t id = 0;
    std::int64_t postId = 0;
    std::int64_t accountId = 0;
    std::string variantText; // empty: use the post's body
    PostStatus status = PostStatus::Draft;
    int attempts = 0;
    std::optional<std::int64_t> nextAttemptUtc;
    std::string externalId;
    std::string permalink;
    std::optional<std::int64_t> publishedUtc;
    std::string lastError;
    std::string idempotencyKey;
};

struct Media
{
    std::int64_t id = 0;
    std::int64_t postId = 0;
    int position = 0;
    std::string path; // relative to the workspace's media folder
    std::string mime;
    std::string altText;
    std::string sha256;
    std::int64_t sizeBytes = 0;
};

/// A planned or published post. The schedule keeps the user's local wall time and zone as well as
/// the UTC instant, so a post at 09:00 Europe/Berlin stays at 09:00 across a DST change.
struct Post
{
    std::int64_t id = 0;
    std::string title;
    std::string body;
    std::optional<std::int64_t> campaignId;
    std::optional<std::int64_t> parentPostId; // follow-up in a thread
    PostStatus status = PostStatus::Draft;
    std::string localTime; // YYYY-MM-DDTHH:MM in timeZone; empty for an unscheduled draft
    std::string timeZone;  // IANA zone
    std::optional<std::int64_t> scheduledUtc;
    std::int64_t createdUtc = 0;
    std::int64_t updatedUtc = 0;
    std::vector<PostTarget> targets;
    std::vector<std::string> tags;
};

} // namespace herald::engine
