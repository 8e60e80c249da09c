#include "herald/connectors/TextLength.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace herald::connectors {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr int kUrlLength = 23; // Mastodon's characters_reserved_per_url and X's transformedURLLength

std::vector<char32_t> decodeUtf8(std::string_view s)
{
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        int extra = 0;
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
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        bool valid = i + static_cast<std::size_t>(extra) < s.size();
        for (int k = 1; valid && k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80)
                valid = false;
            else
                cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are invalid too.
        const bool overlongOrSurrogate = extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF));
        if (valid && (overlongOrSurrogate || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))))
            valid = false;
        if (!valid) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

struct Range
{
    char32_t first;
    char32_t last;
};

template <std::size_t N> bool inRanges(char32_t cp, const Range (&ranges)[N])
{
    // Ranges are sorted; binary search for the last range starting at or before cp.
    const auto it = std::upper_bound(std::begin(ranges), std::end(ranges), cp,
                                     [](char32_t value, const Range& r) { return value < r.first; });
    return it != std::begin(ranges) && cp <= std::prev(it)->last;
}

// Grapheme_Cluster_Break=Extend for the common scripts (Mn, Me, Grapheme_Extend Mc, ZWNJ, variation
// selectors, emoji modifiers, tags). Not the full Unicode table.
constexpr Range kExtend[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
    {0x05C7, 0x05C7},   {0x0610, 0x061A},   {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0711, 0x0711}, {0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x07EB, 0x07F3},
    {0x0816, 0x082D},   {0x0859, 0x085B},   {0x08D3, 0x08E1}, {0x08E3, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C},
    {0x0941, 0x0948},   {0x094D, 0x094D},   {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC},
    {0x09BE, 0x09BE},   {0x09C1, 0x09C4},   {0x09CD, 0x09CD}, {0x09D7, 0x09D7}, {0x09E2, 0x09E3}, {0x0A01, 0x0A02},
    {0x0A3C, 0x0A3C},   {0x0A41, 0x0A51},   {0x0A70, 0x0A71}, {0x0A75, 0x0A75}, {0x0A81, 0x0A82}, {0x0ABC, 0x0ABC},
    {0x0AC1, 0x0AC8},   {0x0ACD, 0x0ACD},   {0x0AE2, 0x0AE3}, {0x0B01, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3E, 0x0B3F},
    {0x0B41, 0x0B44},   {0x0B4D, 0x0B4D},   {0x0B56, 0x0B57}, {0x0B82, 0x0B82}, {0x0BBE, 0x0BBE}, {0x0BC0, 0x0BC0},
    {0x0BCD, 0x0BCD},   {0x0BD7, 0x0BD7},   {0x0C00, 0x0C00}, {0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0CBC, 0x0CBC},
    {0x0CCC, 0x0CCD},   {0x0D41, 0x0D44},   {0x0D4D, 0x0D4D}, {0x0DCA, 0x0DCA}, {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},   {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD}, {0x0F71, 0x0F7E},
    {0x0F80, 0x0F84},   {0x102D, 0x1030},   {0x1032, 0x1037}, {0x1039, 0x103A}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD},
    {0x17C6, 0x17C6},   {0x17C9, 0x17D3},   {0x180B, 0x180D}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200C, 0x200C},
    {0x20D0, 0x20FF},   {0x2CEF, 0x2CF1},   {0x2DE0, 0x2DFF}, {0x302A, 0x302F}, {0x3099, 0x309A}, {0xA66F, 0xA672},
    {0xA674, 0xA67D},   {0xA69E, 0xA69F},   {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFF9E, 0xFF9F}, {0x1F3FB, 0x1F3FF},
    {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

// Grapheme_Cluster_Break=SpacingMark for Indic and South-East Asian scripts (subset).
constexpr Range kSpacingMark[] = {
    {0x0903, 0x0903}, {0x093B, 0x093B}, {0x093E, 0x0940}, {0x0949, 0x094C}, {0x094E, 0x094F}, {0x0982, 0x0983},
    {0x09BF, 0x09C0}, {0x09C7, 0x09C8}, {0x09CB, 0x09CC}, {0x0A03, 0x0A03}, {0x0A3E, 0x0A40}, {0x0A83, 0x0A83},
    {0x0ABE, 0x0AC0}, {0x0AC9, 0x0AC9}, {0x0ACB, 0x0ACC}, {0x0B02, 0x0B03}, {0x0B40, 0x0B40}, {0x0B47, 0x0B4C},
    {0x0BBF, 0x0BBF}, {0x0BC1, 0x0BCC}, {0x0C01, 0x0C03}, {0x0C41, 0x0C44}, {0x0D02, 0x0D03}, {0x0D3F, 0x0D40},
    {0x0D46, 0x0D4C}, {0x0E33, 0x0E33}, {0x0EB3, 0x0EB3}, {0x1031, 0x1031}, {0x103B, 0x103C}, {0x17B6, 0x17B6},
    {0x17BE, 0x17C5}, {0x17C7, 0x17C8},
};

// Extended_Pictographic (approximate: the emoji blocks and the pictographs of the BMP).
constexpr Range kPictographic[] = {
    {0x00A9, 0x00A9},   {0x00AE, 0x00AE},   {0x203C, 0x203C},   {0x2049, 0x2049},   {0x2122, 0x2122},
    {0x2139, 0x2139},   {0x2194, 0x2199},   {0x21A9, 0x21AA},   {0x231A, 0x231B},   {0x2328, 0x2328},
    {0x23CF, 0x23CF},   {0x23E9, 0x23F3},   {0x23F8, 0x23FA},   {0x24C2, 0x24C2},   {0x25AA, 0x25AB},
    {0x25B6, 0x25B6},   {0x25C0, 0x25C0},   {0x25FB, 0x25FE},   {0x2600, 0x27BF},   {0x2934, 0x2935},
    {0x2B05, 0x2B07},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x3030, 0x3030},
    {0x303D, 0x303D},   {0x3297, 0x3297},   {0x3299, 0x3299},   {0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F},
    {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171}, {0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F1AD, 0x1F1E5}, {0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A},
    {0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F}, {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F},
    {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF},
    {0x1FC00, 0x1FFFD},
};

enum class Gcb { Other, CR, LF, Control, Extend, Zwj, RegionalIndicator, SpacingMark, L, V, T, LV, LVT, Pictographic };

Gcb breakProperty(char32_t cp)
{
    if (cp == U'\r')
        return Gcb::CR;
    if (cp == U'\n')
        return Gcb::LF;
    if (cp == 0x200D)
        return Gcb::Zwj;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x00AD || cp == 0x200B || cp == 0x2028 || cp == 0x2029 ||
        (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF)
        return Gcb::Control;
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF)
        return Gcb::RegionalIndicator;
    if (cp >= 0x1100 && cp <= 0x115F)
        return Gcb::L;
    if (cp >= 0xA960 && cp <= 0xA97C)
        return Gcb::L;
    if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6))
        return Gcb::V;
    if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB))
        return Gcb::T;
    if (cp >= 0xAC00 && cp <= 0xD7A3)
        return (cp - 0xAC00) % 28 == 0 ? Gcb::LV : Gcb::LVT;
    if (inRanges(cp, kExtend))
        return Gcb::Extend;
    if (inRanges(cp, kSpacingMark))
        return Gcb::SpacingMark;
    if (inRanges(cp, kPictographic))
        return Gcb::Pictographic;
    return Gcb::Other;
}

// Calls visit(begin, end) for each extended grapheme cluster of `cps` (UAX #29 rules GB3-GB13).
template <typename Visit> void forEachGrapheme(const std::vector<char32_t>& cps, Visit visit)
{
    if (cps.empty())
        return;
    std::size_t start = 0;
    Gcb prev = breakProperty(cps[0]);
    bool pictographicRun = prev == Gcb::Pictographic; // ExtPict Extend* so far (for GB11)
    int regionalRun = prev == Gcb::RegionalIndicator ? 1 : 0;
    for (std::size_t i = 1; i < cps.size(); ++i) {
        const Gcb cur = breakProperty(cps[i]);
        bool join = false;
        if (prev == Gcb::CR && cur == Gcb::LF)
            join = true; // GB3
        else if (prev == Gcb::CR || prev == Gcb::LF || prev == Gcb::Control || cur == Gcb::CR || cur == Gcb::LF ||
                 cur == Gcb::Control)
            join = false; // GB4, GB5
        else if (prev == Gcb::L && (cur == Gcb::L || cur == Gcb::V || cur == Gcb::LV || cur == Gcb::LVT))
            join = true; // GB6
        else if ((prev == Gcb::LV || prev == Gcb::V) && (cur == Gcb::V || cur == Gcb::T))
            join = true; // GB7
        else if ((prev == Gcb::LVT || prev == Gcb::T) && cur == Gcb::T)
            join = true; // GB8
        else if (cur == Gcb::Extend || cur == Gcb::Zwj || cur == Gcb::SpacingMark)
            join = true; // GB9, GB9a
        else if (prev == Gcb::Zwj && cur == Gcb::Pictographic && pictographicRun)
            join = true; // GB11
        else if (prev == Gcb::RegionalIndicator && cur == Gcb::RegionalIndicator && regionalRun % 2 == 1)
            join = true; // GB12, GB13
        if (!join) {
            visit(start, i);
            start = i;
        }
        // State for GB11: ExtPict Extend* ZWJ; anything after the ZWJ but a pictograph ends the run.
        if (cur == Gcb::Pictographic)
            pictographicRun = true;
        else if (cur == Gcb::Extend || cur == Gcb::Zwj)
            pictographicRun = pictographicRun && prev != Gcb::Zwj;
        else
            pictographicRun = false;
        regionalRun = cur == Gcb::RegionalIndicator ? (join ? regionalRun + 1 : 1) : 0;
        prev = cur;
    }
    visit(start, cps.size());
}

bool isAsciiAlnum(char32_t cp)
{
    return cp < 0x80 && std::isalnum(static_cast<int>(cp));
}

bool startsWithAt(const std::vector<char32_t>& cps, std::size_t pos, std::string_view prefix)
{
    if (pos + prefix.size() > cps.size())
        return false;
    for (std::size_t k = 0; k < prefix.size(); ++k) {
        const char32_t c = cps[pos + k];
        if (c >= 0x80 || std::tolower(static_cast<int>(c)) != prefix[k])
            return false;
    }
    return true;
}

bool isSpace(char32_t cp)
{
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x00A0 || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200A);
}

// The end of an http(s) URL starting at `pos`, or `pos` when there is none. Trailing punctuation
// and an unbalanced closing parenthesis belong to the sentence, not the URL.
std::size_t urlEnd(const std::vector<char32_t>& cps, std::size_t pos)
{
    if (pos > 0 && isAsciiAlnum(cps[pos - 1]))
        return pos;
    std::size_t schemeLength = 0;
    if (startsWithAt(cps, pos, "https://"))
        schemeLength = 8;
    else if (startsWithAt(cps, pos, "http://"))
        schemeLength = 7;
    else
        return pos;
    std::size_t end = pos + schemeLength;
    while (end < cps.size() && !isSpace(cps[end]) && cps[end] != U'<' && cps[end] != U'>' && cps[end] != U'"')
        ++end;
    auto trailing = [](char32_t c) {
        return c == U'.' || c == U',' || c == U';' || c == U':' || c == U'!' || c == U'?' || c == U'\'' || c == U']' ||
               c == U'}';
    };
    for (;;) {
        if (end > pos + schemeLength && trailing(cps[end - 1])) {
            --end;
        } else if (end > pos + schemeLength && cps[end - 1] == U')' &&
                   std::count(cps.begin() + static_cast<std::ptrdiff_t>(pos),
                              cps.begin() + static_cast<std::ptrdiff_t>(end),
                              U'(') < std::count(cps.begin() + static_cast<std::ptrdiff_t>(pos),
                                                 cps.begin() + static_cast<std::ptrdiff_t>(end), U')')) {
            --end;
        } else {
            break;
        }
    }
    if (end == pos + schemeLength || !isAsciiAlnum(cps[pos + schemeLength]))
        return pos; // "https://" alone is text
    return end;
}

bool isHandleChar(char32_t cp)
{
    return isAsciiAlnum(cp) || cp == U'_';
}

// Mastodon counts "@user@domain" as "@user": returns the end of the domain part if `pos` starts
// such a mention, else `pos`; `localEnd` receives the end of "@user".
std::size_t remoteMentionEnd(const std::vector<char32_t>& cps, std::size_t pos, std::size_t& localEnd)
{
    if (cps[pos] != U'@' || (pos > 0 && (isHandleChar(cps[pos - 1]) || cps[pos - 1] == U'@')))
        return pos;
    std::size_t i = pos + 1;
    while (i < cps.size() && (isHandleChar(cps[i]) || cps[i] == U'.' || cps[i] == U'-'))
        ++i;
    while (i > pos + 1 && (cps[i - 1] == U'.' || cps[i - 1] == U'-'))
        --i;
    if (i == pos + 1 || i >= cps.size() || cps[i] != U'@')
        return pos;
    localEnd = i;
    std::size_t j = i + 1;
    bool dot = false;
    while (j < cps.size() && (isAsciiAlnum(cps[j]) || cps[j] == U'-' || cps[j] == U'.')) {
        dot = dot || cps[j] == U'.';
        ++j;
    }
    while (j > i + 1 && (cps[j - 1] == U'.' || cps[j - 1] == U'-'))
        --j;
    if (j == i + 1 || !dot)
        return pos;
    return j;
}

// twitter-text v3 weights: these ranges weigh 1, everything else 2.
int xWeight(char32_t cp)
{
    if (cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) ||
        (cp >= 0x2032 && cp <= 0x2037))
        return 1;
    return 2;
}

int countMastodon(const std::vector<char32_t>& cps)
{
    int total = 0;
    for (std::size_t i = 0; i < cps.size();) {
        if (const std::size_t end = urlEnd(cps, i); end > i) {
            total += kUrlLength;
            i = end;
            continue;
        }
        std::size_t localEnd = 0;
        if (const std::size_t end = remoteMentionEnd(cps, i, localEnd); end > i) {
            total += static_cast<int>(localEnd - i);
            i = end;
            continue;
        }
        ++total;
        ++i;
    }
    return total;
}

int countX(const std::vector<char32_t>& cps)
{
    // URLs first, then the rest cluster by cluster so that an emoji sequence weighs 2 whatever its length.
    int total = 0;
    std::vector<char32_t> run;
    auto flush = [&] {
        forEachGrapheme(run, [&](std::size_t begin, std::size_t end) {
            const bool emoji = std::any_of(run.begin() + static_cast<std::ptrdiff_t>(begin),
                                           run.begin() + static_cast<std::ptrdiff_t>(end), [](char32_t cp) {
                                               const Gcb p = breakProperty(cp);
                                               return (p == Gcb::Pictographic && cp >= 0x2000) ||
                                                      p == Gcb::RegionalIndicator || cp == 0xFE0F || cp == 0x20E3;
                                           });
            if (emoji) {
                total += 2;
                return;
            }
            for (std::size_t k = begin; k < end; ++k)
                total += xWeight(run[k]);
        });
        run.clear();
    };
    for (std::size_t i = 0; i < cps.size();) {
        if (const std::size_t end = urlEnd(cps, i); end > i) {
            flush();
            total += kUrlLength;
            i = end;
            continue;
        }
        run.push_back(cps[i]);
        ++i;
    }
    flush();
    return total;
}

} // namespace

std::size_t graphemeCount(std::string_view text)
{
    std::size_t count = 0;
    forEachGrapheme(decodeUtf8(text), [&](std::size_t, std::size_t) { ++count; });
    return count;
}

int countForPlatform(std::string_view text, engine::Platform platform)
{
    const std::vector<char32_t> cps = decodeUtf8(text);
    switch (platform) {
    case engine::Platform::Mastodon:
        return countMastodon(cps);
    case engine::Platform::Bluesky: {
        int count = 0;
        forEachGrapheme(cps, [&](std::size_t, std::size_t) { ++count; });
        return count;
    }
    case engine::Platform::X:
        return countX(cps);
    default:
        return static_cast<int>(cps.size());
    }
}

} // namespace herald::connectors
