// The calendar panel's bulk import of posts from CSV (connectors::importPostsCsv on a worker thread).
#include "herald/widgets/CalendarPanel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "herald/connectors/publish/PostImport.h"
#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"
#include "herald/widgets/QtZoneConverter.h"

namespace herald::ui {

void CalendarPanel::importPosts()
{
    if (!m_hasWorkspace)
        return;
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import Posts"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (!file.isEmpty())
        importPostsFrom(file);
}

void CalendarPanel::importPostsFrom(const QString& csvPath)
{
    if (!m_hasWorkspace)
        return;
    showStatus(tr("Checking %1…").arg(QFileInfo(csvPath).fileName()), false);
    connectors::PostImportOptions options;
    options.mediaFolder = connectors::mediaFolderFor(m_workspace.path.toStdString());
    options.workspaceZone = m_zone.isValid() ? m_zone.id().toStdString() : std::string("UTC");
    options.nowUtc = m_clock.nowUtc();
    runAsync<Result<connectors::PostImportResult>>(
        this,
        [path = m_workspace.path.toStdString(), csv = csvPath.toStdString(),
         options]() -> Result<connectors::PostImportResult> {
            auto db = engine::Database::open(path);
            if (!db)
                return tl::unexpected(db.error());
            const QtZoneConverter zones;
            return connectors::importPostsCsv(*db, csv, zones, options);
        },
        [this, csvPath](const Result<connectors::PostImportResult>& result) {
            const QString name = QFileInfo(csvPath).fileName();
            if (!result) {
                showStatus(tr("%1 could not be imported: %2 %3")
                               .arg(name, errorSummary(result.error()), QString::fromStdString(result.error().detail)),
                           true);
                emit importRejected({QString::fromStdString(result.error().detail)});
                return;
            }
            if (result->problems.empty()) {
                const int count = static_cast<int>(result->postIds.size());
                showStatus(tr("%n post(s) imported.", nullptr, count), false);
                reload();
                emit postsImported(count);
                return;
            }
            QStringList lines;
            for (const auto& problem : result->problems)
                lines << tr("Line %1: %2").arg(problem.line).arg(QString::fromStdString(problem.reason));
            showStatus(
                tr("Nothing was imported: %n line(s) of %1 have problems.", nullptr, int(lines.size())).arg(name),
                true);

            auto* dialog = new QDialog(this);
            dialog->setObjectName(QStringLiteral("importProblemsDialog"));
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Import Posts"));
            auto* layout = new QVBoxLayout(dialog);
            auto* intro = new QLabel(
                tr("Nothing was imported from %1. Fix these lines and import the file again:").arg(name), dialog);
            intro->setWordWrap(true);
            layout->addWidget(intro);
            auto* list = new QPlainTextEdit(lines.join(QLatin1Char('\n')), dialog);
            list->setObjectName(QStringLiteral("importProblems"));
            list->setReadOnly(true);
            list->setLineWrapMode(QPlainTextEdit::WidgetWidth);
            layout->addWidget(list);
            auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
            connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
            layout->addWidget(buttons);
            dialog->resize(640, 360);
            dialog->show();
            emit importRejected(lines);
        });
}

} // namespace herald::ui
