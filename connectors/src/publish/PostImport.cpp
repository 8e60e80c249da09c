#include "herald/connectors/publish/PostImport.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/ZoneConverter.h"
#include "herald/engine/import/CsvReader.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/CampaignRepository.h"
#include "herald/engine/store/PostEditor.h"

namespace herald::connectors {

namespace {

namespace fs = std::filesystem;

enum Column { Text, At, TimeZone, Accounts, MediaCol, CampaignCol, Tags, ColumnCount };
constexpr std::array<std::string_view, ColumnCount> kColumns{"text",  "at",       "time_zone", "accounts",
                                                             "media", "campaign", "tags"};

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// The non-empty trimmed parts of `s` separated by ';'.
std::vector<std::string> splitList(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = std::min(s.find(';', start), s.size());
        if (auto part = trim(s.substr(start, end - start)); !part.empty())
            out.push_back(std::move(part));
        start = end + 1;
    }
    return out;
}

std::optional<std::int64_t> parsePositiveId(std::string_view s)
{
    std::int64_t v = 0;
    const auto* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc{} || ptr != end || v <= 0)
        return std::nullopt;
    return v;
}

// "path[:alt]": the alt text starts at the first ':' that follows a file name with an extension, so
// alt texts may contain colons and dots.
std::pair<std::string, std::string> splitMedia(const std::string& item)
{
    for (auto colon = item.find(':'); colon != std::string::npos; colon = item.find(':', colon + 1)) {
        const std::string path = item.substr(0, colon);
        const auto slash = path.find_last_of('/');
        const auto dot = path.rfind('.');
        if (dot != std::string::npos && (slash == std::string::npos || dot > slash + 1) && dot + 1 < path.size())
            return {trim(path), trim(item.substr(colon + 1))};
    }
    return {trim(item), {}};
}

std::string problemText(const ValidationProblem& problem)
{
    const bool named = problem.detail.rfind("account ", 0) == 0;
    std::string where = problem.accountId && !named ? "account " + std::to_string(problem.accountId) + ": " : "";
    if (problem.mediaIndex >= 0)
        where += "media " + std::to_string(problem.mediaIndex + 1) + ": ";
    return where + problem.detail;
}

// One good row, ready to store.
struct PlannedPost
{
    engine::Post post;
    PostDraft draft;
};

} // namespace

Result<PostImportResult> importPostsCsv(engine::Database& db, const std::string& csvPath,
                                        const engine::ZoneConverter& zones, const PostImportOptions& options)
{
    std::ifstream in(csvPath, std::ios::binary);
    if (!in)
        return fail(ErrorCode::NotFound, "cannot read " + csvPath);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    auto doc = engine::readCsv(bytes, ',');
    if (!doc)
        return fail(ErrorCode::Parse, csvPath + ": " + doc.error().detail);

    PostImportResult result;
    if (doc->records.empty()) {
        result.problems.push_back({1, "the file is empty: it needs the header " + std::string("text,at,time_zone,"
                                                                                              "accounts,media,campaign,"
                                                                                              "tags")});
        return result;
    }

    // The header names the columns (any order); text, at and accounts are required.
    const auto& header = doc->records.front();
    std::array<int, ColumnCount> index;
    index.fill(-1);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = lower(trim(header.fields[i]));
        const auto it = std::find(kColumns.begin(), kColumns.end(), name);
        if (it == kColumns.end()) {
            result.problems.push_back({header.line, "unknown column \"" + name +
                                                        "\" (text, at, time_zone, accounts, media, campaign, tags)"});
            continue;
        }
        const auto col = std::size_t(it - kColumns.begin());
        if (index[col] >= 0)
            result.problems.push_back({header.line, "column \"" + name + "\" appears twice"});
        index[col] = int(i);
    }
    for (const Column required : {Text, At, Accounts})
        if (index[required] < 0)
            result.problems.push_back(
                {header.line, "the header lacks the column \"" + std::string(kColumns[required]) + "\""});
    if (!result.problems.empty())
        return result;

    auto accounts = engine::AccountRepository(db).list();
    if (!accounts)
        return tl::unexpected(accounts.error());
    auto campaigns = engine::CampaignRepository(db).list();
    if (!campaigns)
        return tl::unexpected(campaigns.error());
    const fs::path csvFolder = fs::absolute(fs::path(csvPath)).parent_path();

    std::vector<PlannedPost> planned;
    for (std::size_t r = 1; r < doc->records.size(); ++r) {
        const auto& record = doc->records[r];
        ++result.rows;
        const auto line = record.line;
        std::vector<std::string> reasons;
        auto field = [&](Column c) -> std::string {
            return index[c] >= 0 && std::size_t(index[c]) < record.fields.size() ? record.fields[std::size_t(index[c])]
                                                                                 : std::string();
        };
        if (record.fields.size() > header.fields.size())
            reasons.push_back("has " + std::to_string(record.fields.size()) + " fields, the header " +
                              std::to_string(header.fields.size()));

        PlannedPost p;
        p.draft.body = field(Text);
        p.post.body = p.draft.body;
        p.post.createdUtc = p.post.updatedUtc = options.nowUtc;

        // accounts
        for (const auto& part : splitList(field(Accounts))) {
            const auto id = parsePositiveId(part);
            if (!id) {
                reasons.push_back("accounts: \"" + part + "\" is not an account id");
                continue;
            }
            if (std::find(p.draft.accountIds.begin(), p.draft.accountIds.end(), *id) == p.draft.accountIds.end())
                p.draft.accountIds.push_back(*id);
        }

        // at + time_zone
        std::string zone = trim(field(TimeZone));
        if (zone.empty())
            zone = options.workspaceZone;
        const bool zoneKnown = !zone.empty() && !zones.toLocal(0, zone).empty();
        if (!zoneKnown)
            reasons.push_back("time_zone: unknown time zone \"" + zone + "\" (use an IANA name such as Europe/Berlin)");
        const std::string at = trim(field(At));
        if (!at.empty()) {
            const auto local = engine::parseLocalMinute(at);
            if (!local) {
                reasons.push_back("at: \"" + at + "\" is not a wall time YYYY-MM-DDTHH:MM");
            } else if (zoneKnown) {
                const std::string minute = engine::formatLocalMinute(*local);
                if (auto utc = zones.toUtc(minute, zone)) {
                    p.post.status = engine::PostStatus::Scheduled;
                    p.post.localTime = minute;
                    p.post.timeZone = zone;
                    p.post.scheduledUtc = *utc;
                    p.draft.scheduledUtc = *utc;
                } else {
                    reasons.push_back("at: " + minute + " does not exist in " + zone +
                                      " (skipped by a daylight-saving change)");
                }
            }
        }

        // media
        for (const auto& item : splitList(field(MediaCol))) {
            auto [path, alt] = splitMedia(item);
            fs::path file(path);
            if (file.is_relative())
                file = csvFolder / file;
            p.draft.media.push_back({file.lexically_normal().string(), {}, alt, {}});
        }

        // campaign: an id or an exact name
        if (const std::string campaign = trim(field(CampaignCol)); !campaign.empty()) {
            const auto id = parsePositiveId(campaign);
            const auto it = std::find_if(campaigns->begin(), campaigns->end(), [&](const engine::Campaign& c) {
                return (id && c.id == *id) || c.name == campaign;
            });
            if (it == campaigns->end())
                reasons.push_back("campaign: no campaign with the id or name \"" + campaign + "\"");
            else
                p.post.campaignId = it->id;
        }
        p.post.tags = splitList(field(Tags));

        // The composer's checks: limits per network, media, accounts, time in the past.
        for (const auto& problem : validatePost(p.draft, *accounts, options.mediaFolder, options.nowUtc)) {
            if (problem.kind == ProblemKind::InThePast)
                reasons.push_back("at: " + p.post.localTime + " " + p.post.timeZone + " is in the past");
            else if (problem.blocking)
                reasons.push_back(problemText(problem));
        }
        for (auto& reason : reasons)
            result.problems.push_back({line, std::move(reason)});
        if (reasons.empty()) {
            for (const auto id : p.draft.accountIds) {
                engine::PostTarget t;
                t.accountId = id;
                p.post.targets.push_back(t);
            }
            planned.push_back(std::move(p));
        }
    }
    if (result.rows == 0)
        result.problems.push_back({header.line, "the file has a header but no posts"});
    if (!result.problems.empty() || options.dryRun)
        return result;

    // All rows are good: copy the media (content-addressed, harmless if the write below fails), then
    // every post in one transaction.
    std::vector<engine::Post> posts;
    std::vector<std::vector<engine::Media>> media;
    for (auto& p : planned) {
        std::vector<engine::Media> stored;
        for (const auto& m : p.draft.media) {
            auto row = importMediaFile(m.path, options.mediaFolder, m.altText);
            if (!row)
                return tl::unexpected(row.error());
            stored.push_back(std::move(*row));
        }
        posts.push_back(std::move(p.post));
        media.push_back(std::move(stored));
    }
    auto ids = engine::PostEditor(db).createMany(posts, media);
    if (!ids)
        return tl::unexpected(ids.error());
    result.postIds = std::move(*ids);
    return result;
}

} // namespace herald::connectors
