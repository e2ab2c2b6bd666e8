#include "addresseditor.h"

#include "netlinkrequest.h"

#include <netlink/errno.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

namespace Passerelle {

using Netlink::attrBytes;

namespace {

AddressState parseAddress(const nlmsghdr *h)
{
    AddressState a;
    const auto *ifa = static_cast<const ifaddrmsg *>(nlmsg_data(h));
    nlattr *tb[IFA_MAX + 1];
    nlmsg_parse(const_cast<nlmsghdr *>(h), sizeof(ifaddrmsg), tb, IFA_MAX, nullptr);
    a.ifindex = int(ifa->ifa_index);
    a.family = ifa->ifa_family;
    a.prefixLength = ifa->ifa_prefixlen;
    a.scope = ifa->ifa_scope;
    a.flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
    // IPv4 always sends IFA_LOCAL (and IFA_ADDRESS, the peer); IPv6 only
    // IFA_ADDRESS, unless the address has a peer.
    if (tb[IFA_LOCAL]) {
        a.local = attrBytes(tb[IFA_LOCAL]);
        a.peer = attrBytes(tb[IFA_ADDRESS]);
    } else {
        a.local = attrBytes(tb[IFA_ADDRESS]);
    }
    a.broadcast = attrBytes(tb[IFA_BROADCAST]);
    if (tb[IFA_LABEL])
        a.label = QString::fromUtf8(nla_get_string(tb[IFA_LABEL]));
    if (tb[IFA_CACHEINFO] && nla_len(tb[IFA_CACHEINFO]) >= int(sizeof(ifa_cacheinfo))) {
        const auto *ci = static_cast<const ifa_cacheinfo *>(nla_data(tb[IFA_CACHEINFO]));
        a.validLifetime = ci->ifa_valid;
        a.preferredLifetime = ci->ifa_prefered;
    }
    if (tb[IFA_RT_PRIORITY])
        a.routePriority = nla_get_u32(tb[IFA_RT_PRIORITY]);
#ifdef IFA_PROTO
    if (IFA_PROTO <= IFA_MAX && tb[IFA_PROTO])
        a.protocol = nla_get_u8(tb[IFA_PROTO]);
#endif
    return a;
}

RouteState parseRoute(const nlmsghdr *h)
{
    RouteState r;
    const auto *rtm = static_cast<const rtmsg *>(nlmsg_data(h));
    nlattr *tb[RTA_MAX + 1];
    nlmsg_parse(const_cast<nlmsghdr *>(h), sizeof(rtmsg), tb, RTA_MAX, nullptr);
    r.family = rtm->rtm_family;
    r.destinationLength = rtm->rtm_dst_len;
    r.sourceLength = rtm->rtm_src_len;
    r.tos = rtm->rtm_tos;
    r.table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
    r.protocol = rtm->rtm_protocol;
    r.scope = rtm->rtm_scope;
    r.type = rtm->rtm_type;
    // Of the flags, only "onlink" is a setting; the others are states.
    r.flags = rtm->rtm_flags & RTNH_F_ONLINK;
    r.destination = attrBytes(tb[RTA_DST]);
    r.source = attrBytes(tb[RTA_SRC]);
    r.gateway = attrBytes(tb[RTA_GATEWAY]);
    r.preferredSource = attrBytes(tb[RTA_PREFSRC]);
    if (tb[RTA_OIF])
        r.oif = int(nla_get_u32(tb[RTA_OIF]));
    if (tb[RTA_PRIORITY])
        r.priority = nla_get_u32(tb[RTA_PRIORITY]);
    if (tb[RTA_PREF])
        r.preference = nla_get_u8(tb[RTA_PREF]);
    r.metrics = attrBytes(tb[RTA_METRICS]);
    r.singlePath = !tb[RTA_MULTIPATH] && !tb[RTA_NH_ID] && !tb[RTA_ENCAP] && !tb[RTA_VIA];
    if (tb[RTA_MULTIPATH]) {
        int remaining = nla_len(tb[RTA_MULTIPATH]);
        const auto *nh = static_cast<const rtnexthop *>(nla_data(tb[RTA_MULTIPATH]));
        while (remaining >= int(sizeof(rtnexthop)) && nh->rtnh_len >= sizeof(rtnexthop)
               && int(nh->rtnh_len) <= remaining) {
            r.pathLinks.append(nh->rtnh_ifindex);
            remaining -= RTNH_ALIGN(nh->rtnh_len);
            nh = RTNH_NEXT(nh);
        }
    }
    return r;
}

nl_msg *routeMessage(int type, int flags, const RouteState &route)
{
    nl_msg *msg = nlmsg_alloc_simple(type, flags);
    if (!msg)
        return nullptr;
    rtmsg rtm{};
    rtm.rtm_family = quint8(route.family);
    rtm.rtm_dst_len = quint8(route.destinationLength);
    rtm.rtm_src_len = quint8(route.sourceLength);
    rtm.rtm_tos = quint8(route.tos);
    rtm.rtm_table = route.table < 256 ? quint8(route.table) : RT_TABLE_UNSPEC;
    rtm.rtm_protocol = quint8(route.protocol);
    rtm.rtm_scope = quint8(route.scope);
    rtm.rtm_type = quint8(route.type);
    rtm.rtm_flags = route.flags & RTNH_F_ONLINK;
    int err = nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO);
    auto put = [&](int attr, const QByteArray &bytes) {
        if (err == 0 && !bytes.isEmpty())
            err = nla_put(msg, attr, int(bytes.size()), bytes.constData());
    };
    if (err == 0)
        err = nla_put_u32(msg, RTA_TABLE, route.table);
    put(RTA_DST, route.destination);
    put(RTA_SRC, route.source);
    put(RTA_GATEWAY, route.gateway);
    if (type == RTM_NEWROUTE) {
        put(RTA_PREFSRC, route.preferredSource);
        put(RTA_METRICS, route.metrics);
        if (err == 0 && route.preference >= 0)
            err = nla_put_u8(msg, RTA_PREF, quint8(route.preference));
    }
    if (err == 0 && route.oif > 0)
        err = nla_put_u32(msg, RTA_OIF, quint32(route.oif));
    if (err == 0 && route.priority >= 0)
        err = nla_put_u32(msg, RTA_PRIORITY, quint32(route.priority));
    if (err < 0) {
        nlmsg_free(msg);
        return nullptr;
    }
    return msg;
}

AddressEditor::Result noMemory()
{
    return AddressEditor::Result{ENOMEM, QStringLiteral("out of memory")};
}

} // namespace

QList<AddressState> AddressEditor::readAddresses(Result *result)
{
    ifaddrmsg header{};
    header.ifa_family = AF_UNSPEC;
    QList<AddressState> addresses;
    *result = Netlink::dump(RTM_GETADDR, &header, sizeof(header), [&addresses](const nlmsghdr *h) {
        if (h->nlmsg_type != RTM_NEWADDR)
            return;
        const AddressState a = parseAddress(h);
        if (a.family == AF_INET || a.family == AF_INET6)
            addresses.append(a);
    });
    return result->ok() ? addresses : QList<AddressState>();
}

QList<RouteState> AddressEditor::readRoutes(Result *result)
{
    QList<RouteState> routes;
    for (const int family : {AF_INET, AF_INET6}) {
        rtmsg header{};
        header.rtm_family = quint8(family);
        *result = Netlink::dump(RTM_GETROUTE, &header, sizeof(header), [&routes, family](const nlmsghdr *h) {
            if (h->nlmsg_type != RTM_NEWROUTE)
                return;
            const RouteState r = parseRoute(h);
            if (r.family == family)
                routes.append(r);
        });
        if (!result->ok())
            return QList<RouteState>();
    }
    return routes;
}

AddressEditor::Result AddressEditor::addAddress(const AddressState &address)
{
    nl_msg *msg = nlmsg_alloc_simple(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
    if (!msg)
        return noMemory();
    ifaddrmsg ifa{};
    ifa.ifa_family = quint8(address.family);
    ifa.ifa_prefixlen = quint8(address.prefixLength);
    ifa.ifa_flags = quint8(address.settableFlags() & 0xff);
    ifa.ifa_scope = quint8(address.scope);
    ifa.ifa_index = quint32(address.ifindex);
    int err = nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO);
    auto put = [&](int attr, const QByteArray &bytes) {
        if (err == 0 && !bytes.isEmpty())
            err = nla_put(msg, attr, int(bytes.size()), bytes.constData());
    };
    put(IFA_LOCAL, address.local);
    put(IFA_ADDRESS, address.peer.isEmpty() ? address.local : address.peer);
    put(IFA_BROADCAST, address.broadcast);
    if (err == 0 && !address.label.isEmpty())
        err = nla_put_string(msg, IFA_LABEL, address.label.toLatin1().constData());
    if (err == 0)
        err = nla_put_u32(msg, IFA_FLAGS, address.settableFlags());
    if (err == 0 && (address.validLifetime != AddressState::Forever
                     || address.preferredLifetime != AddressState::Forever)) {
        ifa_cacheinfo ci{};
        ci.ifa_valid = address.validLifetime;
        ci.ifa_prefered = address.preferredLifetime;
        err = nla_put(msg, IFA_CACHEINFO, sizeof(ci), &ci);
    }
    if (err == 0 && address.routePriority >= 0)
        err = nla_put_u32(msg, IFA_RT_PRIORITY, quint32(address.routePriority));
#ifdef IFA_PROTO
    if (err == 0 && address.protocol >= 0)
        err = nla_put_u8(msg, IFA_PROTO, quint8(address.protocol));
#endif
    if (err < 0) {
        nlmsg_free(msg);
        return Result{0, QString::fromLocal8Bit(nl_geterror(err))};
    }
    return Netlink::request(msg);
}

AddressEditor::Result AddressEditor::deleteAddress(const AddressState &address)
{
    nl_msg *msg = nlmsg_alloc_simple(RTM_DELADDR, 0);
    if (!msg)
        return noMemory();
    ifaddrmsg ifa{};
    ifa.ifa_family = quint8(address.family);
    ifa.ifa_prefixlen = quint8(address.prefixLength);
    ifa.ifa_index = quint32(address.ifindex);
    int err = nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO);
    if (err == 0)
        err = nla_put(msg, IFA_LOCAL, int(address.local.size()), address.local.constData());
    const QByteArray peer = address.peer.isEmpty() ? address.local : address.peer;
    if (err == 0)
        err = nla_put(msg, IFA_ADDRESS, int(peer.size()), peer.constData());
    if (err < 0) {
        nlmsg_free(msg);
        return Result{0, QString::fromLocal8Bit(nl_geterror(err))};
    }
    return Netlink::request(msg);
}

AddressEditor::Result AddressEditor::addRoute(const RouteState &route, bool append)
{
    nl_msg *msg = routeMessage(RTM_NEWROUTE, NLM_F_CREATE | (append ? NLM_F_APPEND : NLM_F_EXCL), route);
    if (!msg)
        return noMemory();
    return Netlink::request(msg);
}

AddressEditor::Result AddressEditor::deleteRoute(const RouteState &route)
{
    nl_msg *msg = routeMessage(RTM_DELROUTE, 0, route);
    if (!msg)
        return noMemory();
    return Netlink::request(msg);
}

int AddressEditor::outputLink(int family, const QByteArray &address, Result *result)
{
    *result = Result();
    Netlink::RouteSocket sock;
    if (!sock.open(result))
        return 0;
    nl_msg *msg = nlmsg_alloc_simple(RTM_GETROUTE, 0);
    if (!msg) {
        *result = noMemory();
        return 0;
    }
    rtmsg rtm{};
    rtm.rtm_family = quint8(family);
    rtm.rtm_dst_len = quint8(address.size() * 8);
    int err = nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO);
    if (err == 0)
        err = nla_put(msg, RTA_DST, int(address.size()), address.constData());
    int oif = 0;
    auto onAnswer = [](nl_msg *answer, void *arg) -> int {
        nlattr *tb[RTA_MAX + 1];
        if (nlmsg_parse(nlmsg_hdr(answer), sizeof(rtmsg), tb, RTA_MAX, nullptr) == 0 && tb[RTA_OIF])
            *static_cast<int *>(arg) = int(nla_get_u32(tb[RTA_OIF]));
        return NL_OK;
    };
    nl_socket_modify_cb(sock.get(), NL_CB_VALID, NL_CB_CUSTOM, onAnswer, &oif);
    if (err == 0)
        err = nl_send_auto(sock.get(), msg);
    nlmsg_free(msg);
    if (err >= 0)
        err = nl_recvmsgs_default(sock.get());
    if (err < 0) {
        // No route to there is an answer too: no link.
        *result = sock.result(err);
        if (result->kernelErrno == ENETUNREACH || result->kernelErrno == EHOSTUNREACH)
            *result = Result();
        return 0;
    }
    return oif;
}

} // namespace Passerelle
