#pragma once

#include <functional>

namespace herald::engine {

/// Progress and cancellation for long analytics work. The engine calls it with the fraction done
/// (0..1) at least every ~50 ms of work, on the thread doing the work; returning false asks the
/// job to stop, and the job then returns a cancelled result (never a half result). An empty
/// function means "no progress reporting, never cancel".
using Progress = std::function<bool(double fraction)>;

} // namespace herald::engine
