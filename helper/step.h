// One netlink change of a transaction and how to undo it, as a plain value
// that the journal writes down before the change is made.
//
// Links are named in steps and resolved to their ifindex through a
// LinkIndexes table (the transaction's snapshot, plus the bridge it
// creates), so a step acts on the link it was planned for even when names
// move meanwhile.
//
// Undoing is tolerant: putting back what the snapshot held succeeds when it
// is there already, and removing what the transaction added succeeds when it
// is gone already. So a rollback can be run again from the start after a
// crash in the middle of one.
#pragma once

#include "helpertypes.h"
#include "linkeditor.h"
#include "netstate.h"

#include <QHash>
#include <QJsonObject>

namespace Passerelle {

// Name -> ifindex for the links a transaction touches.
using LinkIndexes = QHash<QString, int>;

struct Step
{
    enum class Kind {
        CreateBridge,    // link, on = STP
        SetMac,          // link, mac, previousMac
        SetLinkUp,       // link, on = up, previousOn
        SetStp,          // link, on, previousOn
        SetMaster,       // link = port, target = bridge
        ReleasePort,     // link = port, target = bridge, linkState = port as it was (its options)
        MoveAddress,     // address (as on link), link = from, target = to: adds it to target
        RemoveAddress,   // address, link
        MoveRoute,       // route (as on link), link = from, target = to: adds it to target, deletes it from link
        RestoreAddress,  // as MoveAddress, giving a port back an address DeleteBridge found on its bridge
        RestoreRoute,    // as MoveRoute, likewise
        DeleteBridge,    // link, linkState, addresses and routes: enough to make it again
    };

    // How a step ended, for its undo.
    enum class Outcome {
        Done,       // the kernel made the change
        Refused,    // the kernel refused it: nothing of it was made
        Unknown,    // the helper died around it: maybe made, maybe not
    };

    Kind kind = Kind::CreateBridge;
    QString link;
    QString target;
    bool on = false;
    bool previousOn = false;
    QByteArray mac;
    QByteArray previousMac;
    AddressState address;
    RouteState route;
    LinkState linkState;
    QList<AddressState> addresses;
    QList<RouteState> routes;

    // ("MoveAddress", ["192.168.7.31/24", "em1", "br0"]): the step as the
    // D-Bus plan shows it (documented in the interface file).
    HelperPlanStep describe() const;
    // "MoveAddress(192.168.7.31/24, em1, br0)", for the log.
    QString logText() const;

    // Makes the change. INDEXES gets the ifindex of a bridge this step creates.
    LinkEditor::Result apply(LinkIndexes *indexes) const;
    // Undoes it after OUTCOME, tolerating what is already as it should be.
    LinkEditor::Result undo(const LinkIndexes &indexes, Outcome outcome) const;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, Step *out);
};

} // namespace Passerelle
