// passerelle-bench-gui: the main window, timed. Started by the benchmark
// driver inside a network namespace (nsenter) on the offscreen platform, it
// builds the window as app/gui/main.cpp does and prints one JSON object:
// CLOCK_MONOTONIC moments of main(), the model's answer, the graph's layout
// and the end of the first paint of the laid-out graph (the driver subtracts
// the moment it spawned the process), and on request the time of frames
// while the view is panned.
//
//   passerelle-bench-gui [--pan FRAMES] [--synthetic]
// --synthetic shows a made-up host of 2,012 nodes (tests/gui/syntheticgraph.h)
// instead of the model, to measure frames at the size the goal names.
#include "benchutil.h"
#include "graphview.h"
#include "mainwindow.h"
#include "nodeitems.h"
#include "syntheticgraph.h"
#include "topologymodel.h"
#include "topologyscene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>

#include <cstdio>
#include <functional>

using namespace Passerelle;

namespace {

// Counts the viewport's paint events and stamps the end of each: the event
// is delivered from inside the filter so that "after" means the view has
// drawn, not that it is about to.
class PaintProbe : public QObject
{
public:
    using QObject::QObject;
    int count = 0;
    qint64 lastEndNs = 0;
    std::function<void(qint64)> onPainted;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside)
            return false;
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        ++count;
        lastEndNs = Bench::nowNs();
        if (onPainted)
            onPainted(lastEndNs);
        return true;
    }

private:
    bool m_inside = false;
};

// Runs the event loop until done() or the deadline; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// Pans over the scene at ZOOM like a drag does, one step per frame, along a
// boustrophedon path. "incremental": the scroll and the repaint Qt then
// schedules (only the uncovered strip is drawn); "full": the whole viewport
// redrawn after each step (the cost of a frame that exposes everything).
QJsonObject pan(GraphView *view, PaintProbe *probe, qreal zoom, int frames)
{
    view->setTransform(QTransform::fromScale(zoom, zoom));
    QScrollBar *h = view->horizontalScrollBar();
    QScrollBar *v = view->verticalScrollBar();
    h->setValue(h->minimum());
    v->setValue(v->minimum());
    QCoreApplication::processEvents();
    const int step = 40;
    int dir = 1;
    auto advance = [&] {
        int nh = h->value() + dir * step;
        int nv = v->value();
        if (nh > h->maximum() || nh < h->minimum()) {
            dir = -dir;
            nh = h->value() + dir * step;
            nv = v->value() + 3 * step > v->maximum() ? v->minimum() : v->value() + 3 * step;
        }
        if (h->maximum() == h->minimum())
            nh = h->value();
        if (nv == v->value() && nh == h->value())
            nv = v->value() + step > v->maximum() ? v->minimum() : v->value() + step;
        h->setValue(nh);
        v->setValue(nv);
    };

    std::vector<double> incremental, full;
    int missed = 0;
    for (int f = 0; f < frames; ++f) {
        const int before = probe->count;
        const qint64 t0 = Bench::nowNs();
        advance();
        // The scroll posts an update request; the frame ends when it is painted.
        QElapsedTimer guard;
        guard.start();
        while (probe->count == before && guard.elapsed() < 500)
            QCoreApplication::processEvents();
        if (probe->count == before) {
            ++missed;
            continue;
        }
        incremental.push_back(Bench::ms(Bench::nowNs() - t0));
    }
    for (int f = 0; f < frames; ++f) {
        advance();
        QCoreApplication::processEvents();
        const int before = probe->count;
        const qint64 t0 = Bench::nowNs();
        view->viewport()->repaint();
        if (probe->count == before) {
            ++missed;
            continue;
        }
        full.push_back(Bench::ms(Bench::nowNs() - t0));
    }
    // Items drawn in one viewport at this zoom.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    int visibleNodes = 0;
    for (QGraphicsItem *item : view->scene()->items(visible)) {
        if (dynamic_cast<NodeItem *>(item))
            ++visibleNodes;
    }
    auto statsJson = [](const std::vector<double> &values) {
        const Bench::Stats s = Bench::stats(values);
        return QJsonObject{{QStringLiteral("n"), s.n}, {QStringLiteral("p50"), s.p50},
                           {QStringLiteral("p90"), s.p90}, {QStringLiteral("p99"), s.p99},
                           {QStringLiteral("max"), s.max}};
    };
    return QJsonObject{{QStringLiteral("zoom"), zoom},
                       {QStringLiteral("incremental"), statsJson(incremental)},
                       {QStringLiteral("full"), statsJson(full)},
                       {QStringLiteral("missed"), missed},
                       {QStringLiteral("visible_nodes"), visibleNodes},
                       {QStringLiteral("viewport"), QStringLiteral("%1x%2").arg(view->viewport()->width()).arg(view->viewport()->height())}};
}

} // namespace

int main(int argc, char *argv[])
{
    const qint64 tMain = Bench::nowNs();
    QApplication app(argc, argv);
    const qint64 tApp = Bench::nowNs();

    const QStringList args = QCoreApplication::arguments();
    const bool synthetic = args.contains(QStringLiteral("--synthetic"));
    const int panIndex = int(args.indexOf(QStringLiteral("--pan")));
    const int panFrames = panIndex > 0 ? args.value(panIndex + 1).toInt() : 0;

    TopologyModel model;
    qint64 tReady = 0, tGraph = 0, tPaint = 0, tShown = 0;
    QObject::connect(&model, &TopologyModel::ready, [&] { tReady = Bench::nowNs(); });
    if (!synthetic) {
        // As main.cpp, but without Docker (the CLI's --no-docker).
        TopologyModel::Options options;
        options.docker = false;
        model.start(options);
    }
    MainWindow window(&model);
    auto *probe = new PaintProbe(&window);
    window.view()->viewport()->installEventFilter(probe);
    bool graphShown = false;
    probe->onPainted = [&](qint64 t) {
        if (graphShown && !tPaint)
            tPaint = t;
    };
    QObject::connect(&window, &MainWindow::graphReady, [&] {
        tGraph = Bench::nowNs();
        graphShown = true;
    });
    QObject::connect(window.scene(), &TopologyScene::graphApplied, [&] {
        if (synthetic && !graphShown) {
            window.view()->fitToWindow();
            tGraph = Bench::nowNs();
            graphShown = true;
        }
    });
    window.show();
    tShown = Bench::nowNs();
    if (synthetic)
        window.scene()->showGraph(buildGraph(Synthetic::host(10, 100, 1, 0)));

    QJsonObject out;
    const bool painted = waitUntil([&] { return tPaint != 0; }, 60000);
    out.insert(QStringLiteral("ok"), painted);
    auto at = [](qint64 t) { return QJsonValue(double(t)); };
    out.insert(QStringLiteral("t_main"), at(tMain));
    out.insert(QStringLiteral("t_app"), at(tApp));
    out.insert(QStringLiteral("t_shown"), at(tShown));
    out.insert(QStringLiteral("t_ready"), at(tReady));
    out.insert(QStringLiteral("t_graph"), at(tGraph));
    out.insert(QStringLiteral("t_paint"), at(tPaint));
    out.insert(QStringLiteral("links"), int(model.links().size()));
    out.insert(QStringLiteral("nodes"), int(window.scene()->nodeItems().size()));
    out.insert(QStringLiteral("edges"), int(window.scene()->edgeItems().size()));
    out.insert(QStringLiteral("buses"), int(window.scene()->busItems().size()));
    out.insert(QStringLiteral("items"), int(window.scene()->items().size()));
    const QRectF rect = window.scene()->sceneRect();
    out.insert(QStringLiteral("scene"), QStringLiteral("%1x%2").arg(qRound(rect.width())).arg(qRound(rect.height())));
    out.insert(QStringLiteral("fit_zoom"), window.view()->zoom());

    if (painted && panFrames > 0) {
        QJsonArray pans;
        for (const qreal zoom : {1.0, 0.5, 0.3})
            pans.append(pan(window.view(), probe, zoom, panFrames));
        // Everything in the window: one full redraw per frame, no scrolling possible.
        window.view()->fitToWindow();
        QCoreApplication::processEvents();
        std::vector<double> fit;
        for (int f = 0; f < panFrames; ++f) {
            const qint64 t0 = Bench::nowNs();
            window.view()->viewport()->repaint();
            fit.push_back(Bench::ms(Bench::nowNs() - t0));
        }
        const Bench::Stats s = Bench::stats(fit);
        out.insert(QStringLiteral("fit"), QJsonObject{{QStringLiteral("zoom"), window.view()->zoom()},
                                                      {QStringLiteral("p50"), s.p50},
                                                      {QStringLiteral("p90"), s.p90},
                                                      {QStringLiteral("max"), s.max}});
        out.insert(QStringLiteral("pan"), pans);
    }
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    model.stop();
    return painted ? 0 : 1;
}
