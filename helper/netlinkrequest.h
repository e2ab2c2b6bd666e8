// The rtnetlink plumbing shared by LinkEditor and AddressEditor: a socket
// per request that keeps the kernel's errno, dumps read message by message,
// and requests that wait for the kernel's acknowledgement. Together with
// those two classes, the only helper code that includes libnl headers.
#pragma once

#include "linkeditor.h"

#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include <functional>

namespace Passerelle::Netlink {

// A route socket for one request. The kernel's errno is kept from the
// NLMSG_ERROR answer: libnl folds several errnos into one of its own codes.
class RouteSocket
{
public:
    RouteSocket() = default;
    ~RouteSocket();
    RouteSocket(const RouteSocket &) = delete;
    RouteSocket &operator=(const RouteSocket &) = delete;

    bool open(LinkEditor::Result *result);
    nl_sock *get() const { return m_sock; }
    // Turns a libnl return value into a Result, with the kernel's errno when it answered one.
    LinkEditor::Result result(int err) const;

private:
    static int onError(sockaddr_nl *, nlmsgerr *e, void *arg);

    nl_sock *m_sock = nullptr;
    int m_kernelErrno = 0;
};

// Sends a dump request of TYPE (RTM_GETLINK, ...) with HEADER as its
// family header and calls HANDLE for each answer. A dump the kernel marks
// interrupted (NLM_F_DUMP_INTR: the table changed while it was read) is
// read again from the start, a few times.
LinkEditor::Result dump(int type, const void *header, size_t headerSize,
                        const std::function<void(const nlmsghdr *)> &handle);

// Sends MSG (freed here) with NLM_F_ACK and waits for the answer.
LinkEditor::Result request(nl_msg *msg);

// The attributes of a nested attribute, indexed by type, up to MAX.
void parseNested(const nlattr *nested, int max, nlattr **table);

QByteArray attrBytes(const nlattr *attr);

} // namespace Passerelle::Netlink
