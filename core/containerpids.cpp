#include "containerpids.h"

#include "logging.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace Passerelle {

namespace {

constexpr qsizetype kIdLength = 64;

bool isIdDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool isContainerId(QByteArrayView text)
{
    return text.size() == kIdLength && std::all_of(text.begin(), text.end(), isIdDigit);
}

// The last run of exactly 64 hex digits in TEXT.
QByteArrayView lastId(QByteArrayView text)
{
    QByteArrayView found;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isIdDigit(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isIdDigit(text[i]))
            ++i;
        if (i - start == kIdLength)
            found = text.sliced(start, kIdLength);
    }
    return found;
}

// The value after "KEY:" on its line of a /proc/PID/status text.
QByteArrayView statusField(QByteArrayView text, QByteArrayView key)
{
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(at, end - at);
        if (line.size() > key.size() && line.startsWith(key) && line[key.size()] == ':')
            return line.sliced(key.size() + 1).trimmed();
        at = end + 1;
    }
    return {};
}

// Reads a small file of /proc or cgroupfs (PATH relative to DIRFD) into
// BUFFER, kept between calls so that hundreds of reads allocate once. These
// files are made by seq_file, which fills a read unless it is at the end:
// a short read ends it. False when the file is gone.
bool readSmallFile(int dirFd, const char *path, QByteArray &buffer)
{
    const int fd = ::openat(dirFd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    if (buffer.size() < 4096)
        buffer.resize(4096);
    qsizetype used = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data() + used, size_t(buffer.size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            return false;
        }
        used += n;
        if (n == 0 || used < buffer.size())
            break;
        buffer.resize(buffer.size() * 2);
    }
    ::close(fd);
    buffer.truncate(used);
    return true;
}

// The lines of TEXT, without their '\n'.
template<typename F>
void forEachLine(QByteArrayView text, F f)
{
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = text.indexOf('\n', at);
        if (end < 0)
            end = text.size();
        f(text.sliced(at, end - at));
        at = end + 1;
    }
}

// mountinfo escapes spaces, tabs, newlines and backslashes as \ooo.
QByteArray unescapeMountField(QByteArrayView field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int c = field.sliced(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out.append(char(c));
                i += 3;
                continue;
            }
        }
        out.append(field[i]);
    }
    return out;
}

// Where a daemon puts its containers' cgroups, learnt from a process of
// one of them: the cgroup.procs of container ID is BEFORE + ID + AFTER.
struct CgroupLayout
{
    QByteArray before;
    QByteArray after;
};

// The layout that the cgroup text of a process of container ID shows: from
// the first hierarchy mounted here whose cgroup of the container we may
// read. Empty when there is none.
CgroupLayout layoutFrom(QByteArrayView cgroupText, const QByteArray &id, const QList<CgroupMount> &mounts)
{
    CgroupLayout layout;
    forEachLine(cgroupText, [&](QByteArrayView line) {
        if (!layout.before.isEmpty())
            return;
        const QByteArray dir = cgroupDirectory(line, mounts);
        const qsizetype at = dir.lastIndexOf(id);
        if (at <= 0 || ::access((dir + "/cgroup.procs").constData(), R_OK) != 0)
            return;
        layout.before = dir.left(at);
        layout.after = dir.mid(at + kIdLength) + "/cgroup.procs";
    });
    return layout;
}

// The init of the container whose cgroup.procs is at PATH, or 0. PROCS and
// STATUS: buffers for readSmallFile().
qint64 initFromCgroupProcs(const QByteArray &path, QByteArray &procs, QByteArray &status)
{
    if (!readSmallFile(AT_FDCWD, path.constData(), procs))
        return 0; // gone, or a cgroup parent of its own
    QList<qint64> pids;
    forEachLine(procs, [&](QByteArrayView line) {
        bool ok = false;
        const qint64 pid = line.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    });
    std::sort(pids.begin(), pids.end());
    // The init usually has the lowest pid of its container (pids grow until
    // they wrap): trying them in order reads one status per container.
    qint64 ppid = 0;
    QList<qint64> nsPids;
    char statusPath[64];
    for (qint64 pid : std::as_const(pids)) {
        std::snprintf(statusPath, sizeof statusPath, "/proc/%lld/status", static_cast<long long>(pid));
        if (readSmallFile(AT_FDCWD, statusPath, status) && parseProcStatus(status, &ppid, &nsPids)
            && isContainerInit(ppid, nsPids, pids))
            return pid;
    }
    return 0;
}

} // namespace

QByteArray containerIdFromCgroup(QByteArrayView cgroupText)
{
    // One line per hierarchy: "N:controllers:/path" (v1), "0::/path" (v2).
    QByteArrayView id;
    bool disagree = false;
    forEachLine(cgroupText, [&](QByteArrayView line) {
        const qsizetype first = line.indexOf(':');
        const qsizetype second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0)
            return;
        const QByteArrayView lineId = lastId(line.sliced(second + 1));
        if (lineId.isEmpty())
            return; // v1 controllers the runtime left alone, or v2's "0::/" in a hybrid layout
        if (!id.isEmpty() && id != lineId)
            disagree = true;
        id = lineId;
    });
    return disagree ? QByteArray() : id.toByteArray();
}

QList<CgroupMount> parseCgroupMounts(QByteArrayView mountinfo)
{
    // "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS"
    QList<CgroupMount> mounts;
    forEachLine(mountinfo, [&](QByteArrayView line) {
        QList<QByteArrayView> fields;
        qsizetype at = 0;
        while (at <= line.size()) {
            qsizetype end = line.indexOf(' ', at);
            if (end < 0)
                end = line.size();
            fields.append(line.sliced(at, end - at));
            at = end + 1;
        }
        qsizetype separator = -1;
        for (qsizetype i = 6; i < fields.size(); ++i) {
            if (fields.at(i) == "-") {
                separator = i;
                break;
            }
        }
        if (separator < 0 || separator + 3 >= fields.size())
            return;
        const QByteArrayView fsType = fields.at(separator + 1);
        if (fsType != "cgroup" && fsType != "cgroup2")
            return;
        CgroupMount m;
        m.root = unescapeMountField(fields.at(3));
        m.mountPoint = unescapeMountField(fields.at(4));
        m.v2 = fsType == "cgroup2";
        if (!m.v2)
            m.options = fields.at(separator + 3).toByteArray().split(',');
        mounts.append(m);
    });
    return mounts;
}

QByteArray cgroupDirectory(QByteArrayView cgroupLine, const QList<CgroupMount> &mounts)
{
    const qsizetype first = cgroupLine.indexOf(':');
    const qsizetype second = first < 0 ? -1 : cgroupLine.indexOf(':', first + 1);
    if (second < 0)
        return {};
    const QByteArray controllers = cgroupLine.sliced(first + 1, second - first - 1).toByteArray();
    const QByteArrayView path = cgroupLine.sliced(second + 1).trimmed();
    const bool v2 = controllers.isEmpty();
    for (const CgroupMount &m : mounts) {
        if (m.v2 != v2)
            continue;
        if (!v2) {
            const QByteArrayList wanted = controllers.split(',');
            if (!std::all_of(wanted.cbegin(), wanted.cend(),
                             [&](const QByteArray &c) { return m.options.contains(c); }))
                continue;
        }
        // Paths are relative to our cgroup namespace, as mount roots are;
        // "/.." lies outside what any mount here shows.
        QByteArrayView relative = path;
        if (m.root != "/") {
            const bool inside = path.startsWith(m.root)
                && (path.size() == m.root.size() || path[m.root.size()] == '/');
            if (!inside)
                continue;
            relative = path.sliced(m.root.size());
        }
        if (relative.startsWith("/.."))
            return {};
        QByteArray dir = m.mountPoint;
        if (relative != "/")
            dir += relative.toByteArray();
        return dir;
    }
    return {};
}

bool parseProcStatus(QByteArrayView statusText, qint64 *ppid, QList<qint64> *nsPids)
{
    bool ok = false;
    *ppid = statusField(statusText, "PPid").toLongLong(&ok);
    if (!ok)
        return false;
    nsPids->clear();
    const QByteArrayView list = statusField(statusText, "NSpid");
    qsizetype at = 0;
    while (at < list.size()) {
        while (at < list.size() && (list[at] == ' ' || list[at] == '\t'))
            ++at;
        qsizetype end = at;
        while (end < list.size() && list[end] != ' ' && list[end] != '\t')
            ++end;
        if (end > at) {
            const qint64 pid = list.sliced(at, end - at).toLongLong(&ok);
            if (!ok)
                return false;
            nsPids->append(pid);
        }
        at = end;
    }
    return !nsPids->isEmpty();
}

bool isContainerInit(qint64 ppid, const QList<qint64> &nsPids, const QList<qint64> &containerPids)
{
    return nsPids.size() >= 2 && nsPids.constLast() == 1
        && !std::binary_search(containerPids.cbegin(), containerPids.cend(), ppid);
}

QHash<QString, qint64> findContainerInitPids(const QString &anchorId, qint64 anchorPid, const QStringList &ids)
{
    QHash<QString, qint64> inits;
    QByteArray cgroup, mountinfo;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/cgroup", static_cast<long long>(anchorPid));
    const QByteArray anchor = anchorId.toLatin1();
    // The anchor's pid is Docker's, in dockerd's pid namespace: it must be
    // a process of that container here too.
    if (anchorPid <= 0 || !readSmallFile(AT_FDCWD, path, cgroup) || containerIdFromCgroup(cgroup) != anchor
        || !readSmallFile(AT_FDCWD, "/proc/self/mountinfo", mountinfo)) {
        qCDebug(lcDocker) << "the cgroup of container" << anchorId.left(12) << "is not here";
        return inits;
    }
    const CgroupLayout layout = layoutFrom(cgroup, anchor, parseCgroupMounts(mountinfo));
    if (layout.before.isEmpty())
        return inits;
    QByteArray procs, status;
    for (const QString &id : ids) {
        const QByteArray latin1 = id.toLatin1();
        if (!isContainerId(latin1))
            continue; // only a real id goes into a path
        const qint64 pid = initFromCgroupProcs(layout.before + latin1 + layout.after, procs, status);
        if (pid > 0)
            inits.insert(id, pid);
    }
    qCDebug(lcDocker) << "found the init pid of" << inits.size() << "of" << ids.size() << "containers in"
                      << layout.before;
    return inits;
}

} // namespace Passerelle
