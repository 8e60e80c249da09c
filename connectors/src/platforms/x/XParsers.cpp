#include "herald/connectors/x/XConnector.h"

#include <map>

#include "../JsonShape.h"

namespace herald::connectors {

namespace {

using namespace shape;

// meta.next_token; absent on the last page (and meta itself is absent on /2/tweets?ids=).
std::string nextToken(const json& document)
{
    if (const json* meta = optionalObject(document, "meta"))
        return text(*meta, "next_token");
    return {};
}

// "data" is left out entirely when a page has no results.
const json* dataArray(const json& document)
{
    const auto it = document.find("data");
    if (it == document.end() || it->is_null())
        return nullptr;
    if (!it->is_array())
        throw ShapeError{"'data' is not an array"};
    return &*it;
}

std::string referenced(const json& tweet, std::string_view type)
{
    const auto refs = tweet.find("referenced_tweets");
    if (refs == tweet.end() || refs->is_null())
        return {};
    if (!refs->is_array())
        throw ShapeError{"'referenced_tweets' is not an array"};
    for (const json& ref : *refs) {
        requireObject(ref, "referenced tweet");
        if (text(ref, "type") == type)
            return requiredText(ref, "id");
    }
    return {};
}

RemotePost parseTweet(const json& tweet)
{
    requireObject(tweet, "tweet");
    RemotePost post;
    post.externalId = requiredText(tweet, "id");
    post.permalink = "https://x.com/i/web/status/" + post.externalId;
    post.text = text(tweet, "text");
    post.language = text(tweet, "lang");
    post.createdUtc = timestamp(tweet, "created_at");
    post.inReplyToExternalId = referenced(tweet, "replied_to");
    post.repost = !referenced(tweet, "retweeted").empty();
    const json& metrics = object(tweet, "public_metrics");
    post.counts.likes = count(metrics, "like_count");
    post.counts.reposts = count(metrics, "retweet_count");
    post.counts.replies = count(metrics, "reply_count");
    post.counts.quotes = count(metrics, "quote_count");
    if (metrics.contains("impression_count"))
        post.counts.impressions = count(metrics, "impression_count");
    return post;
}

} // namespace

Result<Page<RemotePost>> parseXTweets(std::string_view body)
{
    return parse(body, "X posts", [](const json& document) {
        requireObject(document, "posts");
        Page<RemotePost> page;
        if (const json* data = dataArray(document)) {
            for (const json& tweet : *data)
                page.items.push_back(parseTweet(tweet));
        }
        page.nextCursor = nextToken(document);
        return page;
    });
}

Result<Page<RemoteComment>> parseXMentions(std::string_view body)
{
    return parse(body, "X mentions", [](const json& document) {
        requireObject(document, "mentions");
        std::map<std::string, std::pair<std::string, std::string>> users; // id -> (username, name)
        if (const json* includes = optionalObject(document, "includes"); includes && includes->contains("users")) {
            for (const json& user : array(*includes, "users")) {
                requireObject(user, "user");
                users[requiredText(user, "id")] = {text(user, "username"), text(user, "name")};
            }
        }
        Page<RemoteComment> page;
        if (const json* data = dataArray(document)) {
            for (const json& tweet : *data) {
                requireObject(tweet, "tweet");
                RemoteComment comment;
                comment.externalId = requiredText(tweet, "id");
                comment.authorExternalId = requiredText(tweet, "author_id");
                if (const auto user = users.find(comment.authorExternalId); user != users.end()) {
                    comment.authorHandle = user->second.first;
                    comment.authorName = user->second.second;
                }
                comment.text = text(tweet, "text");
                comment.language = text(tweet, "lang");
                comment.inReplyToExternalId = referenced(tweet, "replied_to");
                comment.createdUtc = timestamp(tweet, "created_at");
                page.items.push_back(std::move(comment));
            }
        }
        page.nextCursor = nextToken(document);
        return page;
    });
}

Result<Page<engine::AudienceMember>> parseXUsers(std::string_view body)
{
    return parse(body, "X users", [](const json& document) {
        requireObject(document, "users");
        Page<engine::AudienceMember> page;
        if (const json* data = dataArray(document)) {
            for (const json& user : *data) {
                requireObject(user, "user");
                engine::AudienceMember member;
                member.externalId = requiredText(user, "id");
                member.handle = text(user, "username");
                member.displayName = text(user, "name");
                if (const json* metrics = optionalObject(user, "public_metrics"))
                    member.followerCount = count(*metrics, "followers_count");
                page.items.push_back(std::move(member));
            }
        }
        page.nextCursor = nextToken(document);
        return page;
    });
}

} // namespace herald::connectors
