#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/model/Audience.h"
#include "herald/engine/model/Metrics.h"
#include "herald/engine/model/Platform.h"

namespace herald::connectors {

/// How a platform counts the length of a post's text.
enum class TextCounting {
    CodePoints, // Unicode code points, each URL as Capabilities::urlLength (Mastodon)
    Graphemes,  // extended grapheme clusters (Bluesky)
    Weighted,   // twitter-text weights: most non-Latin scripts 2, URLs as urlLength (X)
};

enum class MediaKind { Image, Gif, Video, Audio };

struct MediaLimits
{
    std::vector<MediaKind> kinds;
    int maxImages = 0;              // per post
    int maxVideos = 0;              // per post
    bool mixImagesAndVideo = false; // whether one post may carry both
    std::int64_t maxImageBytes = 0;
    std::int64_t maxVideoBytes = 0;
};

/// What a platform allows; the composer validates against it before anything is sent.
struct Capabilities
{
    engine::Platform platform = engine::Platform::Mastodon;
    int textLimit = 0;
    TextCounting counting = TextCounting::CodePoints;
    int urlLength = 0; // what one URL counts as; 0 = its own length
    MediaLimits media;
    bool altText = false;
    bool scheduling = false;      // the platform itself holds and fires scheduled posts
    bool threads = false;         // replies to one's own posts form a thread
    bool idempotencyKeys = false; // publish de-duplicates retried requests
    bool postMetrics = false;
    bool mentions = false;
    bool followersList = false;
    bool accountInsights = false; // daily account figures (impressions, profile visits)
};

struct AccountIdentity
{
    std::string externalId; // the platform's account id, as a string
    std::string handle;     // e.g. "alice" on Mastodon (acct, local to the instance)
    std::string displayName;
    std::string profileUrl;
};

/// Account-level counters as the platform reports them now.
struct AccountMetrics
{
    std::int64_t followers = 0;
    std::int64_t following = 0;
    std::int64_t posts = 0;
    std::int64_t fetchedUtc = 0;
};

struct MediaUpload
{
    std::string path; // a local file, or
    std::string data; // the bytes themselves
    std::string fileName;
    std::string mimeType;
    std::string altText;
};

struct UploadedMedia
{
    std::string externalId;
    std::string url;
    MediaKind kind = MediaKind::Image;
};

struct PublishRequest
{
    std::string text;
    std::vector<std::string> mediaIds; // from uploadMedia(), in display order
    std::string replyToExternalId;     // empty: not a reply
    std::string idempotencyKey;        // empty: the connector makes one (retries stay safe)
    std::optional<std::int64_t> scheduledUtc;
    std::string visibility; // platform words ("public", "unlisted", ...); empty = account default
    std::string language;   // ISO 639-1; empty = platform detects
};

struct PublishedPost
{
    std::string externalId; // for a scheduled post, the id of the platform's scheduled item
    std::string permalink;
    std::optional<std::int64_t> publishedUtc;
    bool scheduled = false;
    std::optional<std::int64_t> scheduledUtc;
};

struct PostCounts
{
    std::int64_t likes = 0;
    std::int64_t reposts = 0;
    std::int64_t replies = 0;
    std::optional<std::int64_t> quotes; // absent where the platform does not report them
    std::optional<std::int64_t> impressions;
};

struct RemotePost
{
    std::string externalId;
    std::string permalink;
    std::string text; // as the platform gives it (Mastodon: sanitised HTML)
    std::string language;
    std::string inReplyToExternalId;
    std::int64_t createdUtc = 0;
    bool repost = false; // a boost/repost of someone else's post: its counts are not the account's
    PostCounts counts;
};

/// A mention or reply addressed to the account.
struct RemoteComment
{
    std::string externalId; // the post that mentions the account
    std::string authorExternalId;
    std::string authorHandle;
    std::string authorName;
    std::string text;
    std::string language;
    std::string inReplyToExternalId;
    std::int64_t createdUtc = 0;
};

/// One page of a listing. `nextCursor` asks for the following (older) page; empty = no more pages.
template <typename T> struct Page
{
    std::vector<T> items;
    std::string nextCursor;
};

struct PageRequest
{
    std::string cursor;  // from the previous page's nextCursor; empty = newest first page
    std::string sinceId; // only items newer than this id (incremental sync); empty = all
    int limit = 0;       // 0 = the platform's maximum page size
};

/// The metric samples a post's counts give at `atUtc`, named as the store names them
/// (likes, reposts, replies, quotes, impressions).
std::vector<engine::PostMetricSample> toMetricSamples(const PostCounts& counts, std::int64_t targetId,
                                                      std::int64_t atUtc);
/// The error a connector returns for something its platform does not offer.
tl::unexpected<Error> notOffered(engine::Platform platform, std::string_view what);

/// One platform's API in Herald's terms. Calls are synchronous and may block on the network and on
/// rate limits; run them off the UI thread. One connector serves one account. Calls the platform
/// does not offer return ErrorCode::Invalid with "... not offered by <platform>".
class Connector
{
public:
    virtual ~Connector() = default;

    virtual Capabilities capabilities() const = 0;
    /// The account the credentials belong to.
    virtual Result<AccountIdentity> verifyCredentials() = 0;
    virtual Result<AccountMetrics> accountMetrics() = 0;
    /// Daily account figures for [fromDay, toDay] (YYYY-MM-DD).
    virtual Result<std::vector<engine::AccountMetricDay>> accountInsights(const std::string& fromDay,
                                                                          const std::string& toDay);
    virtual Result<UploadedMedia> uploadMedia(const MediaUpload& media);
    virtual Result<PublishedPost> publish(const PublishRequest& request) = 0;
    /// Publishes `request` as a reply to `externalId`.
    Result<PublishedPost> reply(const std::string& externalId, PublishRequest request);
    /// The account's own posts, newest first, with their current counts.
    virtual Result<Page<RemotePost>> listOwnPosts(const PageRequest& page) = 0;
    /// Current counts of the given posts; unknown or deleted ids are left out.
    virtual Result<std::vector<RemotePost>> postMetrics(const std::vector<std::string>& externalIds);
    virtual Result<Page<RemoteComment>> listMentions(const PageRequest& page);
    virtual Result<Page<engine::AudienceMember>> listFollowers(const PageRequest& page);

protected:
    engine::Platform platform() const { return capabilities().platform; }
};

} // namespace herald::connectors
