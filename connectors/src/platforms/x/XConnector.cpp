#include "herald/connectors/x/XConnector.h"

#include <fstream>

#include "../JsonShape.h"
#include "herald/connectors/TextLength.h"
#include "herald/connectors/platforms/OAuth.h"
#include "herald/engine/Clock.h"

namespace herald::connectors {

namespace {

using namespace shape;

constexpr int kMaxWeightedLength = 280;
constexpr int kMaxImages = 4;
constexpr std::size_t kTweetLookupMax = 100;
constexpr const char* kTweetFields = "tweet.fields=created_at,public_metrics,lang,referenced_tweets,conversation_id";

std::string pageQuery(const PageRequest& page, int minLimit, int maxLimit)
{
    const int limit = page.limit > 0 ? std::clamp(page.limit, minLimit, maxLimit) : maxLimit;
    std::string query = "max_results=" + std::to_string(limit);
    if (!page.cursor.empty())
        query += "&pagination_token=" + urlEncode(page.cursor);
    if (!page.sinceId.empty())
        query += "&since_id=" + urlEncode(page.sinceId);
    return query;
}

std::string mediaCategory(const std::string& mimeType)
{
    if (mimeType == "image/gif")
        return "tweet_gif";
    if (mimeType.starts_with("video/"))
        return "tweet_video";
    return "tweet_image";
}

// X's own words from an error detail ("GET url: HTTP 403: <message>").
std::string platformWords(const std::string& detail)
{
    const auto http = detail.find(": HTTP ");
    if (http == std::string::npos)
        return detail;
    const auto message = detail.find(": ", http + 7);
    return message == std::string::npos ? detail : detail.substr(message + 2);
}

// The problem X sends when the app's access tier does not include an endpoint: "Client Forbidden"
// (type .../problems/client-forbidden, reason client-not-enrolled) or the "different access level" text.
bool isTierRefusal(const Error& error)
{
    if (error.code != ErrorCode::Permission)
        return false;
    for (const char* marker : {"Client Forbidden", "client-not-enrolled", "access level", "Appropriate Level"}) {
        if (error.detail.find(marker) != std::string::npos)
            return true;
    }
    return false;
}

// A tier refusal named as such (the sync shows it instead of retrying); other errors unchanged.
tl::unexpected<Error> readError(const Error& error, const std::string& what)
{
    if (isTierRefusal(error))
        return fail(ErrorCode::Permission,
                    what + " not available on your X API access tier: " + platformWords(error.detail));
    return tl::unexpected(error);
}

XConnector::MediaState parseMediaState(const json& body)
{
    requireObject(body, "media upload");
    const json& data = object(body, "data");
    XConnector::MediaState state;
    state.id = requiredText(data, "id");
    if (const json* processing = optionalObject(data, "processing_info")) {
        state.state = requiredText(*processing, "state");
        state.checkAfterSecs = count(*processing, "check_after_secs");
        if (const json* error = optionalObject(*processing, "error"))
            state.errorMessage = text(*error, "message");
    }
    return state;
}

} // namespace

XConnector::XConnector(XConfig config, HttpClient& http, CredentialsChanged onChanged)
    : m_config(std::move(config)), m_http(http), m_onChanged(std::move(onChanged))
{
    if (m_config.baseUrl.empty())
        m_config.baseUrl = "https://api.x.com";
    while (!m_config.baseUrl.empty() && m_config.baseUrl.back() == '/')
        m_config.baseUrl.pop_back();
}

Capabilities XConnector::capabilities() const
{
    Capabilities caps;
    caps.platform = engine::Platform::X;
    caps.textLimit = kMaxWeightedLength;
    caps.counting = TextCounting::Weighted;
    caps.urlLength = 23;
    caps.media.kinds = {MediaKind::Image, MediaKind::Gif, MediaKind::Video};
    caps.media.maxImages = kMaxImages;
    caps.media.maxVideos = 1;
    caps.media.mixImagesAndVideo = false;
    caps.media.maxImageBytes = 5LL << 20;
    caps.media.maxVideoBytes = 512LL << 20;
    caps.altText = true;
    caps.scheduling = false;      // no scheduling endpoint for organic posts
    caps.threads = true;          // reply.in_reply_to_tweet_id
    caps.idempotencyKeys = false; // POST /2/tweets has none; X rejects exact duplicates with 403
    caps.postMetrics = true;
    caps.mentions = true;
    caps.followersList = true; // only on access tiers that include it
    caps.accountInsights = false;
    return caps;
}

HttpRequest XConnector::request(const std::string& method, const std::string& pathAndQuery) const
{
    HttpRequest r;
    r.method = method;
    r.url = m_config.baseUrl + pathAndQuery;
    r.headers.add("Accept", "application/json");
    return r;
}

Result<void> XConnector::refreshAccessToken()
{
    if (m_config.refreshToken.empty() || m_config.clientId.empty())
        return fail(ErrorCode::AuthExpired, "X access token expired and no refresh token is stored; sign in again");
    XOAuthClient client;
    client.clientId = m_config.clientId;
    client.clientSecret = m_config.clientSecret;
    client.apiBaseUrl = m_config.baseUrl;
    auto renewed = refreshXToken(m_http, client, m_config.refreshToken);
    if (!renewed) {
        if (renewed.error().code == ErrorCode::Invalid || renewed.error().code == ErrorCode::Permission)
            return fail(ErrorCode::AuthExpired,
                        "X refused the refresh token; sign in again: " + renewed.error().detail);
        return tl::unexpected(renewed.error());
    }
    m_config.accessToken = renewed->accessToken;
    m_config.refreshToken = renewed->refreshToken;
    if (m_onChanged)
        m_onChanged(*renewed);
    return {};
}

Result<HttpResponse> XConnector::call(const HttpRequest& r)
{
    HttpRequest authorized = r;
    authorized.headers.set("Authorization", "Bearer " + m_config.accessToken);
    auto response = m_http.send(authorized);
    if (response || response.error().code != ErrorCode::AuthExpired || m_config.refreshToken.empty())
        return response;
    if (auto renewed = refreshAccessToken(); !renewed)
        return tl::unexpected(renewed.error());
    authorized.headers.set("Authorization", "Bearer " + m_config.accessToken);
    return m_http.send(authorized);
}

Result<std::string> XConnector::ensureUserId()
{
    if (m_config.userId.empty()) {
        if (auto identity = verifyCredentials(); !identity)
            return tl::unexpected(identity.error());
    }
    return m_config.userId;
}

Result<AccountIdentity> XConnector::verifyCredentials()
{
    auto response = call(request("GET", "/2/users/me?user.fields=created_at,public_metrics"));
    if (!response)
        return tl::unexpected(response.error());
    auto identity = parse(response->body, "X users/me", [](const json& body) {
        requireObject(body, "users/me");
        const json& user = object(body, "data");
        AccountIdentity id;
        id.externalId = requiredText(user, "id");
        id.handle = text(user, "username");
        id.displayName = text(user, "name");
        id.profileUrl = "https://x.com/" + id.handle;
        return id;
    });
    if (identity) {
        m_config.userId = identity->externalId;
        m_config.username = identity->handle;
    }
    return identity;
}

Result<AccountMetrics> XConnector::accountMetrics()
{
    auto response = call(request("GET", "/2/users/me?user.fields=public_metrics"));
    if (!response)
        return tl::unexpected(response.error());
    const std::int64_t now = m_http.clock().nowUtc();
    return parse(response->body, "X account metrics", [now](const json& body) {
        requireObject(body, "users/me");
        const json& metrics = object(object(body, "data"), "public_metrics");
        return AccountMetrics{count(metrics, "followers_count"), count(metrics, "following_count"),
                              count(metrics, "tweet_count"), now};
    });
}

Result<UploadedMedia> XConnector::uploadMedia(const MediaUpload& media)
{
    if (media.path.empty() && media.data.empty())
        return fail(ErrorCode::Invalid, "media upload without a file or data");
    const std::string category = mediaCategory(media.mimeType);
    auto state = category == "tweet_video" ? uploadChunked(media, category) : uploadSimple(media, category);
    if (!state)
        return tl::unexpected(state.error());
    for (int poll = 0; !state->state.empty() && state->state != "succeeded"; ++poll) {
        if (state->state == "failed")
            return fail(ErrorCode::Invalid, "X could not process media " + state->id + ": " + state->errorMessage);
        if (poll >= m_config.maxMediaPolls)
            return fail(ErrorCode::Timeout, "X media " + state->id + " still processing after " +
                                                std::to_string(m_config.maxMediaPolls) + " polls");
        m_http.sleeper().sleepFor(std::max<std::chrono::milliseconds>(std::chrono::seconds(state->checkAfterSecs),
                                                                      m_config.minMediaPollInterval));
        auto status = call(request("GET", "/2/media/upload?command=STATUS&media_id=" + urlEncode(state->id)));
        if (!status)
            return tl::unexpected(status.error());
        state = parse(status->body, "X media status", parseMediaState);
        if (!state)
            return tl::unexpected(state.error());
    }
    if (!media.altText.empty() && category != "tweet_video") {
        HttpRequest metadata = request("POST", "/2/media/metadata");
        metadata.headers.add("Content-Type", "application/json");
        metadata.body = json{{"id", state->id}, {"metadata", {{"alt_text", {{"text", media.altText}}}}}}.dump();
        metadata.retryUnsafe = true; // setting the same alt text twice is harmless
        if (auto stored = call(metadata); !stored)
            return tl::unexpected(stored.error());
    }
    return UploadedMedia{state->id,
                         {},
                         category == "tweet_video" ? MediaKind::Video
                         : category == "tweet_gif" ? MediaKind::Gif
                                                   : MediaKind::Image};
}

Result<XConnector::MediaState> XConnector::uploadSimple(const MediaUpload& media, const std::string& category)
{
    HttpRequest upload = request("POST", "/2/media/upload");
    upload.retryUnsafe = true; // an unused upload expires (expires_after_secs)
    upload.form.emplace_back("media_category", category);
    upload.files.push_back(
        {"media", media.fileName.empty() ? "upload" : media.fileName, media.mimeType, media.path, media.data});
    auto response = call(upload);
    if (!response)
        return tl::unexpected(response.error());
    return parse(response->body, "X media upload", parseMediaState);
}

Result<XConnector::MediaState> XConnector::uploadChunked(const MediaUpload& media, const std::string& category)
{
    std::ifstream file;
    std::uint64_t total = media.data.size();
    if (media.data.empty()) {
        file.open(media.path, std::ios::binary | std::ios::ate);
        if (!file)
            return fail(ErrorCode::NotFound, "cannot read the video " + media.path);
        total = static_cast<std::uint64_t>(file.tellg());
        file.seekg(0);
    }
    HttpRequest initialize = request("POST", "/2/media/upload/initialize");
    initialize.headers.add("Content-Type", "application/json");
    initialize.body = json{
        {"media_type", media.mimeType.empty() ? "video/mp4" : media.mimeType},
        {"total_bytes", total},
        {"media_category",
         category}}.dump();
    initialize.retryUnsafe = true; // an abandoned upload session expires
    auto initialized = call(initialize);
    if (!initialized)
        return tl::unexpected(initialized.error());
    auto session = parse(initialized->body, "X media initialize", parseMediaState);
    if (!session)
        return tl::unexpected(session.error());
    const std::string base = "/2/media/upload/" + urlEncode(session->id);
    const std::size_t chunk = std::max<std::size_t>(1, m_config.mediaChunkBytes);
    std::uint64_t sent = 0;
    for (int segment = 0; sent < total; ++segment) {
        const std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, total - sent));
        std::string bytes;
        if (!media.data.empty()) {
            bytes = media.data.substr(static_cast<std::size_t>(sent), size);
        } else {
            bytes.resize(size);
            if (!file.read(bytes.data(), static_cast<std::streamsize>(size)))
                return fail(ErrorCode::NotFound, "the video " + media.path + " changed while it was uploaded");
        }
        HttpRequest append = request("POST", base + "/append");
        append.retryUnsafe = true; // the same segment index replaces itself
        append.form.emplace_back("segment_index", std::to_string(segment));
        append.files.push_back({"media", "chunk", "application/octet-stream", {}, std::move(bytes)});
        if (auto appended = call(append); !appended)
            return tl::unexpected(appended.error());
        sent += size;
    }
    HttpRequest finalize = request("POST", base + "/finalize");
    finalize.retryUnsafe = true;
    auto finalized = call(finalize);
    if (!finalized)
        return tl::unexpected(finalized.error());
    return parse(finalized->body, "X media finalize", parseMediaState);
}

Result<PublishedPost> XConnector::publish(const PublishRequest& post)
{
    if (post.text.empty() && post.mediaIds.empty())
        return fail(ErrorCode::Invalid, "an X post needs text or media");
    if (post.scheduledUtc)
        return notOffered(engine::Platform::X, "scheduling on the platform is");
    if (const int length = countForPlatform(post.text, engine::Platform::X); length > kMaxWeightedLength)
        return fail(ErrorCode::Invalid,
                    "the text counts " + std::to_string(length) + " weighted characters; X allows 280");
    if (post.mediaIds.size() > static_cast<std::size_t>(kMaxImages))
        return fail(ErrorCode::Invalid, "X allows at most 4 images (or one video or GIF) per post");
    json body = json::object();
    if (!post.text.empty())
        body["text"] = post.text;
    if (!post.mediaIds.empty())
        body["media"] = {{"media_ids", post.mediaIds}};
    if (!post.replyToExternalId.empty())
        body["reply"] = {{"in_reply_to_tweet_id", post.replyToExternalId}};
    HttpRequest create = request("POST", "/2/tweets");
    create.headers.add("Content-Type", "application/json");
    create.body = body.dump();
    auto response = call(create);
    if (!response)
        return tl::unexpected(response.error());
    const std::int64_t now = m_http.clock().nowUtc();
    const std::string username = m_config.username;
    return parse(response->body, "X create post", [&](const json& document) {
        requireObject(document, "created post");
        PublishedPost published;
        published.externalId = requiredText(object(document, "data"), "id");
        published.permalink = username.empty() ? "https://x.com/i/web/status/" + published.externalId
                                               : "https://x.com/" + username + "/status/" + published.externalId;
        published.publishedUtc = now;
        return published;
    });
}

Result<Page<RemotePost>> XConnector::listOwnPosts(const PageRequest& page)
{
    auto user = ensureUserId();
    if (!user)
        return tl::unexpected(user.error());
    auto response = call(
        request("GET", "/2/users/" + urlEncode(*user) + "/tweets?" + pageQuery(page, 5, 100) + "&" + kTweetFields));
    if (!response)
        return readError(response.error(), "reading your own posts is");
    auto result = parseXTweets(response->body);
    if (result && !m_config.username.empty()) {
        for (auto& post : result->items)
            post.permalink = "https://x.com/" + m_config.username + "/status/" + post.externalId;
    }
    return result;
}

Result<std::vector<RemotePost>> XConnector::postMetrics(const std::vector<std::string>& externalIds)
{
    std::vector<RemotePost> posts;
    for (std::size_t start = 0; start < externalIds.size(); start += kTweetLookupMax) {
        std::string ids;
        for (std::size_t i = start; i < std::min(externalIds.size(), start + kTweetLookupMax); ++i)
            ids += (ids.empty() ? "" : ",") + urlEncode(externalIds[i]);
        auto response = call(request("GET", "/2/tweets?ids=" + ids + "&" + kTweetFields));
        if (!response)
            return readError(response.error(), "post lookup is");
        auto batch = parseXTweets(response->body); // deleted ids come back as partial "errors": left out
        if (!batch)
            return tl::unexpected(batch.error());
        posts.insert(posts.end(), batch->items.begin(), batch->items.end());
    }
    return posts;
}

Result<Page<RemoteComment>> XConnector::listMentions(const PageRequest& page)
{
    auto user = ensureUserId();
    if (!user)
        return tl::unexpected(user.error());
    auto response = call(request("GET", "/2/users/" + urlEncode(*user) + "/mentions?" + pageQuery(page, 5, 100) +
                                            "&tweet.fields=created_at,author_id,lang,referenced_tweets,conversation_id"
                                            "&expansions=author_id&user.fields=username,name"));
    if (!response)
        return readError(response.error(), "the mentions timeline is");
    return parseXMentions(response->body);
}

Result<Page<engine::AudienceMember>> XConnector::listFollowers(const PageRequest& page)
{
    auto user = ensureUserId();
    if (!user)
        return tl::unexpected(user.error());
    PageRequest followersPage = page;
    followersPage.sinceId.clear(); // the followers listing has no since_id
    auto response = call(request("GET", "/2/users/" + urlEncode(*user) + "/followers?" +
                                            pageQuery(followersPage, 1, 1000) + "&user.fields=public_metrics"));
    if (!response)
        return readError(response.error(), "the followers list is");
    return parseXUsers(response->body);
}

} // namespace herald::connectors
