// The bridge to make permanent, as plain values: its ports, STP, MAC and
// addressing. The caller fills it from the live state (permanent addresses
// are static ones, dynamic IPv4 addresses mean DHCP); the writers of each
// network stack turn it into that stack's configuration.
#pragma once

#include "helpererrors.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

struct PersistentBridge
{
    QString name;                 // "br0"
    QStringList ports;            // "em1"
    bool stp = false;
    QString mac;                  // "52:54:00:12:34:56"; empty: the kernel's choice
    bool dhcpv4 = false;          // IPv4 from DHCP; staticAddresses then holds no IPv4 address
    QStringList staticAddresses;  // CIDR text, IPv4 and IPv6: "192.0.2.10/24", "2001:db8::10/64"
    QString ipv4Gateway;          // empty: none
    QString ipv6Gateway;

    QStringList ipv4Addresses() const;
    QStringList ipv6Addresses() const;

    // Every field is written into files root's network stack reads at boot:
    // names, addresses and the MAC must keep their grammar (no spaces, no
    // newlines, no globs). InvalidArgument [field, value] otherwise.
    std::optional<HelperFailure> validate() const;
};

// A file name made of NAME that ifupdown's source-directory and the usual
// globs accept: letters, digits, '-' and '_' kept, anything else '_'.
QString fileNameSafe(const QString &name);

} // namespace Passerelle
