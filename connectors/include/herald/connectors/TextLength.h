#pragma once

#include <cstddef>
#include <string_view>

#include "herald/engine/model/Platform.h"

namespace herald::connectors {

/// The length of UTF-8 `text` as `platform` counts it against its post limit:
/// Mastodon: code points, each http(s) URL as 23, "@user@domain" as "@user";
/// Bluesky: extended grapheme clusters (URLs in full);
/// X: twitter-text weights (code points in U+0000-10FF and a few punctuation ranges weigh 1, all
/// others 2, an emoji cluster 2, each http(s) URL 23);
/// other platforms: code points. Invalid UTF-8 bytes count as one code point each. The text is not
/// NFC-normalised here: pass normalised text (Qt does it at the edge). O(n).
int countForPlatform(std::string_view text, engine::Platform platform);
/// The number of extended grapheme clusters (UAX #29) in UTF-8 `text`: combining marks, ZWJ emoji
/// sequences, emoji modifiers, regional-indicator flags, variation selectors, Hangul syllables and
/// Indic spacing marks of the common scripts. O(n).
std::size_t graphemeCount(std::string_view text);

} // namespace herald::connectors
