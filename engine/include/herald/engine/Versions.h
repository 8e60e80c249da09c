#pragma once

#include <string>

namespace herald::engine {

/// Version strings of the libraries the engine is built on, for the About box and `heraldctl --version`.
std::string sqliteVersion();
std::string eigenVersion();

} // namespace herald::engine
