#pragma once

namespace herald::engine {
class SentimentAnalyzer;
}

namespace herald::ui {

/// The sentiment analyzer built from the lexicons compiled into Herald, made once and shared by
/// every thread (it is read-only after construction). Null when a lexicon is missing or broken.
const engine::SentimentAnalyzer* sharedSentimentAnalyzer();

} // namespace herald::ui
