#include "herald/engine/Result.h"

namespace herald {

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::Storage: return "storage";
    case ErrorCode::NotWorkspace: return "not_workspace";
    case ErrorCode::TooNew: return "too_new";
    case ErrorCode::ReadOnly: return "read_only";
    case ErrorCode::Parse: return "parse";
    case ErrorCode::Network: return "network";
    case ErrorCode::Timeout: return "timeout";
    case ErrorCode::RateLimited: return "rate_limited";
    case ErrorCode::AuthExpired: return "auth_expired";
    case ErrorCode::Permission: return "permission";
    case ErrorCode::Cancelled: return "cancelled";
    }
    return "unknown";
}

} // namespace herald
