// Reads and changes the links of the helper's network namespace over
// rtnetlink, with libnl's message and attribute API. With AddressEditor and
// netlinkrequest.h, the only helper code that includes a libnl header:
// links come out as LinkState values, failures as the kernel's errno.
//
// Every call opens a socket of its own and closes it, so no answer or
// event left from an earlier request can be read as the answer to this one,
// and every read is a fresh dump: nothing is decided on a cached view.
#pragma once

#include "linksnapshot.h"

#include <QString>

namespace Passerelle {

struct NetState;

class LinkEditor
{
public:
    struct Result
    {
        int kernelErrno = 0;     // errno the kernel answered with, 0 when it did not refuse
        QString error;           // empty on success; strerror or libnl's text otherwise
        bool ok() const { return error.isEmpty(); }
    };

    // How to make a bridge: IFINDEX 0 lets the kernel choose, MAC empty
    // gives it a random one.
    struct BridgeSpec
    {
        QString name;
        int ifindex = 0;
        QByteArray mac;
        bool stp = false;
    };

    // Every link of the namespace, or an error.
    static LinkSnapshot snapshot(Result *result);
    // Links, addresses and routes, each from a fresh dump.
    static NetState readState(Result *result);

    // A new bridge, down, created with its STP state (and MAC, options) in
    // the same request.
    static Result createBridge(const QString &name, bool stp);
    static Result createBridge(const BridgeSpec &spec);
    static Result deleteLink(int ifindex);
    // Enslaves IFINDEX to MASTER; MASTER 0 releases it.
    static Result setMaster(int ifindex, int master);
    static Result setUp(int ifindex, bool up);
    static Result setStp(int bridgeIndex, bool on);
    static Result setMac(int ifindex, const QByteArray &mac);
    // IFLA_BR_* options of a bridge, as read from a bridge earlier.
    static Result setBridgeOptions(int bridgeIndex, const QList<RawAttribute> &options);
    // IFLA_BRPORT_* options of a bridge port, as read from it earlier.
    static Result setPortOptions(int ifindex, const QList<RawAttribute> &options);
};

} // namespace Passerelle
