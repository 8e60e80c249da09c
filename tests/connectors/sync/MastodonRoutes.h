#pragma once

#include <string>

#include "FixtureServer.h"

namespace herald::test {

/// The Mastodon fixture account (tests/fixtures/mastodon/verify_credentials.json).
inline const std::string kMastodonAccountId = "109302436954721982";
inline const std::string kMastodonStatusesPath = "/api/v1/accounts/" + kMastodonAccountId + "/statuses";
inline const std::string kMastodonFollowersPath = "/api/v1/accounts/" + kMastodonAccountId + "/followers";
inline const std::string kMastodonNotificationsPath = "/api/v1/notifications";

inline FixtureResponse mastodonFixture(const std::string& name, int status = 200,
                                       std::vector<std::pair<std::string, std::string>> headers = {})
{
    return FixtureServer::json("mastodon/" + name, status, std::move(headers));
}

/// A Link header whose rel="next" asks for the page before `maxId`, as Mastodon sends it.
inline std::pair<std::string, std::string> mastodonNextLink(const std::string& path, const std::string& maxId)
{
    return {"Link", "<{base}" + path + "?limit=40&max_id=" + maxId + ">; rel=\"next\", <{base}" + path +
                        "?limit=40&min_id=1>; rel=\"prev\""};
}

/// Serves the whole fixture account: credentials, 5 own posts on 2 pages, 3 mentions on 2 pages,
/// 3 followers on 2 pages, the statuses batch; each listing ends with an empty page.
inline void routeMastodonAccount(FixtureServer& server)
{
    server.route("GET", "/api/v1/accounts/verify_credentials", {mastodonFixture("verify_credentials.json")});
    const std::string& s = kMastodonStatusesPath;
    server.route("GET", s,
                 {mastodonFixture("account_statuses_page1.json", 200, {mastodonNextLink(s, "117020580489281999")})});
    server.route("GET", s,
                 {mastodonFixture("account_statuses_page2.json", 200, {mastodonNextLink(s, "117020580400000000")})},
                 {{"max_id", "117020580489281999"}});
    server.route("GET", s, {mastodonFixture("empty_page.json", 200, {mastodonNextLink(s, "1")})},
                 {{"max_id", "117020580400000000"}});
    const std::string& n = kMastodonNotificationsPath;
    server.route("GET", n, {mastodonFixture("notifications_page1.json", 200, {mastodonNextLink(n, "3300009")})});
    server.route("GET", n, {mastodonFixture("notifications_page2.json", 200, {mastodonNextLink(n, "3300004")})},
                 {{"max_id", "3300009"}});
    server.route("GET", n, {mastodonFixture("empty_page.json")}, {{"max_id", "3300004"}});
    const std::string& f = kMastodonFollowersPath;
    server.route("GET", f, {mastodonFixture("followers_page1.json", 200, {mastodonNextLink(f, "8801")})});
    server.route("GET", f, {mastodonFixture("followers_page2.json", 200, {mastodonNextLink(f, "8800")})},
                 {{"max_id", "8801"}});
    server.route("GET", f, {mastodonFixture("empty_page.json")}, {{"max_id", "8800"}});
    server.route("GET", "/api/v1/statuses", {mastodonFixture("statuses_batch.json")});
}

} // namespace herald::test
