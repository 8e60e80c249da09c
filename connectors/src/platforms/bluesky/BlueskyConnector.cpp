#include "herald/connectors/bluesky/BlueskyConnector.h"

#include <fstream>
#include <sstream>

#include "../JsonShape.h"
#include "herald/connectors/TextLength.h"
#include "herald/engine/Clock.h"

namespace herald::connectors {

namespace {

using namespace shape;

constexpr int kFeedPageMax = 100;
constexpr int kNotificationsPageMax = 100;
constexpr int kFollowersPageMax = 100;
constexpr std::size_t kGetPostsMax = 25;
constexpr int kMaxGraphemes = 300;
constexpr std::size_t kMaxTextBytes = 3000;
constexpr int kMaxImages = 4;
constexpr std::int64_t kMaxImageBytes = 2'000'000;

std::string pageQuery(const PageRequest& page, int maxLimit)
{
    const int limit = page.limit > 0 ? std::min(page.limit, maxLimit) : maxLimit;
    std::string query = "limit=" + std::to_string(limit);
    if (!page.cursor.empty())
        query += "&cursor=" + urlEncode(page.cursor);
    return query;
}

// Bluesky lists have no since parameter: the listing is cut at the already-known item.
template <typename T, typename Id> void cutAtSinceId(Page<T>& page, const std::string& sinceId, Id idOf)
{
    if (sinceId.empty())
        return;
    const auto known =
        std::find_if(page.items.begin(), page.items.end(), [&](const T& item) { return idOf(item) == sinceId; });
    if (known != page.items.end()) {
        page.items.erase(known, page.items.end());
        page.nextCursor.clear();
    }
}

// An expired or invalid access token: 400 ExpiredToken/InvalidToken from the PDS, or 401.
bool isSessionError(const Error& error)
{
    return error.code == ErrorCode::AuthExpired ||
           (error.code == ErrorCode::Invalid && (error.detail.find("ExpiredToken") != std::string::npos ||
                                                 error.detail.find("InvalidToken") != std::string::npos));
}

std::string rkeyOf(const std::string& uri)
{
    const auto slash = uri.rfind('/');
    return slash == std::string::npos ? std::string() : uri.substr(slash + 1);
}

constexpr std::int64_t kRenewAheadSeconds = 60;

// The "exp" claim of a JWT (payload = second dot-separated part, base64url JSON), or 0 if unreadable.
// The signature is not checked: this only decides when to refresh, the PDS stays the judge.
std::int64_t jwtExpiry(std::string_view token)
{
    const auto first = token.find('.');
    const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos)
        return 0;
    std::string payload;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : token.substr(first + 1, second - first - 1)) {
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= 'a' && c <= 'z')
            value = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            value = c - '0' + 52;
        else if (c == '-' || c == '+')
            value = 62;
        else if (c == '_' || c == '/')
            value = 63;
        if (value < 0)
            return 0;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            payload += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    const json claims = json::parse(payload, nullptr, false);
    if (claims.is_discarded() || !claims.is_object())
        return 0;
    const auto exp = claims.find("exp");
    return exp != claims.end() && exp->is_number_integer() ? exp->get<std::int64_t>() : 0;
}

struct StrongRef
{
    std::string uri;
    std::string cid;
};

struct ReplyRefs
{
    StrongRef root;
    StrongRef parent;
};

} // namespace

BlueskyConnector::BlueskyConnector(BlueskyConfig config, HttpClient& http, CredentialsChanged onChanged)
    : m_config(std::move(config)), m_http(http), m_onChanged(std::move(onChanged))
{
    if (m_config.pdsUrl.empty())
        m_config.pdsUrl = "https://bsky.social";
    while (!m_config.pdsUrl.empty() && m_config.pdsUrl.back() == '/')
        m_config.pdsUrl.pop_back();
}

Capabilities BlueskyConnector::capabilities() const
{
    Capabilities caps;
    caps.platform = engine::Platform::Bluesky;
    caps.textLimit = kMaxGraphemes;
    caps.counting = TextCounting::Graphemes;
    caps.urlLength = 0; // links count in full
    caps.media.kinds = {MediaKind::Image};
    caps.media.maxImages = kMaxImages;
    caps.media.maxVideos = 0;
    caps.media.maxImageBytes = kMaxImageBytes;
    caps.altText = true;
    caps.scheduling = false;      // no server-side scheduling: Herald publishes at the time
    caps.threads = true;          // reply refs (root + parent)
    caps.idempotencyKeys = false; // createRecord has none; a retried publish could post twice
    caps.postMetrics = true;
    caps.mentions = true;
    caps.followersList = true;
    caps.accountInsights = false;
    return caps;
}

HttpRequest BlueskyConnector::xrpc(const std::string& method, const std::string& nsid, const std::string& query) const
{
    HttpRequest r;
    r.method = method;
    r.url = m_config.pdsUrl + "/xrpc/" + nsid + (query.empty() ? std::string() : "?" + query);
    r.headers.add("Accept", "application/json");
    return r;
}

Result<void> BlueskyConnector::adoptSession(const HttpResponse& response, const std::string& what)
{
    struct Session
    {
        std::string accessJwt, refreshJwt, did, handle;
    };
    auto session = parse(response.body, what, [](const json& body) {
        requireObject(body, "session");
        return Session{requiredText(body, "accessJwt"), requiredText(body, "refreshJwt"), requiredText(body, "did"),
                       text(body, "handle")};
    });
    if (!session)
        return tl::unexpected(session.error());
    m_config.accessJwt = session->accessJwt;
    m_config.accessExpiresUtc = jwtExpiry(session->accessJwt);
    m_config.refreshJwt = session->refreshJwt;
    m_config.did = session->did;
    if (!session->handle.empty())
        m_config.handle = session->handle;
    if (m_onChanged) {
        Credentials credentials;
        credentials.accessToken = m_config.accessJwt;
        credentials.refreshToken = m_config.refreshJwt;
        credentials.appPassword = m_config.appPassword;
        credentials.expiresUtc = m_config.accessExpiresUtc;
        m_onChanged(credentials);
    }
    return {};
}

Result<void> BlueskyConnector::createSession()
{
    if (m_config.identifier.empty() || m_config.appPassword.empty())
        return fail(ErrorCode::AuthExpired,
                    "Bluesky: no handle and app password stored to sign in with; sign in again");
    HttpRequest request = xrpc("POST", "com.atproto.server.createSession");
    request.headers.add("Content-Type", "application/json");
    request.body = json{{"identifier", m_config.identifier}, {"password", m_config.appPassword}}.dump();
    request.retryUnsafe = true; // a second session is harmless
    auto response = m_http.send(request);
    if (!response)
        return tl::unexpected(response.error());
    return adoptSession(*response, "Bluesky createSession");
}

Result<void> BlueskyConnector::refreshSession()
{
    if (m_config.refreshJwt.empty())
        return fail(ErrorCode::AuthExpired, "Bluesky: no refresh token");
    HttpRequest request = xrpc("POST", "com.atproto.server.refreshSession");
    request.headers.add("Authorization", "Bearer " + m_config.refreshJwt);
    auto response = m_http.send(request);
    if (!response)
        return tl::unexpected(response.error());
    return adoptSession(*response, "Bluesky refreshSession");
}

Result<void> BlueskyConnector::renewSession()
{
    if (!m_config.refreshJwt.empty()) {
        auto refreshed = refreshSession();
        if (refreshed || !isSessionError(refreshed.error()))
            return refreshed;
        m_config.refreshJwt.clear(); // expired or revoked: only the app password can help now
    }
    m_config.accessJwt.clear();
    if (m_config.appPassword.empty())
        return fail(ErrorCode::AuthExpired, "Bluesky session expired and no app password is stored; sign in again");
    return createSession();
}

Result<void> BlueskyConnector::ensureSession()
{
    // The DID comes with every session; a stored token without it is renewed to learn it.
    const bool expiring =
        m_config.accessExpiresUtc > 0 && m_http.clock().nowUtc() >= m_config.accessExpiresUtc - kRenewAheadSeconds;
    if (!m_config.accessJwt.empty() && !m_config.did.empty() && !expiring)
        return {};
    return renewSession();
}

Result<HttpResponse> BlueskyConnector::call(const HttpRequest& request)
{
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());
    HttpRequest authorized = request;
    authorized.headers.set("Authorization", "Bearer " + m_config.accessJwt);
    auto response = m_http.send(authorized);
    if (response || !isSessionError(response.error()))
        return response;
    if (auto renewed = renewSession(); !renewed)
        return tl::unexpected(renewed.error());
    authorized.headers.set("Authorization", "Bearer " + m_config.accessJwt);
    return m_http.send(authorized);
}

Result<std::string> BlueskyConnector::resolveHandle(const std::string& handle)
{
    auto response = call(xrpc("GET", "com.atproto.identity.resolveHandle", "handle=" + urlEncode(handle)));
    if (!response)
        return tl::unexpected(response.error());
    return parse(response->body, "Bluesky resolveHandle", [](const json& body) {
        requireObject(body, "resolveHandle");
        return requiredText(body, "did");
    });
}

Result<AccountIdentity> BlueskyConnector::verifyCredentials()
{
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());
    const std::string actor = m_config.did.empty() ? m_config.identifier : m_config.did;
    auto response = call(xrpc("GET", "app.bsky.actor.getProfile", "actor=" + urlEncode(actor)));
    if (!response)
        return tl::unexpected(response.error());
    auto identity = parse(response->body, "Bluesky getProfile", [](const json& profile) {
        requireObject(profile, "profile");
        AccountIdentity id;
        id.externalId = requiredText(profile, "did");
        id.handle = text(profile, "handle");
        id.displayName = text(profile, "displayName");
        id.profileUrl = "https://bsky.app/profile/" + (id.handle.empty() ? id.externalId : id.handle);
        return id;
    });
    if (identity) {
        m_config.did = identity->externalId;
        if (!identity->handle.empty())
            m_config.handle = identity->handle;
    }
    return identity;
}

Result<AccountMetrics> BlueskyConnector::accountMetrics()
{
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());
    const std::string actor = m_config.did.empty() ? m_config.identifier : m_config.did;
    auto response = call(xrpc("GET", "app.bsky.actor.getProfile", "actor=" + urlEncode(actor)));
    if (!response)
        return tl::unexpected(response.error());
    const std::int64_t now = m_http.clock().nowUtc();
    return parse(response->body, "Bluesky account metrics", [now](const json& profile) {
        requireObject(profile, "profile");
        return AccountMetrics{count(profile, "followersCount"), count(profile, "followsCount"),
                              count(profile, "postsCount"), now};
    });
}

Result<UploadedMedia> BlueskyConnector::uploadMedia(const MediaUpload& media)
{
    if (!media.mimeType.starts_with("image/"))
        return fail(ErrorCode::Invalid, "Herald posts only images to Bluesky (got '" + media.mimeType + "')");
    std::string bytes = media.data;
    if (bytes.empty() && !media.path.empty()) {
        std::ifstream in(media.path, std::ios::binary);
        if (!in)
            return fail(ErrorCode::NotFound, "cannot read the image " + media.path);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        bytes = buffer.str();
    }
    if (bytes.empty())
        return fail(ErrorCode::Invalid, "media upload without a file or data");
    if (static_cast<std::int64_t>(bytes.size()) > kMaxImageBytes)
        return fail(ErrorCode::Invalid, "the image has " + std::to_string(bytes.size()) +
                                            " bytes; Bluesky accepts at most 2,000,000 per image");
    HttpRequest upload = xrpc("POST", "com.atproto.repo.uploadBlob");
    upload.headers.add("Content-Type", media.mimeType);
    upload.body = std::move(bytes);
    upload.retryUnsafe = true; // an unreferenced blob is deleted by the PDS
    auto response = call(upload);
    if (!response)
        return tl::unexpected(response.error());
    auto uploaded = parse(response->body, "Bluesky uploadBlob", [](const json& body) {
        requireObject(body, "uploadBlob");
        const json& blob = object(body, "blob");
        return std::make_pair(requiredText(object(blob, "ref"), "$link"), blob.dump());
    });
    if (!uploaded)
        return tl::unexpected(uploaded.error());
    m_blobs[uploaded->first] = Blob{uploaded->second, media.altText};
    return UploadedMedia{uploaded->first, {}, MediaKind::Image};
}

Result<PublishedPost> BlueskyConnector::publish(const PublishRequest& post)
{
    if (post.text.empty() && post.mediaIds.empty())
        return fail(ErrorCode::Invalid, "a Bluesky post needs text or images");
    if (post.scheduledUtc)
        return notOffered(engine::Platform::Bluesky, "scheduling on the platform is");
    if (const int length = countForPlatform(post.text, engine::Platform::Bluesky); length > kMaxGraphemes)
        return fail(ErrorCode::Invalid, "the text counts " + std::to_string(length) + " graphemes; Bluesky allows 300");
    if (post.text.size() > kMaxTextBytes)
        return fail(ErrorCode::Invalid,
                    "the text has " + std::to_string(post.text.size()) + " bytes; Bluesky allows 3000");
    if (post.mediaIds.size() > static_cast<std::size_t>(kMaxImages))
        return fail(ErrorCode::Invalid, "Bluesky allows at most 4 images per post");
    for (const auto& id : post.mediaIds) {
        if (!m_blobs.contains(id))
            return fail(ErrorCode::Invalid, "image " + id +
                                                " was not uploaded through this connector (Bluesky "
                                                "deletes unattached blobs; upload it again)");
    }
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());

    json facets = json::array();
    for (auto facet : detectBlueskyFacets(post.text)) {
        json feature;
        if (facet.kind == BlueskyFacet::Kind::Link) {
            feature = {{"$type", "app.bsky.richtext.facet#link"}, {"uri", facet.value}};
        } else if (facet.kind == BlueskyFacet::Kind::Tag) {
            feature = {{"$type", "app.bsky.richtext.facet#tag"}, {"tag", facet.value}};
        } else {
            auto did = resolveHandle(facet.value);
            if (!did) {
                // An unknown handle stays plain text, as in the official client; other failures stop the publish.
                if (did.error().code == ErrorCode::Invalid || did.error().code == ErrorCode::NotFound)
                    continue;
                return tl::unexpected(did.error());
            }
            feature = {{"$type", "app.bsky.richtext.facet#mention"}, {"did", *did}};
        }
        facets.push_back({{"index", {{"byteStart", facet.byteStart}, {"byteEnd", facet.byteEnd}}},
                          {"features", json::array({feature})}});
    }

    json record = {
        {"$type", "app.bsky.feed.post"}, {"text", post.text}, {"createdAt", formatIso8601Utc(m_http.clock().nowUtc())}};
    if (!post.language.empty())
        record["langs"] = json::array({post.language});
    if (!facets.empty())
        record["facets"] = std::move(facets);
    if (!post.replyToExternalId.empty()) {
        auto response = call(xrpc("GET", "app.bsky.feed.getPosts", "uris=" + urlEncode(post.replyToExternalId)));
        if (!response)
            return tl::unexpected(response.error());
        auto refs = parse(response->body, "Bluesky reply parent", [&](const json& body) -> std::optional<ReplyRefs> {
            requireObject(body, "posts");
            const json& posts = array(body, "posts");
            if (posts.empty())
                return std::nullopt;
            const json& parent = posts.front();
            requireObject(parent, "post");
            ReplyRefs r;
            r.parent = {requiredText(parent, "uri"), requiredText(parent, "cid")};
            r.root = r.parent;
            if (const json* reply = optionalObject(object(parent, "record"), "reply")) {
                const json& root = object(*reply, "root");
                r.root = {requiredText(root, "uri"), requiredText(root, "cid")};
            }
            return r;
        });
        if (!refs)
            return tl::unexpected(refs.error());
        if (!*refs)
            return fail(ErrorCode::NotFound, "the Bluesky post " + post.replyToExternalId + " to reply to is gone");
        record["reply"] = {{"root", {{"uri", (*refs)->root.uri}, {"cid", (*refs)->root.cid}}},
                           {"parent", {{"uri", (*refs)->parent.uri}, {"cid", (*refs)->parent.cid}}}};
    }
    if (!post.mediaIds.empty()) {
        json images = json::array();
        for (const auto& id : post.mediaIds) {
            const Blob& blob = m_blobs.at(id);
            images.push_back({{"alt", blob.altText}, {"image", json::parse(blob.json)}});
        }
        record["embed"] = {{"$type", "app.bsky.embed.images"}, {"images", std::move(images)}};
    }

    HttpRequest create = xrpc("POST", "com.atproto.repo.createRecord");
    create.headers.add("Content-Type", "application/json");
    create.body =
        json{{"repo", m_config.did}, {"collection", "app.bsky.feed.post"}, {"record", std::move(record)}}.dump();
    auto response = call(create);
    if (!response)
        return tl::unexpected(response.error());
    const std::int64_t now = m_http.clock().nowUtc();
    const std::string profile = m_config.handle.empty() ? m_config.did : m_config.handle;
    return parse(response->body, "Bluesky createRecord", [&](const json& body) {
        requireObject(body, "createRecord");
        PublishedPost published;
        published.externalId = requiredText(body, "uri");
        requiredText(body, "cid");
        published.permalink = "https://bsky.app/profile/" + profile + "/post/" + rkeyOf(published.externalId);
        published.publishedUtc = now;
        return published;
    });
}

Result<Page<RemotePost>> BlueskyConnector::listOwnPosts(const PageRequest& page)
{
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());
    auto response = call(
        xrpc("GET", "app.bsky.feed.getAuthorFeed",
             "actor=" + urlEncode(m_config.did) + "&" + pageQuery(page, kFeedPageMax) + "&filter=posts_with_replies"));
    if (!response)
        return tl::unexpected(response.error());
    auto result = parseBlueskyAuthorFeed(response->body);
    if (result)
        cutAtSinceId(*result, page.sinceId, [](const RemotePost& p) { return p.externalId; });
    return result;
}

Result<std::vector<RemotePost>> BlueskyConnector::postMetrics(const std::vector<std::string>& externalIds)
{
    std::vector<RemotePost> posts;
    for (std::size_t start = 0; start < externalIds.size(); start += kGetPostsMax) {
        std::string query;
        for (std::size_t i = start; i < std::min(externalIds.size(), start + kGetPostsMax); ++i)
            query += (query.empty() ? "uris=" : "&uris=") + urlEncode(externalIds[i]);
        auto response = call(xrpc("GET", "app.bsky.feed.getPosts", query));
        if (!response)
            return tl::unexpected(response.error());
        auto batch = parseBlueskyPosts(response->body);
        if (!batch)
            return tl::unexpected(batch.error());
        posts.insert(posts.end(), batch->begin(), batch->end());
    }
    return posts;
}

Result<Page<RemoteComment>> BlueskyConnector::listMentions(const PageRequest& page)
{
    auto response = call(xrpc("GET", "app.bsky.notification.listNotifications",
                              "reasons=mention&reasons=reply&" + pageQuery(page, kNotificationsPageMax)));
    if (!response)
        return tl::unexpected(response.error());
    auto result = parseBlueskyNotifications(response->body);
    if (result)
        cutAtSinceId(*result, page.sinceId, [](const RemoteComment& c) { return c.externalId; });
    return result;
}

Result<Page<engine::AudienceMember>> BlueskyConnector::listFollowers(const PageRequest& page)
{
    if (auto session = ensureSession(); !session)
        return tl::unexpected(session.error());
    auto response = call(xrpc("GET", "app.bsky.graph.getFollowers",
                              "actor=" + urlEncode(m_config.did) + "&" + pageQuery(page, kFollowersPageMax)));
    if (!response)
        return tl::unexpected(response.error());
    return parseBlueskyFollowers(response->body);
}

} // namespace herald::connectors
