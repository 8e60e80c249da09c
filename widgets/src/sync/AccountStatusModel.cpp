#include "sync/AccountStatusModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace herald::ui {

namespace {

QString localTime(std::int64_t utc)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(utc), QLocale::ShortFormat);
}

} // namespace

AccountStatusModel::AccountStatusModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccountStatusModel::setRows(std::vector<accounts::StatusRow> rows, std::int64_t nowUtc)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_nowUtc = nowUtc;
    endResetModel();
}

const accounts::StatusRow* AccountStatusModel::row(int index) const
{
    return index >= 0 && index < int(m_rows.size()) ? &m_rows[std::size_t(index)] : nullptr;
}

int AccountStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AccountStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AccountStatusModel::statusText(const accounts::StatusRow& r) const
{
    switch (r.account.status) {
    case engine::AccountStatus::NeedsReconnect:
        return tr("Needs reconnecting");
    case engine::AccountStatus::Disabled:
        return tr("Disabled");
    case engine::AccountStatus::Connected:
        break;
    }
    if (r.sync.rateLimitedUntilUtc && *r.sync.rateLimitedUntilUtc > m_nowUtc)
        return tr("Rate limited until %1").arg(localTime(*r.sync.rateLimitedUntilUtc));
    return tr("Connected");
}

QVariant AccountStatusModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[std::size_t(index.row())];
    if (role == AccountIdRole)
        return qint64(r.account.id);
    if (role == SecretRefRole)
        return QString::fromStdString(r.account.secretRef);
    if (role == Qt::ForegroundRole && index.column() == StatusColumn &&
        r.account.status == engine::AccountStatus::NeedsReconnect)
        return QBrush(QColor(0xb0, 0x3a, 0x2e));
    if (role == Qt::ToolTipRole && index.column() == LastErrorColumn && !r.sync.lastError.empty())
        return QString::fromStdString(r.sync.lastError);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PlatformColumn:
        return QString::fromUtf8(engine::platformDisplayName(r.account.platform).data());
    case HandleColumn:
        return QString::fromStdString(r.account.handle);
    case NameColumn:
        return QString::fromStdString(r.account.displayName);
    case StatusColumn:
        return statusText(r);
    case LastSyncColumn:
        return r.sync.lastSyncUtc ? localTime(*r.sync.lastSyncUtc) : tr("Never");
    case LastErrorColumn:
        return QString::fromStdString(r.sync.lastError);
    case ServerColumn:
        return QString::fromStdString(r.account.baseUrl);
    default:
        return {};
    }
}

QVariant AccountStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PlatformColumn:
        return tr("Network");
    case HandleColumn:
        return tr("Handle");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case LastSyncColumn:
        return tr("Last sync");
    case LastErrorColumn:
        return tr("Last error");
    case ServerColumn:
        return tr("Server");
    default:
        return {};
    }
}

} // namespace herald::ui
