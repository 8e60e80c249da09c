#include "AppSettings.h"

#include <QSettings>

namespace herald::app {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kPanel = QStringLiteral("window/panel");
const QString kLast = QStringLiteral("workspace/last");
const QString kRecent = QStringLiteral("workspace/recent");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

AppSettings::AppSettings() : m_settings(new QSettings) {}

AppSettings::~AppSettings()
{
    delete m_settings;
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state)
{
    m_settings->setValue(kState, state);
}

QString AppSettings::lastWorkspace() const
{
    return m_settings->value(kLast).toString();
}

void AppSettings::setLastWorkspace(const QString& path)
{
    m_settings->setValue(kLast, path);
}

QStringList AppSettings::recentWorkspaces() const
{
    return m_settings->value(kRecent).toStringList();
}

void AppSettings::addRecentWorkspace(const QString& path)
{
    auto list = recentWorkspaces();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    m_settings->setValue(kRecent, list);
}

void AppSettings::removeRecentWorkspace(const QString& path)
{
    auto list = recentWorkspaces();
    list.removeAll(path);
    m_settings->setValue(kRecent, list);
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString& language)
{
    m_settings->setValue(kLanguage, language);
}

int AppSettings::lastPanel() const
{
    return m_settings->value(kPanel, 0).toInt();
}

void AppSettings::setLastPanel(int index)
{
    m_settings->setValue(kPanel, index);
}

} // namespace herald::app
