#pragma once

#include <cstdint>

#include "herald/engine/Result.h"
#include "herald/engine/model/Comment.h"

namespace herald::engine {

class Database;

class CommentRepository
{
public:
    explicit CommentRepository(Database& db) : m_db(db) {}

    /// Inserts or updates the comment keyed by (account, external id); sets `comment.id`.
    Result<std::int64_t> upsert(Comment& comment);

private:
    Database& m_db;
};

} // namespace herald::engine
