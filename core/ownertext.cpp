#include "ownertext.h"

namespace Passerelle {

QString OwnerText::brief(const Owner &o)
{
    if (o.isNull())
        return QStringLiteral("-");
    if (o.type == QLatin1String("unknown"))
        return tr("namespace %1 (owner unknown)").arg(o.id);
    return o.type + QLatin1Char(':') + (o.name.isEmpty() ? o.id.left(12) : o.name);
}

QString OwnerText::sentence(const Owner &o)
{
    const QString shortId = o.id.left(12);
    if (o.type == QLatin1String("docker"))
        return o.name.isEmpty() ? tr("Docker container %1").arg(shortId)
                                : tr("Docker container %1 (%2)").arg(o.name, shortId);
    if (o.type == QLatin1String("podman"))
        return tr("Podman container %1").arg(shortId);
    if (o.type == QLatin1String("kubernetes"))
        return tr("Kubernetes container %1").arg(shortId);
    if (o.type == QLatin1String("containerd"))
        return tr("containerd container %1").arg(shortId);
    if (o.type == QLatin1String("lxc"))
        return tr("LXC container %1").arg(o.id);
    if (o.type == QLatin1String("nspawn"))
        return tr("systemd-nspawn machine %1").arg(o.id);
    if (o.type == QLatin1String("netns"))
        return tr("network namespace %1").arg(o.name);
    if (o.type == QLatin1String("process"))
        return tr("process %1 (%2)").arg(o.id, o.name);
    return tr("network namespace %1, owner unknown").arg(o.id);
}

} // namespace Passerelle
