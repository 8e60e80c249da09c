#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "herald/engine/store/PostPerformance.h"

namespace herald::ui {

/// Published posts with their counts; sort through a QSortFilterProxyModel on SortRole.
class TopPostsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopPostsModel)

public:
    enum Column {
        PublishedColumn,
        NetworkColumn,
        TextColumn,
        ImpressionsColumn,
        EngagementsColumn,
        RateColumn,
        LikesColumn,
        RepliesColumn,
        RepostsColumn,
        ClicksColumn,
        CampaignColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole + 1, PermalinkRole };

    explicit TopPostsModel(QObject* parent = nullptr);
    void setPosts(std::vector<engine::PostPerformance> posts);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::PostPerformance> m_posts;
};

} // namespace herald::ui
