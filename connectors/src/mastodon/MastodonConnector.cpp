#include "herald/connectors/mastodon/MastodonConnector.h"

#include <random>

#include <nlohmann/json.hpp>

#include "herald/connectors/DateTime.h"
#include "herald/connectors/TextLength.h"
#include "herald/engine/Clock.h"

namespace herald::connectors {

namespace {

using nlohmann::json;

constexpr int kStatusesPageMax = 40;      // accounts/:id/statuses
constexpr int kNotificationsPageMax = 80; // notifications
constexpr int kFollowersPageMax = 80;     // accounts/:id/followers
constexpr int kMaxImages = 4;
constexpr std::int64_t kMinScheduleLeadSeconds = 5 * 60; // scheduled_at must be >= 5 minutes ahead

// Any shape problem in a response body surfaces as one of these, turned into ErrorCode::Parse.
struct ShapeError
{
    std::string what;
};

// Ids are strings in Mastodon's API; a fork sending numbers is tolerated.
std::string idOf(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<std::int64_t>());
    throw ShapeError{std::string("'") + key + "' is neither a string nor an integer"};
}

std::string requiredId(const json& object, const char* key)
{
    std::string id = idOf(object, key);
    if (id.empty())
        throw ShapeError{std::string("missing '") + key + "'"};
    return id;
}

std::string text(const json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t count(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return 0;
    if (!it->is_number_integer())
        throw ShapeError{std::string("'") + key + "' is not an integer"};
    return it->get<std::int64_t>();
}

std::int64_t timestamp(const json& object, const char* key)
{
    const std::string value = text(object, key);
    const auto utc = parseIso8601Utc(value);
    if (!utc)
        throw ShapeError{std::string("'") + key + "' is not an ISO 8601 time: '" + value.substr(0, 40) + "'"};
    return *utc;
}

const json& objectAt(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object())
        throw ShapeError{std::string("'") + key + "' is not an object"};
    return *it;
}

void requireObject(const json& value, const char* what)
{
    if (!value.is_object())
        throw ShapeError{std::string(what) + " is not a JSON object"};
}

void requireArray(const json& value, const char* what)
{
    if (!value.is_array())
        throw ShapeError{std::string(what) + " is not a JSON array"};
}

RemotePost parseStatus(const json& status)
{
    requireObject(status, "status");
    RemotePost post;
    post.externalId = requiredId(status, "id");
    post.permalink = text(status, "url");
    if (post.permalink.empty())
        post.permalink = text(status, "uri");
    post.text = text(status, "content");
    post.language = text(status, "language");
    post.inReplyToExternalId = idOf(status, "in_reply_to_id");
    post.createdUtc = timestamp(status, "created_at");
    const auto reblog = status.find("reblog");
    post.repost = reblog != status.end() && !reblog->is_null();
    post.counts.likes = count(status, "favourites_count");
    post.counts.reposts = count(status, "reblogs_count");
    post.counts.replies = count(status, "replies_count");
    if (status.contains("quotes_count")) // 4.5+
        post.counts.quotes = count(status, "quotes_count");
    return post;
}

engine::AudienceMember parseAccount(const json& account)
{
    requireObject(account, "account");
    engine::AudienceMember member;
    member.externalId = requiredId(account, "id");
    member.handle = text(account, "acct");
    member.displayName = text(account, "display_name");
    member.followerCount = count(account, "followers_count");
    return member;
}

// Runs `parse` over the response body and turns every shape problem into ErrorCode::Parse.
template <typename Parse>
auto parseResponse(const HttpResponse& response, const std::string& what, Parse parse)
    -> Result<decltype(parse(std::declval<const json&>()))>
{
    const json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded())
        return fail(ErrorCode::Parse,
                    what + ": the response is not valid JSON (" + std::to_string(response.body.size()) + " bytes)");
    try {
        return parse(body);
    } catch (const ShapeError& e) {
        return fail(ErrorCode::Parse, what + ": unexpected response shape: " + e.what);
    } catch (const json::exception& e) {
        // type_error / out_of_range name types and keys, never values.
        return fail(ErrorCode::Parse, what + ": unexpected response shape: " + e.what());
    }
}

std::string newIdempotencyKey()
{
    std::random_device device;
    std::uniform_int_distribution<int> byte(0, 255);
    unsigned char b[16];
    for (auto& x : b)
        x = static_cast<unsigned char>(byte(device));
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string uuid;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            uuid += '-';
        uuid += kHex[b[i] >> 4];
        uuid += kHex[b[i] & 0x0F];
    }
    return uuid;
}

std::string pageQuery(const PageRequest& page, int maxLimit)
{
    const int limit = page.limit > 0 ? std::min(page.limit, maxLimit) : maxLimit;
    std::string query = "limit=" + std::to_string(limit);
    if (!page.cursor.empty())
        query += "&max_id=" + urlEncode(page.cursor);
    if (!page.sinceId.empty())
        query += "&since_id=" + urlEncode(page.sinceId);
    return query;
}

// Mastodon sends a next link even after the last non-empty page; an empty page ends the listing.
template <typename T> void setNextCursor(Page<T>& page, const HttpResponse& response)
{
    page.nextCursor = page.items.empty() ? std::string() : nextMaxIdFromLink(response.headers.value("Link"));
}

MediaKind mediaKind(const std::string& type)
{
    if (type == "video")
        return MediaKind::Video;
    if (type == "gifv")
        return MediaKind::Gif;
    if (type == "audio")
        return MediaKind::Audio;
    return MediaKind::Image;
}

} // namespace

std::string nextMaxIdFromLink(const std::string& link)
{
    // Link: <https://host/path?limit=5&max_id=117...>; rel="next", <...>; rel="prev"
    std::size_t pos = 0;
    while ((pos = link.find('<', pos)) != std::string::npos) {
        const auto close = link.find('>', pos);
        if (close == std::string::npos)
            return {};
        const std::string url = link.substr(pos + 1, close - pos - 1);
        const auto nextEntry = link.find('<', close);
        const std::string params =
            link.substr(close + 1, nextEntry == std::string::npos ? std::string::npos : nextEntry - close - 1);
        pos = close + 1;
        if (params.find("rel=\"next\"") == std::string::npos && params.find("rel=next") == std::string::npos)
            continue;
        const auto query = url.find('?');
        if (query == std::string::npos)
            return {};
        std::size_t p = query + 1;
        while (p < url.size()) {
            const auto amp = std::min(url.find('&', p), url.size());
            const std::string pair = url.substr(p, amp - p);
            if (pair.starts_with("max_id="))
                return urlDecode(pair.substr(7));
            p = amp + 1;
        }
        return {};
    }
    return {};
}

MastodonConnector::MastodonConnector(MastodonConfig config, HttpClient& http)
    : m_config(std::move(config)), m_http(http)
{
    while (!m_config.baseUrl.empty() && m_config.baseUrl.back() == '/')
        m_config.baseUrl.pop_back();
}

Capabilities MastodonConnector::capabilities() const
{
    Capabilities caps;
    caps.platform = engine::Platform::Mastodon;
    caps.textLimit = m_config.textLimit;
    caps.counting = TextCounting::CodePoints;
    caps.urlLength = 23;
    caps.media.kinds = {MediaKind::Image, MediaKind::Gif, MediaKind::Video, MediaKind::Audio};
    caps.media.maxImages = kMaxImages;
    caps.media.maxVideos = 1;
    caps.media.mixImagesAndVideo = false;
    caps.media.maxImageBytes = 16LL << 20;
    caps.media.maxVideoBytes = 99LL << 20;
    caps.altText = true;
    caps.scheduling = true;
    caps.threads = true;
    caps.idempotencyKeys = true;
    caps.postMetrics = true;
    caps.mentions = true;
    caps.followersList = true;
    caps.accountInsights = false;
    return caps;
}

HttpRequest MastodonConnector::request(const std::string& method, const std::string& pathAndQuery) const
{
    HttpRequest r;
    r.method = method;
    r.url = m_config.baseUrl + pathAndQuery;
    r.headers.add("Authorization", "Bearer " + m_config.accessToken);
    r.headers.add("Accept", "application/json");
    return r;
}

Result<std::string> MastodonConnector::ensureAccountId()
{
    if (m_config.accountId.empty()) {
        auto identity = verifyCredentials();
        if (!identity)
            return tl::unexpected(identity.error());
    }
    return m_config.accountId;
}

Result<AccountIdentity> MastodonConnector::verifyCredentials()
{
    const std::string what = "Mastodon verify_credentials";
    auto response = m_http.send(request("GET", "/api/v1/accounts/verify_credentials"));
    if (!response)
        return tl::unexpected(response.error());
    auto identity = parseResponse(*response, what, [](const json& account) {
        requireObject(account, "account");
        return AccountIdentity{requiredId(account, "id"), text(account, "acct"), text(account, "display_name"),
                               text(account, "url")};
    });
    if (identity)
        m_config.accountId = identity->externalId;
    return identity;
}

Result<AccountMetrics> MastodonConnector::accountMetrics()
{
    auto response = m_http.send(request("GET", "/api/v1/accounts/verify_credentials"));
    if (!response)
        return tl::unexpected(response.error());
    const std::int64_t now = m_http.clock().nowUtc();
    return parseResponse(*response, "Mastodon account metrics", [now](const json& account) {
        requireObject(account, "account");
        return AccountMetrics{count(account, "followers_count"), count(account, "following_count"),
                              count(account, "statuses_count"), now};
    });
}

Result<UploadedMedia> MastodonConnector::uploadMedia(const MediaUpload& media)
{
    if (media.path.empty() && media.data.empty())
        return fail(ErrorCode::Invalid, "media upload without a file or data");
    HttpRequest upload = request("POST", "/api/v2/media");
    upload.retryUnsafe = true; // a duplicate upload is harmless: unattached media are cleaned up by the instance
    if (!media.altText.empty())
        upload.form.emplace_back("description", media.altText);
    upload.files.push_back(
        {"file", media.fileName.empty() ? "upload" : media.fileName, media.mimeType, media.path, media.data});
    auto response = m_http.send(upload);
    if (!response)
        return tl::unexpected(response.error());
    auto parseMedia = [](const json& attachment) {
        requireObject(attachment, "media attachment");
        return UploadedMedia{requiredId(attachment, "id"), text(attachment, "url"),
                             mediaKind(text(attachment, "type"))};
    };
    auto uploaded = parseResponse(*response, "Mastodon media upload", parseMedia);
    if (!uploaded)
        return uploaded;
    // 202 or a null url: still processing (video, audio, gifv). Poll until the url appears.
    for (int poll = 0; poll < m_config.maxMediaPolls && (uploaded->url.empty()); ++poll) {
        m_http.sleeper().sleepFor(m_config.mediaPollInterval);
        auto state = m_http.send(request("GET", "/api/v1/media/" + urlEncode(uploaded->externalId)));
        if (!state)
            return tl::unexpected(state.error());
        auto polled = parseResponse(*state, "Mastodon media status", parseMedia);
        if (!polled)
            return polled;
        if (state->status == 200 && !polled->url.empty())
            return polled;
    }
    if (uploaded->url.empty())
        return fail(ErrorCode::Timeout, "Mastodon media " + uploaded->externalId + " still processing after " +
                                            std::to_string(m_config.maxMediaPolls) + " polls");
    return uploaded;
}

Result<PublishedPost> MastodonConnector::publish(const PublishRequest& post)
{
    if (post.text.empty() && post.mediaIds.empty())
        return fail(ErrorCode::Invalid, "a Mastodon post needs text or media");
    if (const int length = countForPlatform(post.text, engine::Platform::Mastodon); length > m_config.textLimit) {
        return fail(ErrorCode::Invalid, "the text counts " + std::to_string(length) +
                                            " characters; this instance allows " + std::to_string(m_config.textLimit));
    }
    if (post.mediaIds.size() > static_cast<std::size_t>(kMaxImages))
        return fail(ErrorCode::Invalid, "Mastodon allows at most 4 media attachments per post");
    const std::int64_t now = m_http.clock().nowUtc();
    if (post.scheduledUtc && *post.scheduledUtc < now + kMinScheduleLeadSeconds)
        return fail(ErrorCode::Invalid, "Mastodon schedules posts only at least 5 minutes ahead");

    HttpRequest publish = request("POST", "/api/v1/statuses");
    publish.headers.add("Idempotency-Key", post.idempotencyKey.empty() ? newIdempotencyKey() : post.idempotencyKey);
    if (!post.text.empty())
        publish.form.emplace_back("status", post.text);
    for (const auto& id : post.mediaIds)
        publish.form.emplace_back("media_ids[]", id);
    if (!post.replyToExternalId.empty())
        publish.form.emplace_back("in_reply_to_id", post.replyToExternalId);
    if (!post.visibility.empty())
        publish.form.emplace_back("visibility", post.visibility);
    if (!post.language.empty())
        publish.form.emplace_back("language", post.language);
    if (post.scheduledUtc)
        publish.form.emplace_back("scheduled_at", formatIso8601Utc(*post.scheduledUtc));
    auto response = m_http.send(publish);
    if (!response)
        return tl::unexpected(response.error());
    const bool scheduled = post.scheduledUtc.has_value();
    return parseResponse(*response, "Mastodon publish", [scheduled](const json& body) {
        requireObject(body, "status");
        PublishedPost result;
        result.externalId = requiredId(body, "id");
        if (scheduled) {
            // A ScheduledStatus; the real status gets a new id when the instance publishes it.
            result.scheduled = true;
            result.scheduledUtc = timestamp(body, "scheduled_at");
        } else {
            result.permalink = text(body, "url");
            result.publishedUtc = timestamp(body, "created_at");
        }
        return result;
    });
}

Result<Page<RemotePost>> MastodonConnector::listOwnPosts(const PageRequest& page)
{
    auto account = ensureAccountId();
    if (!account)
        return tl::unexpected(account.error());
    auto response = m_http.send(request("GET", "/api/v1/accounts/" + urlEncode(*account) + "/statuses?" +
                                                   pageQuery(page, kStatusesPageMax) + "&exclude_reblogs=true"));
    if (!response)
        return tl::unexpected(response.error());
    auto result = parseResponse(*response, "Mastodon account statuses", [](const json& body) {
        requireArray(body, "statuses");
        Page<RemotePost> posts;
        for (const auto& status : body)
            posts.items.push_back(parseStatus(status));
        return posts;
    });
    if (result)
        setNextCursor(*result, *response);
    return result;
}

Result<std::vector<RemotePost>> MastodonConnector::postMetrics(const std::vector<std::string>& externalIds)
{
    std::vector<RemotePost> posts;
    constexpr std::size_t kBatch = 20;
    for (std::size_t start = 0; start < externalIds.size(); start += kBatch) {
        std::string query;
        for (std::size_t i = start; i < std::min(externalIds.size(), start + kBatch); ++i) {
            query += query.empty() ? '?' : '&';
            query += "id%5B%5D=";
            query += urlEncode(externalIds[i]);
        }
        auto response = m_http.send(request("GET", "/api/v1/statuses" + query));
        if (!response)
            return tl::unexpected(response.error());
        auto batch = parseResponse(*response, "Mastodon statuses", [](const json& body) {
            requireArray(body, "statuses");
            std::vector<RemotePost> found;
            for (const auto& status : body)
                found.push_back(parseStatus(status));
            return found;
        });
        if (!batch)
            return tl::unexpected(batch.error());
        posts.insert(posts.end(), batch->begin(), batch->end());
    }
    return posts;
}

Result<Page<RemoteComment>> MastodonConnector::listMentions(const PageRequest& page)
{
    auto response = m_http.send(
        request("GET", "/api/v1/notifications?types%5B%5D=mention&" + pageQuery(page, kNotificationsPageMax)));
    if (!response)
        return tl::unexpected(response.error());
    auto result = parseMastodonNotifications(response->body);
    if (result && !result->nextCursor.empty()) {
        const std::string linked = nextMaxIdFromLink(response->headers.value("Link"));
        if (!linked.empty())
            result->nextCursor = linked;
    }
    return result;
}

Result<Page<engine::AudienceMember>> MastodonConnector::listFollowers(const PageRequest& page)
{
    auto account = ensureAccountId();
    if (!account)
        return tl::unexpected(account.error());
    // Follower pages are cut by follow-relationship ids that only the Link header carries.
    auto response = m_http.send(
        request("GET", "/api/v1/accounts/" + urlEncode(*account) + "/followers?" + pageQuery(page, kFollowersPageMax)));
    if (!response)
        return tl::unexpected(response.error());
    auto result = parseResponse(*response, "Mastodon followers", [](const json& body) {
        requireArray(body, "followers");
        Page<engine::AudienceMember> followers;
        for (const auto& follower : body)
            followers.items.push_back(parseAccount(follower));
        return followers;
    });
    if (result)
        setNextCursor(*result, *response);
    return result;
}

Result<std::vector<RemotePost>> parseMastodonStatuses(std::string_view body)
{
    return parseResponse(HttpResponse{200, {}, std::string(body)}, "Mastodon statuses", [](const json& statuses) {
        requireArray(statuses, "statuses");
        std::vector<RemotePost> posts;
        for (const auto& status : statuses)
            posts.push_back(parseStatus(status));
        return posts;
    });
}

Result<Page<RemoteComment>> parseMastodonNotifications(std::string_view bodyText)
{
    return parseResponse(HttpResponse{200, {}, std::string(bodyText)}, "Mastodon notifications", [](const json& body) {
        requireArray(body, "notifications");
        Page<RemoteComment> mentions;
        std::string lastId;
        for (const auto& notification : body) {
            requireObject(notification, "notification");
            lastId = requiredId(notification, "id");
            const auto status = notification.find("status");
            if (text(notification, "type") != "mention" || status == notification.end() || status->is_null())
                continue; // a mention whose status was deleted since
            const json& account = objectAt(notification, "account");
            RemoteComment comment;
            comment.externalId = requiredId(*status, "id");
            comment.authorExternalId = requiredId(account, "id");
            comment.authorHandle = text(account, "acct");
            comment.authorName = text(account, "display_name");
            comment.text = text(*status, "content");
            comment.language = text(*status, "language");
            comment.inReplyToExternalId = idOf(*status, "in_reply_to_id");
            comment.createdUtc = timestamp(*status, "created_at");
            mentions.items.push_back(std::move(comment));
        }
        // Pages are cut by notification id; a page of only deleted mentions must not end the listing.
        mentions.nextCursor = lastId;
        return mentions;
    });
}

Result<std::vector<engine::AudienceMember>> parseMastodonAccounts(std::string_view body)
{
    return parseResponse(HttpResponse{200, {}, std::string(body)}, "Mastodon accounts", [](const json& accounts) {
        requireArray(accounts, "accounts");
        std::vector<engine::AudienceMember> members;
        for (const auto& account : accounts)
            members.push_back(parseAccount(account));
        return members;
    });
}

} // namespace herald::connectors
