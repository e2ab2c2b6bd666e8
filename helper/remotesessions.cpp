#include "remotesessions.h"

#include "addresseditor.h"

#include <QFile>

#include <cstring>
#include <sys/socket.h>

namespace Passerelle::RemoteSessions {

namespace {

constexpr int tcpEstablished = 1;

// "0100007F" -> the four bytes the kernel printed as one native-order word.
bool word(const QByteArray &hex, char *out)
{
    bool ok = false;
    const quint32 value = quint32(hex.toULong(&ok, 16));
    if (!ok || hex.size() != 8)
        return false;
    std::memcpy(out, &value, 4);
    return true;
}

// "0100007F:0016" -> address bytes and port.
bool endpoint(const QByteArray &text, int family, QByteArray *address, int *port)
{
    const int colon = text.indexOf(':');
    if (colon < 0)
        return false;
    const QByteArray hex = text.left(colon);
    const int words = family == AF_INET6 ? 4 : 1;
    if (hex.size() != words * 8)
        return false;
    address->resize(words * 4);
    for (int i = 0; i < words; ++i) {
        if (!word(hex.mid(i * 8, 8), address->data() + i * 4))
            return false;
    }
    bool ok = false;
    *port = text.mid(colon + 1).toInt(&ok, 16);
    return ok;
}

} // namespace

bool isSessionPort(int port)
{
    return port == 22 || (port >= 5900 && port <= 5999);
}

QList<Peer> parse(const QByteArray &table, int family)
{
    QList<Peer> peers;
    const QList<QByteArray> lines = table.split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() < 4)
            continue;
        bool ok = false;
        if (fields.at(3).toInt(&ok, 16) != tcpEstablished || !ok)
            continue;
        QByteArray local, remote;
        int localPort = 0, remotePort = 0;
        if (!endpoint(fields.at(1), family, &local, &localPort) || !endpoint(fields.at(2), family, &remote, &remotePort))
            continue;
        if (!isSessionPort(localPort))
            continue;
        Peer p{family, remote, localPort};
        static const QByteArray mapped = QByteArray(10, '\0') + QByteArray(2, '\xff');
        if (family == AF_INET6 && remote.startsWith(mapped))
            p = Peer{AF_INET, remote.mid(12), localPort};
        peers.append(p);
    }
    return peers;
}

QList<Peer> current()
{
    QList<Peer> peers;
    for (const auto &[path, family] : {std::pair{"/proc/net/tcp", AF_INET}, std::pair{"/proc/net/tcp6", AF_INET6}}) {
        QFile f{QString::fromLatin1(path)};
        if (f.open(QIODevice::ReadOnly))
            peers += parse(f.readAll(), family);
    }
    return peers;
}

QList<int> links()
{
    QList<int> out;
    const QList<Peer> peers = current();
    for (const Peer &p : peers) {
        AddressEditor::Result result;
        const int oif = AddressEditor::outputLink(p.family, p.address, &result);
        if (oif > 0 && !out.contains(oif))
            out.append(oif);
    }
    return out;
}

} // namespace Passerelle::RemoteSessions
