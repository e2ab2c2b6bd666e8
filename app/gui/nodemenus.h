// The right-click menus of the graph: what can be done to the node under
// the pointer, or to the host from the background. A port, uplink or veth:
// "Bridge Into" (each bridge, or a new one), "Remove from" its bridge,
// "Bring Up" or "Bring Down"; a bridge: "Delete Bridge", STP on or off,
// up or down; the background: "New Bridge…"; an uplink (a physical port, or
// the link of the default route) also "Expose Containers on This
// Network…", which opens the expose wizard. Each entry emits the
// LinkChange it stands for; nothing is changed here. The menus are built
// from the model when they open, so they always match what is on screen.
#pragma once

#include "linkchange.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace Passerelle {

struct GraphNode;
struct Link;
class TopologyModel;

class NodeMenus : public QObject
{
    Q_OBJECT
public:
    explicit NodeMenus(TopologyModel *model, QObject *parent = nullptr);

    // A new menu for NODE, or nullptr when nothing can be done to it
    // (containers, namespaces). The caller owns it.
    QMenu *menuForNode(const GraphNode &node, QWidget *parent);
    QMenu *menuForBackground(QWidget *parent);

    // While a change runs or waits for confirmation, the entries are shown
    // disabled, under a line that says why.
    void setBlockedReason(const QString &reason) { m_blocked = reason; }
    QString blockedReason() const { return m_blocked; }

    // Whether a change can make LINK a port: a host link that is neither a
    // bridge, the loopback, nor already a port of something.
    static bool canBridge(const Link &link);
    // The first of br0, br1... that no link is named.
    QString freeBridgeName() const;

Q_SIGNALS:
    void changeRequested(const Passerelle::LinkChange &change);
    // The expose wizard for PORT.
    void exposeRequested(const QString &port);

private:
    void addLinkEntries(QMenu *menu, const Link &link);
    void addBridgeEntries(QMenu *menu, const Link &bridge);
    QAction *addChange(QMenu *menu, const QString &text, const char *objectName, const LinkChange &change);
    void addBlockedLine(QMenu *menu);

    TopologyModel *m_model;
    QString m_blocked;
};

} // namespace Passerelle
