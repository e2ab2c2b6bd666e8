#include "edgeitems.h"

#include "nodeitems.h"
#include "topologylayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace Passerelle {

namespace {

const QColor PeerColor(0x6b, 0x77, 0x85);
constexpr qreal ReferenceStub = 8;
constexpr qreal ReferenceLabelHeight = 18;
const QColor BusColor(0x34, 0x44, 0x55);

// A straight line between two cards, from the facing sides.
QLineF joinCards(const QRectF &a, const QRectF &b)
{
    if (b.top() >= a.bottom())
        return QLineF(a.center().x(), a.bottom(), b.center().x(), b.top());
    if (b.bottom() <= a.top())
        return QLineF(a.center().x(), a.top(), b.center().x(), b.bottom());
    if (b.left() >= a.right())
        return QLineF(a.right(), a.center().y(), b.left(), b.center().y());
    return QLineF(a.left(), a.center().y(), b.right(), b.center().y());
}

} // namespace

EdgeItem::EdgeItem(NodeItem *source, NodeItem *dest, EdgeKind kind)
    : m_source(source)
    , m_dest(dest)
    , m_kind(kind)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    m_source->addEdge(this);
    m_dest->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    m_source->removeEdge(this);
    m_dest->removeEdge(this);
}

void EdgeItem::adjust()
{
    const QRectF from = m_source->sceneCardRect();
    const QRectF to = m_dest->sceneCardRect();
    QLineF line;
    if (m_kind == EdgeKind::BusPort) {
        // A short vertical stub: down to the bar from an uplink above it, up
        // to the bus of the port's line from a port below it.
        const qreal x = from.center().x();
        if (from.bottom() <= to.top())
            line = QLineF(x, from.bottom(), x, to.top());
        else
            line = QLineF(x, from.top(), x, from.top() - LayoutMetrics::Stub);
    }
    bool reference = false;
    QRectF label;
    if (m_kind == EdgeKind::Peer) {
        const bool farEnd = m_dest->node().band == LayoutBand::Far && m_source->node().band == LayoutBand::Port;
        const bool rightBelow = qAbs(to.center().x() - from.center().x()) < 1 && to.top() >= from.bottom()
            && to.top() - from.bottom() <= LayoutMetrics::PeerGap + 1;
        reference = farEnd && !rightBelow;
        if (reference) {
            const qreal x = from.center().x();
            line = QLineF(x, from.bottom(), x, from.bottom() + ReferenceStub);
            label = QRectF(from.left() + 8, from.bottom() + ReferenceStub, from.width() - 16, ReferenceLabelHeight);
        } else {
            line = joinCards(from, to);
        }
    } else if (m_kind == EdgeKind::Master) {
        line = joinCards(from, to);
    }
    if (line == m_line && reference == m_reference && label == m_label)
        return;
    prepareGeometryChange();
    m_line = line;
    m_reference = reference;
    m_label = label;
}

void EdgeItem::followEnds()
{
    setVisible(m_source->isVisible() && m_dest->isVisible());
    setOpacity(std::min(m_source->opacity(), m_dest->opacity()));
}

QRectF EdgeItem::boundingRect() const
{
    return (QRectF(m_line.p1(), m_line.p2()).normalized() | m_label).adjusted(-3, -3, 3, 3);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    QPen pen;
    switch (m_kind) {
    case EdgeKind::BusPort:
        pen = QPen(stateColor(m_source->node().state), 2.5);
        break;
    case EdgeKind::Peer:
        pen = QPen(PeerColor, 1.5);
        break;
    case EdgeKind::Master:
        pen = QPen(PeerColor, 1.5, Qt::DashLine);
        break;
    }
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    painter->drawLine(m_line);
    if (!m_reference || option->levelOfDetailFromTransform(painter->worldTransform()) < 0.45)
        return;
    QFont font = QGuiApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetricsF fm(font);
    const QString text =
        fm.elidedText(TopologyText::tr("→ %1", "a veth's far end shown elsewhere").arg(m_dest->node().title),
                      Qt::ElideMiddle, m_label.width() - 10);
    const qreal width = std::min(m_label.width(), fm.horizontalAdvance(text) + 12);
    const QRectF pill(m_label.center().x() - width / 2, m_label.top(), width, m_label.height());
    painter->setPen(QPen(PeerColor, 1));
    painter->setBrush(QColor(0xf7, 0xf7, 0xf5));
    painter->drawRoundedRect(pill, m_label.height() / 2, m_label.height() / 2);
    painter->setFont(font);
    painter->setPen(QColor(0x35, 0x40, 0x4c));
    painter->drawText(pill, Qt::AlignCenter, text);
}

void BusItem::setLines(const QList<QLineF> &lines)
{
    if (lines == m_lines)
        return;
    prepareGeometryChange();
    m_lines = lines;
    QRectF bounds;
    for (const QLineF &l : lines)
        bounds |= QRectF(l.p1(), l.p2()).normalized();
    m_bounds = bounds.adjusted(-3, -3, 3, 3);
}

QRectF BusItem::boundingRect() const
{
    return m_bounds;
}

void BusItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QPen pen(BusColor, 3);
    pen.setCapStyle(Qt::SquareCap);
    painter->setPen(pen);
    painter->drawLines(m_lines);
}

} // namespace Passerelle
