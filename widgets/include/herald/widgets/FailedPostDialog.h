#pragma once

#include <cstdint>

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Shows a post whose targets failed (or whose pre-flight check found a problem): each target with
/// its status and the platform's message, Retry (failed targets due again now, through
/// engine::PostEditor::retryTarget) and Edit (asks the caller to open the composer).
class FailedPostDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FailedPostDialog)

public:
    /// `clock` must outlive the dialog. Reads the post at once (one small query).
    FailedPostDialog(const QString& workspacePath, const engine::Clock& clock, std::int64_t postId,
                     QWidget* parent = nullptr);
    std::int64_t postId() const { return m_postId; }

signals:
    /// Failed targets were put back in the queue.
    void retried(std::int64_t postId);
    /// The user wants to edit the post in the composer (the dialog closes).
    void editRequested(std::int64_t postId);

private:
    void reload();
    void retry();

    QString m_path;
    const engine::Clock& m_clock;
    std::int64_t m_postId;
    QLabel* m_summary = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QTableWidget* m_targets = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace herald::ui
