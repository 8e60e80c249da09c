#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "DemoRandom.h"

namespace herald::engine::demo {

// Text of the demo workspace: posts and comments of "Lumen Notes", a fictional note-taking app made
// by a small software company, in English and Simplified Chinese.

enum class Language { English, Chinese };
enum class Tone { Positive, Neutral, Negative };

struct PostText
{
    std::string title;
    std::string body; // ends with its hashtags
    std::vector<std::string> tags;
};

/// A post; `campaign` is 0..2 for the demo's campaigns (their themes and UTM link), -1 for none.
PostText composePost(DemoRandom& rng, Language language, int campaign, std::string_view utmCampaign);
/// A comment of the given tone, sometimes with an emoji.
std::string composeComment(DemoRandom& rng, Language language, Tone tone);

struct PersonName
{
    std::string display; // "Anna Keller", "王芳"
    std::string ascii;   // lower-case ASCII stem for handles and e-mail addresses: "anna.keller", "wang.fang"
};

/// A plausible fictional person's name for a member writing `languageTag` ("en", "de", "zh", ...).
PersonName personName(DemoRandom& rng, std::string_view languageTag);

} // namespace herald::engine::demo
