#include <future>
#include <map>
#include <mutex>

#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUrlQuery>

#include "FixtureServer.h"
#include "MastodonRoutes.h"
#include "TestSupport.h"
#include "herald/connectors/http/HttpClient.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/SyncStateRepository.h"
#include "herald/widgets/AccountsPanel.h"

using herald::engine::Database;
using herald::test::FixtureServer;
using herald::test::must;

namespace {

constexpr std::int64_t kNow = 1'785'596'400; // 2026-08-01T15:00:00Z

// An in-memory stand-in for the keychain, as the app's hooks would be.
struct MemorySecrets
{
    std::mutex mutex;
    std::map<std::string, herald::connectors::Credentials> secrets;
    std::string fallback;

    herald::ui::AccountSecrets hooks()
    {
        herald::ui::AccountSecrets h;
        h.write = [this](const std::string& ref, const herald::connectors::Credentials& c) -> herald::Result<void> {
            std::lock_guard lock(mutex);
            secrets[ref] = c;
            return {};
        };
        h.read = [this](const std::string& ref) -> herald::Result<herald::connectors::Credentials> {
            std::lock_guard lock(mutex);
            const auto it = secrets.find(ref);
            if (it == secrets.end())
                return herald::fail(herald::ErrorCode::NotFound, "no secret for " + ref);
            return it->second;
        };
        h.remove = [this](const std::string& ref) -> herald::Result<void> {
            std::lock_guard lock(mutex);
            secrets.erase(ref);
            return {};
        };
        h.fallbackFile = [this] { return fallback; };
        return h;
    }
    std::size_t size()
    {
        std::lock_guard lock(mutex);
        return secrets.size();
    }
};

std::int64_t scalar(const std::string& path, const std::string& sql)
{
    auto db = Database::open(path);
    auto stmt = db->prepare(sql);
    if (!stmt || !(*stmt)->step().value_or(false))
        throw std::runtime_error("query failed: " + sql);
    return (*stmt)->int64(0);
}

struct Harness
{
    herald::test::TempFolder folder;
    std::string path = folder.path("accounts.herald");
    FixtureServer server;
    MemorySecrets secrets;
    herald::engine::FixedClock clock{kNow};
    herald::ui::AccountsPanel panel;

    Harness()
    {
        must(Database::create(path));
        herald::test::routeMastodonAccount(server);
        panel.setClock(clock);
        panel.setSecrets(secrets.hooks());
    }

    void open()
    {
        herald::ui::WorkspaceSnapshot snapshot;
        snapshot.path = QString::fromStdString(path);
        panel.setWorkspace(snapshot);
    }

    QAbstractItemModel* model() { return panel.findChild<QTableView*>(QStringLiteral("accountsTable"))->model(); }
    QString cell(int row, int column) { return model()->index(row, column).data().toString(); }

    std::int64_t addStoredAccount(const std::string& handle, const std::string& ref)
    {
        auto db = Database::open(path);
        herald::engine::Account a;
        a.platform = herald::engine::Platform::Mastodon;
        a.handle = handle;
        a.baseUrl = server.baseUrl();
        a.externalId = herald::test::kMastodonAccountId;
        a.secretRef = ref;
        must(herald::engine::AccountRepository(*db).upsert(a));
        herald::connectors::Credentials c;
        c.accessToken = "token-" + handle;
        must(secrets.hooks().write(ref, c));
        return a.id;
    }

    // Opens the Add Account dialog and fills in a pasted Mastodon token.
    QDialog* addDialog()
    {
        QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addAccountButton")), Qt::LeftButton);
        auto* dialog = panel.findChild<QDialog*>(QStringLiteral("addAccountDialog"));
        if (dialog)
            dialog->findChild<QLineEdit*>(QStringLiteral("serverUrlEdit"))
                ->setText(QString::fromStdString(server.baseUrl()));
        return dialog;
    }
};

// Plays the browser: takes the authorisation URL Herald opens and follows the redirect the user's
// approval would cause, with a code and the state Herald sent.
class FakeBrowser : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;
    std::future<bool> visit;

public slots:
    void openUrl(const QUrl& url)
    {
        opened.append(url);
        const QUrlQuery query(url);
        const std::string redirect =
            query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded).toStdString();
        const std::string state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toStdString();
        visit = std::async(std::launch::async, [redirect, state] {
            herald::engine::SystemClock clock;
            herald::connectors::ThreadSleeper sleeper;
            herald::connectors::HttpClient http({}, sleeper, clock);
            herald::connectors::HttpRequest request;
            request.method = "GET";
            request.url = redirect + "?code=Auth-Code_123&state=" + state;
            return bool(http.send(request));
        });
    }
};

} // namespace

class TestAccountsPanel : public QObject
{
    Q_OBJECT

private slots:
    void listsAccountsWithTheirStatus();
    void addsAnAccountWithAPastedToken();
    void reportsARefusedToken();
    void signsInToMastodonWithTheBrowser();
    void syncNowFetchesAndRefreshes();
    void removeAsksThenDeletesTheSecret();
    void showsTheSecretFileFallback();
};

void TestAccountsPanel::listsAccountsWithTheirStatus()
{
    Harness h;
    const auto first = h.addStoredAccount("alice", "ref-a");
    {
        auto db = Database::open(h.path);
        herald::engine::Account b;
        b.platform = herald::engine::Platform::Bluesky;
        b.handle = "bob.bsky.social";
        b.externalId = "did:plc:bob";
        b.status = herald::engine::AccountStatus::NeedsReconnect;
        must(herald::engine::AccountRepository(*db).upsert(b));
        herald::engine::SyncStateRepository states(*db);
        must(states.setRateLimitedUntil(first, kNow + 600));
        must(states.setAccountError(first, "Mastodon: rate limited, retry after 600 s"));
        must(states.save({first, "posts", "", kNow - 3600, "", 5}));
    }
    h.open();
    QTRY_COMPARE(h.model()->rowCount(), 2);
    QCOMPARE(h.cell(0, 1), QStringLiteral("alice"));
    QVERIFY2(h.cell(0, 3).startsWith(QStringLiteral("Rate limited until")), qPrintable(h.cell(0, 3)));
    QVERIFY(h.cell(0, 4) != QStringLiteral("Never"));
    QCOMPARE(h.cell(0, 5), QStringLiteral("Mastodon: rate limited, retry after 600 s"));
    QCOMPARE(h.cell(1, 0), QStringLiteral("Bluesky"));
    QCOMPARE(h.cell(1, 3), QStringLiteral("Needs reconnecting"));
    QCOMPARE(h.cell(1, 4), QStringLiteral("Never"));
    // Once the limit has passed the account reads as connected again.
    h.clock.set(kNow + 700);
    h.open();
    QTRY_COMPARE(h.cell(0, 3), QStringLiteral("Connected"));
}

void TestAccountsPanel::addsAnAccountWithAPastedToken()
{
    Harness h;
    h.open();
    QTRY_VERIFY(h.panel.findChild<QPushButton*>(QStringLiteral("addAccountButton"))->isEnabled());
    QSignalSpy changed(&h.panel, &herald::ui::AccountsPanel::workspaceChanged);
    auto* dialog = h.addDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(QStringLiteral("pasted-token"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connectButton")), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts"), std::int64_t(1));
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts WHERE handle = 'herald' AND external_id = '" +
                                herald::test::kMastodonAccountId + "' AND secret_ref <> ''"),
             std::int64_t(1));
    QCOMPARE(h.secrets.size(), std::size_t(1));
    QCOMPARE(h.secrets.secrets.begin()->second.accessToken, std::string("pasted-token"));
    QCOMPARE(h.server.requests().front().header("authorization"), std::string("Bearer pasted-token"));
    QTRY_COMPARE(h.model()->rowCount(), 1);
    QVERIFY(h.panel.findChild<QLabel*>(QStringLiteral("accountsMessage"))->text().contains(QStringLiteral("herald")));
}

void TestAccountsPanel::reportsARefusedToken()
{
    Harness h;
    h.server.route("GET", "/api/v1/accounts/verify_credentials",
                   {herald::test::mastodonFixture("error_401.json", 401)});
    h.open();
    QTRY_VERIFY(h.panel.findChild<QPushButton*>(QStringLiteral("addAccountButton"))->isEnabled());
    auto* dialog = h.addDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(QStringLiteral("revoked"));
    auto* connectButton = dialog->findChild<QPushButton*>(QStringLiteral("connectButton"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("addAccountStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Could not connect")), 20000);
    QVERIFY(dialog->isVisible()); // the user can correct the token
    QVERIFY(connectButton->isEnabled());
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts"), std::int64_t(0));
    QCOMPARE(h.secrets.size(), std::size_t(0));
}

void TestAccountsPanel::signsInToMastodonWithTheBrowser()
{
    Harness h;
    h.server.route("POST", "/api/v1/apps", {FixtureServer::json("oauth/mastodon_app.json")});
    h.server.route("POST", "/oauth/token", {FixtureServer::json("oauth/mastodon_token.json")});
    FakeBrowser browser;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "openUrl");
    h.open();
    QTRY_VERIFY(h.panel.findChild<QPushButton*>(QStringLiteral("addAccountButton"))->isEnabled());
    QSignalSpy changed(&h.panel, &herald::ui::AccountsPanel::workspaceChanged);
    auto* dialog = h.addDialog();
    QVERIFY(dialog);
    auto* signIn = dialog->findChild<QPushButton*>(QStringLiteral("browserSignInButton"));
    QVERIFY(signIn->isVisible());
    QTest::mouseClick(signIn, Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QCOMPARE(browser.opened.size(), 1);
    QVERIFY(browser.opened.front().path().endsWith(QStringLiteral("/oauth/authorize")));
    QVERIFY(browser.visit.get());
    QCOMPARE(h.secrets.size(), std::size_t(1));
    const auto stored = h.secrets.secrets.begin()->second;
    QCOMPARE(stored.accessToken, std::string("ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0"));
    QVERIFY(!stored.clientId.empty());
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts WHERE handle = 'herald'"), std::int64_t(1));
}

void TestAccountsPanel::syncNowFetchesAndRefreshes()
{
    Harness h;
    h.addStoredAccount("alice", "ref-a");
    h.open();
    QTRY_COMPARE(h.model()->rowCount(), 1);
    QCOMPARE(h.cell(0, 4), QStringLiteral("Never"));
    QSignalSpy finished(&h.panel, &herald::ui::AccountsPanel::syncFinished);
    QSignalSpy changed(&h.panel, &herald::ui::AccountsPanel::workspaceChanged);
    auto* sync = h.panel.findChild<QPushButton*>(QStringLiteral("syncNowButton"));
    QVERIFY(sync->isEnabled());
    QTest::mouseClick(sync, Qt::LeftButton);
    QVERIFY(h.panel.isSyncing());
    QVERIFY(!sync->isEnabled());
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.front().front().toBool(), true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM post_targets"), std::int64_t(5));
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM comments"), std::int64_t(3));
    QCOMPARE(h.server.requests().front().header("authorization"), std::string("Bearer token-alice"));
    QTRY_VERIFY(h.cell(0, 4) != QStringLiteral("Never"));
    QVERIFY(sync->isEnabled());
}

void TestAccountsPanel::removeAsksThenDeletesTheSecret()
{
    Harness h;
    h.addStoredAccount("alice", "ref-a");
    h.open();
    QTRY_COMPARE(h.model()->rowCount(), 1);
    auto* table = h.panel.findChild<QTableView*>(QStringLiteral("accountsTable"));
    table->selectRow(0);
    auto* remove = h.panel.findChild<QPushButton*>(QStringLiteral("removeAccountButton"));
    QVERIFY(remove->isEnabled());

    // First the user changes their mind.
    QTest::mouseClick(remove, Qt::LeftButton);
    auto* box = h.panel.findChild<QMessageBox*>(QStringLiteral("removeAccountConfirmation"));
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts"), std::int64_t(1));
    QCOMPARE(h.secrets.size(), std::size_t(1));

    QSignalSpy changed(&h.panel, &herald::ui::AccountsPanel::workspaceChanged);
    table->selectRow(0);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY(h.panel.findChild<QMessageBox*>(QStringLiteral("removeAccountConfirmation")));
    box = h.panel.findChild<QMessageBox*>(QStringLiteral("removeAccountConfirmation"));
    box->findChild<QPushButton*>(QStringLiteral("confirmRemoveButton"))->click();
    QVERIFY(changed.wait(10000));
    QCOMPARE(scalar(h.path, "SELECT COUNT(*) FROM accounts"), std::int64_t(0));
    QCOMPARE(h.secrets.size(), std::size_t(0));
    QTRY_COMPARE(h.model()->rowCount(), 0);
}

void TestAccountsPanel::showsTheSecretFileFallback()
{
    Harness h;
    auto* warning = h.panel.findChild<QLabel*>(QStringLiteral("secretStoreWarning"));
    QVERIFY(warning->isHidden());
    h.secrets.fallback = "/home/me/.local/share/Herald/secrets.json";
    h.panel.setSecrets(h.secrets.hooks());
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QStringLiteral("/home/me/.local/share/Herald/secrets.json")));
}

QTEST_MAIN(TestAccountsPanel)
#include "tst_accountspanel.moc"
