#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "herald/connectors/Connector.h"
#include "herald/engine/Result.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/model/Post.h"

namespace herald::connectors {

/// What is wrong (or worth a warning) with a post; widgets map the kind to translated text.
enum class ProblemKind {
    NoTargets,        // no account selected
    UnknownAccount,   // the account id does not exist (or was removed)
    AccountDisabled,  // the account is disabled or needs reconnecting
    NotPublishable,   // Herald cannot publish to this platform (CSV-only networks)
    EmptyText,        // neither text nor media
    TextTooLong,      // over the network's limit, counted the network's way
    MediaMissing,     // a media file is not there (or its hash changed)
    MediaUnsupported, // a kind the network does not take (video on a text-only network, audio, ...)
    MediaTooMany,     // more images or videos than the network allows, or a forbidden mix
    MediaTooLarge,
    AltTextMissing, // a warning only: an image without alt text
    InThePast,      // the schedule lies in the past: publish now instead?
    ThreadsUnsupported,
};

/// One problem. `accountId` 0 = the whole post; `mediaIndex` -1 = not about one media file.
struct ValidationProblem
{
    ProblemKind kind = ProblemKind::EmptyText;
    std::int64_t accountId = 0;
    int mediaIndex = -1;
    bool blocking = true; // false: a warning that does not stop scheduling
    std::string detail;   // English, technical ("counts 512 of 500 characters")
};

/// A media file as the composer holds it before (or after) it is stored in the workspace.
struct MediaDraft
{
    std::string path;     // absolute, or relative to the workspace media folder
    std::string mimeType; // empty: guessed from the file name
    std::string altText;
    std::string sha256; // expected hash; empty: not checked
};

/// A post as typed in the composer or on the heraldctl command line.
struct PostDraft
{
    std::string body;
    std::vector<std::int64_t> accountIds;
    std::vector<std::pair<std::int64_t, std::string>> variants; // per-account text replacing the body
    std::vector<MediaDraft> media;
    std::optional<std::int64_t> scheduledUtc; // nullopt: draft, queue or "publish now"
    bool isReply = false;                     // a follow-up in a thread
};

/// What Herald publishes to each network: text limit and counting, media limits, threads.
/// Platforms Herald cannot publish to give textLimit 0.
Capabilities publishCapabilities(engine::Platform platform);
/// The text a target sends: its variant when one is set, else the body.
std::string targetText(const PostDraft& draft, std::int64_t accountId);
/// Every problem of `draft` against the known `accounts`, with media paths resolved against
/// `mediaFolder` (files are read to check presence, size and hash). Empty = fine to schedule.
std::vector<ValidationProblem> validatePost(const PostDraft& draft, const std::vector<engine::Account>& accounts,
                                            const std::string& mediaFolder, std::int64_t nowUtc);
/// Whether any problem stops scheduling.
bool hasBlockingProblem(const std::vector<ValidationProblem>& problems);
/// A stable key for a problem kind ("text_too_long", ...), for logs and JSON.
std::string_view problemKindKey(ProblemKind kind);

/// The workspace's media folder: "<workspace path>.media".
std::string mediaFolderFor(const std::string& workspacePath);
/// `path` if absolute, else joined to `mediaFolder`.
std::string resolveMediaPath(const std::string& mediaFolder, const std::string& path);
/// The MIME type guessed from the file extension (jpg, png, gif, webp, mp4, mov, webm, mp3, ...);
/// "application/octet-stream" when unknown.
std::string mimeTypeForFile(std::string_view path);
/// The media kind of a MIME type; nullopt for anything else.
std::optional<MediaKind> mediaKindForMime(std::string_view mime);
/// Lower-case hex SHA-256 of a file's contents.
Result<std::string> sha256OfFile(const std::string& path);
/// Copies `sourcePath` into `mediaFolder` (created when missing) as "<sha256>.<ext>" and returns
/// the Media row to store (path relative to the folder, MIME, alt text, hash, size). Idempotent.
Result<engine::Media> importMediaFile(const std::string& sourcePath, const std::string& mediaFolder,
                                      const std::string& altText);

} // namespace herald::connectors
