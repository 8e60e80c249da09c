#include "herald/connectors/publish/PostValidation.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include <openssl/evp.h>

#include "herald/connectors/TextLength.h"

namespace herald::connectors {

namespace fs = std::filesystem;
using engine::Platform;

Capabilities publishCapabilities(Platform platform)
{
    Capabilities caps;
    caps.platform = platform;
    switch (platform) {
    case Platform::Mastodon:
        caps.textLimit = 500;
        caps.counting = TextCounting::CodePoints;
        caps.urlLength = 23;
        caps.media = {{MediaKind::Image, MediaKind::Gif, MediaKind::Video, MediaKind::Audio},
                      4,
                      1,
                      false,
                      16LL * 1024 * 1024,
                      99LL * 1024 * 1024};
        caps.altText = caps.scheduling = caps.threads = caps.idempotencyKeys = true;
        break;
    case Platform::Bluesky:
        caps.textLimit = 300;
        caps.counting = TextCounting::Graphemes;
        caps.media = {{MediaKind::Image, MediaKind::Video}, 4, 1, false, 2'000'000, 50LL * 1024 * 1024};
        caps.altText = caps.threads = true;
        break;
    case Platform::X:
        caps.textLimit = 280;
        caps.counting = TextCounting::Weighted;
        caps.urlLength = 23;
        caps.media = {
            {MediaKind::Image, MediaKind::Gif, MediaKind::Video}, 4, 1, false, 5LL * 1024 * 1024, 512LL * 1024 * 1024};
        caps.altText = caps.threads = true;
        break;
    default:
        break; // no publishing connector: CSV import only
    }
    return caps;
}

std::string targetText(const PostDraft& draft, std::int64_t accountId)
{
    for (const auto& [id, text] : draft.variants)
        if (id == accountId && !text.empty())
            return text;
    return draft.body;
}

std::string mediaFolderFor(const std::string& workspacePath)
{
    return workspacePath + ".media";
}

std::string resolveMediaPath(const std::string& mediaFolder, const std::string& path)
{
    const fs::path p(path);
    if (p.is_absolute() || mediaFolder.empty())
        return path;
    return (fs::path(mediaFolder) / p).string();
}

std::string mimeTypeForFile(std::string_view path)
{
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string_view::npos ? std::string() : std::string(path.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    static const std::pair<const char*, const char*> kTypes[] = {
        {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"},     {"png", "image/png"},   {"webp", "image/webp"},
        {"gif", "image/gif"},  {"heic", "image/heic"},     {"avif", "image/avif"}, {"mp4", "video/mp4"},
        {"m4v", "video/mp4"},  {"mov", "video/quicktime"}, {"webm", "video/webm"}, {"mp3", "audio/mpeg"},
        {"ogg", "audio/ogg"},  {"wav", "audio/wav"},       {"m4a", "audio/mp4"},   {"flac", "audio/flac"}};
    for (const auto& [e, mime] : kTypes)
        if (ext == e)
            return mime;
    return "application/octet-stream";
}

std::optional<MediaKind> mediaKindForMime(std::string_view mime)
{
    if (mime == "image/gif")
        return MediaKind::Gif;
    if (mime.substr(0, 6) == "image/")
        return MediaKind::Image;
    if (mime.substr(0, 6) == "video/")
        return MediaKind::Video;
    if (mime.substr(0, 6) == "audio/")
        return MediaKind::Audio;
    return std::nullopt;
}

Result<std::string> sha256OfFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return fail(ErrorCode::NotFound, "cannot read media file " + path);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return fail(ErrorCode::Storage, "SHA-256 unavailable");
    char buffer[64 * 1024];
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0 && EVP_DigestUpdate(ctx.get(), buffer, static_cast<std::size_t>(in.gcount())) != 1)
            return fail(ErrorCode::Storage, "SHA-256 of " + path + " failed");
    }
    if (in.bad())
        return fail(ErrorCode::Storage, "read error in media file " + path);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        return fail(ErrorCode::Storage, "SHA-256 of " + path + " failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0x0F];
    }
    return hex;
}

Result<engine::Media> importMediaFile(const std::string& sourcePath, const std::string& mediaFolder,
                                      const std::string& altText)
{
    std::error_code ec;
    if (!fs::is_regular_file(sourcePath, ec))
        return fail(ErrorCode::NotFound, "media file " + sourcePath + " does not exist");
    auto hash = sha256OfFile(sourcePath);
    if (!hash)
        return tl::unexpected(hash.error());
    const std::string mime = mimeTypeForFile(sourcePath);
    if (!mediaKindForMime(mime))
        return fail(ErrorCode::Invalid, "media file " + sourcePath + " is not an image, video or audio file");
    std::string ext = fs::path(sourcePath).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    const std::string name = *hash + ext;
    fs::create_directories(mediaFolder, ec);
    if (ec)
        return fail(ErrorCode::Storage, "cannot create the media folder " + mediaFolder + ": " + ec.message());
    const fs::path target = fs::path(mediaFolder) / name;
    if (!fs::exists(target, ec)) {
        // Copy under a temporary name, then rename: a half-copied file never carries the final name.
        const fs::path partial = fs::path(mediaFolder) / (name + ".part");
        fs::copy_file(sourcePath, partial, fs::copy_options::overwrite_existing, ec);
        if (!ec)
            fs::rename(partial, target, ec);
        if (ec)
            return fail(ErrorCode::Storage, "cannot copy " + sourcePath + " into " + mediaFolder + ": " + ec.message());
    }
    engine::Media media;
    media.path = name;
    media.mime = mime;
    media.altText = altText;
    media.sha256 = *hash;
    media.sizeBytes = static_cast<std::int64_t>(fs::file_size(target, ec));
    return media;
}

namespace {

void checkMedia(const PostDraft& draft, const engine::Account& account, const Capabilities& caps,
                const std::vector<std::optional<MediaKind>>& kinds, const std::vector<std::int64_t>& sizes,
                std::vector<ValidationProblem>& out)
{
    int images = 0;
    int videos = 0;
    for (std::size_t i = 0; i < draft.media.size(); ++i) {
        const int index = static_cast<int>(i);
        if (!kinds[i])
            continue; // reported once for the whole post
        const MediaKind kind = *kinds[i];
        if (std::find(caps.media.kinds.begin(), caps.media.kinds.end(), kind) == caps.media.kinds.end()) {
            out.push_back(
                {ProblemKind::MediaUnsupported, account.id, index, true,
                 std::string(engine::platformDisplayName(account.platform)) + " does not take this kind of media"});
            continue;
        }
        const bool video = kind == MediaKind::Video || kind == MediaKind::Audio;
        (video ? videos : images)++;
        const std::int64_t limit = video ? caps.media.maxVideoBytes : caps.media.maxImageBytes;
        if (limit > 0 && sizes[i] > limit)
            out.push_back({ProblemKind::MediaTooLarge, account.id, index, true,
                           std::to_string(sizes[i]) + " bytes; " +
                               std::string(engine::platformDisplayName(account.platform)) + " takes at most " +
                               std::to_string(limit)});
        if (!video && caps.altText && draft.media[i].altText.empty())
            out.push_back({ProblemKind::AltTextMissing, account.id, index, false, "image without alt text"});
    }
    if (images > caps.media.maxImages || videos > caps.media.maxVideos ||
        (images > 0 && videos > 0 && !caps.media.mixImagesAndVideo))
        out.push_back({ProblemKind::MediaTooMany, account.id, -1, true,
                       std::to_string(images) + " images and " + std::to_string(videos) + " videos; " +
                           std::string(engine::platformDisplayName(account.platform)) + " takes at most " +
                           std::to_string(caps.media.maxImages) + " images or " + std::to_string(caps.media.maxVideos) +
                           " video"});
}

} // namespace

std::vector<ValidationProblem> validatePost(const PostDraft& draft, const std::vector<engine::Account>& accounts,
                                            const std::string& mediaFolder, std::int64_t nowUtc)
{
    std::vector<ValidationProblem> out;
    if (draft.accountIds.empty())
        out.push_back({ProblemKind::NoTargets, 0, -1, true, "no account selected"});
    if (draft.scheduledUtc && *draft.scheduledUtc < nowUtc)
        out.push_back({ProblemKind::InThePast, 0, -1, true, "the scheduled time is in the past"});

    // Media are read once, whatever the number of targets.
    std::vector<std::optional<MediaKind>> kinds(draft.media.size());
    std::vector<std::int64_t> sizes(draft.media.size(), 0);
    for (std::size_t i = 0; i < draft.media.size(); ++i) {
        const auto& m = draft.media[i];
        const int index = static_cast<int>(i);
        const std::string path = resolveMediaPath(mediaFolder, m.path);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            out.push_back({ProblemKind::MediaMissing, 0, index, true, "media file " + path + " does not exist"});
            continue;
        }
        sizes[i] = static_cast<std::int64_t>(fs::file_size(path, ec));
        if (!m.sha256.empty()) {
            auto hash = sha256OfFile(path);
            if (!hash || *hash != m.sha256) {
                out.push_back({ProblemKind::MediaMissing, 0, index, true,
                               "media file " + path + " changed since it was added (hash differs)"});
                continue;
            }
        }
        kinds[i] = mediaKindForMime(m.mimeType.empty() ? mimeTypeForFile(path) : m.mimeType);
        if (!kinds[i])
            out.push_back({ProblemKind::MediaUnsupported, 0, index, true,
                           "media file " + path + " is not an image, video or audio file"});
    }

    for (const auto accountId : draft.accountIds) {
        const auto it = std::find_if(accounts.begin(), accounts.end(),
                                     [accountId](const engine::Account& a) { return a.id == accountId; });
        if (it == accounts.end()) {
            out.push_back({ProblemKind::UnknownAccount, accountId, -1, true,
                           "account " + std::to_string(accountId) + " does not exist"});
            continue;
        }
        const engine::Account& account = *it;
        if (account.status == engine::AccountStatus::Disabled)
            out.push_back(
                {ProblemKind::AccountDisabled, accountId, -1, true, "account " + account.handle + " is disabled"});
        const Capabilities caps = publishCapabilities(account.platform);
        if (caps.textLimit == 0) {
            out.push_back({ProblemKind::NotPublishable, accountId, -1, true,
                           "Herald cannot publish to " + std::string(engine::platformDisplayName(account.platform))});
            continue;
        }
        const std::string text = targetText(draft, accountId);
        if (text.empty() && draft.media.empty())
            out.push_back({ProblemKind::EmptyText, accountId, -1, true, "the post has neither text nor media"});
        if (const int length = countForPlatform(text, account.platform); length > caps.textLimit)
            out.push_back({ProblemKind::TextTooLong, accountId, -1, true,
                           "the text counts " + std::to_string(length) + " of " + std::to_string(caps.textLimit) +
                               " characters on " + std::string(engine::platformDisplayName(account.platform))});
        if (draft.isReply && !caps.threads)
            out.push_back({ProblemKind::ThreadsUnsupported, accountId, -1, true,
                           std::string(engine::platformDisplayName(account.platform)) + " has no threads"});
        checkMedia(draft, account, caps, kinds, sizes, out);
    }
    return out;
}

bool hasBlockingProblem(const std::vector<ValidationProblem>& problems)
{
    return std::any_of(problems.begin(), problems.end(), [](const ValidationProblem& p) { return p.blocking; });
}

std::string_view problemKindKey(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::NoTargets:
        return "no_targets";
    case ProblemKind::UnknownAccount:
        return "unknown_account";
    case ProblemKind::AccountDisabled:
        return "account_disabled";
    case ProblemKind::NotPublishable:
        return "not_publishable";
    case ProblemKind::EmptyText:
        return "empty_text";
    case ProblemKind::TextTooLong:
        return "text_too_long";
    case ProblemKind::MediaMissing:
        return "media_missing";
    case ProblemKind::MediaUnsupported:
        return "media_unsupported";
    case ProblemKind::MediaTooMany:
        return "media_too_many";
    case ProblemKind::MediaTooLarge:
        return "media_too_large";
    case ProblemKind::AltTextMissing:
        return "alt_text_missing";
    case ProblemKind::InThePast:
        return "in_the_past";
    case ProblemKind::ThreadsUnsupported:
        return "threads_unsupported";
    }
    return "unknown";
}

} // namespace herald::connectors
