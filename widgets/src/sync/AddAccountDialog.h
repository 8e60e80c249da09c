#pragma once

#include <stop_token>

#include <QDialog>

#include "herald/connectors/platforms/OAuth.h"
#include "herald/engine/model/Account.h"
#include "herald/widgets/AccountSecrets.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Connects a Mastodon, Bluesky or X account: a pasted token (or Bluesky handle and app password),
/// or for Mastodon and X a sign-in in the system browser with a loopback redirect. The network
/// work runs on worker threads; the dialog accepts once the account is stored.
class AddAccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddAccountDialog)

public:
    AddAccountDialog(QString workspace, AccountSecrets secrets, const engine::Clock& clock, QWidget* parent = nullptr);
    ~AddAccountDialog() override;

    /// The loopback port X's browser sign-in listens on (register http://127.0.0.1:PORT/callback).
    static constexpr std::uint16_t kXCallbackPort = connectors::kXRedirectPort; // registered with X

signals:
    /// After the account was verified and stored; `reattached` when it existed before.
    void accountConnected(const QString& handle, bool reattached);

protected:
    void reject() override;

private:
    void updateForPlatform();
    void connectWithPastedSecret();
    void signInWithBrowser();
    void store(const connectors::Credentials& credentials);
    void setBusy(bool busy, const QString& message);
    void showFailure(const herald::Error& error);
    engine::Platform platform() const;
    engine::Account draft() const;

    QString m_workspace;
    AccountSecrets m_secrets;
    const engine::Clock& m_clock;
    std::stop_source m_stop;
    QComboBox* m_platform;
    QLineEdit* m_url;
    QLabel* m_handleLabel;
    QLineEdit* m_handle;
    QLabel* m_secretLabel;
    QLineEdit* m_secret;
    QLabel* m_clientIdLabel;
    QLineEdit* m_clientId;
    QPushButton* m_browser;
    QPushButton* m_connect;
    QLabel* m_status;
};

} // namespace herald::ui
