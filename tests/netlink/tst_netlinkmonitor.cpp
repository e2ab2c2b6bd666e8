// NetlinkMonitor against the real kernel: every test builds its own network
// namespaces, runs the monitor in one of them (in a thread, as the model
// does) and compares what it reports with iproute2 and with a fresh dump.
#include "iplinks.h"
#include "netlinkmonitor.h"
#include "netnsfixture.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <memory>
#include <thread>

#include <linux/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Passerelle;
using IpLinks::LinkMap;

namespace {

QStringList words(const char *command)
{
    return QString::fromLatin1(command).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Replays a monitor's signals into the state a model would hold.
class Recorder : public QObject
{
public:
    explicit Recorder(NetlinkMonitor *monitor)
    {
        connect(monitor, &NetlinkMonitor::snapshot, this,
                [this](const QList<Link> &list, const QList<DefaultRoute> &r) {
                    links.clear();
                    for (const Link &l : list)
                        links.insert(l.ifindex, l);
                    routes = r;
                    ++snapshots;
                });
        connect(monitor, &NetlinkMonitor::linkChanged, this, [this](const Link &l) {
            links.insert(l.ifindex, l);
            changes.append(l);
        });
        connect(monitor, &NetlinkMonitor::linkRemoved, this, [this](int ifindex) {
            links.remove(ifindex);
            removals.append(ifindex);
        });
        connect(monitor, &NetlinkMonitor::defaultRoutesChanged, this, [this](const QList<DefaultRoute> &r) {
            routes = r;
            ++routeChanges;
        });
        connect(monitor, &NetlinkMonitor::overrun, this, [this] { ++overruns; });
        connect(monitor, &NetlinkMonitor::failed, this, [this](const QString &reason) { failures << reason; });
    }

    // The link named NAME as last reported, or a link with ifindex 0.
    Link byName(const QString &name) const
    {
        for (const Link &l : links) {
            if (l.name == name)
                return l;
        }
        return Link();
    }
    bool changedMatching(const std::function<bool(const Link &)> &pred) const
    {
        return std::any_of(changes.cbegin(), changes.cend(), pred);
    }

    LinkMap links;
    QList<DefaultRoute> routes;
    QList<Link> changes;
    QList<int> removals;
    QStringList failures;
    int snapshots = 0;
    int routeChanges = 0;
    int overruns = 0;
};

// A live monitor in its own thread, as TopologyModel runs it. The thread
// inherits the network namespace of the thread that creates this object.
class LiveMonitor
{
public:
    explicit LiveMonitor(int receiveBuffer = 0)
        : monitor(new NetlinkMonitor)
        , recorder(monitor)
    {
        if (receiveBuffer > 0)
            monitor->setReceiveBufferSize(receiveBuffer);
        monitor->moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(monitor, [m = monitor] { m->start(true); }, Qt::QueuedConnection);
    }
    ~LiveMonitor()
    {
        QMetaObject::invokeMethod(monitor, [m = monitor] { m->stop(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
        delete monitor;
    }

    QThread thread;
    NetlinkMonitor *monitor;
    Recorder recorder;
};

struct Dump
{
    LinkMap links;
    QList<DefaultRoute> routes;
    QString error;
    qint64 elapsedMs = 0;
};

// A fresh one-shot dump in the calling thread's namespace.
Dump oneShot()
{
    Dump dump;
    NetlinkMonitor monitor;
    QObject::connect(&monitor, &NetlinkMonitor::snapshot, [&dump](const QList<Link> &list, const QList<DefaultRoute> &r) {
        for (const Link &l : list)
            dump.links.insert(l.ifindex, l);
        dump.routes = r;
    });
    QObject::connect(&monitor, &NetlinkMonitor::failed, [&dump](const QString &reason) { dump.error = reason; });
    QElapsedTimer timer;
    timer.start();
    monitor.start(false);
    dump.elapsedMs = timer.elapsed();
    return dump;
}

bool sysctl(const QString &ns, const QStringList &settings)
{
    return NetnsFixture::run(QStringLiteral("ip"), QStringList{QStringLiteral("netns"), QStringLiteral("exec"), ns,
                                                               QStringLiteral("sysctl"), QStringLiteral("-qw")}
                                                       + settings)
        == 0;
}

// IPv6 duplicate address detection changes addresses a moment after they
// appear; the comparisons want a namespace that holds still.
bool quietIpv6(const QString &ns)
{
    return sysctl(ns, {QStringLiteral("net.ipv6.conf.all.accept_dad=0"), QStringLiteral("net.ipv6.conf.default.accept_dad=0")});
}

} // namespace

class TestNetlinkMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void snapshotMatchesIp();
    void liveEvents();
    void churn_data();
    void churn();
    void overrun();
    void netnsIds();
    void defaultRoutes_data();
    void defaultRoutes();

private:
    // `ip -n NS -batch`, failing the test with ip's message.
    bool batch(const QString &ns, const QStringList &commands);
    bool ipIn(const QString &ns, const char *command);
    QString newNamespace(const QString &label, bool enter = false);
    // iproute2's view, taken twice around a dump until the two agree: STP
    // moves port states on its own.
    bool stableComparison(const std::function<LinkMap()> &observe, LinkMap *ipState, LinkMap *observed);

    std::unique_ptr<NetnsFixture> m_fx;
    std::unique_ptr<LiveMonitor> m_live;
};

void TestNetlinkMonitor::init()
{
    const QString reason = NetnsFixture::skipReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_fx = std::make_unique<NetnsFixture>();
}

void TestNetlinkMonitor::cleanup()
{
    m_live.reset();
    m_fx.reset(); // leaves the namespace and removes them all
}

bool TestNetlinkMonitor::batch(const QString &ns, const QStringList &commands)
{
    QString error;
    if (!m_fx->ipBatch(ns, commands, &error)) {
        qWarning("ip -batch in %s failed: %s", qPrintable(ns), qPrintable(error));
        return false;
    }
    return true;
}

bool TestNetlinkMonitor::ipIn(const QString &ns, const char *command)
{
    QString error;
    if (!m_fx->ip(ns, words(command), &error)) {
        qWarning("ip -n %s %s: %s", qPrintable(ns), command, qPrintable(error));
        return false;
    }
    return true;
}

QString TestNetlinkMonitor::newNamespace(const QString &label, bool enter)
{
    const QString ns = m_fx->create(label);
    if (ns.isEmpty() || !quietIpv6(ns))
        return QString();
    if (enter && !m_fx->enter(ns))
        return QString();
    return ns;
}

bool TestNetlinkMonitor::stableComparison(const std::function<LinkMap()> &observe, LinkMap *ipState, LinkMap *observed)
{
    const QString ns = m_fx->names().constFirst();
    for (int attempt = 0; attempt < 10; ++attempt) {
        const LinkMap before = IpLinks::links(*m_fx, ns);
        *observed = observe();
        const LinkMap after = IpLinks::links(*m_fx, ns);
        if (before == after) {
            *ipState = after;
            return true;
        }
        QTest::qWait(100);
    }
    return false;
}

// 1. The snapshot equals `ip -j -d link show` and `ip -j addr show` for
// every link of a lab with both kinds of bridge, veths whose peers live in
// other namespaces, addresses of both families and default routes.
void TestNetlinkMonitor::snapshotMatchesIp()
{
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    const QString lan = newNamespace(QStringLiteral("lan"));
    const QString ctr = newNamespace(QStringLiteral("ctr"));
    QVERIFY(!lab.isEmpty() && !lan.isEmpty() && !ctr.isEmpty());

    QVERIFY(batch(lab, {
        QStringLiteral("link add br0 type bridge stp_state 1 forward_delay 200"),
        QStringLiteral("link add br1 type bridge stp_state 0"),
        QStringLiteral("link add em1 type veth peer name gw0 netns %1").arg(lan),
        QStringLiteral("link add vc1 type veth peer name eth0 netns %1").arg(ctr),
        QStringLiteral("link add vc2 type veth peer name eth1 netns %1").arg(ctr),
        QStringLiteral("link add vl1 type veth peer name vl1p"),
        QStringLiteral("link set vc1 master br0"),
        QStringLiteral("link set vc2 master br0"),
        QStringLiteral("link set vl1 master br1"),
        QStringLiteral("link set vl1 mtu 1400"),
        QStringLiteral("link set br0 up"),
        QStringLiteral("link set br1 up"),
        QStringLiteral("link set vc1 up"),
        QStringLiteral("link set vl1 up"),
        QStringLiteral("link set vl1p up"),
        QStringLiteral("link set em1 up"),
        QStringLiteral("addr add 192.0.2.10/24 dev em1"),
        QStringLiteral("addr add 2001:db8:1::10/64 dev em1"),
        QStringLiteral("addr add 10.1.0.1/24 dev br1"),
        QStringLiteral("addr add 10.1.0.2/24 dev br1"),
        QStringLiteral("addr add fd00:1::1/64 dev br1"),
    }));
    QVERIFY(batch(lan, {QStringLiteral("link set gw0 up"), QStringLiteral("addr add 192.0.2.1/24 dev gw0"),
                        QStringLiteral("addr add 2001:db8:1::1/64 dev gw0")}));
    QVERIFY(batch(ctr, {QStringLiteral("link set eth0 up")}));
    QVERIFY(batch(lab, {QStringLiteral("route add default via 192.0.2.1 dev em1"),
                        QStringLiteral("route add default via 2001:db8:1::1 dev em1")}));

    LinkMap ipState;
    Dump dump;
    QVERIFY2(stableComparison([&dump] { dump = oneShot(); return dump.links; }, &ipState, &dump.links),
             "the namespace did not hold still");
    QVERIFY2(dump.error.isEmpty(), qPrintable(dump.error));
    QVERIFY2(IpLinks::diff(dump.links, ipState).isEmpty(), qPrintable(IpLinks::diff(dump.links, ipState)));

    // The comparison above is only as good as the lab: check that it holds
    // what the features are about.
    const Link br0 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("br0")));
    const Link br1 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("br1")));
    const Link vc1 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("vc1")));
    const Link vc2 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("vc2")));
    const Link vl1 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("vl1")));
    const Link vl1p = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("vl1p")));
    const Link em1 = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("em1")));
    const Link lo = dump.links.value(1);
    QCOMPARE(br0.kind, QStringLiteral("bridge"));
    QCOMPARE(br0.stp, std::optional<bool>(true));
    QCOMPARE(br1.stp, std::optional<bool>(false));
    QCOMPARE(vc1.kind, QStringLiteral("veth"));
    QCOMPARE(vc1.masterIndex, br0.ifindex);
    QVERIFY2(QStringList({QStringLiteral("listening"), QStringLiteral("learning"), QStringLiteral("forwarding")})
                 .contains(vc1.portState),
             qPrintable(vc1.portState));
    QCOMPARE(vc2.portState, QStringLiteral("disabled"));
    QCOMPARE(vl1.portState, QStringLiteral("forwarding")); // STP off: forwarding at once
    QCOMPARE(vl1.mtu, 1400);
    QCOMPARE(vl1.peerIndex, vl1p.ifindex);
    QCOMPARE(vl1.peerNetnsId, -1);
    QVERIFY(em1.peerNetnsId >= 0);
    QVERIFY(em1.peerIndex > 0);
    QCOMPARE(em1.operstate, QStringLiteral("UP"));
    QVERIFY(em1.mac.contains(QRegularExpression(QStringLiteral("^([0-9a-f]{2}:){5}[0-9a-f]{2}$"))));
    QCOMPARE(lo.kind, QStringLiteral("loopback"));
    QVERIFY(br0.stp.has_value() && !em1.stp.has_value());
    QVERIFY(em1.portState.isEmpty());
    QCOMPARE(em1.addresses.size(), 3); // v4, v6 global, v6 link-local
    QCOMPARE(IpLinks::normalized(dump.routes), IpLinks::defaultRoutes(*m_fx, lab));
    QCOMPARE(dump.routes.size(), 2);
    for (const DefaultRoute &r : dump.routes) {
        QCOMPARE(r.oifIndex, em1.ifindex);
        QCOMPARE(r.table, 254u);
        QCOMPARE(r.gateway, r.family == AF_INET ? QStringLiteral("192.0.2.1") : QStringLiteral("2001:db8:1::1"));
    }

    // A live monitor's first snapshot tells the same.
    m_live = std::make_unique<LiveMonitor>();
    Recorder &rec = m_live->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(rec.snapshots, 1, 10000);
    QVERIFY(rec.failures.isEmpty());
    LinkMap live;
    QVERIFY(stableComparison([&] { QTest::qWait(50); return rec.links; }, &ipState, &live));
    QVERIFY2(IpLinks::diff(live, ipState).isEmpty(), qPrintable(IpLinks::diff(live, ipState)));
    QCOMPARE(IpLinks::normalized(rec.routes), IpLinks::defaultRoutes(*m_fx, lab));
}

// 2. Each change made with ip arrives as an event with the right content.
void TestNetlinkMonitor::liveEvents()
{
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    const QString peer = newNamespace(QStringLiteral("peer"));
    QVERIFY(!lab.isEmpty() && !peer.isEmpty());

    m_live = std::make_unique<LiveMonitor>();
    Recorder &rec = m_live->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(rec.snapshots, 1, 10000);
    QCOMPARE(rec.links.size(), 1); // lo

    // A veth appears, with its peer in another namespace.
    QVERIFY(ipIn(lab, qPrintable(QStringLiteral("link add vt1 type veth peer name vt1p netns %1").arg(peer))));
    QTRY_VERIFY_WITH_TIMEOUT(rec.byName(QStringLiteral("vt1")).ifindex > 0, 5000);
    Link vt1 = rec.byName(QStringLiteral("vt1"));
    const int vt1Index = vt1.ifindex;
    QCOMPARE(vt1.kind, QStringLiteral("veth"));
    QVERIFY(vt1.peerNetnsId >= 0);
    QVERIFY(vt1.peerIndex > 0);
    QCOMPARE(vt1.operstate, QStringLiteral("DOWN"));
    QVERIFY(!(vt1.flags & IFF_UP));

    // A bridge with STP, and the veth joins it.
    QVERIFY(ipIn(lab, "link add brx type bridge stp_state 1 forward_delay 200"));
    QVERIFY(ipIn(lab, "link set brx up"));
    QTRY_VERIFY_WITH_TIMEOUT(rec.byName(QStringLiteral("brx")).stp == std::optional<bool>(true), 5000);
    const int brIndex = rec.byName(QStringLiteral("brx")).ifindex;
    QCOMPARE(rec.byName(QStringLiteral("brx")).kind, QStringLiteral("bridge"));
    QVERIFY(ipIn(lab, "link set vt1 master brx"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).masterIndex, brIndex, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).portState, QStringLiteral("disabled"), 5000);

    // Up, with a carrier: STP walks the port through listening and
    // learning to forwarding (2 s forward delay each), reported live.
    rec.changes.clear();
    QVERIFY(ipIn(lab, "link set vt1 up"));
    QTRY_VERIFY_WITH_TIMEOUT(rec.links.value(vt1Index).flags & IFF_UP, 5000);
    // Up without a carrier (the peer is down): as the kernel says it.
    QVERIFY(!(rec.links.value(vt1Index).flags & IFF_LOWER_UP));
    QTRY_VERIFY_WITH_TIMEOUT(IpLinks::diff(rec.links, IpLinks::links(*m_fx, lab)).isEmpty(), 5000);
    QVERIFY(ipIn(peer, "link set vt1p up"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).portState, QStringLiteral("forwarding"), 15000);
    QStringList states;
    for (const Link &l : std::as_const(rec.changes)) {
        if (l.ifindex == vt1Index && (states.isEmpty() || states.constLast() != l.portState))
            states << l.portState;
    }
    QVERIFY2(states.indexOf(QStringLiteral("listening")) >= 0
                 && states.indexOf(QStringLiteral("listening")) < states.indexOf(QStringLiteral("learning"))
                 && states.indexOf(QStringLiteral("learning")) < states.indexOf(QStringLiteral("forwarding")),
             qPrintable(states.join(QLatin1String(" -> "))));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).operstate, QStringLiteral("UP"), 5000);
    QVERIFY(rec.links.value(vt1Index).flags & IFF_LOWER_UP);

    // Addresses come and go.
    QVERIFY(ipIn(lab, "addr add 198.51.100.7/24 dev vt1"));
    QVERIFY(ipIn(lab, "addr add 2001:db8:7::7/64 dev vt1"));
    auto hasAddress = [&rec, vt1Index](const char *local) {
        const QList<Address> addrs = rec.links.value(vt1Index).addresses;
        return std::any_of(addrs.cbegin(), addrs.cend(),
                           [local](const Address &a) { return a.local == QLatin1String(local); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasAddress("198.51.100.7") && hasAddress("2001:db8:7::7"), 5000);
    for (const Address &a : rec.links.value(vt1Index).addresses) {
        if (a.local == QLatin1String("198.51.100.7"))
            QVERIFY(a.family == AF_INET && a.prefixLength == 24 && a.scope == QLatin1String("global"));
        if (a.local.startsWith(QLatin1String("fe80:")))
            QVERIFY(a.family == AF_INET6 && a.prefixLength == 64 && a.scope == QLatin1String("link"));
    }

    // A default route is added and deleted.
    QVERIFY(ipIn(lab, "route add default via 198.51.100.1 dev vt1 metric 50"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.routes.size(), 1, 5000);
    QCOMPARE(rec.routes.constFirst().family, AF_INET);
    QCOMPARE(rec.routes.constFirst().gateway, QStringLiteral("198.51.100.1"));
    QCOMPARE(rec.routes.constFirst().oifIndex, vt1Index);
    QCOMPARE(rec.routes.constFirst().metric, 50u);
    QVERIFY(ipIn(lab, "route add default via 2001:db8:7::1 dev vt1"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.routes.size(), 2, 5000);
    QCOMPARE(IpLinks::normalized(rec.routes), IpLinks::defaultRoutes(*m_fx, lab));
    QVERIFY(ipIn(lab, "route del default via 198.51.100.1 dev vt1"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.routes.size(), 1, 5000);
    QCOMPARE(rec.routes.constFirst().family, AF_INET6);

    QVERIFY(ipIn(lab, "addr del 198.51.100.7/24 dev vt1"));
    QTRY_VERIFY_WITH_TIMEOUT(!hasAddress("198.51.100.7"), 5000);
    QVERIFY(hasAddress("2001:db8:7::7"));

    // MTU.
    QVERIFY(ipIn(lab, "link set vt1 mtu 1280"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).mtu, 1280, 5000);

    // STP off on the bridge.
    QVERIFY(ipIn(lab, "link set brx type bridge stp_state 0"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(brIndex).stp, std::optional<bool>(false), 5000);

    // An IPv4 default route, then the link goes down: the kernel drops the
    // route without a message, and the monitor must drop it too.
    QVERIFY(ipIn(lab, "addr add 198.51.100.7/24 dev vt1"));
    QVERIFY(ipIn(lab, "route add default via 198.51.100.1 dev vt1"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.routes.size(), 2, 5000);
    QVERIFY(ipIn(lab, "link set vt1 down"));
    QTRY_VERIFY_WITH_TIMEOUT(!(rec.links.value(vt1Index).flags & IFF_UP), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).operstate, QStringLiteral("DOWN"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(IpLinks::normalized(rec.routes), IpLinks::defaultRoutes(*m_fx, lab), 5000);
    QVERIFY(rec.routes.isEmpty());

    // Leaves the bridge.
    QVERIFY(ipIn(lab, "link set vt1 nomaster"));
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).masterIndex, 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(rec.links.value(vt1Index).portState, QString(), 5000);

    // What the events built is what the kernel has.
    QTRY_VERIFY_WITH_TIMEOUT(IpLinks::diff(rec.links, IpLinks::links(*m_fx, lab)).isEmpty(), 5000);
    QVERIFY2(IpLinks::diff(rec.links, oneShot().links).isEmpty(), qPrintable(IpLinks::diff(rec.links, oneShot().links)));

    // Deleted, with the bridge.
    QVERIFY(ipIn(lab, "link del vt1"));
    QTRY_VERIFY_WITH_TIMEOUT(rec.removals.contains(vt1Index), 5000);
    QVERIFY(!rec.links.contains(vt1Index));
    QVERIFY(ipIn(lab, "link del brx"));
    QTRY_VERIFY_WITH_TIMEOUT(rec.removals.contains(brIndex), 5000);
    QCOMPARE(rec.links.keys(), QList<int>{1});
    QCOMPARE(rec.snapshots, 1); // all of it incremental
    QCOMPARE(rec.overruns, 0);
}

// 3. Hundreds of veths and namespaces created and deleted as fast as
// `ip -batch` goes: the state the signals build ends equal to a fresh dump
// and to iproute2, every round.
void TestNetlinkMonitor::churn_data()
{
    QTest::addColumn<int>("receiveBuffer");
    QTest::newRow("default buffer") << 0;
    // A few messages fill it: re-dumps run while the kernel keeps changing.
    QTest::newRow("tiny buffer, re-dumps under churn") << 4096;
}

void TestNetlinkMonitor::churn()
{
    QFETCH(int, receiveBuffer);
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    QVERIFY(!lab.isEmpty());
    QVERIFY(batch(lab, {QStringLiteral("link add br0 type bridge"), QStringLiteral("link set br0 up")}));

    m_live = std::make_unique<LiveMonitor>(receiveBuffer);
    Recorder &rec = m_live->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(rec.snapshots, 1, 10000);

    constexpr int kRounds = 3;
    constexpr int kPairs = 300;
    constexpr int kPeerNamespaces = 150;
    QStringList previous;
    for (int round = 0; round < kRounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        // The namespaces of the previous round go, and their veths with them.
        for (const QString &ns : std::as_const(previous))
            m_fx->remove(ns);
        QStringList spaces;
        for (int i = 0; i < kPeerNamespaces; ++i) {
            const QString ns = m_fx->create(QStringLiteral("r%1n%2").arg(round).arg(i));
            QVERIFY(!ns.isEmpty());
            spaces << ns;
        }

        QStringList create;
        QStringList remove;
        QSet<QString> survivors;
        for (int i = 0; i < kPairs; ++i) {
            const QString name = QStringLiteral("c%1v%2").arg(round).arg(i);
            create << QStringLiteral("link add %1 type veth peer name eth%2 netns %3")
                          .arg(name)
                          .arg(i % 2)
                          .arg(spaces.at(i / 2));
            if (i % 3 == 0) {
                create << QStringLiteral("addr add 10.%1.%2.%3/16 dev %4").arg(round).arg(i / 250).arg(i % 250 + 1).arg(name)
                       << QStringLiteral("link set %1 up").arg(name);
            }
            if (i % 5 == 0)
                create << QStringLiteral("link set %1 master br0").arg(name);
            if (i % 4 == 1)
                remove << QStringLiteral("link del %1").arg(name);
            else if (i / 2 < kPeerNamespaces / 2)
                survivors << name;
        }
        QVERIFY(batch(lab, create));
        QVERIFY(batch(lab, remove));
        // Half of the namespaces go at once: the kernel removes the host
        // ends of their veths later, on its own.
        for (int i = kPeerNamespaces / 2; i < kPeerNamespaces; ++i)
            m_fx->remove(spaces.at(i));
        previous = spaces.mid(0, kPeerNamespaces / 2);

        // Wait for the kernel to finish.
        auto settled = [&] {
            QSet<QString> veths;
            for (const Link &l : IpLinks::links(*m_fx, lab)) {
                if (l.kind == QLatin1String("veth"))
                    veths << l.name;
            }
            return veths == survivors;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), 30000);

        const Dump fresh = oneShot();
        QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
        QTRY_VERIFY_WITH_TIMEOUT(IpLinks::diff(rec.links, fresh.links).isEmpty(), 15000);
        const LinkMap ipState = IpLinks::links(*m_fx, lab);
        QVERIFY2(IpLinks::diff(fresh.links, ipState).isEmpty(), qPrintable(IpLinks::diff(fresh.links, ipState)));
        QVERIFY2(IpLinks::diff(rec.links, ipState).isEmpty(), qPrintable(IpLinks::diff(rec.links, ipState)));
        QCOMPARE(rec.links.size(), survivors.size() + 2); // lo, br0
        QCOMPARE(rec.routes, fresh.routes);
        QVERIFY(rec.failures.isEmpty());
        qDebug("round %d: %lld ms, %lld links, %d overruns, %d snapshots", round, timer.elapsed(),
               qlonglong(rec.links.size()), rec.overruns, rec.snapshots);
    }
    if (receiveBuffer > 0)
        QVERIFY2(rec.overruns > 0, "the tiny buffer never overflowed: this row tested nothing more");
}

// 4. A reader that stalls loses messages (ENOBUFS): the monitor says so,
// re-dumps once, and ends equal to the kernel.
void TestNetlinkMonitor::overrun()
{
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    QVERIFY(!lab.isEmpty());

    // A small buffer, so that a few hundred messages overflow it.
    m_live = std::make_unique<LiveMonitor>(64 * 1024);
    Recorder &rec = m_live->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(rec.snapshots, 1, 10000);

    // Stall the monitor's thread while the kernel sends a burst.
    QSemaphore stalled;
    QSemaphore release;
    QMetaObject::invokeMethod(
        m_live->monitor, [&] { stalled.release(); release.acquire(); }, Qt::QueuedConnection);
    QVERIFY(stalled.tryAcquire(1, 10000));
    QStringList burst;
    for (int i = 0; i < 500; ++i)
        burst << QStringLiteral("link add ov%1 type veth peer name ovp%1").arg(i);
    for (int i = 0; i < 500; i += 2)
        burst << QStringLiteral("link del ov%1").arg(i);
    for (int i = 1; i < 500; i += 4)
        burst << QStringLiteral("link set ov%1 up").arg(i);
    const bool made = batch(lab, burst);
    release.release();
    QVERIFY(made);

    QTRY_VERIFY_WITH_TIMEOUT(rec.overruns >= 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rec.snapshots >= 2, 10000);
    const LinkMap ipState = IpLinks::links(*m_fx, lab);
    QCOMPARE(ipState.size(), 1 + 500); // lo and 250 pairs
    QTRY_VERIFY_WITH_TIMEOUT(IpLinks::diff(rec.links, ipState).isEmpty(), 10000);
    QVERIFY2(IpLinks::diff(rec.links, oneShot().links).isEmpty(), qPrintable(IpLinks::diff(rec.links, oneShot().links)));
    // One burst, one re-dump: the overruns that follow the first are coalesced.
    QTest::qWait(300);
    QCOMPARE(rec.snapshots, 2);
    QCOMPARE(rec.overruns, 1);

    // And the monitor follows events again afterwards.
    QVERIFY(ipIn(lab, "link del ov1"));
    QVERIFY(ipIn(lab, "link set ov3 mtu 1300"));
    QTRY_VERIFY_WITH_TIMEOUT(IpLinks::diff(rec.links, IpLinks::links(*m_fx, lab)).isEmpty(), 5000);
    QCOMPARE(rec.snapshots, 2);
}

// 5. RTM_GETNSID by pid and by namespace file gives the id the host side
// of a veth reports for its peer, also for an unprivileged caller.
void TestNetlinkMonitor::netnsIds()
{
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    const QString nsA = newNamespace(QStringLiteral("a"));
    const QString nsB = newNamespace(QStringLiteral("b"));
    QVERIFY(!lab.isEmpty() && !nsA.isEmpty() && !nsB.isEmpty());
    QVERIFY(batch(lab, {QStringLiteral("link add va type veth peer name eth0 netns %1").arg(nsA),
                        QStringLiteral("link add vb type veth peer name eth0 netns %1").arg(nsB)}));

    QProcess sleeper;
    const auto stopSleeper = qScopeGuard([&sleeper] {
        sleeper.kill();
        sleeper.waitForFinished();
    });
    sleeper.start(QStringLiteral("nsenter"),
                  {QStringLiteral("--net=/run/netns/") + nsA, QStringLiteral("sleep"), QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted());
    const qint64 pid = sleeper.processId();
    m_fx->adoptPid(pid);
    // Wait until nsenter has moved into the namespace (same nsfs inode).
    auto inode = [](const QString &path) {
        struct stat st = {};
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : ino_t(0);
    };
    const ino_t nsAInode = inode(QStringLiteral("/run/netns/") + nsA);
    QVERIFY(nsAInode != 0);
    QTRY_COMPARE_WITH_TIMEOUT(inode(QStringLiteral("/proc/%1/ns/net").arg(pid)), nsAInode, 5000);

    const Dump dump = oneShot();
    const Link va = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("va")));
    const Link vb = dump.links.value(IpLinks::indexOf(dump.links, QStringLiteral("vb")));
    QVERIFY(va.peerNetnsId >= 0);
    QVERIFY(vb.peerNetnsId >= 0);
    QVERIFY(va.peerNetnsId != vb.peerNetnsId);

    QCOMPARE(NetlinkMonitor::netnsIdForPid(pid), va.peerNetnsId);
    QCOMPARE(NetlinkMonitor::netnsIdForPath(QStringLiteral("/run/netns/") + nsA), va.peerNetnsId);
    QCOMPARE(NetlinkMonitor::netnsIdForPath(QStringLiteral("/run/netns/") + nsB), vb.peerNetnsId);
    QCOMPARE(NetlinkMonitor::netnsIdForPath(QStringLiteral("/nonexistent")), -1);
    QCOMPARE(NetlinkMonitor::netnsIdForPid(0), -1);

    // A namespace this one has no id for.
    const QString nsC = newNamespace(QStringLiteral("c"));
    QVERIFY(!nsC.isEmpty());
    QCOMPARE(NetlinkMonitor::netnsIdForPath(QStringLiteral("/run/netns/") + nsC), -1);

    // From another thread, as nobody: the credentials of a Linux thread are
    // its own when changed with the raw system calls, so only this thread
    // drops root (and with it every capability).
    int unprivileged = -2;
    bool dropped = false;
    std::thread worker([&] {
        dropped = ::syscall(SYS_setgroups, 0, nullptr) == 0 && ::syscall(SYS_setresgid, 65534, 65534, 65534) == 0
            && ::syscall(SYS_setresuid, 65534, 65534, 65534) == 0 && ::geteuid() == 65534;
        if (dropped)
            unprivileged = NetlinkMonitor::netnsIdForPid(pid);
    });
    worker.join();
    QVERIFY(dropped);
    QCOMPARE(unprivileged, va.peerNetnsId);
}

// 6. Default routes that differ only in their link, nexthops or place: the
// helper moves a default route from one link to another by appending the
// copy next to it, same metric, then deleting the original. After each
// step, once the monitor has read it, its default routes are iproute2's.
// IPv4 keeps a multipath route as one route, IPv6 as one per nexthop
// (`ip -6 route` shows them merged); either way each nexthop is reported
// as a DefaultRoute of its own, with its own link.
void TestNetlinkMonitor::defaultRoutes_data()
{
    QTest::addColumn<QStringList>("steps");
    // What is left at the end, as "family gateway link metric table" ("-": no gateway).
    QTest::addColumn<QStringList>("final");

    const QString addA = QStringLiteral("route add default via 192.0.2.1 dev va");
    const QString appendB = QStringLiteral("route append default via 192.0.2.1 dev vb");
    const QString add6A = QStringLiteral("route add default via 2001:db8::1 dev va metric 1024");
    const QString append6B = QStringLiteral("route append default via 2001:db8::1 dev vb metric 1024");

    QTest::newRow("same metric on two links, delete first")
        << QStringList{addA, appendB, QStringLiteral("route del default via 192.0.2.1 dev va")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 254")};
    QTest::newRow("same metric on two links, delete second")
        << QStringList{addA, appendB, QStringLiteral("route del default via 192.0.2.1 dev vb")}
        << QStringList{QStringLiteral("inet 192.0.2.1 va 0 254")};
    QTest::newRow("same metric, prepended, delete first")
        << QStringList{addA, QStringLiteral("route prepend default via 192.0.2.1 dev vb"),
                       QStringLiteral("route del default via 192.0.2.1 dev va")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 254")};
    // IPv4 replaces the first route of the group, whichever its link.
    QTest::newRow("same metric, prepended, replace")
        << QStringList{addA, QStringLiteral("route prepend default via 192.0.2.1 dev vb"),
                       QStringLiteral("route replace default via 192.0.2.2 dev va")}
        << QStringList{QStringLiteral("inet 192.0.2.1 va 0 254"), QStringLiteral("inet 192.0.2.2 va 0 254")};
    QTest::newRow("metric change")
        << QStringList{QStringLiteral("route add default via 192.0.2.1 dev va metric 100"),
                       QStringLiteral("route append default via 192.0.2.1 dev vb metric 100"),
                       QStringLiteral("route add default via 192.0.2.1 dev vb metric 50"),
                       QStringLiteral("route del default via 192.0.2.1 dev vb metric 100"),
                       QStringLiteral("route del default via 192.0.2.1 dev va metric 100")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 50 254")};
    QTest::newRow("replace")
        << QStringList{addA, appendB, QStringLiteral("route replace default via 192.0.2.2 dev vb"),
                       QStringLiteral("route replace default via 192.0.2.3 dev va"),
                       QStringLiteral("route del default via 192.0.2.1 dev vb")}
        << QStringList{QStringLiteral("inet 192.0.2.3 va 0 254")};
    QTest::newRow("replace an unreachable default")
        << QStringList{QStringLiteral("route add unreachable default metric 5"),
                       QStringLiteral("route append default via 192.0.2.1 dev va metric 5"),
                       QStringLiteral("route replace default via 192.0.2.2 dev vb metric 5")}
        << QStringList{QStringLiteral("inet 192.0.2.1 va 5 254"), QStringLiteral("inet 192.0.2.2 vb 5 254")};
    QTest::newRow("same route in two tables")
        << QStringList{QStringLiteral("route add default via 192.0.2.1 dev va table 100"),
                       QStringLiteral("route append default via 192.0.2.1 dev vb table 100"), addA,
                       QStringLiteral("route del default via 192.0.2.1 dev va table 100")}
        << QStringList{QStringLiteral("inet 192.0.2.1 va 0 254"), QStringLiteral("inet 192.0.2.1 vb 0 100")};
    // The kernel flushes these IPv4 routes without a message.
    QTest::newRow("link down, same metric on the other link")
        << QStringList{addA, appendB, QStringLiteral("route add default via 192.0.2.1 dev va table 100"),
                       QStringLiteral("link set va down"), QStringLiteral("link set va up")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 254")};
    QTest::newRow("last address removed")
        << QStringList{addA, appendB, QStringLiteral("addr del 192.0.2.10/24 dev va")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 254")};
    // Only in the main table: the table of the link's address.
    QTest::newRow("source address removed")
        << QStringList{QStringLiteral("addr add 192.0.2.20/24 dev va"),
                       QStringLiteral("route add default via 192.0.2.1 dev vb src 192.0.2.20"),
                       QStringLiteral("route append default via 192.0.2.1 dev vb"),
                       QStringLiteral("route add default via 192.0.2.1 dev vb src 192.0.2.20 table 100"),
                       QStringLiteral("addr del 192.0.2.20/24 dev va")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 100"), QStringLiteral("inet 192.0.2.1 vb 0 254")};
    // A multipath IPv4 route stays while one of its nexthops lives.
    QTest::newRow("ipv4 multipath, links down")
        << QStringList{QStringLiteral("route add default metric 7 nexthop via 192.0.2.1 dev va nexthop via 192.0.2.1 dev vb"),
                       QStringLiteral("link set va down"), QStringLiteral("link set va up"),
                       QStringLiteral("link set vb down"), QStringLiteral("link set va down")}
        << QStringList{};
    QTest::newRow("ipv4 multipath, link deleted")
        << QStringList{QStringLiteral("route add default metric 7 nexthop via 192.0.2.1 dev va nexthop via 192.0.2.1 dev vb"),
                       addA, QStringLiteral("link del vb")}
        << QStringList{QStringLiteral("inet 192.0.2.1 va 0 254")};
    QTest::newRow("ipv4 through an ipv6 gateway")
        << QStringList{QStringLiteral("-4 route add default via inet6 2001:db8::1 dev va"), appendB,
                       QStringLiteral("route del default via 192.0.2.1 dev vb")}
        << QStringList{QStringLiteral("inet 2001:db8::1 va 0 254")};
    QTest::newRow("ipv6 ecmp, delete first")
        << QStringList{add6A, append6B, QStringLiteral("route del default via 2001:db8::1 dev va metric 1024")}
        << QStringList{QStringLiteral("inet6 2001:db8::1 vb 1024 254")};
    QTest::newRow("ipv6 ecmp, delete all")
        << QStringList{add6A, append6B, QStringLiteral("route append default via 2001:db8::2 dev vb metric 1024"),
                       QStringLiteral("-6 route del default metric 1024")}
        << QStringList{};
    // IPv6 replaces a whole multipath route.
    QTest::newRow("ipv6 ecmp, replaced")
        << QStringList{add6A, append6B, QStringLiteral("route replace default via 2001:db8::3 dev va metric 1024")}
        << QStringList{QStringLiteral("inet6 2001:db8::3 va 1024 254")};
    // Routes without a gateway are not part of a multipath route.
    QTest::newRow("ipv6 device route next to ecmp")
        << QStringList{add6A, append6B, QStringLiteral("-6 route append default dev vb metric 1024"),
                       QStringLiteral("-6 route replace default dev va metric 1024"),
                       QStringLiteral("route del default via 2001:db8::1 dev va metric 1024")}
        << QStringList{QStringLiteral("inet6 - va 1024 254"), QStringLiteral("inet6 2001:db8::1 vb 1024 254")};
    // A dead nexthop stays in its multipath route until all are dead.
    QTest::newRow("ipv6 ecmp, links down")
        << QStringList{add6A, append6B, QStringLiteral("route add default via 2001:db8::1 dev va metric 2000"),
                       QStringLiteral("link set va down"), QStringLiteral("link set va up"),
                       QStringLiteral("link set va down"), QStringLiteral("link set vb down")}
        << QStringList{};
    QTest::newRow("both families, delete first")
        << QStringList{addA, add6A, appendB, append6B, QStringLiteral("route del default via 192.0.2.1 dev va"),
                       QStringLiteral("route del default via 2001:db8::1 dev va metric 1024")}
        << QStringList{QStringLiteral("inet 192.0.2.1 vb 0 254"), QStringLiteral("inet6 2001:db8::1 vb 1024 254")};
}

void TestNetlinkMonitor::defaultRoutes()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, final);
    const QString lab = newNamespace(QStringLiteral("lab"), true);
    QVERIFY(!lab.isEmpty());
    // Two links in one subnet, as a host port and the bridge that takes
    // its place; mk0 only marks how far the monitor has read.
    QVERIFY(batch(lab, {
        QStringLiteral("link add va type veth peer name vap"),
        QStringLiteral("link add vb type veth peer name vbp"),
        QStringLiteral("link add mk0 type bridge"),
        QStringLiteral("link set vap up"),
        QStringLiteral("link set vbp up"),
        QStringLiteral("link set va up"),
        QStringLiteral("link set vb up"),
        QStringLiteral("addr add 192.0.2.10/24 dev va"),
        QStringLiteral("addr add 192.0.2.11/24 dev vb"),
        QStringLiteral("addr add 2001:db8::10/64 dev va"),
        QStringLiteral("addr add 2001:db8::11/64 dev vb"),
    }));

    m_live = std::make_unique<LiveMonitor>();
    Recorder &rec = m_live->recorder;
    QTRY_COMPARE_WITH_TIMEOUT(rec.snapshots, 1, 10000);
    const int marker = rec.byName(QStringLiteral("mk0")).ifindex;
    QVERIFY(marker > 0);
    QVERIFY(rec.routes.isEmpty());

    // Messages arrive in the kernel's order on the monitor's one socket:
    // once it reports the marker's new MTU, it has read every step before.
    int mtu = 1400;
    auto seenAll = [&] {
        ++mtu;
        QString error;
        if (!m_fx->ip(lab, {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("mk0"), QStringLiteral("mtu"),
                            QString::number(mtu)}, &error)) {
            qWarning("marker: %s", qPrintable(error));
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (rec.links.value(marker).mtu != mtu && timer.elapsed() < 5000)
            QTest::qWait(5);
        return rec.links.value(marker).mtu == mtu;
    };

    for (const QString &step : std::as_const(steps)) {
        QVERIFY(ipIn(lab, qPrintable(step)));
        QVERIFY(seenAll());
        const QList<DefaultRoute> got = IpLinks::normalized(rec.routes);
        const QList<DefaultRoute> want = IpLinks::defaultRoutes(*m_fx, lab);
        QVERIFY2(got == want, qPrintable(QStringLiteral("after \"%1\":\n    monitor %2\n    ip      %3")
                                             .arg(step, IpLinks::describe(got), IpLinks::describe(want))));
    }

    // The rows test what they say they do.
    QStringList left;
    for (const DefaultRoute &r : std::as_const(rec.routes)) {
        left << QStringLiteral("%1 %2 %3 %4 %5")
                    .arg(r.family == AF_INET ? QStringLiteral("inet") : QStringLiteral("inet6"),
                         r.gateway.isEmpty() ? QStringLiteral("-") : r.gateway, rec.links.value(r.oifIndex).name)
                    .arg(r.metric)
                    .arg(r.table);
    }
    left.sort();
    final.sort();
    QCOMPARE(left, final);
    // All of it incremental, and what a fresh dump says.
    QCOMPARE(rec.snapshots, 1);
    QCOMPARE(rec.overruns, 0);
    const Dump fresh = oneShot();
    QVERIFY2(fresh.error.isEmpty(), qPrintable(fresh.error));
    QVERIFY2(IpLinks::normalized(fresh.routes) == IpLinks::normalized(rec.routes),
             qPrintable(IpLinks::describe(fresh.routes)));
    QVERIFY(rec.failures.isEmpty());
}

QTEST_GUILESS_MAIN(TestNetlinkMonitor)
#include "tst_netlinkmonitor.moc"
