#include "nodemenus.h"

#include "topologygraph.h"
#include "topologymodel.h"

#include <QMenu>
#include <QSet>

namespace Passerelle {

NodeMenus::NodeMenus(TopologyModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
}

bool NodeMenus::canBridge(const Link &link)
{
    return link.ifindex > 0 && link.masterIndex == 0 && link.kind != QLatin1String("bridge")
        && link.kind != QLatin1String("loopback");
}

QString NodeMenus::freeBridgeName() const
{
    QSet<QString> taken;
    for (const Link &l : m_model->links())
        taken.insert(l.name);
    for (int i = 0;; ++i) {
        const QString name = QStringLiteral("br%1").arg(i);
        if (!taken.contains(name))
            return name;
    }
}

QAction *NodeMenus::addChange(QMenu *menu, const QString &text, const char *objectName, const LinkChange &change)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(QLatin1String(objectName));
    action->setEnabled(m_blocked.isEmpty());
    connect(action, &QAction::triggered, this, [this, change] { Q_EMIT changeRequested(change); });
    return action;
}

void NodeMenus::addBlockedLine(QMenu *menu)
{
    if (m_blocked.isEmpty())
        return;
    QAction *why = menu->addAction(m_blocked);
    why->setObjectName(QStringLiteral("blockedReason"));
    why->setEnabled(false);
    menu->addSeparator();
}

QMenu *NodeMenus::menuForNode(const GraphNode &node, QWidget *parent)
{
    if (node.ifindex <= 0)
        return nullptr;
    const std::optional<Link> link = m_model->link(node.ifindex);
    if (!link || link->kind == QLatin1String("loopback"))
        return nullptr;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("nodeMenu"));
    addBlockedLine(menu);
    if (link->kind == QLatin1String("bridge"))
        addBridgeEntries(menu, *link);
    else
        addLinkEntries(menu, *link);
    return menu;
}

QMenu *NodeMenus::menuForBackground(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("backgroundMenu"));
    addBlockedLine(menu);
    addChange(menu, tr("New Bridge…"), "newBridge", LinkChange::createBridge(freeBridgeName()));
    return menu;
}

void NodeMenus::addLinkEntries(QMenu *menu, const Link &link)
{
    const std::optional<Link> master = link.masterIndex ? m_model->link(link.masterIndex) : std::nullopt;
    if (canBridge(link)) {
        QMenu *into = menu->addMenu(tr("Bridge Into"));
        into->setObjectName(QStringLiteral("bridgeIntoMenu"));
        into->menuAction()->setObjectName(QStringLiteral("bridgeInto"));
        into->setEnabled(m_blocked.isEmpty());
        for (const Link &l : m_model->links()) {
            if (l.kind != QLatin1String("bridge"))
                continue;
            QAction *a = addChange(into, l.name, "bridgeIntoExisting", LinkChange::bridgePort(link.name, l.name));
            a->setData(l.name);
        }
        if (!into->isEmpty())
            into->addSeparator();
        addChange(into, tr("New Bridge…"), "bridgeIntoNew",
                  LinkChange::bridgePortIntoNew(link.name, freeBridgeName()));
    } else if (master && master->kind == QLatin1String("bridge")) {
        addChange(menu, tr("Remove from %1").arg(master->name), "removeFromBridge",
                  LinkChange::removePort(master->name, link.name));
    }
    if (m_model->roleOf(link.ifindex) == QLatin1String("uplink")
        && (link.masterIndex == 0 || (master && master->kind == QLatin1String("bridge")))) {
        menu->addSeparator();
        QAction *expose = menu->addAction(tr("Expose Containers on This Network…"));
        expose->setObjectName(QStringLiteral("exposeContainers"));
        expose->setEnabled(m_blocked.isEmpty());
        connect(expose, &QAction::triggered, this, [this, port = link.name] { Q_EMIT exposeRequested(port); });
    }
    menu->addSeparator();
    if (link.isUp())
        addChange(menu, tr("Bring Down"), "bringDown", LinkChange::setLinkUp(link.name, false));
    else
        addChange(menu, tr("Bring Up"), "bringUp", LinkChange::setLinkUp(link.name, true));
}

void NodeMenus::addBridgeEntries(QMenu *menu, const Link &bridge)
{
    if (bridge.stp.value_or(false))
        addChange(menu, tr("Turn STP Off"), "stpOff", LinkChange::setStp(bridge.name, false));
    else
        addChange(menu, tr("Turn STP On"), "stpOn", LinkChange::setStp(bridge.name, true));
    if (bridge.isUp())
        addChange(menu, tr("Bring Down"), "bringDown", LinkChange::setLinkUp(bridge.name, false));
    else
        addChange(menu, tr("Bring Up"), "bringUp", LinkChange::setLinkUp(bridge.name, true));
    menu->addSeparator();
    addChange(menu, tr("Delete Bridge"), "deleteBridge", LinkChange::deleteBridge(bridge.name));
}

} // namespace Passerelle
