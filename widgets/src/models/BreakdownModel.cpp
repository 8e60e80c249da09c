#include "BreakdownModel.h"

#include <map>

#include <QDateTime>
#include <QLocale>

namespace herald::ui {

BreakdownModel::BreakdownModel(QObject* parent) : QAbstractTableModel(parent) {}

void BreakdownModel::setPosts(const std::vector<engine::PostPerformance>& posts, Grouping grouping,
                              const QTimeZone& zone)
{
    std::map<std::pair<int, QString>, Row> groups;
    auto add = [&groups](const Row& key, const engine::PostPerformance& p) {
        auto& row = groups[{key.sortKey, key.group}];
        row.group = key.group;
        row.sortKey = key.sortKey;
        row.posts += 1;
        row.impressions += p.impressions;
        row.engagements += p.engagements;
    };
    for (const auto& p : posts) {
        Row key;
        switch (grouping) {
        case Grouping::Network:
            key.group = QString::fromUtf8(engine::platformDisplayName(p.platform).data());
            break;
        case Grouping::Campaign:
            key.group = p.campaign.empty() ? tr("No campaign") : QString::fromStdString(p.campaign);
            break;
        case Grouping::Tag:
            if (p.tags.empty()) {
                key.group = tr("No tag");
                break;
            }
            for (const auto& tag : p.tags) {
                key.group = QStringLiteral("#") + QString::fromStdString(tag);
                add(key, p);
            }
            continue;
        case Grouping::HourOfWeek: {
            const QDateTime local = QDateTime::fromSecsSinceEpoch(p.publishedUtc, zone);
            key.sortKey = (local.date().dayOfWeek() - 1) * 24 + local.time().hour();
            //: Hour of week, e.g. "Mon 09:00"
            key.group = tr("%1 %2:00")
                            .arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat))
                            .arg(local.time().hour(), 2, 10, QLatin1Char('0'));
            break;
        }
        }
        add(key, p);
    }
    beginResetModel();
    m_grouping = grouping;
    m_rows.clear();
    for (auto& [key, row] : groups)
        m_rows.push_back(row);
    endResetModel();
}

int BreakdownModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreakdownModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakdownModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == GroupColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case GroupColumn:
        return sort && m_grouping == Grouping::HourOfWeek ? QVariant(r.sortKey) : QVariant(r.group);
    case PostsColumn: return sort ? QVariant(r.posts) : QVariant(QLocale().toString(r.posts));
    case ImpressionsColumn: return sort ? QVariant(r.impressions) : QVariant(QLocale().toString(r.impressions, 'f', 0));
    case EngagementsColumn: return sort ? QVariant(r.engagements) : QVariant(QLocale().toString(r.engagements, 'f', 0));
    case RateColumn:
        return sort ? QVariant(r.rate()) : QVariant(QLocale().toString(r.rate() * 100, 'f', 2) + QLatin1Char('%'));
    default: return {};
    }
}

QVariant BreakdownModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn: return tr("Group");
    case PostsColumn: return tr("Posts");
    case ImpressionsColumn: return tr("Impressions");
    case EngagementsColumn: return tr("Engagements");
    case RateColumn: return tr("Engagement rate");
    default: return {};
    }
}

} // namespace herald::ui
