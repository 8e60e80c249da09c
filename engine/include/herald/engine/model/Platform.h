#pragma once

#include <optional>
#include <string_view>

namespace herald::engine {

/// The networks Herald knows. The stored name is the lower-case key from platformKey().
enum class Platform { Mastodon, Bluesky, X, LinkedIn, Facebook, Instagram, Weibo, WeChat, Douyin };

inline constexpr Platform kAllPlatforms[] = {Platform::Mastodon,  Platform::Bluesky, Platform::X,
                                             Platform::LinkedIn,  Platform::Facebook, Platform::Instagram,
                                             Platform::Weibo,     Platform::WeChat,  Platform::Douyin};

/// Stable storage key ("mastodon", "bluesky", "x", ...).
std::string_view platformKey(Platform p);
/// The inverse of platformKey(); nullopt for an unknown key.
std::optional<Platform> platformFromKey(std::string_view key);
/// The platform's own brand name ("Mastodon", "X", "LinkedIn", "Weibo", ...): not translated.
std::string_view platformDisplayName(Platform p);

} // namespace herald::engine
