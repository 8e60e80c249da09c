#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace herald::app {

/// The only user of QSettings: typed access to what Herald remembers between runs.
class AppSettings final
{
public:
    AppSettings();
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    QString lastWorkspace() const;
    void setLastWorkspace(const QString& path);
    /// Most recent first, at most kMaxRecent entries.
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString& path);
    void removeRecentWorkspace(const QString& path);
    static constexpr int kMaxRecent = 8;

    /// "" follows the system locale; otherwise a locale name such as "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString& language);

    int lastPanel() const;
    void setLastPanel(int index);

private:
    QSettings* m_settings;
};

} // namespace herald::app
