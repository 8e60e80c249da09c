#pragma once

#include <memory>
#include <vector>

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QWidget>

#include "herald/engine/store/AudienceSegmentation.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;

namespace herald::ui {

struct AudienceRun;

/// Interest rules as a table: if (interests), then (interest), support, confidence, lift, members.
class AudienceRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceRulesModel)

public:
    enum Column { IfColumn, ThenColumn, SupportColumn, ConfidenceColumn, LiftColumn, MembersColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setRules(std::vector<engine::InterestRule> rules);
    const engine::InterestRule& rule(int row) const { return m_rules.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<engine::InterestRule> m_rules;
};

/// Sorts the rules and keeps those passing the support, confidence and lift thresholds.
class AudienceRulesFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceRulesFilter)

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setThresholds(const engine::InterestRuleFilter& filter);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    engine::InterestRuleFilter m_filter;
};

/// The Interest rules tab: scope (whole audience or a segment), threshold spin boxes, the sortable table
/// and "Use as hashtags". Rules are mined on a worker thread.
class AudienceRulesTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceRulesTab)

public:
    explicit AudienceRulesTab(QWidget* parent = nullptr);

    void setRun(std::shared_ptr<const AudienceRun> run);
    void clear();
    /// Rules shown after filtering.
    int visibleRuleCount() const;
    /// "#tags" of the consequents of the selected rules, or of every shown rule when none is selected.
    QStringList chosenHashtags() const;

signals:
    void rulesShown();
    void hashtagsChosen(const QStringList& hashtags);

private:
    void mine();
    void applyFilter();
    void useAsHashtags();

    std::shared_ptr<const AudienceRun> m_run;
    int m_generation = 0;
    QComboBox* m_scope = nullptr;
    QDoubleSpinBox* m_support = nullptr;
    QDoubleSpinBox* m_confidence = nullptr;
    QDoubleSpinBox* m_lift = nullptr;
    QPushButton* m_hashtags = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_table = nullptr;
    AudienceRulesModel* m_model = nullptr;
    AudienceRulesFilter* m_filter = nullptr;
};

} // namespace herald::ui
