#pragma once

#include <stdexcept>
#include <string>

#include <QString>
#include <QTemporaryDir>
#include <QTest>

namespace QTest {
// Lets QCOMPARE print std::string values when they differ.
template <>
inline char* toString(const std::string& s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace herald::test {

/// Unwraps a Result<void> in test set-up code: a failure throws, which Qt Test reports as a failure.
template <typename R>
void must(const R& result)
{
    if (!result)
        throw std::runtime_error(result.error().detail);
}

/// A fresh folder for one test's workspaces; removed when the test ends.
class TempFolder
{
public:
    TempFolder();
    std::string path(const char* name) const;
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

/// The folder of the shared reference datasets (../shared/datasets beside the project).
std::string sharedDataDir();
/// The folder of the project's own fixtures (tests/fixtures).
std::string fixturesDir();

} // namespace herald::test
