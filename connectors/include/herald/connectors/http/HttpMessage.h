#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herald::connectors {

/// Header fields in arrival order; lookups ignore case as HTTP requires.
class HttpHeaders
{
public:
    void add(std::string name, std::string value);
    /// Replaces every field of that name with one.
    void set(const std::string& name, std::string value);
    /// The first value of the field, or an empty string when absent.
    std::string value(std::string_view name) const;
    bool contains(std::string_view name) const;
    const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }
    void clear() { m_fields.clear(); }

private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

/// One part of a multipart body carrying a file (media upload). Either `path` names a file read by
/// libcurl while sending, or `data` holds the bytes.
struct FilePart
{
    std::string field;    // form field name, e.g. "file"
    std::string fileName; // sent as the part's filename
    std::string contentType;
    std::string path;
    std::string data;
};

/// A request as the connectors describe it. With `files` the body is multipart/form-data (the form
/// fields become parts); with only `form` it is application/x-www-form-urlencoded; otherwise `body`
/// is sent as is (set a Content-Type header for it).
struct HttpRequest
{
    std::string method = "GET";
    std::string url;
    HttpHeaders headers;
    std::string body;
    std::vector<std::pair<std::string, std::string>> form; // repeated names allowed ("media_ids[]")
    std::vector<FilePart> files;
    /// A POST is retried after a transient failure only when it carries an Idempotency-Key or this is set.
    bool retryUnsafe = false;
};

struct HttpResponse
{
    long status = 0;
    HttpHeaders headers;
    std::string body;
};

/// Percent-encodes a query or form value (RFC 3986 unreserved characters kept).
std::string urlEncode(std::string_view text);
/// Decodes %XX escapes and '+' (form encoding).
std::string urlDecode(std::string_view text);

} // namespace herald::connectors
