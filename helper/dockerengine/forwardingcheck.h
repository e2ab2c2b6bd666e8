// The firewall check of issue 4: with br_netfilter, frames bridged between
// the uplink and the containers on the user's bridge go through iptables'
// FORWARD chain (in and out interface: the bridge itself), and Docker sets
// that chain's policy to DROP. Unless a rule accepts traffic within the
// bridge, the LAN cannot reach the containers and nothing says why.
//
// It reads table ip filter, which Debian 12's iptables (iptables-nft, the
// one dockerd drives) keeps in nftables, through libnftables, and follows
// the FORWARD chain rule by rule as a packet with iifname == oifname ==
// the bridge would: into chains it jumps to unconditionally (DOCKER-USER,
// Docker's own), up to an accept, a drop or the chain's end. Rules written
// by iptables (`-i br0 -o br0 -j ACCEPT`, `-i br+`, `-m comment`) are
// understood as iptables wrote them.
//
// The fix is one rule at the top of DOCKER-USER, the chain Docker leaves to
// its users: `iifname "br0" oifname "br0" counter accept comment "passerelle"`,
// which `iptables -S DOCKER-USER` lists as
// `-A DOCKER-USER -i br0 -o br0 -m comment --comment passerelle -j ACCEPT`.
//
// Everything runs in the network namespace of the calling thread, and
// synchronously: a listing and a rule are a few netlink messages.
#pragma once

#include "helpererrors.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace Passerelle {

struct ForwardingFinding
{
    bool brNetfilter = false;      // bridged frames are handed to iptables' hooks at all
    bool callIptables = false;     // bridge-nf-call-iptables is 1
    bool filterTable = false;      // table ip filter exists
    bool forwardDrop = false;      // its FORWARD chain's policy is drop
    bool dockerUserChain = false;  // DOCKER-USER exists
    QString acceptedIn;            // the chain of the rule that accepts traffic within the bridge; empty: none
    qint64 acceptHandle = 0;       // that rule's handle
    qint64 passerelleHandle = 0;   // our own rule for this bridge in DOCKER-USER, 0 when none

    // Traffic within the bridge is dropped silently.
    bool problem() const { return brNetfilter && callIptables && forwardDrop && acceptedIn.isEmpty(); }
};

class ForwardingCheck
{
public:
    // Where br_netfilter shows; the defaults are the system's. The sysctl is
    // per network namespace (Linux 5.3 and later) and read in the calling
    // thread's. br_netfilter built into the kernel has no /sys/module entry:
    // the sysctl existing says it is there too.
    struct Paths
    {
        QString brNetfilterModule = QStringLiteral("/sys/module/br_netfilter");
        QString callIptables = QStringLiteral("/proc/sys/net/bridge/bridge-nf-call-iptables");
    };

    ForwardingCheck();
    explicit ForwardingCheck(const Paths &paths);

    // The comment our rule carries, and how undo() knows it is ours.
    static QString ruleComment();

    std::optional<HelperFailure> check(const QString &bridge, ForwardingFinding *finding) const;
    // Inserts the accept rule for BRIDGE at the top of DOCKER-USER and gives
    // its handle; when our rule is there already, gives that one's. Fails
    // when table ip filter or DOCKER-USER is missing (Docker creates them
    // when it runs with iptables on), or when the rule does not end the
    // problem (FORWARD does not jump to DOCKER-USER): then it is removed again.
    std::optional<HelperFailure> fix(const QString &bridge, qint64 *handle) const;
    // Removes the rule fix() added. A rule already gone is no failure; a
    // rule at HANDLE that is not ours is left alone and refused.
    std::optional<HelperFailure> undo(qint64 handle) const;

    // Reading table ip filter from libnftables' JSON: the pure part, for tests.
    // RULESET is the "nftables" array of a listing.
    static ForwardingFinding evaluate(const QJsonArray &ruleset, const QString &bridge);

private:
    Paths m_paths;
};

} // namespace Passerelle
