#include "FixtureServer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <httplib.h>

#include "TestSupport.h"

namespace herald::test {

namespace {

void replaceAll(std::string& text, const std::string& from, const std::string& to)
{
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}

} // namespace

std::string RecordedRequest::header(const std::string& lowerName) const
{
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

FixtureServer::FixtureServer() : m_server(std::make_unique<httplib::Server>())
{
    auto handler = [this](const httplib::Request& request, httplib::Response& response) { handle(request, response); };
    m_server->Get(".*", handler);
    m_server->Post(".*", handler);
    m_server->Put(".*", handler);
    m_server->Delete(".*", handler);
    m_server->set_read_timeout(std::chrono::seconds(5));
    m_server->set_write_timeout(std::chrono::seconds(5));
    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port <= 0)
        throw std::runtime_error("fixture server could not bind 127.0.0.1");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    for (int i = 0; i < 200 && !m_server->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

FixtureServer::~FixtureServer()
{
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
}

std::string FixtureServer::baseUrl() const
{
    return "http://127.0.0.1:" + std::to_string(m_port);
}

void FixtureServer::route(const std::string& method, const std::string& path, std::vector<FixtureResponse> answers,
                          std::multimap<std::string, std::string> requiredQuery)
{
    std::lock_guard lock(m_mutex);
    // A newer route for the same request replaces the older one.
    std::erase_if(m_routes,
                  [&](const Route& r) { return r.method == method && r.path == path && r.query == requiredQuery; });
    m_routes.push_back(Route{method, path, std::move(requiredQuery), {answers.begin(), answers.end()}});
}

std::vector<RecordedRequest> FixtureServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

std::size_t FixtureServer::requestCount(const std::string& path) const
{
    std::lock_guard lock(m_mutex);
    return static_cast<std::size_t>(
        std::count_if(m_requests.begin(), m_requests.end(), [&](const RecordedRequest& r) { return r.path == path; }));
}

std::string FixtureServer::fixture(const std::string& relativePath)
{
    const std::string path = fixturesDir() + "/" + relativePath;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("missing fixture " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

FixtureResponse FixtureServer::json(const std::string& relativePath, int status,
                                    std::vector<std::pair<std::string, std::string>> headers)
{
    FixtureResponse response;
    response.status = status;
    response.body = fixture(relativePath);
    response.headers = {{"X-RateLimit-Limit", "300"},
                        {"X-RateLimit-Remaining", "299"},
                        {"X-RateLimit-Reset", "2026-08-01T15:00:00.627625Z"}};
    for (auto& header : headers) {
        std::erase_if(response.headers, [&](const auto& h) { return h.first == header.first; });
        response.headers.push_back(std::move(header));
    }
    return response;
}

void FixtureServer::handle(const httplib::Request& request, httplib::Response& response)
{
    FixtureResponse answer{404, R"({"error":"Record not found"})", {}, {}, false};
    {
        std::lock_guard lock(m_mutex);
        RecordedRequest recorded;
        recorded.method = request.method;
        recorded.path = request.path;
        recorded.query = {request.params.begin(), request.params.end()};
        for (const auto& [name, value] : request.headers) {
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            recorded.headers[lower] = value;
        }
        recorded.body = request.body;
        recorded.remotePort = request.remote_port;
        for (const auto& [name, file] : request.files)
            recorded.formFiles.emplace(name, file.content);
        m_requests.push_back(std::move(recorded));

        // The most specific route wins: the one requiring the most query parameters that all match.
        Route* best = nullptr;
        for (auto& route : m_routes) {
            if (route.method != request.method || route.path != request.path)
                continue;
            const bool matches = std::all_of(route.query.begin(), route.query.end(), [&](const auto& want) {
                const auto [first, last] = request.params.equal_range(want.first);
                return std::any_of(first, last, [&](const auto& have) { return have.second == want.second; });
            });
            if (matches && (!best || route.query.size() > best->query.size()))
                best = &route;
        }
        if (best && !best->answers.empty()) {
            answer = best->answers.front();
            if (best->answers.size() > 1)
                best->answers.pop_front();
        }
    }
    if (answer.delay.count() > 0)
        std::this_thread::sleep_for(answer.delay);
    replaceAll(answer.body, "{base}", baseUrl());
    if (answer.truncate)
        answer.body.resize(answer.body.size() / 2);
    response.status = answer.status;
    for (auto [name, value] : answer.headers) {
        replaceAll(value, "{base}", baseUrl());
        response.set_header(name, value);
    }
    response.set_content(answer.body, "application/json; charset=utf-8");
}

} // namespace herald::test
