#include "herald/connectors/bluesky/BlueskyConnector.h"

#include "../JsonShape.h"

namespace herald::connectors {

namespace {

using namespace shape;

// at://did:plc:xyz/app.bsky.feed.post/3m6ckq7vjzs2x -> 3m6ckq7vjzs2x
std::string rkeyOf(const std::string& uri)
{
    const auto slash = uri.rfind('/');
    return slash == std::string::npos ? std::string() : uri.substr(slash + 1);
}

// A record's createdAt is written by clients and may be malformed; the AppView's indexedAt is not.
std::int64_t createdOf(const json& record, const json& view)
{
    if (const auto created = parseIso8601Utc(text(record, "createdAt")))
        return *created;
    return timestamp(view, "indexedAt");
}

std::string replyParentOf(const json& record)
{
    if (const json* reply = optionalObject(record, "reply"))
        return text(object(*reply, "parent"), "uri");
    return {};
}

std::string firstLanguage(const json& record)
{
    const auto langs = record.find("langs");
    if (langs != record.end() && langs->is_array() && !langs->empty() && langs->front().is_string())
        return langs->front().get<std::string>();
    return {};
}

RemotePost parsePostView(const json& view)
{
    requireObject(view, "post");
    RemotePost post;
    post.externalId = requiredText(view, "uri");
    const json& record = object(view, "record");
    const json& author = object(view, "author");
    const std::string handle = text(author, "handle");
    post.permalink = "https://bsky.app/profile/" + (handle.empty() ? requiredText(author, "did") : handle) + "/post/" +
                     rkeyOf(post.externalId);
    post.text = text(record, "text");
    post.language = firstLanguage(record);
    post.inReplyToExternalId = replyParentOf(record);
    post.createdUtc = createdOf(record, view);
    post.counts.likes = count(view, "likeCount");
    post.counts.reposts = count(view, "repostCount");
    post.counts.replies = count(view, "replyCount");
    if (view.contains("quoteCount"))
        post.counts.quotes = count(view, "quoteCount");
    return post;
}

std::string cursorOf(const json& body)
{
    const auto it = body.find("cursor");
    if (it == body.end() || it->is_null())
        return {}; // absent on the last page
    if (!it->is_string())
        throw ShapeError{"'cursor' is not a string"};
    return it->get<std::string>();
}

} // namespace

Result<Page<RemotePost>> parseBlueskyAuthorFeed(std::string_view body)
{
    return parse(body, "Bluesky author feed", [](const json& document) {
        requireObject(document, "author feed");
        Page<RemotePost> page;
        for (const json& item : array(document, "feed")) {
            requireObject(item, "feed item");
            RemotePost post = parsePostView(object(item, "post"));
            if (const json* reason = optionalObject(item, "reason"))
                post.repost = text(*reason, "$type") == "app.bsky.feed.defs#reasonRepost";
            page.items.push_back(std::move(post));
        }
        page.nextCursor = page.items.empty() ? std::string() : cursorOf(document);
        return page;
    });
}

Result<std::vector<RemotePost>> parseBlueskyPosts(std::string_view body)
{
    return parse(body, "Bluesky posts", [](const json& document) {
        requireObject(document, "posts");
        std::vector<RemotePost> posts;
        for (const json& view : array(document, "posts"))
            posts.push_back(parsePostView(view));
        return posts;
    });
}

Result<Page<RemoteComment>> parseBlueskyNotifications(std::string_view body)
{
    return parse(body, "Bluesky notifications", [](const json& document) {
        requireObject(document, "notifications");
        Page<RemoteComment> page;
        const json& notifications = array(document, "notifications");
        for (const json& notification : notifications) {
            requireObject(notification, "notification");
            const std::string reason = requiredText(notification, "reason");
            if (reason != "mention" && reason != "reply")
                continue;
            const json& author = object(notification, "author");
            const json& record = object(notification, "record");
            RemoteComment comment;
            comment.externalId = requiredText(notification, "uri");
            comment.authorExternalId = requiredText(author, "did");
            comment.authorHandle = text(author, "handle");
            comment.authorName = text(author, "displayName");
            comment.text = text(record, "text");
            comment.language = firstLanguage(record);
            comment.inReplyToExternalId = replyParentOf(record);
            comment.createdUtc = createdOf(record, notification);
            page.items.push_back(std::move(comment));
        }
        page.nextCursor = notifications.empty() ? std::string() : cursorOf(document);
        return page;
    });
}

Result<Page<engine::AudienceMember>> parseBlueskyFollowers(std::string_view body)
{
    return parse(body, "Bluesky followers", [](const json& document) {
        requireObject(document, "followers");
        Page<engine::AudienceMember> page;
        for (const json& profile : array(document, "followers")) {
            requireObject(profile, "follower");
            engine::AudienceMember member;
            member.externalId = requiredText(profile, "did");
            member.handle = text(profile, "handle");
            member.displayName = text(profile, "displayName");
            member.followerCount = count(profile, "followersCount"); // profileView usually leaves it out
            page.items.push_back(std::move(member));
        }
        page.nextCursor = page.items.empty() ? std::string() : cursorOf(document);
        return page;
    });
}

} // namespace herald::connectors
