#pragma once

#include <vector>

#include <QAbstractTableModel>

#include "herald/engine/model/Account.h"

namespace herald::ui {

/// The workspace's accounts as a table; holds a value snapshot.
class AccountListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountListModel)

public:
    enum Column { PlatformColumn, HandleColumn, NameColumn, StatusColumn, ServerColumn, ColumnCount };
    enum Role { AccountIdRole = Qt::UserRole + 1 };

    explicit AccountListModel(QObject* parent = nullptr);

    void setAccounts(std::vector<engine::Account> accounts);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::Account> m_accounts;
};

} // namespace herald::ui
