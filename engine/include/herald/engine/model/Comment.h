#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace herald::engine {

enum class ReplyState { Unread, Read, Replied, Ignored };

struct Comment
{
    std::int64_t id = 0;
    std::int64_t accountId = 0;
    std::optional<std::int64_t> targetId;
    std::string externalId;
    std::string authorHandle;
    std::string authorName;
    std::string body;
    std::string language;
    std::int64_t timestampUtc = 0;
    std::optional<double> sentiment; // [-1, 1], unset until scored
    std::string sentimentLabel;      // negative / neutral / positive
    ReplyState replyState = ReplyState::Unread;
};

} // namespace herald::engine
