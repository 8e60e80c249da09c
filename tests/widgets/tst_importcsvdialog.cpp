#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/widgets/ImportCsvDialog.h"

using namespace herald;

namespace {

QString fixture(const char* name)
{
    return QString::fromStdString(test::fixturesDir()) + QStringLiteral("/csv/") + QLatin1String(name);
}

std::int64_t scalar(const std::string& path, const char* sql)
{
    auto db = engine::Database::open(path, engine::Database::Mode::ReadOnly).value();
    auto stmt = db.prepare(sql).value();
    stmt->step().value();
    return stmt->int64(0);
}

} // namespace

class TestImportCsvDialog : public QObject
{
    Q_OBJECT

private:
    test::TempFolder m_folder;
    std::string m_path;
    std::int64_t m_x = 0;
    ui::WorkspaceSnapshot m_snapshot;

private slots:
    void init()
    {
        m_path = m_folder.path("dialog.herald");
        QFile::remove(QString::fromStdString(m_path));
        {
            auto db = engine::Database::create(m_path).value();
            engine::AccountRepository accounts(db);
            engine::Account li;
            li.platform = engine::Platform::LinkedIn;
            li.handle = "company";
            li.externalId = "7";
            accounts.upsert(li).value();
            engine::Account x;
            x.platform = engine::Platform::X;
            x.handle = "heraldapp";
            x.externalId = "42";
            m_x = accounts.upsert(x).value();
        }
        m_snapshot = ui::loadWorkspaceSnapshot(QString::fromStdString(m_path)).value();
    }

    void detectsRemapsAndImports()
    {
        ui::ImportCsvDialog dialog(m_snapshot);
        dialog.setAccount(m_x);
        QSignalSpy preview(&dialog, &ui::ImportCsvDialog::previewUpdated);
        dialog.setFile(fixture("x_tweet_activity.csv"));
        QVERIFY(preview.wait(10000));
        auto* format = dialog.findChild<QLabel*>(QStringLiteral("formatLabel"));
        QVERIFY(format->text().startsWith(QStringLiteral("x-tweets (")));
        auto* published = dialog.findChild<QComboBox*>(QStringLiteral("mapping_published_at"));
        QVERIFY(published);
        QCOMPARE(published->currentText(), QStringLiteral("4: time"));
        auto* previewTable = dialog.findChild<QTableWidget*>(QStringLiteral("previewTable"));
        QCOMPARE(previewTable->rowCount(), 3);
        QCOMPARE(previewTable->item(0, 0)->text(), QStringLiteral("1764000000000000001"));
        QCOMPARE(previewTable->verticalHeaderItem(2)->text(), QStringLiteral("5")); // row 2 spans lines 3-4

        // Unmapping a required column disables Import; mapping it back enables it.
        auto* importButton = dialog.findChild<QPushButton*>(QStringLiteral("importButton"));
        QVERIFY(importButton->isEnabled());
        published->setCurrentIndex(0);
        QVERIFY(!importButton->isEnabled());
        published->setCurrentIndex(4);
        QVERIFY(importButton->isEnabled());
        // Re-map: do not import the likes column.
        auto* likes = dialog.findChild<QComboBox*>(QStringLiteral("mapping_likes"));
        likes->setCurrentIndex(0);

        QSignalSpy finished(&dialog, &ui::ImportCsvDialog::importFinished);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(scalar(m_path, "SELECT COUNT(*) FROM post_targets WHERE status = 'published'"), std::int64_t(3));
        QCOMPARE(scalar(m_path, "SELECT COUNT(*) FROM post_metrics WHERE metric = 'likes'"), std::int64_t(0));
        QCOMPARE(scalar(m_path, "SELECT COUNT(*) FROM post_metrics WHERE metric = 'impressions'"), std::int64_t(3));
    }

    void rejectedRowsAreListedAndNothingIsImported()
    {
        ui::ImportCsvDialog dialog(m_snapshot);
        dialog.setAccount(m_x);
        QSignalSpy preview(&dialog, &ui::ImportCsvDialog::previewUpdated);
        dialog.setFile(fixture("mixed_rows.csv"));
        QVERIFY(preview.wait(10000));
        QSignalSpy finished(&dialog, &ui::ImportCsvDialog::importFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), false);
        auto* rejected = dialog.findChild<QListWidget*>(QStringLiteral("rejectedList"));
        QCOMPARE(rejected->count(), 7);
        QCOMPARE(rejected->item(0)->text(), QStringLiteral("Line 3: impressions \"1O0\" is not a number"));
        QCOMPARE(rejected->item(3)->text(), QStringLiteral("Line 9: post p-1 is already on line 2"));
        QCOMPARE(scalar(m_path, "SELECT COUNT(*) FROM posts"), std::int64_t(0));
        QCOMPARE(scalar(m_path, "SELECT COUNT(*) FROM imports"), std::int64_t(0));
    }

    void unknownHeaderThenForcedFormat()
    {
        ui::ImportCsvDialog dialog(m_snapshot);
        QSignalSpy failed(&dialog, &ui::ImportCsvDialog::previewFailed);
        dialog.setFile(fixture("wrong_delimiter.csv"));
        QVERIFY(failed.wait(10000));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        QSignalSpy preview(&dialog, &ui::ImportCsvDialog::previewUpdated);
        auto* formats = dialog.findChild<QComboBox*>(QStringLiteral("formatCombo"));
        formats->setCurrentIndex(formats->findData(QStringLiteral("generic-posts")));
        QVERIFY(preview.wait(10000));
        // One column only: published_at cannot be mapped automatically, so Import stays off.
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("importButton"))->isEnabled());
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("Published at")));
    }
};

QTEST_MAIN(TestImportCsvDialog)
#include "tst_importcsvdialog.moc"
