#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/platforms/ConnectorFactory.h"

namespace herald::connectors {

/// Response parsers, public so that they can be fuzzed; Parse errors on anything off-shape.
/// GET /2/users/:id/tweets or /2/tweets?ids= -> posts with public_metrics and meta.next_token.
Result<Page<RemotePost>> parseXTweets(std::string_view body);
/// GET /2/users/:id/mentions with expansions=author_id -> mentions.
Result<Page<RemoteComment>> parseXMentions(std::string_view body);
/// GET /2/users/:id/followers -> followers.
Result<Page<engine::AudienceMember>> parseXUsers(std::string_view body);

struct XConfig
{
    std::string baseUrl = "https://api.x.com";
    std::string accessToken;  // OAuth 2.0 user token; never logged
    std::string refreshToken; // rotates on every refresh
    std::string clientId;     // needed to refresh
    std::string clientSecret; // empty for a public (PKCE) client
    std::string userId;       // learnt from verifyCredentials() when empty
    std::string username;
    int maxMediaPolls = 60;                 // STATUS polls of a processing upload before giving up
    std::size_t mediaChunkBytes = 4u << 20; // video APPEND segment size (X accepts up to 5 MB)
    std::chrono::milliseconds minMediaPollInterval{1000};
};

/// X API v2 with an OAuth 2.0 user token. On 401 the token is refreshed once (POST /2/oauth2/token,
/// grant_type=refresh_token) and the new pair goes to `onChanged`. A read the app's access tier does not
/// include (X's "Client Forbidden" problem) fails with ErrorCode::Permission and "... not available on
/// your X API access tier: <X's message>", distinct from other 403s. Uses the HttpClient it is given
/// (not owned; must outlive the connector).
class XConnector final : public Connector
{
public:
    XConnector(XConfig config, HttpClient& http, CredentialsChanged onChanged = {});

    Capabilities capabilities() const override;
    /// GET /2/users/me.
    Result<AccountIdentity> verifyCredentials() override;
    /// GET /2/users/me with public_metrics.
    Result<AccountMetrics> accountMetrics() override;
    /// Images and GIFs: POST /2/media/upload; video: initialize / append (segments) / finalize. Then STATUS
    /// polls while X processes it, and alt text (images, GIFs) via POST /2/media/metadata.
    Result<UploadedMedia> uploadMedia(const MediaUpload& media) override;
    /// POST /2/tweets. X has no idempotency keys and no scheduling for organic posts.
    Result<PublishedPost> publish(const PublishRequest& request) override;
    /// GET /2/users/:id/tweets with public_metrics, pagination_token and since_id.
    Result<Page<RemotePost>> listOwnPosts(const PageRequest& page) override;
    /// GET /2/tweets?ids=, 100 per call; deleted posts are left out.
    Result<std::vector<RemotePost>> postMetrics(const std::vector<std::string>& externalIds) override;
    /// GET /2/users/:id/mentions.
    Result<Page<RemoteComment>> listMentions(const PageRequest& page) override;
    /// GET /2/users/:id/followers (refused by lower access tiers).
    Result<Page<engine::AudienceMember>> listFollowers(const PageRequest& page) override;

    /// Renews the access token with the refresh token now.
    Result<void> refreshAccessToken();
    const std::string& userId() const { return m_config.userId; }

    /// An upload as X reports it (data.id and processing_info).
    struct MediaState
    {
        std::string id;
        std::string state; // empty: no processing_info (ready)
        std::int64_t checkAfterSecs = 0;
        std::string errorMessage;
    };

private:
    Result<MediaState> uploadSimple(const MediaUpload& media, const std::string& category);
    Result<MediaState> uploadChunked(const MediaUpload& media, const std::string& category);
    HttpRequest request(const std::string& method, const std::string& pathAndQuery) const;
    /// Sends with the bearer token; on 401 refreshes once and resends.
    Result<HttpResponse> call(const HttpRequest& request);
    Result<std::string> ensureUserId();

    XConfig m_config;
    HttpClient& m_http;
    CredentialsChanged m_onChanged;
};

} // namespace herald::connectors
