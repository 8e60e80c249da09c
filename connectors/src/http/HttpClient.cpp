#include "herald/connectors/http/HttpClient.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <thread>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "herald/connectors/DateTime.h"
#include "herald/engine/Clock.h"

#ifndef HERALD_VERSION
#define HERALD_VERSION "0.0.0"
#endif

namespace herald::connectors {

namespace {

constexpr std::size_t kMaxResponseBytes = 64u << 20; // a bound, not a platform limit
constexpr std::size_t kMaxMessageChars = 300;

// Query and form parameters whose values are secrets.
constexpr std::array<std::string_view, 9> kSecretParams{"access_token",  "token",  "refresh_token",
                                                        "client_secret", "code",   "code_verifier",
                                                        "password",      "apikey", "api_key"};

std::string toLower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isSecretParam(std::string_view name)
{
    const std::string lower = toLower(name);
    return std::find(kSecretParams.begin(), kSecretParams.end(), lower) != kSecretParams.end();
}

struct CurlUrlDeleter
{
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

struct CurlFreeDeleter
{
    void operator()(char* p) const { curl_free(p); }
};

struct SlistDeleter
{
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct MimeDeleter
{
    void operator()(curl_mime* m) const { curl_mime_free(m); }
};

bool isLoopbackHost(const std::string& host)
{
    if (host == "localhost" || host == "[::1]")
        return true;
    // Dotted quad 127.a.b.c only; other spellings are refused rather than interpreted.
    int parts = 0;
    std::size_t pos = 0;
    int first = -1;
    while (pos <= host.size()) {
        const std::size_t dot = std::min(host.find('.', pos), host.size());
        int value = -1;
        const auto [ptr, ec] = std::from_chars(host.data() + pos, host.data() + dot, value);
        if (ec != std::errc() || ptr != host.data() + dot || value < 0 || value > 255 || dot == pos)
            return false;
        if (parts == 0)
            first = value;
        ++parts;
        pos = dot + 1;
    }
    return parts == 4 && first == 127;
}

std::size_t writeBody(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* body = static_cast<std::string*>(user);
    const std::size_t bytes = size * count;
    if (body->size() + bytes > kMaxResponseBytes)
        return 0; // makes libcurl fail the transfer with CURLE_WRITE_ERROR
    body->append(data, bytes);
    return bytes;
}

std::size_t writeHeader(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* headers = static_cast<HttpHeaders*>(user);
    const std::size_t bytes = size * count;
    std::string_view line(data, bytes);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.remove_suffix(1);
    if (line.starts_with("HTTP/")) {
        headers->clear(); // a new response begins (after 100 Continue, for example)
    } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        headers->add(std::string(line.substr(0, colon)), std::string(value));
    }
    return bytes;
}

// Removes every secret the request carries from a text meant for logs or error details.
std::string scrubSecrets(std::string text, const HttpRequest& request)
{
    std::vector<std::string> secrets;
    for (const auto& [name, value] : request.headers.fields()) {
        const std::string lower = toLower(name);
        if (lower == "authorization" || lower == "proxy-authorization" || lower == "cookie") {
            secrets.push_back(value);
            if (const auto space = value.find(' '); space != std::string::npos)
                secrets.push_back(value.substr(space + 1));
        }
    }
    for (const auto& [name, value] : request.form) {
        if (isSecretParam(name))
            secrets.push_back(value);
    }
    std::sort(secrets.begin(), secrets.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& secret : secrets) {
        if (secret.size() < 4)
            continue;
        for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos))
            text.replace(pos, secret.size(), "REDACTED");
    }
    return text;
}

std::string httpErrorDetail(const HttpRequest& request, long status, const std::string& body)
{
    std::string detail = request.method + " " + redactUrl(request.url) + ": HTTP " + std::to_string(status);
    const std::string message = platformMessage(body);
    if (!message.empty())
        detail += ": " + message;
    return scrubSecrets(std::move(detail), request);
}

bool isRetrySafe(const HttpRequest& request)
{
    return request.method != "POST" || request.retryUnsafe || request.headers.contains("Idempotency-Key");
}

} // namespace

void ThreadSleeper::sleepFor(std::chrono::milliseconds duration)
{
    std::this_thread::sleep_for(duration);
}

struct HttpClient::CurlHandle
{
    CURL* handle = nullptr;
    ~CurlHandle()
    {
        if (handle)
            curl_easy_cleanup(handle);
    }
};

// The outcome of one transfer: a libcurl failure or an HTTP response.
struct HttpClient::Attempt
{
    CURLcode curlCode = CURLE_OK;
    std::string curlMessage;
    HttpResponse response;
};

HttpClient::HttpClient(HttpClientOptions options, Sleeper& sleeper, const engine::Clock& clock,
                       std::shared_ptr<RateLimiter> limiter)
    : m_options(std::move(options)), m_sleeper(sleeper), m_clock(clock), m_limiter(std::move(limiter)),
      m_curl(std::make_unique<CurlHandle>())
{
    static std::once_flag globalInit;
    std::call_once(globalInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (!m_limiter)
        m_limiter = std::make_shared<RateLimiter>(m_clock);
    m_rng.seed(m_options.jitterSeed != 0 ? m_options.jitterSeed : std::random_device{}());
    m_curl->handle = curl_easy_init();
}

HttpClient::~HttpClient() = default;

std::string HttpClient::userAgent()
{
    return std::string("Herald/") + HERALD_VERSION;
}

HttpClient::Attempt HttpClient::attemptOnce(const HttpRequest& request)
{
    Attempt attempt;
    CURL* h = m_curl->handle;
    curl_easy_reset(h); // keeps the connection cache, so the next request to the host reuses its connection
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L); // a redirect is returned, never followed with our token
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(m_options.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.totalTimeout.count()));
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    const std::string agent = userAgent();
    curl_easy_setopt(h, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &writeBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &attempt.response.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &writeHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &attempt.response.headers);

    std::unique_ptr<curl_slist, SlistDeleter> headerList;
    auto appendHeader = [&](const std::string& line) {
        curl_slist* grown = curl_slist_append(headerList.get(), line.c_str());
        if (grown) {
            (void)headerList.release();
            headerList.reset(grown);
        }
    };
    for (const auto& [name, value] : request.headers.fields())
        appendHeader(name + ": " + value);
    appendHeader("Expect:"); // no 100-continue round trip for uploads

    std::unique_ptr<curl_mime, MimeDeleter> mime;
    std::string formBody;
    if (!request.files.empty()) {
        mime.reset(curl_mime_init(h));
        for (const auto& [name, value] : request.form) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, name.c_str());
            curl_mime_data(part, value.data(), value.size());
        }
        for (const auto& file : request.files) {
            curl_mimepart* part = curl_mime_addpart(mime.get());
            curl_mime_name(part, file.field.c_str());
            if (!file.path.empty())
                curl_mime_filedata(part, file.path.c_str());
            else
                curl_mime_data(part, file.data.data(), file.data.size());
            if (!file.fileName.empty())
                curl_mime_filename(part, file.fileName.c_str());
            if (!file.contentType.empty())
                curl_mime_type(part, file.contentType.c_str());
        }
        curl_easy_setopt(h, CURLOPT_MIMEPOST, mime.get());
    } else if (!request.form.empty()) {
        for (const auto& [name, value] : request.form) {
            if (!formBody.empty())
                formBody += '&';
            formBody += urlEncode(name) + "=" + urlEncode(value);
        }
        appendHeader("Content-Type: application/x-www-form-urlencoded");
    }
    const std::string& body = request.files.empty() && !request.form.empty() ? formBody : request.body;
    const bool hasBody = mime || !body.empty();
    if (!mime && (hasBody || request.method == "POST")) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    }
    if (request.method == "HEAD")
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    else if (request.method == "GET" && !hasBody)
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    else if (request.method != "POST")
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());

    attempt.curlCode = curl_easy_perform(h);
    if (attempt.curlCode != CURLE_OK) {
        attempt.curlMessage = errorBuffer[0] != '\0' ? errorBuffer : curl_easy_strerror(attempt.curlCode);
        return attempt;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &attempt.response.status);
    return attempt;
}

Result<HttpResponse> HttpClient::send(const HttpRequest& request)
{
    auto host = checkUrlAllowed(request.url);
    if (!host)
        return tl::unexpected(host.error());
    if (!m_curl->handle)
        return fail(ErrorCode::Network, "libcurl could not create a handle");
    std::lock_guard lock(m_mutex);
    const std::string what = request.method + " " + redactUrl(request.url);
    auto log = [&](const std::string& line) {
        if (m_options.log)
            m_options.log(scrubSecrets(line, request));
    };
    std::chrono::milliseconds slept{0};
    Error last{ErrorCode::Network, what + ": not attempted"};
    const int attempts = std::max(1, m_options.maxAttempts);
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (const std::int64_t wait = m_limiter->waitSeconds(*host); wait > 0) {
            if (std::chrono::seconds(wait) > m_options.maxRateLimitWait) {
                return fail(ErrorCode::RateLimited, what + ": rate limit of " + *host + " exhausted; retry after " +
                                                        std::to_string(wait) + " s");
            }
            log(what + ": waiting " + std::to_string(wait) + " s for the rate limit of " + *host);
            m_sleeper.sleepFor(std::chrono::seconds(wait));
        }

        Attempt result = attemptOnce(request);
        bool transient = false;
        if (result.curlCode != CURLE_OK) {
            const bool timedOut = result.curlCode == CURLE_OPERATION_TIMEDOUT;
            transient = timedOut || result.curlCode == CURLE_COULDNT_CONNECT || result.curlCode == CURLE_RECV_ERROR ||
                        result.curlCode == CURLE_SEND_ERROR || result.curlCode == CURLE_GOT_NOTHING ||
                        result.curlCode == CURLE_PARTIAL_FILE || result.curlCode == CURLE_COULDNT_RESOLVE_HOST ||
                        result.curlCode == CURLE_HTTP2 || result.curlCode == CURLE_HTTP2_STREAM;
            last = Error{timedOut ? ErrorCode::Timeout : ErrorCode::Network,
                         scrubSecrets(what + ": " + result.curlMessage, request)};
            log(last.detail);
        } else {
            const HttpResponse& response = result.response;
            m_limiter->update(*host, response.headers);
            log(what + " -> " + std::to_string(response.status));
            const long status = response.status;
            if (status >= 200 && status < 400)
                return std::move(result.response);
            const std::string detail = httpErrorDetail(request, status, response.body);
            if (status == 429) {
                const std::int64_t now = m_clock.nowUtc();
                std::optional<std::int64_t> until;
                const std::string retryAfter = response.headers.value("Retry-After");
                std::int64_t seconds = 0;
                const auto [ptr, ec] =
                    std::from_chars(retryAfter.data(), retryAfter.data() + retryAfter.size(), seconds);
                if (!retryAfter.empty() && ec == std::errc() && ptr == retryAfter.data() + retryAfter.size())
                    until = now + seconds;
                else if (auto date = parseHttpDate(retryAfter))
                    until = *date;
                else
                    until = m_limiter->resetFromHeaders(response.headers);
                const std::int64_t wait = std::max<std::int64_t>(1, until.value_or(now + 60) - now);
                m_limiter->block(*host, now + wait);
                last = Error{ErrorCode::RateLimited, detail + "; retry after " + std::to_string(wait) + " s"};
                if (std::chrono::seconds(wait) > m_options.maxRateLimitWait || attempt + 1 == attempts)
                    return tl::unexpected(last);
                continue; // the limiter makes the next attempt wait
            }
            if (status >= 500) {
                transient = true;
                last = Error{ErrorCode::Network, detail};
            } else if (status == 401) {
                return fail(ErrorCode::AuthExpired, detail);
            } else if (status == 403) {
                return fail(ErrorCode::Permission, detail);
            } else if (status == 404 || status == 410) {
                return fail(ErrorCode::NotFound, detail);
            } else {
                return fail(ErrorCode::Invalid, detail);
            }
        }
        if (!transient || !isRetrySafe(request))
            return tl::unexpected(last);
        if (attempt + 1 == attempts)
            break;
        // Full jitter: uniform in [0, min(cap, base * 2^attempt)].
        const auto ceiling = std::min<std::int64_t>(m_options.backoffCap.count(), m_options.backoffBase.count()
                                                                                      << std::min(attempt, 20));
        std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(0, ceiling));
        const std::chrono::milliseconds backoff{pick(m_rng)};
        if (slept + backoff > m_options.maxTotalWait) {
            last.detail += " (gave up after " + std::to_string(attempt + 1) + " attempts: retry budget spent)";
            return tl::unexpected(last);
        }
        slept += backoff;
        m_sleeper.sleepFor(backoff);
    }
    last.detail += " (gave up after " + std::to_string(attempts) + " attempts)";
    return tl::unexpected(last);
}

Result<std::string> checkUrlAllowed(std::string_view url)
{
    std::unique_ptr<CURLU, CurlUrlDeleter> parsed(curl_url());
    const std::string text(url);
    if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
        return fail(ErrorCode::Invalid, "not a valid URL: " + redactUrl(url));
    char* rawScheme = nullptr;
    char* rawHost = nullptr;
    if (curl_url_get(parsed.get(), CURLUPART_SCHEME, &rawScheme, 0) != CURLUE_OK ||
        curl_url_get(parsed.get(), CURLUPART_HOST, &rawHost, 0) != CURLUE_OK) {
        curl_free(rawScheme);
        return fail(ErrorCode::Invalid, "URL without scheme or host: " + redactUrl(url));
    }
    const std::unique_ptr<char, CurlFreeDeleter> scheme(rawScheme);
    const std::unique_ptr<char, CurlFreeDeleter> host(rawHost);
    const std::string lowerScheme = toLower(scheme.get());
    const std::string lowerHost = toLower(host.get());
    if (lowerScheme == "https")
        return lowerHost;
    if (lowerScheme == "http") {
        if (isLoopbackHost(lowerHost))
            return lowerHost;
        return fail(ErrorCode::Invalid, "plain http is allowed only to loopback hosts; use https for " + lowerHost);
    }
    return fail(ErrorCode::Invalid, "unsupported URL scheme '" + lowerScheme + "'");
}

std::string redactUrl(std::string_view url)
{
    const auto query = url.find('?');
    if (query == std::string_view::npos)
        return std::string(url);
    const auto fragment = url.find('#', query);
    std::string out(url.substr(0, query + 1));
    const std::string_view params =
        url.substr(query + 1, fragment == std::string_view::npos ? url.npos : fragment - query - 1);
    std::size_t pos = 0;
    while (pos <= params.size()) {
        const std::size_t amp = std::min(params.find('&', pos), params.size());
        const std::string_view pair = params.substr(pos, amp - pos);
        const std::size_t eq = pair.find('=');
        const std::string_view name = pair.substr(0, eq);
        if (pos > 0)
            out += '&';
        if (eq != std::string_view::npos && isSecretParam(urlDecode(name)))
            out += std::string(name) + "=REDACTED";
        else
            out += pair;
        pos = amp + 1;
    }
    if (fragment != std::string_view::npos)
        out += url.substr(fragment);
    return out;
}

std::optional<std::int64_t> rateLimitWaitSeconds(const Error& error)
{
    static constexpr std::string_view kMarker = "retry after ";
    if (error.code != ErrorCode::RateLimited)
        return std::nullopt;
    const auto pos = error.detail.rfind(kMarker);
    if (pos == std::string::npos)
        return std::nullopt;
    std::int64_t seconds = 0;
    const char* begin = error.detail.data() + pos + kMarker.size();
    const auto [ptr, ec] = std::from_chars(begin, error.detail.data() + error.detail.size(), seconds);
    if (ec != std::errc() || ptr == begin)
        return std::nullopt;
    return seconds;
}

std::string platformMessage(std::string_view body)
{
    std::string message;
    const auto json = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (!json.is_discarded() && json.is_object()) {
        auto text = [&](const nlohmann::json& object, const char* key) -> std::string {
            const auto it = object.find(key);
            return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        if (const auto error = json.find("error"); error != json.end() && error->is_object())
            message = text(*error, "message");
        else
            message = text(json, "error");
        for (const char* key : {"error_description", "message", "detail", "title"}) {
            const std::string extra = text(json, key);
            if (!extra.empty() && extra != message)
                message += message.empty() ? extra : " (" + extra + ")";
        }
    } else if (json.is_discarded()) {
        message.assign(body.substr(0, kMaxMessageChars));
        std::replace_if(
            message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    }
    if (message.size() > kMaxMessageChars)
        message.resize(kMaxMessageChars);
    return message;
}

} // namespace herald::connectors
