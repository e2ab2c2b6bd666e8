#include "helperclient.h"

#include "helperprotocol.h"
#include "helperproxy.h"

#include <QDBusMessage>

namespace Passerelle {

HelperClient::HelperClient(const QDBusConnection &bus)
    : m_bus(bus)
    , m_proxy(std::make_unique<HelperProxy>(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, m_bus))
{
    m_proxy->setTimeout(CallTimeoutMs);
}

HelperClient::~HelperClient() = default;

std::optional<HelperFailure> HelperClient::connectionFailure() const
{
    if (m_bus.isConnected())
        return std::nullopt;
    const QDBusError error = m_bus.lastError();
    return HelperFailure{error.isValid() ? error.name() : QStringLiteral("org.freedesktop.DBus.Error.Disconnected"),
                         {}, error.message()};
}

QDBusPendingReply<QStringList> HelperClient::capabilities()
{
    return m_proxy->GetCapabilities();
}

QDBusPendingCall HelperClient::createBridge(const QString &name, bool stp)
{
    return m_proxy->CreateBridge(name, stp);
}

QDBusPendingCall HelperClient::deleteBridge(const QString &name)
{
    return m_proxy->DeleteBridge(name);
}

QDBusPendingCall HelperClient::addPort(const QString &bridge, const QString &port)
{
    return m_proxy->AddPort(bridge, port);
}

QDBusPendingCall HelperClient::removePort(const QString &bridge, const QString &port)
{
    return m_proxy->RemovePort(bridge, port);
}

QDBusPendingCall HelperClient::setLinkUp(const QString &name, bool up)
{
    return m_proxy->SetLinkUp(name, up);
}

QDBusPendingCall HelperClient::setStp(const QString &bridge, bool on)
{
    return m_proxy->SetStp(bridge, on);
}

std::optional<HelperFailure> HelperClient::failureOf(const QDBusPendingCall &finished)
{
    if (!finished.isError())
        return std::nullopt;
    const QDBusError error = finished.error();
    HelperFailure failure{error.name(), {}, error.message()};
    // Our errors carry (s detail, as parameters); the bus's only a detail.
    const QList<QVariant> arguments = finished.reply().arguments();
    if (arguments.size() >= 2 && arguments.at(1).metaType() == QMetaType::fromType<QStringList>())
        failure.parameters = arguments.at(1).toStringList();
    return failure;
}

} // namespace Passerelle
