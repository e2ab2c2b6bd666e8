#include "portdraghandler.h"

#include "nodeitems.h"
#include "nodemenus.h"
#include "topologymodel.h"
#include "topologyscene.h"

#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPen>

namespace Passerelle {

namespace {

// Above every card and edge.
constexpr qreal FeedbackZ = 50;
const QColor DropColor(0x1b, 0x8a, 0x3c);

QPainterPath outlinePath(const NodeItem *item, qreal grow)
{
    QPainterPath path;
    path.addRoundedRect(item->sceneCardRect().adjusted(-grow, -grow, grow, grow), 6, 6);
    return path;
}

} // namespace

PortDragHandler::PortDragHandler(TopologyModel *model, TopologyScene *scene, QGraphicsView *view, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_scene(scene)
    , m_view(view)
{
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
}

PortDragHandler::~PortDragHandler()
{
    if (m_dragging)
        finish(false);
}

void PortDragHandler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled && m_dragging)
        finish(false);
    if (!enabled)
        m_sourceKey.clear();
}

NodeItem *PortDragHandler::nodeAt(const QPoint &viewportPos, bool bridges) const
{
    const QList<QGraphicsItem *> items = m_view->items(viewportPos);
    for (QGraphicsItem *item : items) {
        if (item->zValue() >= FeedbackZ)
            continue;
        auto *node = dynamic_cast<NodeItem *>(item);
        if (!node || !node->isVisible())
            continue;
        if (bridges == (node->type() == BridgeItem::Type))
            return node;
    }
    return nullptr;
}

bool PortDragHandler::canDrag(const NodeItem *item) const
{
    if (!item || item->node().ifindex <= 0)
        return false;
    const int type = item->type();
    if (type != UplinkItem::Type && type != PortItem::Type && type != VethItem::Type)
        return false;
    const std::optional<Link> link = m_model->link(item->node().ifindex);
    return link && NodeMenus::canBridge(*link);
}

bool PortDragHandler::canDrop(const NodeItem *bridge) const
{
    return bridge && bridge->type() == BridgeItem::Type && bridge->node().ifindex > 0;
}

bool PortDragHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        if (m_dragging && event->type() == QEvent::KeyPress
            && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            finish(false);
            return true;
        }
        return false;
    }
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        m_sourceKey.clear();
        if (e->button() == Qt::LeftButton && m_enabled) {
            NodeItem *item = nodeAt(e->position().toPoint(), false);
            if (canDrag(item)) {
                m_sourceKey = item->key();
                m_pressPos = e->position().toPoint();
            }
        }
        return false;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        if (m_dragging) {
            follow(e->position().toPoint());
            return true;
        }
        if (!m_sourceKey.isEmpty() && (e->buttons() & Qt::LeftButton)
            && (e->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            begin();
            if (m_dragging) {
                follow(e->position().toPoint());
                return true;
            }
        }
        return false;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        m_sourceKey.clear();
        if (m_dragging && e->button() == Qt::LeftButton) {
            follow(e->position().toPoint());
            finish(true);
        }
        // The press's item still gets its release, so the scene lets it go.
        return false;
    }
    default:
        return false;
    }
}

void PortDragHandler::begin()
{
    NodeItem *source = m_scene->nodeItem(m_sourceKey);
    if (!canDrag(source))
        return;
    m_dragging = true;
    m_port = source->node().title;
    m_savedCursor = m_view->viewport()->cursor();
    const QPointF from = source->sceneCardRect().center();
    m_line = new QGraphicsLineItem(QLineF(from, from));
    m_line->setPen(QPen(DropColor.darker(110), 2, Qt::DashLine, Qt::RoundCap));
    m_line->setZValue(FeedbackZ);
    m_scene->addItem(m_line);
    for (NodeItem *node : m_scene->nodeItems()) {
        if (!canDrop(node) || !node->isVisible())
            continue;
        auto *outline = new QGraphicsPathItem(outlinePath(node, 4));
        outline->setPen(QPen(DropColor, 1.5, Qt::DashLine));
        outline->setBrush(Qt::NoBrush);
        outline->setZValue(FeedbackZ);
        m_scene->addItem(outline);
        m_outlines.append(outline);
    }
    m_highlight = new QGraphicsPathItem;
    m_highlight->setPen(QPen(DropColor, 3.5));
    QColor fill = DropColor;
    fill.setAlpha(40);
    m_highlight->setBrush(fill);
    m_highlight->setZValue(FeedbackZ + 1);
    m_highlight->setVisible(false);
    m_scene->addItem(m_highlight);
}

void PortDragHandler::follow(const QPoint &viewportPos)
{
    const QPointF at = m_view->mapToScene(viewportPos);
    m_line->setLine(QLineF(m_line->line().p1(), at));
    NodeItem *bridge = nodeAt(viewportPos, true);
    if (canDrop(bridge)) {
        m_target = bridge->node().title;
        m_highlight->setPath(outlinePath(bridge, 4));
        m_highlight->setVisible(true);
        m_view->viewport()->setCursor(Qt::DragLinkCursor);
    } else {
        m_target.clear();
        m_highlight->setVisible(false);
        m_view->viewport()->setCursor(Qt::ForbiddenCursor);
    }
}

void PortDragHandler::finish(bool drop)
{
    const QString port = m_port;
    const QString target = m_target;
    m_dragging = false;
    m_port.clear();
    m_target.clear();
    delete m_line;
    m_line = nullptr;
    qDeleteAll(m_outlines);
    m_outlines.clear();
    delete m_highlight;
    m_highlight = nullptr;
    m_view->viewport()->setCursor(m_savedCursor);
    if (drop && !target.isEmpty())
        Q_EMIT dropped(port, target);
}

} // namespace Passerelle
