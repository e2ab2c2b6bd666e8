// Finds the pids of Docker containers through their cgroups, so that
// connecting to dockerd needs no inspect per container only to learn
// State.Pid. The cgroup of one container whose pid Docker told
// (/proc/PID/cgroup) shows where the daemon puts its containers' cgroups;
// there, each other container's cgroup.procs names its processes, and
// /proc/PID/status which one is its init. A few small reads per container,
// whatever the number of processes on the host; world-readable files only
// (works unprivileged). What it cannot tell for sure it leaves out, for the
// caller to ask Docker: correctness never depends on it.
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Passerelle {

// The innermost 64-hex id in a /proc/PID/cgroup text, whatever the cgroup
// version, the driver ("/docker/ID", "docker-ID.scope") or --cgroup-parent:
// the container the process runs in, also inside another container. Empty
// when there is none, or when lines name different ones.
QByteArray containerIdFromCgroup(QByteArrayView cgroupText);

// A cgroup hierarchy as mounted here, from /proc/self/mountinfo.
struct CgroupMount
{
    QByteArray root;            // the cgroup shown at the mount point
    QByteArray mountPoint;
    bool v2 = false;            // cgroup2, else a v1 hierarchy
    QByteArrayList options;     // v1: its controllers ("memory", "name=systemd") among the super options
};
QList<CgroupMount> parseCgroupMounts(QByteArrayView mountinfo);

// The directory of the cgroup that one line of /proc/PID/cgroup names
// ("N:controllers:/path", "0::/path"); empty when that hierarchy is not
// mounted here or the cgroup lies outside what is mounted.
QByteArray cgroupDirectory(QByteArrayView cgroupLine, const QList<CgroupMount> &mounts);

// PPid and NSpid (the pid in each pid namespace, ours first) of a
// /proc/PID/status text; false when either is missing.
bool parseProcStatus(QByteArrayView statusText, qint64 *ppid, QList<qint64> *nsPids);

// Whether a process of a container is its init (Docker's State.Pid): pid 1
// of a pid namespace below ours, started by the shim, outside the container.
// docker exec sessions are not pid 1; the pid 1 of a pid namespace made
// inside the container has its parent inside. CONTAINERPIDS: sorted.
bool isContainerInit(qint64 ppid, const QList<qint64> &nsPids, const QList<qint64> &containerPids);

// The init pid of each container of IDS (full 64-hex ids) that the cgroups
// tell for sure, placed by the cgroup of container ANCHORID, whose init
// Docker said is ANCHORPID. Left out: containers with a cgroup parent other
// than the anchor's, sharing the host's pid namespace (--pid=host), or whose
// init lives in a sub-cgroup; and all of them when the anchor's pid is not
// a process of its container here (another pid namespace than dockerd's).
QHash<QString, qint64> findContainerInitPids(const QString &anchorId, qint64 anchorPid, const QStringList &ids);

} // namespace Passerelle
