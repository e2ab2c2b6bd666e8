// The lines of the topology graph: a port's stub to its bridge's bar (or to
// its line's bus), a veth to its container or namespace, a link to a master
// that is not a bridge; and the buses of bridges whose ports wrap onto
// several lines. Edges follow their nodes: a node that moves asks its edges
// to adjust(), which calls prepareGeometryChange() before the line changes.
#pragma once

#include "topologygraph.h"

#include <QGraphicsItem>
#include <QLineF>
#include <QList>

namespace Passerelle {

class NodeItem;

class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 20 };

    EdgeItem(NodeItem *source, NodeItem *dest, EdgeKind kind);
    ~EdgeItem() override;

    int type() const override { return Type; }
    NodeItem *source() const { return m_source; }
    NodeItem *dest() const { return m_dest; }
    EdgeKind kind() const { return m_kind; }
    QLineF line() const { return m_line; }
    // A veth whose container or namespace sits away from it (the far end is
    // shared with other veths) gets a short stub labelled with the far end's
    // name instead of a long line across the graph.
    bool isReference() const { return m_reference; }

    // Recomputes the line from the nodes' current places.
    void adjust();
    // Shown when both ends are, faded when either is.
    void followEnds();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    NodeItem *m_source;
    NodeItem *m_dest;
    EdgeKind m_kind;
    QLineF m_line;
    bool m_reference = false;
    QRectF m_label;       // the reference's label, in scene coordinates
};

// A bridge's trunk and extra bus lines.
class BusItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 21 };

    BusItem() = default;
    int type() const override { return Type; }
    void setLines(const QList<QLineF> &lines);
    const QList<QLineF> &lines() const { return m_lines; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<QLineF> m_lines;
    QRectF m_bounds;
};

} // namespace Passerelle
