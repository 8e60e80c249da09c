#include "herald/engine/analytics/Sentiment.h"

#include "Utf8.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace herald::engine {

namespace {

using namespace text;
using Term = SentimentAnalyzer::Term;
using TermKind = SentimentAnalyzer::TermKind;

// Built-in function words. They win over a lexicon entry of the same spelling, because a word
// that scopes other words must not also count as sentiment on its own.
constexpr const char* kEnglishNegators[] = {"not",     "no",      "never",    "none",    "nobody", "nothing", "nowhere",
                                            "neither", "nor",     "cannot",   "without", "aint",   "isnt",    "arent",
                                            "wasnt",   "werent",  "dont",     "doesnt",  "didnt",  "cant",    "couldnt",
                                            "wont",    "wouldnt", "shouldnt", "havent",  "hasnt",  "hadnt",   "mustnt",
                                            "neednt",  "nope",    "nah",      "hardly",  "rarely", "seldom"};
constexpr const char* kEnglishBoosters[] = {
    "absolutely",    "completely", "considerably", "deeply",       "enormously",    "entirely",   "especially",
    "exceptionally", "extremely",  "fully",        "greatly",      "highly",        "hugely",     "incredibly",
    "intensely",     "majorly",    "most",         "particularly", "purely",        "quite",      "really",
    "remarkably",    "so",         "soo",          "sooo",         "substantially", "thoroughly", "totally",
    "tremendously",  "truly",      "unbelievably", "unusually",    "utterly",       "very",       "super",
    "mega",          "ultra",      "way",          "too",          "insanely",      "crazy",      "hella",
    "seriously",     "genuinely",  "soooo",        "real",         "so much",       "a lot",      "damn",
    "freaking",      "fricking",   "bloody",       "pretty"};
constexpr const char* kEnglishDiminishers[] = {
    "almost", "barely",       "kind of", "kinda",    "less",       "little",   "a little",
    "a bit",  "marginally",   "partly",  "scarcely", "slightly",   "somewhat", "sort of",
    "sorta",  "occasionally", "fairly",  "mostly",   "relatively", "a tad",    "bit"};
constexpr const char* kEnglishContrast[] = {"but", "however", "although", "though", "yet"};

constexpr const char* kChineseNegators[] = {
    "不",     "没",       "没有",     "别",       "未",     "无",     "不是",     "并不",   "并没有",  "从不", "从没",
    "从来不", "从来没有", "毫不",     "绝不",     "不会",   "不要",   "甭",       "勿",     "莫",      "并非", "没什么",
    "不怎么", "不算",     "一点都不", "一点也不", "根本不", "根本没", "根本没有", "完全不", "完全没有"};
constexpr const char* kChineseBoosters[] = {"很",   "非常", "太",   "超",   "超级", "特别", "极", "极其", "十分",
                                            "相当", "真",   "真的", "挺",   "蛮",   "最",   "更", "格外", "尤其",
                                            "实在", "异常", "无比", "如此", "那么", "这么", "巨", "贼",   "好好",
                                            "超超", "极度", "特",   "真心", "简直", "太过"};
constexpr const char* kChineseDiminishers[] = {"有点", "有些", "有一点", "稍微", "稍", "略",
                                               "略微", "一点", "一点点", "比较", "较", "还算"};
constexpr const char* kChineseContrast[] = {"但是", "但", "可是", "不过", "然而", "只是", "却"};

constexpr double kBoosterIncrement = 0.293;          // VADER's B_INCR
constexpr double kBoosterDecay[] = {1.0, 0.95, 0.9}; // by distance 1, 2, 3
constexpr char32_t kVariationSelector = 0xFE0F;

enum class TokenKind : unsigned char { Other, Sentiment, Negator, Booster, Contrast, Boundary, Emoji };

struct Token
{
    TokenKind kind = TokenKind::Other;
    double value = 0.0;
    bool allCaps = false;
    bool hao = false; // the Chinese "好", which intensifies a following sentiment term
};

// Emoji keys drop variation selectors and skin tones so that "👍🏽" and "👍️" find "👍".
std::string emojiKey(std::string_view s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = decode(s, i);
        if (c != kVariationSelector && !isSkinTone(c))
            appendUtf8(out, c);
    }
    return out;
}

int countCodePoints(std::string_view s)
{
    int n = 0;
    for (std::size_t i = 0; i < s.size();) {
        decode(s, i);
        ++n;
    }
    return n;
}

template <std::size_t N>
void addFunctionWords(SentimentAnalyzer::TermMap& map, const char* const (&words)[N], TermKind kind, double value)
{
    for (const char* w : words)
        map[w] = Term{kind, value};
}

struct Segmentation
{
    std::vector<std::string_view> words;
    int singles = 0;
};

// Lower-cases ASCII and maps the typographic apostrophe to '\''. Returns whether the word has at
// least two letters and no lower-case one (ALL CAPS).
bool normaliseWord(std::string_view raw, std::string& out)
{
    out.clear();
    int upper = 0;
    int lower = 0;
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t start = i;
        const char32_t c = decode(raw, i);
        if (c == 0x2019) {
            out.push_back('\'');
        } else if (c >= 'A' && c <= 'Z') {
            ++upper;
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            if (c >= 'a' && c <= 'z')
                ++lower;
            out.append(raw.substr(start, i - start));
        }
    }
    return upper >= 2 && lower == 0;
}

// "loooove" -> "loove" (maxRun 2) or "love" (maxRun 1); returns false when nothing was repeated 3+ times.
bool collapseRuns(const std::string& word, int maxRun, std::string& out)
{
    out.clear();
    bool changed = false;
    int run = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        run = (i > 0 && word[i] == word[i - 1]) ? run + 1 : 1;
        if (run <= maxRun)
            out.push_back(word[i]);
        else
            changed = true;
    }
    return changed;
}

} // namespace

SentimentLabel sentimentLabel(double score, double threshold)
{
    if (score >= threshold)
        return SentimentLabel::Positive;
    if (score <= -threshold)
        return SentimentLabel::Negative;
    return SentimentLabel::Neutral;
}

const char* sentimentLabelName(SentimentLabel label)
{
    switch (label) {
    case SentimentLabel::Negative:
        return "negative";
    case SentimentLabel::Neutral:
        return "neutral";
    case SentimentLabel::Positive:
        return "positive";
    }
    return "neutral";
}

SentimentAnalyzer::SentimentAnalyzer(const SentimentLexicon& english, const SentimentLexicon& chinese,
                                     const SentimentLexicon& emoji, SentimentOptions options)
    : m_options(options)
{
    addFunctionWords(m_latin, kEnglishNegators, TermKind::Negator, 0.0);
    addFunctionWords(m_latin, kEnglishBoosters, TermKind::Booster, kBoosterIncrement);
    addFunctionWords(m_latin, kEnglishDiminishers, TermKind::Booster, -kBoosterIncrement);
    addFunctionWords(m_latin, kEnglishContrast, TermKind::Contrast, 0.0);
    addFunctionWords(m_han, kChineseNegators, TermKind::Negator, 0.0);
    addFunctionWords(m_han, kChineseBoosters, TermKind::Booster, kBoosterIncrement);
    addFunctionWords(m_han, kChineseDiminishers, TermKind::Booster, -kBoosterIncrement);
    addFunctionWords(m_han, kChineseContrast, TermKind::Contrast, 0.0);

    std::string key;
    for (const auto& [word, value] : english.entries()) {
        normaliseWord(word, key);
        m_latin.try_emplace(key, Term{TermKind::Sentiment, value});
    }
    for (const auto& [word, value] : chinese.entries())
        m_han.try_emplace(word, Term{TermKind::Sentiment, value});
    for (const auto& [word, value] : emoji.entries())
        m_emoji.try_emplace(emojiKey(word), Term{TermKind::Sentiment, value});

    // Longest-match bounds per first word / first and last character, so that a lookup is only tried
    // for lengths some dictionary entry can have (most words and characters start no longer entry).
    for (const auto& entry : m_latin) {
        const std::size_t space = entry.first.find(' ');
        if (space == std::string::npos)
            continue;
        const int words = 1 + static_cast<int>(std::count(entry.first.begin(), entry.first.end(), ' '));
        int& longest = m_phraseWordsFrom[entry.first.substr(0, space)];
        longest = std::max(longest, words);
    }
    for (const auto& entry : m_han) {
        const int chars = countCodePoints(entry.first);
        std::size_t i = 0;
        const char32_t first = decode(entry.first, i);
        char32_t last = first;
        for (std::size_t j = i; j < entry.first.size();)
            last = decode(entry.first, j);
        int& fromFirst = m_hanCharsFrom[first];
        fromFirst = std::max(fromFirst, chars);
        int& toLast = m_hanCharsTo[last];
        toLast = std::max(toLast, chars);
    }
    for (const auto& entry : m_emoji)
        m_maxEmojiCodePoints = std::max(m_maxEmojiCodePoints, countCodePoints(entry.first));
}

Result<SentimentAnalyzer> SentimentAnalyzer::fromDirectory(const std::string& folder, SentimentOptions options)
{
    if (!(options.alpha > 0.0) || !(options.labelThreshold >= 0.0 && options.labelThreshold < 1.0) ||
        options.negationWindow < 0 || options.maxExclamations < 0)
        return fail(ErrorCode::Invalid, "sentiment options out of range");
    auto en = SentimentLexicon::load(folder + "/en.tsv");
    if (!en)
        return tl::unexpected(en.error());
    auto zh = SentimentLexicon::load(folder + "/zh.tsv");
    if (!zh)
        return tl::unexpected(zh.error());
    auto emoji = SentimentLexicon::load(folder + "/emoji.tsv");
    if (!emoji)
        return tl::unexpected(emoji.error());
    return SentimentAnalyzer(*en, *zh, *emoji, options);
}

std::vector<std::string> SentimentAnalyzer::segmentChinese(std::string_view run) const
{
    std::vector<std::string_view> words;
    segment(run, words);
    return {words.begin(), words.end()};
}

void SentimentAnalyzer::segment(std::string_view run, std::vector<std::string_view>& out) const
{
    // Code-point boundaries first, so that both passes step in characters.
    std::vector<std::size_t> cut{0};
    std::vector<char32_t> chars;
    for (std::size_t i = 0; i < run.size();) {
        chars.push_back(decode(run, i));
        cut.push_back(i);
    }
    const int n = static_cast<int>(chars.size());
    const auto piece = [&](int a, int b) { return run.substr(cut[a], cut[b] - cut[a]); };
    const auto longest = [](const std::unordered_map<char32_t, int>& bound, char32_t c) {
        const auto it = bound.find(c);
        return it == bound.end() ? 1 : it->second;
    };

    Segmentation forward;
    for (int a = 0; a < n;) {
        int len = std::min(longest(m_hanCharsFrom, chars[static_cast<std::size_t>(a)]), n - a);
        while (len > 1 && m_han.find(piece(a, a + len)) == m_han.end())
            --len;
        forward.words.push_back(piece(a, a + len));
        forward.singles += len == 1;
        a += len;
    }
    Segmentation backward;
    for (int b = n; b > 0;) {
        int len = std::min(longest(m_hanCharsTo, chars[static_cast<std::size_t>(b - 1)]), b);
        while (len > 1 && m_han.find(piece(b - len, b)) == m_han.end())
            --len;
        backward.words.push_back(piece(b - len, b));
        backward.singles += len == 1;
        b -= len;
    }
    std::reverse(backward.words.begin(), backward.words.end());

    // The usual bidirectional rule: fewer words, then fewer single characters, else backward.
    const bool takeForward = forward.words.size() < backward.words.size() ||
                             (forward.words.size() == backward.words.size() && forward.singles < backward.singles);
    out = std::move(takeForward ? forward.words : backward.words);
}

SentimentResult SentimentAnalyzer::analyze(std::string_view text) const
{
    std::vector<Token> tokens;
    std::vector<std::string> words; // pending Latin words of the current clause, normalised
    std::vector<char> wordCaps;
    int exclamations = 0;
    int hanChars = 0;
    int latinWords = 0;
    int lowerWords = 0; // words with a lower-case letter: ALL CAPS only emphasises in mixed-case text

    std::string key;
    std::string scratch;
    std::vector<std::string_view> hanWords;
    const auto flushWords = [&] {
        // Greedy longest phrase match over the clause's words.
        const int count = static_cast<int>(words.size());
        for (int i = 0; i < count;) {
            const Term* found = nullptr;
            int used = 1;
            const auto bound = m_phraseWordsFrom.find(words[static_cast<std::size_t>(i)]);
            const int maxWords = bound == m_phraseWordsFrom.end() ? 1 : bound->second;
            for (int k = std::min(maxWords, count - i); k >= 1 && !found; --k) {
                key = words[static_cast<std::size_t>(i)];
                for (int j = 1; j < k; ++j)
                    (key += ' ') += words[static_cast<std::size_t>(i + j)];
                if (auto it = m_latin.find(key); it != m_latin.end()) {
                    found = &it->second;
                    used = k;
                }
            }
            const std::string& w = words[static_cast<std::size_t>(i)];
            if (!found && w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) {
                static const Term negator{TermKind::Negator, 0.0};
                found = &negator;
            }
            if (!found) {
                for (int maxRun : {2, 1}) {
                    if (!collapseRuns(w, maxRun, scratch))
                        break;
                    if (auto it = m_latin.find(scratch); it != m_latin.end()) {
                        found = &it->second;
                        break;
                    }
                }
            }
            Token t;
            if (found) {
                t.kind = static_cast<TokenKind>(static_cast<int>(found->kind) + 1);
                t.value = found->value;
            }
            t.allCaps = wordCaps[static_cast<std::size_t>(i)] != 0;
            tokens.push_back(t);
            i += used;
        }
        words.clear();
        wordCaps.clear();
    };
    const auto pushHan = [&](std::string_view word) {
        Token t;
        if (auto it = m_han.find(word); it != m_han.end()) {
            t.kind = static_cast<TokenKind>(static_cast<int>(it->second.kind) + 1);
            t.value = it->second.value;
        }
        t.hao = word == "好";
        tokens.push_back(t);
    };
    const auto boundary = [&] {
        flushWords();
        tokens.push_back(Token{TokenKind::Boundary, 0.0, false, false});
    };

    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t c = decode(text, i);
        if (isSpace(c))
            continue;
        if (isHan(c)) {
            flushWords();
            std::size_t end = i;
            while (end < text.size()) {
                std::size_t next = end;
                if (!isHan(decode(text, next)))
                    break;
                end = next;
            }
            const std::string_view run = text.substr(start, end - start);
            hanChars += countCodePoints(run);
            segment(run, hanWords);
            for (const std::string_view w : hanWords)
                pushHan(w);
            i = end;
            continue;
        }
        if (c > 0x20 && c < 0x80 &&
            (start == 0 || isSpace(static_cast<unsigned char>(text[start - 1])) ||
             static_cast<unsigned char>(text[start - 1]) >= 0x80)) {
            // Emoticons are a whole ASCII chunk (between spaces or non-ASCII text): ":)", "T_T", "<3";
            // so the ")" of "(see above)" is never read as a smile.
            std::size_t end = start;
            while (end < text.size() && static_cast<unsigned char>(text[end]) > 0x20 &&
                   static_cast<unsigned char>(text[end]) < 0x80)
                ++end;
            if (end - start > 1) {
                if (auto it = m_emoji.find(text.substr(start, end - start)); it != m_emoji.end()) {
                    flushWords();
                    tokens.push_back(Token{TokenKind::Emoji, it->second.value, false, false});
                    i = end;
                    continue;
                }
            }
        }
        if (isLatinLetter(c) || (c >= '0' && c <= '9') || c == '\'' || c == 0x2019) {
            std::size_t end = i;
            while (end < text.size()) {
                std::size_t next = end;
                const char32_t d = decode(text, next);
                if (!(isLatinLetter(d) || (d >= '0' && d <= '9') || d == '\'' || d == 0x2019 || d == '-'))
                    break;
                end = next;
            }
            std::string_view raw = text.substr(start, end - start);
            while (!raw.empty() && (raw.back() == '-' || raw.back() == '\''))
                raw.remove_suffix(1);
            i = end;
            const bool caps = normaliseWord(raw, scratch);
            while (!scratch.empty() && scratch.front() == '\'')
                scratch.erase(scratch.begin());
            if (scratch.empty())
                continue;
            ++latinWords;
            if (std::any_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
                ++lowerWords;
            words.push_back(scratch);
            wordCaps.push_back(caps ? 1 : 0);
            continue;
        }
        if (c < 0x80) {
            if (c == '!')
                ++exclamations;
            if (isClausePunct(c))
                boundary();
            continue;
        }
        if (c == 0xFF01)
            ++exclamations;
        if (isClausePunct(c)) {
            boundary();
            continue;
        }
        // Emoji: the longest known code-point sequence starting here, ignoring FE0F and skin tones.
        std::string emoji;
        std::size_t j = start;
        const Term* best = nullptr;
        std::size_t bestEnd = i;
        for (int taken = 0; taken < m_maxEmojiCodePoints && j < text.size();) {
            const char32_t e = decode(text, j);
            if (e == kVariationSelector || isSkinTone(e)) {
                if (best)
                    bestEnd = j;
                continue;
            }
            if (isHan(e) || isSpace(e) || e < 0x80)
                break;
            appendUtf8(emoji, e);
            ++taken;
            if (auto it = m_emoji.find(emoji); it != m_emoji.end()) {
                best = &it->second;
                bestEnd = j;
            }
        }
        if (best) {
            flushWords();
            tokens.push_back(Token{TokenKind::Emoji, best->value, false, false});
            i = bestEnd;
        }
    }
    flushWords();

    // Contrast: the first "but"/"但是" splits the comment into a weaker and a stronger part.
    std::ptrdiff_t contrastAt = -1;
    for (std::size_t t = 0; t < tokens.size() && contrastAt < 0; ++t) {
        if (tokens[t].kind == TokenKind::Contrast)
            contrastAt = static_cast<std::ptrdiff_t>(t);
    }
    // "好" right before another sentiment term is an intensifier ("好贵" = very expensive).
    for (std::size_t t = 0; t + 1 < tokens.size(); ++t) {
        if (tokens[t].hao && tokens[t + 1].kind == TokenKind::Sentiment && tokens[t + 1].value != 0.0)
            tokens[t] = Token{TokenKind::Booster, kBoosterIncrement, false, false};
    }

    const bool mixedCase = lowerWords > 0;
    SentimentResult result;
    double sum = 0.0;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const Token& tok = tokens[t];
        if (tok.kind != TokenKind::Sentiment && tok.kind != TokenKind::Emoji)
            continue;
        if (tok.value == 0.0)
            continue;
        double v = tok.value;
        if (tok.kind == TokenKind::Sentiment) {
            const double sign = v > 0 ? 1.0 : -1.0;
            if (tok.allCaps && mixedCase)
                v += sign * m_options.capsBoost;
            double boost = 0.0;
            int negations = 0;
            const int reach = std::max(3, m_options.negationWindow);
            for (int d = 1; d <= reach && static_cast<int>(t) - d >= 0; ++d) {
                const Token& prev = tokens[t - static_cast<std::size_t>(d)];
                if (prev.kind == TokenKind::Boundary || prev.kind == TokenKind::Contrast)
                    break;
                if (prev.kind == TokenKind::Booster && d <= 3)
                    boost += prev.value * kBoosterDecay[d - 1];
                if (prev.kind == TokenKind::Negator && d <= m_options.negationWindow)
                    ++negations;
            }
            v = sign * std::max(0.0, std::abs(v) + boost);
            for (int k = 0; k < negations; ++k)
                v *= m_options.negationScalar;
        }
        if (contrastAt >= 0)
            v *= static_cast<std::ptrdiff_t>(t) < contrastAt ? m_options.beforeContrast : m_options.afterContrast;
        sum += v;
        ++result.termCount;
    }
    if (sum != 0.0) {
        const double emphasis = std::min(exclamations, m_options.maxExclamations) * m_options.exclamationBoost;
        sum += sum > 0 ? emphasis : -emphasis;
    }
    result.rawSum = sum;
    result.score = sum / std::sqrt(sum * sum + m_options.alpha);
    result.label = sentimentLabel(result.score, m_options.labelThreshold);
    result.language = (hanChars > 0 && hanChars >= 2 * latinWords) ? TextLanguage::Chinese : TextLanguage::English;
    return result;
}

Result<std::vector<SentimentResult>> analyzeSentiments(const SentimentAnalyzer& analyzer,
                                                       const std::vector<std::string>& texts, const Progress& progress)
{
    std::vector<SentimentResult> results(texts.size());
    // Blocks of comments, each shared by two threads; progress is asked between blocks (a block is
    // a few milliseconds of work).
    constexpr std::size_t kBlock = 4096;
    for (std::size_t begin = 0; begin < texts.size(); begin += kBlock) {
        const std::size_t end = std::min(texts.size(), begin + kBlock);
        const std::size_t mid = begin + (end - begin) / 2;
        const auto work = [&](std::size_t a, std::size_t b) {
            for (std::size_t k = a; k < b; ++k)
                results[k] = analyzer.analyze(texts[k]);
        };
        if (end - begin >= 256) {
            std::jthread helper(work, mid, end);
            work(begin, mid);
        } else {
            work(begin, end);
        }
        if (progress && !progress(static_cast<double>(end) / static_cast<double>(texts.size())))
            return fail(ErrorCode::Cancelled, "sentiment analysis cancelled");
    }
    return results;
}

} // namespace herald::engine
