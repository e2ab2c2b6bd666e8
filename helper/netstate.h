// Everything a transaction reads before it changes anything: the links, the
// addresses and the routes of the helper's network namespace, as plain
// values (no libnl), with what the journal needs to write them down and
// read them back.
#pragma once

#include "linksnapshot.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Passerelle {

// An address as RTM_GETADDR reports it, with what is needed to add it again
// exactly as it was.
struct AddressState
{
    static constexpr quint32 Forever = 0xffffffffu;

    int ifindex = 0;
    int family = 0;              // AF_INET or AF_INET6
    int prefixLength = 0;
    int scope = 0;               // RT_SCOPE_*
    quint32 flags = 0;           // IFA_F_*, from IFA_FLAGS when present
    QByteArray local;            // IFA_LOCAL (IPv4), or IFA_ADDRESS (IPv6)
    QByteArray peer;             // IFA_ADDRESS of IPv4: the peer of a point-to-point address, else local
    QByteArray broadcast;        // IFA_BROADCAST, empty when none
    QString label;               // IFA_LABEL (IPv4)
    quint32 validLifetime = Forever;
    quint32 preferredLifetime = Forever;
    qint64 routePriority = -1;   // IFA_RT_PRIORITY, -1 when absent
    int protocol = -1;           // IFA_PROTO, -1 when absent

    // "192.168.7.31/24", "2001:db8::31/64".
    QString text() const;
    // Whether the kernel would take OTHER for the same address (what
    // RTM_DELADDR matches), ignoring the link.
    bool sameAddress(const AddressState &other) const;
    // The flags that may be given when adding an address.
    quint32 settableFlags() const;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, AddressState *out);
};

// A route as RTM_GETROUTE reports it. Only single-path routes through one
// link are moved; the others are read to be left alone.
struct RouteState
{
    int family = 0;
    int destinationLength = 0;
    int sourceLength = 0;
    int tos = 0;
    quint32 table = 0;           // RTA_TABLE, or rtm_table
    int protocol = 0;            // RTPROT_*
    int scope = 0;               // RT_SCOPE_*
    int type = 0;                // RTN_*
    quint32 flags = 0;           // rtm_flags (RTNH_F_ONLINK, ...)
    QByteArray destination;      // empty for a default route
    QByteArray source;
    QByteArray gateway;          // RTA_GATEWAY, empty when none
    QByteArray preferredSource;  // RTA_PREFSRC
    int oif = 0;                 // RTA_OIF
    qint64 priority = -1;        // RTA_PRIORITY (the metric), -1 when absent
    int preference = -1;         // RTA_PREF (IPv6), -1 when absent
    QByteArray metrics;          // RTA_METRICS, the nested attributes as sent
    bool singlePath = true;      // false with RTA_MULTIPATH, RTA_NH_ID or RTA_ENCAP
    QList<int> pathLinks;        // the links of RTA_MULTIPATH's next hops (read only, never journaled)

    bool isDefault() const { return destinationLength == 0; }
    // "default" or "10.1.0.0/16".
    QString destinationText() const;
    // The gateway as text, empty when none.
    QString gatewayText() const;
    // The metric as clients show it: RTA_PRIORITY, 0 when absent.
    quint32 metric() const { return priority < 0 ? 0 : quint32(priority); }
    // Same route but for the link it goes through.
    bool sameRouteExceptLink(const RouteState &other) const;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, RouteState *out);
};

struct NetState
{
    LinkSnapshot links;
    QList<AddressState> addresses;   // in the kernel's order
    QList<RouteState> routes;        // in the kernel's order

    QList<AddressState> addressesOf(int ifindex) const;
    QList<RouteState> routesThrough(int ifindex) const;
};

// Text forms for logs, the plan and the journal.
QString addressToText(int family, const QByteArray &raw);
QByteArray addressFromText(int family, const QString &text);
QString macToText(const QByteArray &raw);
QByteArray macFromText(const QString &text);

QJsonObject linkToJson(const LinkState &link);
bool linkFromJson(const QJsonObject &o, LinkState *out);

} // namespace Passerelle
