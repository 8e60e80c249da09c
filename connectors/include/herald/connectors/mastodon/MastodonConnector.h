#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"

namespace herald::connectors {

struct MastodonConfig
{
    std::string baseUrl;     // the instance, e.g. "https://mastodon.social" (no trailing slash needed)
    std::string accessToken; // user token; never logged
    std::string accountId;   // learnt from verifyCredentials() when empty
    int textLimit = 500;     // the instance's configuration.statuses.max_characters
    int maxMediaPolls = 60;  // polls of GET /api/v1/media/:id before giving up
    std::chrono::milliseconds mediaPollInterval{1000};
};

/// Mastodon's REST API (any instance): statuses, media, notifications, followers.
/// Uses the HttpClient it is given (not owned; must outlive the connector).
class MastodonConnector final : public Connector
{
public:
    MastodonConnector(MastodonConfig config, HttpClient& http);

    Capabilities capabilities() const override;
    Result<AccountIdentity> verifyCredentials() override;
    Result<AccountMetrics> accountMetrics() override;
    /// POST /api/v2/media with the alt text, then polls GET /api/v1/media/:id until processed (bounded).
    Result<UploadedMedia> uploadMedia(const MediaUpload& media) override;
    /// POST /api/v1/statuses with an Idempotency-Key; with scheduledUtc the instance schedules it.
    Result<PublishedPost> publish(const PublishRequest& request) override;
    /// GET /api/v1/accounts/:id/statuses (reblogs excluded), Link-header pagination.
    Result<Page<RemotePost>> listOwnPosts(const PageRequest& page) override;
    /// GET /api/v1/statuses?id[]=... (Mastodon 4.3+).
    Result<std::vector<RemotePost>> postMetrics(const std::vector<std::string>& externalIds) override;
    /// GET /api/v1/notifications?types[]=mention, Link-header pagination.
    Result<Page<RemoteComment>> listMentions(const PageRequest& page) override;
    /// GET /api/v1/accounts/:id/followers, Link-header pagination.
    Result<Page<engine::AudienceMember>> listFollowers(const PageRequest& page) override;

    const std::string& accountId() const { return m_config.accountId; }

private:
    HttpRequest request(const std::string& method, const std::string& path) const;
    Result<std::string> ensureAccountId();

    MastodonConfig m_config;
    HttpClient& m_http;
};

/// The max_id of the rel="next" link of a Link header, or empty.
std::string nextMaxIdFromLink(const std::string& linkHeader);

/// Response parsers, public so that they can be fuzzed; Parse errors on anything off-shape.
/// An array of Status (account statuses, GET /api/v1/statuses?id[]=).
Result<std::vector<RemotePost>> parseMastodonStatuses(std::string_view body);
/// An array of Notification -> the mentions; nextCursor is the last notification id (Link header not seen).
Result<Page<RemoteComment>> parseMastodonNotifications(std::string_view body);
/// An array of Account (followers).
Result<std::vector<engine::AudienceMember>> parseMastodonAccounts(std::string_view body);

} // namespace herald::connectors
