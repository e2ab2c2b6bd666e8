// Where the nodes of the graph go: a pure function of the graph's structure
// and of the previous layout, so it can run in a worker thread and be tested
// without a display.
//
// The graph is cut into blocks laid side by side: one per bridge, one for
// host-level interfaces, one for veths in no bridge, one for containers with
// no veth. In a block, uplinks sit above the bridge's bar, ports hang under
// it in lines of a fixed number of columns (a bus: each port has a short stub
// to the bar, or to its line's bus), and each port's container or namespace
// sits right below the port.
//
// Stability: a node that stays in its block keeps its slot; new nodes take
// the first free slot of their block; removed nodes and blocks leave gaps.
// Only a full layout (no previous one) packs everything again.
#pragma once

#include "topologygraph.h"

#include <QHash>
#include <QLineF>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace Passerelle {

namespace LayoutMetrics {
constexpr qreal NodeWidth = 168;
constexpr qreal ColumnGap = 20;
constexpr qreal ColumnWidth = NodeWidth + ColumnGap;
constexpr qreal BlockGap = 64;
constexpr qreal BarHeight = 44;
constexpr qreal Stub = 24;                 // a port's line to its bus
constexpr qreal TopHeight = 60;            // uplink cards
constexpr qreal TopGap = 24;
constexpr qreal PortHeight = 54;           // veth cards
constexpr qreal PeerGap = 30;              // from a port down to its far end
constexpr qreal FarHeight = 62;            // container and namespace cards
constexpr qreal LineGap = 30;
constexpr qreal LineHeight = Stub + PortHeight + PeerGap + FarHeight + LineGap;
constexpr qreal TrunkOffset = 12;          // the trunk joining a bridge's lines, left of the block
constexpr int MaxColumns = 32;
constexpr qreal RowGap = 72;               // between rows of blocks
constexpr qreal RowAspect = 1.5;           // wanted width / height of the whole graph
constexpr qreal MinRowWidth = 1600;        // small graphs stay on one row
} // namespace LayoutMetrics

struct LayoutNode
{
    QString key;
    QString block;
    LayoutBand band = LayoutBand::Port;
    QStringList anchors;
};

struct LayoutRequest
{
    QList<GraphBlock> blocks;
    QList<LayoutNode> nodes;

    static LayoutRequest fromGraph(const TopologyGraph &graph);
};

struct LayoutSlot
{
    QString block;
    LayoutBand band = LayoutBand::Port;
    int line = 0;
    int column = 0;
};

class TopologyLayout
{
public:
    // previous: the layout on screen, or an empty one for a full layout.
    static TopologyLayout compute(const LayoutRequest &request, const TopologyLayout &previous);
    static TopologyLayout compute(const LayoutRequest &request);

    bool isEmpty() const { return m_slots.isEmpty(); }
    int nodeCount() const { return int(m_slots.size()); }
    bool contains(const QString &key) const { return m_slots.contains(key); }
    LayoutSlot slot(const QString &key) const { return m_slots.value(key); }
    QStringList blocks() const { return m_blocks.keys(); }

    // Top-left corner of the node's card in scene coordinates.
    QPointF position(const QString &key) const;
    // The card's rectangle for its band (bars: the whole bar).
    QRectF slotRect(const QString &key) const;
    // A bridge block's bar, spanning the columns its ports use.
    QRectF barRect(const QString &block) const;
    // A bridge block's extra bus lines when its ports wrap onto several
    // lines: the trunk down the left side and one horizontal bus per line.
    QList<QLineF> busLines(const QString &block) const;
    QPointF blockPosition(const QString &block) const { return {m_blocks.value(block).x, m_blocks.value(block).y}; }
    int blockColumns(const QString &block) const { return m_blocks.value(block).columns; }

private:
    struct Block
    {
        qreal x = 0;
        qreal y = 0;                  // top of the bar
        int columns = 1;
        bool hasBar = false;
        int usedColumns = 0;          // over the top and port bands
        int topLines = 0;
        int portLines = 0;
        int reservedLines = 0;        // port lines kept free for growth below the used ones
        QList<int> lastPortColumn;    // per port line, -1 when the line is empty

        qreal width() const;
        qreal above() const;          // reach above the bar
        qreal below() const;          // reach from the bar's top down
    };
    void placeBlocks(const QList<GraphBlock> &fresh, const TopologyLayout &previous);

    QHash<QString, Block> m_blocks;
    QHash<QString, LayoutSlot> m_slots;
    qreal m_rowWidth = 0;
};

} // namespace Passerelle
