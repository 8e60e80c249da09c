#include "herald/engine/store/Schema.h"

#include <string>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

// Schema v1: the whole domain, so later features extend it rather than redesign it.
// Instants are UTC epoch seconds; days are YYYY-MM-DD in the zone that owns them.
constexpr const char* kMigration1 = R"SQL(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    platform     TEXT NOT NULL CHECK (platform IN ('mastodon','bluesky','x','linkedin','facebook','instagram','weibo','wechat','douyin')),
    handle       TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    base_url     TEXT NOT NULL DEFAULT '',
    external_id  TEXT,
    secret_ref   TEXT NOT NULL DEFAULT '',
    time_zone    TEXT NOT NULL DEFAULT 'UTC',
    status       TEXT NOT NULL DEFAULT 'connected' CHECK (status IN ('connected','needs_reconnect','disabled')),
    created_utc  INTEGER NOT NULL
);
CREATE UNIQUE INDEX accounts_external ON accounts(platform, base_url, external_id) WHERE external_id IS NOT NULL;

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    goal         TEXT NOT NULL DEFAULT '',
    goal_target  REAL NOT NULL DEFAULT 0,
    start_day    TEXT,
    end_day      TEXT,
    budget       REAL NOT NULL DEFAULT 0,
    currency     TEXT NOT NULL DEFAULT 'EUR',
    utm_campaign TEXT NOT NULL DEFAULT '',
    colour       TEXT NOT NULL DEFAULT '#4e79a7',
    created_utc  INTEGER NOT NULL
);

CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL DEFAULT '',
    campaign_id    INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    parent_post_id INTEGER REFERENCES posts(id) ON DELETE CASCADE,
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','scheduled','publishing','published','failed','cancelled')),
    local_time     TEXT NOT NULL DEFAULT '',
    time_zone      TEXT NOT NULL DEFAULT '',
    scheduled_utc  INTEGER,
    created_utc    INTEGER NOT NULL,
    updated_utc    INTEGER NOT NULL
);
CREATE INDEX posts_scheduled ON posts(scheduled_utc);
CREATE INDEX posts_campaign ON posts(campaign_id);

CREATE TABLE post_targets (
    id               INTEGER PRIMARY KEY,
    post_id          INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    variant_text     TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','scheduled','publishing','published','failed','cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_utc INTEGER,
    external_id      TEXT,
    permalink        TEXT NOT NULL DEFAULT '',
    published_utc    INTEGER,
    last_error       TEXT NOT NULL DEFAULT '',
    idempotency_key  TEXT NOT NULL DEFAULT '',
    UNIQUE (post_id, account_id)
);
CREATE UNIQUE INDEX post_targets_external ON post_targets(account_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX post_targets_published ON post_targets(status, published_utc);
CREATE INDEX post_targets_due ON post_targets(status, next_attempt_utc);

CREATE TABLE media (
    id          INTEGER PRIMARY KEY,
    post_id     INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    path        TEXT NOT NULL,
    mime        TEXT NOT NULL,
    alt_text    TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX media_post ON media(post_id, position);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE post_tags (
    post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX post_tags_tag ON post_tags(tag_id);

CREATE TABLE post_metrics (
    target_id INTEGER NOT NULL REFERENCES post_targets(id) ON DELETE CASCADE,
    metric    TEXT NOT NULL,
    ts_utc    INTEGER NOT NULL,
    value     REAL NOT NULL,
    PRIMARY KEY (target_id, metric, ts_utc)
) WITHOUT ROWID;

CREATE TABLE account_metrics (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    metric     TEXT NOT NULL,
    day        TEXT NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (account_id, metric, day)
) WITHOUT ROWID;

CREATE TABLE audience_members (
    id                 INTEGER PRIMARY KEY,
    account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    external_id        TEXT NOT NULL,
    handle             TEXT NOT NULL DEFAULT '',
    display_name       TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    age_band           TEXT NOT NULL DEFAULT '',
    gender             TEXT NOT NULL DEFAULT '',
    follower_since_utc INTEGER,
    follower_count     INTEGER NOT NULL DEFAULT 0,
    email              TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, external_id)
);

CREATE TABLE member_interests (
    member_id INTEGER NOT NULL REFERENCES audience_members(id) ON DELETE CASCADE,
    interest  TEXT NOT NULL,
    weight    REAL NOT NULL DEFAULT 1,
    PRIMARY KEY (member_id, interest)
) WITHOUT ROWID;

CREATE TABLE member_events (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES audience_members(id) ON DELETE CASCADE,
    target_id INTEGER REFERENCES post_targets(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('like','reply','repost','quote','click','follow')),
    ts_utc    INTEGER NOT NULL
);
CREATE INDEX member_events_member ON member_events(member_id, ts_utc);
CREATE INDEX member_events_target ON member_events(target_id);

CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    run_id      TEXT NOT NULL DEFAULT '',
    account_id  INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    features    TEXT NOT NULL DEFAULT '[]',
    profile     TEXT NOT NULL DEFAULT '{}',
    created_utc INTEGER NOT NULL
);
CREATE TABLE segment_members (
    segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES audience_members(id) ON DELETE CASCADE,
    PRIMARY KEY (segment_id, member_id)
) WITHOUT ROWID;

CREATE TABLE comments (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    target_id       INTEGER REFERENCES post_targets(id) ON DELETE SET NULL,
    external_id     TEXT NOT NULL,
    author_handle   TEXT NOT NULL DEFAULT '',
    author_name     TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    language        TEXT NOT NULL DEFAULT '',
    ts_utc          INTEGER NOT NULL,
    sentiment       REAL,
    sentiment_label TEXT NOT NULL DEFAULT '',
    reply_state     TEXT NOT NULL DEFAULT 'unread' CHECK (reply_state IN ('unread','read','replied','ignored')),
    UNIQUE (account_id, external_id)
);
CREATE INDEX comments_time ON comments(ts_utc);

CREATE TABLE ad_audiences (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    segment_id    INTEGER REFERENCES segments(id) ON DELETE SET NULL,
    spec_json     TEXT NOT NULL DEFAULT '{}',
    size_estimate INTEGER NOT NULL DEFAULT 0,
    created_utc   INTEGER NOT NULL
);

CREATE TABLE ad_sets (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
    audience_id  INTEGER REFERENCES ad_audiences(id) ON DELETE SET NULL,
    name         TEXT NOT NULL,
    platform     TEXT NOT NULL DEFAULT '',
    external_id  TEXT NOT NULL DEFAULT '',
    daily_budget REAL NOT NULL DEFAULT 0,
    bid          REAL NOT NULL DEFAULT 0,
    currency     TEXT NOT NULL DEFAULT 'EUR',
    status       TEXT NOT NULL DEFAULT 'active',
    created_utc  INTEGER NOT NULL
);

CREATE TABLE ad_metrics (
    ad_set_id   INTEGER NOT NULL REFERENCES ad_sets(id) ON DELETE CASCADE,
    day         TEXT NOT NULL,
    impressions INTEGER NOT NULL DEFAULT 0,
    clicks      INTEGER NOT NULL DEFAULT 0,
    spend       REAL NOT NULL DEFAULT 0,
    conversions INTEGER NOT NULL DEFAULT 0,
    revenue     REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (ad_set_id, day)
) WITHOUT ROWID;

CREATE TABLE ab_tests (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    subject        TEXT NOT NULL CHECK (subject IN ('post','ad_set')),
    metric         TEXT NOT NULL,
    window_start   INTEGER,
    window_end     INTEGER,
    planned_sample INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('draft','running','finished')),
    result_json    TEXT NOT NULL DEFAULT '',
    created_utc    INTEGER NOT NULL
);
CREATE TABLE ab_test_variants (
    test_id   INTEGER NOT NULL REFERENCES ab_tests(id) ON DELETE CASCADE,
    label     TEXT NOT NULL,
    post_id   INTEGER REFERENCES posts(id) ON DELETE SET NULL,
    ad_set_id INTEGER REFERENCES ad_sets(id) ON DELETE SET NULL,
    PRIMARY KEY (test_id, label)
) WITHOUT ROWID;

CREATE TABLE posting_slots (
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
    PRIMARY KEY (account_id, weekday, minute_of_day)
) WITHOUT ROWID;

CREATE TABLE sync_state (
    account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    resource      TEXT NOT NULL,
    cursor        TEXT NOT NULL DEFAULT '',
    last_sync_utc INTEGER,
    last_error    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, resource)
) WITHOUT ROWID;
)SQL";

// Schema v2: publishing (recurrence, evergreen pool, pre-flight, background runs), sync state
// (rate limits, progress counters) and import provenance. Each area keeps its own block.
constexpr const char* kMigration2 = R"SQL(
-- Publishing
ALTER TABLE posts ADD COLUMN repeat_every INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN repeat_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN repeat_until TEXT NOT NULL DEFAULT '';
ALTER TABLE posts ADD COLUMN evergreen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN evergreen_gap_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE posts ADD COLUMN last_evergreen_utc INTEGER;
ALTER TABLE post_targets ADD COLUMN platform_scheduled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE post_targets ADD COLUMN preflight_error TEXT NOT NULL DEFAULT '';
ALTER TABLE post_targets ADD COLUMN preflight_utc INTEGER;
CREATE TABLE publisher_runs (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    started_utc  INTEGER NOT NULL,
    finished_utc INTEGER,
    published    INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0,
    detail       TEXT NOT NULL DEFAULT ''
);
-- end Publishing

-- Sync
ALTER TABLE accounts ADD COLUMN rate_limited_until_utc INTEGER;
ALTER TABLE accounts ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_state ADD COLUMN items INTEGER NOT NULL DEFAULT 0;
-- end Sync

-- Imports
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL DEFAULT '',
    rows         INTEGER NOT NULL DEFAULT 0,
    account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    imported_utc INTEGER NOT NULL
);
-- end Imports

-- Audience and ads
-- end Audience and ads
)SQL";

constexpr const char* kMigrations[] = {kMigration1, kMigration2};

} // namespace

Result<void> migrate(Database& db)
{
    const int current = db.userVersion();
    if (current < 0)
        return fail(ErrorCode::Storage, db.path() + ": cannot read the schema version");
    constexpr int count = static_cast<int>(std::size(kMigrations));
    for (int version = current + 1; version <= count; ++version) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return tl::unexpected(tx.error());
        if (auto r = db.exec(kMigrations[version - 1]); !r)
            return fail(ErrorCode::Storage, "migration to schema " + std::to_string(version) + ": " + r.error().detail);
        // Pragmas cannot take bound parameters; both values are compile-time integers.
        std::string stamp = "PRAGMA application_id=" + std::to_string(kApplicationId) +
                            "; PRAGMA user_version=" + std::to_string(version) + ";";
        if (auto r = db.exec(stamp); !r)
            return r;
        if (auto r = tx->commit(); !r)
            return r;
    }
    return {};
}

} // namespace herald::engine
