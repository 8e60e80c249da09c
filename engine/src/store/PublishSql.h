#pragma once

// Internal helpers shared by the publishing store classes (CalendarQuery, PostEditor, PostingSlots,
// PublishQueue). Not a public header.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/store/PostEditor.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

class Database;
class Statement;

namespace publishsql {

/// A bound parameter of a dynamically built statement.
using Arg = std::variant<std::int64_t, std::string>;

/// Prepares `sql` and binds `args` as ?1..?n.
Result<Statement*> prepare(Database& db, const std::string& sql, const std::vector<Arg>& args);
/// Runs a statement with `args` to completion.
Result<void> run(Database& db, const std::string& sql, const std::vector<Arg>& args);
/// The first column of the first row as an integer (COUNT(*) and the like); 0 without a row.
Result<std::int64_t> scalar(Database& db, const std::string& sql, const std::vector<Arg>& args);
/// The first column of every row as integers (ids), in the statement's order.
Result<std::vector<std::int64_t>> column(Database& db, const std::string& sql, const std::vector<Arg>& args);
/// "?a, ?b, ..." placeholders for `values`, appended to `args`.
std::string placeholders(std::vector<Arg>& args, const std::vector<std::int64_t>& values);
std::string placeholders(std::vector<Arg>& args, const std::vector<std::string>& values);

/// Derives posts.status from the post's targets. Call inside the caller's transaction.
Result<void> refreshPostStatus(Database& db, std::int64_t postId, std::int64_t nowUtc);
/// Copies a post (text, campaign, tags, media, targets - only `onlyAccount`'s when set) without any
/// publishing state. With `at` the copy is scheduled (targets due at at->utc) when `scheduled`, else
/// a draft keeping that time. Call inside the caller's transaction. Returns the new id.
Result<std::int64_t> copyPost(Database& db, std::int64_t sourceId, const std::optional<Schedule>& at, bool scheduled,
                              std::optional<std::int64_t> onlyAccount, std::int64_t nowUtc);
/// The posts below `postId` in its threads (its replies, their replies, ...), in id order. With
/// `sameTimeAs` only those not published or publishing and planned at the same instant as `postId`
/// is now (or, like it, unplanned): the follow-ups that travel with it.
Result<std::vector<std::int64_t>> followUpsOf(Database& db, std::int64_t postId, bool sameTimeAs = false);
/// Runs `body` in a transaction of its own, committed when it succeeds.
template <typename F> auto inTransaction(Database& db, F&& body) -> decltype(body())
{
    auto tx = Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto result = body();
    if (!result)
        return result;
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return result;
}

/// The post's status; Invalid (naming `what`, e.g. "edit") when it is published or publishing.
Result<std::string> editableStatus(Database& db, std::int64_t postId, const char* what);
/// The post's status, or NotFound.
Result<std::string> postStatus(Database& db, std::int64_t postId);

} // namespace publishsql
} // namespace herald::engine
