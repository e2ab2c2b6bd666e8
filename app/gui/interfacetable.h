// All interfaces as a sortable table (name, kind, state, master, MAC, MTU,
// addresses, owner), the alternative to the graph. The table model follows
// the topology model signal by signal: a change touches one row.
#pragma once

#include "topologytypes.h"

#include <QAbstractTableModel>
#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace Passerelle {

class TopologyModel;

class InterfaceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, State, Master, Mac, Mtu, Addresses, Owner, ColumnCount };
    // Sort keys: numbers where the column is numeric.
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IfindexRole = Qt::UserRole + 1;

    explicit InterfaceTableModel(TopologyModel *model, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(int ifindex) const;
    // Every column's text of a row, for the filter.
    QString rowText(int row) const;

private:
    QString text(const Link &link, int column) const;
    void reload();
    void add(const Link &link);
    void change(const Link &link);
    void remove(int ifindex);
    void columnChanged(int column);

    TopologyModel *m_model;
    QList<Link> m_rows;   // by ifindex
};

class InterfaceTable : public QWidget
{
    Q_OBJECT
public:
    explicit InterfaceTable(TopologyModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    InterfaceTableModel *tableModel() const { return m_model; }
    // Rows shown after filtering.
    int visibleRowCount() const;

public Q_SLOTS:
    void setFilterText(const QString &text);
    // Follows the graph's selection ("link:IFINDEX"; other keys clear it).
    void selectNode(const QString &key);

Q_SIGNALS:
    void nodeSelected(const QString &key);
    void nodeActivated(const QString &key);

private:
    InterfaceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    bool m_syncing = false;
};

} // namespace Passerelle
