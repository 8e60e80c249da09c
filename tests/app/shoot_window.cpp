// Renders Herald's main window on a workspace to PNG files, one per panel, for looking at the UI
// without a desktop: shoot_window WORKSPACE OUTDIR [LANG]
#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

#include "AppSettings.h"
#include "MainWindow.h"
#include "herald/engine/Clock.h"
#include "herald/widgets/DashboardPanel.h"
#include "herald/widgets/TrendsPanel.h"

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 3) {
        qWarning("usage: shoot_window WORKSPACE OUTDIR [LANG]");
        return 1;
    }
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("HeraldShots"));
    const QString lang = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("en");
    QLocale::setDefault(QLocale(lang));
    QTranslator own, qt;
    if (own.load(QLocale(lang), QStringLiteral("herald"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&own);
    if (qt.load(QLocale(lang), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);
    herald::app::AppSettings settings;
    herald::engine::SystemClock clock;
    herald::app::MainWindow window(settings, clock);
    window.resize(1280, 800);
    window.show();
    const QString out = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);
    QObject::connect(&window, &herald::app::MainWindow::workspaceFailed, &app, [&app] { app.exit(2); });
    auto* dashboard = window.findChild<herald::ui::DashboardPanel*>();
    auto* trends = window.findChild<herald::ui::TrendsPanel*>();
    auto shoot = [&] {
        if (!dashboard->isUpToDate() || !trends->isUpToDate() || !window.workspace())
            return;
        for (int i = 0; i < herald::app::MainWindow::PanelCount; ++i) {
            window.showPanel(herald::app::MainWindow::Panel(i));
            window.grab().save(QStringLiteral("%1/panel-%2-%3.png").arg(out, lang).arg(i));
        }
        app.quit();
    };
    QObject::connect(dashboard, &herald::ui::DashboardPanel::figuresShown, &app, shoot);
    QObject::connect(trends, &herald::ui::TrendsPanel::chartShown, &app, shoot);
    window.openWorkspace(QString::fromLocal8Bit(argv[1]));
    return app.exec();
}
