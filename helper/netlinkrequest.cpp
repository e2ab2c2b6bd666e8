#include "netlinkrequest.h"

#include <netlink/errno.h>

#include <cstring>

namespace Passerelle::Netlink {

RouteSocket::~RouteSocket()
{
    if (m_sock)
        nl_socket_free(m_sock);
}

bool RouteSocket::open(LinkEditor::Result *result)
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

LinkEditor::Result RouteSocket::result(int err) const
{
    LinkEditor::Result r;
    if (err >= 0)
        return r;
    r.kernelErrno = m_kernelErrno;
    r.error = m_kernelErrno ? QString::fromLocal8Bit(std::strerror(m_kernelErrno))
                            : QString::fromLocal8Bit(nl_geterror(err));
    return r;
}

int RouteSocket::onError(sockaddr_nl *, nlmsgerr *e, void *arg)
{
    static_cast<RouteSocket *>(arg)->m_kernelErrno = -e->error;
    return NL_STOP; // libnl then returns its code for this errno
}

namespace {

struct DumpContext
{
    const std::function<void(const nlmsghdr *)> *handle;
};

int onValid(nl_msg *msg, void *arg)
{
    (*static_cast<DumpContext *>(arg)->handle)(nlmsg_hdr(msg));
    return NL_OK;
}

} // namespace

LinkEditor::Result dump(int type, const void *header, size_t headerSize,
                        const std::function<void(const nlmsghdr *)> &handle)
{
    LinkEditor::Result result;
    for (int attempt = 0; attempt < 10; ++attempt) {
        // A socket per attempt: what was left of an interrupted dump is
        // never read as part of the next one.
        RouteSocket sock;
        if (!sock.open(&result))
            return result;
        QList<QByteArray> messages;
        const std::function<void(const nlmsghdr *)> keep = [&messages](const nlmsghdr *h) {
            messages.append(QByteArray(reinterpret_cast<const char *>(h), int(h->nlmsg_len)));
        };
        DumpContext context{&keep};
        nl_socket_modify_cb(sock.get(), NL_CB_VALID, NL_CB_CUSTOM, onValid, &context);
        nl_msg *msg = nlmsg_alloc_simple(type, NLM_F_DUMP);
        if (!msg)
            return sock.result(-NLE_NOMEM);
        int err = nlmsg_append(msg, const_cast<void *>(header), headerSize, NLMSG_ALIGNTO);
        if (err == 0)
            err = nl_send_auto(sock.get(), msg);
        nlmsg_free(msg);
        if (err >= 0)
            err = nl_recvmsgs_default(sock.get());
        if (err == -NLE_DUMP_INTR)
            continue;
        if (err < 0)
            return sock.result(err);
        // Handed over only once the whole dump is known to be consistent.
        for (const QByteArray &m : std::as_const(messages))
            handle(reinterpret_cast<const nlmsghdr *>(m.constData()));
        return result;
    }
    result.error = QStringLiteral("the kernel's tables kept changing while they were read");
    result.kernelErrno = EINTR;
    return result;
}

LinkEditor::Result request(nl_msg *msg)
{
    LinkEditor::Result result;
    RouteSocket sock;
    if (!sock.open(&result)) {
        nlmsg_free(msg);
        return result;
    }
    // Sends with NLM_F_REQUEST | NLM_F_ACK, waits for the ACK, frees msg.
    return sock.result(nl_send_sync(sock.get(), msg));
}

void parseNested(const nlattr *nested, int max, nlattr **table)
{
    for (int i = 0; i <= max; ++i)
        table[i] = nullptr;
    if (!nested)
        return;
    int remaining = nla_len(nested);
    for (nlattr *a = static_cast<nlattr *>(nla_data(nested)); nla_ok(a, remaining); a = nla_next(a, &remaining)) {
        const int type = nla_type(a);
        if (type <= max)
            table[type] = a;
    }
}

QByteArray attrBytes(const nlattr *attr)
{
    if (!attr)
        return QByteArray();
    return QByteArray(static_cast<const char *>(nla_data(attr)), nla_len(attr));
}

} // namespace Passerelle::Netlink
