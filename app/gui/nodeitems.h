// The nodes of the topology graph, one QGraphicsItem class per kind with its
// own Type: uplinks and other host interfaces, bridges (a switch-like bar),
// veths, containers, and namespaces whose owner is not a known container.
// Each draws a card from a GraphNode; state is shown by colour, by a glyph
// (filled dot: up, hollow dot: down, triangle: no carrier) and in words.
#pragma once

#include "topologygraph.h"

#include <QGraphicsItem>
#include <QList>

namespace Passerelle {

class EdgeItem;

class NodeItem : public QGraphicsItem
{
public:
    // How the search box sees this node.
    enum class Match { None, Hit, Miss };

    explicit NodeItem(const GraphNode &node);
    ~NodeItem() override;

    const GraphNode &node() const { return m_node; }
    QString key() const { return m_node.key; }
    // New text or state; repaints only when something shows differently.
    void setNode(const GraphNode &node);

    void setMatch(Match match);
    Match match() const { return m_match; }

    void addEdge(EdgeItem *edge) { m_edges.append(edge); }
    void removeEdge(EdgeItem *edge) { m_edges.removeAll(edge); }
    const QList<EdgeItem *> &edges() const { return m_edges; }

    // The card in item coordinates (the bounding rect adds room for halos).
    virtual QRectF cardRect() const = 0;
    QRectF sceneCardRect() const { return cardRect().translated(pos()); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    // Fill and outline of the card; the default is a light card with a state strip.
    virtual QColor fillColor() const;
    virtual bool dashedOutline() const { return false; }
    void paintHalo(QPainter *painter) const;
    void paintCard(QPainter *painter, qreal lod) const;
    void paintText(QPainter *painter, const QRectF &area, const QColor &ink, const QColor &softInk) const;
    void paintStateGlyph(QPainter *painter, const QPointF &center, const QColor &onColor) const;
    void updateToolTip();

    GraphNode m_node;
    Match m_match = Match::None;
    QList<EdgeItem *> m_edges;
};

class UplinkItem : public NodeItem
{
public:
    enum { Type = UserType + 1 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;

protected:
    QColor fillColor() const override;
};

// Host interfaces that are neither uplink, bridge nor veth (tun, vxlan, ...),
// above the bars or as bridge ports.
class PortItem : public NodeItem
{
public:
    enum { Type = UserType + 2 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;
};

class BridgeItem : public NodeItem
{
public:
    enum { Type = UserType + 3 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;
    // The bar spans the columns of its ports.
    void setWidth(qreal width);
    qreal width() const { return m_width; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    qreal m_width = 0;
};

class VethItem : public NodeItem
{
public:
    enum { Type = UserType + 4 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;
};

class ContainerItem : public NodeItem
{
public:
    enum { Type = UserType + 5 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;

protected:
    QColor fillColor() const override;
};

// The far end of a veth that no known container holds: a named namespace,
// another runtime's container, or "namespace N, owner unknown".
class NamespaceItem : public NodeItem
{
public:
    enum { Type = UserType + 6 };
    using NodeItem::NodeItem;
    int type() const override { return Type; }
    QRectF cardRect() const override;

protected:
    QColor fillColor() const override;
    bool dashedOutline() const override { return true; }
};

NodeItem *createNodeItem(const GraphNode &node);

// Colours of the states, shared with the table.
QColor stateColor(NodeState state);

} // namespace Passerelle
