#pragma once

#include <QWidget>

#include "herald/engine/Result.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace herald::engine {
class Clock;
}

namespace herald::ui {

/// Builds an ad audience from a saved segment or from filters, shows its size in the workspace, saves it,
/// and exports Meta targeting JSON, a LinkedIn targeting description or a hashed custom-audience file after
/// validation.
class AdAudiencesTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdAudiencesTab)

public:
    enum class ExportFormat { MetaTargeting, LinkedIn, MetaCustomAudience, Handles };

    explicit AdAudiencesTab(const engine::Clock& clock, QWidget* parent = nullptr);
    ~AdAudiencesTab() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// The filter the controls describe now.
    engine::AudienceFilter currentFilter() const;
    /// Fills the controls from a filter (and recounts).
    void showFilter(const engine::AudienceFilter& filter);
    /// Members the last count found (-1 before any).
    qint64 shownSize() const { return m_shownSize; }
    /// Writes the current audience in a format; targeting is validated first (false and nothing written when
    /// it breaks a rule, the violations shown). Custom-audience and handles files read the store: blocking,
    /// for tests and the export buttons' worker.
    Result<bool> exportTo(ExportFormat format, const QString& path);

signals:
    void audienceSized(qint64 members);
    void audienceSaved(qint64 id);
    void segmentApplied();
    void exported(const QString& path);

private:
    void reloadLists();
    void applySegment();
    void scheduleCount();
    void count();
    void save();
    void chooseExport(ExportFormat format);
    void updateValidation();

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    qint64 m_shownSize = -1;
    std::optional<std::int64_t> m_segmentId; // from "Use segment"
    engine::AudienceFilter m_extra;          // ids the controls do not show (Meta ids) kept from a loaded audience

    QComboBox* m_segments = nullptr;
    QPushButton* m_useSegment = nullptr;
    QLabel* m_segmentNote = nullptr;
    QLineEdit* m_countries = nullptr;
    QLineEdit* m_languages = nullptr;
    QListWidget* m_ageBands = nullptr;
    QCheckBox* m_female = nullptr;
    QCheckBox* m_male = nullptr;
    QCheckBox* m_other = nullptr;
    QLineEdit* m_interests = nullptr;
    QComboBox* m_lookalike = nullptr;
    QLabel* m_size = nullptr;
    QLineEdit* m_name = nullptr;
    QPushButton* m_save = nullptr;
    QListWidget* m_saved = nullptr;
    QPlainTextEdit* m_validation = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_countTimer = nullptr;
    std::vector<engine::AdAudience> m_savedAudiences;
};

} // namespace herald::ui
