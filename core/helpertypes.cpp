#include "helpertypes.h"

#include <QDBusMetaType>

namespace Passerelle {

QDBusArgument &operator<<(QDBusArgument &argument, const HelperPlanStep &step)
{
    argument.beginStructure();
    argument << step.name << step.parameters;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, HelperPlanStep &step)
{
    argument.beginStructure();
    argument >> step.name >> step.parameters;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const HelperPendingTransaction &pending)
{
    argument.beginStructure();
    argument << pending.transaction << pending.method << pending.secondsLeft << pending.totalSeconds
             << pending.parameters;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, HelperPendingTransaction &pending)
{
    argument.beginStructure();
    argument >> pending.transaction >> pending.method >> pending.secondsLeft >> pending.totalSeconds
        >> pending.parameters;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const DockerSetting &setting)
{
    argument.beginStructure();
    argument << setting.setting << setting.value << setting.source;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DockerSetting &setting)
{
    argument.beginStructure();
    argument >> setting.setting >> setting.value >> setting.source;
    argument.endStructure();
    return argument;
}

void registerHelperTypes()
{
    qDBusRegisterMetaType<DockerSetting>();
    qDBusRegisterMetaType<DockerSettingList>();
    qDBusRegisterMetaType<HelperPlanStep>();
    qDBusRegisterMetaType<HelperPlan>();
    qDBusRegisterMetaType<HelperPendingTransaction>();
    qDBusRegisterMetaType<HelperPendingList>();
}

} // namespace Passerelle
