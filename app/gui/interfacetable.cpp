#include "interfacetable.h"

#include "nodeitems.h"
#include "ownertext.h"
#include "topologygraph.h"
#include "topologymodel.h"

#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Passerelle {

namespace {

// The same glyphs as the graph: filled dot, hollow dot, triangle.
QIcon stateIcon(NodeState state)
{
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(state));
    if (it != cache.constEnd())
        return *it;
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = stateColor(state);
    if (state == NodeState::Up) {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(QPointF(7, 7), 5, 5);
    } else if (state == NodeState::Down) {
        p.setPen(QPen(c, 1.8));
        p.drawEllipse(QPointF(7, 7), 4.5, 4.5);
    } else if (state == NodeState::NoCarrier) {
        QPainterPath t;
        t.moveTo(7, 1);
        t.lineTo(13, 12);
        t.lineTo(1, 12);
        t.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPath(t);
    }
    p.end();
    const QIcon icon(pm);
    cache.insert(int(state), icon);
    return icon;
}

// All words of the search box must appear somewhere in the row.
class InterfaceFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        if (m_words.isEmpty())
            return true;
        const QString text = static_cast<InterfaceTableModel *>(sourceModel())->rowText(row).toLower();
        return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString &w) { return text.contains(w); });
    }

private:
    QStringList m_words;
};

} // namespace

InterfaceTableModel::InterfaceTableModel(TopologyModel *model, QObject *parent)
    : QAbstractTableModel(parent)
    , m_model(model)
{
    m_rows = model->links();
    connect(model, &TopologyModel::reset, this, &InterfaceTableModel::reload);
    connect(model, &TopologyModel::ready, this, &InterfaceTableModel::reload);
    connect(model, &TopologyModel::linkAdded, this, &InterfaceTableModel::add);
    connect(model, &TopologyModel::linkChanged, this,
            [this](const Link &, const Link &after) { change(after); });
    connect(model, &TopologyModel::linkRemoved, this, [this](const Link &l) { remove(l.ifindex); });
    connect(model, &TopologyModel::ownerChanged, this, [this](int ifindex, const Passerelle::Owner &) {
        const int row = rowOf(ifindex);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, Owner), index(row, Owner));
    });
    // Container names appear in the owner column.
    connect(model, &TopologyModel::containerStarted, this, [this] { columnChanged(Owner); });
    connect(model, &TopologyModel::containerChanged, this, [this] { columnChanged(Owner); });
    connect(model, &TopologyModel::containerStopped, this, [this] { columnChanged(Owner); });
}

int InterfaceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InterfaceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int InterfaceTableModel::rowOf(int ifindex) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), ifindex,
                                     [](const Link &l, int i) { return l.ifindex < i; });
    return it != m_rows.cend() && it->ifindex == ifindex ? int(it - m_rows.cbegin()) : -1;
}

QString InterfaceTableModel::rowText(int row) const
{
    QStringList parts;
    const Link &l = m_rows.at(row);
    for (int c = 0; c < ColumnCount; ++c)
        parts.append(text(l, c));
    return parts.join(QLatin1Char(' '));
}

QString InterfaceTableModel::text(const Link &l, int column) const
{
    switch (column) {
    case Name:
        return l.name;
    case Kind:
        return TopologyText::kindText(l.kind);
    case State:
        return TopologyText::stateText(TopologyText::linkState(l));
    case Master:
        if (l.masterIndex == 0)
            return QString();
        if (const std::optional<Link> m = m_model->link(l.masterIndex))
            return m->name;
        return QString::number(l.masterIndex);
    case Mac:
        return l.mac;
    case Mtu:
        return QString::number(l.mtu);
    case Addresses: {
        QStringList list;
        for (const Address &a : l.addresses)
            list.append(TopologyText::addressText(a));
        return list.join(QStringLiteral(", "));
    }
    case Owner: {
        const Passerelle::Owner o = m_model->ownerOf(l.ifindex);
        return o.isNull() ? QString() : OwnerText::sentence(o);
    }
    }
    return QString();
}

QVariant InterfaceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return QVariant();
    const Link &l = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(l, index.column());
    case Qt::DecorationRole:
        if (index.column() == State)
            return stateIcon(TopologyText::linkState(l));
        return QVariant();
    case SortRole:
        if (index.column() == Mtu)
            return l.mtu;
        if (index.column() == State)
            return int(TopologyText::linkState(l));
        return text(l, index.column());
    case IfindexRole:
        return l.ifindex;
    default:
        return QVariant();
    }
}

QVariant InterfaceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case Master:
        return tr("Bridge or master");
    case Mac:
        return tr("MAC address");
    case Mtu:
        return tr("MTU");
    case Addresses:
        return tr("Addresses");
    case Owner:
        return tr("Owner");
    }
    return QVariant();
}

void InterfaceTableModel::reload()
{
    beginResetModel();
    m_rows = m_model->links();
    endResetModel();
}

void InterfaceTableModel::add(const Link &link)
{
    if (rowOf(link.ifindex) >= 0) {
        change(link);
        return;
    }
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), link.ifindex,
                                     [](const Link &l, int i) { return l.ifindex < i; });
    const int row = int(it - m_rows.cbegin());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.insert(row, link);
    endInsertRows();
}

void InterfaceTableModel::change(const Link &link)
{
    const int row = rowOf(link.ifindex);
    if (row < 0) {
        add(link);
        return;
    }
    const bool renamed = m_rows.at(row).name != link.name;
    m_rows[row] = link;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (renamed)
        columnChanged(Master);
}

void InterfaceTableModel::remove(int ifindex)
{
    const int row = rowOf(ifindex);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void InterfaceTableModel::columnChanged(int column)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
}

InterfaceTable::InterfaceTable(TopologyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(new InterfaceTableModel(model, this))
    , m_proxy(new InterfaceFilter(this))
    , m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(InterfaceTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_view->setObjectName(QStringLiteral("interfaceTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(InterfaceTableModel::Name, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Room for the longest usual values, and for longer translated headers.
    const QFontMetrics fm(m_view->font());
    const auto widthFor = [&fm, this](int column, const QString &sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        return std::max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header) + 24) + 24;
    };
    m_view->setColumnWidth(InterfaceTableModel::Name, widthFor(InterfaceTableModel::Name, QStringLiteral("vethabcdef012345")));
    m_view->setColumnWidth(InterfaceTableModel::Kind, widthFor(InterfaceTableModel::Kind, TopologyText::kindText(QStringLiteral("loopback"))));
    m_view->setColumnWidth(InterfaceTableModel::State, widthFor(InterfaceTableModel::State, TopologyText::stateText(NodeState::NoCarrier)) + 20);
    m_view->setColumnWidth(InterfaceTableModel::Master, widthFor(InterfaceTableModel::Master, QStringLiteral("docker0")));
    m_view->setColumnWidth(InterfaceTableModel::Mac, widthFor(InterfaceTableModel::Mac, QStringLiteral("00:00:00:00:00:00")));
    m_view->setColumnWidth(InterfaceTableModel::Mtu, widthFor(InterfaceTableModel::Mtu, QStringLiteral("65535")));
    m_view->setColumnWidth(InterfaceTableModel::Addresses,
                           widthFor(InterfaceTableModel::Addresses, QStringLiteral("192.168.100.200/24, fe80::1/64")));
    // The last column stretches, but never below its header ("Propriétaire").
    m_view->setColumnWidth(InterfaceTableModel::Owner, widthFor(InterfaceTableModel::Owner, QString()));

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_syncing || !current.isValid())
                    return;
                Q_EMIT nodeSelected(QStringLiteral("link:%1").arg(current.data(InterfaceTableModel::IfindexRole).toInt()));
            });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT nodeActivated(QStringLiteral("link:%1").arg(index.data(InterfaceTableModel::IfindexRole).toInt()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

int InterfaceTable::visibleRowCount() const
{
    return m_proxy->rowCount();
}

void InterfaceTable::setFilterText(const QString &text)
{
    static_cast<InterfaceFilter *>(m_proxy)->setWords(text);
}

void InterfaceTable::selectNode(const QString &key)
{
    m_syncing = true;
    const int row = key.startsWith(QLatin1String("link:")) ? m_model->rowOf(key.mid(5).toInt()) : -1;
    if (row < 0) {
        m_view->clearSelection();
    } else {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid()) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
        }
    }
    m_syncing = false;
}

} // namespace Passerelle
