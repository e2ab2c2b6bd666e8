#include "linkeditor.h"

#include "addresseditor.h"
#include "netlinkrequest.h"
#include "netstate.h"

#include <netlink/errno.h>

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <cstring>

namespace Passerelle {

using Netlink::attrBytes;
using Netlink::parseNested;

namespace {

// The bridge options that can be given when a bridge is made, as
// br_changelink() accepts them. Read-only ones (ids, timers, counters) are
// left out; so are those that only make sense with kernel options the
// bridge may not have been built with.
constexpr int writableBridgeOptions[] = {
    IFLA_BR_FORWARD_DELAY,          IFLA_BR_HELLO_TIME,          IFLA_BR_MAX_AGE,
    IFLA_BR_AGEING_TIME,            IFLA_BR_STP_STATE,           IFLA_BR_PRIORITY,
    IFLA_BR_VLAN_FILTERING,         IFLA_BR_VLAN_PROTOCOL,       IFLA_BR_VLAN_DEFAULT_PVID,
    IFLA_BR_GROUP_FWD_MASK,         IFLA_BR_GROUP_ADDR,          IFLA_BR_MCAST_ROUTER,
    IFLA_BR_MCAST_SNOOPING,         IFLA_BR_MCAST_QUERY_USE_IFADDR, IFLA_BR_MCAST_QUERIER,
    IFLA_BR_MCAST_HASH_MAX,         IFLA_BR_MCAST_LAST_MEMBER_CNT, IFLA_BR_MCAST_STARTUP_QUERY_CNT,
    IFLA_BR_MCAST_LAST_MEMBER_INTVL, IFLA_BR_MCAST_MEMBERSHIP_INTVL, IFLA_BR_MCAST_QUERIER_INTVL,
    IFLA_BR_MCAST_QUERY_INTVL,      IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, IFLA_BR_MCAST_STARTUP_QUERY_INTVL,
    IFLA_BR_NF_CALL_IPTABLES,       IFLA_BR_NF_CALL_IP6TABLES,   IFLA_BR_NF_CALL_ARPTABLES,
    IFLA_BR_VLAN_STATS_ENABLED,     IFLA_BR_MCAST_STATS_ENABLED, IFLA_BR_MCAST_IGMP_VERSION,
    IFLA_BR_MCAST_MLD_VERSION,
};

// The port options br_setport() accepts, as IFLA_BRPORT_* in
// IFLA_INFO_SLAVE_DATA.
constexpr int writablePortOptions[] = {
    IFLA_BRPORT_PRIORITY,   IFLA_BRPORT_COST,          IFLA_BRPORT_MODE,        IFLA_BRPORT_GUARD,
    IFLA_BRPORT_PROTECT,    IFLA_BRPORT_FAST_LEAVE,    IFLA_BRPORT_LEARNING,    IFLA_BRPORT_UNICAST_FLOOD,
    IFLA_BRPORT_PROXYARP,   IFLA_BRPORT_PROXYARP_WIFI, IFLA_BRPORT_MULTICAST_ROUTER, IFLA_BRPORT_MCAST_FLOOD,
    IFLA_BRPORT_MCAST_TO_UCAST, IFLA_BRPORT_BCAST_FLOOD, IFLA_BRPORT_GROUP_FWD_MASK, IFLA_BRPORT_NEIGH_SUPPRESS,
    IFLA_BRPORT_ISOLATED,
};

QList<RawAttribute> keepWritable(const nlattr *nested, const int *allowed, size_t count)
{
    QList<RawAttribute> kept;
    if (!nested)
        return kept;
    int remaining = nla_len(nested);
    for (nlattr *a = static_cast<nlattr *>(nla_data(nested)); nla_ok(a, remaining); a = nla_next(a, &remaining)) {
        const int type = nla_type(a);
        if (std::find(allowed, allowed + count, type) != allowed + count)
            kept.append({type, attrBytes(a)});
    }
    return kept;
}

LinkState parseLink(const nlmsghdr *h)
{
    LinkState s;
    const auto *ifi = static_cast<const ifinfomsg *>(nlmsg_data(h));
    nlattr *tb[IFLA_MAX + 1];
    nlmsg_parse(const_cast<nlmsghdr *>(h), sizeof(ifinfomsg), tb, IFLA_MAX, nullptr);
    s.ifindex = ifi->ifi_index;
    s.up = ifi->ifi_flags & IFF_UP;
    s.loopback = (ifi->ifi_flags & IFF_LOOPBACK) || ifi->ifi_type == ARPHRD_LOOPBACK;
    if (tb[IFLA_IFNAME])
        s.name = QString::fromUtf8(nla_get_string(tb[IFLA_IFNAME]));
    if (tb[IFLA_MASTER])
        s.masterIndex = int(nla_get_u32(tb[IFLA_MASTER]));
    if (tb[IFLA_MTU])
        s.mtu = int(nla_get_u32(tb[IFLA_MTU]));
    s.mac = attrBytes(tb[IFLA_ADDRESS]);
    if (tb[IFLA_LINKINFO]) {
        nlattr *info[IFLA_INFO_MAX + 1];
        parseNested(tb[IFLA_LINKINFO], IFLA_INFO_MAX, info);
        if (info[IFLA_INFO_KIND])
            s.kind = QString::fromLatin1(nla_get_string(info[IFLA_INFO_KIND]));
        if (info[IFLA_INFO_SLAVE_KIND])
            s.slaveKind = QString::fromLatin1(nla_get_string(info[IFLA_INFO_SLAVE_KIND]));
        if (s.isBridge() && info[IFLA_INFO_DATA]) {
            nlattr *data[IFLA_BR_MAX + 1];
            parseNested(info[IFLA_INFO_DATA], IFLA_BR_MAX, data);
            if (data[IFLA_BR_STP_STATE])
                s.stp = int(nla_get_u32(data[IFLA_BR_STP_STATE]));
            s.bridgeOptions = keepWritable(info[IFLA_INFO_DATA], writableBridgeOptions,
                                           std::size(writableBridgeOptions));
        }
        if (s.slaveKind == QLatin1String("bridge"))
            s.portOptions = keepWritable(info[IFLA_INFO_SLAVE_DATA], writablePortOptions,
                                         std::size(writablePortOptions));
    }
    return s;
}

// An RTM_NEWLINK (or RTM_SETLINK) request for IFINDEX, header filled in.
nl_msg *linkMessage(int type, int flags, int ifindex, unsigned ifiFlags = 0, unsigned ifiChange = 0)
{
    nl_msg *msg = nlmsg_alloc_simple(type, flags);
    if (!msg)
        return nullptr;
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = ifindex;
    ifi.ifi_flags = ifiFlags;
    ifi.ifi_change = ifiChange;
    if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
        nlmsg_free(msg);
        return nullptr;
    }
    return msg;
}

LinkEditor::Result noMemory()
{
    return LinkEditor::Result{ENOMEM, QStringLiteral("out of memory")};
}

LinkEditor::Result send(nl_msg *msg, int err)
{
    if (err < 0) {
        nlmsg_free(msg);
        return LinkEditor::Result{0, QString::fromLocal8Bit(nl_geterror(err))};
    }
    return Netlink::request(msg);
}

// IFLA_LINKINFO { IFLA_INFO_KIND "bridge", IFLA_INFO_DATA { OPTIONS } }.
int putBridgeInfo(nl_msg *msg, const QList<RawAttribute> &options)
{
    nlattr *linkInfo = nla_nest_start(msg, IFLA_LINKINFO);
    if (!linkInfo)
        return -NLE_NOMEM;
    int err = nla_put_string(msg, IFLA_INFO_KIND, "bridge");
    if (err < 0)
        return err;
    nlattr *data = nla_nest_start(msg, IFLA_INFO_DATA);
    if (!data)
        return -NLE_NOMEM;
    for (const RawAttribute &o : options) {
        err = nla_put(msg, o.type, int(o.payload.size()), o.payload.constData());
        if (err < 0)
            return err;
    }
    nla_nest_end(msg, data);
    nla_nest_end(msg, linkInfo);
    return 0;
}

QList<RawAttribute> withStp(QList<RawAttribute> options, bool stp)
{
    const quint32 value = stp ? 1 : 0;
    const RawAttribute stpAttribute{IFLA_BR_STP_STATE, QByteArray(reinterpret_cast<const char *>(&value), sizeof(value))};
    for (RawAttribute &o : options) {
        if (o.type == IFLA_BR_STP_STATE) {
            o = stpAttribute;
            return options;
        }
    }
    options.append(stpAttribute);
    return options;
}

} // namespace

LinkSnapshot LinkEditor::snapshot(Result *result)
{
    ifinfomsg header{};
    header.ifi_family = AF_UNSPEC;
    QList<LinkState> links;
    *result = Netlink::dump(RTM_GETLINK, &header, sizeof(header), [&links](const nlmsghdr *h) {
        if (h->nlmsg_type == RTM_NEWLINK)
            links.append(parseLink(h));
    });
    if (!result->ok())
        return LinkSnapshot();
    return LinkSnapshot(std::move(links));
}

NetState LinkEditor::readState(Result *result)
{
    NetState state;
    state.links = snapshot(result);
    if (!result->ok())
        return NetState();
    state.addresses = AddressEditor::readAddresses(result);
    if (!result->ok())
        return NetState();
    state.routes = AddressEditor::readRoutes(result);
    if (!result->ok())
        return NetState();
    return state;
}

LinkEditor::Result LinkEditor::createBridge(const QString &name, bool stp)
{
    BridgeSpec spec;
    spec.name = name;
    spec.stp = stp;
    return createBridge(spec);
}

LinkEditor::Result LinkEditor::createBridge(const BridgeSpec &spec)
{
    // NLM_F_EXCL: an existing link of that name is an error, never reused.
    nl_msg *msg = linkMessage(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, spec.ifindex);
    if (!msg)
        return noMemory();
    int err = nla_put_string(msg, IFLA_IFNAME, spec.name.toLatin1().constData());
    if (err == 0 && !spec.mac.isEmpty())
        err = nla_put(msg, IFLA_ADDRESS, int(spec.mac.size()), spec.mac.constData());
    if (err == 0)
        err = putBridgeInfo(msg, withStp({}, spec.stp));
    return send(msg, err);
}

LinkEditor::Result LinkEditor::deleteLink(int ifindex)
{
    nl_msg *msg = linkMessage(RTM_DELLINK, 0, ifindex);
    if (!msg)
        return noMemory();
    return send(msg, 0);
}

LinkEditor::Result LinkEditor::setMaster(int ifindex, int master)
{
    nl_msg *msg = linkMessage(RTM_SETLINK, 0, ifindex);
    if (!msg)
        return noMemory();
    return send(msg, nla_put_u32(msg, IFLA_MASTER, quint32(master)));
}

LinkEditor::Result LinkEditor::setUp(int ifindex, bool up)
{
    nl_msg *msg = linkMessage(RTM_SETLINK, 0, ifindex, up ? IFF_UP : 0, IFF_UP);
    if (!msg)
        return noMemory();
    return send(msg, 0);
}

LinkEditor::Result LinkEditor::setStp(int bridgeIndex, bool on)
{
    nl_msg *msg = linkMessage(RTM_NEWLINK, 0, bridgeIndex);
    if (!msg)
        return noMemory();
    return send(msg, putBridgeInfo(msg, withStp({}, on)));
}

LinkEditor::Result LinkEditor::setBridgeOptions(int bridgeIndex, const QList<RawAttribute> &options)
{
    if (options.isEmpty())
        return Result();
    nl_msg *msg = linkMessage(RTM_NEWLINK, 0, bridgeIndex);
    if (!msg)
        return noMemory();
    return send(msg, putBridgeInfo(msg, options));
}

LinkEditor::Result LinkEditor::setMac(int ifindex, const QByteArray &mac)
{
    nl_msg *msg = linkMessage(RTM_SETLINK, 0, ifindex);
    if (!msg)
        return noMemory();
    return send(msg, nla_put(msg, IFLA_ADDRESS, int(mac.size()), mac.constData()));
}

LinkEditor::Result LinkEditor::setPortOptions(int ifindex, const QList<RawAttribute> &options)
{
    if (options.isEmpty())
        return Result();
    nl_msg *msg = linkMessage(RTM_NEWLINK, 0, ifindex);
    if (!msg)
        return noMemory();
    int err = 0;
    nlattr *linkInfo = nla_nest_start(msg, IFLA_LINKINFO);
    nlattr *data = linkInfo ? nla_nest_start(msg, IFLA_INFO_SLAVE_DATA) : nullptr;
    if (!data)
        err = -NLE_NOMEM;
    for (const RawAttribute &o : options) {
        if (err == 0)
            err = nla_put(msg, o.type, int(o.payload.size()), o.payload.constData());
    }
    if (err == 0) {
        nla_nest_end(msg, data);
        nla_nest_end(msg, linkInfo);
    }
    return send(msg, err);
}

} // namespace Passerelle
