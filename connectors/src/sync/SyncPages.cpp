#include "SyncPages.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "herald/connectors/Connector.h"
#include "herald/connectors/DateTime.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/CommentRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/MetricRepository.h"
#include "herald/engine/store/SyncStateRepository.h"
#include "herald/engine/store/Transaction.h"

namespace herald::connectors {

namespace {

constexpr int kMetricsBatch = 40;

// The resume state kept in sync_state.cursor. `next` is the page cursor of a pass in progress;
// `since` the newest id of the last complete pass (incremental start); `top` the newest id of the
// pass in progress; `complete` that one full pass has finished; `after` the last target id of a
// metrics pass in progress.
struct Cursor
{
    std::string next;
    std::string since;
    std::string top;
    bool complete = false;
    std::int64_t after = 0;
};

Cursor parseCursor(const std::string& text)
{
    Cursor c;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return c; // no or unreadable state: start a fresh pass
    c.next = j.value("next", "");
    c.since = j.value("since", "");
    c.top = j.value("top", "");
    c.complete = j.value("complete", false);
    c.after = j.value("after", std::int64_t{0});
    return c;
}

std::string serializeCursor(const Cursor& c)
{
    nlohmann::json j = nlohmann::json::object();
    if (!c.next.empty())
        j["next"] = c.next;
    if (!c.since.empty())
        j["since"] = c.since;
    if (!c.top.empty())
        j["top"] = c.top;
    if (c.complete)
        j["complete"] = true;
    if (c.after)
        j["after"] = c.after;
    return j.dump();
}

// Commits the page's writes and the advanced cursor together.
template <typename Writes> Result<void> commitPage(engine::Database& db, Writes&& writes)
{
    auto tx = engine::Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    if (auto r = writes(); !r)
        return r;
    return tx->commit();
}

// A newest-first listing: pages from the cursor until the listing ends. With `sinceOf` the pass asks
// only for items newer than the previous pass's newest; after a complete pass, a page that brings
// nothing new also ends it (platforms that ignore since_id, and lists with no id order).
template <typename Item, typename Fetch, typename Write, typename IdOf>
Result<ResourceOutcome> syncListing(ResourceContext& c, SyncResource resource, bool useSince, Fetch fetch, Write write,
                                    IdOf idOf)
{
    engine::SyncStateRepository repo(c.db);
    const std::string key(syncResourceKey(resource));
    auto stored = repo.state(c.account.id, key);
    if (!stored)
        return tl::unexpected(stored.error());
    Cursor cursor = parseCursor(stored->cursor);
    ResourceOutcome out;
    while (true) {
        if (c.stop.stop_requested())
            return fail(ErrorCode::Cancelled, "sync cancelled");
        PageRequest request;
        request.cursor = cursor.next;
        request.limit = c.options.pageSize;
        if (useSince)
            request.sinceId = cursor.since;
        Result<Page<Item>> page = fetch(request);
        if (!page)
            return tl::unexpected(page.error());
        const bool firstOfPass = cursor.next.empty();
        std::int64_t fresh = 0;
        bool done = false;
        auto written = commitPage(c.db, [&]() -> Result<void> {
            for (auto& item : page->items) {
                auto r = write(item);
                if (!r)
                    return tl::unexpected(r.error());
                fresh += *r ? 1 : 0;
            }
            Cursor next = cursor;
            if (useSince && firstOfPass && !page->items.empty())
                next.top = idOf(page->items.front());
            done = page->nextCursor.empty() || (cursor.complete && fresh == 0);
            engine::SyncState state = *stored;
            state.items = out.items + static_cast<std::int64_t>(page->items.size());
            if (done) {
                if (useSince && !next.top.empty())
                    next.since = next.top;
                next.top.clear();
                next.next.clear();
                next.complete = true;
                state.lastSyncUtc = c.clock.nowUtc();
                state.lastError.clear();
            } else {
                next.next = page->nextCursor;
            }
            state.cursor = serializeCursor(next);
            if (auto r = repo.save(state); !r)
                return r;
            cursor = next;
            return {};
        });
        if (!written)
            return tl::unexpected(written.error());
        ++out.pages;
        out.items += static_cast<std::int64_t>(page->items.size());
        c.pageDone(out.pages, out.items);
        if (done)
            return out;
    }
}

Result<ResourceOutcome> syncPosts(ResourceContext& c)
{
    engine::SyncStateRepository repo(c.db);
    return syncListing<RemotePost>(
        c, SyncResource::Posts, true, [&](const PageRequest& r) { return c.connector.listOwnPosts(r); },
        [&](const RemotePost& post) -> Result<bool> {
            if (post.repost)
                return false; // someone else's post: its counts are not the account's
            auto target =
                repo.upsertPublishedPost(c.account.id, post.externalId, post.permalink, post.text, post.createdUtc);
            if (!target)
                return tl::unexpected(target.error());
            for (const auto& sample : toMetricSamples(post.counts, target->targetId, c.clock.nowUtc()))
                if (auto r = repo.addPostMetricSnapshot(sample); !r)
                    return tl::unexpected(r.error());
            return target->inserted;
        },
        [](const RemotePost& post) { return post.externalId; });
}

Result<ResourceOutcome> syncComments(ResourceContext& c)
{
    engine::SyncStateRepository repo(c.db);
    engine::CommentRepository comments(c.db);
    return syncListing<RemoteComment>(
        c, SyncResource::Comments, false, [&](const PageRequest& r) { return c.connector.listMentions(r); },
        [&](const RemoteComment& remote) -> Result<bool> {
            auto exists = repo.commentExists(c.account.id, remote.externalId);
            if (!exists)
                return tl::unexpected(exists.error());
            engine::Comment comment;
            comment.accountId = c.account.id;
            if (!remote.inReplyToExternalId.empty()) {
                auto target = repo.targetByExternalId(c.account.id, remote.inReplyToExternalId);
                if (!target)
                    return tl::unexpected(target.error());
                comment.targetId = *target;
            }
            comment.externalId = remote.externalId;
            comment.authorHandle = remote.authorHandle;
            comment.authorName = remote.authorName;
            comment.body = remote.text;
            comment.language = remote.language;
            comment.timestampUtc = remote.createdUtc;
            if (auto r = comments.upsert(comment); !r)
                return tl::unexpected(r.error());
            return !*exists;
        },
        [](const RemoteComment& comment) { return comment.externalId; });
}

Result<ResourceOutcome> syncFollowers(ResourceContext& c)
{
    engine::SyncStateRepository repo(c.db);
    return syncListing<engine::AudienceMember>(
        c, SyncResource::Followers, false, [&](const PageRequest& r) { return c.connector.listFollowers(r); },
        [&](engine::AudienceMember member) -> Result<bool> {
            member.accountId = c.account.id;
            return repo.upsertFollower(member);
        },
        [](const engine::AudienceMember& member) { return member.externalId; });
}

std::string localDay(const ResourceContext& c, std::int64_t utc)
{
    const int offset = c.hooks.utcOffset ? c.hooks.utcOffset(c.account.timeZone, utc) : 0;
    return formatIso8601Utc(utc + offset).substr(0, 10);
}

// Account counters as today's level (the account's local day), then fresh counts of recent posts in
// batches, each batch committed with the last target id it covered.
Result<ResourceOutcome> syncMetrics(ResourceContext& c)
{
    engine::SyncStateRepository repo(c.db);
    const std::string key(syncResourceKey(SyncResource::Metrics));
    auto stored = repo.state(c.account.id, key);
    if (!stored)
        return tl::unexpected(stored.error());
    Cursor cursor = parseCursor(stored->cursor);
    ResourceOutcome out;
    const std::int64_t now = c.clock.nowUtc();
    auto finish = [&](Cursor next, std::int64_t items) {
        engine::SyncState state = *stored;
        state.items = items;
        state.cursor = serializeCursor(next);
        state.lastSyncUtc = now;
        state.lastError.clear();
        return repo.save(state);
    };

    if (cursor.after == 0) {
        auto counters = c.connector.accountMetrics();
        if (!counters && !isNotOffered(counters.error()))
            return tl::unexpected(counters.error());
        if (counters) {
            engine::MetricRepository metrics(c.db);
            const std::string day = localDay(c, now);
            auto written = commitPage(c.db, [&]() -> Result<void> {
                for (const auto& [name, value] :
                     {std::pair<const char*, std::int64_t>{"followers", counters->followers},
                      {"following", counters->following},
                      {"posts", counters->posts}})
                    if (auto r = metrics.upsertAccountMetric({c.account.id, name, day, static_cast<double>(value)}); !r)
                        return r;
                return {};
            });
            if (!written)
                return tl::unexpected(written.error());
            ++out.pages;
            out.items += 3;
            c.pageDone(out.pages, out.items);
        }
    }

    const std::int64_t since = now - static_cast<std::int64_t>(std::max(c.options.metricsDays, 0)) * 86400;
    while (true) {
        if (c.stop.stop_requested())
            return fail(ErrorCode::Cancelled, "sync cancelled");
        auto batch = repo.publishedTargets(c.account.id, since, cursor.after, kMetricsBatch);
        if (!batch)
            return tl::unexpected(batch.error());
        if (batch->empty())
            break;
        std::vector<std::string> ids;
        std::map<std::string, std::int64_t> targetOf;
        for (const auto& [target, external] : *batch) {
            ids.push_back(external);
            targetOf[external] = target;
        }
        auto remote = c.connector.postMetrics(ids);
        if (!remote && isNotOffered(remote.error()))
            break; // the listing of own posts already brought the counts
        if (!remote)
            return tl::unexpected(remote.error());
        Cursor next = cursor;
        next.after = batch->back().first;
        const bool last = static_cast<int>(batch->size()) < kMetricsBatch;
        auto written = commitPage(c.db, [&]() -> Result<void> {
            for (const auto& post : *remote) {
                const auto it = targetOf.find(post.externalId);
                if (it == targetOf.end())
                    continue;
                for (const auto& sample : toMetricSamples(post.counts, it->second, now))
                    if (auto r = repo.addPostMetricSnapshot(sample); !r)
                        return tl::unexpected(r.error());
            }
            if (last)
                return finish(Cursor{}, out.items + static_cast<std::int64_t>(remote->size()));
            engine::SyncState state = *stored;
            state.items = out.items + static_cast<std::int64_t>(remote->size());
            state.cursor = serializeCursor(next);
            return repo.save(state);
        });
        if (!written)
            return tl::unexpected(written.error());
        cursor = next;
        ++out.pages;
        out.items += static_cast<std::int64_t>(remote->size());
        c.pageDone(out.pages, out.items);
        if (last)
            return out;
    }
    if (auto r = finish(Cursor{}, out.items); !r)
        return tl::unexpected(r.error());
    return out;
}

} // namespace

bool isNotOffered(const Error& error)
{
    return error.code == ErrorCode::Invalid && error.detail.find(" not offered by ") != std::string::npos;
}

Result<ResourceOutcome> syncResource(ResourceContext& context, SyncResource resource)
{
    switch (resource) {
    case SyncResource::Posts:
        return syncPosts(context);
    case SyncResource::Metrics:
        return syncMetrics(context);
    case SyncResource::Comments:
        return syncComments(context);
    case SyncResource::Followers:
        return syncFollowers(context);
    }
    return fail(ErrorCode::Invalid, "unknown sync resource");
}

} // namespace herald::connectors
