#include "linkeditor.h"

#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>
#include <netlink/socket.h>

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include <cstring>
#include <memory>

namespace Passerelle {

namespace {

// A route socket for one request. The kernel's errno is kept from the
// NLMSG_ERROR answer: libnl folds several errnos into one of its own codes.
class RouteSocket
{
public:
    RouteSocket() = default;
    ~RouteSocket()
    {
        if (m_sock)
            nl_socket_free(m_sock);
    }
    RouteSocket(const RouteSocket &) = delete;
    RouteSocket &operator=(const RouteSocket &) = delete;

    bool open(LinkEditor::Result *result)
    {
        m_sock = nl_socket_alloc();
        if (!m_sock) {
            result->error = QStringLiteral("cannot allocate a netlink socket");
            return false;
        }
        nl_socket_modify_err_cb(m_sock, NL_CB_CUSTOM, &RouteSocket::onError, this);
        const int err = nl_connect(m_sock, NETLINK_ROUTE);
        if (err < 0) {
            result->error = QString::fromLocal8Bit(nl_geterror(err));
            return false;
        }
        return true;
    }

    nl_sock *get() const { return m_sock; }

    // Turns a libnl return value into a Result, with the kernel's errno when it answered one.
    LinkEditor::Result result(int err) const
    {
        LinkEditor::Result r;
        if (err >= 0)
            return r;
        r.kernelErrno = m_kernelErrno;
        r.error = m_kernelErrno ? QString::fromLocal8Bit(std::strerror(m_kernelErrno))
                                : QString::fromLocal8Bit(nl_geterror(err));
        return r;
    }

private:
    static int onError(sockaddr_nl *, nlmsgerr *e, void *arg)
    {
        static_cast<RouteSocket *>(arg)->m_kernelErrno = -e->error;
        return NL_STOP; // libnl then returns its code for this errno
    }

    nl_sock *m_sock = nullptr;
    int m_kernelErrno = 0;
};

struct LinkDeleter
{
    void operator()(rtnl_link *l) const { rtnl_link_put(l); }
};
using LinkPtr = std::unique_ptr<rtnl_link, LinkDeleter>;

// An RTM_NEWLINK request carrying the bridge's IFLA_INFO_DATA, which libnl
// 3.7 has no setter for. Built with libnl's attribute API; IFINDEX 0 with
// NAME creates a bridge, IFINDEX alone changes one.
int sendBridgeRequest(RouteSocket &sock, int ifindex, const QByteArray &name, int flags, bool stp)
{
    nl_msg *msg = nlmsg_alloc_simple(RTM_NEWLINK, flags);
    if (!msg)
        return -NLE_NOMEM;
    ifinfomsg ifi{};
    ifi.ifi_family = AF_UNSPEC;
    ifi.ifi_index = ifindex;
    int err = nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO);
    if (err == 0 && !name.isEmpty())
        err = nla_put_string(msg, IFLA_IFNAME, name.constData());
    nlattr *linkInfo = err == 0 ? nla_nest_start(msg, IFLA_LINKINFO) : nullptr;
    if (linkInfo) {
        err = nla_put_string(msg, IFLA_INFO_KIND, "bridge");
        nlattr *data = err == 0 ? nla_nest_start(msg, IFLA_INFO_DATA) : nullptr;
        if (data) {
            err = nla_put_u32(msg, IFLA_BR_STP_STATE, stp ? 1 : 0);
            nla_nest_end(msg, data);
        } else if (err == 0) {
            err = -NLE_NOMEM;
        }
        nla_nest_end(msg, linkInfo);
    } else if (err == 0) {
        err = -NLE_NOMEM;
    }
    if (err < 0) {
        nlmsg_free(msg);
        return err;
    }
    // Sends with NLM_F_REQUEST | NLM_F_ACK, waits for the ACK, frees msg.
    return nl_send_sync(sock.get(), msg);
}

// rtnl_link_change() against the kernel's current view of IFINDEX.
int changeLink(RouteSocket &sock, int ifindex, rtnl_link *changes)
{
    rtnl_link *current = nullptr;
    int err = rtnl_link_get_kernel(sock.get(), ifindex, nullptr, &current);
    if (err < 0)
        return err;
    LinkPtr orig(current);
    return rtnl_link_change(sock.get(), orig.get(), changes, 0);
}

} // namespace

LinkSnapshot LinkEditor::snapshot(Result *result)
{
    *result = Result();
    RouteSocket sock;
    if (!sock.open(result))
        return LinkSnapshot();
    nl_cache *cache = nullptr;
    int err = 0;
    // A dump interrupted by a concurrent change is retried a few times.
    for (int attempt = 0; attempt < 5; ++attempt) {
        err = rtnl_link_alloc_cache(sock.get(), AF_UNSPEC, &cache);
        if (err != -NLE_DUMP_INTR)
            break;
    }
    if (err < 0) {
        *result = sock.result(err);
        return LinkSnapshot();
    }
    QList<LinkState> links;
    for (nl_object *o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto *l = reinterpret_cast<rtnl_link *>(o);
        LinkState s;
        s.ifindex = rtnl_link_get_ifindex(l);
        s.name = QString::fromUtf8(rtnl_link_get_name(l));
        const char *type = rtnl_link_get_type(l);
        s.kind = type ? QString::fromLatin1(type) : QString();
        s.masterIndex = rtnl_link_get_master(l);
        const unsigned flags = rtnl_link_get_flags(l);
        s.up = flags & IFF_UP;
        s.loopback = (flags & IFF_LOOPBACK) || rtnl_link_get_arptype(l) == ARPHRD_LOOPBACK;
        links.append(s);
    }
    nl_cache_free(cache);
    return LinkSnapshot(std::move(links));
}

LinkEditor::Result LinkEditor::createBridge(const QString &name, bool stp)
{
    Result result;
    RouteSocket sock;
    if (!sock.open(&result))
        return result;
    // NLM_F_EXCL: an existing link of that name is an error, never reused.
    return sock.result(sendBridgeRequest(sock, 0, name.toLatin1(), NLM_F_CREATE | NLM_F_EXCL, stp));
}

LinkEditor::Result LinkEditor::deleteLink(int ifindex)
{
    Result result;
    RouteSocket sock;
    if (!sock.open(&result))
        return result;
    LinkPtr link(rtnl_link_alloc());
    if (!link)
        return sock.result(-NLE_NOMEM);
    rtnl_link_set_ifindex(link.get(), ifindex);
    return sock.result(rtnl_link_delete(sock.get(), link.get()));
}

LinkEditor::Result LinkEditor::setMaster(int ifindex, int master)
{
    Result result;
    RouteSocket sock;
    if (!sock.open(&result))
        return result;
    LinkPtr changes(rtnl_link_alloc());
    if (!changes)
        return sock.result(-NLE_NOMEM);
    rtnl_link_set_master(changes.get(), master);
    return sock.result(changeLink(sock, ifindex, changes.get()));
}

LinkEditor::Result LinkEditor::setUp(int ifindex, bool up)
{
    Result result;
    RouteSocket sock;
    if (!sock.open(&result))
        return result;
    LinkPtr changes(rtnl_link_alloc());
    if (!changes)
        return sock.result(-NLE_NOMEM);
    if (up)
        rtnl_link_set_flags(changes.get(), IFF_UP);
    else
        rtnl_link_unset_flags(changes.get(), IFF_UP);
    return sock.result(changeLink(sock, ifindex, changes.get()));
}

LinkEditor::Result LinkEditor::setStp(int bridgeIndex, bool on)
{
    Result result;
    RouteSocket sock;
    if (!sock.open(&result))
        return result;
    return sock.result(sendBridgeRequest(sock, bridgeIndex, QByteArray(), 0, on));
}

} // namespace Passerelle
