// libnftables behind one small function, so that nothing else includes its
// header: JSON commands in ({"nftables": [...]}, built with QJsonDocument),
// JSON out. The kernel is spoken to over netlink, never through the nft or
// iptables programs.
#pragma once

#include <QJsonObject>
#include <QString>

namespace Passerelle::Nftables {

// Whether *OUTPUT echoes the commands (an added rule, with its handle) or
// holds what they print (a listing). Not both: libnftables would print two
// JSON documents one after the other.
enum class Output { Listing, Echo };

// Runs COMMANDS in the network namespace of the calling thread (libnftables
// opens its netlink socket there), handles shown. False with libnftables'
// error text.
bool run(const QJsonObject &commands, Output mode, QJsonObject *output, QString *error);

} // namespace Passerelle::Nftables
