#include "nodeitems.h"

#include "edgeitems.h"
#include "topologylayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace Passerelle {

using namespace LayoutMetrics;

namespace {

constexpr qreal Radius = 6;
constexpr qreal HaloMargin = 5;
constexpr qreal TextLeft = 14;     // after the state strip
constexpr qreal GlyphRoom = 22;    // right of the text, for the state glyph
// Below these levels of detail the text is unreadable anyway: skip it, then
// the glyph and rounded corners too.
constexpr qreal TextLod = 0.45;
constexpr qreal ShapeLod = 0.2;

const QColor Outline(0x9a, 0xa5, 0xb1);
const QColor Ink(0x1f, 0x29, 0x33);
const QColor SoftInk(0x52, 0x5f, 0x6b);
const QColor SelectedOutline(0x1e, 0x6f, 0xd9);
const QColor HaloColor(0xff, 0xc8, 0x2e, 170);

QFont titleFont()
{
    QFont f = QGuiApplication::font();
    f.setBold(true);
    return f;
}

QFont textFont()
{
    QFont f = QGuiApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}

} // namespace

QColor stateColor(NodeState state)
{
    switch (state) {
    case NodeState::Up:
        return QColor(0x2e, 0x9d, 0x4f);
    case NodeState::NoCarrier:
        return QColor(0xe0, 0x9b, 0x00);
    case NodeState::Down:
        return QColor(0x8c, 0x95, 0x9f);
    case NodeState::Unknown:
        break;
    }
    return QColor(0x6b, 0x7a, 0x8f);
}

NodeItem::NodeItem(const GraphNode &node)
    : m_node(node)
{
    setFlag(ItemIsSelectable);
    setFlag(ItemSendsGeometryChanges);
    // Cards are redrawn only when their content changes, not on every pan.
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    updateToolTip();
}

NodeItem::~NodeItem() = default;

void NodeItem::setNode(const GraphNode &node)
{
    const bool repaint = !m_node.sameLook(node);
    // A port card moving above the bars changes size (see PortItem).
    const bool reshape = node.band != m_node.band;
    if (reshape)
        prepareGeometryChange();
    m_node = node;
    if (reshape) {
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    }
    if (repaint) {
        updateToolTip();
        update();
    }
}

void NodeItem::setMatch(Match match)
{
    if (m_match == match)
        return;
    m_match = match;
    setOpacity(match == Match::Miss ? 0.22 : 1.0);
    update();
}

void NodeItem::updateToolTip()
{
    QStringList lines{m_node.title, m_node.subtitle, m_node.detail};
    lines.removeAll(QString());
    setToolTip(lines.join(QLatin1Char('\n')));
}

QRectF NodeItem::boundingRect() const
{
    return cardRect().adjusted(-HaloMargin, -HaloMargin, HaloMargin, HaloMargin);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

QColor NodeItem::fillColor() const
{
    return Qt::white;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < ShapeLod) {
        painter->fillRect(cardRect(), stateColor(m_node.state).lighter(isSelected() ? 100 : 150));
        return;
    }
    paintHalo(painter);
    paintCard(painter, lod);
    if (lod >= TextLod) {
        const QRectF card = cardRect();
        paintText(painter, card.adjusted(TextLeft, 4, -GlyphRoom, -3), Ink, SoftInk);
    }
}

void NodeItem::paintHalo(QPainter *painter) const
{
    if (m_match != Match::Hit)
        return;
    painter->setPen(Qt::NoPen);
    painter->setBrush(HaloColor);
    painter->drawRoundedRect(cardRect().adjusted(-HaloMargin + 1, -HaloMargin + 1, HaloMargin - 1, HaloMargin - 1),
                             Radius + 3, Radius + 3);
}

void NodeItem::paintCard(QPainter *painter, qreal lod) const
{
    const QRectF card = cardRect();
    const bool down = m_node.state == NodeState::Down;
    QPen outline(isSelected() ? SelectedOutline : Outline, isSelected() ? 2.5 : 1.0);
    if (dashedOutline() || down)
        outline.setStyle(isSelected() ? Qt::SolidLine : Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(down ? QColor(0xf1, 0xf2, 0xf4) : fillColor());
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);

    if (m_node.state != NodeState::Unknown) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(stateColor(m_node.state));
        painter->drawRoundedRect(QRectF(card.left() + 4, card.top() + 4, 5, card.height() - 8), 2, 2);
    }
    if (lod >= TextLod)
        paintStateGlyph(painter, QPointF(card.right() - 12, card.top() + 12), stateColor(m_node.state));
}

void NodeItem::paintStateGlyph(QPainter *painter, const QPointF &c, const QColor &color) const
{
    switch (m_node.state) {
    case NodeState::Up:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(c, 5, 5);
        break;
    case NodeState::Down:
        painter->setPen(QPen(color, 1.8));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(c, 4.5, 4.5);
        break;
    case NodeState::NoCarrier: {
        QPainterPath triangle;
        triangle.moveTo(c.x(), c.y() - 6);
        triangle.lineTo(c.x() + 6, c.y() + 5);
        triangle.lineTo(c.x() - 6, c.y() + 5);
        triangle.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(triangle);
        break;
    }
    case NodeState::Unknown:
        break;
    }
}

void NodeItem::paintText(QPainter *painter, const QRectF &area, const QColor &ink, const QColor &softInk) const
{
    const QFont bold = titleFont();
    const QFont normal = textFont();
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF normalMetrics(normal);
    const bool down = m_node.state == NodeState::Down;

    qreal y = area.top();
    auto line = [&](const QString &text, const QFont &font, const QFontMetricsF &fm, const QColor &color) {
        if (text.isEmpty() || y + fm.height() > area.bottom() + 1)
            return;
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(QPointF(area.left(), y + fm.ascent()), fm.elidedText(text, Qt::ElideMiddle, area.width()));
        y += fm.height();
    };
    line(m_node.title, bold, boldMetrics, down ? softInk : ink);
    line(m_node.subtitle, normal, normalMetrics, softInk);
    line(m_node.detail, normal, normalMetrics, softInk);
}

QRectF UplinkItem::cardRect() const
{
    return QRectF(0, 0, NodeWidth, TopHeight);
}

QColor UplinkItem::fillColor() const
{
    return QColor(0xe9, 0xf2, 0xfc);
}

QRectF PortItem::cardRect() const
{
    // Above the bars it is a host interface, under one a port: the slot decides.
    return QRectF(0, 0, NodeWidth, m_node.band == LayoutBand::Top ? TopHeight : PortHeight);
}

QRectF BridgeItem::cardRect() const
{
    return QRectF(0, 0, std::max(m_width, NodeWidth), BarHeight);
}

void BridgeItem::setWidth(qreal width)
{
    if (qFuzzyCompare(width, m_width))
        return;
    prepareGeometryChange();
    m_width = width;
    for (EdgeItem *edge : std::as_const(m_edges))
        edge->adjust();
}

void BridgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF bar = cardRect();
    const bool down = m_node.state == NodeState::Down;
    const QColor fill = down ? QColor(0x80, 0x8a, 0x95) : QColor(0x34, 0x44, 0x55);
    // A lighter state colour reads better on the dark bar.
    const QColor state = stateColor(m_node.state).lighter(125);
    if (lod < ShapeLod) {
        painter->fillRect(bar, fill);
        return;
    }
    paintHalo(painter);
    painter->setPen(isSelected() ? QPen(SelectedOutline, 3) : Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(bar.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(state);
    painter->drawRoundedRect(QRectF(bar.left() + 4, bar.top() + 4, 5, bar.height() - 8), 2, 2);
    if (lod < TextLod)
        return;
    paintStateGlyph(painter, QPointF(bar.right() - 12, bar.top() + 12), state);

    const QRectF area = bar.adjusted(TextLeft, 4, -GlyphRoom, -3);
    const QFont bold = titleFont();
    const QFont normal = textFont();
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF normalMetrics(normal);
    painter->setFont(bold);
    painter->setPen(Qt::white);
    painter->drawText(QPointF(area.left(), area.top() + boldMetrics.ascent()),
                      boldMetrics.elidedText(m_node.title, Qt::ElideMiddle, area.width()));
    const QString second = m_node.detail.isEmpty()
        ? m_node.subtitle
        : TopologyText::tr("%1 · %2", "bridge kind and state · details").arg(m_node.subtitle, m_node.detail);
    painter->setFont(normal);
    painter->setPen(QColor(0xdc, 0xe4, 0xec));
    painter->drawText(QPointF(area.left(), area.top() + boldMetrics.height() + normalMetrics.ascent()),
                      normalMetrics.elidedText(second, Qt::ElideRight, area.width()));
}

QRectF VethItem::cardRect() const
{
    return QRectF(0, 0, NodeWidth, PortHeight);
}

QRectF ContainerItem::cardRect() const
{
    return QRectF(0, 0, NodeWidth, FarHeight);
}

QColor ContainerItem::fillColor() const
{
    return QColor(0xf3, 0xee, 0xfc);
}

QRectF NamespaceItem::cardRect() const
{
    return QRectF(0, 0, NodeWidth, FarHeight);
}

QColor NamespaceItem::fillColor() const
{
    return QColor(0xf7, 0xf7, 0xf5);
}

NodeItem *createNodeItem(const GraphNode &node)
{
    switch (node.kind) {
    case NodeKind::Uplink:
        return new UplinkItem(node);
    case NodeKind::Port:
        return new PortItem(node);
    case NodeKind::Bridge:
        return new BridgeItem(node);
    case NodeKind::Veth:
        return new VethItem(node);
    case NodeKind::Container:
        return new ContainerItem(node);
    case NodeKind::Namespace:
        return new NamespaceItem(node);
    }
    return new PortItem(node);
}

} // namespace Passerelle
