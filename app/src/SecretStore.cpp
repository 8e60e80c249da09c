#include "SecretStore.h"

#include <future>
#include <mutex>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <qt6keychain/keychain.h>

namespace herald::app {

namespace {

const QString kService = QStringLiteral("Herald");
constexpr int kRead = 0;
constexpr int kWrite = 1;
constexpr int kDelete = 2;
// Long enough for the user to unlock a keychain when it asks.
constexpr std::chrono::seconds kKeychainTimeout{120};

QString defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool sessionBusAvailable()
{
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return true;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return !runtime.isEmpty() && QFile::exists(runtime + QStringLiteral("/bus"));
}

} // namespace

struct SecretStore::KeychainAnswer
{
    QKeychain::Error error = QKeychain::NoError;
    QString message;
    QByteArray data;
};

struct SecretStore::Private
{
    Backend backend = Backend::File;
    QString directory;
    std::string warning;
    std::mutex mutex;          // guards backend, warning and the file
    QThread* thread = nullptr; // runs the keychain jobs' event loop
    QObject* context = nullptr;
};

SecretStore::SecretStore(Backend backend, QString directory) : d(std::make_unique<Private>())
{
    d->backend = backend;
    d->directory = std::move(directory);
    if (backend == Backend::Keychain) {
        d->thread = new QThread();
        d->thread->setObjectName(QStringLiteral("keychain"));
        d->context = new QObject();
        d->context->moveToThread(d->thread);
        QObject::connect(d->thread, &QThread::finished, d->context, &QObject::deleteLater);
        d->thread->start();
    }
}

SecretStore::~SecretStore()
{
    if (d->thread) {
        d->thread->quit();
        d->thread->wait();
        delete d->thread;
    }
}

std::unique_ptr<SecretStore> SecretStore::fileStore(const QString& directory)
{
    return std::unique_ptr<SecretStore>(new SecretStore(Backend::File, directory));
}

std::unique_ptr<SecretStore> SecretStore::keychain(const QString& fallbackDirectory)
{
    std::unique_ptr<SecretStore> store(new SecretStore(Backend::Keychain, fallbackDirectory));
    if (!sessionBusAvailable())
        store->fallBack(QStringLiteral("no D-Bus session bus, so no Secret Service"));
    return store;
}

std::unique_ptr<SecretStore> SecretStore::fromEnvironment()
{
    const QString choice = qEnvironmentVariable("HERALD_SECRET_STORE");
    if (choice.startsWith(QLatin1String("file:")))
        return fileStore(choice.mid(5));
    if (choice == QLatin1String("file") || qEnvironmentVariable("HERALD_NO_KEYCHAIN") == QLatin1String("1"))
        return fileStore(defaultDirectory());
    return keychain(defaultDirectory());
}

SecretStore::Backend SecretStore::backend() const
{
    std::lock_guard lock(d->mutex);
    return d->backend;
}

QString SecretStore::filePath() const
{
    return d->directory + QStringLiteral("/secrets.json");
}

std::string SecretStore::warning() const
{
    std::lock_guard lock(d->mutex);
    return d->warning;
}

void SecretStore::fallBack(const QString& reason)
{
    std::lock_guard lock(d->mutex);
    if (d->backend == Backend::File)
        return;
    d->backend = Backend::File;
    d->warning = "no OS keychain available (" + reason.toStdString() + "); secrets are kept in " +
                 filePath().toStdString() + ", readable only by you";
}

SecretStore::KeychainAnswer SecretStore::runKeychainJob(int kind, const std::string& ref, const QByteArray& data)
{
    auto promise = std::make_shared<std::promise<KeychainAnswer>>();
    auto future = promise->get_future();
    const QString key = QString::fromStdString(ref);
    QMetaObject::invokeMethod(
        d->context,
        [kind, key, data, promise] {
            QKeychain::Job* job = nullptr;
            if (kind == kRead) {
                job = new QKeychain::ReadPasswordJob(kService);
            } else if (kind == kWrite) {
                auto* write = new QKeychain::WritePasswordJob(kService);
                write->setBinaryData(data);
                job = write;
            } else {
                job = new QKeychain::DeletePasswordJob(kService);
            }
            job->setAutoDelete(true);
            job->setInsecureFallback(false); // the only fallback is ours, with its warning
            job->setKey(key);
            QObject::connect(job, &QKeychain::Job::finished, job, [promise, kind](QKeychain::Job* done) {
                KeychainAnswer answer{done->error(), done->errorString(), {}};
                if (kind == kRead && done->error() == QKeychain::NoError)
                    answer.data = static_cast<QKeychain::ReadPasswordJob*>(done)->binaryData();
                promise->set_value(std::move(answer));
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (future.wait_for(kKeychainTimeout) != std::future_status::ready)
        return {QKeychain::OtherError, QStringLiteral("the keychain did not answer"), {}};
    return future.get();
}

namespace {

// Errors that mean "there is no usable keychain here" rather than "the keychain said no".
bool keychainUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

} // namespace

Result<void> SecretStore::write(const std::string& ref, const connectors::Credentials& credentials)
{
    if (ref.empty())
        return fail(ErrorCode::Invalid, "a secret needs a reference");
    const std::string json = connectors::serializeCredentials(credentials);
    if (backend() == Backend::Keychain) {
        auto answer = runKeychainJob(kWrite, ref, QByteArray::fromStdString(json));
        if (answer.error == QKeychain::NoError) {
            (void)removeFromFile(ref); // an older copy from a headless session must not linger
            return {};
        }
        if (!keychainUnavailable(answer.error))
            return fail(ErrorCode::Permission,
                        "the keychain refused to store the secret: " + answer.message.toStdString());
        fallBack(answer.message);
    }
    return writeFile(ref, json);
}

Result<connectors::Credentials> SecretStore::read(const std::string& ref)
{
    if (backend() == Backend::Keychain) {
        auto answer = runKeychainJob(kRead, ref, {});
        if (answer.error == QKeychain::NoError)
            return connectors::parseCredentials(answer.data.toStdString());
        if (answer.error == QKeychain::AccessDeniedByUser || answer.error == QKeychain::AccessDenied)
            return fail(ErrorCode::Permission,
                        "the keychain refused to give the secret: " + answer.message.toStdString());
        if (keychainUnavailable(answer.error))
            fallBack(answer.message);
    }
    auto json = readFile(ref);
    if (!json)
        return tl::unexpected(json.error());
    return connectors::parseCredentials(*json);
}

Result<void> SecretStore::remove(const std::string& ref)
{
    if (backend() == Backend::Keychain) {
        auto answer = runKeychainJob(kDelete, ref, {});
        if (answer.error != QKeychain::NoError && answer.error != QKeychain::EntryNotFound &&
            !keychainUnavailable(answer.error))
            return fail(ErrorCode::Permission,
                        "the keychain refused to delete the secret: " + answer.message.toStdString());
    }
    return removeFromFile(ref);
}

namespace {

Result<QJsonObject> loadSecretsFile(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Storage, path.toStdString() + ": cannot read: " + file.errorString().toStdString());
    const auto doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return fail(ErrorCode::Parse, path.toStdString() + ": not a JSON object of secrets");
    return doc.object();
}

Result<void> saveSecretsFile(const QString& directory, const QString& path, const QJsonObject& secrets)
{
    if (!QDir().mkpath(directory))
        return fail(ErrorCode::ReadOnly, directory.toStdString() + ": cannot create the folder");
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::ReadOnly, path.toStdString() + ": cannot write: " + file.errorString().toStdString());
    // Owner-only before a single secret byte is written.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return fail(ErrorCode::Storage, path.toStdString() + ": cannot make the file private");
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(ErrorCode::Storage, path.toStdString() + ": cannot save: " + file.errorString().toStdString());
    return {};
}

} // namespace

Result<void> SecretStore::writeFile(const std::string& ref, const std::string& json)
{
    std::lock_guard lock(d->mutex);
    QDir().mkpath(d->directory);
    QLockFile processLock(d->directory + QStringLiteral("/secrets.lock"));
    if (!processLock.tryLock(10'000))
        return fail(ErrorCode::Storage, filePath().toStdString() + ": locked by another Herald process");
    auto secrets = loadSecretsFile(filePath());
    if (!secrets)
        return tl::unexpected(secrets.error());
    secrets->insert(QString::fromStdString(ref), QString::fromStdString(json));
    return saveSecretsFile(d->directory, filePath(), *secrets);
}

Result<std::string> SecretStore::readFile(const std::string& ref)
{
    std::lock_guard lock(d->mutex);
    auto secrets = loadSecretsFile(filePath());
    if (!secrets)
        return tl::unexpected(secrets.error());
    const auto value = secrets->value(QString::fromStdString(ref));
    if (!value.isString())
        return fail(ErrorCode::NotFound, "no secret stored for " + ref);
    return value.toString().toStdString();
}

Result<void> SecretStore::removeFromFile(const std::string& ref)
{
    std::lock_guard lock(d->mutex);
    if (!QFile::exists(filePath()))
        return {};
    QLockFile processLock(d->directory + QStringLiteral("/secrets.lock"));
    if (!processLock.tryLock(10'000))
        return fail(ErrorCode::Storage, filePath().toStdString() + ": locked by another Herald process");
    auto secrets = loadSecretsFile(filePath());
    if (!secrets)
        return tl::unexpected(secrets.error());
    if (!secrets->contains(QString::fromStdString(ref)))
        return {};
    secrets->remove(QString::fromStdString(ref));
    return saveSecretsFile(d->directory, filePath(), *secrets);
}

} // namespace herald::app
