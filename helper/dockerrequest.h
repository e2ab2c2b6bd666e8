// What a client asked of Docker (UseDockerBridge, ResetDockerBridge, the
// Docker part of Expose), with its a{sv} options read and checked, and the
// checks against the bridge the request names. Pure: the state is given.
#pragma once

#include "helpererrors.h"
#include "netstate.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace Passerelle {

struct DockerRequest
{
    enum class Kind { UseBridge, Reset };
    enum class Mode { DefaultBridge, Network };

    Kind kind = Kind::UseBridge;
    QString bridge;
    QString fixedCidr;        // "192.0.2.128/26", empty: the whole subnet
    QString defaultGateway;   // "192.0.2.1", empty: the bridge's own address
    Mode mode = Mode::DefaultBridge;
    QString network;          // the Docker network of Mode::Network (default: the bridge's name)
    bool restart = true;
    bool persist = false;
    bool moveOptions = false;
    bool allowForwarding = false;

    // OPTIONS on top of the defaults (kind set first: a reset takes only
    // restart, moveOptions and network). InvalidArgument ["options", key]
    // for an unknown key or a value of the wrong type, ["mode", value] for
    // an unknown mode.
    static std::optional<HelperFailure> readOptions(const QVariantMap &options, DockerRequest *request);

    QString modeKey() const;
    QString networkName() const { return network.isEmpty() ? bridge : network; }

    // Names, the CIDR and the gateway as text; then, on STATE, the bridge:
    // it exists, is a bridge, is up, has an IPv4 subnet holding fixedCidr and
    // defaultGateway. Nothing to check on the state for Reset.
    std::optional<HelperFailure> check(const NetState &state) const;
    // The IPv4 subnets of BRIDGE on STATE ("192.0.2.0/24"), in address order.
    static QStringList ipv4Subnets(const NetState &state, const QString &bridge);
};

} // namespace Passerelle
