// Remote sessions (SSH, VNC) that arrive on this host, so that a change to
// the link they come through always waits for confirmation. Read from the
// kernel's TCP tables in /proc/net/tcp and /proc/net/tcp6 (the helper's
// network namespace): the established connections whose local port is 22
// or 5900-5999.
#pragma once

#include <QByteArray>
#include <QList>

namespace Passerelle::RemoteSessions {

struct Peer
{
    int family = 0;          // AF_INET or AF_INET6 (IPv4-mapped peers come as AF_INET)
    QByteArray address;      // raw, network order
    int localPort = 0;
};

bool isSessionPort(int port);

// The remote-session peers in TABLE, the text of /proc/net/tcp (FAMILY
// AF_INET) or /proc/net/tcp6 (AF_INET6). Pure.
QList<Peer> parse(const QByteArray &table, int family);

// The peers of the sessions now.
QList<Peer> current();

// The links the kernel routes the peers' traffic through.
QList<int> links();

} // namespace Passerelle::RemoteSessions
