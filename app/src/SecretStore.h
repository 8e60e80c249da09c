#pragma once

#include <memory>
#include <string>

#include <QString>

#include "herald/connectors/platforms/ConnectorFactory.h"
#include "herald/engine/Result.h"

class QThread;
class QObject;

namespace herald::app {

/// Account secrets (Credentials as JSON) keyed by accounts.secret_ref. The OS keychain through
/// QtKeychain when there is one; otherwise, and announced through warning(), a JSON file readable
/// by the user alone (0600) under the app data folder. Thread-safe; every call blocks (keychain
/// calls wait for D-Bus, possibly for the user to unlock the keychain): keep it off the UI thread.
class SecretStore final
{
public:
    enum class Backend { Keychain, File };

    /// HERALD_SECRET_STORE=file:<dir> (or "file") forces the file backend, as does HERALD_NO_KEYCHAIN=1;
    /// "keychain" or nothing uses the keychain and falls back to the file when it is unavailable.
    static std::unique_ptr<SecretStore> fromEnvironment();
    /// The file backend in `directory` (tests, headless servers).
    static std::unique_ptr<SecretStore> fileStore(const QString& directory);
    /// The keychain, falling back to a file in `fallbackDirectory`.
    static std::unique_ptr<SecretStore> keychain(const QString& fallbackDirectory);
    ~SecretStore();
    SecretStore(const SecretStore&) = delete;
    SecretStore& operator=(const SecretStore&) = delete;

    Result<void> write(const std::string& ref, const connectors::Credentials& credentials);
    /// NotFound when no secret is stored under `ref`.
    Result<connectors::Credentials> read(const std::string& ref);
    /// Deletes the secret wherever it is; a missing one is not an error.
    Result<void> remove(const std::string& ref);

    /// The backend that holds new secrets now (File after a fallback).
    Backend backend() const;
    /// The fallback file's path.
    QString filePath() const;
    /// Non-empty once secrets went to the file because no keychain was available: English, safe to log
    /// ("no OS keychain available (reason); secrets are kept in PATH, readable only by you").
    std::string warning() const;

private:
    SecretStore(Backend backend, QString directory);
    struct KeychainAnswer;
    KeychainAnswer runKeychainJob(int kind, const std::string& ref, const QByteArray& data);
    void fallBack(const QString& reason);
    Result<void> writeFile(const std::string& ref, const std::string& json);
    Result<std::string> readFile(const std::string& ref);
    Result<void> removeFromFile(const std::string& ref);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace herald::app
