#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "herald/engine/Result.h"
#include "herald/engine/model/Post.h"

namespace herald::engine {

class Database;

/// Posts with their targets and tags. Callers group writes in a Transaction.
class PostRepository
{
public:
    explicit PostRepository(Database& db) : m_db(db) {}

    /// Inserts the post, its targets and its tags; sets the ids on `post` and its targets.
    Result<std::int64_t> insert(Post& post);
    /// The post with its targets and tags, or nullopt.
    Result<std::optional<Post>> find(std::int64_t id);
    /// The id of the tag called `name` (case-insensitive), created when missing.
    Result<std::int64_t> tagId(std::string_view name);

private:
    Result<void> insertTarget(PostTarget& target);
    Database& m_db;
};

} // namespace herald::engine
