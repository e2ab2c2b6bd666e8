// The pure parts of transactions on hand-made snapshots: the steps a plan
// makes and their order, what moves with a port and what stays, which
// links need confirmation, the journal written and read back, and the
// remote sessions read from the kernel's TCP tables.
#include "journal.h"
#include "remotesessions.h"
#include "transaction.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <sys/stat.h>

using namespace Passerelle;

Q_DECLARE_METATYPE(Passerelle::Operation)

namespace {

LinkState link(int ifindex, const char *name, const char *kind, int master = 0, bool up = true)
{
    LinkState l;
    l.ifindex = ifindex;
    l.name = QLatin1String(name);
    l.kind = QLatin1String(kind);
    l.masterIndex = master;
    l.up = up;
    l.loopback = ifindex == 1;
    l.mac = QByteArray::fromHex("525400" + QByteArray::number(ifindex).rightJustified(6, '0'));
    l.stp = l.isBridge() ? 0 : -1;
    return l;
}

AddressState address(int ifindex, int family, const char *text, int prefix, int scope = RT_SCOPE_UNIVERSE,
                     quint32 flags = IFA_F_PERMANENT)
{
    AddressState a;
    a.ifindex = ifindex;
    a.family = family;
    a.local = addressFromText(family, QLatin1String(text));
    a.peer = family == AF_INET ? a.local : QByteArray();
    a.prefixLength = prefix;
    a.scope = scope;
    a.flags = flags;
    return a;
}

RouteState route(int family, const char *destination, int length, const char *gateway, int oif, qint64 metric,
                 int protocol = RTPROT_STATIC, quint32 table = RT_TABLE_MAIN, int type = RTN_UNICAST)
{
    RouteState r;
    r.family = family;
    r.destination = addressFromText(family, QLatin1String(destination));
    r.destinationLength = length;
    r.gateway = addressFromText(family, QLatin1String(gateway));
    r.oif = oif;
    r.priority = metric;
    r.protocol = protocol;
    r.table = table;
    r.type = type;
    r.scope = gateway[0] ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
    return r;
}

// lo, em1 (the uplink, with addresses and the default routes), br9 (a
// bridge, down) with its port vp, em2 (nobody's).
NetState lab()
{
    NetState s;
    s.links = LinkSnapshot({link(1, "lo", ""), link(2, "em1", "veth"), link(3, "br9", "bridge", 0, false),
                            link(4, "vp", "veth", 3), link(5, "em2", "")});
    s.addresses = {
        address(1, AF_INET, "127.0.0.1", 8, RT_SCOPE_HOST),
        address(2, AF_INET, "192.168.7.31", 24),
        address(2, AF_INET, "192.168.7.32", 24, RT_SCOPE_UNIVERSE, IFA_F_PERMANENT | IFA_F_SECONDARY),
        address(2, AF_INET6, "2001:db8:8::31", 64),   // the kernel lists the newest IPv6 address first
        address(2, AF_INET6, "2001:db8:7::31", 64),
        address(2, AF_INET6, "2001:db8:7::1234", 64, RT_SCOPE_UNIVERSE, IFA_F_TEMPORARY),
        address(2, AF_INET6, "fe80::5054:ff:fe00:2", 64, RT_SCOPE_LINK),
    };
    s.routes = {
        route(AF_INET, "", 0, "192.168.7.254", 2, 100),
        route(AF_INET, "192.168.7.0", 24, "", 2, -1, RTPROT_KERNEL),
        route(AF_INET, "192.168.7.31", 32, "", 2, -1, RTPROT_KERNEL, RT_TABLE_LOCAL, RTN_LOCAL),
        route(AF_INET, "10.9.0.0", 16, "192.168.7.254", 2, 50, RTPROT_BOOT, 100),
        route(AF_INET6, "", 0, "2001:db8:7::fe", 2, 1024),
        route(AF_INET6, "fe80::", 64, "", 2, 256, RTPROT_KERNEL),
        route(AF_INET6, "ff00::", 8, "", 2, 256, RTPROT_KERNEL, RT_TABLE_LOCAL, RTN_MULTICAST),
    };
    return s;
}

QStringList names(const Plan &plan)
{
    QStringList out;
    for (const HelperPlanStep &s : plan.describe())
        out.append(QStringLiteral("%1(%2)").arg(s.name, s.parameters.join(QLatin1Char(' '))));
    return out;
}

} // namespace

class TestTransactionPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bridgePortMovesInAnOrderThatKeepsTheHostOnline()
    {
        Plan plan;
        QVERIFY(!Transaction::plan(Operation::bridgePort(QStringLiteral("br0"), QStringLiteral("em1"), true, false),
                                   lab(), {}, &plan));
        const QStringList expected{
            QStringLiteral("CreateBridge(br0 stp-off)"),
            QStringLiteral("SetMac(br0 52:54:00:00:00:02)"),
            QStringLiteral("SetLinkUp(br0)"),
            // IPv4 as listed, IPv6 oldest first: added to br0 they are listed as on em1.
            QStringLiteral("MoveAddress(192.168.7.31/24 em1 br0)"),
            QStringLiteral("MoveAddress(192.168.7.32/24 em1 br0)"),
            QStringLiteral("MoveAddress(2001:db8:7::31/64 em1 br0)"),
            QStringLiteral("MoveAddress(2001:db8:8::31/64 em1 br0)"),
            QStringLiteral("SetMaster(em1 br0)"),
            QStringLiteral("MoveRoute(default 192.168.7.254 em1 br0 100)"),
            QStringLiteral("MoveRoute(10.9.0.0/16 192.168.7.254 em1 br0 50)"),
            QStringLiteral("MoveRoute(default 2001:db8:7::fe em1 br0 1024)"),
            QStringLiteral("RemoveAddress(2001:db8:8::31/64 em1)"),
            QStringLiteral("RemoveAddress(2001:db8:7::31/64 em1)"),
            QStringLiteral("RemoveAddress(192.168.7.32/24 em1)"),
            QStringLiteral("RemoveAddress(192.168.7.31/24 em1)"),
        };
        QCOMPARE(names(plan), expected);
        QCOMPARE(plan.touched, QSet<int>{2});
        QCOMPARE(plan.indexes.value(QStringLiteral("br0")), 0);
        QCOMPARE(plan.indexes.value(QStringLiteral("em1")), 2);
        // What DeleteBridge will give back: as em1 listed them.
        QVERIFY(plan.move);
        QCOMPARE(plan.move->addresses.size(), 4);
        QCOMPARE(plan.move->addresses.at(2).text(), QStringLiteral("2001:db8:8::31/64"));
        QCOMPARE(plan.move->routes.size(), 3);
        // Undo data: the port's master before.
        QCOMPARE(plan.steps.at(7).linkState.masterIndex, 0);
    }

    void keepAddressesOnlyEnslaves()
    {
        Plan plan;
        QVERIFY(!Transaction::plan(Operation::bridgePort(QStringLiteral("br0"), QStringLiteral("em1"), false, true),
                                   lab(), {}, &plan));
        QCOMPARE(names(plan), (QStringList{QStringLiteral("CreateBridge(br0 stp-on)"),
                                           QStringLiteral("SetMac(br0 52:54:00:00:00:02)"), QStringLiteral("SetLinkUp(br0)"),
                                           QStringLiteral("SetMaster(em1 br0)")}));
        QVERIFY(!plan.move);
    }

    void intoAnExistingBridge()
    {
        Plan plan;
        QVERIFY(!Transaction::plan(Operation::bridgePort(QStringLiteral("br9"), QStringLiteral("em2"), true, true),
                                   lab(), {}, &plan));
        // No new bridge, no MAC of em2's; br9 was down. em2 has nothing to move.
        QCOMPARE(names(plan), (QStringList{QStringLiteral("SetLinkUp(br9)"), QStringLiteral("SetMaster(em2 br9)")}));
        QCOMPARE(plan.steps.at(0).previousOn, false);
    }

    void refusals_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QStringList>("parameters");
        const auto s = [](const char *t) { return QLatin1String(t); };
        QTest::newRow("loopback port") << Operation::bridgePort(s("br0"), s("lo"), true, false)
                                       << helperErrorName(HelperError::IsLoopback) << QStringList{s("lo")};
        QTest::newRow("itself") << Operation::bridgePort(s("em1"), s("em1"), true, false)
                                << helperErrorName(HelperError::Loop) << QStringList{s("em1"), s("em1")};
        QTest::newRow("a bridge as port") << Operation::bridgePort(s("br0"), s("br9"), true, false)
                                          << helperErrorName(HelperError::Loop) << QStringList{s("br0"), s("br9")};
        QTest::newRow("another bridge's port") << Operation::bridgePort(s("br0"), s("vp"), true, false)
                                               << helperErrorName(HelperError::AlreadyPort) << QStringList{s("vp"), s("br9")};
        QTest::newRow("into a veth") << Operation::bridgePort(s("em1"), s("em2"), true, false)
                                     << helperErrorName(HelperError::NotABridge) << QStringList{s("em1"), s("veth")};
        QTest::newRow("unknown port") << Operation::bridgePort(s("br0"), s("em7"), true, false)
                                      << helperErrorName(HelperError::NoSuchLink) << QStringList{s("em7")};
        QTest::newRow("bad name") << Operation::bridgePort(s("br/0"), s("em1"), true, false)
                                  << helperErrorName(HelperError::InvalidName) << QStringList{s("br/0"), s("forbidden-character")};
    }

    void refusals()
    {
        QFETCH(Operation, operation);
        QFETCH(QString, error);
        QFETCH(QStringList, parameters);
        Plan plan;
        const auto failure = Transaction::plan(operation, lab(), {}, &plan);
        QVERIFY(failure);
        QCOMPARE(failure->name, error);
        QCOMPARE(failure->parameters, parameters);
    }

    void nothingToDoIsAnEmptyPlan()
    {
        Plan plan;
        QVERIFY(!Transaction::plan(Operation::setLinkUp(QStringLiteral("em1"), true), lab(), {}, &plan));
        QVERIFY(plan.steps.isEmpty());
        QVERIFY(!Transaction::plan(Operation::addPort(QStringLiteral("br9"), QStringLiteral("vp")), lab(), {}, &plan));
        QVERIFY(plan.steps.isEmpty());
    }

    void deleteBridgeGivesBackWhatWasMoved()
    {
        // em1 bridged into br0 (6) with its addresses and routes moved.
        NetState s = lab();
        Plan bridged;
        QVERIFY(!Transaction::plan(Operation::bridgePort(QStringLiteral("br0"), QStringLiteral("em1"), true, false), s, {},
                                   &bridged));
        MoveRecord record = *bridged.move;
        record.bridgeIndex = 6;
        QList<LinkState> links = s.links.links();
        links[1].masterIndex = 6;
        links.append(link(6, "br0", "bridge"));
        s.links = LinkSnapshot(links);
        QList<AddressState> addresses;
        for (AddressState a : std::as_const(s.addresses)) {
            if (a.ifindex == 2 && Transaction::isMovable(a))
                a.ifindex = 6;
            addresses.append(a);
        }
        s.addresses = addresses;
        for (RouteState &r : s.routes) {
            if (Transaction::isMovable(r))
                r.oif = 6;
        }

        Plan plan;
        QVERIFY(!Transaction::plan(Operation::deleteBridge(QStringLiteral("br0")), s, {record}, &plan));
        const QStringList got = names(plan);
        QCOMPARE(got.first(), QStringLiteral("RestoreAddress(192.168.7.31/24 br0 em1)"));
        QCOMPARE(got.at(3), QStringLiteral("RestoreAddress(2001:db8:8::31/64 br0 em1)"));
        QCOMPARE(got.at(4), QStringLiteral("ReleasePort(em1 br0)"));
        QCOMPARE(got.at(5), QStringLiteral("RestoreRoute(default 192.168.7.254 br0 em1 100)"));
        QCOMPARE(got.last(), QStringLiteral("DeleteBridge(br0)"));
        QCOMPARE(got.size(), 9);
        // What DeleteBridge's undo makes again: the addresses, not the
        // routes given back.
        QCOMPARE(plan.steps.last().addresses.size(), 4);
        QCOMPARE(plan.steps.last().routes.size(), 0);

        // Without the record (or a stale one) the port is only released.
        record.portIndex = 9;
        QVERIFY(!Transaction::plan(Operation::deleteBridge(QStringLiteral("br0")), s, {record}, &plan));
        QCOMPARE(names(plan), (QStringList{QStringLiteral("ReleasePort(em1 br0)"), QStringLiteral("DeleteBridge(br0)")}));
    }

    void criticalLinks()
    {
        NetState s = lab();
        QCOMPARE(Transaction::criticalLinks(s, {}), QSet<int>{2});
        QCOMPARE(Transaction::criticalLinks(s, {5}), (QSet<int>{2, 5}));
        // A default route through br9: its port vp counts too.
        s.routes = {route(AF_INET, "", 0, "10.0.0.1", 3, 0)};
        QCOMPARE(Transaction::criticalLinks(s, {}), (QSet<int>{3, 4}));
    }

    void journalRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const StateDirectory state(dir.path() + QStringLiteral("/state"));
        QString error;
        QVERIFY2(state.prepare(&error), qPrintable(error));

        Plan plan;
        QVERIFY(!Transaction::plan(Operation::bridgePort(QStringLiteral("br0"), QStringLiteral("em1"), true, false), lab(), {},
                                   &plan));
        JournalData written;
        written.transaction = QStringLiteral("0123456789abcdef0123456789abcdef");
        written.method = QStringLiteral("BridgePort");
        written.parameters = plan.operation.parameters();
        written.uid = 1000;
        written.state = JournalData::State::Pending;
        written.steps = plan.steps;
        written.done = 5;
        written.indexes = plan.indexes;
        written.move = plan.move;
        written.move->bridgeIndex = 6; // known once the bridge is made
        written.bootId = Journal::currentBootId();
        written.netns = Journal::currentNetns();
        written.deadlineMs = 123456;
        written.totalSeconds = 60;
        QVERIFY2(Journal::write(state.journalPath(), written, &error), qPrintable(error));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(state.journalPath()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));

        const auto read = Journal::read(state.journalPath(), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->transaction, written.transaction);
        QCOMPARE(read->parameters, written.parameters);
        QCOMPARE(read->state, JournalData::State::Pending);
        QCOMPARE(read->done, 5);
        QCOMPARE(read->indexes, written.indexes);
        QCOMPARE(read->netns, written.netns);
        QCOMPARE(read->deadlineMs, 123456);
        QCOMPARE(read->steps.size(), written.steps.size());
        for (int i = 0; i < written.steps.size(); ++i)
            QCOMPARE(QJsonDocument(read->steps.at(i).toJson()), QJsonDocument(written.steps.at(i).toJson()));
        QVERIFY(read->move);
        QCOMPARE(QJsonDocument(read->move->toJson()), QJsonDocument(written.move->toJson()));

        // Readable by others: not ours to trust.
        QVERIFY(::chmod(QFile::encodeName(state.journalPath()).constData(), 0644) == 0);
        QVERIFY(!Journal::read(state.journalPath(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(Journal::remove(state.journalPath(), &error));
        QVERIFY(!Journal::read(state.journalPath(), &error));
        QVERIFY(error.isEmpty());

        // A folder others may enter is refused.
        QVERIFY(::chmod(QFile::encodeName(state.path()).constData(), 0755) == 0);
        QVERIFY(!state.check(&error));
    }

    void remoteSessions()
    {
        const QByteArray tcp =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            "   0: 1F07A8C0:0016 0A09A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 1 1 0 20 4 30 10 -1\n"
            "   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0 20 4 30 10 -1\n"
            "   2: 1F07A8C0:170C 0B09A8C0:C350 01 00000000:00000000 00:00000000 00000000     0        0 3 1 0 20 4 30 10 -1\n"
            "   3: 1F07A8C0:C350 FE07A8C0:0016 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0 20 4 30 10 -1\n";
        const QList<RemoteSessions::Peer> peers = RemoteSessions::parse(tcp, AF_INET);
        QCOMPARE(peers.size(), 2); // SSH and VNC served here; not the listener, not our own SSH client
        QCOMPARE(addressToText(AF_INET, peers.at(0).address), QStringLiteral("192.168.9.10"));
        QCOMPARE(peers.at(0).localPort, 22);
        QCOMPARE(addressToText(AF_INET, peers.at(1).address), QStringLiteral("192.168.9.11"));
        QCOMPARE(peers.at(1).localPort, 5900);

        const QByteArray tcp6 =
            "  sl  local_address                         remote_address                        st\n"
            "   0: 0000000000000000FFFF00001F07A8C0:0016 0000000000000000FFFF00000A09A8C0:D431 01 0\n"
            "   1: B80D0120000000000000000031000000:0016 B80D0120000000000000000099000000:D431 01 0\n";
        const QList<RemoteSessions::Peer> peers6 = RemoteSessions::parse(tcp6, AF_INET6);
        QCOMPARE(peers6.size(), 2);
        QCOMPARE(peers6.at(0).family, AF_INET); // IPv4-mapped
        QCOMPARE(addressToText(AF_INET, peers6.at(0).address), QStringLiteral("192.168.9.10"));
        QCOMPARE(addressToText(AF_INET6, peers6.at(1).address), QStringLiteral("2001:db8::99"));
    }
};

QTEST_GUILESS_MAIN(TestTransactionPlan)
#include "tst_transactionplan.moc"
