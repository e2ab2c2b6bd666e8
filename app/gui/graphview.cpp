#include "graphview.h"

#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Passerelle {

namespace {

constexpr qreal MinZoom = 0.03;
constexpr qreal MaxZoom = 4.0;
constexpr qreal Step = 1.25;

} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    // Items keep a margin for their pens; the painter state is restored by each item.
    setOptimizationFlag(DontAdjustForAntialiasing);
    setOptimizationFlag(DontSavePainterState);
    setViewportUpdateMode(SmartViewportUpdate);
    setBackgroundBrush(QColor(0xfb, 0xfc, 0xfd));
}

void GraphView::zoomIn()
{
    m_userMoved = true;
    zoomBy(Step);
}

void GraphView::zoomOut()
{
    m_userMoved = true;
    zoomBy(1 / Step);
}

void GraphView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal f = target / zoom();
    scale(f, f);
}

void GraphView::fitToWindow()
{
    if (!scene())
        return;
    const QRectF rect = scene()->sceneRect();
    if (rect.isEmpty())
        return;
    fitInView(rect, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setTransform(QTransform());
    else if (zoom() < MinZoom)
        setTransform(QTransform::fromScale(MinZoom, MinZoom));
    centerOn(rect.center());
    m_userMoved = false;
}

void GraphView::centerOnRect(const QRectF &rect)
{
    if (zoom() < 0.5)
        setTransform(QTransform());
    centerOn(rect.center());
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0) {
            m_userMoved = true;
            zoomBy(std::pow(Step, delta / 120.0));
        }
        event->accept();
        return;
    }
    m_userMoved = true;
    QGraphicsView::wheelEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_userMoved = true;
    QGraphicsView::mousePressEvent(event);
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, backgroundBrush());
}

} // namespace Passerelle
