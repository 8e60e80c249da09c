#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QDialog>
#include <QStringList>

#include "herald/engine/model/Post.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTime;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimeEdit;
class QTimer;
class QVBoxLayout;

namespace herald::engine {
class Clock;
class EngagementModel;
} // namespace herald::engine

namespace herald::ui {

/// Composes one post for several accounts: base text and per-account variants with live per-network
/// counters, follow-ups that make it a thread, media with alt text, schedule (date, time, IANA zone,
/// queue, now, draft), campaign, tags, UTM links, hashtag suggestions and predicted engagement. Saves through engine::PostEditor; drafts
/// autosave every 10 s while changed. Reads and writes the workspace file at `workspace.path` (small
/// single-post transactions on the UI thread; history for predictions is read on a worker thread).
class ComposerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerDialog)

public:
    /// `postId` nullopt = a new post, else edits that post. `clock` must outlive the dialog.
    ComposerDialog(const WorkspaceSnapshot& workspace, const engine::Clock& clock, std::optional<std::int64_t> postId,
                   QWidget* parent = nullptr);
    ~ComposerDialog() override;

    /// Sets the schedule's wall time (in the zone shown; the zone is kept).
    void presetSchedule(const QDateTime& local);
    /// Extra hashtag suggestions (the Audience panel's interest rules), shown after the engine's.
    void setSuggestedHashtags(const QStringList& tags);
    /// Copies `path` into the workspace media folder (named by its SHA-256) and attaches it; false
    /// with the reason in the status line when the file cannot be read or copied.
    bool addMediaFile(const QString& path, const QString& altText = {});
    /// Adds a follow-up to the thread (after the last one) and focuses it. Returns its position (1 =
    /// the first follow-up).
    int addFollowUp(const QString& text = {});
    /// The follow-ups' texts, in order.
    QStringList followUps() const;
    /// The post's id once saved (nullopt before the first save).
    std::optional<std::int64_t> postId() const { return m_postId; }
    /// Whether there are changes not yet saved.
    bool isDirty() const { return m_dirty; }

signals:
    void postSaved(std::int64_t postId);

public slots:
    void done(int result) override;

private:
    enum class SaveKind { Draft, Schedule, Keep };
    struct AccountRow;
    struct ThreadRow;

    void buildUi();
    QWidget* buildContentColumn();
    QWidget* buildPlanColumn();
    QWidget* buildThreadBox(QWidget* parent);
    void removeFollowUp(ThreadRow* row);
    void renumberFollowUps();
    void syncThreadOptions();
    bool saveThread();
    /// Problems of the follow-ups as (translated text, blocking), each named by its place in the
    /// thread; refreshes their counters.
    QList<QPair<QString, bool>> checkFollowUps();
    void loadPost(std::int64_t postId);
    void startHistoryLoad();
    void markDirty();
    void rebuildTargets();
    void refreshChecks();
    void refreshPrediction();
    void refreshHashtags();
    void refreshMediaList();
    void addMedia();
    void moveMedia(int delta);
    void removeMedia();
    void applyAltText();
    void insertHashtag(const QString& tag);
    void addToQueue();
    void publishNow();
    void scheduleClicked();
    void autosave();
    void storePlatformScheduling();
    bool repeatRuleValid();
    bool storeRepeatAndEvergreen(bool scheduled);
    bool save(SaveKind kind, std::optional<std::int64_t> atUtc = {});

    std::vector<std::int64_t> selectedAccounts() const;
    QString targetText(std::int64_t accountId) const;
    /// `text` as `accountId` sends it (with UTM parameters when they are on).
    QString withTracking(const QString& text, std::int64_t accountId) const;
    QString zoneId() const;
    std::optional<std::int64_t> chosenUtc() const;
    QString accountName(std::int64_t accountId) const;
    void showError(const QString& summary, const QString& detail);

    WorkspaceSnapshot m_workspace;
    const engine::Clock& m_clock;
    std::optional<std::int64_t> m_postId;
    engine::PostStatus m_status = engine::PostStatus::Draft;
    bool m_dirty = false;
    bool m_scheduleChosen = false;
    bool m_loading = false;
    std::vector<engine::Media> m_media;
    std::map<std::int64_t, QString> m_variants;
    std::vector<QString> m_engineHashtags;
    QStringList m_extraHashtags;
    std::map<std::int64_t, std::shared_ptr<const engine::EngagementModel>> m_models;
    bool m_historyLoaded = false;

    std::vector<AccountRow*> m_accountRows;
    std::vector<ThreadRow*> m_threadRows;
    QVBoxLayout* m_threadLayout = nullptr;
    QPushButton* m_addFollowUp = nullptr;
    QLabel* m_threadHint = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QVBoxLayout* m_counters = nullptr;
    QListWidget* m_problems = nullptr;
    QListWidget* m_mediaList = nullptr;
    QLineEdit* m_altText = nullptr;
    QComboBox* m_campaign = nullptr;
    QLineEdit* m_tags = nullptr;
    QHBoxLayout* m_hashtagRow = nullptr;
    QCheckBox* m_utm = nullptr;
    QLineEdit* m_utmCampaign = nullptr;
    QLineEdit* m_utmContent = nullptr;
    QPlainTextEdit* m_utmPreview = nullptr;
    QDateEdit* m_date = nullptr;
    QTimeEdit* m_time = nullptr;
    QComboBox* m_zone = nullptr;
    QCheckBox* m_platformSchedule = nullptr;
    QCheckBox* m_repeat = nullptr;
    QSpinBox* m_repeatEvery = nullptr;
    QComboBox* m_repeatUnit = nullptr;
    QDateEdit* m_repeatUntil = nullptr;
    QCheckBox* m_evergreen = nullptr;
    QSpinBox* m_evergreenGap = nullptr;
    bool m_storedRecurring = false; // the post already repeats (its occurrences exist)
    bool m_storedEvergreen = false;
    QLabel* m_prediction = nullptr;
    std::vector<QPushButton*> m_slotButtons;
    QPushButton* m_scheduleButton = nullptr;
    QLabel* m_statusLine = nullptr;
    QTimer* m_autosave = nullptr;
    QTimer* m_checkTimer = nullptr;
};

} // namespace herald::ui
