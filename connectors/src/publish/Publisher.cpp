#include "herald/connectors/sync/Publisher.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "herald/connectors/Connector.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/connectors/http/Sleeper.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/PublishQueue.h"

namespace herald::connectors {

using engine::DueTarget;
using engine::PostStatus;

ConnectorSource connectorSource(HttpClient& http, CredentialsSource credentials,
                                std::function<void(const engine::Account&, const Credentials&)> onChanged)
{
    return [&http, credentials = std::move(credentials),
            onChanged = std::move(onChanged)](const engine::Account& account) -> Result<std::unique_ptr<Connector>> {
        if (!credentials)
            return fail(ErrorCode::AuthExpired, "no credentials source for account " + account.handle);
        auto creds = credentials(account);
        if (!creds)
            return tl::unexpected(creds.error());
        CredentialsChanged changed;
        if (onChanged)
            changed = [onChanged, account](const Credentials& c) { onChanged(account, c); };
        return makeConnector(account, *creds, http, std::move(changed));
    };
}

namespace {

// Mastodon returns sanitised HTML; compare posts by their visible text with whitespace folded and
// links left out.
std::string visibleText(std::string_view text)
{
    std::string out;
    bool inTag = false;
    std::string tag;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inTag) {
            if (c == '>') {
                inTag = false;
                if (tag.rfind("br", 0) == 0 || tag.rfind("/p", 0) == 0)
                    out += '\n';
            } else {
                tag += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            continue;
        }
        if (c == '<') {
            inTag = true;
            tag.clear();
            continue;
        }
        if (c == '&') {
            static const std::pair<std::string_view, char> kEntities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
            bool decoded = false;
            for (const auto& [entity, ch] : kEntities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += ch;
                    i += entity.size() - 1;
                    decoded = true;
                    break;
                }
            }
            if (decoded)
                continue;
        }
        out += c;
    }
    // Links are left out: X shows t.co links (and one for attached media) instead of the original.
    std::string unlinked;
    for (std::size_t i = 0; i < out.size();) {
        if (out.compare(i, 7, "http://") == 0 || out.compare(i, 8, "https://") == 0) {
            while (i < out.size() && !std::isspace(static_cast<unsigned char>(out[i])))
                ++i;
            continue;
        }
        unlinked += out[i++];
    }
    std::string folded;
    for (const char c : unlinked) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space) {
            if (!folded.empty() && folded.back() != ' ')
                folded += ' ';
        } else {
            folded += c;
        }
    }
    while (!folded.empty() && folded.back() == ' ')
        folded.pop_back();
    return folded;
}

// One of the account's own posts, as the answer to publishing it.
PublishedPost publishedAs(const RemotePost& post)
{
    PublishedPost p;
    p.externalId = post.externalId;
    p.permalink = post.permalink;
    p.publishedUtc = post.createdUtc;
    return p;
}

bool isTransient(ErrorCode code)
{
    return code == ErrorCode::Network || code == ErrorCode::Timeout || code == ErrorCode::Storage;
}

std::string newKey(std::mt19937_64& rng)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key = "herald-";
    for (int i = 0; i < 32; ++i)
        key += kHex[rng() & 0x0F];
    return key;
}

} // namespace

struct Publisher::Impl
{
    struct AccountEntry
    {
        std::optional<engine::Account> account;
        std::unique_ptr<Connector> connector;
        std::optional<Error> error;
        std::optional<Error> verified; // set after a failed verifyCredentials (pre-flight)
        bool verifiedOk = false;
    };

    engine::Database& db;
    ConnectorSource connectors;
    const engine::Clock& clock;
    Sleeper& sleeper;
    PublisherOptions options;
    std::mt19937_64 rng;
    std::map<std::int64_t, AccountEntry> accounts;
    PublishReport* report = nullptr;

    Impl(engine::Database& database, ConnectorSource source, const engine::Clock& c, Sleeper& s, PublisherOptions o)
        : db(database), connectors(std::move(source)), clock(c), sleeper(s), options(std::move(o)),
          rng(options.jitterSeed ? options.jitterSeed : std::random_device{}())
    {
    }

    AccountEntry& entry(std::int64_t accountId)
    {
        auto it = accounts.find(accountId);
        if (it != accounts.end())
            return it->second;
        AccountEntry e;
        auto found = engine::AccountRepository(db).find(accountId);
        if (!found)
            e.error = found.error();
        else if (!*found)
            e.error = Error{ErrorCode::NotFound, "account " + std::to_string(accountId) + " no longer exists"};
        else if ((*found)->status == engine::AccountStatus::Disabled)
            e.error = Error{ErrorCode::Permission, "account " + (*found)->handle + " is disabled"};
        else {
            e.account = **found;
            if (!connectors)
                e.error = Error{ErrorCode::Invalid, "no connector source"};
            else if (auto c = connectors(*e.account); !c)
                e.error = c.error();
            else
                e.connector = std::move(*c);
        }
        return accounts.emplace(accountId, std::move(e)).first->second;
    }

    std::int64_t backoff(int attempts)
    {
        const int exponent = std::clamp(attempts - 1, 0, 30);
        const std::int64_t base = options.backoffBase.count();
        const std::int64_t full = std::min<std::int64_t>(options.backoffCap.count(), base << std::min(exponent, 20));
        std::uniform_int_distribution<std::int64_t> jitter(std::max<std::int64_t>(1, full / 2),
                                                           std::max<std::int64_t>(1, full));
        return jitter(rng);
    }

    void record(TargetOutcome outcome)
    {
        if (!report)
            return;
        switch (outcome.status) {
        case PostStatus::Published:
            ++report->published;
            break;
        case PostStatus::Failed:
            ++report->failed;
            break;
        default:
            ++report->retrying;
            break;
        }
        report->outcomes.push_back(std::move(outcome));
    }

    static TargetOutcome outcomeOf(const DueTarget& t)
    {
        TargetOutcome o;
        o.targetId = t.targetId;
        o.postId = t.postId;
        o.accountId = t.accountId;
        return o;
    }

    Result<void> failTarget(const DueTarget& t, const std::string& message)
    {
        if (auto r = engine::PublishQueue(db).markFailed(t.targetId, message); !r)
            return r;
        TargetOutcome o = outcomeOf(t);
        o.status = PostStatus::Failed;
        o.error = message;
        record(std::move(o));
        return {};
    }

    Result<void> retryTarget(const DueTarget& t, std::int64_t at, const std::string& message)
    {
        if (auto r = engine::PublishQueue(db).markRetry(t.targetId, at, message); !r)
            return r;
        TargetOutcome o = outcomeOf(t);
        o.status = PostStatus::Scheduled;
        o.error = message;
        o.nextAttemptUtc = at;
        record(std::move(o));
        return {};
    }

    Result<void> published(const DueTarget& t, const PublishedPost& post, bool reconciled)
    {
        // A post handed to the platform's scheduler goes out at its scheduled time.
        const std::int64_t when = post.publishedUtc.value_or(post.scheduledUtc.value_or(clock.nowUtc()));
        if (auto r = engine::PublishQueue(db).markPublished(t.targetId, post.externalId, post.permalink, when); !r)
            return r;
        TargetOutcome o = outcomeOf(t);
        o.status = PostStatus::Published;
        o.externalId = post.externalId;
        o.permalink = post.permalink;
        o.reconciled = reconciled;
        record(std::move(o));
        return {};
    }

    // The classified error of a claimed target: retry, wait or fail (claim, send, record).
    Result<void> applyError(const DueTarget& t, int attempts, const Error& error)
    {
        const std::int64_t now = clock.nowUtc();
        if (error.code == ErrorCode::RateLimited)
            return retryTarget(t, now + rateLimitWaitSeconds(error).value_or(60), error.detail);
        if (isTransient(error.code)) {
            if (attempts >= options.maxAttempts)
                return failTarget(t, error.detail + " (gave up after " + std::to_string(attempts) + " attempts)");
            return retryTarget(t, now + backoff(attempts), error.detail);
        }
        if (error.code == ErrorCode::AuthExpired)
            if (auto r = engine::AccountRepository(db).setStatus(t.accountId, engine::AccountStatus::NeedsReconnect);
                !r)
                return r;
        return failTarget(t, error.detail);
    }

    // Looks for the target among the account's own recent posts. nullopt = could not look.
    Result<std::optional<RemotePost>> findOwnPost(Connector& connector, const DueTarget& t)
    {
        const std::string wanted = visibleText(t.text);
        const std::int64_t earliest = t.scheduledUtc - options.reconcileSlackSeconds;
        PageRequest page;
        for (int i = 0; i < options.reconcilePages; ++i) {
            auto posts = connector.listOwnPosts(page);
            if (!posts)
                return tl::unexpected(posts.error());
            bool older = false;
            for (const auto& p : posts->items) {
                if (p.createdUtc < earliest) {
                    older = true;
                    continue;
                }
                if (!t.replyToExternalId.empty() && p.inReplyToExternalId != t.replyToExternalId)
                    continue;
                if (visibleText(p.text) == wanted)
                    return std::optional<RemotePost>(p);
            }
            if (older || posts->nextCursor.empty())
                break;
            page.cursor = posts->nextCursor;
        }
        return std::optional<RemotePost>();
    }

    // A target left in publishing: found among the account's posts -> published; else due again now.
    Result<void> reconcile(const DueTarget& t)
    {
        auto& e = entry(t.accountId);
        if (!e.connector)
            return failTarget(t, e.error ? e.error->detail : "no connector");
        auto found = findOwnPost(*e.connector, t);
        if (!found) {
            if (found.error().code == ErrorCode::AuthExpired)
                return applyError(t, t.attempts, found.error());
            // Cannot tell whether it went out: leave it in publishing for the next run.
            TargetOutcome o = outcomeOf(t);
            o.status = PostStatus::Publishing;
            o.error = "reconciliation postponed: " + found.error().detail;
            record(std::move(o));
            return {};
        }
        if (*found) {
            return published(t, publishedAs(**found), true);
        }
        return engine::PublishQueue(db).markRetry(t.targetId, clock.nowUtc(),
                                                  "not found among the account's posts after an interrupted run");
    }

    Result<void> publishOne(const DueTarget& t)
    {
        auto& e = entry(t.accountId);
        if (!e.connector)
            return applyError(t, options.maxAttempts,
                              e.error.value_or(Error{ErrorCode::Invalid, "no connector for the account"}));
        if (t.parentPostId) {
            if (!t.parentTargetStatus)
                return failTarget(t, "the thread's previous post has no target on this account");
            if (*t.parentTargetStatus == PostStatus::Failed || *t.parentTargetStatus == PostStatus::Cancelled)
                return failTarget(t, "the thread's previous post was not published");
        }
        // Media are checked before anything is sent: a missing file is our problem, not the platform's.
        auto media = engine::PostEditor(db).media(t.postId);
        if (!media)
            return tl::unexpected(media.error());
        std::vector<MediaUpload> uploads;
        for (const auto& m : *media) {
            const std::string path = resolveMediaPath(options.mediaFolder, m.path);
            auto hash = sha256OfFile(path);
            if (!hash)
                return failTarget(t, "media file " + path + " is missing");
            if (*hash != m.sha256)
                return failTarget(t, "media file " + path + " changed since it was added (hash differs)");
            MediaUpload upload;
            upload.path = path;
            upload.fileName = m.path.substr(m.path.find_last_of('/') + 1);
            upload.mimeType = m.mime;
            upload.altText = m.altText;
            uploads.push_back(std::move(upload));
        }

        const std::int64_t now = clock.nowUtc();
        auto key = engine::PublishQueue(db).claim(t.targetId, newKey(rng), now);
        if (!key)
            return tl::unexpected(key.error());
        if (!*key)
            return {}; // another run has it
        const int attempts = t.attempts + 1;
        const Capabilities caps = e.connector->capabilities();
        // Without idempotency keys, an earlier attempt that ended unclearly (a timeout, a 5xx) may
        // have gone out: look among the account's own posts before sending again.
        if (t.attempts > 0 && !caps.idempotencyKeys) {
            auto found = findOwnPost(*e.connector, t);
            if (!found) {
                if (found.error().code == ErrorCode::AuthExpired)
                    return applyError(t, t.attempts, found.error());
                return retryTarget(t, clock.nowUtc() + backoff(attempts),
                                   "could not look for the post before retrying: " + found.error().detail);
            }
            if (*found) {
                return published(t, publishedAs(**found), true);
            }
        }

        PublishRequest request;
        request.text = t.text;
        request.replyToExternalId = t.replyToExternalId;
        request.idempotencyKey = caps.idempotencyKeys ? **key : std::string();
        if (t.platformScheduled && caps.scheduling && t.scheduledUtc > now + 600)
            request.scheduledUtc = t.scheduledUtc;
        for (const auto& upload : uploads) {
            auto uploaded = e.connector->uploadMedia(upload);
            if (!uploaded)
                return applyError(t, attempts, uploaded.error());
            request.mediaIds.push_back(uploaded->externalId);
        }
        for (int wait = 0;; ++wait) {
            auto result = e.connector->publish(request);
            if (result)
                return published(t, *result, false);
            const auto seconds = rateLimitWaitSeconds(result.error());
            if (result.error().code == ErrorCode::RateLimited && seconds && wait < 3 &&
                std::chrono::seconds(*seconds) <= options.maxInlineRateLimitWait) {
                sleeper.sleepFor(std::chrono::seconds(std::max<std::int64_t>(*seconds, 1)));
                continue;
            }
            if (result.error().code == ErrorCode::Parse) {
                // The platform answered 2xx but unreadably: the post may be out. Look before retrying.
                DueTarget claimed = t;
                claimed.attempts = attempts;
                return reconcile(claimed);
            }
            return applyError(t, attempts, result.error());
        }
    }
};

Publisher::Publisher(engine::Database& db, ConnectorSource connectors, const engine::Clock& clock, Sleeper& sleeper,
                     PublisherOptions options)
    : d(std::make_unique<Impl>(db, std::move(connectors), clock, sleeper, std::move(options)))
{
}

Publisher::~Publisher() = default;

Result<std::vector<DueTarget>> Publisher::dueNow()
{
    engine::PublishQueue queue(d->db);
    auto inFlight = queue.inFlight();
    if (!inFlight)
        return inFlight;
    auto due = queue.due(d->clock.nowUtc(), d->options.batchLimit);
    if (!due)
        return due;
    inFlight->insert(inFlight->end(), due->begin(), due->end());
    return inFlight;
}

Result<PublishReport> Publisher::publishDue(std::stop_token stop)
{
    engine::PublishQueue queue(d->db);
    PublishReport report;
    d->report = &report;
    d->accounts.clear(); // accounts and tokens may have changed since the last run
    struct Detach
    {
        Impl& impl;
        ~Detach() { impl.report = nullptr; }
    } detach{*d};

    auto runId = queue.beginRun(d->options.source, d->clock.nowUtc());
    if (!runId)
        return tl::unexpected(runId.error());
    report.runId = *runId;
    auto finish = [&](const std::string& detail) {
        return queue.finishRun(*runId, d->clock.nowUtc(), report.published, report.failed, detail);
    };

    auto inFlight = queue.inFlight();
    if (!inFlight)
        return tl::unexpected(inFlight.error());
    for (const auto& t : *inFlight) {
        if (stop.stop_requested())
            break;
        if (auto r = d->reconcile(t); !r) {
            (void)finish(r.error().detail);
            return tl::unexpected(r.error());
        }
    }

    // Follow-ups wait for their parent; each pass publishes what became possible, so a thread goes
    // out in order within one run.
    for (int pass = 0; pass < 64 && !stop.stop_requested(); ++pass) {
        auto due = queue.due(d->clock.nowUtc(), d->options.batchLimit);
        if (!due) {
            (void)finish(due.error().detail);
            return tl::unexpected(due.error());
        }
        bool progressed = false;
        for (const auto& t : *due) {
            if (stop.stop_requested())
                break;
            if (t.parentPostId && t.parentTargetStatus && *t.parentTargetStatus != PostStatus::Published &&
                *t.parentTargetStatus != PostStatus::Failed && *t.parentTargetStatus != PostStatus::Cancelled) {
                continue;
            }
            if (auto r = d->publishOne(t); !r) {
                (void)finish(r.error().detail);
                return tl::unexpected(r.error());
            }
            progressed = true;
        }
        if (!progressed)
            break;
    }
    if (auto r = finish(stop.stop_requested() ? "cancelled" : ""); !r)
        return tl::unexpected(r.error());
    return report;
}

Result<std::vector<PreflightIssue>> Publisher::preflight(std::int64_t fromUtc, std::int64_t toUtc)
{
    engine::PublishQueue queue(d->db);
    auto targets = queue.upcoming(fromUtc, toUtc);
    if (!targets)
        return tl::unexpected(targets.error());
    std::vector<PreflightIssue> issues;
    const std::int64_t now = d->clock.nowUtc();
    for (const auto& t : *targets) {
        std::vector<std::string> problems;
        auto& e = d->entry(t.accountId);
        if (!e.account) {
            problems.push_back(e.error ? e.error->detail : "unknown account");
        } else {
            if (e.account->status == engine::AccountStatus::NeedsReconnect)
                problems.push_back("account " + e.account->handle + " needs reconnecting");
            if (!e.connector) {
                problems.push_back(e.error ? e.error->detail : "no connector");
            } else if (!e.verifiedOk && !e.verified) {
                auto who = e.connector->verifyCredentials();
                if (who)
                    e.verifiedOk = true;
                else
                    e.verified = who.error();
            }
            if (e.verified)
                problems.push_back("the account's token is not valid: " + e.verified->detail);
            PostDraft draft;
            draft.body = t.text;
            draft.accountIds = {t.accountId};
            draft.isReply = t.parentPostId.has_value();
            auto media = engine::PostEditor(d->db).media(t.postId);
            if (!media)
                return tl::unexpected(media.error());
            for (const auto& m : *media)
                draft.media.push_back(MediaDraft{m.path, m.mime, m.altText, m.sha256});
            for (const auto& p : validatePost(draft, {*e.account}, d->options.mediaFolder, now))
                if (p.blocking)
                    problems.push_back(p.detail);
        }
        std::string joined;
        for (const auto& p : problems)
            joined += (joined.empty() ? "" : "; ") + p;
        if (auto r = queue.setPreflight(t.targetId, joined, now); !r)
            return tl::unexpected(r.error());
        if (!joined.empty())
            issues.push_back(PreflightIssue{t.targetId, t.postId, t.accountId, joined});
    }
    return issues;
}

} // namespace herald::connectors
