#include "topologylayout.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Passerelle {

using namespace LayoutMetrics;

namespace {

// Columns for n cards: one line while short, then about three columns for
// each line, so that a big bridge grows as a block rather than a ribbon.
int columnsFor(int n)
{
    if (n <= 8)
        return std::max(n, 1);
    return std::clamp(int(std::ceil(std::sqrt(3.0 * n))), 8, MaxColumns);
}

qint64 cellId(int line, int column)
{
    return (qint64(line) << 32) | quint32(column);
}

// Occupied slots of one band of one block, and where the search for a free
// one resumes (slots only fill up during one computation).
struct Band
{
    QSet<qint64> taken;
    int hint = 0;

    bool isFree(int line, int column) const { return !taken.contains(cellId(line, column)); }
    void take(int line, int column) { taken.insert(cellId(line, column)); }
    QPair<int, int> takeFirstFree(int columns)
    {
        for (;; ++hint) {
            const int line = hint / columns;
            const int column = hint % columns;
            if (isFree(line, column)) {
                take(line, column);
                return {line, column};
            }
        }
    }
};

struct BlockWork
{
    Band top;
    Band port;
    Band far;
    int tops = 0;
    int ports = 0;
    int loneFars = 0;   // far nodes with no port (containers without a veth)
};

} // namespace

LayoutRequest LayoutRequest::fromGraph(const TopologyGraph &graph)
{
    LayoutRequest r;
    r.blocks = graph.blocks;
    r.nodes.reserve(graph.nodes.size());
    for (const GraphNode &n : graph.nodes)
        r.nodes.append({n.key, n.block, n.band, n.anchors});
    return r;
}

TopologyLayout TopologyLayout::compute(const LayoutRequest &request, const TopologyLayout &previous)
{
    TopologyLayout out;
    QHash<QString, BlockWork> work;
    for (const LayoutNode &n : request.nodes) {
        BlockWork &w = work[n.block];
        if (n.band == LayoutBand::Top)
            ++w.tops;
        else if (n.band == LayoutBand::Port)
            ++w.ports;
        else if (n.band == LayoutBand::Far && n.anchors.isEmpty())
            ++w.loneFars;
    }
    // Blocks that hold ports keep room for a few more, so that containers
    // starting later find a slot without pushing anything.
    auto portsToHold = [&work](const GraphBlock &b) {
        const BlockWork &w = work[b.key];
        const int n = std::max(w.ports, w.loneFars);
        const bool holdsPorts = b.hasBar || n > 0;
        return holdsPorts ? n + std::max(2, (n + 3) / 4) : 0;
    };
    auto wantedColumns = [&work, &portsToHold](const GraphBlock &b) {
        const BlockWork &w = work[b.key];
        return std::max({columnsFor(portsToHold(b)), std::min(std::max(w.tops, 1), 8), b.hasBar ? 2 : 1});
    };

    // Blocks that stay keep their place; the last block of a row may widen,
    // since nothing stands to its right. New blocks are placed once their
    // nodes are, when their size is known.
    QList<GraphBlock> fresh;
    for (const GraphBlock &b : request.blocks) {
        const auto it = previous.m_blocks.constFind(b.key);
        if (it == previous.m_blocks.constEnd()) {
            Block nb;
            nb.hasBar = b.hasBar;
            nb.columns = wantedColumns(b);
            nb.reservedLines = (portsToHold(b) + nb.columns - 1) / nb.columns;
            out.m_blocks.insert(b.key, nb);
            fresh.append(b);
            continue;
        }
        Block kept = *it;
        kept.hasBar = b.hasBar;
        out.m_blocks.insert(b.key, kept);
    }
    qreal lastRowY = 0;
    for (const Block &o : previous.m_blocks)
        lastRowY = std::max(lastRowY, o.y);
    for (const GraphBlock &b : request.blocks) {
        if (!previous.m_blocks.contains(b.key))
            continue;
        Block &kept = out.m_blocks[b.key];
        const bool lastOfRow = std::none_of(previous.m_blocks.cbegin(), previous.m_blocks.cend(), [&kept](const Block &o) {
            return qFuzzyCompare(o.y + 1, kept.y + 1) && o.x > kept.x;
        });
        if (!lastOfRow)
            continue;
        kept.columns = std::max(kept.columns, wantedColumns(b));
        if (kept.y < lastRowY) {
            // A row below: grow sideways within the lines the block has, so
            // that the rows below stay where they are.
            const BlockWork &w = work[b.key];
            const int lines = std::max({kept.portLines, kept.reservedLines, 1});
            const int topLines = std::max(kept.topLines, 1);
            const int needed = std::max(w.ports, w.loneFars);
            kept.columns = std::max({kept.columns, (needed + lines - 1) / lines, (w.tops + topLines - 1) / topLines});
        }
    }
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const GraphBlock &a, const GraphBlock &b) { return a.sortKey < b.sortKey; });

    // Nodes that stay in their block and band keep their slot.
    QList<const LayoutNode *> toPlace;
    for (const LayoutNode &n : request.nodes) {
        if (!out.m_blocks.contains(n.block))
            continue;   // a node of a block the request does not list: nowhere to go
        if (n.band == LayoutBand::Bar) {
            out.m_slots.insert(n.key, {n.block, LayoutBand::Bar, 0, 0});
            continue;
        }
        const auto it = previous.m_slots.constFind(n.key);
        if (it != previous.m_slots.constEnd() && it->block == n.block && it->band == n.band) {
            out.m_slots.insert(n.key, *it);
            BlockWork &w = work[n.block];
            Band &band = n.band == LayoutBand::Top ? w.top : n.band == LayoutBand::Port ? w.port : w.far;
            band.take(it->line, it->column);
        } else {
            toPlace.append(&n);
        }
    }

    // New ports and uplinks first, so that far ends can go under their port.
    for (const LayoutNode *n : std::as_const(toPlace)) {
        if (n->band != LayoutBand::Top && n->band != LayoutBand::Port)
            continue;
        BlockWork &w = work[n->block];
        const int columns = out.m_blocks.value(n->block).columns;
        const auto cell = (n->band == LayoutBand::Top ? w.top : w.port).takeFirstFree(columns);
        out.m_slots.insert(n->key, {n->block, n->band, cell.first, cell.second});
    }
    for (const LayoutNode *n : std::as_const(toPlace)) {
        if (n->band != LayoutBand::Far)
            continue;
        BlockWork &w = work[n->block];
        bool placed = false;
        for (const QString &anchor : n->anchors) {
            const auto a = out.m_slots.constFind(anchor);
            if (a == out.m_slots.constEnd() || a->block != n->block || a->band != LayoutBand::Port)
                continue;
            if (w.far.isFree(a->line, a->column)) {
                w.far.take(a->line, a->column);
                out.m_slots.insert(n->key, {n->block, LayoutBand::Far, a->line, a->column});
                placed = true;
            }
            break;
        }
        if (!placed) {
            const auto cell = w.far.takeFirstFree(out.m_blocks.value(n->block).columns);
            out.m_slots.insert(n->key, {n->block, LayoutBand::Far, cell.first, cell.second});
        }
    }

    // What the bars and buses span, and how far each block reaches.
    for (Block &b : out.m_blocks) {
        b.usedColumns = 0;
        b.topLines = 0;
        b.portLines = 0;
        b.lastPortColumn.clear();
    }
    for (auto it = out.m_slots.cbegin(); it != out.m_slots.cend(); ++it) {
        Block &b = out.m_blocks[it->block];
        if (it->band == LayoutBand::Bar)
            continue;
        b.usedColumns = std::max(b.usedColumns, it->column + 1);
        if (it->band == LayoutBand::Top) {
            b.topLines = std::max(b.topLines, it->line + 1);
        } else {
            b.portLines = std::max(b.portLines, it->line + 1);
        }
        if (it->band == LayoutBand::Port) {
            while (b.lastPortColumn.size() <= it->line)
                b.lastPortColumn.append(-1);
            b.lastPortColumn[it->line] = std::max(b.lastPortColumn.at(it->line), it->column);
        }
    }

    out.placeBlocks(fresh, previous);
    return out;
}

TopologyLayout TopologyLayout::compute(const LayoutRequest &request)
{
    return compute(request, TopologyLayout());
}

qreal TopologyLayout::Block::width() const
{
    return columns * ColumnWidth - ColumnGap;
}

qreal TopologyLayout::Block::above() const
{
    return topLines > 0 ? Stub + topLines * TopHeight + (topLines - 1) * TopGap : 0;
}

qreal TopologyLayout::Block::below() const
{
    const int lines = std::max(portLines, reservedLines);
    return lines > 0 ? BarHeight + lines * LineHeight - LineGap : BarHeight;
}

void TopologyLayout::placeBlocks(const QList<GraphBlock> &fresh, const TopologyLayout &previous)
{
    // Rows of blocks keep the graph about as wide as high. The width a row
    // may reach is chosen by a full layout and kept by the updates after it.
    m_rowWidth = previous.m_rowWidth;
    if (previous.m_blocks.isEmpty() || m_rowWidth <= 0) {
        qreal area = 0;
        qreal widest = 0;
        for (const Block &b : std::as_const(m_blocks)) {
            area += (b.width() + BlockGap) * (b.above() + b.below() + RowGap);
            widest = std::max(widest, b.width());
        }
        m_rowWidth = std::max({widest, std::sqrt(area * RowAspect), MinRowWidth});
    }

    // The last row, where new blocks go while they fit.
    qreal rowY = 0;
    qreal rowRight = -BlockGap;
    qreal rowAbove = 0;
    bool haveRow = false;
    int rows = 0;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        if (!previous.m_blocks.contains(it.key()))
            continue;
        if (!haveRow || it->y > rowY) {
            rowY = it->y;
            haveRow = true;
        }
    }
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        if (previous.m_blocks.contains(it.key()) && qFuzzyCompare(it->y + 1, rowY + 1)) {
            rowRight = std::max(rowRight, it->x + it->width());
            rowAbove = std::max(rowAbove, it->above());
        }
    }
    QSet<qreal> rowYs;
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        if (previous.m_blocks.contains(it.key()))
            rowYs.insert(it->y);
    }
    rows = int(rowYs.size());

    for (const GraphBlock &g : fresh) {
        Block &b = m_blocks[g.key];
        const bool fits = haveRow && rowRight + BlockGap + b.width() <= m_rowWidth;
        // A block reaching higher than its row would push the row down: only the first row may.
        if (fits && (rows <= 1 || b.above() <= rowAbove)) {
            b.x = rowRight + BlockGap;
            b.y = rowY;
        } else {
            b.x = 0;
            // Below everything; settled by the pass that follows.
            b.y = haveRow ? rowY + 1 : 0;
            rowY = b.y;
            rowAbove = 0;
            haveRow = true;
            ++rows;
        }
        rowRight = b.x + b.width();
        rowAbove = std::max(rowAbove, b.above());
    }

    // Rows never overlap: a row that a block of the row above outgrew moves
    // down, with every row below it. Rows never move up (until a full layout).
    QMap<qreal, QList<Block *>> byRow;
    for (Block &b : m_blocks)
        byRow[b.y].append(&b);
    qreal shift = 0;
    qreal floor = 0;
    bool first = true;
    for (auto row = byRow.begin(); row != byRow.end(); ++row) {
        qreal above = 0;
        qreal below = 0;
        for (Block *b : std::as_const(*row)) {
            above = std::max(above, b->above());
            below = std::max(below, b->below());
        }
        const qreal y = row.key() + shift;
        if (!first && y - above < floor)
            shift += floor - (y - above);
        for (Block *b : std::as_const(*row))
            b->y = row.key() + shift;
        floor = row.key() + shift + below + RowGap;
        first = false;
    }
}

QPointF TopologyLayout::position(const QString &key) const
{
    const auto s = m_slots.constFind(key);
    if (s == m_slots.constEnd())
        return QPointF();
    const Block b = m_blocks.value(s->block);
    const qreal x = b.x + s->column * ColumnWidth;
    switch (s->band) {
    case LayoutBand::Bar:
        return QPointF(b.x, b.y);
    case LayoutBand::Top:
        return QPointF(x, b.y - (Stub + TopHeight) - s->line * (TopHeight + TopGap));
    case LayoutBand::Port:
        return QPointF(x, b.y + BarHeight + s->line * LineHeight + Stub);
    case LayoutBand::Far:
        return QPointF(x, b.y + BarHeight + s->line * LineHeight + Stub + PortHeight + PeerGap);
    }
    return QPointF();
}

QRectF TopologyLayout::slotRect(const QString &key) const
{
    const auto s = m_slots.constFind(key);
    if (s == m_slots.constEnd())
        return QRectF();
    switch (s->band) {
    case LayoutBand::Bar:
        return barRect(s->block);
    case LayoutBand::Top:
        return QRectF(position(key), QSizeF(NodeWidth, TopHeight));
    case LayoutBand::Port:
        return QRectF(position(key), QSizeF(NodeWidth, PortHeight));
    case LayoutBand::Far:
        return QRectF(position(key), QSizeF(NodeWidth, FarHeight));
    }
    return QRectF();
}

QRectF TopologyLayout::barRect(const QString &block) const
{
    const auto b = m_blocks.constFind(block);
    if (b == m_blocks.constEnd() || !b->hasBar)
        return QRectF();
    const int columns = std::max(b->usedColumns, 2);
    return QRectF(b->x, b->y, columns * ColumnWidth - ColumnGap, BarHeight);
}

QList<QLineF> TopologyLayout::busLines(const QString &block) const
{
    QList<QLineF> lines;
    const auto b = m_blocks.constFind(block);
    if (b == m_blocks.constEnd() || !b->hasBar || b->lastPortColumn.size() < 2)
        return lines;
    const qreal trunkX = b->x - TrunkOffset;
    int lastLine = 0;
    for (int line = 1; line < b->lastPortColumn.size(); ++line) {
        if (b->lastPortColumn.at(line) < 0)
            continue;
        const qreal y = b->y + BarHeight + line * LineHeight;
        lines.append(QLineF(trunkX, y, b->x + b->lastPortColumn.at(line) * ColumnWidth + NodeWidth / 2, y));
        lastLine = line;
    }
    if (lastLine > 0) {
        const qreal middle = b->y + BarHeight / 2;
        lines.prepend(QLineF(trunkX, middle, trunkX, b->y + BarHeight + lastLine * LineHeight));
        lines.prepend(QLineF(b->x, middle, trunkX, middle));
    }
    return lines;
}

} // namespace Passerelle
