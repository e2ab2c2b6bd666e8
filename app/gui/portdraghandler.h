// Dragging a port, uplink or veth card onto a bridge's bar means "bridge it
// into that bridge". Watches the graph view's viewport: a press on a card
// that can become a port, then a move beyond the drag distance, starts the
// drag; a dashed line follows the pointer, every bridge that can take the
// link is outlined, the one under the pointer strongly, and the cursor says
// whether a drop there does anything. Releasing on such a bridge emits
// dropped(); Escape or a release elsewhere cancels. Clicks and panning the
// background work as before.
#pragma once

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QString>

class QGraphicsLineItem;
class QGraphicsPathItem;
class QGraphicsView;

namespace Passerelle {

class NodeItem;
class TopologyModel;
class TopologyScene;

class PortDragHandler : public QObject
{
    Q_OBJECT
public:
    PortDragHandler(TopologyModel *model, TopologyScene *scene, QGraphicsView *view, QObject *parent = nullptr);
    ~PortDragHandler() override;

    // No drag starts while this is false (a change is running).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    bool isDragging() const { return m_dragging; }
    // The bridge a drop would go to now; empty when none.
    QString targetBridge() const { return m_target; }

Q_SIGNALS:
    void dropped(const QString &port, const QString &bridge);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    NodeItem *nodeAt(const QPoint &viewportPos, bool bridges) const;
    bool canDrag(const NodeItem *item) const;
    bool canDrop(const NodeItem *bridge) const;
    void begin();
    void follow(const QPoint &viewportPos);
    void finish(bool drop);

    TopologyModel *m_model;
    TopologyScene *m_scene;
    QGraphicsView *m_view;
    bool m_enabled = true;

    QString m_sourceKey;      // pressed on, not dragging yet
    QPoint m_pressPos;
    bool m_dragging = false;
    QString m_port;
    QString m_target;
    QGraphicsLineItem *m_line = nullptr;
    QList<QGraphicsPathItem *> m_outlines;   // every bridge that can take the port
    QGraphicsPathItem *m_highlight = nullptr; // the one under the pointer
    QCursor m_savedCursor;
};

} // namespace Passerelle
