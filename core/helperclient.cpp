#include "helperclient.h"

#include "helperprotocol.h"
#include "helperproxy.h"

#include <QDBusMessage>

namespace Passerelle {

HelperClient::HelperClient(const QDBusConnection &bus)
    : m_bus(bus)
    , m_proxy(std::make_unique<HelperProxy>(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, m_bus))
{
    registerHelperTypes();
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

QDBusPendingReply<QString> HelperClient::createBridge(const QString &name, bool stp, uint confirmTimeout)
{
    return m_proxy->CreateBridge(name, stp, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::deleteBridge(const QString &name, uint confirmTimeout)
{
    return m_proxy->DeleteBridge(name, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::addPort(const QString &bridge, const QString &port, uint confirmTimeout)
{
    return m_proxy->AddPort(bridge, port, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::removePort(const QString &bridge, const QString &port, uint confirmTimeout)
{
    return m_proxy->RemovePort(bridge, port, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::setLinkUp(const QString &name, bool up, uint confirmTimeout)
{
    return m_proxy->SetLinkUp(name, up, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::setStp(const QString &bridge, bool on, uint confirmTimeout)
{
    return m_proxy->SetStp(bridge, on, confirmTimeout);
}

QDBusPendingReply<QString> HelperClient::bridgePort(const QString &bridge, const QString &port, bool moveAddresses,
                                                    bool stp, uint confirmTimeout)
{
    return m_proxy->BridgePort(bridge, port, moveAddresses, stp, confirmTimeout);
}

QDBusPendingCall HelperClient::confirm(const QString &transaction)
{
    return m_proxy->Confirm(transaction);
}

QDBusPendingCall HelperClient::revert(const QString &transaction)
{
    return m_proxy->Revert(transaction);
}

QDBusPendingCall HelperClient::setConfirmTimeout(const QString &transaction, uint seconds)
{
    return m_proxy->SetConfirmTimeout(transaction, seconds);
}

QDBusPendingReply<HelperPendingList> HelperClient::pending()
{
    return m_proxy->GetPending();
}

QDBusPendingReply<HelperPlan> HelperClient::planBridgePort(const QString &bridge, const QString &port,
                                                           bool moveAddresses, bool stp)
{
    return m_proxy->PlanBridgePort(bridge, port, moveAddresses, stp);
}

QDBusPendingReply<HelperPlan> HelperClient::plan(const QString &method, const QStringList &arguments)
{
    return m_proxy->Plan(method, arguments);
}

QDBusPendingReply<DockerSettingList> HelperClient::dockerSettings()
{
    return m_proxy->GetDockerSettings();
}

QDBusPendingReply<HelperPlan> HelperClient::useDockerBridge(const QString &bridge, const QString &fixedCidr,
                                                            const QString &defaultGateway, const QVariantMap &options)
{
    return m_proxy->UseDockerBridge(bridge, fixedCidr, defaultGateway, options);
}

QDBusPendingReply<HelperPlan> HelperClient::resetDockerBridge(const QVariantMap &options)
{
    return m_proxy->ResetDockerBridge(options);
}

QDBusPendingReply<QString> HelperClient::expose(const QString &port, const QString &bridge, const QString &fixedCidr,
                                                const QString &defaultGateway, const QVariantMap &options,
                                                uint confirmTimeout)
{
    return m_proxy->Expose(port, bridge, fixedCidr, defaultGateway, options, confirmTimeout);
}

QDBusPendingReply<HelperPlan> HelperClient::planDocker(const QString &method, const QStringList &arguments,
                                                       const QVariantMap &options)
{
    return m_proxy->PlanDocker(method, arguments, options);
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
