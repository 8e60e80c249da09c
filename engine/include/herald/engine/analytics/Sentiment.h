#pragma once

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace herald::engine {

/// A sentiment lexicon: term -> valence in [-4, 4] (VADER's scale: -4 very negative, +4 very positive).
/// File format (UTF-8): one `term<TAB>valence` per line; blank lines and lines starting with `#` are
/// skipped. English terms are lower case and may be phrases of up to three words separated by one
/// space; Chinese terms are written without spaces; emoji terms are code-point sequences or ASCII
/// emoticons. A duplicate term, a missing tab, a valence that is not a finite number in [-4, 4] is a
/// Parse error whose detail names the source and the line ("en.tsv:12: ...").
class SentimentLexicon
{
public:
    /// Reads and parses a lexicon file. O(file size).
    static Result<SentimentLexicon> load(const std::string& path);
    /// Parses lexicon text; sourceName only labels errors. O(text size).
    static Result<SentimentLexicon> parse(std::string_view text, std::string_view sourceName);

    /// The valence of a term as stored (exact match), or nullptr. O(entries): for tests and tools.
    const double* valence(std::string_view term) const;
    std::size_t size() const { return m_entries.size(); }
    const std::vector<std::pair<std::string, double>>& entries() const { return m_entries; }

private:
    std::vector<std::pair<std::string, double>> m_entries; // file order
};

enum class SentimentLabel { Negative, Neutral, Positive };
/// The script that dominates the text: Han characters -> Chinese, otherwise English.
enum class TextLanguage { English, Chinese };

/// The rules' constants; the defaults are VADER's (Hutto & Gilbert 2014) where VADER has one.
struct SentimentOptions
{
    double alpha = 15.0;             // score = x / sqrt(x^2 + alpha)
    double labelThreshold = 0.05;    // score >= +t positive, <= -t negative, else neutral
    double negationScalar = -0.74;   // a negated valence is multiplied by this
    int negationWindow = 3;          // a negator reaches this many tokens ahead, within its clause
    double capsBoost = 0.733;        // an ALL CAPS sentiment word in mixed-case text
    double exclamationBoost = 0.292; // per '!' (or '！'), at most maxExclamations of them
    int maxExclamations = 4;
    double beforeContrast = 0.5; // clauses before the first "but"/"但是" weigh less
    double afterContrast = 1.5;  // ... and the ones after it more
};

struct SentimentResult
{
    double score = 0.0; // in [-1, 1]
    SentimentLabel label = SentimentLabel::Neutral;
    TextLanguage language = TextLanguage::English;
    double rawSum = 0.0; // sum of the adjusted valences before normalisation
    int termCount = 0;   // sentiment-bearing terms and emoji found
};

/// Lexicon-and-rules sentiment of short social-media comments in English and Simplified Chinese.
///
/// Text is split into one token stream: Latin words (with multi-word lexicon phrases matched
/// greedily, longest first), Han runs segmented by bidirectional maximum matching over the Chinese
/// dictionary (lexicon terms plus the built-in negators, intensifiers and contrast words: the
/// segmentation with fewer words wins, then the one with fewer single characters, then backward),
/// emoji and emoticons, and clause punctuation. An unknown elongated word ("loooove") is looked up
/// with its runs collapsed to two letters, then one; "好" right before a sentiment term is an
/// intensifier ("好贵"). Each sentiment term's valence is then adjusted:
/// intensifiers/diminishers in the three preceding tokens add +/-0.293 (decaying 1, 0.95, 0.9);
/// an ALL CAPS word adds capsBoost; each negator within negationWindow tokens before it, in the same
/// clause, multiplies by negationScalar; terms before the first contrast word are scaled by
/// beforeContrast and after it by afterContrast. The sum gets exclamationBoost per '!' in the
/// direction of its sign, and is normalised like VADER's compound score.
/// Thread-safe for concurrent analyze() calls (it is immutable after construction).
class SentimentAnalyzer
{
public:
    /// Builds from the three lexicons (English words, Chinese words, emoji/emoticons); options must be
    /// in range (alpha > 0, 0 <= labelThreshold < 1, non-negative counts). O(total entries).
    SentimentAnalyzer(const SentimentLexicon& english, const SentimentLexicon& chinese, const SentimentLexicon& emoji,
                      SentimentOptions options = {});
    /// Loads en.tsv, zh.tsv and emoji.tsv from a folder (resources/lexicons); Invalid for options out
    /// of range, NotFound or Parse for a bad file. O(total file size).
    static Result<SentimentAnalyzer> fromDirectory(const std::string& folder, SentimentOptions options = {});

    /// Scores one comment (UTF-8; invalid bytes are skipped). O(n * L) for n bytes, L = longest term.
    SentimentResult analyze(std::string_view text) const;
    const SentimentOptions& options() const { return m_options; }

    // Implementation details, public only so that the source file's helpers can name them.
    enum class TermKind : unsigned char { Sentiment, Negator, Booster, Contrast };
    struct Term
    {
        TermKind kind = TermKind::Sentiment;
        double value = 0.0; // valence, or booster increment
    };

    struct StringHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using TermMap = std::unordered_map<std::string, Term, StringHash, std::equal_to<>>;

    /// The Chinese segmentation used by analyze(), exposed for tests. O(n * L).
    std::vector<std::string> segmentChinese(std::string_view hanRun) const;

private:
    void segment(std::string_view hanRun, std::vector<std::string_view>& out) const;

    SentimentOptions m_options;
    TermMap m_latin; // English words, phrases, negators, boosters, contrast words
    TermMap m_han;   // Chinese dictionary
    TermMap m_emoji; // emoji sequences and ASCII emoticons
    std::unordered_map<std::string, int, StringHash, std::equal_to<>> m_phraseWordsFrom; // first word -> most words
    std::unordered_map<char32_t, int> m_hanCharsFrom; // first character -> longest entry in characters
    std::unordered_map<char32_t, int> m_hanCharsTo;   // last character -> longest entry
    int m_maxEmojiCodePoints = 1;
};

/// The label for a score under the documented thresholds (+/- labelThreshold, inclusive).
SentimentLabel sentimentLabel(double score, double threshold = 0.05);
/// "negative", "neutral", "positive".
const char* sentimentLabelName(SentimentLabel label);

/// Scores many comments on two threads; Cancelled if progress returns false. O(total bytes * L).
Result<std::vector<SentimentResult>> analyzeSentiments(const SentimentAnalyzer& analyzer,
                                                       const std::vector<std::string>& texts,
                                                       const Progress& progress = {});

} // namespace herald::engine
