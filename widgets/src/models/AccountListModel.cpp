#include "AccountListModel.h"

namespace herald::ui {

AccountListModel::AccountListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccountListModel::setAccounts(std::vector<engine::Account> accounts)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    endResetModel();
}

int AccountListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& a = m_accounts[std::size_t(index.row())];
    if (role == AccountIdRole)
        return qint64(a.id);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PlatformColumn: return QString::fromUtf8(engine::platformDisplayName(a.platform).data());
    case HandleColumn: return QString::fromStdString(a.handle);
    case NameColumn: return QString::fromStdString(a.displayName);
    case StatusColumn:
        switch (a.status) {
        case engine::AccountStatus::Connected: return tr("Connected");
        case engine::AccountStatus::NeedsReconnect: return tr("Needs reconnecting");
        case engine::AccountStatus::Disabled: return tr("Disabled");
        }
        return {};
    case ServerColumn: return QString::fromStdString(a.baseUrl);
    default: return {};
    }
}

QVariant AccountListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PlatformColumn: return tr("Network");
    case HandleColumn: return tr("Handle");
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case ServerColumn: return tr("Server");
    default: return {};
    }
}

} // namespace herald::ui
