#pragma once

#include <cstdint>
#include <vector>

#include <QAbstractTableModel>

#include "sync/AccountJobs.h"

namespace herald::ui {

/// The Accounts panel's table: each account with its connection and sync state (value snapshot).
class AccountStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountStatusModel)

public:
    enum Column {
        PlatformColumn,
        HandleColumn,
        NameColumn,
        StatusColumn,
        LastSyncColumn,
        LastErrorColumn,
        ServerColumn,
        ColumnCount
    };
    enum Role { AccountIdRole = Qt::UserRole + 1, SecretRefRole };

    explicit AccountStatusModel(QObject* parent = nullptr);

    /// `nowUtc` decides whether a rate limit is still in force.
    void setRows(std::vector<accounts::StatusRow> rows, std::int64_t nowUtc);
    const accounts::StatusRow* row(int index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString statusText(const accounts::StatusRow& row) const;

    std::vector<accounts::StatusRow> m_rows;
    std::int64_t m_nowUtc = 0;
};

} // namespace herald::ui
