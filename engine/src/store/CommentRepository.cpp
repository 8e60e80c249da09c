#include "herald/engine/store/CommentRepository.h"

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {
std::string_view replyStateKey(ReplyState s)
{
    switch (s) {
    case ReplyState::Unread: return "unread";
    case ReplyState::Read: return "read";
    case ReplyState::Replied: return "replied";
    case ReplyState::Ignored: return "ignored";
    }
    return "unread";
}
} // namespace

Result<std::int64_t> CommentRepository::upsert(Comment& c)
{
    if (c.externalId.empty())
        return fail(ErrorCode::Invalid, "a comment needs the platform's id");
    auto stmt = m_db.prepare(
        "INSERT INTO comments(account_id, target_id, external_id, author_handle, author_name, body, language, ts_utc, "
        "sentiment, sentiment_label, reply_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
        "ON CONFLICT(account_id, external_id) DO UPDATE SET target_id = excluded.target_id, body = excluded.body, "
        "author_handle = excluded.author_handle, author_name = excluded.author_name, language = excluded.language, "
        "ts_utc = excluded.ts_utc RETURNING id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    s.bind(1, c.accountId).bind(2, c.targetId).bind(3, c.externalId).bind(4, c.authorHandle).bind(5, c.authorName);
    s.bind(6, c.body).bind(7, c.language).bind(8, c.timestampUtc).bind(9, c.sentiment).bind(10, c.sentimentLabel);
    s.bind(11, replyStateKey(c.replyState));
    auto row = s.step();
    if (!row)
        return tl::unexpected(row.error());
    c.id = s.int64(0);
    s.reset();
    return c.id;
}

} // namespace herald::engine
