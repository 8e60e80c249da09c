#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QTimeZone>

#include "herald/engine/store/PostPerformance.h"

namespace herald::ui {

/// The period's posts grouped by network, campaign or hour of week, with totals and the
/// engagement rate of each group (engagements / impressions, as everywhere else).
class BreakdownModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreakdownModel)

public:
    enum class Grouping { Network, Campaign, Tag, HourOfWeek }; // a post with two tags counts in both
    enum Column { GroupColumn, PostsColumn, ImpressionsColumn, EngagementsColumn, RateColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    struct Row
    {
        QString group;
        int sortKey = 0; // hour of week 0..167 (Monday 00:00 first), else 0
        int posts = 0;
        double impressions = 0;
        double engagements = 0;
        double rate() const { return impressions > 0 ? engagements / impressions : 0; }
    };

    explicit BreakdownModel(QObject* parent = nullptr);

    /// Groups `posts`; hours of week are local to `zone`.
    void setPosts(const std::vector<engine::PostPerformance>& posts, Grouping grouping, const QTimeZone& zone);
    const std::vector<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<Row> m_rows;
    Grouping m_grouping = Grouping::Network;
};

} // namespace herald::ui
