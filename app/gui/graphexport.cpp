#include "graphexport.h"

#include "topologyscene.h"

#include <QFileInfo>
#include <QGraphicsItem>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>

namespace Passerelle {

namespace {

constexpr qreal Margin = 24;
// Past this many pixels a side, a PNG is scaled down (and still readable
// when zoomed, up to a few thousand nodes).
constexpr qreal MaxPngSide = 16000;

// Item caches hold device pixels for the view; an export draws each item
// afresh, at the export's own resolution and as vectors for SVG.
class CacheOff
{
public:
    explicit CacheOff(QGraphicsScene *scene)
    {
        const QList<QGraphicsItem *> items = scene->items();
        for (QGraphicsItem *item : items) {
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_items.append({item, item->cacheMode()});
                item->setCacheMode(QGraphicsItem::NoCache);
            }
        }
    }
    ~CacheOff()
    {
        for (const auto &[item, mode] : std::as_const(m_items))
            item->setCacheMode(mode);
    }

private:
    QList<QPair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_items;
};

QRectF sourceRect(TopologyScene *scene)
{
    QRectF r = scene->graphRect();
    if (r.isEmpty())
        r = QRectF(0, 0, 200, 100);
    return r.adjusted(-Margin, -Margin, Margin, Margin);
}

} // namespace

bool GraphExport::toPng(TopologyScene *scene, const QString &path, QString *error)
{
    const QRectF source = sourceRect(scene);
    const qreal scale = std::min(1.0, MaxPngSide / std::max(source.width(), source.height()));
    QImage image(QSize(qCeil(source.width() * scale), qCeil(source.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        if (error)
            *error = tr("The graph is too large to be saved as a picture.");
        return false;
    }
    image.fill(Qt::white);
    {
        const CacheOff cacheOff(scene);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        scene->render(&painter, QRectF(image.rect()), source);
    }
    QImageWriter writer(path, "png");
    if (!writer.write(image)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QFileInfo(path).fileName(), writer.errorString());
        return false;
    }
    return true;
}

bool GraphExport::toSvg(TopologyScene *scene, const QString &path, QString *error)
{
    const QRectF source = sourceRect(scene);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Network topology"));
    generator.setDescription(tr("Bridges, interfaces and containers, drawn by Passerelle."));
    {
        const CacheOff cacheOff(scene);
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error)
                *error = tr("Could not write %1.").arg(QFileInfo(path).fileName());
            return false;
        }
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    }
    // QSvgGenerator reports no write errors: check that something landed.
    if (QFileInfo(path).size() <= 0) {
        if (error)
            *error = tr("Could not write %1.").arg(QFileInfo(path).fileName());
        return false;
    }
    return true;
}

} // namespace Passerelle
