#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "DemoProfiles.h"
#include "DemoRandom.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/model/Post.h"

namespace herald::engine::demo {

// ---- Platform ids and permalinks in each network's real shape.

constexpr char kBase32Sortable[] = "234567abcdefghijklmnopqrstuvwxyz";
constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";
constexpr char kBase62[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

inline std::string randomChars(DemoRandom& rng, const char* alphabet, int alphabetSize, int length)
{
    std::string out(static_cast<std::size_t>(length), ' ');
    for (char& c : out)
        c = alphabet[rng.below(alphabetSize)];
    return out;
}

inline std::string base62(std::uint64_t value)
{
    std::string out;
    do {
        out += kBase62[value % 62];
        value /= 62;
    } while (value);
    std::reverse(out.begin(), out.end());
    return out;
}

inline std::string userPart(const char* handle)
{
    std::string h(handle);
    return h.substr(0, h.find('@'));
}

/// Sets the external id and permalink of a target published at `utc` by account `a` on network `n`;
/// `seq` counts the account's posts and keeps the ids unique.
inline void setPublishedIds(DemoRandom& rng, const Network& n, const Account& a, std::uint64_t seq, std::int64_t utc,
                            PostTarget& target)
{
    const auto ms = static_cast<std::uint64_t>(utc) * 1000 + static_cast<std::uint64_t>(rng.below(1000));
    switch (n.platform) {
    case Platform::Mastodon: { // snowflake: milliseconds << 16
        target.externalId = std::to_string((ms << 16) | (seq & 0xffff));
        target.permalink = a.baseUrl + "/@" + userPart(n.handle) + "/" + target.externalId;
        break;
    }
    case Platform::Bluesky: { // TID record key: microseconds << 10, base32-sortable
        const std::uint64_t tid = ((ms * 1000) << 10 | (seq & 0x3ff)) & 0x7fffffffffffffffULL;
        std::string rkey(13, ' ');
        for (int i = 0; i < 13; ++i)
            rkey[static_cast<std::size_t>(i)] = kBase32Sortable[(tid >> (60 - 5 * i)) & 31];
        target.externalId = "at://" + a.externalId + "/app.bsky.feed.post/" + rkey;
        target.permalink = "https://bsky.app/profile/" + a.handle + "/post/" + rkey;
        break;
    }
    case Platform::X: { // snowflake since the Twitter epoch
        target.externalId = std::to_string(((ms - 1288834974657ULL) << 22) | (seq & 0x3fffff));
        target.permalink = "https://x.com/" + a.handle + "/status/" + target.externalId;
        break;
    }
    case Platform::LinkedIn: {
        target.externalId = "urn:li:share:" + std::to_string((ms << 22) | (seq & 0x3fffff));
        target.permalink = "https://www.linkedin.com/feed/update/" + target.externalId;
        break;
    }
    case Platform::Facebook: {
        const std::string post = std::to_string(100000000000000ULL + static_cast<std::uint64_t>(utc) * 100 + seq % 100);
        target.externalId = a.externalId + "_" + post;
        target.permalink = "https://www.facebook.com/" + a.externalId + "/posts/" + post;
        break;
    }
    case Platform::Instagram: {
        const std::uint64_t media = (ms << 20) | (seq & 0xfffff);
        target.externalId = std::to_string(media);
        std::string code;
        for (int shift = 60; shift >= 0; shift -= 6)
            code += kBase64Url[(media >> shift) & 63];
        target.permalink = "https://www.instagram.com/p/" + code + "/";
        break;
    }
    case Platform::Weibo: {
        const std::uint64_t mid = 4000000000000000ULL + static_cast<std::uint64_t>(utc) * 1000 + seq % 1000;
        target.externalId = std::to_string(mid);
        target.permalink = "https://weibo.com/" + a.externalId + "/" + base62(mid);
        break;
    }
    case Platform::WeChat: {
        target.externalId = randomChars(rng, kBase64Url, 64, 18) + base62(seq);
        target.permalink = "https://mp.weixin.qq.com/s/" + target.externalId;
        break;
    }
    case Platform::Douyin: {
        target.externalId = std::to_string((static_cast<std::uint64_t>(utc) << 32) | (seq & 0xffffffff));
        target.permalink = "https://www.douyin.com/video/" + target.externalId;
        break;
    }
    }
}

} // namespace herald::engine::demo
