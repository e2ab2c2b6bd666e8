// The clients' side of passerelle-helper: the proxy generated from
// resources/org.passerelle.Helper1.xml, on the system bus
// (DBUS_SYSTEM_BUS_ADDRESS when set), with a call timeout long enough for a
// polkit password prompt. Calls are asynchronous: the GUI watches them with
// a QDBusPendingCallWatcher, passerellectl may simply wait.
#pragma once

#include "helpererrors.h"

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
    QDBusPendingCall createBridge(const QString &name, bool stp);
    QDBusPendingCall deleteBridge(const QString &name);
    // Makes PORT a port of BRIDGE as it is: its addresses and routes stay on it.
    QDBusPendingCall addPort(const QString &bridge, const QString &port);
    QDBusPendingCall removePort(const QString &bridge, const QString &port);
    QDBusPendingCall setLinkUp(const QString &name, bool up);
    QDBusPendingCall setStp(const QString &bridge, bool on);

    // The failure of a finished call, with the helper's parameters; nullopt on success.
    static std::optional<HelperFailure> failureOf(const QDBusPendingCall &finished);

private:
    QDBusConnection m_bus;
    std::unique_ptr<HelperProxy> m_proxy;
};

} // namespace Passerelle
