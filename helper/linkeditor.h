// Reads and changes the links of the helper's network namespace over
// rtnetlink with libnl-route. The only helper file that includes a libnl
// header: links come out as LinkSnapshot values, failures as the kernel's
// errno.
//
// Every call opens a socket of its own and closes it, so no answer or
// event left from an earlier request can be read as the answer to this one.
#pragma once

#include "linksnapshot.h"

#include <QString>

namespace Passerelle {

class LinkEditor
{
public:
    struct Result
    {
        int kernelErrno = 0;     // errno the kernel answered with, 0 when it did not refuse
        QString error;           // empty on success; strerror or libnl's text otherwise
        bool ok() const { return error.isEmpty(); }
    };

    // Every link of the namespace, or an error.
    static LinkSnapshot snapshot(Result *result);

    // A new bridge, down, created with its STP state in the same request.
    static Result createBridge(const QString &name, bool stp);
    static Result deleteLink(int ifindex);
    // Enslaves IFINDEX to MASTER; MASTER 0 releases it.
    static Result setMaster(int ifindex, int master);
    static Result setUp(int ifindex, bool up);
    static Result setStp(int bridgeIndex, bool on);
};

} // namespace Passerelle
