// The object behind org.passerelle.Helper1 on the system bus, parent of the
// adaptor generated from resources/org.passerelle.Helper1.xml.
//
// Every changing call goes the same way: authorize the sender of the
// message with polkit (before its arguments are looked at), validate the
// names, check the operation against a fresh snapshot of the links, apply
// it, reply. The reply is delayed while polkit answers, so the helper keeps
// serving other callers meanwhile. After the configured idle time without a
// call in progress it releases its name and asks to quit.
#pragma once

#include "helperconfig.h"
#include "helpererrors.h"
#include "operation.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace Passerelle {

class PolkitAuthorizer;

class HelperService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_PROPERTY(QString Version READ version)
public:
    HelperService(const HelperConfig &config, const QDBusConnection &bus, QObject *parent = nullptr);
    ~HelperService() override;

    // Exports the object and takes the bus name. False, with the reason, when
    // the name is owned already or the bus policy does not allow it.
    bool start(QString *error);

    QString version() const;

    // The methods of org.passerelle.Helper1, called by the adaptor.
    QStringList GetCapabilities();
    void CreateBridge(const QString &name, bool stp);
    void DeleteBridge(const QString &name);
    void AddPort(const QString &bridge, const QString &port);
    void RemovePort(const QString &bridge, const QString &port);
    void SetLinkUp(const QString &name, bool up);
    void SetStp(const QString &bridge, bool on);

Q_SIGNALS:
    // The name was released after the idle time: time to quit.
    void finished();

private:
    void submit(const Operation &operation);
    std::optional<HelperFailure> execute(const Operation &operation);
    void reply(const QDBusMessage &call, const std::optional<HelperFailure> &failure);
    void callStarted();
    void callEnded();
    void idleTimeout();

    HelperConfig m_config;
    QDBusConnection m_bus;
    PolkitAuthorizer *m_polkit = nullptr;
    QTimer m_idleTimer;
    QHash<QString, int> m_pendingBySender;
    int m_inProgress = 0;
    bool m_releasing = false;
};

} // namespace Passerelle
