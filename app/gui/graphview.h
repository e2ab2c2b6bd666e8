// The view on the topology graph: Ctrl+wheel zooms around the pointer,
// dragging the background pans, and the first graph is fitted to the window.
#pragma once

#include <QGraphicsView>

namespace Passerelle {

class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    // True once the user zoomed or panned: updates then leave the view alone.
    bool userMoved() const { return m_userMoved; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    // Whole graph in the window, never magnified beyond its natural size.
    void fitToWindow();
    void centerOnRect(const QRectF &rect);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void zoomBy(qreal factor);
    bool m_userMoved = false;
};

} // namespace Passerelle
