#include "TopPostsModel.h"

#include <QDateTime>
#include <QLocale>

namespace herald::ui {

TopPostsModel::TopPostsModel(QObject* parent) : QAbstractTableModel(parent) {}

void TopPostsModel::setPosts(std::vector<engine::PostPerformance> posts)
{
    beginResetModel();
    m_posts = std::move(posts);
    endResetModel();
}

int TopPostsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_posts.size());
}

int TopPostsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopPostsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& p = m_posts[std::size_t(index.row())];
    if (role == PermalinkRole)
        return QString::fromStdString(p.permalink);
    const auto count = [&](double v) -> QVariant {
        if (role == SortRole)
            return v;
        return QLocale().toString(v, 'f', 0);
    };
    if (role == Qt::TextAlignmentRole)
        return index.column() >= ImpressionsColumn && index.column() <= ClicksColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return QString::fromStdString(p.text);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case PublishedColumn:
        if (role == SortRole)
            return qint64(p.publishedUtc);
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(p.publishedUtc), QLocale::ShortFormat);
    case NetworkColumn:
        return QStringLiteral("%1 · %2").arg(QString::fromUtf8(engine::platformDisplayName(p.platform).data()),
                                              QString::fromStdString(p.handle));
    case TextColumn: {
        QString text = QString::fromStdString(p.text).simplified();
        return role == SortRole || text.size() <= 90 ? text : text.left(89) + QChar(0x2026);
    }
    case ImpressionsColumn: return count(p.impressions);
    case EngagementsColumn: return count(p.engagements);
    case RateColumn:
        if (role == SortRole)
            return p.engagementRate;
        return QLocale().toString(p.engagementRate * 100, 'f', 2) + QLatin1Char('%');
    case LikesColumn: return count(p.likes);
    case RepliesColumn: return count(p.replies);
    case RepostsColumn: return count(p.reposts + p.quotes);
    case ClicksColumn: return count(p.clicks);
    case CampaignColumn: return QString::fromStdString(p.campaign);
    default: return {};
    }
}

QVariant TopPostsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PublishedColumn: return tr("Published");
    case NetworkColumn: return tr("Account");
    case TextColumn: return tr("Post");
    case ImpressionsColumn: return tr("Impressions");
    case EngagementsColumn: return tr("Engagements");
    case RateColumn: return tr("Rate");
    case LikesColumn: return tr("Likes");
    case RepliesColumn: return tr("Replies");
    case RepostsColumn: return tr("Reposts");
    case ClicksColumn: return tr("Clicks");
    case CampaignColumn: return tr("Campaign");
    default: return {};
    }
}

} // namespace herald::ui
