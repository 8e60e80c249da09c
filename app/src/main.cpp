#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include "AppSettings.h"
#include "MainWindow.h"
#include "herald/engine/Clock.h"

namespace {

void installTranslations(QApplication& app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("herald"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

// Quits once the window has painted for the first time and prints how long start-up took (benchmark).
class FirstPaintProbe final : public QObject
{
public:
    explicit FirstPaintProbe(QElapsedTimer timer) : m_timer(timer) {}
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTextStream(stdout) << "first-paint-ms " << m_timer.elapsed() << Qt::endl;
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_timer;
    bool m_done = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Herald"));
    QApplication::setApplicationName(QStringLiteral("Herald"));
    QApplication::setApplicationVersion(QStringLiteral(HERALD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.herald.Herald"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Herald: local-first campaign manager for social media"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("Workspace file (.herald) to open"));
    QCommandLineOption quitAfterPaint(QStringLiteral("quit-after-first-paint"),
                                      QStringLiteral("Print the start-up time and quit after the first paint"));
    parser.addOption(quitAfterPaint);
    parser.process(app);

    herald::app::AppSettings settings;
    installTranslations(app, settings.language());

    herald::engine::SystemClock clock;
    herald::app::MainWindow window(settings, clock);
    FirstPaintProbe probe(startup);
    if (parser.isSet(quitAfterPaint))
        window.installEventFilter(&probe);

    QString workspace = parser.positionalArguments().value(0);
    if (workspace.isEmpty() && !qEnvironmentVariableIsEmpty("HERALD_WORKSPACE"))
        workspace = qEnvironmentVariable("HERALD_WORKSPACE");
    if (workspace.isEmpty() && QFileInfo::exists(settings.lastWorkspace()))
        workspace = settings.lastWorkspace();
    window.show();
    if (!workspace.isEmpty())
        window.openWorkspace(workspace);
    return app.exec();
}
