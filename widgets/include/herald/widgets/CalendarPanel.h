#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include <QDate>
#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include "herald/engine/store/CalendarQuery.h"
#include "herald/widgets/WorkspaceSnapshot.h"

class QAbstractItemModel;
class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableView;
class QUndoStack;

namespace herald::engine {
class Clock;
struct Schedule;
} // namespace herald::engine

namespace herald::ui {

class BestTimeHeatmap;
class CalendarDays;
class CalendarEdits;
class MonthView;
class QueueModel;
class WeekView;

/// The content calendar: month, week and queue views of the workspace's posts in the workspace's
/// time zone, with filters, drag-to-reschedule, an undo stack over every edit, posting slots and the
/// best-time heatmap. Reads run on worker threads (stale answers dropped); edits run in order on one
/// worker thread. Composing is not done here: composeRequested asks the owner to open the composer.
class CalendarPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarPanel)

public:
    enum class View { Month, Week, List };

    explicit CalendarPanel(const engine::Clock& clock, QWidget* parent = nullptr);
    ~CalendarPanel() override;

    void setWorkspace(const WorkspaceSnapshot& workspace);
    void clearWorkspace();
    /// Re-reads the shown posts (for example after the composer saved one).
    void reload();
    /// True when the views show the answer to the latest request.
    bool isUpToDate() const { return m_shownGeneration == m_generation; }

    void setView(View view);
    View view() const { return m_view; }
    /// Shows the month (or week, in the week view) containing `day`.
    void showDate(const QDate& day);
    void showNext();
    void showPrevious();
    void showToday();
    /// The day the month and week views are centred on (display zone).
    QDate currentDate() const { return m_date; }

    /// The display zone; setting it converts the views and stores it as the workspace's zone.
    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone& zone);

    void setFilter(const engine::CalendarFilter& filter);
    engine::CalendarFilter filter() const { return m_filter; }

    /// The month or week data as shown (posts per day in the display zone).
    const CalendarDays& days() const;
    /// The queue view's model (posts and free slots, see QueueModel roles).
    QAbstractItemModel* queueModel() const;
    QUndoStack* undoStack() const { return m_undo; }
    /// Edits queued and not yet written (including "Add to queue" still looking for its slot).
    int pendingEdits() const;

    /// The drop targets of the month and week views. A post dropped on another day keeps its wall
    /// time; in the week view it takes the slot's time. Undoable.
    void movePostToDay(std::int64_t postId, const QDate& day);
    void movePostToTime(std::int64_t postId, const QDateTime& localTime);
    /// Moves a post to `localTime` (any zone); keeps the post's own zone. Undoable.
    void reschedulePost(std::int64_t postId, const QDateTime& localTime);
    void cancelPost(std::int64_t postId);
    void duplicatePost(std::int64_t postId);
    void deleteDraft(std::int64_t postId);
    /// Reschedules to now; the publisher picks it up. Undoable.
    void publishNow(std::int64_t postId);
    /// Puts failed targets back in the queue, due now (not undoable: it only retries).
    void retryFailed(std::int64_t postId);
    /// Puts the post into the first free posting slot of its accounts (undoable).
    void addToQueue(std::int64_t postId);
    /// Copies the first published target's link to the clipboard; false when there is none.
    bool copyLink(std::int64_t postId);

    /// "Import Posts…": picks a CSV with a file dialog, then importPostsFrom().
    void importPosts();
    /// Checks every row of the CSV on a worker thread and, when all are good, stores all posts in one
    /// transaction (connectors::importPostsCsv): then "N posts imported" and a reload; otherwise a
    /// dialog listing every rejected line with its reason, and nothing stored.
    void importPostsFrom(const QString& csvPath);

    std::optional<std::int64_t> selectedPost() const { return m_selected; }
    void selectPost(std::optional<std::int64_t> postId);

signals:
    /// Open the composer: an existing post, or a new one (nullopt) preset to `at` when valid.
    void composeRequested(std::optional<std::int64_t> postId, const QDateTime& at);
    /// The views show fresh data (after every reload).
    void calendarShown();
    void heatmapShown();
    void editApplied();
    /// A CSV import finished: `count` posts stored, or `rejected` ("Line N: reason") and none stored.
    void postsImported(int count);
    void importRejected(const QStringList& rejected);
    void editFailed(const QString& message);
    /// The user changed the workspace's time zone (already stored).
    void timeZoneChanged(const QTimeZone& zone);

private:
    void buildUi();
    void refresh();
    void refreshHeatmap();
    void updatePeriodLabel();
    void rebuildFilters();
    void readFilterCombos();
    void showContextMenu(std::int64_t postId, const QPoint& globalPos);
    void editSlots();
    void confirmCancelSelected();
    void pushReschedule(std::int64_t postId, const engine::Schedule& to, bool scheduleDraft, const QString& text);
    void showStatus(const QString& text, bool error);
    const engine::CalendarEntry* entryFor(std::int64_t postId) const;
    std::optional<engine::Schedule> scheduleFor(const engine::CalendarEntry& entry, const QDateTime& at) const;

    const engine::Clock& m_clock;
    WorkspaceSnapshot m_workspace;
    bool m_hasWorkspace = false;
    int m_generation = 0;
    int m_shownGeneration = 0;
    int m_heatmapGeneration = 0;
    int m_slotLookups = 0; // "Add to queue" reads not answered yet
    View m_view = View::Month;
    QDate m_date;
    QTimeZone m_zone;
    engine::CalendarFilter m_filter;
    std::shared_ptr<const CalendarDays> m_days;
    std::optional<std::int64_t> m_selected;

    CalendarEdits* m_edits = nullptr;
    QUndoStack* m_undo = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_noWorkspace = nullptr;
    QWidget* m_calendarPage = nullptr;
    QButtonGroup* m_viewButtons = nullptr;
    QLabel* m_period = nullptr;
    QComboBox* m_zoneCombo = nullptr;
    QComboBox* m_accountFilter = nullptr;
    QComboBox* m_campaignFilter = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QComboBox* m_tagFilter = nullptr;
    QPushButton* m_slotsButton = nullptr;
    QPushButton* m_queueButton = nullptr;
    QLabel* m_status = nullptr;
    QStackedWidget* m_views = nullptr;
    MonthView* m_month = nullptr;
    QScrollArea* m_weekScroll = nullptr;
    WeekView* m_week = nullptr;
    QTableView* m_list = nullptr;
    QueueModel* m_queue = nullptr;
    BestTimeHeatmap* m_heatmap = nullptr;
};

} // namespace herald::ui
