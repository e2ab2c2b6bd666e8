// `passerellectl docker use-bridge|reset-bridge|status`: Docker's default
// network on a bridge of the LAN (daemon.json, then a restart of Docker),
// made by passerelle-helper for callers polkit authorizes; and where each of
// Docker's network settings comes from. Also the options that
// `passerellectl expose` shares with use-bridge, checked here before any
// call so that a typo is a usage error, not a refusal from the helper.
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class DockerCommand
{
    Q_DECLARE_TR_FUNCTIONS(DockerCommand)
public:
    static int run(const QStringList &arguments);

    // What use-bridge and expose both send to the helper.
    struct BridgeArguments
    {
        QString fixedCidr;        // empty: the bridge's whole subnet
        QString defaultGateway;   // empty: the helper's default
        QString mode;             // "default-bridge" or "network"
        QVariantMap options;      // the a{sv} of UseDockerBridge and Expose
    };
    // --fixed-cidr, --default-gateway, --mode, --network, --persist,
    // --no-persist, --move-options, --allow-forwarding.
    static void addBridgeOptions(QCommandLineParser &parser, bool persistByDefault);
    // The options given, checked; nullopt with the usage error printed.
    static std::optional<BridgeArguments> bridgeArguments(const QCommandLineParser &parser);

    // "192.168.7.128/25": four decimal bytes and a prefix length 0-32.
    static bool isIpv4Subnet(const QString &text);
    // "192.168.7.254": four decimal bytes, nothing else.
    static bool isIpv4Address(const QString &text);
    // "192.168.7.128/26" for "192.168.7.130/26": the subnet with its host
    // bits cleared; TEXT itself when it is not an IPv4 subnet.
    static QString ipv4Network(const QString &subnet);
};
