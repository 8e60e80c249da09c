#include "herald/connectors/bluesky/BlueskyConnector.h"

#include <algorithm>

namespace herald::connectors {

namespace {

struct CodePoint
{
    char32_t cp = 0;
    std::size_t byte = 0; // offset of its first byte
    std::size_t size = 1; // its length in bytes
};

// Invalid bytes become U+FFFD of one byte, so offsets stay exact.
std::vector<CodePoint> decode(std::string_view s)
{
    std::vector<CodePoint> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        if (b < 0x80) {
            cp = b;
        } else if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
            cp = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            cp = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            cp = b & 0x07;
        } else {
            out.push_back({0xFFFD, i, 1});
            ++i;
            continue;
        }
        bool valid = i + extra < s.size();
        for (std::size_t k = 1; valid && k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            valid = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!valid) {
            out.push_back({0xFFFD, i, 1});
            ++i;
            continue;
        }
        out.push_back({cp, i, extra + 1});
        i += extra + 1;
    }
    return out;
}

// JavaScript's \s, which the official client's regular expressions use.
bool isSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Characters that end a hashtag like white space does (soft hyphen, word joiner, zero-width spaces...).
bool endsTag(char32_t c)
{
    return isSpace(c) || c == 0x00AD || c == 0x2060 || (c >= 0x200A && c <= 0x200D) || c == 0x20E2;
}

// Unicode general category P for ASCII, Latin-1, general punctuation and CJK/full-width punctuation.
bool isPunctuation(char32_t c)
{
    if (c < 0x80) {
        static constexpr std::string_view kAscii = "!\"#%&'()*,-./:;?@[\\]_{}";
        return kAscii.find(static_cast<char>(c)) != std::string_view::npos;
    }
    return c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF ||
           (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
           (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) || c == 0x30FB ||
           (c >= 0xFF01 && c <= 0xFF03) || (c >= 0xFF05 && c <= 0xFF0A) || (c >= 0xFF0C && c <= 0xFF0F) ||
           c == 0xFF1A || c == 0xFF1B || c == 0xFF1F || c == 0xFF20 || (c >= 0xFF3B && c <= 0xFF3D) || c == 0xFF3F ||
           c == 0xFF5B || c == 0xFF5D || (c >= 0xFF5F && c <= 0xFF65);
}

bool isDigit(char32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool isHandleChar(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '.' || c == '-';
}

// Closing punctuation that ends a URL in running text (the official client strips the ASCII ones;
// the full-width ones keep a URL followed by a CJK full stop or comma clickable).
bool isUrlTrailer(char32_t c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x3001 || c == 0x3002 ||
           c == 0xFF0C || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A || c == 0xFF1B;
}

// A domain-shaped handle: at least two labels of [A-Za-z0-9-], no label starting or ending with '-',
// and an alphabetic top-level label.
bool isValidHandle(std::string_view handle)
{
    if (handle.size() < 3 || handle.size() > 253)
        return false;
    std::size_t labels = 0;
    std::size_t pos = 0;
    std::string_view last;
    while (pos <= handle.size()) {
        const std::size_t dot = std::min(handle.find('.', pos), handle.size());
        const std::string_view label = handle.substr(pos, dot - pos);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        last = label;
        ++labels;
        pos = dot + 1;
    }
    return labels >= 2 && last.size() >= 2 && std::all_of(last.begin(), last.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           });
}

bool startsWithScheme(const std::vector<CodePoint>& cps, std::size_t i, std::string_view scheme)
{
    if (i + scheme.size() > cps.size())
        return false;
    for (std::size_t k = 0; k < scheme.size(); ++k) {
        char32_t c = cps[i + k].cp;
        if (c >= 'A' && c <= 'Z')
            c = c - 'A' + 'a';
        if (c != static_cast<unsigned char>(scheme[k]))
            return false;
    }
    return true;
}

std::string slice(std::string_view text, const std::vector<CodePoint>& cps, std::size_t from, std::size_t to)
{
    const std::size_t begin = cps[from].byte;
    const std::size_t end = to < cps.size() ? cps[to].byte : text.size();
    return std::string(text.substr(begin, end - begin));
}

} // namespace

std::vector<BlueskyFacet> detectBlueskyFacets(std::string_view text)
{
    const std::vector<CodePoint> cps = decode(text);
    auto byteAt = [&](std::size_t index) { return index < cps.size() ? cps[index].byte : text.size(); };
    std::vector<BlueskyFacet> facets;
    std::size_t i = 0;
    while (i < cps.size()) {
        const char32_t prev = i == 0 ? U' ' : cps[i - 1].cp;
        const bool afterSpace = isSpace(prev);
        const bool afterSpaceOrParen = afterSpace || prev == '(';
        const char32_t c = cps[i].cp;
        std::size_t next = i + 1;

        if ((c == '#' || c == 0xFF03) && afterSpace && (i + 1 >= cps.size() || cps[i + 1].cp != 0xFE0F)) {
            std::size_t end = i + 1;
            while (end < cps.size() && !endsTag(cps[end].cp))
                ++end;
            std::size_t trimmed = end;
            while (trimmed > i + 1 && isPunctuation(cps[trimmed - 1].cp))
                --trimmed;
            const bool hasWordChar = std::any_of(
                cps.begin() + static_cast<std::ptrdiff_t>(i + 1), cps.begin() + static_cast<std::ptrdiff_t>(trimmed),
                [](const CodePoint& p) { return !isDigit(p.cp) && !isPunctuation(p.cp); });
            if (hasWordChar && trimmed - (i + 1) <= 64) {
                facets.push_back(
                    {cps[i].byte, byteAt(trimmed), BlueskyFacet::Kind::Tag, slice(text, cps, i + 1, trimmed), {}});
            }
            next = std::max(end, i + 1);
        } else if (c == '@' && afterSpaceOrParen) {
            std::size_t end = i + 1;
            while (end < cps.size() && isHandleChar(cps[end].cp))
                ++end;
            while (end > i + 1 && (cps[end - 1].cp == '.' || cps[end - 1].cp == '-'))
                --end;
            const std::string handle = end > i + 1 ? slice(text, cps, i + 1, end) : std::string();
            const bool boundary = end >= cps.size() || cps[end].cp != '_';
            if (boundary && isValidHandle(handle))
                facets.push_back({cps[i].byte, byteAt(end), BlueskyFacet::Kind::Mention, handle, {}});
            next = std::max(end, i + 1);
        } else if (afterSpaceOrParen && (startsWithScheme(cps, i, "https://") || startsWithScheme(cps, i, "http://"))) {
            const std::size_t hostStart = i + (startsWithScheme(cps, i, "https://") ? 8 : 7);
            std::size_t end = i;
            while (end < cps.size() && !isSpace(cps[end].cp))
                ++end;
            while (end > hostStart && isUrlTrailer(cps[end - 1].cp))
                --end;
            std::string uri = end > hostStart ? slice(text, cps, i, end) : std::string();
            if (!uri.empty() && uri.back() == ')' && uri.find('(') == std::string::npos) {
                --end;
                uri.pop_back();
            }
            const bool hasHost = end > hostStart && cps[hostStart].cp != '/';
            if (hasHost)
                facets.push_back({cps[i].byte, byteAt(end), BlueskyFacet::Kind::Link, uri, {}});
            next = std::max(end, i + 1);
        }
        i = next;
    }
    return facets;
}

} // namespace herald::connectors
