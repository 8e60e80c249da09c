#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/platforms/ConnectorFactory.h"

namespace herald::connectors {

/// One rich-text facet of a Bluesky post. Offsets are UTF-8 byte offsets into the text, start
/// inclusive, end exclusive, as app.bsky.richtext.facet wants them.
struct BlueskyFacet
{
    enum class Kind { Link, Mention, Tag };
    std::size_t byteStart = 0;
    std::size_t byteEnd = 0;
    Kind kind = Kind::Link;
    std::string value; // Link: the URI; Mention: the handle (without '@'); Tag: the tag (without '#')
    std::string did;   // Mention: the DID once resolved (empty from detectBlueskyFacets)

    bool operator==(const BlueskyFacet&) const = default;
};

/// The links (http/https URLs), mentions (@handle.domain) and hashtags (#tag, also full-width ＃) in
/// UTF-8 `text`, in text order, following the rules of the official client: an item starts the text or
/// follows white space ('(' too for links and mentions); trailing punctuation is not part of it; a tag
/// is not all digits and at most 64 characters. Pure function.
std::vector<BlueskyFacet> detectBlueskyFacets(std::string_view text);

/// Response parsers, public so that they can be fuzzed; Parse errors on anything off-shape.
/// app.bsky.feed.getAuthorFeed -> posts (reposts flagged) and the cursor.
Result<Page<RemotePost>> parseBlueskyAuthorFeed(std::string_view body);
/// app.bsky.feed.getPosts -> posts.
Result<std::vector<RemotePost>> parseBlueskyPosts(std::string_view body);
/// app.bsky.notification.listNotifications -> mentions and replies (other reasons skipped).
Result<Page<RemoteComment>> parseBlueskyNotifications(std::string_view body);
/// app.bsky.graph.getFollowers -> followers.
Result<Page<engine::AudienceMember>> parseBlueskyFollowers(std::string_view body);

struct BlueskyConfig
{
    std::string pdsUrl = "https://bsky.social"; // the PDS or entryway the account signs in at
    std::string identifier;                     // handle or email for createSession
    std::string appPassword;                    // never the main password; never logged
    std::string accessJwt;                      // current session, may be empty (a new one is created)
    std::string refreshJwt;
    std::int64_t accessExpiresUtc = 0; // the access JWT's exp; 0 = unknown (renewed only when refused)
    std::string did;                   // the account's DID; learnt from the session when empty
    std::string handle;                // learnt from the session or profile when empty
};

/// Bluesky through the AT Protocol XRPC API with app-password sessions. A session is created on
/// first use, refreshed (com.atproto.server.refreshSession) a minute before the access JWT's exp or
/// when the PDS answers ExpiredToken or 401,
/// and re-created from the app password when the refresh token is gone; every new token pair goes
/// to `onChanged`. Uses the HttpClient it is given (not owned; must outlive the connector).
class BlueskyConnector final : public Connector
{
public:
    BlueskyConnector(BlueskyConfig config, HttpClient& http, CredentialsChanged onChanged = {});

    Capabilities capabilities() const override;
    /// app.bsky.actor.getProfile of the session's DID.
    Result<AccountIdentity> verifyCredentials() override;
    Result<AccountMetrics> accountMetrics() override;
    /// com.atproto.repo.uploadBlob; the returned id is the blob's CID, usable in publish() on this connector.
    Result<UploadedMedia> uploadMedia(const MediaUpload& media) override;
    /// com.atproto.repo.createRecord of an app.bsky.feed.post with facets, reply refs and images.
    /// A reply's replyToExternalId is the parent's at:// URI. Bluesky has no idempotency keys.
    Result<PublishedPost> publish(const PublishRequest& request) override;
    /// app.bsky.feed.getAuthorFeed with cursor; sinceId (a post URI) stops the listing at that post.
    Result<Page<RemotePost>> listOwnPosts(const PageRequest& page) override;
    /// app.bsky.feed.getPosts, 25 URIs per call.
    Result<std::vector<RemotePost>> postMetrics(const std::vector<std::string>& externalIds) override;
    /// app.bsky.notification.listNotifications for the reasons mention and reply.
    Result<Page<RemoteComment>> listMentions(const PageRequest& page) override;
    /// app.bsky.graph.getFollowers of the account.
    Result<Page<engine::AudienceMember>> listFollowers(const PageRequest& page) override;

    /// com.atproto.identity.resolveHandle.
    Result<std::string> resolveHandle(const std::string& handle);
    /// Creates a session from the identifier and app password now.
    Result<void> createSession();
    /// Renews the session with the refresh token now.
    Result<void> refreshSession();

    const std::string& did() const { return m_config.did; }
    const std::string& handle() const { return m_config.handle; }

private:
    struct Blob
    {
        std::string json; // the blob object exactly as uploadBlob returned it
        std::string altText;
    };

    HttpRequest xrpc(const std::string& method, const std::string& nsid, const std::string& query = {}) const;
    /// Sends an authenticated request, creating or renewing the session when needed (once).
    Result<HttpResponse> call(const HttpRequest& request);
    Result<void> ensureSession();
    Result<void> renewSession();
    Result<void> adoptSession(const HttpResponse& response, const std::string& what);

    BlueskyConfig m_config;
    HttpClient& m_http;
    CredentialsChanged m_onChanged;
    std::map<std::string, Blob> m_blobs; // by CID; blobs unreferenced for long are deleted by the PDS anyway
};

} // namespace herald::connectors
