#include "TestSupport.h"

namespace herald::test {

TempFolder::TempFolder() = default;

std::string TempFolder::path(const char* name) const
{
    return m_dir.filePath(QString::fromUtf8(name)).toStdString();
}

std::string sharedDataDir()
{
#ifdef HERALD_SHARED_DATA_DIR
    return HERALD_SHARED_DATA_DIR;
#else
    return {};
#endif
}

std::string fixturesDir()
{
#ifdef HERALD_TEST_DATA_DIR
    return HERALD_TEST_DATA_DIR;
#else
    return {};
#endif
}

} // namespace herald::test
