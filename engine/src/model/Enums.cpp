#include "herald/engine/model/Audience.h"
#include "herald/engine/model/Platform.h"
#include "herald/engine/model/Post.h"

#include <array>
#include <utility>

namespace herald::engine {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view key)
{
    for (const auto& [value, name] : table)
        if (name == key)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return {};
}

constexpr std::array<std::pair<Platform, std::string_view>, 9> kPlatformKeys{{
    {Platform::Mastodon, "mastodon"},
    {Platform::Bluesky, "bluesky"},
    {Platform::X, "x"},
    {Platform::LinkedIn, "linkedin"},
    {Platform::Facebook, "facebook"},
    {Platform::Instagram, "instagram"},
    {Platform::Weibo, "weibo"},
    {Platform::WeChat, "wechat"},
    {Platform::Douyin, "douyin"},
}};

constexpr std::array<std::pair<Platform, std::string_view>, 9> kPlatformNames{{
    {Platform::Mastodon, "Mastodon"},
    {Platform::Bluesky, "Bluesky"},
    {Platform::X, "X"},
    {Platform::LinkedIn, "LinkedIn"},
    {Platform::Facebook, "Facebook"},
    {Platform::Instagram, "Instagram"},
    {Platform::Weibo, "Weibo"},
    {Platform::WeChat, "WeChat"},
    {Platform::Douyin, "Douyin"},
}};

constexpr std::array<std::pair<PostStatus, std::string_view>, 6> kStatusKeys{{
    {PostStatus::Draft, "draft"},
    {PostStatus::Scheduled, "scheduled"},
    {PostStatus::Publishing, "publishing"},
    {PostStatus::Published, "published"},
    {PostStatus::Failed, "failed"},
    {PostStatus::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 6> kEventKeys{{
    {EventKind::Like, "like"},
    {EventKind::Reply, "reply"},
    {EventKind::Repost, "repost"},
    {EventKind::Quote, "quote"},
    {EventKind::Click, "click"},
    {EventKind::Follow, "follow"},
}};

} // namespace

std::string_view platformKey(Platform p)
{
    return nameOf(kPlatformKeys, p);
}

std::optional<Platform> platformFromKey(std::string_view key)
{
    return lookup(kPlatformKeys, key);
}

std::string_view platformDisplayName(Platform p)
{
    return nameOf(kPlatformNames, p);
}

std::string_view postStatusKey(PostStatus s)
{
    return nameOf(kStatusKeys, s);
}

std::optional<PostStatus> postStatusFromKey(std::string_view key)
{
    return lookup(kStatusKeys, key);
}

std::string_view eventKindKey(EventKind k)
{
    return nameOf(kEventKeys, k);
}

std::optional<EventKind> eventKindFromKey(std::string_view key)
{
    return lookup(kEventKeys, key);
}

} // namespace herald::engine
