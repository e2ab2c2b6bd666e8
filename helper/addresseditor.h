// Reads and changes the addresses and routes of the helper's network
// namespace over rtnetlink (with LinkEditor, the helper's libnl adapter).
// Addresses and routes are written back with every attribute they were read
// with, so that what a transaction puts back is what was there.
#pragma once

#include "linkeditor.h"
#include "netstate.h"

namespace Passerelle {

class AddressEditor
{
public:
    using Result = LinkEditor::Result;

    // Every IPv4 and IPv6 address, in the kernel's order.
    static QList<AddressState> readAddresses(Result *result);
    // Every IPv4 and IPv6 route of every table, in the kernel's order.
    static QList<RouteState> readRoutes(Result *result);

    static Result addAddress(const AddressState &address);
    static Result deleteAddress(const AddressState &address);
    // APPEND adds the route next to others with the same destination and
    // metric (NLM_F_APPEND) instead of refusing it (NLM_F_EXCL).
    static Result addRoute(const RouteState &route, bool append);
    static Result deleteRoute(const RouteState &route);

    // The link the kernel would send a packet to ADDRESS through (its
    // route lookup, policy rules included), 0 when none.
    static int outputLink(int family, const QByteArray &address, Result *result);
};

} // namespace Passerelle
