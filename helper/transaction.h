// What a transaction will do: an operation turned into ordered steps,
// each with its undo, from a snapshot read inside the transaction. Pure:
// nothing here reads or writes the kernel, so the plan a client previews
// and the plan the helper carries out come from the same function.
#pragma once

#include "helpererrors.h"
#include "netstate.h"
#include "operation.h"
#include "step.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>

namespace Passerelle {

// A committed "bridge PORT into BRIDGE" that moved the port's addresses
// and routes: what DeleteBridge gives back to the port. Kept in the state
// folder; valid while both links still have these ifindexes and names.
struct MoveRecord
{
    QString bridge;
    int bridgeIndex = 0;
    QString port;
    int portIndex = 0;
    QList<AddressState> addresses;   // as they were on the port
    QList<RouteState> routes;        // as they were on the port

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, MoveRecord *out);
};

struct Plan
{
    Operation operation;
    QList<Step> steps;
    LinkIndexes indexes;          // the links the steps name, from the snapshot
    QSet<int> touched;            // ifindexes of existing links the steps change
    // A BridgePort that moves addresses: what to record once it is committed.
    std::optional<MoveRecord> move;

    HelperPlan describe() const;
};

namespace Transaction {

// The plan for OPERATION on STATE, or why it cannot be done (the same
// named errors as Operation::check()).
std::optional<HelperFailure> plan(const Operation &operation, const NetState &state,
                                  const QList<MoveRecord> &moves, Plan *out);

// The links whose change may cut the host off: those carrying a default
// route or the route to a remote session's peer (SESSIONLINKS), and the
// ports of those links.
QSet<int> criticalLinks(const NetState &state, const QList<int> &sessionLinks);

// Addresses and routes that move with a port: the configured ones.
// Link-local and temporary IPv6 addresses are made by the kernel for each
// link; kernel routes follow their addresses; local-table routes too.
bool isMovable(const AddressState &address);
bool isMovable(const RouteState &route);

// ADDRESSES in the order that adds them back as they were listed: IPv4 as
// listed (primaries before their secondaries), IPv6 the other way round
// (the kernel lists the newest first).
QList<AddressState> inAddingOrder(const QList<AddressState> &addresses);

} // namespace Transaction

} // namespace Passerelle
