// The clients' side of passerelle-helper: the proxy generated from
// resources/org.passerelle.Helper1.xml, on the system bus
// (DBUS_SYSTEM_BUS_ADDRESS when set), with a call timeout long enough for a
// polkit password prompt. Calls are asynchronous: the GUI watches them with
// a QDBusPendingCallWatcher, passerellectl may simply wait.
#pragma once

#include "helpererrors.h"
#include "helpertypes.h"

#include <QDBusConnection>
#include <QDBusPendingCall>
#include <QDBusPendingReply>

#include <memory>
#include <optional>

class HelperProxy;

namespace Passerelle {

class HelperClient
{
public:
    // A polkit prompt takes as long as the person typing; the D-Bus
    // default of 25 s would abandon calls the helper still carries out.
    static constexpr int CallTimeoutMs = 5 * 60 * 1000;

    explicit HelperClient(const QDBusConnection &bus = QDBusConnection::systemBus());
    ~HelperClient();
    HelperClient(const HelperClient &) = delete;
    HelperClient &operator=(const HelperClient &) = delete;

    // When the bus itself could not be reached: why, as a failure.
    std::optional<HelperFailure> connectionFailure() const;

    QDBusPendingReply<QStringList> capabilities();

    // The changing calls answer with the transaction's handle. CONFIRMTIMEOUT
    // 0 asks for no confirmation (the helper imposes one when the change
    // touches the default route's link or a remote session's).
    QDBusPendingReply<QString> createBridge(const QString &name, bool stp, uint confirmTimeout = 0);
    QDBusPendingReply<QString> deleteBridge(const QString &name, uint confirmTimeout = 0);
    // Makes PORT a port of BRIDGE as it is: its addresses and routes stay on it.
    QDBusPendingReply<QString> addPort(const QString &bridge, const QString &port, uint confirmTimeout = 0);
    QDBusPendingReply<QString> removePort(const QString &bridge, const QString &port, uint confirmTimeout = 0);
    QDBusPendingReply<QString> setLinkUp(const QString &name, bool up, uint confirmTimeout = 0);
    QDBusPendingReply<QString> setStp(const QString &bridge, bool on, uint confirmTimeout = 0);
    // "Bridge PORT into BRIDGE": creates BRIDGE when missing, moves PORT's
    // addresses and routes onto it when MOVEADDRESSES, enslaves PORT.
    QDBusPendingReply<QString> bridgePort(const QString &bridge, const QString &port, bool moveAddresses, bool stp,
                                          uint confirmTimeout = 0);

    QDBusPendingCall confirm(const QString &transaction);
    QDBusPendingCall revert(const QString &transaction);
    QDBusPendingCall setConfirmTimeout(const QString &transaction, uint seconds);
    QDBusPendingReply<HelperPendingList> pending();
    QDBusPendingReply<HelperPlan> planBridgePort(const QString &bridge, const QString &port, bool moveAddresses,
                                                 bool stp);
    QDBusPendingReply<HelperPlan> plan(const QString &method, const QStringList &arguments);


    // Docker on the physical network. OPTIONS as the interface file lists
    // them ("mode", "restart", "persist", "moveOptions", ...). The Docker
    // calls answer once Docker is back, which can take a minute; the
    // proxy's DockerProgress signal tells the way.
    QDBusPendingReply<DockerSettingList> dockerSettings();
    QDBusPendingReply<HelperPlan> useDockerBridge(const QString &bridge, const QString &fixedCidr,
                                                  const QString &defaultGateway, const QVariantMap &options);
    QDBusPendingReply<HelperPlan> resetDockerBridge(const QVariantMap &options);
    // Bridges PORT into BRIDGE now, on trial; Confirm then sets Docker up.
    QDBusPendingReply<QString> expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                                      const QString &defaultGateway, const QVariantMap &options,
                                      uint confirmTimeout = 0);
    QDBusPendingReply<HelperPlan> planDocker(const QString &method, const QStringList &arguments,
                                             const QVariantMap &options);

    // The proxy itself, for its TransactionChanged signal.
    HelperProxy *proxy() const { return m_proxy.get(); }

    // The failure of a finished call, with the helper's parameters; nullopt on success.
    static std::optional<HelperFailure> failureOf(const QDBusPendingCall &finished);

private:
    QDBusConnection m_bus;
    std::unique_ptr<HelperProxy> m_proxy;
};

} // namespace Passerelle
