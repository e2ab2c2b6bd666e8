// A change to the host's links that the user asked for in the graph (a menu
// entry, a drop, the expose wizard), on its way to passerelle-helper: which
// operation, on which links, with which options. The preview dialog (or the
// expose wizard) completes it (the name of a new bridge, moving addresses,
// STP, Docker's address range, the confirmation timeout) and the session
// turns it into the matching D-Bus call.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Passerelle {

struct LinkChange
{
    // AddPort (enslave as it is) is not offered by the graph, which always
    // uses BridgePort; it is here for changes passerellectl made.
    // Expose: the whole "containers on the physical network" flow (the
    // port bridged now, on trial; Docker set up on Confirm).
    // ResetDocker: Docker's own docker0 again (ResetDockerBridge): final,
    // no transaction, its reply is the steps done.
    enum class Kind { BridgePort, CreateBridge, DeleteBridge, AddPort, RemovePort, SetLinkUp, SetStp, Expose,
                      ResetDocker };

    Kind kind = Kind::BridgePort;
    QString bridge;             // every kind but SetLinkUp
    QString link;               // BridgePort, AddPort, RemovePort: the port; SetLinkUp: the link
    bool on = false;            // SetLinkUp: up; SetStp: on; BridgePort, CreateBridge: STP of the new bridge
    bool moveAddresses = true;  // BridgePort
    bool newBridge = false;     // BridgePort into a bridge still to be named and created
    uint confirmTimeout = 0;    // seconds; 0: only when the helper requires one (Expose: its default)
    // Expose: Docker's side.
    QString fixedCidr;          // the containers' part of the LAN; empty: the whole subnet
    QString defaultGateway;     // the containers' gateway; empty: the bridge's own address
    QString dockerMode = QStringLiteral("default-bridge");   // or "network"
    QString dockerNetwork;      // "network" mode: its name; empty: the bridge's
    bool persist = true;        // write the bridge for the network stack that manages the host

    static LinkChange bridgePort(const QString &port, const QString &bridge);
    static LinkChange bridgePortIntoNew(const QString &port, const QString &suggestedName);
    static LinkChange createBridge(const QString &name);
    static LinkChange deleteBridge(const QString &bridge);
    static LinkChange removePort(const QString &bridge, const QString &port);
    static LinkChange setLinkUp(const QString &link, bool up);
    static LinkChange setStp(const QString &bridge, bool on);
    static LinkChange expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                             const QString &defaultGateway);
    static LinkChange resetDocker();

    // The helper's method ("BridgePort") and its arguments as Plan takes
    // them: strings, booleans as "true"/"false", no confirmation timeout.
    QString method() const;
    QStringList planArguments() const;
    // Expose: its a{sv} options ("mode", "network", "persist"); ResetDocker:
    // none (the helper restarts Docker by default).
    QVariantMap dockerOptions() const;
    // Goes to PlanDocker rather than Plan.
    bool isDockerChange() const { return kind == Kind::Expose || kind == Kind::ResetDocker; }
    // Whether the change creates a bridge, so that its STP is to be chosen.
    bool createsBridge() const { return kind == Kind::CreateBridge || (kind == Kind::BridgePort && newBridge); }

    // What the change does, in a few words: "Bridge em1 into br0".
    QString title() const;

    // A change read back from GetPending: the method and its parameters as
    // strings. False when the method is not one the GUI knows.
    static bool fromPending(const QString &method, const QStringList &parameters, LinkChange *out);

    bool operator==(const LinkChange &o) const
    {
        return kind == o.kind && bridge == o.bridge && link == o.link && on == o.on
            && moveAddresses == o.moveAddresses && newBridge == o.newBridge && confirmTimeout == o.confirmTimeout
            && fixedCidr == o.fixedCidr && defaultGateway == o.defaultGateway && dockerMode == o.dockerMode
            && dockerNetwork == o.dockerNetwork && persist == o.persist;
    }
};

class LinkChangeText
{
    Q_DECLARE_TR_FUNCTIONS(LinkChangeText)
public:
    static QString title(const LinkChange &change);
};

} // namespace Passerelle
