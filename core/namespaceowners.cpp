#include "namespaceowners.h"

#include "logging.h"
#include "netlinkmonitor.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <sys/stat.h>

namespace Passerelle {

CgroupOwner classifyCgroup(const QString &cgroupText)
{
    // One pattern per runtime, for cgroup v1 ("N:ctrl:/path") and v2
    // ("0::/path") alike; the id is what the runtime's own CLI shows.
    struct Rule
    {
        const char *type;
        QRegularExpression re;
    };
    static const Rule rules[] = {
        {"kubernetes", QRegularExpression(QStringLiteral("kubepods.*?(?:cri-containerd-|crio-|docker-|/)([0-9a-f]{64})"))},
        {"podman", QRegularExpression(QStringLiteral("libpod-(?:conmon-)?([0-9a-f]{64})"))},
        {"docker", QRegularExpression(QStringLiteral("(?:/docker/|docker-)([0-9a-f]{64})"))},
        {"containerd", QRegularExpression(QStringLiteral("cri-containerd-([0-9a-f]{64})"))},
        {"lxc", QRegularExpression(QStringLiteral("(?:/lxc/|lxc\\.payload[./])([^/\\s]+)"))},
        {"nspawn", QRegularExpression(QStringLiteral("machine\\.slice/machine-([^/\\s]+)\\.scope"))},
    };
    for (const Rule &r : rules) {
        const QRegularExpressionMatch m = r.re.match(cgroupText);
        if (m.hasMatch())
            return {QString::fromLatin1(r.type), m.captured(1)};
    }
    return {};
}

namespace {

QString readSmallFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(f.read(64 * 1024));
}

// Named namespaces first: `ip netns` names are what admins recognise.
void lookupNamedNamespaces(NetnsIdLookup &ids, QSet<int> &wanted, QHash<int, Owner> &found)
{
    const QStringList names = QDir(QStringLiteral("/run/netns")).entryList(QDir::Files | QDir::System);
    for (const QString &name : names) {
        const int nsid = ids.forPath(QStringLiteral("/run/netns/") + name);
        if (nsid >= 0 && wanted.remove(nsid))
            found.insert(nsid, Owner{QStringLiteral("netns"), name, name});
        if (wanted.isEmpty())
            return;
    }
}

// Then processes: one pid per distinct namespace inode, asked for its nsid.
void lookupProcesses(NetnsIdLookup &ids, QSet<int> &wanted, QHash<int, Owner> &found)
{
    struct stat self {};
    if (::stat("/proc/self/ns/net", &self) != 0)
        return;
    QSet<quint64> seen{quint64(self.st_ino)};
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pidText : pids) {
        bool isPid = false;
        const qint64 pid = pidText.toLongLong(&isPid);
        if (!isPid)
            continue;
        struct stat st {};
        if (::stat(QFile::encodeName(QStringLiteral("/proc/%1/ns/net").arg(pid)).constData(), &st) != 0)
            continue; // gone, or not ours to read
        if (seen.contains(quint64(st.st_ino)))
            continue;
        seen.insert(quint64(st.st_ino));
        const int nsid = ids.forPid(pid);
        if (nsid < 0 || !wanted.remove(nsid))
            continue;
        const CgroupOwner runtime = classifyCgroup(readSmallFile(QStringLiteral("/proc/%1/cgroup").arg(pid)));
        if (!runtime.type.isEmpty()) {
            found.insert(nsid, Owner{runtime.type, runtime.id, QString()});
        } else {
            const QString comm = readSmallFile(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed();
            found.insert(nsid, Owner{QStringLiteral("process"), QString::number(pid), comm});
        }
        if (wanted.isEmpty())
            return;
    }
}

} // namespace

QHash<int, Owner> NamespaceOwners::lookup(const QList<int> &nsids)
{
    QSet<int> wanted(nsids.begin(), nsids.end());
    wanted.remove(-1);
    QHash<int, Owner> found;
    NetnsIdLookup ids;
    if (!wanted.isEmpty())
        lookupNamedNamespaces(ids, wanted, found);
    if (!wanted.isEmpty())
        lookupProcesses(ids, wanted, found);
    for (int nsid : std::as_const(wanted))
        found.insert(nsid, Owner{QStringLiteral("unknown"), QString::number(nsid), QString()});
    qCDebug(lcModel) << "resolved namespace owners" << found.size();
    return found;
}

void NamespaceOwners::resolve(const QList<int> &nsids)
{
    Q_EMIT resolved(lookup(nsids));
}

} // namespace Passerelle
