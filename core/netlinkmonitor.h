// The one adapter between libnl and Passerelle: keeps links, addresses and
// default routes of the current network namespace live from rtnetlink and
// reports them as our own value types. Nothing else in the program includes
// a libnl header.
//
// It lives in its own thread (see TopologyModel): a stalled reader loses
// messages after a few dozen, so reading never waits on the GUI. On overrun
// (ENOBUFS) or a truncated message it re-dumps once, coalesced and backed
// off, and then reports a whole snapshot again.
#pragma once

#include "topologytypes.h"

#include <QObject>

#include <memory>

namespace Passerelle {

class NetlinkMonitor : public QObject
{
    Q_OBJECT
public:
    explicit NetlinkMonitor(QObject *parent = nullptr);
    ~NetlinkMonitor() override;

    // Last error that stopped the monitor (socket could not be opened), empty otherwise.
    QString errorString() const;

    // Kernel receive buffer of the event socket, in bytes (default 8 MiB;
    // beyond net.core.rmem_max only with CAP_NET_ADMIN). Read by start().
    // Larger absorbs longer bursts before an overrun forces a re-dump.
    void setReceiveBufferSize(int bytes);
    int receiveBufferSize() const;

    // Synchronous queries on a socket of their own, usable from any thread.
    // RTM_GETNSID for the namespace of a process / of a namespace file
    // (/run/netns/NAME). Returns -1 when the kernel has no id assigned.
    static int netnsIdForPid(qint64 pid);
    static int netnsIdForPath(const QString &nsPath);

public Q_SLOTS:
    // Opens the sockets, dumps, and starts following events. With live=false
    // it only dumps once and emits snapshot() (for one-shot CLI commands).
    void start(bool live = true);
    void stop();

Q_SIGNALS:
    // The whole state: after start() and after every re-dump.
    void snapshot(const QList<Passerelle::Link> &links, const QList<Passerelle::DefaultRoute> &routes);
    // Incremental changes between snapshots. Address changes arrive as a
    // linkChanged() with the new address list.
    void linkChanged(const Passerelle::Link &link);
    void linkRemoved(int ifindex);
    // The unicast default routes of every table, both families, sorted. A
    // multipath (ECMP) route gives one DefaultRoute per nexthop, each with
    // its own link, as does the same default through two links.
    void defaultRoutesChanged(const QList<Passerelle::DefaultRoute> &routes);
    // The kernel dropped messages (or one came truncated); a re-dump is
    // scheduled. Once per re-dump: overruns in a burst are coalesced.
    void overrun();
    void failed(const QString &reason);

private:
    class Private;
    std::unique_ptr<Private> d;
};

// RTM_GETNSID queries on one socket, for many lookups in a row (resolving
// hundreds of namespaces one socket each costs more than the queries). The
// socket sees the namespace of the thread that creates the object; use it
// from that thread only.
class NetnsIdLookup
{
public:
    NetnsIdLookup();
    ~NetnsIdLookup();
    NetnsIdLookup(const NetnsIdLookup &) = delete;
    NetnsIdLookup &operator=(const NetnsIdLookup &) = delete;

    // -1 when the kernel has no id assigned, or on error.
    int forPid(qint64 pid);
    int forPath(const QString &nsPath);

private:
    struct Socket;
    std::unique_ptr<Socket> m_socket;
};

} // namespace Passerelle
