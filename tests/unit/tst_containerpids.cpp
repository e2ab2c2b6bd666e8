// How containerpids.h finds a Docker container's cgroup and tells its init
// process, from /proc/PID/cgroup, /proc/self/mountinfo and /proc/PID/status
// texts as recorded on real hosts (cgroup v1 and v2, systemd and cgroupfs
// drivers, rootless, nested, cgroup namespaces).
// Anything it cannot tell for sure must come out empty: the Docker client
// then asks dockerd instead.
#include "containerpids.h"

#include <QTest>

using namespace Passerelle;

namespace {
const QByteArray kId = "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899";
const QByteArray kOuter = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

// /proc/self/mountinfo, cgroup lines only, of a Debian host with the
// hybrid layout (v1 controllers, v2 at /sys/fs/cgroup/unified)...
const QByteArray kHybridMountinfo =
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
    "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:9 - cgroup cgroup "
    "rw,cpu,cpuacct\n"
    "35 31 0:32 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:12 - cgroup cgroup rw,memory\n"
    "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
    "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime shared:5 - cgroup cgroup rw,xattr,name=systemd\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime shared:6 - cgroup2 cgroup2 rw\n";
// ...of Debian 12 (v2 only, with an ext4 line around)...
const QByteArray kV2Mountinfo =
    "26 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro\n"
    "30 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 "
    "rw,nsdelegate,memory_recursiveprot\n";
// ...and inside a container without a cgroup namespace: only its own
// subtree is mounted, at a path with a space.
const QByteArray kSubtreeMountinfo =
    "1055 1046 0:26 /docker/" + kOuter
    + " /mnt/cgroup\\040tree ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw\n";
} // namespace

class TestContainerPids : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void containerId_data();
    void containerId();
    void mounts();
    void directory_data();
    void directory();
    void procStatus_data();
    void procStatus();
    void initProcess_data();
    void initProcess();
};

void TestContainerPids::containerId_data()
{
    QTest::addColumn<QByteArray>("cgroup");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("v2, systemd driver") << "0::/system.slice/docker-" + kId + ".scope\n" << kId;
    QTest::newRow("v2, cgroupfs driver") << "0::/docker/" + kId + "\n" << kId;
    QTest::newRow("v1, cgroupfs driver")
        << "12:pids:/docker/" + kId + "\n11:memory:/docker/" + kId + "\n1:name=systemd:/docker/" + kId
            + "\n0::/system.slice/containerd.service\n"
        << kId;
    QTest::newRow("v1, systemd driver, hybrid")
        << "9:name=systemd:/system.slice/docker-" + kId + ".scope\n4:memory:/system.slice/docker-" + kId
            + ".scope\n0::/system.slice/docker-" + kId + ".scope\n"
        << kId;
    // The fixtures' daemons, and anyone's daemon.json "cgroup-parent".
    QTest::newRow("--cgroup-parent") << "4:memory:/psl-4242-Ab12Cd/" + kId + "\n0::/\n" << kId;
    QTest::newRow("rootless, v2")
        << "0::/user.slice/user-1000.slice/user@1000.service/user.slice/docker-" + kId + ".scope\n" << kId;
    QTest::newRow("cgroup namespace of the reader") << "0::/../../docker-" + kId + ".scope\n" << kId;
    QTest::newRow("docker in docker: the inner one")
        << "0::/system.slice/docker-" + kOuter + ".scope/docker/" + kId + "\n" << kId;
    QTest::newRow("no newline at the end") << "0::/docker/" + kId << kId;

    QTest::newRow("host process") << QByteArray("0::/user.slice/user-1000.slice/session-2.scope\n") << QByteArray();
    QTest::newRow("v1 host process")
        << QByteArray("12:pids:/user.slice\n4:memory:/process_api/d092a610ccb920299693c9e1bbfb7f1b\n0::/\n")
        << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("65 hex digits are no id") << "0::/docker/" + kId + "a\n" << QByteArray();
    QTest::newRow("63 hex digits are no id") << "0::/docker/" + kId.left(63) + "\n" << QByteArray();
    QTest::newRow("lines naming two containers")
        << "4:memory:/docker/" + kId + "\n1:name=systemd:/docker/" + kOuter + "\n" << QByteArray();
}

void TestContainerPids::containerId()
{
    QFETCH(QByteArray, cgroup);
    QFETCH(QByteArray, expected);
    QCOMPARE(containerIdFromCgroup(cgroup), expected);
}

void TestContainerPids::mounts()
{
    const QList<CgroupMount> hybrid = parseCgroupMounts(kHybridMountinfo);
    QCOMPARE(hybrid.size(), 5); // not the tmpfs
    QCOMPARE(hybrid.at(0).mountPoint, QByteArray("/sys/fs/cgroup/cpu,cpuacct"));
    QCOMPARE(hybrid.at(0).options, (QByteArrayList{"rw", "cpu", "cpuacct"}));
    QVERIFY(!hybrid.at(0).v2);
    QCOMPARE(hybrid.at(3).options, (QByteArrayList{"rw", "xattr", "name=systemd"}));
    QVERIFY(hybrid.at(4).v2);
    QCOMPARE(hybrid.at(4).root, QByteArray("/"));

    const QList<CgroupMount> v2 = parseCgroupMounts(kV2Mountinfo);
    QCOMPARE(v2.size(), 1);
    QCOMPARE(v2.at(0).mountPoint, QByteArray("/sys/fs/cgroup"));

    const QList<CgroupMount> subtree = parseCgroupMounts(kSubtreeMountinfo);
    QCOMPARE(subtree.size(), 1);
    QCOMPARE(subtree.at(0).root, "/docker/" + kOuter);
    QCOMPARE(subtree.at(0).mountPoint, QByteArray("/mnt/cgroup tree"));
}

void TestContainerPids::directory_data()
{
    QTest::addColumn<QByteArray>("mountinfo");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("v2, systemd driver") << kV2Mountinfo << "0::/system.slice/docker-" + kId + ".scope"
                                        << "/sys/fs/cgroup/system.slice/docker-" + kId + ".scope";
    QTest::newRow("v1 controller") << kHybridMountinfo << "35:memory:/psl-1-Ab/" + kId
                                   << "/sys/fs/cgroup/memory/psl-1-Ab/" + kId;
    QTest::newRow("v1 named hierarchy") << kHybridMountinfo << "9:name=systemd:/docker/" + kId
                                        << "/sys/fs/cgroup/systemd/docker/" + kId;
    QTest::newRow("v1 controllers mounted together") << kHybridMountinfo << "2:cpu,cpuacct:/docker/" + kId
                                                     << "/sys/fs/cgroup/cpu,cpuacct/docker/" + kId;
    QTest::newRow("hybrid v2") << kHybridMountinfo << "0::/docker/" + kId << "/sys/fs/cgroup/unified/docker/" + kId;
    QTest::newRow("v1 controller not mounted") << kHybridMountinfo << "3:rdma:/docker/" + kId << QByteArray();
    QTest::newRow("v1 controller on a v2-only host") << kV2Mountinfo << "4:memory:/docker/" + kId << QByteArray();
    QTest::newRow("the root cgroup") << kV2Mountinfo << QByteArray("0::/") << QByteArray("/sys/fs/cgroup");
    QTest::newRow("outside our cgroup namespace") << kV2Mountinfo << "0::/../../docker-" + kId + ".scope"
                                                  << QByteArray();
    QTest::newRow("inside the mounted subtree") << kSubtreeMountinfo << "0::/docker/" + kOuter + "/docker/" + kId
                                                << "/mnt/cgroup tree/docker/" + kId;
    QTest::newRow("beside the mounted subtree") << kSubtreeMountinfo << "0::/docker/" + kId << QByteArray();
    QTest::newRow("a sibling whose name starts like the subtree")
        << kSubtreeMountinfo << "0::/docker/" + kOuter + "-other/" + kId << QByteArray();
    QTest::newRow("not a cgroup line") << kV2Mountinfo << QByteArray("garbage") << QByteArray();
}

void TestContainerPids::directory()
{
    QFETCH(QByteArray, mountinfo);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);
    QCOMPARE(cgroupDirectory(line, parseCgroupMounts(mountinfo)), expected);
}

void TestContainerPids::procStatus_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("ppid");
    QTest::addColumn<QList<qint64>>("nsPids");

    // Trimmed from real /proc/PID/status texts (Linux 6.1).
    QTest::newRow("container init")
        << QByteArray("Name:\tsh\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t18567\nNgid:\t0\nPid:\t18567\n"
                      "PPid:\t18541\nTracerPid:\t0\nNStgid:\t18567\t1\nNSpid:\t18567\t1\nNSpgid:\t18567\t1\n"
                      "NSsid:\t18567\t1\nVmPeak:\t    1184 kB\n")
        << true << qint64(18541) << QList<qint64>{18567, 1};
    QTest::newRow("host process")
        << QByteArray("Name:\tbash\nPid:\t880\nPPid:\t1\nNSpid:\t880\n") << true << qint64(1) << QList<qint64>{880};
    QTest::newRow("kernel without NSpid (before 4.1)")
        << QByteArray("Name:\tsh\nPid:\t880\nPPid:\t1\n") << false << qint64(1) << QList<qint64>();
    QTest::newRow("no PPid") << QByteArray("Name:\tsh\nNSpid:\t880\t1\n") << false << qint64(0) << QList<qint64>();
    QTest::newRow("a longer field name is not NSpid")
        << QByteArray("PPid:\t5\nNSpids:\t7\t1\nNSpid:\t7\t3\n") << true << qint64(5) << QList<qint64>{7, 3};
}

void TestContainerPids::procStatus()
{
    QFETCH(QByteArray, status);
    QFETCH(bool, ok);
    QFETCH(qint64, ppid);
    QFETCH(QList<qint64>, nsPids);
    qint64 parsedPpid = 0;
    QList<qint64> parsedNsPids;
    QCOMPARE(parseProcStatus(status, &parsedPpid, &parsedNsPids), ok);
    if (ok) {
        QCOMPARE(parsedPpid, ppid);
        QCOMPARE(parsedNsPids, nsPids);
    }
}

void TestContainerPids::initProcess_data()
{
    QTest::addColumn<qint64>("ppid");
    QTest::addColumn<QList<qint64>>("nsPids");
    QTest::addColumn<bool>("expected");

    // Container processes 100 (init, child of the shim 90), 101 (its
    // child), 150 (docker exec, child of the shim), 160 (pid 1 of a pid
    // namespace the container made, child of 101).
    QTest::newRow("init, child of the shim") << qint64(90) << QList<qint64>{100, 1} << true;
    QTest::newRow("child of the init") << qint64(100) << QList<qint64>{101, 7} << false;
    QTest::newRow("docker exec session") << qint64(90) << QList<qint64>{150, 12} << false;
    QTest::newRow("pid 1 of a nested pid namespace") << qint64(101) << QList<qint64>{160, 9, 1} << false;
    QTest::newRow("--pid=host: no pid namespace of its own") << qint64(90) << QList<qint64>{100} << false;
}

void TestContainerPids::initProcess()
{
    QFETCH(qint64, ppid);
    QFETCH(QList<qint64>, nsPids);
    QFETCH(bool, expected);
    const QList<qint64> containerPids{100, 101, 150, 160};
    QCOMPARE(isContainerInit(ppid, nsPids, containerPids), expected);
}

QTEST_GUILESS_MAIN(TestContainerPids)
#include "tst_containerpids.moc"
