#include <QProcess>
#include <QTest>

#include "TestSupport.h"

// The real binaries start, paint and quit.
class TestHeraldSmoke : public QObject
{
    Q_OBJECT

private slots:
    void startsOnDemoWorkspaceAndPaints()
    {
        herald::test::TempFolder dir;
        const QString demo = QString::fromStdString(dir.path("demo.herald"));
        QProcess ctl;
        ctl.start(QStringLiteral(HERALDCTL_PATH),
                  {QStringLiteral("demo"), QStringLiteral("--out"), demo, QStringLiteral("--days"), QStringLiteral("30"),
                   QStringLiteral("--audience"), QStringLiteral("200")});
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 0);

        QProcess gui;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QString::fromStdString(dir.path("config")));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(HERALD_PATH), {QStringLiteral("--quit-after-first-paint"), demo});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 0);
        QVERIFY2(gui.readAllStandardOutput().contains("first-paint-ms"), "the window painted");
    }

    void versions()
    {
        QProcess gui;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(HERALD_PATH), {QStringLiteral("--version")});
        QVERIFY(gui.waitForFinished(30000));
        QVERIFY(gui.readAllStandardOutput().contains("Herald"));
        QProcess ctl;
        ctl.start(QStringLiteral(HERALDCTL_PATH), {QStringLiteral("--version")});
        QVERIFY(ctl.waitForFinished(30000));
        QVERIFY(ctl.readAllStandardOutput().contains("SQLite"));
    }
};

QTEST_GUILESS_MAIN(TestHeraldSmoke)
#include "tst_herald_smoke.moc"
