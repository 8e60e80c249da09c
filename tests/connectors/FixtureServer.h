#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace herald::test {

/// One canned answer. `body` may contain "{base}", replaced by the server's base URL (for Link headers
/// and URLs in fixtures); so may header values.
struct FixtureResponse
{
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::chrono::milliseconds delay{0}; // answer only after this long (slower than a client timeout)
    bool truncate = false;              // send only the first half of the body (with a matching length)
};

/// What the server received, for assertions.
struct RecordedRequest
{
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string body;
    std::multimap<std::string, std::string> formFiles; // multipart part name -> content
    int remotePort = 0;                                 // the same port twice = the connection was reused
    std::string header(const std::string& lowerName) const;
};

/// An in-process HTTP server on 127.0.0.1 with an ephemeral port, serving fixtures from its own thread.
/// A route is a method, a path and optionally query parameters that must be present; its answers are
/// consumed in order and the last one repeats, so "500 twice then success" is three answers. Unknown
/// routes get 404 {"error":"Record not found"}. Stops and joins its thread in the destructor.
class FixtureServer
{
public:
    FixtureServer();
    ~FixtureServer();
    FixtureServer(const FixtureServer&) = delete;
    FixtureServer& operator=(const FixtureServer&) = delete;

    /// "http://127.0.0.1:<port>".
    std::string baseUrl() const;
    void route(const std::string& method, const std::string& path, std::vector<FixtureResponse> answers,
               std::multimap<std::string, std::string> requiredQuery = {});
    std::vector<RecordedRequest> requests() const;
    std::size_t requestCount(const std::string& path) const;

    /// The contents of tests/fixtures/<relativePath>; throws if missing.
    static std::string fixture(const std::string& relativePath);
    /// A JSON answer from a fixture file with Mastodon-style rate-limit headers.
    static FixtureResponse json(const std::string& relativePath, int status = 200,
                                std::vector<std::pair<std::string, std::string>> headers = {});

private:
    struct Route
    {
        std::string method;
        std::string path;
        std::multimap<std::string, std::string> query;
        std::deque<FixtureResponse> answers;
    };
    void handle(const httplib::Request& request, httplib::Response& response);

    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    int m_port = 0;
    mutable std::mutex m_mutex;
    std::vector<Route> m_routes;
    std::vector<RecordedRequest> m_requests;
};

} // namespace herald::test
