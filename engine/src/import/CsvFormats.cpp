#include "herald/engine/import/CsvFormats.h"

#include <algorithm>
#include <cctype>

#include "herald/engine/import/CsvReader.h"

namespace herald::engine {

namespace {

using F = ImportField;

constexpr std::array<std::string_view, kImportFieldCount> kFieldKeys = {
    "external_id", "permalink",      "text",    "title",       "published_at", "day",          "impressions",
    "reach",       "engagements",    "likes",   "replies",     "reposts",      "quotes",       "clicks",
    "saves",       "profile_visits", "follows", "video_views", "followers",    "new_followers"};

std::string normalizeHeader(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

CsvFormat genericPosts()
{
    CsvFormat f{"generic-posts",
                "Generic post-level metrics (Herald's documented format)",
                std::nullopt,
                CsvRowKind::Post,
                {},
                {{"published_at"}}};
    for (int k = 0; k < kImportFieldCount; ++k) {
        const auto field = static_cast<F>(k);
        if (field == F::Day || field == F::Followers || field == F::NewFollowers)
            continue;
        f.fields.push_back({field, {std::string(kFieldKeys[static_cast<std::size_t>(k)])}, field == F::PublishedAt});
    }
    return f;
}

CsvFormat genericDaily()
{
    CsvFormat f{"generic-daily",
                "Generic account-level daily metrics (Herald's documented format)",
                std::nullopt,
                CsvRowKind::AccountDay,
                {},
                {{"day"}}};
    f.fields.push_back({F::Day, {"day"}, true});
    for (F field : {F::Followers, F::NewFollowers, F::Impressions, F::Reach, F::Engagements, F::Likes, F::Replies,
                    F::Reposts, F::Quotes, F::Clicks, F::Saves, F::ProfileVisits, F::VideoViews})
        f.fields.push_back({field, {std::string(importFieldKey(field))}, false});
    return f;
}

std::vector<CsvFormat> buildFormats()
{
    std::vector<CsvFormat> all;
    // X / Twitter analytics, "tweet activity" export (tweet_activity_metrics_*.csv).
    all.push_back({"x-tweets",
                   "X (Twitter) analytics: tweet activity",
                   Platform::X,
                   CsvRowKind::Post,
                   {{F::ExternalId, {"Tweet id"}, true},
                    {F::Permalink, {"Tweet permalink"}},
                    {F::Text, {"Tweet text"}},
                    {F::PublishedAt, {"time"}, true},
                    {F::Impressions, {"impressions"}},
                    {F::Engagements, {"engagements"}},
                    {F::Reposts, {"retweets"}},
                    {F::Replies, {"replies"}},
                    {F::Likes, {"likes"}},
                    {F::ProfileVisits, {"user profile clicks"}},
                    {F::Clicks, {"url clicks"}},
                    {F::Follows, {"follows"}},
                    {F::VideoViews, {"media views"}}},
                   {{"Tweet id"}, {"time"}}});
    // X account analytics (2024 onwards): content export, one row per post.
    all.push_back({"x-content",
                   "X account analytics: posts",
                   Platform::X,
                   CsvRowKind::Post,
                   {{F::ExternalId, {"Post id", "Post ID"}, true},
                    {F::Permalink, {"Post Link", "Post URL"}},
                    {F::Text, {"Post text"}},
                    {F::PublishedAt, {"Date", "Time"}, true},
                    {F::Impressions, {"Impressions"}},
                    {F::Engagements, {"Engagements"}},
                    {F::Likes, {"Likes"}},
                    {F::Replies, {"Replies"}},
                    {F::Reposts, {"Reposts"}},
                    {F::Saves, {"Bookmarks"}},
                    {F::Follows, {"New follows"}},
                    {F::ProfileVisits, {"Profile visits"}},
                    {F::Clicks, {"URL Clicks", "Url clicks"}}},
                   {{"Post id"}, {"Post text", "Post Link"}}});
    // X account analytics: account overview, one row per day.
    all.push_back({"x-overview",
                   "X account analytics: account overview (daily)",
                   Platform::X,
                   CsvRowKind::AccountDay,
                   {{F::Day, {"Date"}, true},
                    {F::Impressions, {"Impressions"}},
                    {F::Engagements, {"Engagements"}},
                    {F::Likes, {"Likes"}},
                    {F::Replies, {"Replies"}},
                    {F::Reposts, {"Reposts"}},
                    {F::Saves, {"Bookmarks"}},
                    {F::NewFollowers, {"New follows"}},
                    {F::ProfileVisits, {"Profile visits"}},
                    {F::VideoViews, {"Video views"}}},
                   {{"Date"}, {"New follows"}, {"Profile visits"}}});
    // LinkedIn page analytics, content export ("All posts" sheet saved as CSV).
    all.push_back({"linkedin-content",
                   "LinkedIn page analytics: posts",
                   Platform::LinkedIn,
                   CsvRowKind::Post,
                   {{F::Permalink, {"Post link", "Update link"}},
                    {F::Text, {"Post title", "Update title"}},
                    {F::PublishedAt, {"Created date"}, true},
                    {F::Impressions, {"Impressions"}},
                    {F::VideoViews, {"Views (excluding off-site video views)", "Video views"}},
                    {F::Clicks, {"Clicks"}},
                    {F::Likes, {"Likes", "Reactions"}},
                    {F::Replies, {"Comments"}},
                    {F::Reposts, {"Reposts", "Shares"}},
                    {F::Follows, {"Follows"}}},
                   {{"Post link", "Update link"}, {"Created date"}}});
    // LinkedIn page analytics, content export, "Metrics" sheet: one row per day.
    all.push_back({"linkedin-metrics",
                   "LinkedIn page analytics: daily content metrics",
                   Platform::LinkedIn,
                   CsvRowKind::AccountDay,
                   {{F::Day, {"Date"}, true},
                    {F::Impressions, {"Impressions (total)"}},
                    {F::Reach, {"Unique impressions (organic)"}},
                    {F::Clicks, {"Clicks (total)"}},
                    {F::Likes, {"Reactions (total)"}},
                    {F::Replies, {"Comments (total)"}},
                    {F::Reposts, {"Reposts (total)", "Shares (total)"}}},
                   {{"Date"}, {"Impressions (total)"}}});
    // LinkedIn page analytics, followers export ("New followers" sheet): gained per day.
    all.push_back({"linkedin-followers",
                   "LinkedIn page analytics: new followers (daily)",
                   Platform::LinkedIn,
                   CsvRowKind::AccountDay,
                   {{F::Day, {"Date"}, true}, {F::NewFollowers, {"Total followers"}, true}},
                   {{"Date"}, {"Total followers"}, {"Organic followers", "Sponsored followers"}}});
    // LinkedIn page analytics, visitors export: page views per day.
    all.push_back({"linkedin-visitors",
                   "LinkedIn page analytics: visitors (daily)",
                   Platform::LinkedIn,
                   CsvRowKind::AccountDay,
                   {{F::Day, {"Date"}, true},
                    {F::ProfileVisits, {"Total page views (total)", "Overview page views (total)"}, true}},
                   {{"Date"}, {"Total page views (total)", "Overview page views (total)"}}});
    // Meta Business Suite, Insights > Content export, Facebook posts.
    all.push_back({"facebook-posts",
                   "Facebook insights (Meta Business Suite): posts",
                   Platform::Facebook,
                   CsvRowKind::Post,
                   {{F::ExternalId, {"Post ID"}, true},
                    {F::Permalink, {"Permalink"}},
                    {F::Text, {"Description", "Message"}},
                    {F::Title, {"Title"}},
                    {F::PublishedAt, {"Publish time"}, true},
                    {F::Impressions, {"Impressions", "Views"}},
                    {F::Reach, {"Reach"}},
                    {F::Engagements, {"Reactions, comments and shares"}},
                    {F::Likes, {"Reactions"}},
                    {F::Replies, {"Comments"}},
                    {F::Reposts, {"Shares"}},
                    {F::Clicks, {"Link clicks", "Total clicks"}},
                    {F::VideoViews, {"3-second video views", "Video views"}}},
                   {{"Post ID"}, {"Publish time"}, {"Reactions", "Page ID", "Page name"}}});
    // Meta Business Suite, Insights > Content export, Instagram posts.
    all.push_back({"instagram-posts",
                   "Instagram insights (Meta Business Suite): posts",
                   Platform::Instagram,
                   CsvRowKind::Post,
                   {{F::ExternalId, {"Post ID"}, true},
                    {F::Permalink, {"Permalink"}},
                    {F::Text, {"Description", "Caption"}},
                    {F::PublishedAt, {"Publish time"}, true},
                    {F::Impressions, {"Impressions", "Views"}},
                    {F::Reach, {"Reach"}},
                    {F::Likes, {"Likes"}},
                    {F::Replies, {"Comments"}},
                    {F::Reposts, {"Shares"}},
                    {F::Saves, {"Saves"}},
                    {F::Follows, {"Follows"}},
                    {F::ProfileVisits, {"Profile visits"}},
                    {F::VideoViews, {"Plays"}}},
                   {{"Post ID"}, {"Publish time"}, {"Account username", "Saves", "Likes"}}});
    // Weibo (微博) data centre, post list export.
    all.push_back({"weibo-posts",
                   "Weibo data centre: posts",
                   Platform::Weibo,
                   CsvRowKind::Post,
                   {{F::ExternalId, {"微博ID", "微博id", "博文ID", "mid"}},
                    {F::Permalink, {"微博链接", "博文链接", "链接"}},
                    {F::Text, {"微博内容", "微博正文", "博文内容", "内容"}},
                    {F::PublishedAt, {"发布时间", "发博时间", "时间"}, true},
                    {F::Impressions, {"阅读数", "阅读量", "曝光量", "阅读"}},
                    {F::Engagements, {"互动数", "互动量"}},
                    {F::Reposts, {"转发数", "转发量", "转发"}},
                    {F::Replies, {"评论数", "评论量", "评论"}},
                    {F::Likes, {"点赞数", "点赞量", "点赞", "赞"}},
                    {F::Clicks, {"链接点击数", "点击数"}}},
                   {{"发布时间", "发博时间", "时间"}, {"转发数", "转发量", "转发"}}});
    // WeChat Official Account (公众号) article analysis, per-article summary.
    all.push_back({"wechat-articles",
                   "WeChat Official Account: articles summary",
                   Platform::WeChat,
                   CsvRowKind::Post,
                   {{F::Permalink, {"文章链接", "原文链接", "链接"}},
                    {F::Title, {"标题", "文章标题", "内容标题"}},
                    {F::PublishedAt, {"发布时间", "群发时间", "发表时间"}, true},
                    {F::Impressions, {"阅读次数", "总阅读次数", "阅读数"}},
                    {F::Reach, {"阅读人数", "总阅读人数"}},
                    {F::Reposts, {"分享次数", "总分享次数", "分享人数", "总分享人数"}},
                    {F::Likes, {"点赞人数", "点赞数", "点赞", "在看人数", "在看"}},
                    {F::Saves, {"收藏人数", "收藏次数"}},
                    {F::Follows, {"阅读后关注人数"}}},
                   {{"标题", "文章标题", "内容标题"}, {"阅读人数", "总阅读人数", "阅读次数", "总阅读次数"}}});
    // WeChat Official Account user analysis: followers per day.
    all.push_back({"wechat-users",
                   "WeChat Official Account: user growth (daily)",
                   Platform::WeChat,
                   CsvRowKind::AccountDay,
                   {{F::Day, {"时间", "日期"}, true},
                    {F::NewFollowers, {"新关注人数"}},
                    {F::Followers, {"累积关注人数", "累计关注人数"}}},
                   {{"时间", "日期"}, {"新关注人数"}, {"累积关注人数", "累计关注人数", "取消关注人数"}}});
    all.push_back(genericPosts());
    all.push_back(genericDaily());
    return all;
}

bool hasHeader(const std::vector<std::string>& normalized, const std::string& name)
{
    return std::find(normalized.begin(), normalized.end(), normalizeHeader(name)) != normalized.end();
}

bool matchesSignature(const CsvFormat& format, const std::vector<std::string>& normalized)
{
    for (const auto& group : format.signature)
        if (std::none_of(group.begin(), group.end(), [&](const std::string& h) { return hasHeader(normalized, h); }))
            return false;
    return true;
}

} // namespace

std::string_view importFieldKey(ImportField field)
{
    return kFieldKeys[static_cast<std::size_t>(field)];
}

std::optional<ImportField> importFieldFromKey(std::string_view key)
{
    for (std::size_t k = 0; k < kFieldKeys.size(); ++k)
        if (kFieldKeys[k] == key)
            return static_cast<ImportField>(k);
    return std::nullopt;
}

bool isMetricField(ImportField field)
{
    return static_cast<int>(field) >= static_cast<int>(ImportField::Impressions);
}

const std::vector<CsvFormat>& csvFormats()
{
    static const std::vector<CsvFormat> formats = buildFormats();
    return formats;
}

const CsvFormat* findCsvFormat(std::string_view name)
{
    for (const auto& f : csvFormats())
        if (f.name == name)
            return &f;
    return nullptr;
}

ColumnMapping mapCsvColumns(const CsvFormat& format, const std::vector<std::string>& header)
{
    std::vector<std::string> normalized;
    normalized.reserve(header.size());
    for (const auto& h : header)
        normalized.push_back(normalizeHeader(h));
    ColumnMapping mapping;
    for (const auto& spec : format.fields) {
        for (const auto& alias : spec.aliases) {
            auto it = std::find(normalized.begin(), normalized.end(), normalizeHeader(alias));
            if (it != normalized.end()) {
                mapping.set(spec.field, static_cast<int>(it - normalized.begin()));
                break;
            }
        }
    }
    return mapping;
}

std::vector<ImportField> missingRequiredFields(const CsvFormat& format, const ColumnMapping& mapping)
{
    std::vector<ImportField> missing;
    for (const auto& spec : format.fields)
        if (spec.required && !mapping.has(spec.field))
            missing.push_back(spec.field);
    return missing;
}

Result<CsvLayout> detectCsvLayout(const CsvDocument& doc, std::string_view formatName)
{
    if (doc.records.empty())
        return fail(ErrorCode::Invalid, "the file has no rows");
    const CsvFormat* forced = nullptr;
    if (!formatName.empty()) {
        forced = findCsvFormat(formatName);
        if (!forced) {
            std::string names;
            for (const auto& f : csvFormats())
                names += (names.empty() ? "" : ", ") + f.name;
            return fail(ErrorCode::Invalid,
                        "unknown CSV format \"" + std::string(formatName) + "\" (known: " + names + ")");
        }
    }
    CsvLayout best;
    int bestScore = -1;
    const std::size_t scan = std::min<std::size_t>(doc.records.size(), 10);
    for (std::size_t r = 0; r < scan; ++r) {
        const auto& header = doc.records[r].fields;
        std::vector<std::string> normalized;
        for (const auto& h : header)
            normalized.push_back(normalizeHeader(h));
        for (const auto& format : csvFormats()) {
            if (forced && &format != forced)
                continue;
            if (!forced && !matchesSignature(format, normalized))
                continue;
            const ColumnMapping mapping = mapCsvColumns(format, header);
            int score = 0;
            for (int c : mapping.columns)
                score += c >= 0;
            if (forced && !matchesSignature(format, normalized) && score == 0)
                continue;
            if (score > bestScore) {
                bestScore = score;
                best.format = &format;
                best.headerRecord = r;
                best.headerLine = doc.records[r].line;
                best.header = header;
                best.mapping = mapping;
            }
        }
        // The first row that is a known header wins over later ones.
        if (best.format && !forced)
            break;
    }
    if (!best.format && forced) {
        // A forced format with nothing recognisable: the first row is the header, mapped by hand.
        best.format = forced;
        best.headerRecord = 0;
        best.headerLine = doc.records[0].line;
        best.header = doc.records[0].fields;
    }
    if (!best.format)
        return fail(ErrorCode::Invalid, "line " + std::to_string(doc.records[0].line) +
                                            ": the header matches no known export; name the format "
                                            "(for example generic-posts) and map the columns");
    return best;
}

} // namespace herald::engine
