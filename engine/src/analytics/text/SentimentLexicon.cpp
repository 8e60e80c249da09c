#include "herald/engine/analytics/Sentiment.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace herald::engine {

namespace {

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string lineError(std::string_view source, std::size_t line, const std::string& what)
{
    return std::string(source) + ":" + std::to_string(line) + ": " + what;
}

} // namespace

Result<SentimentLexicon> SentimentLexicon::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::NotFound, "cannot open lexicon " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        return fail(ErrorCode::Storage, "cannot read lexicon " + path);
    return parse(buffer.str(), path);
}

Result<SentimentLexicon> SentimentLexicon::parse(std::string_view text, std::string_view sourceName)
{
    SentimentLexicon lexicon;
    std::unordered_map<std::string_view, std::size_t> seen; // term -> line, to name both lines of a duplicate
    std::size_t lineNo = 0;
    std::size_t pos = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // tolerate a UTF-8 byte-order mark
        pos = 3;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        const std::string_view content = trimmed(line);
        if (content.empty() || content.front() == '#')
            continue;
        const std::size_t tab = content.find('\t');
        if (tab == std::string_view::npos)
            return fail(ErrorCode::Parse, lineError(sourceName, lineNo, "expected term<TAB>valence"));
        const std::string_view term = trimmed(content.substr(0, tab));
        const std::string valueText(trimmed(content.substr(tab + 1)));
        if (term.empty())
            return fail(ErrorCode::Parse, lineError(sourceName, lineNo, "empty term"));
        if (term.find('\t') != std::string_view::npos || term.find("  ") != std::string_view::npos)
            return fail(ErrorCode::Parse, lineError(sourceName, lineNo, "term contains a tab or a double space"));
        char* parsedEnd = nullptr;
        errno = 0;
        const double value = std::strtod(valueText.c_str(), &parsedEnd);
        if (valueText.empty() || parsedEnd != valueText.c_str() + valueText.size() || errno == ERANGE ||
            !std::isfinite(value))
            return fail(ErrorCode::Parse, lineError(sourceName, lineNo, "valence '" + valueText + "' is not a number"));
        if (value < -4.0 || value > 4.0)
            return fail(ErrorCode::Parse,
                        lineError(sourceName, lineNo, "valence " + valueText + " is outside [-4, 4]"));
        const auto [it, inserted] = seen.emplace(term, lineNo);
        if (!inserted)
            return fail(ErrorCode::Parse, lineError(sourceName, lineNo,
                                                    "duplicate term '" + std::string(term) + "' (first on line " +
                                                        std::to_string(it->second) + ")"));
        lexicon.m_entries.emplace_back(std::string(term), value);
    }
    return lexicon;
}

const double* SentimentLexicon::valence(std::string_view term) const
{
    // Linear scan: lookups on the lexicon object are for tests and tools; analysis uses the
    // analyzer's hash maps.
    for (const auto& [word, value] : m_entries) {
        if (word == term)
            return &value;
    }
    return nullptr;
}

} // namespace herald::engine
