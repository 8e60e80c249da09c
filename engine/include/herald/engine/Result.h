#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace herald {

/// What kind of failure happened; widgets map each code to translated text.
enum class ErrorCode {
    Invalid,     // bad argument or input data
    NotFound,    // a file, row or resource that does not exist
    Storage,     // SQLite or file-system failure
    NotWorkspace,// a file that is not a Herald workspace (or not SQLite at all)
    TooNew,      // a workspace written by a newer Herald
    ReadOnly,    // a location Herald cannot write to
    Parse,       // malformed text (CSV, JSON, dates)
    Network,
    Timeout,
    RateLimited,
    AuthExpired,
    Permission,
    Cancelled,
};

struct Error
{
    ErrorCode code = ErrorCode::Invalid;
    std::string detail; // technical detail, English, safe to log (never a secret)
};

template <typename T>
using Result = tl::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorCode::Storage, "...")`.
inline tl::unexpected<Error> fail(ErrorCode code, std::string detail)
{
    return tl::unexpected<Error>(Error{code, std::move(detail)});
}

/// A stable name for a code, used in logs and machine-readable output.
const char* errorCodeName(ErrorCode code);

} // namespace herald
