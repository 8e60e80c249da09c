#include "calendar/QueueModel.h"

#include <algorithm>
#include <limits>

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QStringList>

namespace herald::ui {

namespace {
// Unscheduled drafts sort after every timed row.
constexpr std::int64_t kLast = std::numeric_limits<std::int64_t>::max();
} // namespace

QueueModel::QueueModel(QObject* parent) : QAbstractTableModel(parent) {}

void QueueModel::setRows(std::vector<engine::CalendarEntry> posts, std::vector<FreeSlot> freeSlots,
                         const QTimeZone& zone)
{
    beginResetModel();
    m_posts = std::move(posts);
    m_slots = std::move(freeSlots);
    m_zone = zone;
    m_rows.clear();
    m_rows.reserve(m_posts.size() + m_slots.size());
    for (int i = 0; i < int(m_posts.size()); ++i)
        m_rows.push_back({false, i});
    for (int i = 0; i < int(m_slots.size()); ++i)
        m_rows.push_back({true, i});
    auto key = [this](const Row& r) {
        return r.slot ? m_slots[std::size_t(r.index)].utc : m_posts[std::size_t(r.index)].scheduledUtc.value_or(kLast);
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row& a, const Row& b) { return key(a) < key(b); });
    endResetModel();
}

void QueueModel::clear()
{
    setRows({}, {}, m_zone);
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<std::int64_t> QueueModel::postIdAt(int row) const
{
    if (const auto* e = entryAt(row))
        return e->postId;
    return std::nullopt;
}

const FreeSlot* QueueModel::freeSlotAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || !m_rows[std::size_t(row)].slot)
        return nullptr;
    return &m_slots[std::size_t(m_rows[std::size_t(row)].index)];
}

const engine::CalendarEntry* QueueModel::entryAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[std::size_t(row)].slot)
        return nullptr;
    return &m_posts[std::size_t(m_rows[std::size_t(row)].index)];
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const int row = index.row();
    if (const FreeSlot* slot = freeSlotAt(row)) {
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case TimeColumn:
                return QDateTime::fromSecsSinceEpoch(slot->utc, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            case TextColumn:
                return tr("Free slot — Add to queue");
            case AccountsColumn:
                return QString::fromStdString(slot->accountHandle);
            default:
                return {};
            }
        case Qt::ForegroundRole:
            return QBrush(Qt::darkGray);
        case Qt::FontRole: {
            QFont f;
            f.setItalic(true);
            return f;
        }
        case FreeSlotRole:
            return true;
        case UtcRole:
            return qlonglong(slot->utc);
        case AccountIdRole:
            return qlonglong(slot->accountId);
        default:
            return {};
        }
    }
    const engine::CalendarEntry& e = *entryAt(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.scheduledUtc ? QDateTime::fromSecsSinceEpoch(*e.scheduledUtc, m_zone)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                  : tr("Unscheduled");
        case TextColumn:
            return entryCaption(e);
        case AccountsColumn: {
            QStringList handles;
            for (const auto& t : e.targets)
                handles << QStringLiteral("%1 %2").arg(networkShortLabel(t.platform),
                                                       QString::fromStdString(t.accountHandle));
            return handles.join(QStringLiteral(", "));
        }
        case CampaignColumn:
            return QString::fromStdString(e.campaignName);
        case StatusColumn:
            return statusText(e.status);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == CampaignColumn && e.campaignId)
            return campaignColour(e);
        if (index.column() == StatusColumn)
            return statusColour(e.status);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return QString::fromStdString(e.body);
        return {};
    case PostIdRole:
        return qlonglong(e.postId);
    case FreeSlotRole:
        return false;
    case UtcRole:
        return e.scheduledUtc ? QVariant(qlonglong(*e.scheduledUtc)) : QVariant();
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TextColumn:
        return tr("Text");
    case AccountsColumn:
        return tr("Accounts");
    case CampaignColumn:
        return tr("Campaign");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace herald::ui
