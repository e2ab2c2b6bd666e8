#include "helpersession.h"

#include "helperprotocol.h"

namespace Passerelle {

HelperSession::HelperSession(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_client(std::make_unique<HelperClient>(bus))
{
    // By name, not through the generated proxy: the subscription holds
    // across the helper's exits and re-activations.
    m_bus.connect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, HelperProtocol::InterfaceName,
                  QStringLiteral("TransactionChanged"), this,
                  SLOT(onTransactionChanged(QString,QString,uint)));
    m_bus.connect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, HelperProtocol::InterfaceName,
                  QStringLiteral("DockerProgress"), this, SLOT(onDockerProgress(QString,QString,QStringList)));
}

HelperSession::~HelperSession()
{
    m_bus.disconnect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, HelperProtocol::InterfaceName,
                     QStringLiteral("TransactionChanged"), this,
                     SLOT(onTransactionChanged(QString,QString,uint)));
    m_bus.disconnect(HelperProtocol::ServiceName, HelperProtocol::ObjectPath, HelperProtocol::InterfaceName,
                     QStringLiteral("DockerProgress"), this, SLOT(onDockerProgress(QString,QString,QStringList)));
}

void HelperSession::onDockerProgress(const QString &transaction, const QString &stage, const QStringList &parameters)
{
    Q_EMIT dockerProgress(transaction, stage, parameters);
}

void HelperSession::onTransactionChanged(const QString &transaction, const QString &state, uint secondsLeft)
{
    Q_EMIT transactionChanged(transaction, state, secondsLeft);
}

QDBusPendingReply<HelperPlan> HelperSession::plan(const LinkChange &change)
{
    if (change.kind == LinkChange::Kind::BridgePort)
        return m_client->planBridgePort(change.bridge, change.link, change.moveAddresses, change.on);
    if (change.isDockerChange())
        return m_client->planDocker(change.method(), change.planArguments(), change.dockerOptions());
    return m_client->plan(change.method(), change.planArguments());
}

QDBusPendingCall HelperSession::apply(const LinkChange &c)
{
    switch (c.kind) {
    case LinkChange::Kind::BridgePort:
        return m_client->bridgePort(c.bridge, c.link, c.moveAddresses, c.on, c.confirmTimeout);
    case LinkChange::Kind::CreateBridge:
        return m_client->createBridge(c.bridge, c.on, c.confirmTimeout);
    case LinkChange::Kind::DeleteBridge:
        return m_client->deleteBridge(c.bridge, c.confirmTimeout);
    case LinkChange::Kind::AddPort:
        return m_client->addPort(c.bridge, c.link, c.confirmTimeout);
    case LinkChange::Kind::RemovePort:
        return m_client->removePort(c.bridge, c.link, c.confirmTimeout);
    case LinkChange::Kind::SetLinkUp:
        return m_client->setLinkUp(c.link, c.on, c.confirmTimeout);
    case LinkChange::Kind::SetStp:
        return m_client->setStp(c.bridge, c.on, c.confirmTimeout);
    case LinkChange::Kind::Expose:
        return m_client->expose(c.link, c.bridge, c.fixedCidr, c.defaultGateway, c.dockerOptions(), c.confirmTimeout);
    case LinkChange::Kind::ResetDocker:
        return m_client->resetDockerBridge(c.dockerOptions());
    }
    Q_UNREACHABLE();
}

QDBusPendingCall HelperSession::confirm(const QString &transaction)
{
    return m_client->confirm(transaction);
}

QDBusPendingCall HelperSession::revert(const QString &transaction)
{
    return m_client->revert(transaction);
}

QDBusPendingCall HelperSession::setConfirmTimeout(const QString &transaction, uint seconds)
{
    return m_client->setConfirmTimeout(transaction, seconds);
}

QDBusPendingReply<HelperPendingList> HelperSession::pending()
{
    return m_client->pending();
}

QDBusPendingReply<DockerSettingList> HelperSession::dockerSettings()
{
    return m_client->dockerSettings();
}

} // namespace Passerelle
