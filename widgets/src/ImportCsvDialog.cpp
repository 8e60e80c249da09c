#include "herald/widgets/ImportCsvDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "herald/engine/Clock.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

constexpr int kPreviewRows = 20;

struct PreviewResult
{
    std::string content;
    engine::CsvPreview preview;
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

static QString fieldName(engine::ImportField field)
{
    using F = engine::ImportField;
    switch (field) {
    case F::ExternalId:
        return ImportCsvDialog::tr("Post id");
    case F::Permalink:
        return ImportCsvDialog::tr("Link");
    case F::Text:
        return ImportCsvDialog::tr("Text");
    case F::Title:
        return ImportCsvDialog::tr("Title");
    case F::PublishedAt:
        return ImportCsvDialog::tr("Published at");
    case F::Day:
        return ImportCsvDialog::tr("Day");
    case F::Impressions:
        return ImportCsvDialog::tr("Impressions");
    case F::Reach:
        return ImportCsvDialog::tr("Reach");
    case F::Engagements:
        return ImportCsvDialog::tr("Engagements");
    case F::Likes:
        return ImportCsvDialog::tr("Likes");
    case F::Replies:
        return ImportCsvDialog::tr("Replies");
    case F::Reposts:
        return ImportCsvDialog::tr("Reposts");
    case F::Quotes:
        return ImportCsvDialog::tr("Quotes");
    case F::Clicks:
        return ImportCsvDialog::tr("Clicks");
    case F::Saves:
        return ImportCsvDialog::tr("Saves");
    case F::ProfileVisits:
        return ImportCsvDialog::tr("Profile visits");
    case F::Follows:
        return ImportCsvDialog::tr("Follows");
    case F::VideoViews:
        return ImportCsvDialog::tr("Video views");
    case F::Followers:
        return ImportCsvDialog::tr("Followers");
    case F::NewFollowers:
        return ImportCsvDialog::tr("New followers");
    }
    return {};
}

ImportCsvDialog::ImportCsvDialog(const WorkspaceSnapshot& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("importCsvDialog"));
    setWindowTitle(tr("Import CSV"));
    resize(820, 640);

    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(tr("An analytics export from X, LinkedIn, Facebook, Instagram, Weibo or WeChat"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);

    m_accountCombo = new QComboBox(this);
    m_accountCombo->setObjectName(QStringLiteral("accountCombo"));
    for (const auto& a : m_workspace.accounts)
        m_accountCombo->addItem(
            QStringLiteral("%1 · %2").arg(qs(std::string(engine::platformDisplayName(a.platform))), qs(a.handle)),
            QVariant::fromValue<qint64>(a.id));

    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    m_formatCombo->addItem(tr("Detect from the header"), QString());
    for (const auto& f : engine::csvFormats())
        m_formatCombo->addItem(qs(f.name), qs(f.name));
    m_formatLabel = new QLabel(this);
    m_formatLabel->setObjectName(QStringLiteral("formatLabel"));
    m_formatLabel->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Account:"), m_accountCombo);
    form->addRow(tr("Format:"), m_formatCombo);
    form->addRow(QString(), m_formatLabel);

    m_mappingTable = new QTableWidget(0, 2, this);
    m_mappingTable->setObjectName(QStringLiteral("mappingTable"));
    m_mappingTable->setHorizontalHeaderLabels({tr("Herald field"), tr("Column in the file")});
    m_mappingTable->horizontalHeader()->setStretchLastSection(true);
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_previewTable = new QTableWidget(this);
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_rejectedList = new QListWidget(this);
    m_rejectedList->setObjectName(QStringLiteral("rejectedList"));
    m_rejectedList->setMaximumHeight(130);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 0); // busy: an import takes seconds, not minutes
    m_progress->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = m_buttons->addButton(tr("Cancel Import"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelButton->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Column mapping (change a column if the detection got it wrong):"), this));
    layout->addWidget(m_mappingTable, 2);
    layout->addWidget(new QLabel(tr("First rows:"), this));
    layout->addWidget(m_previewTable, 2);
    layout->addWidget(new QLabel(tr("Rejected rows:"), this));
    layout->addWidget(m_rejectedList, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, &ImportCsvDialog::chooseFile);
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_userMapping.reset();
        requestPreview();
    });
    connect(m_accountCombo, &QComboBox::currentIndexChanged, this, &ImportCsvDialog::updateButtons);
    connect(m_importButton, &QPushButton::clicked, this, &ImportCsvDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_stop)
            m_stop->request_stop();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_workspace.accounts.empty())
        setStatus(tr("This workspace has no accounts yet: add the account the export belongs to first."));
    updateButtons();
}

ImportCsvDialog::~ImportCsvDialog()
{
    // A running import is cancelled; its transaction rolls back on the worker thread.
    if (m_stop)
        m_stop->request_stop();
}

ImportCsvDialog* ImportCsvDialog::openFor(const WorkspaceSnapshot& workspace, QWidget* parent)
{
    auto* dialog = new ImportCsvDialog(workspace, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ImportCsvDialog::setAccount(std::int64_t accountId)
{
    const int index = m_accountCombo->findData(QVariant::fromValue<qint64>(accountId));
    if (index >= 0)
        m_accountCombo->setCurrentIndex(index);
}

void ImportCsvDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import CSV"), QString(),
                                                      tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void ImportCsvDialog::setFile(const QString& path)
{
    m_path = path;
    m_content.clear();
    m_userMapping.reset();
    m_fileEdit->setText(path);
    requestPreview();
}

void ImportCsvDialog::requestPreview()
{
    if (m_path.isEmpty())
        return;
    const int generation = ++m_previewGeneration;
    m_format = nullptr;
    m_rejectedList->clear();
    setStatus(tr("Reading the file…"));
    updateButtons();
    engine::CsvImportOptions options;
    options.format = m_formatCombo->currentData().toString().toStdString();
    const std::string path = m_path.toStdString();
    std::string content = m_content;
    runAsync<Result<PreviewResult>>(
        this,
        [path, content = std::move(content), options]() mutable -> Result<PreviewResult> {
            if (content.empty()) {
                auto bytes = engine::readImportFile(path);
                if (!bytes)
                    return tl::unexpected(bytes.error());
                content = std::move(*bytes);
            }
            auto preview = engine::previewCsv(content, options, kPreviewRows);
            if (!preview)
                return tl::unexpected(preview.error());
            return PreviewResult{std::move(content), std::move(*preview)};
        },
        [this, generation](Result<PreviewResult> result) {
            if (generation != m_previewGeneration)
                return; // a newer file or format was chosen meanwhile
            if (!result) {
                m_mappingTable->setRowCount(0);
                m_previewTable->clear();
                m_previewTable->setRowCount(0);
                m_formatLabel->clear();
                const QString message = errorSummary(result.error()) + QLatin1Char('\n') + qs(result.error().detail);
                setStatus(message);
                updateButtons();
                emit previewFailed(message);
                return;
            }
            m_content = std::move(result->content);
            showPreview(result->preview);
            emit previewUpdated();
        });
}

void ImportCsvDialog::showPreview(const engine::CsvPreview& preview)
{
    m_format = preview.layout.format;
    m_mapping = preview.layout.mapping;
    m_formatLabel->setText(tr("%1 (%2), header on line %3, %n data row(s)", nullptr, static_cast<int>(preview.dataRows))
                               .arg(qs(m_format->name), qs(m_format->label))
                               .arg(preview.layout.headerLine));
    fillMapping(preview);

    const auto& header = preview.layout.header;
    m_previewTable->clear();
    m_previewTable->setColumnCount(static_cast<int>(header.size()));
    QStringList labels;
    for (const auto& h : header)
        labels << qs(h);
    m_previewTable->setHorizontalHeaderLabels(labels);
    m_previewTable->setRowCount(static_cast<int>(preview.rows.size()));
    QStringList lines;
    for (std::size_t r = 0; r < preview.rows.size(); ++r) {
        const auto& row = preview.rows[r];
        lines << QString::number(row.line);
        for (std::size_t c = 0; c < row.fields.size() && c < header.size(); ++c)
            m_previewTable->setItem(static_cast<int>(r), static_cast<int>(c), new QTableWidgetItem(qs(row.fields[c])));
    }
    m_previewTable->setVerticalHeaderLabels(lines); // the file's line numbers, as in rejected rows
    mappingChanged();
}

void ImportCsvDialog::fillMapping(const engine::CsvPreview& preview)
{
    const auto& header = preview.layout.header;
    m_mappingTable->setRowCount(0);
    m_mappingTable->setRowCount(static_cast<int>(m_format->fields.size()));
    for (std::size_t k = 0; k < m_format->fields.size(); ++k) {
        const auto& spec = m_format->fields[k];
        const int row = static_cast<int>(k);
        auto* name = new QTableWidgetItem(spec.required ? tr("%1 (required)").arg(fieldName(spec.field))
                                                        : fieldName(spec.field));
        m_mappingTable->setItem(row, 0, name);
        auto* combo = new QComboBox(m_mappingTable);
        combo->setObjectName(QStringLiteral("mapping_") + qs(std::string(engine::importFieldKey(spec.field))));
        combo->addItem(tr("(not imported)"), -1);
        for (std::size_t c = 0; c < header.size(); ++c)
            combo->addItem(QStringLiteral("%1: %2").arg(c + 1).arg(qs(header[c])), static_cast<int>(c));
        const int column = (m_userMapping ? *m_userMapping : m_mapping).column(spec.field);
        combo->setCurrentIndex(combo->findData(column));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, field = spec.field, combo] {
            if (!m_userMapping)
                m_userMapping = m_mapping;
            m_userMapping->set(field, combo->currentData().toInt());
            mappingChanged();
        });
        m_mappingTable->setCellWidget(row, 1, combo);
    }
    m_mappingTable->resizeColumnToContents(0);
}

void ImportCsvDialog::mappingChanged()
{
    if (!m_format)
        return;
    const auto missing = engine::missingRequiredFields(*m_format, m_userMapping ? *m_userMapping : m_mapping);
    if (missing.empty()) {
        setStatus(tr("Check the mapping and the first rows, then import."));
    } else {
        QStringList names;
        for (auto f : missing)
            names << fieldName(f);
        setStatus(tr("Choose a column for: %1").arg(names.join(QStringLiteral(", "))));
    }
    updateButtons();
}

void ImportCsvDialog::updateButtons()
{
    bool ready = m_format && !m_busy && m_accountCombo->currentIndex() >= 0;
    if (ready)
        ready = engine::missingRequiredFields(*m_format, m_userMapping ? *m_userMapping : m_mapping).empty();
    m_importButton->setEnabled(ready);
    m_fileEdit->setEnabled(!m_busy);
    m_formatCombo->setEnabled(!m_busy);
    m_accountCombo->setEnabled(!m_busy);
    m_mappingTable->setEnabled(!m_busy);
}

void ImportCsvDialog::setStatus(const QString& text)
{
    m_statusLabel->setText(text);
}

void ImportCsvDialog::startImport()
{
    if (!m_format || m_busy || m_accountCombo->currentIndex() < 0)
        return;
    engine::CsvImportRequest request;
    request.accountId = m_accountCombo->currentData().toLongLong();
    request.fileName = QFileInfo(m_path).fileName().toStdString();
    request.content = m_content;
    request.options.format = m_format->name;
    request.options.mapping = m_userMapping ? *m_userMapping : m_mapping;
    for (const auto& a : m_workspace.accounts) {
        if (a.id != request.accountId)
            continue;
        const QTimeZone zone(a.timeZone.c_str());
        if (zone.isValid())
            request.options.utcOffset = [zone](std::int64_t utc) {
                return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc()));
            };
    }
    m_busy = true;
    m_stop = std::make_shared<std::stop_source>();
    m_rejectedList->clear();
    m_progress->show();
    m_cancelButton->show();
    setStatus(tr("Importing…"));
    updateButtons();
    const std::string workspacePath = m_workspace.path.toStdString();
    auto stop = m_stop;
    runAsync<Result<engine::CsvImportReport>>(
        this,
        [workspacePath, request = std::move(request), stop]() -> Result<engine::CsvImportReport> {
            // One connection per thread: the worker opens its own.
            auto db = engine::Database::open(workspacePath);
            if (!db)
                return tl::unexpected(db.error());
            engine::SystemClock clock;
            return engine::importCsv(*db, request, clock, stop->get_token());
        },
        [this](Result<engine::CsvImportReport> result) {
            m_busy = false;
            m_stop.reset();
            m_progress->hide();
            m_cancelButton->hide();
            updateButtons();
            if (!result) {
                setStatus(result.error().code == ErrorCode::Cancelled
                              ? tr("Import cancelled; nothing was imported.")
                              : tr("Nothing was imported: %1").arg(errorSummary(result.error())) + QLatin1Char('\n') +
                                    qs(result.error().detail));
                emit importFinished(false);
                return;
            }
            const auto& r = *result;
            if (!r.rejected.empty()) {
                for (const auto& bad : r.rejected)
                    m_rejectedList->addItem(tr("Line %1: %2").arg(bad.line).arg(qs(bad.reason)));
                setStatus(tr("%n row(s) rejected; nothing was imported. Fix the file and import it again.", nullptr,
                             static_cast<int>(r.rejected.size())));
                emit importFinished(false);
                return;
            }
            if (r.alreadyImported && !r.committed) {
                setStatus(tr("This file was already imported into this account; nothing changed."));
                emit importFinished(false);
                return;
            }
            setStatus(tr("Imported %n row(s): %1 new posts, %2 updated.", nullptr, static_cast<int>(r.rowsImported))
                          .arg(r.postsCreated)
                          .arg(r.postsUpdated));
            emit importFinished(true);
        });
}

} // namespace herald::ui
