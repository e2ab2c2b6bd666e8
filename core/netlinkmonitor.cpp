#include "netlinkmonitor.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSocketNotifier>
#include <QTimer>

#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace Passerelle {

namespace {

// Large enough for the burst of a few hundred containers starting at once;
// the kernel drops further messages and reports ENOBUFS.
constexpr int kDefaultReceiveBuffer = 8 * 1024 * 1024;
constexpr int kFirstBackoffMs = 20;
constexpr int kMaxBackoffMs = 1000;
// Overruns further apart than this are a new burst: the back-off starts again.
constexpr qint64 kCalmAfterMs = 5000;
// A dump that the kernel marks as interrupted (NLM_F_DUMP_INTR) is retried
// this many times before the monitor settles for a later re-dump.
constexpr int kMaxDumpAttempts = 20;

struct SockDeleter
{
    void operator()(nl_sock *s) const { nl_socket_free(s); }
};
using SockPtr = std::unique_ptr<nl_sock, SockDeleter>;

struct MsgDeleter
{
    void operator()(nl_msg *m) const { nlmsg_free(m); }
};
using MsgPtr = std::unique_ptr<nl_msg, MsgDeleter>;

// What libnl 3.7 does not parse: STP on a bridge (IFLA_BR_STP_STATE) and the
// state of a bridge port (IFLA_BRPORT_STATE).
struct BridgeExtras
{
    std::optional<bool> stp;
    QString portState;
};

// One address with the raw bytes kept for a stable sort order: an address
// list built incrementally must equal the one a fresh dump builds.
struct SortableAddress
{
    QByteArray key;
    Address address;
};

QString nlError(int err)
{
    return QString::fromLocal8Bit(nl_geterror(err));
}

QString operstateName(unsigned state)
{
    // The words and order of iproute2's oper_states[].
    static const char *const names[] = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"};
    if (state < std::size(names))
        return QLatin1String(names[state]);
    return QString::number(state);
}

QString portStateName(unsigned state)
{
    switch (state) {
    case BR_STATE_DISABLED:
        return QStringLiteral("disabled");
    case BR_STATE_LISTENING:
        return QStringLiteral("listening");
    case BR_STATE_LEARNING:
        return QStringLiteral("learning");
    case BR_STATE_FORWARDING:
        return QStringLiteral("forwarding");
    case BR_STATE_BLOCKING:
        return QStringLiteral("blocking");
    }
    return QString::number(state);
}

QString scopeName(int scope)
{
    switch (scope) {
    case RT_SCOPE_UNIVERSE:
        return QStringLiteral("global");
    case RT_SCOPE_SITE:
        return QStringLiteral("site");
    case RT_SCOPE_LINK:
        return QStringLiteral("link");
    case RT_SCOPE_HOST:
        return QStringLiteral("host");
    case RT_SCOPE_NOWHERE:
        return QStringLiteral("nowhere");
    }
    return QString::number(scope);
}

// An IP address without the "/prefix" that nl_addr2str() appends.
QString ipString(nl_addr *addr)
{
    if (!addr)
        return QString();
    const int family = nl_addr_get_family(addr);
    const unsigned len = nl_addr_get_len(addr);
    if ((family == AF_INET && len != 4) || (family == AF_INET6 && len != 16) || (family != AF_INET && family != AF_INET6))
        return QString();
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(family, nl_addr_get_binary_addr(addr), buf, sizeof buf))
        return QString();
    return QString::fromLatin1(buf);
}

// The link-layer address as iproute2 prints it: IP notation for IP tunnels,
// lower-case colon hex otherwise, nothing when the link has no address.
QString linkLayerAddress(nl_addr *addr, unsigned arptype)
{
    if (!addr)
        return QString();
    const unsigned len = nl_addr_get_len(addr);
    if (len == 0)
        return QString();
    const auto *bytes = static_cast<const unsigned char *>(nl_addr_get_binary_addr(addr));
    char buf[INET6_ADDRSTRLEN];
    if (len == 4 && (arptype == ARPHRD_TUNNEL || arptype == ARPHRD_SIT || arptype == ARPHRD_IPGRE)
        && inet_ntop(AF_INET, bytes, buf, sizeof buf))
        return QString::fromLatin1(buf);
    if (len == 16 && (arptype == ARPHRD_TUNNEL6 || arptype == ARPHRD_IP6GRE)
        && inet_ntop(AF_INET6, bytes, buf, sizeof buf))
        return QString::fromLatin1(buf);
    static const char hex[] = "0123456789abcdef";
    QString out;
    out.reserve(int(len) * 3);
    for (unsigned i = 0; i < len; ++i) {
        if (i)
            out += QLatin1Char(':');
        out += QLatin1Char(hex[bytes[i] >> 4]);
        out += QLatin1Char(hex[bytes[i] & 0xf]);
    }
    return out;
}

// Policies for the nested attributes read with nla_parse_nested(); built at
// run time because C++ has no designated array initialisers.
template<size_t N>
using Policy = std::array<nla_policy, N>;

const nla_policy *linkInfoPolicy()
{
    static const Policy<IFLA_INFO_MAX + 1> policy = [] {
        Policy<IFLA_INFO_MAX + 1> p{};
        p[IFLA_INFO_KIND].type = NLA_STRING;
        p[IFLA_INFO_DATA].type = NLA_NESTED;
        p[IFLA_INFO_SLAVE_KIND].type = NLA_STRING;
        p[IFLA_INFO_SLAVE_DATA].type = NLA_NESTED;
        return p;
    }();
    return policy.data();
}

const nla_policy *bridgeInfoPolicy()
{
    static const Policy<IFLA_BR_MAX + 1> policy = [] {
        Policy<IFLA_BR_MAX + 1> p{};
        p[IFLA_BR_STP_STATE].type = NLA_U32;
        return p;
    }();
    return policy.data();
}

const nla_policy *bridgePortPolicy()
{
    static const Policy<IFLA_BRPORT_MAX + 1> policy = [] {
        Policy<IFLA_BRPORT_MAX + 1> p{};
        p[IFLA_BRPORT_STATE].type = NLA_U8;
        return p;
    }();
    return policy.data();
}

// IFLA_BRPORT_STATE inside a nest (IFLA_INFO_SLAVE_DATA or IFLA_PROTINFO);
// empty when the nest does not carry it.
QString portStateIn(nlattr *nest)
{
    nlattr *port[IFLA_BRPORT_MAX + 1];
    if (nla_parse_nested(port, IFLA_BRPORT_MAX, nest, bridgePortPolicy()) < 0 || !port[IFLA_BRPORT_STATE])
        return QString();
    return portStateName(nla_get_u8(port[IFLA_BRPORT_STATE]));
}

// STP and port state from an AF_UNSPEC RTM_NEWLINK, read with libnl's own
// attribute parser (libnl 3.7 has no getter for either).
BridgeExtras bridgeExtrasOf(nlmsghdr *nlh)
{
    BridgeExtras extras;
    nlattr *linkInfo = nlmsg_find_attr(nlh, sizeof(ifinfomsg), IFLA_LINKINFO);
    if (!linkInfo)
        return extras;
    nlattr *info[IFLA_INFO_MAX + 1];
    if (nla_parse_nested(info, IFLA_INFO_MAX, linkInfo, linkInfoPolicy()) < 0)
        return extras;
    if (info[IFLA_INFO_KIND] && nla_strcmp(info[IFLA_INFO_KIND], "bridge") == 0 && info[IFLA_INFO_DATA]) {
        nlattr *br[IFLA_BR_MAX + 1];
        if (nla_parse_nested(br, IFLA_BR_MAX, info[IFLA_INFO_DATA], bridgeInfoPolicy()) >= 0 && br[IFLA_BR_STP_STATE])
            extras.stp = nla_get_u32(br[IFLA_BR_STP_STATE]) != 0;
    }
    if (info[IFLA_INFO_SLAVE_KIND] && nla_strcmp(info[IFLA_INFO_SLAVE_KIND], "bridge") == 0
        && info[IFLA_INFO_SLAVE_DATA])
        extras.portState = portStateIn(info[IFLA_INFO_SLAVE_DATA]);
    return extras;
}

// One nexthop of a default route.
struct RouteHop
{
    QByteArray gateway; // raw address; empty for a route through a device only
    int gatewayFamily = 0;
    int oif = 0;
    int weight = 1;
    bool onlink = false;
    // IPv4: the kernel marks a nexthop dead when its link goes down or loses
    // its last address, without a message; not part of the identity.
    bool dead = false;

    bool sameNexthop(const RouteHop &o) const
    {
        return gatewayFamily == o.gatewayFamily && gateway == o.gateway && oif == o.oif;
    }
    bool operator==(const RouteHop &o) const { return sameNexthop(o) && weight == o.weight && onlink == o.onlink; }
};

// A default route as the kernel keeps it. IPv4: one route (a fib alias),
// with one nexthop or several. IPv6: one nexthop, because the kernel keeps
// each nexthop of a multipath (ECMP) route as a route of its own and deletes
// them one by one. Routes of every type are kept, though only unicast ones
// are reported: they share the kernel's order, which NLM_F_REPLACE depends on.
struct KernelRoute
{
    int family = 0;
    quint32 table = RT_TABLE_MAIN;
    quint32 metric = 0;
    int tos = 0;
    QByteArray source; // IPv6 source prefix ("from"): its length, then the address
    int type = RTN_UNICAST;
    int protocol = 0;
    int scope = 0;
    QByteArray prefsrc;
    QByteArray metrics; // RTA_METRICS as the kernel sends it
    quint32 nhid = 0;   // nexthop object, 0 when none
    std::vector<RouteHop> hops;

    // The routes among which the kernel orders, appends and replaces.
    bool sameGroup(const KernelRoute &o) const
    {
        return family == o.family && table == o.table && metric == o.metric && tos == o.tos && source == o.source;
    }
    // The same route: what a deletion message names. IPv6 refuses two routes
    // with the same nexthop in a group; IPv4 refuses two identical aliases.
    bool sameRoute(const KernelRoute &o) const
    {
        if (!sameGroup(o) || nhid != o.nhid || hops.size() != o.hops.size())
            return false;
        if (family == AF_INET6)
            return hops.empty() || hops.front().sameNexthop(o.hops.front());
        return type == o.type && protocol == o.protocol && scope == o.scope && prefsrc == o.prefsrc
            && metrics == o.metrics && hops == o.hops;
    }
    // IPv6 joins routes of a group that qualify into one multipath route
    // (rt6_qualify_for_ecmp(): a gateway, no nexthop object, not learnt
    // from router advertisements).
    bool ecmpCapable() const
    {
        return family == AF_INET6 && nhid == 0 && protocol != RTPROT_RA && !hops.empty()
            && !hops.front().gateway.isEmpty();
    }
    bool via(int ifindex) const
    {
        return std::any_of(hops.cbegin(), hops.cend(), [ifindex](const RouteHop &h) { return h.oif == ifindex; });
    }
};

QByteArray attributeBytes(nlattr *attr)
{
    if (!attr)
        return QByteArray();
    return QByteArray(static_cast<const char *>(nla_data(attr)), nla_len(attr));
}

const nla_policy *routePolicy()
{
    static const Policy<RTA_MAX + 1> policy = [] {
        Policy<RTA_MAX + 1> p{};
        p[RTA_TABLE].type = NLA_U32;
        p[RTA_PRIORITY].type = NLA_U32;
        p[RTA_OIF].type = NLA_U32;
        p[RTA_NH_ID].type = NLA_U32;
        return p;
    }();
    return policy.data();
}

// RTA_GATEWAY in the route's family, or RTA_VIA (an IPv4 route through an
// IPv6 gateway).
void readGateway(nlattr **tb, int family, RouteHop *hop)
{
    if (tb[RTA_GATEWAY]) {
        hop->gateway = attributeBytes(tb[RTA_GATEWAY]);
        hop->gatewayFamily = family;
    } else if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) > int(sizeof(rtvia::rtvia_family))) {
        const QByteArray via = attributeBytes(tb[RTA_VIA]);
        rtvia header{};
        memcpy(&header.rtvia_family, via.constData(), sizeof header.rtvia_family);
        hop->gatewayFamily = header.rtvia_family;
        hop->gateway = via.mid(int(sizeof header.rtvia_family));
    }
}

// A route message about a default route (of any type, any table), parsed
// with libnl's attribute parser; nothing for other routes and for cached
// clones (RTM_F_CLONED).
std::optional<KernelRoute> parseDefaultRoute(nlmsghdr *nlh)
{
    if (!nlmsg_valid_hdr(nlh, sizeof(rtmsg)))
        return std::nullopt;
    const auto *rtm = static_cast<const rtmsg *>(nlmsg_data(nlh));
    if ((rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6) || rtm->rtm_dst_len != 0
        || (rtm->rtm_flags & RTM_F_CLONED))
        return std::nullopt;
    nlattr *tb[RTA_MAX + 1];
    if (nlmsg_parse(nlh, sizeof(rtmsg), tb, RTA_MAX, routePolicy()) < 0)
        return std::nullopt;
    KernelRoute r;
    r.family = rtm->rtm_family;
    r.tos = rtm->rtm_tos;
    r.type = rtm->rtm_type;
    r.protocol = rtm->rtm_protocol;
    r.scope = rtm->rtm_scope;
    r.table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
    r.metric = tb[RTA_PRIORITY] ? nla_get_u32(tb[RTA_PRIORITY]) : 0;
    if (rtm->rtm_src_len)
        r.source = char(rtm->rtm_src_len) + attributeBytes(tb[RTA_SRC]);
    r.prefsrc = attributeBytes(tb[RTA_PREFSRC]);
    r.metrics = attributeBytes(tb[RTA_METRICS]);
    r.nhid = tb[RTA_NH_ID] ? nla_get_u32(tb[RTA_NH_ID]) : 0;

    if (nlattr *multipath = tb[RTA_MULTIPATH]) {
        const auto *bytes = static_cast<const char *>(nla_data(multipath));
        int left = nla_len(multipath);
        while (left >= int(sizeof(rtnexthop))) {
            rtnexthop nh;
            memcpy(&nh, bytes, sizeof nh);
            if (nh.rtnh_len < sizeof nh || int(nh.rtnh_len) > left)
                return std::nullopt;
            RouteHop hop;
            hop.oif = nh.rtnh_ifindex;
            hop.weight = nh.rtnh_hops + 1;
            hop.onlink = nh.rtnh_flags & RTNH_F_ONLINK;
            hop.dead = nh.rtnh_flags & RTNH_F_DEAD;
            nlattr *ntb[RTA_MAX + 1];
            auto *attrs = reinterpret_cast<nlattr *>(const_cast<char *>(bytes) + RTNH_LENGTH(0));
            if (nla_parse(ntb, RTA_MAX, attrs, int(nh.rtnh_len) - int(RTNH_LENGTH(0)), routePolicy()) < 0)
                return std::nullopt;
            readGateway(ntb, r.family, &hop);
            r.hops.push_back(std::move(hop));
            const int step = int(RTNH_ALIGN(nh.rtnh_len));
            bytes += step;
            left -= step;
        }
    } else if (tb[RTA_OIF] || tb[RTA_GATEWAY] || tb[RTA_VIA] || !r.nhid) {
        RouteHop hop;
        hop.oif = tb[RTA_OIF] ? int(nla_get_u32(tb[RTA_OIF])) : 0;
        hop.onlink = rtm->rtm_flags & RTNH_F_ONLINK;
        hop.dead = rtm->rtm_flags & RTNH_F_DEAD;
        readGateway(tb, r.family, &hop);
        r.hops.push_back(std::move(hop));
    }
    return r;
}

// IPv6 keeps a route per nexthop of a multipath route.
std::vector<KernelRoute> perNexthop(const KernelRoute &route)
{
    if (route.hops.size() <= 1)
        return {route};
    std::vector<KernelRoute> out;
    for (const RouteHop &hop : route.hops) {
        KernelRoute one = route;
        one.hops = {hop};
        out.push_back(std::move(one));
    }
    return out;
}

QString gatewayString(const RouteHop &hop)
{
    char buf[INET6_ADDRSTRLEN];
    const int len = int(hop.gateway.size());
    if ((hop.gatewayFamily == AF_INET && len == 4) || (hop.gatewayFamily == AF_INET6 && len == 16)) {
        if (inet_ntop(hop.gatewayFamily, hop.gateway.constData(), buf, sizeof buf))
            return QString::fromLatin1(buf);
    }
    return QString();
}

// Removes the objects of a cache that match; returns whether any matched.
template<typename Pred>
bool removeObjects(nl_cache *cache, Pred matches)
{
    if (!cache)
        return false;
    std::vector<nl_object *> doomed;
    for (nl_object *obj = nl_cache_get_first(cache); obj; obj = nl_cache_get_next(obj)) {
        if (matches(obj))
            doomed.push_back(obj);
    }
    for (nl_object *obj : doomed)
        nl_cache_remove(obj);
    return !doomed.empty();
}

SockPtr openNetnsIdSocket()
{
    SockPtr sk(nl_socket_alloc());
    if (!sk || nl_connect(sk.get(), NETLINK_ROUTE) < 0)
        return nullptr;
    nl_socket_disable_auto_ack(sk.get());
    return sk;
}

// RTM_GETNSID: one request, one reply, on SK.
int queryNetnsId(nl_sock *sk, int attribute, quint32 value)
{
    if (!sk)
        return -1;
    MsgPtr msg(nlmsg_alloc_simple(RTM_GETNSID, NLM_F_REQUEST));
    if (!msg)
        return -1;
    rtgenmsg header{};
    header.rtgen_family = AF_UNSPEC;
    if (nlmsg_append(msg.get(), &header, sizeof header, NLMSG_ALIGNTO) < 0
        || nla_put_u32(msg.get(), attribute, value) < 0)
        return -1;
    if (nl_send_auto(sk, msg.get()) < 0)
        return -1;

    int nsid = -1;
    auto onReply = [](nl_msg *reply, void *arg) -> int {
        nlmsghdr *nlh = nlmsg_hdr(reply);
        if (nlh->nlmsg_type != RTM_NEWNSID)
            return NL_SKIP;
        nlattr *tb[NETNSA_MAX + 1];
        if (nlmsg_parse(nlh, sizeof(rtgenmsg), tb, NETNSA_MAX, nullptr) >= 0 && tb[NETNSA_NSID]
            && nla_len(tb[NETNSA_NSID]) >= int(sizeof(qint32)))
            *static_cast<int *>(arg) = nla_get_s32(tb[NETNSA_NSID]);
        return NL_STOP;
    };
    nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, onReply, &nsid);
    const int err = nl_recvmsgs_default(sk);
    if (err < 0) {
        qCDebug(lcNetlink) << "RTM_GETNSID failed:" << nlError(err);
        return -1;
    }
    return nsid < 0 ? -1 : nsid;
}

} // namespace

class NetlinkMonitor::Private
{
public:
    explicit Private(NetlinkMonitor *q)
        : q(q)
    {
    }
    ~Private() { teardown(); }

    void start(bool live);
    void teardown();
    void fail(const QString &reason);

    bool openDumpSocket();
    void setEventReceiveBuffer();
    int dumpInto(nl_cache *cache, int type, std::initializer_list<int> families);
    int dumpRoutes();
    int refillAll();
    int requestDump(int type, int family);
    void rebuild();
    void resync();
    void drainEvents();
    void onReadable();
    void scheduleResync(bool announce);

    // libnl hooks: C callbacks that forward to the members below.
    static int eventHook(nl_msg *msg, void *arg) { return static_cast<Private *>(arg)->onEventMessage(msg); }
    static int dumpHook(nl_msg *msg, void *arg) { return static_cast<Private *>(arg)->onDumpMessage(msg); }
    static void linkCallback(nl_cache *, nl_object *obj, int action, void *arg)
    {
        static_cast<Private *>(arg)->onLinkObject(reinterpret_cast<rtnl_link *>(obj), action);
    }
    static void addressCallback(nl_cache *, nl_object *obj, int action, void *arg)
    {
        static_cast<Private *>(arg)->onAddressObject(reinterpret_cast<rtnl_addr *>(obj), action);
    }
    int onEventMessage(nl_msg *msg);
    int onDumpMessage(nl_msg *msg);
    void onLinkObject(rtnl_link *link, int action);
    void onAddressObject(rtnl_addr *addr, int action);
    void onRouteMessage(nlmsghdr *nlh);
    void addRoute(KernelRoute route, int nlmsgFlags);
    void deleteRoute(const KernelRoute &route);

    Link convertLink(rtnl_link *link) const;
    QList<Address> addressesOf(int ifindex) const;
    QList<DefaultRoute> computeDefaultRoutes() const;
    void applyExtras(int ifindex);
    void flushPending();
    void dropLink(int ifindex, bool fromLinkCache);
    bool hasIpv4Address(int ifindex) const;
    bool ipv4AddressExists(const QByteArray &raw) const;
    bool killIpv4Nexthops(int ifindex);
    void reviveIpv4Nexthops(int ifindex);
    void updateDefaultRoutes();

    NetlinkMonitor *q;
    int receiveBufferSize = kDefaultReceiveBuffer;
    QString error;

    nl_sock *eventSock = nullptr;  // ours; the manager reads from it
    nl_sock *dumpSock = nullptr;   // dumps, with the raw-message hook
    nl_cache_mngr *mngr = nullptr; // owns the caches in live mode
    nl_cache *linkCache = nullptr;
    nl_cache *addrCache = nullptr;
    bool ownCaches = false;        // one-shot mode: no manager
    QSocketNotifier *notifier = nullptr;
    QTimer *resyncTimer = nullptr;

    QHash<int, Link> links;        // what has been reported
    QHash<int, BridgeExtras> extras;
    // Default routes, kept from the route messages rather than in a libnl
    // cache: libnl keys a route by family, tos, table, destination and
    // priority only, so routes that differ in their nexthop (the same
    // default through two links, as while the helper moves it) collapse
    // into one object, and deleting one of them loses both.
    std::vector<KernelRoute> kernelRoutes;
    QList<DefaultRoute> routes; // what has been reported

    // The AF_UNSPEC link message being processed: its bridge extras are
    // applied once libnl is done with it (libnl reports no change when only
    // STP or a port state changed).
    int pendingIfindex = 0;
    bool pendingDelete = false;

    bool discarding = false;
    bool resyncPending = false;
    int backoffMs = kFirstBackoffMs;
    QElapsedTimer sinceOverrunResync;
};

void NetlinkMonitor::Private::fail(const QString &reason)
{
    qCWarning(lcNetlink).noquote() << reason;
    teardown();
    error = reason;
    Q_EMIT q->failed(reason);
}

bool NetlinkMonitor::Private::openDumpSocket()
{
    dumpSock = nl_socket_alloc();
    if (!dumpSock) {
        fail(NetlinkMonitor::tr("Could not allocate a netlink socket: out of memory."));
        return false;
    }
    if (const int err = nl_connect(dumpSock, NETLINK_ROUTE); err < 0) {
        fail(NetlinkMonitor::tr("Could not open a netlink socket to read the network state: %1.").arg(nlError(err)));
        return false;
    }
    nl_socket_disable_auto_ack(dumpSock);
    nl_socket_modify_cb(dumpSock, NL_CB_MSG_IN, NL_CB_CUSTOM, dumpHook, this);
    return true;
}

void NetlinkMonitor::Private::setEventReceiveBuffer()
{
    const int fd = nl_socket_get_fd(eventSock);
    int size = receiveBufferSize;
    // SO_RCVBUFFORCE goes past net.core.rmem_max but needs CAP_NET_ADMIN.
    if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0) {
        if (const int err = nl_socket_set_buffer_size(eventSock, size, 0); err < 0)
            qCWarning(lcNetlink) << "could not set the netlink receive buffer:" << nlError(err);
    }
    int actual = 0;
    socklen_t len = sizeof actual;
    ::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &actual, &len);
    qCDebug(lcNetlink) << "event socket receive buffer:" << actual << "bytes";
}

int NetlinkMonitor::Private::requestDump(int type, int family)
{
    MsgPtr msg(nlmsg_alloc_simple(type, NLM_F_DUMP));
    if (!msg)
        return -NLE_NOMEM;
    int err = 0;
    switch (type) {
    case RTM_GETLINK: {
        ifinfomsg hdr{};
        hdr.ifi_family = family;
        err = nlmsg_append(msg.get(), &hdr, sizeof hdr, NLMSG_ALIGNTO);
        break;
    }
    case RTM_GETADDR: {
        ifaddrmsg hdr{};
        hdr.ifa_family = family;
        err = nlmsg_append(msg.get(), &hdr, sizeof hdr, NLMSG_ALIGNTO);
        break;
    }
    default: {
        rtmsg hdr{};
        hdr.rtm_family = family;
        err = nlmsg_append(msg.get(), &hdr, sizeof hdr, NLMSG_ALIGNTO);
        break;
    }
    }
    if (err < 0)
        return err;
    err = nl_send_auto(dumpSock, msg.get());
    return err < 0 ? err : 0;
}

// Clears a cache and fills it from a dump of our own socket. Unlike
// nl_cache_refill(), an interrupted dump starts again from an empty cache
// instead of keeping what the interrupted attempt returned.
int NetlinkMonitor::Private::dumpInto(nl_cache *cache, int type, std::initializer_list<int> families)
{
    int err = 0;
    for (int attempt = 0; attempt < kMaxDumpAttempts; ++attempt) {
        nl_cache_clear(cache);
        if (cache == linkCache)
            extras.clear();
        for (int family : families) {
            err = requestDump(type, family);
            if (err < 0)
                return err;
            err = nl_cache_pickup(dumpSock, cache);
            if (err < 0)
                break;
        }
        if (err != -NLE_DUMP_INTR)
            return err;
        qCDebug(lcNetlink) << "dump interrupted by a concurrent change, starting again";
    }
    return err;
}

// The default routes of both families, in the kernel's order, from a dump
// of our own socket: every route crosses it, only default ones are kept.
int NetlinkMonitor::Private::dumpRoutes()
{
    auto onRoute = [](nl_msg *msg, void *arg) -> int {
        nlmsghdr *nlh = nlmsg_hdr(msg);
        if (nlh->nlmsg_type == RTM_NEWROUTE) {
            if (std::optional<KernelRoute> route = parseDefaultRoute(nlh))
                static_cast<std::vector<KernelRoute> *>(arg)->push_back(std::move(*route));
        }
        return NL_OK;
    };
    nl_cb *socketCb = nl_socket_get_cb(dumpSock);
    nl_cb *cb = nl_cb_clone(socketCb);
    nl_cb_put(socketCb);
    if (!cb)
        return -NLE_NOMEM;
    std::vector<KernelRoute> dumped;
    nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, onRoute, &dumped);
    int err = 0;
    for (int attempt = 0; attempt < kMaxDumpAttempts; ++attempt) {
        dumped.clear();
        for (int family : {AF_INET, AF_INET6}) {
            err = requestDump(RTM_GETROUTE, family);
            if (err >= 0)
                err = nl_recvmsgs(dumpSock, cb);
            if (err < 0)
                break;
        }
        if (err != -NLE_DUMP_INTR)
            break;
        qCDebug(lcNetlink) << "route dump interrupted by a concurrent change, starting again";
    }
    nl_cb_put(cb);
    if (err >= 0 || err == -NLE_DUMP_INTR)
        kernelRoutes = std::move(dumped);
    return err;
}

int NetlinkMonitor::Private::refillAll()
{
    int err = dumpInto(linkCache, RTM_GETLINK, {AF_UNSPEC});
    if (err >= 0 || err == -NLE_DUMP_INTR) {
        const int e = dumpInto(addrCache, RTM_GETADDR, {AF_INET, AF_INET6});
        err = err < 0 ? err : e;
    }
    if (err >= 0 || err == -NLE_DUMP_INTR) {
        const int e = dumpRoutes();
        err = err < 0 ? err : e;
    }
    return err;
}

void NetlinkMonitor::Private::start(bool live)
{
    teardown();
    error.clear();
    QElapsedTimer timer;
    timer.start();

    if (!openDumpSocket())
        return;

    if (!live) {
        ownCaches = true;
        int err = nl_cache_alloc_name("route/link", &linkCache);
        if (err >= 0)
            err = nl_cache_alloc_name("route/addr", &addrCache);
        if (err < 0) {
            fail(NetlinkMonitor::tr("Could not set up the netlink caches: %1.").arg(nlError(err)));
            return;
        }
        err = refillAll();
        if (err < 0 && err != -NLE_DUMP_INTR) {
            fail(NetlinkMonitor::tr("Could not read the network state from the kernel: %1.").arg(nlError(err)));
            return;
        }
        rebuild();
        qCDebug(lcNetlink) << "one-shot dump of" << links.size() << "links in" << timer.elapsed() << "ms";
        teardown();
        return;
    }

    eventSock = nl_socket_alloc();
    if (!eventSock) {
        fail(NetlinkMonitor::tr("Could not allocate a netlink socket: out of memory."));
        return;
    }
    // Sees every event before the cache manager: keeps what libnl does not
    // parse and keeps AF_BRIDGE and AF_INET6 link messages out of the cache.
    nl_socket_modify_cb(eventSock, NL_CB_MSG_IN, NL_CB_CUSTOM, eventHook, this);
    if (const int err = nl_cache_mngr_alloc(eventSock, NETLINK_ROUTE, 0, &mngr); err < 0) {
        mngr = nullptr;
        fail(NetlinkMonitor::tr("Could not open a netlink socket to follow network changes: %1.").arg(nlError(err)));
        return;
    }
    setEventReceiveBuffer();
    // Route messages are read by the hook, with no libnl cache (see
    // kernelRoutes): the manager does not subscribe to them itself.
    if (const int err = nl_socket_add_memberships(eventSock, RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, 0); err < 0) {
        fail(NetlinkMonitor::tr("Could not subscribe to network changes (%1): %2.")
                 .arg(QStringLiteral("routes"), nlError(err)));
        return;
    }

    struct CacheSpec
    {
        const char *name;
        change_func_t callback;
        nl_cache **cache;
    };
    const CacheSpec specs[] = {
        {"route/link", linkCallback, &linkCache},
        {"route/addr", addressCallback, &addrCache},
    };
    for (const CacheSpec &spec : specs) {
        if (const int err = nl_cache_mngr_add(mngr, spec.name, spec.callback, this, spec.cache); err < 0) {
            fail(NetlinkMonitor::tr("Could not subscribe to network changes (%1): %2.")
                     .arg(QLatin1String(spec.name), nlError(err)));
            return;
        }
    }

    // The manager filled its caches through a socket we cannot hook, so
    // they lack STP and port states; fill them again through ours.
    resync();
    if (!mngr)
        return;

    notifier = new QSocketNotifier(nl_cache_mngr_get_fd(mngr), QSocketNotifier::Read, q);
    QObject::connect(notifier, &QSocketNotifier::activated, q, [this] { onReadable(); });
    resyncTimer = new QTimer(q);
    resyncTimer->setSingleShot(true);
    QObject::connect(resyncTimer, &QTimer::timeout, q, [this] {
        resync();
        sinceOverrunResync.start();
    });
    qCDebug(lcNetlink) << "following" << links.size() << "links, ready in" << timer.elapsed() << "ms";
}

void NetlinkMonitor::Private::teardown()
{
    // deleteLater: teardown can run inside the timer's or the notifier's
    // own slot (a re-dump that fails).
    if (notifier) {
        notifier->setEnabled(false);
        notifier->deleteLater();
        notifier = nullptr;
    }
    if (resyncTimer) {
        resyncTimer->stop();
        resyncTimer->deleteLater();
        resyncTimer = nullptr;
    }
    if (mngr) {
        nl_cache_mngr_free(mngr); // frees the caches it manages
        mngr = nullptr;
        linkCache = addrCache = nullptr;
    }
    if (ownCaches) {
        for (nl_cache **cache : {&linkCache, &addrCache}) {
            if (*cache)
                nl_cache_free(*cache);
            *cache = nullptr;
        }
        ownCaches = false;
    }
    linkCache = addrCache = nullptr;
    kernelRoutes.clear();
    if (eventSock) {
        nl_socket_free(eventSock);
        eventSock = nullptr;
    }
    if (dumpSock) {
        nl_socket_free(dumpSock);
        dumpSock = nullptr;
    }
    pendingIfindex = 0;
    pendingDelete = false;
    discarding = false;
    resyncPending = false;
    backoffMs = kFirstBackoffMs;
}

// Reads and drops what is queued on the event socket. Run just before a
// dump: what was queued is older than the dump, and applying it afterwards
// could bring back a link whose removal was among the dropped messages.
void NetlinkMonitor::Private::drainEvents()
{
    discarding = true;
    for (int i = 0; i < 64; ++i) {
        const int err = nl_cache_mngr_data_ready(mngr);
        if (err >= 0)
            break;
        qCDebug(lcNetlink) << "while draining:" << nlError(err);
    }
    discarding = false;
    pendingIfindex = 0;
    pendingDelete = false;
}

void NetlinkMonitor::Private::resync()
{
    resyncPending = false;
    QElapsedTimer timer;
    timer.start();
    drainEvents();
    const int err = refillAll();
    if (err < 0 && err != -NLE_DUMP_INTR) {
        fail(NetlinkMonitor::tr("Could not read the network state from the kernel: %1.").arg(nlError(err)));
        return;
    }
    rebuild();
    qCDebug(lcNetlink) << "dumped" << links.size() << "links in" << timer.elapsed() << "ms";
    if (err == -NLE_DUMP_INTR) {
        // Changes kept interrupting the dump; what we have is close, and a
        // later dump makes it exact.
        scheduleResync(false);
    }
}

void NetlinkMonitor::Private::onReadable()
{
    if (!mngr)
        return;
    const int err = nl_cache_mngr_data_ready(mngr);
    flushPending();
    if (err >= 0)
        return;
    if (err == -NLE_NOMEM || err == -NLE_MSG_TRUNC) {
        // ENOBUFS (libnl reports it as NLE_NOMEM) or a message cut short:
        // messages are lost and only a dump can tell what they said.
        qCDebug(lcNetlink) << "netlink overrun:" << nlError(err);
        scheduleResync(true);
        return;
    }
    qCWarning(lcNetlink) << "netlink event could not be processed:" << nlError(err);
}

void NetlinkMonitor::Private::scheduleResync(bool announce)
{
    if (resyncPending || !resyncTimer)
        return; // coalesced into the re-dump already scheduled
    resyncPending = true;
    if (sinceOverrunResync.isValid() && sinceOverrunResync.elapsed() < kCalmAfterMs)
        backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
    else
        backoffMs = kFirstBackoffMs;
    qCDebug(lcNetlink) << "re-dump in" << backoffMs << "ms";
    resyncTimer->start(backoffMs);
    if (announce)
        Q_EMIT q->overrun();
}

int NetlinkMonitor::Private::onDumpMessage(nl_msg *msg)
{
    nlmsghdr *nlh = nlmsg_hdr(msg);
    if (nlh->nlmsg_type != RTM_NEWLINK || !nlmsg_valid_hdr(nlh, sizeof(ifinfomsg)))
        return NL_OK;
    const auto *ifi = static_cast<const ifinfomsg *>(nlmsg_data(nlh));
    if (ifi->ifi_family != AF_UNSPEC)
        return NL_SKIP;
    const BridgeExtras e = bridgeExtrasOf(nlh);
    if (e.stp || !e.portState.isEmpty())
        extras.insert(ifi->ifi_index, e);
    return NL_OK;
}

int NetlinkMonitor::Private::onEventMessage(nl_msg *msg)
{
    flushPending();
    if (discarding || resyncPending)
        return NL_SKIP; // a dump will tell
    nlmsghdr *nlh = nlmsg_hdr(msg);
    if (nlh->nlmsg_type == RTM_NEWROUTE || nlh->nlmsg_type == RTM_DELROUTE) {
        onRouteMessage(nlh);
        return NL_SKIP; // no libnl cache follows routes
    }
    if (nlh->nlmsg_type != RTM_NEWLINK && nlh->nlmsg_type != RTM_DELLINK)
        return NL_OK;
    if (!nlmsg_valid_hdr(nlh, sizeof(ifinfomsg)))
        return NL_SKIP;
    const auto *ifi = static_cast<const ifinfomsg *>(nlmsg_data(nlh));
    const int ifindex = ifi->ifi_index;

    if (ifi->ifi_family == AF_BRIDGE) {
        // The bridge's view of a port: its STP state changes arrive only
        // here. libnl must not see it: it would replace the bridge's own
        // link object with this partial one.
        QString state;
        if (nlh->nlmsg_type == RTM_NEWLINK) {
            nlattr *protinfo = nlmsg_find_attr(nlh, sizeof(ifinfomsg), IFLA_PROTINFO);
            if (!protinfo)
                return NL_SKIP; // about the bridge itself
            state = portStateIn(protinfo);
            if (state.isEmpty())
                return NL_SKIP;
        }
        auto it = extras.find(ifindex);
        if (it == extras.end()) {
            if (state.isEmpty())
                return NL_SKIP;
            it = extras.insert(ifindex, BridgeExtras());
        }
        if (it->portState != state) {
            it->portState = state;
            applyExtras(ifindex);
        }
        return NL_SKIP;
    }
    if (ifi->ifi_family != AF_UNSPEC)
        return NL_SKIP; // per-family views (AF_INET6 RA data) are not links

    pendingIfindex = ifindex;
    pendingDelete = nlh->nlmsg_type == RTM_DELLINK;
    if (!pendingDelete) {
        const BridgeExtras e = bridgeExtrasOf(nlh);
        if (e.stp || !e.portState.isEmpty())
            extras.insert(ifindex, e);
        else
            extras.remove(ifindex);
    }
    return NL_OK;
}

void NetlinkMonitor::Private::flushPending()
{
    if (!pendingIfindex)
        return;
    const int ifindex = std::exchange(pendingIfindex, 0);
    if (std::exchange(pendingDelete, false)) {
        // libnl found no object to delete (it keys bridges by AF_BRIDGE):
        // the link is gone all the same.
        if (links.contains(ifindex))
            dropLink(ifindex, true);
        return;
    }
    applyExtras(ifindex);
}

void NetlinkMonitor::Private::applyExtras(int ifindex)
{
    auto it = links.find(ifindex);
    if (it == links.end())
        return;
    const BridgeExtras e = extras.value(ifindex);
    const std::optional<bool> stp = it->kind == QLatin1String("bridge") ? e.stp : std::nullopt;
    const QString portState = it->masterIndex ? e.portState : QString();
    if (it->stp == stp && it->portState == portState)
        return;
    it->stp = stp;
    it->portState = portState;
    Q_EMIT q->linkChanged(*it);
}

Link NetlinkMonitor::Private::convertLink(rtnl_link *link) const
{
    Link l;
    l.ifindex = rtnl_link_get_ifindex(link);
    l.name = QString::fromLocal8Bit(rtnl_link_get_name(link));
    l.flags = rtnl_link_get_flags(link);
    const char *type = rtnl_link_get_type(link);
    l.kind = classifyLinkKind(type ? QString::fromLatin1(type) : QString(), l.flags);
    l.masterIndex = rtnl_link_get_master(link);
    l.mac = linkLayerAddress(rtnl_link_get_addr(link), rtnl_link_get_arptype(link));
    l.mtu = int(rtnl_link_get_mtu(link));
    l.operstate = operstateName(rtnl_link_get_operstate(link));
    l.peerIndex = rtnl_link_get_link(link);
    int32_t nsid = -1;
    if (rtnl_link_get_link_netnsid(link, &nsid) < 0)
        nsid = -1;
    l.peerNetnsId = nsid;
    const BridgeExtras e = extras.value(l.ifindex);
    if (l.kind == QLatin1String("bridge"))
        l.stp = e.stp;
    if (l.masterIndex)
        l.portState = e.portState;
    return l;
}

namespace {

SortableAddress convertAddress(rtnl_addr *addr)
{
    SortableAddress s;
    nl_addr *local = rtnl_addr_get_local(addr);
    s.address.family = rtnl_addr_get_family(addr);
    s.address.local = ipString(local);
    s.address.prefixLength = rtnl_addr_get_prefixlen(addr);
    s.address.scope = scopeName(rtnl_addr_get_scope(addr));
    s.key.append(char(s.address.family));
    if (local)
        s.key.append(static_cast<const char *>(nl_addr_get_binary_addr(local)), int(nl_addr_get_len(local)));
    s.key.append(char(s.address.prefixLength));
    return s;
}

QList<Address> sortedAddresses(std::vector<SortableAddress> &list)
{
    std::sort(list.begin(), list.end(),
              [](const SortableAddress &a, const SortableAddress &b) { return a.key < b.key; });
    QList<Address> out;
    out.reserve(qsizetype(list.size()));
    for (const SortableAddress &s : list)
        out.append(s.address);
    return out;
}

} // namespace

QList<Address> NetlinkMonitor::Private::addressesOf(int ifindex) const
{
    std::vector<SortableAddress> list;
    for (nl_object *obj = nl_cache_get_first(addrCache); obj; obj = nl_cache_get_next(obj)) {
        auto *addr = reinterpret_cast<rtnl_addr *>(obj);
        if (rtnl_addr_get_ifindex(addr) == ifindex)
            list.push_back(convertAddress(addr));
    }
    return sortedAddresses(list);
}

QList<DefaultRoute> NetlinkMonitor::Private::computeDefaultRoutes() const
{
    // One DefaultRoute per nexthop: a multipath route is as many ways out,
    // each through its own link (as `ip route` lists its nexthops). Dead
    // nexthops are listed too, as `ip route` lists them.
    QList<DefaultRoute> out;
    for (const KernelRoute &route : kernelRoutes) {
        if (route.type != RTN_UNICAST)
            continue;
        DefaultRoute r;
        r.family = route.family;
        r.metric = route.metric;
        r.table = route.table;
        if (route.hops.empty())
            out.append(r);
        for (const RouteHop &hop : route.hops) {
            r.gateway = gatewayString(hop);
            r.oifIndex = hop.oif;
            out.append(r);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const DefaultRoute &a, const DefaultRoute &b) {
        return std::tie(a.family, a.table, a.metric, a.oifIndex, a.gateway)
            < std::tie(b.family, b.table, b.metric, b.oifIndex, b.gateway);
    });
    return out;
}

void NetlinkMonitor::Private::updateDefaultRoutes()
{
    QList<DefaultRoute> next = computeDefaultRoutes();
    if (next == routes)
        return;
    routes = std::move(next);
    Q_EMIT q->defaultRoutesChanged(routes);
}

void NetlinkMonitor::Private::rebuild()
{
    QHash<int, std::vector<SortableAddress>> byLink;
    for (nl_object *obj = nl_cache_get_first(addrCache); obj; obj = nl_cache_get_next(obj)) {
        auto *addr = reinterpret_cast<rtnl_addr *>(obj);
        byLink[rtnl_addr_get_ifindex(addr)].push_back(convertAddress(addr));
    }
    links.clear();
    links.reserve(nl_cache_nitems(linkCache));
    QList<Link> list;
    list.reserve(nl_cache_nitems(linkCache));
    for (nl_object *obj = nl_cache_get_first(linkCache); obj; obj = nl_cache_get_next(obj)) {
        Link l = convertLink(reinterpret_cast<rtnl_link *>(obj));
        auto it = byLink.find(l.ifindex);
        if (it != byLink.end())
            l.addresses = sortedAddresses(*it);
        links.insert(l.ifindex, l);
        list.append(std::move(l));
    }
    std::sort(list.begin(), list.end(), [](const Link &a, const Link &b) { return a.ifindex < b.ifindex; });
    routes = computeDefaultRoutes();
    Q_EMIT q->snapshot(list, routes);
}

void NetlinkMonitor::Private::onLinkObject(rtnl_link *link, int action)
{
    const int ifindex = rtnl_link_get_ifindex(link);
    if (pendingIfindex == ifindex) {
        pendingIfindex = 0;
        pendingDelete = false;
    }
    if (action == NL_ACT_DEL) {
        dropLink(ifindex, false);
        return;
    }
    Link next = convertLink(link);
    auto it = links.find(ifindex);
    if (it == links.end()) {
        next.addresses = addressesOf(ifindex);
        it = links.insert(ifindex, next);
        Q_EMIT q->linkChanged(*it);
        return;
    }
    next.addresses = it->addresses;
    if (next == *it)
        return;
    const bool wentDown = (it->flags & IFF_UP) && !(next.flags & IFF_UP);
    const bool wentUp = !(it->flags & IFF_UP) && (next.flags & IFF_UP);
    *it = next;
    Q_EMIT q->linkChanged(*it);
    if (wentDown) {
        // The kernel flushes the IPv4 routes of a link that goes down
        // without telling anyone (IPv6 does send RTM_DELROUTE).
        if (killIpv4Nexthops(ifindex))
            updateDefaultRoutes();
    } else if (wentUp) {
        reviveIpv4Nexthops(ifindex);
    }
}

void NetlinkMonitor::Private::dropLink(int ifindex, bool fromLinkCache)
{
    extras.remove(ifindex);
    if (fromLinkCache) {
        removeObjects(linkCache, [ifindex](nl_object *obj) {
            return rtnl_link_get_ifindex(reinterpret_cast<rtnl_link *>(obj)) == ifindex;
        });
    }
    // Addresses and routes of a link that is gone: the kernel does not
    // always say so (IPv4 routes go silently).
    removeObjects(addrCache, [ifindex](nl_object *obj) {
        return rtnl_addr_get_ifindex(reinterpret_cast<rtnl_addr *>(obj)) == ifindex;
    });
    // An IPv4 route goes with any of its nexthops; IPv6 keeps one route
    // per nexthop.
    const auto gone = std::remove_if(kernelRoutes.begin(), kernelRoutes.end(),
                                     [ifindex](const KernelRoute &route) { return route.via(ifindex); });
    const bool routesRemoved = gone != kernelRoutes.end();
    kernelRoutes.erase(gone, kernelRoutes.end());
    if (links.remove(ifindex))
        Q_EMIT q->linkRemoved(ifindex);
    if (routesRemoved)
        updateDefaultRoutes();
}

bool NetlinkMonitor::Private::hasIpv4Address(int ifindex) const
{
    for (nl_object *obj = nl_cache_get_first(addrCache); obj; obj = nl_cache_get_next(obj)) {
        auto *addr = reinterpret_cast<rtnl_addr *>(obj);
        if (rtnl_addr_get_family(addr) == AF_INET && rtnl_addr_get_ifindex(addr) == ifindex)
            return true;
    }
    return false;
}

bool NetlinkMonitor::Private::ipv4AddressExists(const QByteArray &raw) const
{
    for (nl_object *obj = nl_cache_get_first(addrCache); obj; obj = nl_cache_get_next(obj)) {
        auto *addr = reinterpret_cast<rtnl_addr *>(obj);
        nl_addr *local = rtnl_addr_get_local(addr);
        if (rtnl_addr_get_family(addr) == AF_INET && local && nl_addr_get_len(local) == unsigned(raw.size())
            && memcmp(nl_addr_get_binary_addr(local), raw.constData(), size_t(raw.size())) == 0)
            return true;
    }
    return false;
}

void NetlinkMonitor::Private::onAddressObject(rtnl_addr *addr, int action)
{
    const int ifindex = rtnl_addr_get_ifindex(addr);
    bool routesRemoved = false;
    if (action == NL_ACT_DEL && rtnl_addr_get_family(addr) == AF_INET) {
        // Silent IPv4 route flushes again: all routes of a link that lost
        // its last IPv4 address, and routes whose source address went away.
        if (!hasIpv4Address(ifindex))
            routesRemoved |= killIpv4Nexthops(ifindex);
        nl_addr *local = rtnl_addr_get_local(addr);
        if (local && nl_addr_get_len(local) == 4) {
            const QByteArray raw(static_cast<const char *>(nl_addr_get_binary_addr(local)), 4);
            if (!ipv4AddressExists(raw)) {
                // fib_sync_down_addr(): in the table of the link's
                // addresses only (main, as long as there is no VRF).
                const auto gone = std::remove_if(kernelRoutes.begin(), kernelRoutes.end(), [&raw](const KernelRoute &r) {
                    return r.family == AF_INET && r.table == RT_TABLE_MAIN && r.prefsrc == raw;
                });
                routesRemoved |= gone != kernelRoutes.end();
                kernelRoutes.erase(gone, kernelRoutes.end());
            }
        }
    } else if (action != NL_ACT_DEL && rtnl_addr_get_family(addr) == AF_INET) {
        auto link = links.constFind(ifindex);
        if (link != links.cend() && (link->flags & IFF_UP))
            reviveIpv4Nexthops(ifindex);
    }
    auto it = links.find(ifindex);
    if (it != links.end()) {
        QList<Address> next = addressesOf(ifindex);
        if (next != it->addresses) {
            it->addresses = std::move(next);
            Q_EMIT q->linkChanged(*it);
        }
    }
    if (routesRemoved)
        updateDefaultRoutes();
}

bool NetlinkMonitor::Private::killIpv4Nexthops(int ifindex)
{
    // fib_sync_down_dev(): the nexthops through the link die, and a route
    // goes when all its nexthops are dead.
    bool removed = false;
    for (auto it = kernelRoutes.begin(); it != kernelRoutes.end();) {
        bool through = false;
        if (it->family == AF_INET) {
            for (RouteHop &hop : it->hops) {
                if (hop.oif == ifindex) {
                    hop.dead = true;
                    through = true;
                }
            }
        }
        const bool allDead = std::all_of(it->hops.cbegin(), it->hops.cend(), [](const RouteHop &h) { return h.dead; });
        if (through && allDead) {
            it = kernelRoutes.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return removed;
}

void NetlinkMonitor::Private::reviveIpv4Nexthops(int ifindex)
{
    // fib_sync_up(): a link up again (or given an address) brings the dead
    // nexthops through it back, in the multipath routes that survived.
    for (KernelRoute &route : kernelRoutes) {
        if (route.family != AF_INET)
            continue;
        for (RouteHop &hop : route.hops) {
            if (hop.oif == ifindex)
                hop.dead = false;
        }
    }
}

void NetlinkMonitor::Private::onRouteMessage(nlmsghdr *nlh)
{
    std::optional<KernelRoute> route = parseDefaultRoute(nlh);
    if (!route)
        return;
    if (nlh->nlmsg_type == RTM_DELROUTE)
        deleteRoute(*route);
    else
        addRoute(std::move(*route), nlh->nlmsg_flags);
    updateDefaultRoutes();
}

// Where the kernel puts a new route, told by the flags of its notification
// (fib_table_insert(), fib6_add_rt2node()).
void NetlinkMonitor::Private::addRoute(KernelRoute route, int nlmsgFlags)
{
    auto groupBegin = [this](const KernelRoute &r) {
        return std::find_if(kernelRoutes.begin(), kernelRoutes.end(), [&r](const KernelRoute &o) { return o.sameGroup(r); });
    };
    auto groupEnd = [this](const KernelRoute &r) {
        auto last = std::find_if(kernelRoutes.rbegin(), kernelRoutes.rend(), [&r](const KernelRoute &o) { return o.sameGroup(r); });
        return last == kernelRoutes.rend() ? kernelRoutes.end() : last.base();
    };
    auto existing = [this](const KernelRoute &r) {
        return std::find_if(kernelRoutes.begin(), kernelRoutes.end(), [&r](const KernelRoute &o) { return o.sameRoute(r); });
    };

    if (route.family == AF_INET) {
        // A route we hold already: a notification about it (flags,
        // offload), not a new one.
        if (auto it = existing(route); it != kernelRoutes.end()) {
            *it = std::move(route);
            return;
        }
        const auto first = groupBegin(route);
        if ((nlmsgFlags & NLM_F_REPLACE) && first != kernelRoutes.end())
            *first = std::move(route); // the first of the group, without a RTM_DELROUTE for it
        else if ((nlmsgFlags & NLM_F_APPEND) || first == kernelRoutes.end())
            kernelRoutes.insert(groupEnd(route), std::move(route));
        else
            kernelRoutes.insert(first, std::move(route)); // prepended
        return;
    }

    // IPv6: a message about a multipath route lists all its nexthops, old
    // and new.
    std::vector<KernelRoute> perHop = perNexthop(route);
    // Indexes: insertions and erasures move the elements.
    const auto npos = size_t(-1);
    size_t position = npos;
    if (nlmsgFlags & NLM_F_REPLACE) {
        const KernelRoute &key = perHop.front();
        if (key.ecmpCapable()) {
            // Replacing a route that can be part of a multipath route
            // replaces that whole multipath route.
            for (size_t i = 0; i < kernelRoutes.size();) {
                if (kernelRoutes[i].sameGroup(key) && kernelRoutes[i].ecmpCapable()) {
                    kernelRoutes.erase(kernelRoutes.begin() + qptrdiff(i));
                    position = std::min(position, i);
                } else {
                    ++i;
                }
            }
        } else {
            // Otherwise the route itself (a notification about it), or
            // the first route of the group that cannot be multipath.
            auto it = existing(key);
            if (it == kernelRoutes.end()) {
                it = std::find_if(kernelRoutes.begin(), kernelRoutes.end(),
                                  [&key](const KernelRoute &o) { return o.sameGroup(key) && !o.ecmpCapable(); });
            }
            if (it != kernelRoutes.end()) {
                position = size_t(it - kernelRoutes.begin());
                kernelRoutes.erase(it);
            }
        }
    }
    for (KernelRoute &one : perHop) {
        if (auto it = existing(one); it != kernelRoutes.end()) {
            *it = std::move(one);
            continue;
        }
        const auto at = position != npos ? kernelRoutes.begin() + qptrdiff(position) : groupEnd(one);
        position = size_t(kernelRoutes.insert(at, std::move(one)) - kernelRoutes.begin()) + 1;
    }
}

void NetlinkMonitor::Private::deleteRoute(const KernelRoute &route)
{
    // IPv6: one nexthop, or all those of a multipath route at once. Routes
    // not found went with their link already (dropLink()).
    for (const KernelRoute &one : route.family == AF_INET6 ? perNexthop(route) : std::vector<KernelRoute>{route}) {
        auto it = std::find_if(kernelRoutes.begin(), kernelRoutes.end(),
                               [&one](const KernelRoute &o) { return o.sameRoute(one); });
        if (it != kernelRoutes.end())
            kernelRoutes.erase(it);
    }
}

NetlinkMonitor::NetlinkMonitor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
}

NetlinkMonitor::~NetlinkMonitor() = default;

QString NetlinkMonitor::errorString() const
{
    return d->error;
}

void NetlinkMonitor::setReceiveBufferSize(int bytes)
{
    d->receiveBufferSize = bytes > 0 ? bytes : kDefaultReceiveBuffer;
}

int NetlinkMonitor::receiveBufferSize() const
{
    return d->receiveBufferSize;
}

int NetlinkMonitor::netnsIdForPid(qint64 pid)
{
    return NetnsIdLookup().forPid(pid);
}

int NetlinkMonitor::netnsIdForPath(const QString &nsPath)
{
    return NetnsIdLookup().forPath(nsPath);
}

struct NetnsIdLookup::Socket
{
    SockPtr sk = openNetnsIdSocket();
};

NetnsIdLookup::NetnsIdLookup() : m_socket(new Socket) {}

NetnsIdLookup::~NetnsIdLookup() = default;

int NetnsIdLookup::forPid(qint64 pid)
{
    if (pid <= 0 || pid > std::numeric_limits<quint32>::max())
        return -1;
    return queryNetnsId(m_socket->sk.get(), NETNSA_PID, quint32(pid));
}

int NetnsIdLookup::forPath(const QString &nsPath)
{
    const int fd = ::open(QFile::encodeName(nsPath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const int nsid = queryNetnsId(m_socket->sk.get(), NETNSA_FD, quint32(fd));
    ::close(fd);
    return nsid;
}

void NetlinkMonitor::start(bool live)
{
    d->start(live);
}

void NetlinkMonitor::stop()
{
    d->teardown();
}

} // namespace Passerelle
