// Who holds a network namespace that Docker did not name: a named namespace
// (/run/netns/NAME, as `ip netns` makes them), or a process whose cgroup
// tells its runtime (Podman, containerd/Kubernetes, LXC, systemd-nspawn).
// Runs in a worker thread of the model: it reads /proc.
#pragma once

#include "topologytypes.h"

#include <QHash>
#include <QObject>

namespace Passerelle {

// What a /proc/PID/cgroup text says about the container runtime, if anything.
// type is empty when no runtime is recognised.
struct CgroupOwner
{
    QString type;   // "docker", "podman", "kubernetes", "containerd", "lxc", "nspawn"
    QString id;     // container id or name as the runtime knows it
};
CgroupOwner classifyCgroup(const QString &cgroupText);

class NamespaceOwners : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Synchronous form of resolve(), for use inside the worker and in tests.
    static QHash<int, Owner> lookup(const QList<int> &nsids);

public Q_SLOTS:
    void resolve(const QList<int> &nsids);

Q_SIGNALS:
    // For every asked nsid: its owner, or type "unknown" when nothing holds it
    // that we can see (an unprivileged user cannot read others' /proc/PID/ns).
    void resolved(const QHash<int, Passerelle::Owner> &owners);
};

} // namespace Passerelle

Q_DECLARE_METATYPE(Passerelle::Owner)
