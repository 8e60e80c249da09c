#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stop_token>

#include <QDialog>

#include "herald/engine/import/CsvFormats.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace herald::engine {
struct CsvPreview;
}

namespace herald::ui {

/// File > Import CSV…: choose a file and an account, confirm or change the detected format and
/// column mapping, look at the first rows, then import on a worker thread. All or nothing: rejected
/// rows are listed with their line numbers and the workspace is left unchanged.
class ImportCsvDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportCsvDialog)

public:
    explicit ImportCsvDialog(const WorkspaceSnapshot& workspace, QWidget* parent = nullptr);
    ~ImportCsvDialog() override;

    /// Opens a dialog window-modal over `parent`; it deletes itself when closed.
    static ImportCsvDialog* openFor(const WorkspaceSnapshot& workspace, QWidget* parent);

    /// Reads and previews `path` in the background (previewUpdated or previewFailed follow).
    void setFile(const QString& path);
    void setAccount(std::int64_t accountId);

signals:
    void previewUpdated();
    void previewFailed(const QString& message);
    /// An import ended: `committed` is false when rows were rejected or it failed.
    void importFinished(bool committed);

private:
    void chooseFile();
    void requestPreview();
    void showPreview(const engine::CsvPreview& preview);
    void fillMapping(const engine::CsvPreview& preview);
    void mappingChanged();
    void startImport();
    void updateButtons();
    void setStatus(const QString& text);

    WorkspaceSnapshot m_workspace;
    QString m_path;
    std::string m_content;
    const engine::CsvFormat* m_format = nullptr;
    engine::ColumnMapping m_mapping;
    std::optional<engine::ColumnMapping> m_userMapping;
    int m_previewGeneration = 0;
    bool m_busy = false;
    std::shared_ptr<std::stop_source> m_stop;

    QLineEdit* m_fileEdit = nullptr;
    QComboBox* m_accountCombo = nullptr;
    QComboBox* m_formatCombo = nullptr;
    QLabel* m_formatLabel = nullptr;
    QTableWidget* m_mappingTable = nullptr;
    QTableWidget* m_previewTable = nullptr;
    QListWidget* m_rejectedList = nullptr;
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace herald::ui
