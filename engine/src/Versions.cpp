#include "herald/engine/Versions.h"

#include <Eigen/Core>
#include <sqlite3.h>

namespace herald::engine {

std::string sqliteVersion()
{
    return sqlite3_libversion();
}

std::string eigenVersion()
{
    return std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
           std::to_string(EIGEN_MINOR_VERSION);
}

} // namespace herald::engine
