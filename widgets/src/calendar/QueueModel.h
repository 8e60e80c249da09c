#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QTimeZone>

#include "calendar/CalendarData.h"

namespace herald::ui {

/// The list (queue) view: every post of the filter in time order, unscheduled drafts last, with the
/// accounts' free posting slots merged in as empty rows. Values only; O(1) per cell, so 100,000 rows
/// scroll smoothly.
class QueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueModel)

public:
    enum Column { TimeColumn, TextColumn, AccountsColumn, CampaignColumn, StatusColumn, ColumnCount };
    enum Role { PostIdRole = Qt::UserRole + 1, FreeSlotRole, UtcRole, AccountIdRole };

    explicit QueueModel(QObject* parent = nullptr);

    /// Replaces the rows (model reset). `posts` in time order with unscheduled drafts anywhere.
    void setRows(std::vector<engine::CalendarEntry> posts, std::vector<FreeSlot> freeSlots, const QTimeZone& zone);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The post on `row`, or nullopt for a free slot.
    std::optional<std::int64_t> postIdAt(int row) const;
    /// The free slot on `row`, or null.
    const FreeSlot* freeSlotAt(int row) const;
    const engine::CalendarEntry* entryAt(int row) const;
    int freeSlotCount() const { return int(m_slots.size()); }
    int postCount() const { return int(m_posts.size()); }

private:
    struct Row
    {
        bool slot = false;
        int index = 0;
    };
    std::vector<engine::CalendarEntry> m_posts;
    std::vector<FreeSlot> m_slots;
    std::vector<Row> m_rows;
    QTimeZone m_zone;
};

} // namespace herald::ui
