#include "sync/AddAccountDialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"
#include "sync/AccountJobs.h"

namespace herald::ui {

namespace {

// Opens the authorisation page from a worker thread: QDesktopServices belongs to the UI thread.
void openInBrowser(const std::string& url)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [target = QUrl(QString::fromStdString(url))] { QDesktopServices::openUrl(target); }, Qt::QueuedConnection);
}

} // namespace

AddAccountDialog::AddAccountDialog(QString workspace, AccountSecrets secrets, const engine::Clock& clock,
                                   QWidget* parent)
    : QDialog(parent), m_workspace(std::move(workspace)), m_secrets(std::move(secrets)), m_clock(clock),
      m_platform(new QComboBox(this)), m_url(new QLineEdit(this)), m_handleLabel(new QLabel(tr("Handle"), this)),
      m_handle(new QLineEdit(this)), m_secretLabel(new QLabel(this)), m_secret(new QLineEdit(this)),
      m_clientIdLabel(new QLabel(tr("X client ID"), this)), m_clientId(new QLineEdit(this)),
      m_browser(new QPushButton(tr("Sign in with browser…"), this)), m_connect(new QPushButton(tr("Connect"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("addAccountDialog"));
    setWindowTitle(tr("Add Account"));
    for (auto p : {engine::Platform::Mastodon, engine::Platform::Bluesky, engine::Platform::X})
        m_platform->addItem(QString::fromUtf8(engine::platformDisplayName(p).data()), int(p));
    m_platform->setObjectName(QStringLiteral("platformCombo"));
    m_url->setObjectName(QStringLiteral("serverUrlEdit"));
    m_handle->setObjectName(QStringLiteral("handleEdit"));
    m_handle->setPlaceholderText(QStringLiteral("you.bsky.social"));
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_clientId->setObjectName(QStringLiteral("xClientIdEdit"));
    m_clientId->setToolTip(tr("The OAuth 2.0 client ID of your app in the X developer portal. Register "
                              "http://127.0.0.1:%1/callback as its callback URL.")
                               .arg(kXCallbackPort));
    m_browser->setObjectName(QStringLiteral("browserSignInButton"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    m_status->setObjectName(QStringLiteral("addAccountStatus"));
    m_status->setWordWrap(true);

    auto* form = new QFormLayout();
    form->addRow(tr("Network"), m_platform);
    form->addRow(tr("Server"), m_url);
    form->addRow(m_handleLabel, m_handle);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(m_clientIdLabel, m_clientId);
    auto* note = new QLabel(tr("The token or app password is checked with the network and kept in your system's "
                               "keychain, never in the workspace."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #5f6873;"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_browser, QDialogButtonBox::ActionRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_platform, &QComboBox::currentIndexChanged, this, &AddAccountDialog::updateForPlatform);
    connect(m_connect, &QPushButton::clicked, this, &AddAccountDialog::connectWithPastedSecret);
    connect(m_browser, &QPushButton::clicked, this, &AddAccountDialog::signInWithBrowser);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddAccountDialog::reject);
    updateForPlatform();
}

AddAccountDialog::~AddAccountDialog()
{
    m_stop.request_stop();
}

engine::Platform AddAccountDialog::platform() const
{
    return engine::Platform(m_platform->currentData().toInt());
}

void AddAccountDialog::updateForPlatform()
{
    const auto p = platform();
    const bool bluesky = p == engine::Platform::Bluesky;
    const bool x = p == engine::Platform::X;
    m_url->setPlaceholderText(bluesky ? QStringLiteral("https://bsky.social")
                              : x     ? QStringLiteral("https://api.x.com")
                                      : QStringLiteral("https://mastodon.social"));
    m_handleLabel->setVisible(bluesky);
    m_handle->setVisible(bluesky);
    m_secretLabel->setText(bluesky ? tr("App password") : tr("Access token"));
    m_clientIdLabel->setVisible(x);
    m_clientId->setVisible(x);
    m_browser->setVisible(!bluesky);
}

engine::Account AddAccountDialog::draft() const
{
    engine::Account a;
    a.platform = platform();
    a.baseUrl = m_url->text().trimmed().toStdString();
    a.handle = m_handle->text().trimmed().toStdString();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    a.timeZone = zone.isValid() && !zone.id().isEmpty() ? zone.id().toStdString() : std::string("UTC");
    return a;
}

void AddAccountDialog::setBusy(bool busy, const QString& message)
{
    m_platform->setEnabled(!busy);
    m_url->setEnabled(!busy);
    m_handle->setEnabled(!busy);
    m_secret->setEnabled(!busy);
    m_clientId->setEnabled(!busy);
    m_browser->setEnabled(!busy);
    m_connect->setEnabled(!busy);
    m_status->setStyleSheet(QString());
    m_status->setText(message);
}

void AddAccountDialog::showFailure(const herald::Error& error)
{
    setBusy(false, QString());
    m_status->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    m_status->setText(
        tr("Could not connect the account: %1 (%2)").arg(errorSummary(error), QString::fromStdString(error.detail)));
}

void AddAccountDialog::connectWithPastedSecret()
{
    const auto p = platform();
    if (p == engine::Platform::Mastodon && m_url->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the address of your Mastodon server."));
        return;
    }
    if (p == engine::Platform::Bluesky && m_handle->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter your Bluesky handle."));
        return;
    }
    if (m_secret->text().isEmpty()) {
        m_status->setText(p == engine::Platform::Bluesky ? tr("Paste an app password (Settings → App passwords).")
                                                         : tr("Paste an access token."));
        return;
    }
    connectors::Credentials credentials;
    (p == engine::Platform::Bluesky ? credentials.appPassword : credentials.accessToken) =
        m_secret->text().trimmed().toStdString();
    store(credentials);
}

void AddAccountDialog::store(const connectors::Credentials& credentials)
{
    setBusy(true, tr("Checking the account with %1…").arg(m_platform->currentText()));
    runAsync<Result<accounts::Connected>>(
        this,
        [workspace = m_workspace.toStdString(), draft = draft(), credentials, secrets = m_secrets, &clock = m_clock] {
            return accounts::connectAccount(workspace, draft, credentials, secrets, clock);
        },
        [this](const Result<accounts::Connected>& result) {
            if (!result) {
                showFailure(result.error());
                return;
            }
            emit accountConnected(QString::fromStdString(result->account.handle), result->reattached);
            accept();
        });
}

void AddAccountDialog::signInWithBrowser()
{
    const auto p = platform();
    if (p == engine::Platform::Mastodon && m_url->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the address of your Mastodon server."));
        return;
    }
    if (p == engine::Platform::X && m_clientId->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter the client ID of your X developer app."));
        return;
    }
    setBusy(true, tr("Waiting for you to approve Herald in your browser…"));
    m_stop = std::stop_source();
    runAsync<Result<connectors::Credentials>>(
        this,
        [p, url = m_url->text().trimmed().toStdString(), clientId = m_clientId->text().trimmed().toStdString(),
         stop = m_stop.get_token(), &clock = m_clock]() -> Result<connectors::Credentials> {
            if (p == engine::Platform::X)
                return accounts::xBrowserSignIn(clientId, kXCallbackPort, openInBrowser, clock, stop);
            return accounts::mastodonBrowserSignIn(url, openInBrowser, clock, stop);
        },
        [this](const Result<connectors::Credentials>& credentials) {
            if (!credentials) {
                showFailure(credentials.error());
                return;
            }
            store(*credentials);
        });
}

void AddAccountDialog::reject()
{
    m_stop.request_stop(); // ends a browser wait
    QDialog::reject();
}

} // namespace herald::ui
