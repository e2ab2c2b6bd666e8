#include "topologymodel.h"

#include "dockerclient.h"
#include "logging.h"
#include "namespaceowners.h"
#include "netlinkmonitor.h"

#include <QMap>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace Passerelle {

class TopologyModel::Private
{
public:
    explicit Private(TopologyModel *q) : q(q) {}

    TopologyModel *q;
    Options options;

    // Readers, each in a thread of its own (see the class comment).
    QThread netlinkThread;
    QThread dockerThread;
    QThread ownersThread;
    NetlinkMonitor *netlink = nullptr;
    DockerClient *docker = nullptr;
    NamespaceOwners *owners = nullptr;

    QMap<int, Link> links;
    QList<DefaultRoute> routes;
    QHash<QString, Container> containers;
    DockerStatus dockerStatus;

    // Owners of namespaces that no container claims, by nsid, from NamespaceOwners.
    QHash<int, Owner> namespaceOwners;
    QSet<int> ownersAsked;         // in flight
    QSet<int> ownersWanted;        // to ask at the next flush
    QTimer ownersTimer;            // coalesces bursts of new namespaces
    QHash<int, Owner> ownerByLink; // what was last reported per ifindex

    bool netlinkReady = false;
    bool dockerReady = false;
    bool ready = false;

    void startThreads();
    void stopThreads();

    void applyNetlinkSnapshot(const QList<Link> &newLinks, const QList<DefaultRoute> &newRoutes);
    void applyLink(const Link &link);
    void removeLink(int ifindex);
    void applyContainers(const QList<Container> &list);
    void applyContainer(Container c);
    void removeContainer(const QString &id);
    void applyNamespaceOwners(const QHash<int, Owner> &found);

    Owner computeOwner(const Link &link) const;
    bool claimedByContainer(int nsid) const;
    void refreshLinkOwner(const Link &link);
    void refreshOwners(const QSet<int> &nsids);
    void refreshAllOwners();
    void requestOwners();
    void flushOwnerRequests();
    void dropUnusedNamespaceIds();
    void rematchContainers();
    void checkReady();
};

void TopologyModel::Private::startThreads()
{
    // Threads inherit the network namespace of the thread that creates them,
    // so the readers see the namespace this model was started in.
    netlink = new NetlinkMonitor;
    netlink->moveToThread(&netlinkThread);
    QObject::connect(&netlinkThread, &QThread::finished, netlink, &QObject::deleteLater);
    QObject::connect(netlink, &NetlinkMonitor::snapshot, q,
                     [this](const QList<Link> &l, const QList<DefaultRoute> &r) { applyNetlinkSnapshot(l, r); });
    QObject::connect(netlink, &NetlinkMonitor::linkChanged, q, [this](const Link &l) { applyLink(l); });
    QObject::connect(netlink, &NetlinkMonitor::linkRemoved, q, [this](int ifindex) { removeLink(ifindex); });
    QObject::connect(netlink, &NetlinkMonitor::defaultRoutesChanged, q, [this](const QList<DefaultRoute> &r) {
        if (r == routes)
            return;
        routes = r;
        Q_EMIT q->defaultRoutesChanged();
    });
    QObject::connect(netlink, &NetlinkMonitor::failed, q, [this](const QString &reason) {
        netlinkReady = true;
        Q_EMIT q->netlinkFailed(reason);
        checkReady();
    });
    netlinkThread.setObjectName(QStringLiteral("passerelle-netlink"));
    netlinkThread.start();
    const bool live = options.live;
    QMetaObject::invokeMethod(netlink, [n = netlink, live] { n->start(live); }, Qt::QueuedConnection);

    owners = new NamespaceOwners;
    owners->moveToThread(&ownersThread);
    QObject::connect(&ownersThread, &QThread::finished, owners, &QObject::deleteLater);
    QObject::connect(owners, &NamespaceOwners::resolved, q,
                     [this](const QHash<int, Owner> &found) { applyNamespaceOwners(found); });
    ownersThread.setObjectName(QStringLiteral("passerelle-owners"));
    ownersThread.start();

    if (!options.docker) {
        dockerReady = true;
        return;
    }
    docker = new DockerClient(options.dockerEndpoint);
    docker->moveToThread(&dockerThread);
    QObject::connect(&dockerThread, &QThread::finished, docker, &QObject::deleteLater);
    QObject::connect(docker, &DockerClient::statusChanged, q, [this](const DockerStatus &s) {
        if (s.state == DockerStatus::State::Unavailable) {
            // Containers of a daemon we cannot see are not known to be running.
            const QStringList ids = containers.keys();
            for (const QString &id : ids)
                removeContainer(id);
            dockerReady = true;
            requestOwners();
        }
        if (s != dockerStatus) {
            const bool wasConnected = dockerStatus.state == DockerStatus::State::Connected;
            dockerStatus = s;
            Q_EMIT q->dockerStatusChanged(s);
            if (wasConnected != (s.state == DockerStatus::State::Connected))
                refreshAllOwners();
        }
        checkReady();
    });
    QObject::connect(docker, &DockerClient::containersReset, q,
                     [this](const QList<Container> &list) { applyContainers(list); });
    QObject::connect(docker, &DockerClient::containerUpdated, q, [this](const Container &c) { applyContainer(c); });
    QObject::connect(docker, &DockerClient::containerRemoved, q, [this](const QString &id) { removeContainer(id); });
    dockerThread.setObjectName(QStringLiteral("passerelle-docker"));
    dockerThread.start();
    QMetaObject::invokeMethod(docker, [c = docker, live] { c->start(live); }, Qt::QueuedConnection);
}

void TopologyModel::Private::stopThreads()
{
    // stop() runs in each reader's own thread, then the thread ends and
    // deletes its reader.
    if (netlink)
        QMetaObject::invokeMethod(netlink, &NetlinkMonitor::stop, Qt::BlockingQueuedConnection);
    if (docker)
        QMetaObject::invokeMethod(docker, &DockerClient::stop, Qt::BlockingQueuedConnection);
    for (QThread *t : {&netlinkThread, &dockerThread, &ownersThread}) {
        t->quit();
        t->wait();
    }
    netlink = nullptr;
    docker = nullptr;
    owners = nullptr;
}

// A snapshot (first dump, or re-dump after an overrun) is applied as the
// differences to what we had, so views and `monitor` see ordinary changes.
void TopologyModel::Private::applyNetlinkSnapshot(const QList<Link> &newLinks, const QList<DefaultRoute> &newRoutes)
{
    const bool first = !netlinkReady;
    QSet<int> present;
    for (const Link &l : newLinks)
        present.insert(l.ifindex);
    const QList<int> known = links.keys();
    for (int ifindex : known) {
        if (!present.contains(ifindex))
            removeLink(ifindex);
    }
    for (const Link &l : newLinks)
        applyLink(l);
    if (newRoutes != routes) {
        routes = newRoutes;
        Q_EMIT q->defaultRoutesChanged();
    }
    netlinkReady = true;
    if (!first)
        Q_EMIT q->reset();
    checkReady();
}

void TopologyModel::Private::applyLink(const Link &link)
{
    const auto it = links.find(link.ifindex);
    if (it == links.end()) {
        links.insert(link.ifindex, link);
        Q_EMIT q->linkAdded(link);
        if (link.masterIndex != 0 && links.contains(link.masterIndex))
            Q_EMIT q->portJoined(link, links.value(link.masterIndex));
    } else {
        if (*it == link)
            return;
        const Link before = *it;
        *it = link;
        Q_EMIT q->linkChanged(before, link);
        if (before.masterIndex != link.masterIndex) {
            if (before.masterIndex != 0)
                Q_EMIT q->portLeft(link, before.masterIndex, links.value(before.masterIndex).name);
            if (link.masterIndex != 0 && links.contains(link.masterIndex))
                Q_EMIT q->portJoined(link, links.value(link.masterIndex));
        }
    }
    if (link.peerNetnsId >= 0 && !namespaceOwners.contains(link.peerNetnsId)
        && !claimedByContainer(link.peerNetnsId)) {
        // A namespace we have not seen: a container whose nsid was not
        // assigned when Docker told us about it, or somebody else's.
        rematchContainers();
        if (!claimedByContainer(link.peerNetnsId)) {
            ownersWanted.insert(link.peerNetnsId);
            requestOwners();
        }
    }
    refreshLinkOwner(link);
}

bool TopologyModel::Private::claimedByContainer(int nsid) const
{
    return std::any_of(containers.cbegin(), containers.cend(), [nsid](const Container &c) { return c.netnsId == nsid; });
}

void TopologyModel::Private::removeLink(int ifindex)
{
    const auto it = links.find(ifindex);
    if (it == links.end())
        return;
    const Link gone = *it;
    links.erase(it);
    ownerByLink.remove(ifindex);
    if (gone.masterIndex != 0)
        Q_EMIT q->portLeft(gone, gone.masterIndex, links.value(gone.masterIndex).name);
    Q_EMIT q->linkRemoved(gone);
    if (gone.peerNetnsId >= 0)
        dropUnusedNamespaceIds();
}

// The kernel reuses a namespace id as soon as its namespace is gone. Once no
// link refers to an id any more, forget whom it belonged to, so a new
// namespace that gets the same id is never shown with the old owner.
void TopologyModel::Private::dropUnusedNamespaceIds()
{
    QSet<int> used;
    for (const Link &l : std::as_const(links))
        used.insert(l.peerNetnsId);
    for (auto it = namespaceOwners.begin(); it != namespaceOwners.end();) {
        if (!used.contains(it.key()))
            it = namespaceOwners.erase(it);
        else
            ++it;
    }
    for (auto it = containers.begin(); !containers.isEmpty() && it != containers.end(); ++it) {
        if (it->netnsId >= 0 && !used.contains(it->netnsId))
            it->netnsId = -1;
    }
}

// Containers whose nsid is unknown are asked again (by pid) when a link
// points into a namespace nobody claims yet.
void TopologyModel::Private::rematchContainers()
{
    if (containers.isEmpty())
        return; // iterating non-const would allocate an empty hash's buckets
    QSet<int> changed;
    for (Container &c : containers) {
        if (c.netnsId >= 0 || c.pid <= 0)
            continue;
        c.netnsId = NetlinkMonitor::netnsIdForPid(c.pid);
        if (c.netnsId >= 0)
            changed.insert(c.netnsId);
    }
    if (!changed.isEmpty())
        refreshOwners(changed);
}

void TopologyModel::Private::applyContainers(const QList<Container> &list)
{
    QSet<QString> present;
    for (const Container &c : list)
        present.insert(c.id);
    const QStringList known = containers.keys();
    for (const QString &id : known) {
        if (!present.contains(id))
            removeContainer(id);
    }
    for (const Container &c : list)
        applyContainer(c);
    dockerReady = true;
    requestOwners();
    checkReady();
}

void TopologyModel::Private::applyContainer(Container c)
{
    if (c.netnsId < 0 && c.pid > 0)
        c.netnsId = NetlinkMonitor::netnsIdForPid(c.pid);
    const auto it = containers.find(c.id);
    QSet<int> affected{c.netnsId};
    if (it == containers.end()) {
        containers.insert(c.id, c);
        Q_EMIT q->containerStarted(c);
    } else {
        if (*it == c)
            return;
        affected.insert(it->netnsId);
        *it = c;
        Q_EMIT q->containerChanged(c);
    }
    refreshOwners(affected);
}

void TopologyModel::Private::removeContainer(const QString &id)
{
    const auto it = containers.find(id);
    if (it == containers.end())
        return;
    const Container gone = *it;
    containers.erase(it);
    Q_EMIT q->containerStopped(gone);
    if (gone.netnsId >= 0) {
        // Whatever still sits in that namespace is somebody else's now.
        namespaceOwners.remove(gone.netnsId);
        ownersWanted.insert(gone.netnsId);
        requestOwners();
        refreshOwners({gone.netnsId});
    }
}

void TopologyModel::Private::applyNamespaceOwners(const QHash<int, Owner> &found)
{
    QSet<int> changed;
    QSet<int> used;
    for (const Link &l : std::as_const(links))
        used.insert(l.peerNetnsId);
    for (auto it = found.begin(); it != found.end(); ++it) {
        ownersAsked.remove(it.key());
        // Only namespaces some link still points into are worth keeping.
        if (!used.contains(it.key()))
            continue;
        namespaceOwners.insert(it.key(), it.value());
        changed.insert(it.key());
    }
    refreshOwners(changed);
    if (!ownersWanted.isEmpty())
        requestOwners();
    checkReady();
}

Owner TopologyModel::Private::computeOwner(const Link &link) const
{
    if (link.peerNetnsId < 0)
        return Owner();
    for (const Container &c : containers) {
        if (c.netnsId == link.peerNetnsId)
            return Owner{QStringLiteral("docker"), c.id, c.name};
    }
    const auto it = namespaceOwners.constFind(link.peerNetnsId);
    if (it != namespaceOwners.constEnd()) {
        // A Docker container seen through its cgroup only (Docker not
        // reachable, or its event not here yet) is not named yet.
        if (it->type == QLatin1String("docker") && dockerStatus.state == DockerStatus::State::Connected)
            return Owner{QStringLiteral("unknown"), QString::number(link.peerNetnsId), QString()};
        return *it;
    }
    return Owner{QStringLiteral("unknown"), QString::number(link.peerNetnsId), QString()};
}

void TopologyModel::Private::refreshLinkOwner(const Link &l)
{
    const Owner owner = computeOwner(l);
    const auto it = ownerByLink.find(l.ifindex);
    if (it == ownerByLink.end() ? owner.isNull() : *it == owner)
        return;
    if (owner.isNull())
        ownerByLink.remove(l.ifindex);
    else
        ownerByLink.insert(l.ifindex, owner);
    Q_EMIT q->ownerChanged(l.ifindex, owner);
}

void TopologyModel::Private::refreshOwners(const QSet<int> &nsids)
{
    for (const Link &l : std::as_const(links)) {
        if (l.peerNetnsId >= 0 && nsids.contains(l.peerNetnsId))
            refreshLinkOwner(l);
    }
}

void TopologyModel::Private::refreshAllOwners()
{
    for (const Link &l : std::as_const(links))
        refreshLinkOwner(l);
}

void TopologyModel::Private::requestOwners()
{
    // Docker's first answer claims most namespaces: ask about the rest only
    // then. The first pass goes at once (it decides when the model is
    // ready); later ones wait a moment so a burst of new namespaces is one
    // /proc walk.
    if (!dockerReady || ownersWanted.isEmpty() || ownersTimer.isActive())
        return;
    ownersTimer.start(ready ? 20 : 0);
}

void TopologyModel::Private::flushOwnerRequests()
{
    QList<int> ask;
    for (int nsid : std::as_const(ownersWanted)) {
        if (!ownersAsked.contains(nsid) && nsid >= 0 && !claimedByContainer(nsid)) {
            ask.append(nsid);
            ownersAsked.insert(nsid);
        }
    }
    ownersWanted.clear();
    if (ask.isEmpty() || !owners) {
        checkReady();
        return;
    }
    QMetaObject::invokeMethod(owners, [o = owners, ask] { o->resolve(ask); }, Qt::QueuedConnection);
}

void TopologyModel::Private::checkReady()
{
    if (ready || !netlinkReady || !dockerReady || !ownersAsked.isEmpty() || !ownersWanted.isEmpty())
        return;
    ready = true;
    Q_EMIT q->ready();
}

TopologyModel::TopologyModel(QObject *parent) : QObject(parent), d(new Private(this))
{
    qRegisterMetaType<Link>();
    qRegisterMetaType<Container>();
    qRegisterMetaType<DockerStatus>();
    qRegisterMetaType<DefaultRoute>();
    qRegisterMetaType<Owner>();
    d->ownersTimer.setSingleShot(true);
    connect(&d->ownersTimer, &QTimer::timeout, this, [this] { d->flushOwnerRequests(); });
}

TopologyModel::~TopologyModel()
{
    stop();
}

void TopologyModel::start(const Options &options)
{
    if (d->netlink)
        return;
    d->options = options;
    d->startThreads();
}

void TopologyModel::stop()
{
    if (d->netlink)
        d->stopThreads();
}

bool TopologyModel::isReady() const
{
    return d->ready;
}

QList<Link> TopologyModel::links() const
{
    return d->links.values();
}

std::optional<Link> TopologyModel::link(int ifindex) const
{
    const auto it = d->links.constFind(ifindex);
    if (it == d->links.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<Link> TopologyModel::linkByName(const QString &name) const
{
    for (const Link &l : std::as_const(d->links)) {
        if (l.name == name)
            return l;
    }
    return std::nullopt;
}

QList<Container> TopologyModel::containers() const
{
    QList<Container> list = d->containers.values();
    std::sort(list.begin(), list.end(), [](const Container &a, const Container &b) { return a.name < b.name; });
    return list;
}

std::optional<Container> TopologyModel::container(const QString &idOrName) const
{
    if (idOrName.isEmpty())
        return std::nullopt;
    const auto exact = d->containers.constFind(idOrName);
    if (exact != d->containers.constEnd())
        return *exact;
    // Like the docker CLI: a name first, then a unique id prefix.
    std::optional<Container> byPrefix;
    int prefixMatches = 0;
    for (const Container &c : std::as_const(d->containers)) {
        if (c.name == idOrName)
            return c;
        if (c.id.startsWith(idOrName)) {
            byPrefix = c;
            ++prefixMatches;
        }
    }
    return prefixMatches == 1 ? byPrefix : std::nullopt;
}

QList<DefaultRoute> TopologyModel::defaultRoutes() const
{
    return d->routes;
}

DockerStatus TopologyModel::dockerStatus() const
{
    return d->dockerStatus;
}

Owner TopologyModel::ownerOf(int ifindex) const
{
    const auto it = d->links.constFind(ifindex);
    if (it == d->links.constEnd())
        return Owner();
    return d->computeOwner(*it);
}

QList<Link> TopologyModel::linksOfContainer(const QString &containerId) const
{
    QList<Link> result;
    const auto c = d->containers.constFind(containerId);
    if (c == d->containers.constEnd() || c->netnsId < 0)
        return result;
    for (const Link &l : std::as_const(d->links)) {
        if (l.peerNetnsId == c->netnsId)
            result.append(l);
    }
    return result;
}

QString TopologyModel::roleOf(int ifindex) const
{
    const auto it = d->links.constFind(ifindex);
    if (it == d->links.constEnd())
        return QString();
    const Link &l = *it;
    if (l.kind == QLatin1String("bridge"))
        return QStringLiteral("bridge");
    if (l.kind == QLatin1String("physical"))
        return QStringLiteral("uplink");
    if (l.kind == QLatin1String("loopback"))
        return QStringLiteral("other");
    // A link that carries the default route, directly or as a port of the
    // bridge that does, is the way out, unless a container sits behind it.
    auto carriesDefault = [this](int index) {
        return std::any_of(d->routes.cbegin(), d->routes.cend(),
                           [index](const DefaultRoute &r) { return r.oifIndex == index; });
    };
    // A veth whose far end is not known yet is most likely a container that
    // Docker has not named yet: keep it with the veths so it does not move
    // when its owner arrives.
    const QString ownerType = d->computeOwner(l).type;
    const bool notAContainer = ownerType.isEmpty() || ownerType == QLatin1String("netns")
        || ownerType == QLatin1String("process");
    if (carriesDefault(l.ifindex) && (notAContainer || ownerType == QLatin1String("unknown")))
        return QStringLiteral("uplink");
    if (l.masterIndex != 0 && carriesDefault(l.masterIndex) && notAContainer)
        return QStringLiteral("uplink");
    if (l.kind == QLatin1String("veth") || l.peerNetnsId >= 0)
        return QStringLiteral("veth");
    return QStringLiteral("other");
}

} // namespace Passerelle
