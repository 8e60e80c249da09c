#include <QFile>
#include <QFileInfo>
#include <QTest>

#include "SecretStore.h"
#include "TestSupport.h"

using herald::app::SecretStore;
using herald::connectors::Credentials;

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void fileBackendRoundTrip();
    void environmentSelectsTheFile();
    void noSessionBusFallsBackWithAWarning();
};

void TestSecretStore::fileBackendRoundTrip()
{
    herald::test::TempFolder folder;
    const QString dir = QString::fromStdString(folder.path("secrets"));
    auto store = SecretStore::fileStore(dir);
    QCOMPARE(store->backend(), SecretStore::Backend::File);
    QVERIFY(store->warning().empty()); // chosen, not fallen back to

    Credentials c;
    c.accessToken = "tok-1";
    c.refreshToken = "ref-1";
    c.expiresUtc = 1'800'000'000;
    QVERIFY(store->write("herald:x::1", c));
    Credentials other;
    other.appPassword = "abcd-efgh-ijkl-mnop";
    QVERIFY(store->write("herald:bluesky::did:plc:z", other));

    const QString file = dir + QStringLiteral("/secrets.json");
    QCOMPARE(QFileInfo(file).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(QFileInfo(dir).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());

    auto read = store->read("herald:x::1");
    QVERIFY(read);
    QCOMPARE(read->accessToken, std::string("tok-1"));
    QCOMPARE(read->refreshToken, std::string("ref-1"));
    QCOMPARE(read->expiresUtc, std::int64_t(1'800'000'000));
    QCOMPARE(store->read("herald:bluesky::did:plc:z")->appPassword, std::string("abcd-efgh-ijkl-mnop"));

    QVERIFY(store->remove("herald:x::1"));
    QCOMPARE(store->read("herald:x::1").error().code, herald::ErrorCode::NotFound);
    QVERIFY(store->read("herald:bluesky::did:plc:z")); // others stay
    QVERIFY(store->remove("never-stored"));
    QVERIFY(!store->write("", c));
}

void TestSecretStore::environmentSelectsTheFile()
{
    herald::test::TempFolder folder;
    const QString dir = QString::fromStdString(folder.path("chosen"));
    qputenv("HERALD_SECRET_STORE", (QStringLiteral("file:") + dir).toUtf8());
    auto store = SecretStore::fromEnvironment();
    qunsetenv("HERALD_SECRET_STORE");
    QCOMPARE(store->backend(), SecretStore::Backend::File);
    QCOMPARE(store->filePath(), dir + QStringLiteral("/secrets.json"));
}

void TestSecretStore::noSessionBusFallsBackWithAWarning()
{
    herald::test::TempFolder folder;
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(folder.path(""))); // no bus socket there
    const QString dir = QString::fromStdString(folder.path("fallback"));
    auto store = SecretStore::keychain(dir);
    if (!bus.isEmpty())
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    if (!runtime.isEmpty())
        qputenv("XDG_RUNTIME_DIR", runtime);
    QCOMPARE(store->backend(), SecretStore::Backend::File);
    const std::string warning = store->warning();
    QVERIFY2(warning.find("no OS keychain") != std::string::npos, warning.c_str());
    QVERIFY(warning.find(store->filePath().toStdString()) != std::string::npos);
    Credentials c;
    c.accessToken = "t";
    QVERIFY(store->write("r", c));
    QCOMPARE(store->read("r")->accessToken, std::string("t"));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
