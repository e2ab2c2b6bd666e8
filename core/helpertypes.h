// The structured values of org.passerelle.Helper1 (the a(sas) plans, the
// a(ssuuas) pending list and the a(sss) Docker settings), as C++ types that the generated adaptor and
// proxy both use. Call registerHelperTypes() once before any D-Bus call
// carrying them.
#pragma once

#include <QDBusArgument>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Passerelle {

// One step of a plan: ("MoveAddress", ["192.168.7.31/24", "em1", "br0"]).
struct HelperPlanStep
{
    QString name;
    QStringList parameters;

    bool operator==(const HelperPlanStep &other) const
    {
        return name == other.name && parameters == other.parameters;
    }
};
using HelperPlan = QList<HelperPlanStep>;

// A change waiting for confirmation, as GetPending lists it.
struct HelperPendingTransaction
{
    QString transaction;
    QString method;
    uint secondsLeft = 0;
    uint totalSeconds = 0;
    QStringList parameters;
};
using HelperPendingList = QList<HelperPendingTransaction>;

// One of Docker's settings and where it comes from, as GetDockerSettings
// lists them: ("bridge", "br0", "/etc/docker/daemon.json").
struct DockerSetting
{
    QString setting;
    QString value;
    QString source;

    bool operator==(const DockerSetting &other) const
    {
        return setting == other.setting && value == other.value && source == other.source;
    }
};
using DockerSettingList = QList<DockerSetting>;

QDBusArgument &operator<<(QDBusArgument &argument, const HelperPlanStep &step);
const QDBusArgument &operator>>(const QDBusArgument &argument, HelperPlanStep &step);
QDBusArgument &operator<<(QDBusArgument &argument, const HelperPendingTransaction &pending);
const QDBusArgument &operator>>(const QDBusArgument &argument, HelperPendingTransaction &pending);

QDBusArgument &operator<<(QDBusArgument &argument, const DockerSetting &setting);
const QDBusArgument &operator>>(const QDBusArgument &argument, DockerSetting &setting);

void registerHelperTypes();

} // namespace Passerelle

Q_DECLARE_METATYPE(Passerelle::HelperPlanStep)
Q_DECLARE_METATYPE(Passerelle::HelperPendingTransaction)
Q_DECLARE_METATYPE(Passerelle::DockerSetting)
