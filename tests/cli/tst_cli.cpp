// passerellectl against the real kernel: a lab in network namespaces, the
// program run inside it with nsenter, its output compared with iproute2's.
#include "netnsfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void topologyJsonEqualsIp();
    void topologyJsonOwners();
    void prettyJson();
    void topologyTable();
    void whoOwns_data();
    void whoOwns();
    void usageErrors_data();
    void usageErrors();
    void monitorReportsEachChange();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result ctl(const QStringList &args) const;
    QStringList ctlCommand(const QStringList &args) const;
    QJsonObject linkByName(const QJsonArray &links, const QString &name) const;

    std::unique_ptr<NetnsFixture> m_ns;
    QString m_host, m_lan, m_c1, m_c2;
    QString m_ctl;
};

void TestCli::initTestCase()
{
    const QString skip = NetnsFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    m_ctl = qEnvironmentVariable("PASSERELLE_BUILD_DIR") + QStringLiteral("/app/cli/passerellectl");
    QVERIFY2(QFileInfo::exists(m_ctl), qPrintable(m_ctl));

    m_ns = std::make_unique<NetnsFixture>();
    m_host = m_ns->create(QStringLiteral("host"));
    m_lan = m_ns->create(QStringLiteral("lan"));
    m_c1 = m_ns->create(QStringLiteral("c1"));
    m_c2 = m_ns->create(QStringLiteral("c2"));
    QVERIFY(!m_host.isEmpty() && !m_lan.isEmpty() && !m_c1.isEmpty() && !m_c2.isEmpty());
    // em1 plays the physical uplink: a veth whose peer sits in the LAN.
    const QStringList setup = {
        QStringLiteral("link add em1 type veth peer name lan-a netns %1").arg(m_lan),
        QStringLiteral("addr add 192.168.7.31/20 dev em1"),
        QStringLiteral("link set em1 up"),
        QStringLiteral("route add default via 192.168.7.254 dev em1"),
        QStringLiteral("link add br0 type bridge stp_state 1"),
        QStringLiteral("link add br1 type bridge"),
        QStringLiteral("addr add 10.9.0.1/24 dev br1"),
        QStringLiteral("addr add fd00:9::1/64 dev br1"),
        QStringLiteral("link set br0 up"),
        QStringLiteral("link set br1 up"),
        QStringLiteral("link add vc1 mtu 1400 type veth peer name eth0 netns %1").arg(m_c1),
        QStringLiteral("link set vc1 master br0 up"),
        QStringLiteral("link add vc2 type veth peer name eth0 netns %1").arg(m_c2),
        QStringLiteral("link set vc2 master br1"),
        QStringLiteral("link add loc0 type veth peer name loc1"),
    };
    QString error;
    QVERIFY2(m_ns->ipBatch(m_host, setup, &error), qPrintable(error));
    QVERIFY(m_ns->ip(m_lan, {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lan-a"), QStringLiteral("up")}));
    QVERIFY(m_ns->ip(m_c1, {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"), QStringLiteral("up")}));
    // The kernel settles operstate and carrier asynchronously (linkwatch,
    // up to a second): compare with ip only once the namespace is still.
    QByteArray before = m_ns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show")});
    for (int stillFor = 0, waited = 0; stillFor < 1500 && waited < 10000; waited += 250) {
        QTest::qWait(250);
        const QByteArray now = m_ns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show")});
        stillFor = now == before ? stillFor + 250 : 0;
        before = now;
    }
}

void TestCli::cleanupTestCase()
{
    m_ns.reset();
}

QStringList TestCli::ctlCommand(const QStringList &args) const
{
    return QStringList{QStringLiteral("--net=/run/netns/") + m_host, m_ctl} + args;
}

TestCli::Result TestCli::ctl(const QStringList &args) const
{
    Result r;
    r.exitCode = NetnsFixture::run(QStringLiteral("nsenter"), ctlCommand(args), &r.out, &r.err, 60000);
    return r;
}

QJsonObject TestCli::linkByName(const QJsonArray &links, const QString &name) const
{
    for (const QJsonValue &v : links) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return QJsonObject();
}

void TestCli::topologyJsonEqualsIp()
{
    const Result r = ctl({QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("--no-docker")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray ours = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("links")).toArray();
    const QJsonArray ip = QJsonDocument::fromJson(m_ns->ipJson(m_host, {QStringLiteral("link"), QStringLiteral("show")})).array();
    const QJsonArray ipAddr = QJsonDocument::fromJson(m_ns->ipJson(m_host, {QStringLiteral("addr"), QStringLiteral("show")})).array();
    QVERIFY(!ip.isEmpty());
    QCOMPARE(ours.size(), ip.size());

    for (const QJsonValue &v : ip) {
        const QJsonObject theirs = v.toObject();
        const QString name = theirs.value(QStringLiteral("ifname")).toString();
        const QJsonObject mine = linkByName(ours, name);
        QVERIFY2(!mine.isEmpty(), qPrintable(name));
        QCOMPARE(mine.value(QStringLiteral("ifindex")).toInt(), theirs.value(QStringLiteral("ifindex")).toInt());
        QCOMPARE(mine.value(QStringLiteral("mtu")).toInt(), theirs.value(QStringLiteral("mtu")).toInt());
        QCOMPARE(mine.value(QStringLiteral("operstate")).toString(), theirs.value(QStringLiteral("operstate")).toString());
        QCOMPARE(mine.value(QStringLiteral("master")).toString(), theirs.value(QStringLiteral("master")).toString());
        if (name != QLatin1String("lo"))
            QCOMPARE(mine.value(QStringLiteral("mac")).toString(), theirs.value(QStringLiteral("address")).toString());
        const QString ipKind = theirs.value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_kind")).toString();
        const QString expectedKind = name == QLatin1String("lo") ? QStringLiteral("loopback")
            : ipKind.isEmpty()                                    ? QStringLiteral("physical")
                                                                  : ipKind;
        QCOMPARE(mine.value(QStringLiteral("kind")).toString(), expectedKind);
        if (theirs.contains(QStringLiteral("link_netnsid"))) {
            QCOMPARE(mine.value(QStringLiteral("peer")).toObject().value(QStringLiteral("netnsid")).toInt(-1),
                     theirs.value(QStringLiteral("link_netnsid")).toInt());
        }
        if (ipKind == QLatin1String("bridge")) {
            const int stp = theirs.value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_data"))
                                .toObject().value(QStringLiteral("stp_state")).toInt();
            QCOMPARE(mine.value(QStringLiteral("bridge")).toObject().value(QStringLiteral("stp")).toBool(), stp != 0);
        }
        const QJsonObject slave = theirs.value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_slave_data")).toObject();
        if (slave.contains(QStringLiteral("state")))
            QCOMPARE(mine.value(QStringLiteral("port")).toObject().value(QStringLiteral("state")).toString(),
                     slave.value(QStringLiteral("state")).toString());

        QSet<QString> expectedAddresses, actualAddresses;
        for (const QJsonValue &a : ipAddr) {
            if (a.toObject().value(QStringLiteral("ifname")).toString() != name)
                continue;
            for (const QJsonValue &info : a.toObject().value(QStringLiteral("addr_info")).toArray())
                expectedAddresses.insert(info.toObject().value(QStringLiteral("local")).toString() + QLatin1Char('/')
                                         + QString::number(info.toObject().value(QStringLiteral("prefixlen")).toInt()));
        }
        for (const QJsonValue &a : mine.value(QStringLiteral("addresses")).toArray())
            actualAddresses.insert(a.toObject().value(QStringLiteral("local")).toString() + QLatin1Char('/')
                                   + QString::number(a.toObject().value(QStringLiteral("prefixlen")).toInt()));
        QCOMPARE(actualAddresses, expectedAddresses);
    }
}

void TestCli::topologyJsonOwners()
{
    const Result r = ctl({QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("--no-docker")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonArray links = doc.value(QStringLiteral("links")).toArray();

    const QJsonObject vc1 = linkByName(links, QStringLiteral("vc1"));
    QCOMPARE(vc1.value(QStringLiteral("owner")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("netns"));
    QCOMPARE(vc1.value(QStringLiteral("owner")).toObject().value(QStringLiteral("name")).toString(), m_c1);
    QCOMPARE(vc1.value(QStringLiteral("role")).toString(), QStringLiteral("veth"));
    QCOMPARE(vc1.value(QStringLiteral("master")).toString(), QStringLiteral("br0"));
    QCOMPARE(linkByName(links, QStringLiteral("vc2")).value(QStringLiteral("owner")).toObject().value(QStringLiteral("name")).toString(),
             m_c2);
    // em1 carries the default route: the uplink, whatever its kernel kind.
    const QJsonObject em1 = linkByName(links, QStringLiteral("em1"));
    QCOMPARE(em1.value(QStringLiteral("role")).toString(), QStringLiteral("uplink"));
    QCOMPARE(em1.value(QStringLiteral("owner")).toObject().value(QStringLiteral("name")).toString(), m_lan);
    // Both ends of loc0/loc1 are here: a veth with no owner.
    const QJsonObject loc0 = linkByName(links, QStringLiteral("loc0"));
    QVERIFY(loc0.contains(QStringLiteral("owner")));
    QVERIFY(loc0.value(QStringLiteral("owner")).isNull());
    QCOMPARE(loc0.value(QStringLiteral("peer")).toObject().value(QStringLiteral("ifindex")).toInt(),
             linkByName(links, QStringLiteral("loc1")).value(QStringLiteral("ifindex")).toInt());
    QVERIFY(loc0.value(QStringLiteral("peer")).toObject().value(QStringLiteral("netnsid")).isNull());

    const QJsonArray routes = doc.value(QStringLiteral("default_routes")).toArray();
    QCOMPARE(routes.size(), 1);
    QCOMPARE(routes.first().toObject().value(QStringLiteral("gateway")).toString(), QStringLiteral("192.168.7.254"));
    QCOMPARE(routes.first().toObject().value(QStringLiteral("dev")).toString(), QStringLiteral("em1"));
    QVERIFY(doc.value(QStringLiteral("containers")).toArray().isEmpty());
}

void TestCli::prettyJson()
{
    // --pretty indents the same document; an empty array stays "[]" on
    // its line, as jq prints it, not "[" and "]" on two.
    const Result compact = ctl({QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("--no-docker")});
    const Result pretty = ctl({QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("-p"),
                               QStringLiteral("--no-docker")});
    QCOMPARE(pretty.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(pretty.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(doc.object().value(QStringLiteral("containers")).toArray().size(), 0);
    QVERIFY2(pretty.out.contains("\"containers\": [],\n"), pretty.out.constData());
    QVERIFY2(!QRegularExpression(QStringLiteral("[\\[{]\\n *[\\]}]")).match(QString::fromUtf8(pretty.out)).hasMatch(),
             pretty.out.constData());
    QVERIFY(pretty.out.count('\n') > compact.out.count('\n'));
    // The same document either way, volatile fields aside.
    QCOMPARE(NetnsFixture::withoutVolatileFields(doc.object().value(QStringLiteral("links"))),
             NetnsFixture::withoutVolatileFields(
                 QJsonDocument::fromJson(compact.out).object().value(QStringLiteral("links"))));
}

void TestCli::topologyTable()
{
    const Result r = ctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("topology"), QStringLiteral("--no-docker")});
    QCOMPARE(r.exitCode, 0);
    const QString out = QString::fromUtf8(r.out);
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QLatin1String("INDEX")));
    QVERIFY(lines.first().contains(QLatin1String("OWNER")));
    bool sawVc1 = false;
    for (const QString &line : lines) {
        if (line.section(QLatin1Char(' '), 1, 1, QString::SectionSkipEmpty) == QLatin1String("vc1")) {
            sawVc1 = true;
            QVERIFY2(line.contains(QLatin1String("br0")), qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("netns:") + m_c1), qPrintable(line));
            QVERIFY2(line.contains(QLatin1String("1400")), qPrintable(line));
        }
    }
    QVERIFY2(sawVc1, qPrintable(out));
}

void TestCli::whoOwns_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectOut");
    QTest::addColumn<QString>("expectErr");
    QTest::newRow("veth into a named namespace") << QStringList{QStringLiteral("vc1")} << 0 << QStringLiteral("c1") << QString();
    QTest::newRow("both ends here") << QStringList{QStringLiteral("loc0")} << 0 << QStringLiteral("loc1") << QString();
    QTest::newRow("bridge has no far end") << QStringList{QStringLiteral("br0")} << 0 << QStringLiteral("br0") << QString();
    QTest::newRow("unknown interface") << QStringList{QStringLiteral("nosuch0")} << 1 << QString()
                                       << QStringLiteral("cannot find device \"nosuch0\"");
    QTest::newRow("no argument") << QStringList{} << 2 << QString() << QStringLiteral("usage");
    QTest::newRow("container without docker") << QStringList{QStringLiteral("--container"), QStringLiteral("web")} << 2
                                              << QString() << QStringLiteral("--no-docker");
}

void TestCli::whoOwns()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expectOut);
    QFETCH(QString, expectErr);
    const Result r = ctl(QStringList{QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("who-owns"),
                                     QStringLiteral("--no-docker")} + args);
    QCOMPARE(r.exitCode, exitCode);
    if (!expectOut.isEmpty())
        QVERIFY2(QString::fromUtf8(r.out).contains(expectOut), r.out.constData());
    if (!expectErr.isEmpty())
        QVERIFY2(QString::fromUtf8(r.err).contains(expectErr), r.err.constData());
    if (exitCode != 0)
        QVERIFY2(r.out.isEmpty(), "errors go to stderr only");
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("topology"), QStringLiteral("--frob")};
    QTest::newRow("stray argument") << QStringList{QStringLiteral("topology"), QStringLiteral("extra")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

void TestCli::monitorReportsEachChange()
{
    QProcess monitor;
    monitor.setProgram(QStringLiteral("nsenter"));
    monitor.setArguments(ctlCommand({QStringLiteral("monitor"), QStringLiteral("--json"), QStringLiteral("--no-docker")}));
    monitor.start();
    QVERIFY(monitor.waitForStarted());
    auto cleanup = qScopeGuard([&monitor] {
        if (monitor.state() != QProcess::NotRunning) {
            monitor.kill();
            monitor.waitForFinished();
        }
    });

    QList<QJsonObject> events;
    auto waitFor = [&](const std::function<bool(const QJsonObject &)> &match, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            while (monitor.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(monitor.readLine()).object();
                events.append(o);
            }
            for (const QJsonObject &o : std::as_const(events)) {
                if (match(o))
                    return true;
            }
            monitor.waitForReadyRead(50);
        }
        return false;
    };
    auto is = [](const char *event, const char *name) {
        return [event, name](const QJsonObject &o) {
            return o.value(QStringLiteral("event")).toString() == QLatin1String(event)
                && o.value(QStringLiteral("link")).toObject().value(QStringLiteral("name")).toString() == QLatin1String(name);
        };
    };

    // monitor prints only what happens after it started; poke until it answers.
    bool listening = false;
    for (int attempt = 0; attempt < 50 && !listening; ++attempt) {
        m_ns->ip(m_host, {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("probe0"), QStringLiteral("type"),
                          QStringLiteral("bridge")});
        listening = waitFor(is("link-added", "probe0"), 200);
        m_ns->ip(m_host, {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("probe0")});
    }
    QVERIFY2(listening, "monitor never reported anything");
    QVERIFY(waitFor(is("link-removed", "probe0"), 2000));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("link add mon0 type veth peer name eth1 netns %1").arg(m_c1).split(QLatin1Char(' '))));
    QVERIFY(waitFor(is("link-added", "mon0"), 2000));
    QVERIFY(waitFor([this](const QJsonObject &o) {
        return o.value(QStringLiteral("event")).toString() == QLatin1String("owner-changed")
            && o.value(QStringLiteral("link")).toObject().value(QStringLiteral("name")).toString() == QLatin1String("mon0")
            && o.value(QStringLiteral("owner")).toObject().value(QStringLiteral("name")).toString() == m_c1;
    }, 2000));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("link set mon0 master br1").split(QLatin1Char(' '))));
    QVERIFY(waitFor([](const QJsonObject &o) {
        return o.value(QStringLiteral("event")).toString() == QLatin1String("port-joined")
            && o.value(QStringLiteral("bridge")).toString() == QLatin1String("br1");
    }, 2000));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("addr add 10.20.0.1/24 dev mon0").split(QLatin1Char(' '))));
    QVERIFY(waitFor([](const QJsonObject &o) {
        if (o.value(QStringLiteral("event")).toString() != QLatin1String("link-changed"))
            return false;
        for (const QJsonValue &a : o.value(QStringLiteral("link")).toObject().value(QStringLiteral("addresses")).toArray()) {
            if (a.toObject().value(QStringLiteral("local")).toString() == QLatin1String("10.20.0.1"))
                return o.value(QStringLiteral("changed")).toArray().contains(QStringLiteral("addresses"));
        }
        return false;
    }, 2000));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("link set mon0 nomaster").split(QLatin1Char(' '))));
    QVERIFY(waitFor([](const QJsonObject &o) {
        return o.value(QStringLiteral("event")).toString() == QLatin1String("port-left")
            && o.value(QStringLiteral("link")).toObject().value(QStringLiteral("name")).toString() == QLatin1String("mon0");
    }, 2000));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("route replace default via 192.168.7.253 dev em1").split(QLatin1Char(' '))));
    QVERIFY(waitFor([](const QJsonObject &o) {
        return o.value(QStringLiteral("event")).toString() == QLatin1String("default-routes-changed")
            && o.value(QStringLiteral("default_routes")).toArray().first().toObject().value(QStringLiteral("gateway")).toString()
            == QLatin1String("192.168.7.253");
    }, 2000));
    QVERIFY(m_ns->ip(m_host, QStringLiteral("route replace default via 192.168.7.254 dev em1").split(QLatin1Char(' '))));

    QVERIFY(m_ns->ip(m_host, QStringLiteral("link del mon0").split(QLatin1Char(' '))));
    QVERIFY(waitFor(is("link-removed", "mon0"), 2000));

    // Every line is one JSON object with a time.
    for (const QJsonObject &o : std::as_const(events))
        QVERIFY(!o.value(QStringLiteral("time")).toString().isEmpty());

    // Ctrl-C ends it cleanly.
    ::kill(pid_t(monitor.processId()), SIGINT);
    QVERIFY(monitor.waitForFinished(5000));
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
