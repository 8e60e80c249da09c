#include "herald/engine/import/CsvReader.h"

#include <array>

namespace herald::engine {

namespace {

std::string lineText(std::int64_t line)
{
    return "line " + std::to_string(line);
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Excel saves "Unicode text" as UTF-16 with a BOM; everything else is expected in UTF-8.
Result<std::string> utf16ToUtf8(std::string_view bytes, bool bigEndian)
{
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size())
                return fail(ErrorCode::Parse, "the UTF-16 text ends inside a surrogate pair");
            const std::uint32_t low = unit(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(ErrorCode::Parse, "the UTF-16 text has an unpaired surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(ErrorCode::Parse, "the UTF-16 text has an unpaired surrogate");
        }
        appendUtf8(out, cp);
    }
    return out;
}

// Length of the UTF-8 sequence at `p`, or 0 when it is not valid UTF-8.
std::size_t utf8Length(std::string_view s, std::size_t p)
{
    const auto c = static_cast<unsigned char>(s[p]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || p + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[p + k]) & 0xC0) != 0x80)
            return 0;
    if (n == 2 && c < 0xC2)
        return 0; // overlong
    return n;
}

} // namespace

char detectCsvDelimiter(std::string_view text)
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    constexpr std::array<char, 3> candidates = {',', ';', '\t'};
    std::array<int, 3> counts{};
    bool quoted = false;
    bool any = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
            continue;
        }
        if (!quoted && (c == '\n' || c == '\r')) {
            if (any)
                break;
            continue;
        }
        any = true;
        if (quoted)
            continue;
        for (std::size_t k = 0; k < candidates.size(); ++k)
            counts[k] += c == candidates[k];
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < candidates.size(); ++k)
        if (counts[k] > counts[best])
            best = k;
    return candidates[best];
}

Result<CsvDocument> readCsv(std::string_view text, char delimiter)
{
    std::string converted;
    if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")) {
        auto utf8 = utf16ToUtf8(text.substr(2), text[0] == '\xFE');
        if (!utf8)
            return tl::unexpected(utf8.error());
        converted = std::move(*utf8);
        text = converted;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    if (delimiter == 0)
        delimiter = detectCsvDelimiter(text);
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
        return fail(ErrorCode::Invalid, "a CSV delimiter cannot be a quote or a line break");

    CsvDocument doc;
    doc.delimiter = delimiter;
    CsvRecord record;
    std::string field;
    std::int64_t line = 1;
    std::int64_t quoteLine = 0;
    bool quoted = false;
    bool afterQuote = false;   // the current field's closing quote was seen
    bool fieldStarted = false; // the current record has content (blank lines are skipped)
    record.line = 1;

    auto endField = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        afterQuote = false;
    };
    auto endRecord = [&] {
        if (fieldStarted || !record.fields.empty()) {
            endField();
            doc.records.push_back(std::move(record));
        }
        record = CsvRecord{};
        field.clear();
        afterQuote = false;
        fieldStarted = false;
    };

    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            const std::size_t len = utf8Length(text, i);
            if (len == 0)
                return fail(ErrorCode::Parse, lineText(line) + " is not UTF-8 text (save the file as UTF-8 CSV)");
            if (afterQuote)
                return fail(ErrorCode::Parse, lineText(line) + ": text after a closing quote");
            field.append(text.substr(i, len));
            fieldStarted = true;
            i += len;
            continue;
        }
        if (quoted) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                afterQuote = true;
            } else {
                if (c == '\n')
                    ++line;
                else if (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))
                    ++line;
                field += c;
            }
            ++i;
            continue;
        }
        if (c == delimiter) {
            if (!fieldStarted)
                record.line = line;
            fieldStarted = true;
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n')
                ++i;
            endRecord();
            ++line;
            record.line = line;
        } else if (c == '"' && field.empty() && !afterQuote) {
            if (!fieldStarted)
                record.line = line;
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else {
            if (afterQuote)
                return fail(ErrorCode::Parse, lineText(line) + ": text after a closing quote");
            if (!fieldStarted)
                record.line = line;
            fieldStarted = true;
            field += c; // a quote inside an unquoted field is kept as written
        }
        ++i;
    }
    if (quoted)
        return fail(ErrorCode::Parse, lineText(quoteLine) + ": a quoted field is never closed");
    endRecord();
    return doc;
}

} // namespace herald::engine
