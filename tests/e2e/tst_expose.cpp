// Issue 4 end to end, as in the seed: a LAN (a namespace whose bridge lan0
// joins the uplinks and carries the gateway, 192.0.2.1) and "physical
// hosts" (namespaces with an uplink em1 on that LAN and the default route
// via the gateway), each with a real dockerd that passerelle-helper, on a
// private system bus in that host's namespace with real polkitd, restarts
// through its restart-command= (DockerFixture's restartable mode).
//
// Exposed through the helper (Expose, then Confirm), a host's new
// containers sit on the LAN: they take addresses from the host's part of
// it, reach the gateway, and reach the containers of another host exposed
// the same way. The failures are real too: a daemon that refuses the new
// daemon.json (a flag on its command line the helper cannot see), a broken
// daemon.json, a symlink, DOCKER_OPTS in a defaults file, no confirmation.
#include "dockerfixture.h"
#include "helperbusfixture.h"
#include "netnsfixture.h"
#include "polkitfixture.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <arpa/inet.h>
#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <vector>

namespace {

const QString lanGateway = QStringLiteral("192.0.2.1");
const QString lanPrefix = QStringLiteral("/24");

QString err(const char *name)
{
    return QStringLiteral("org.passerelle.Error.") + QLatin1String(name);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

QJsonObject jsonObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// An IPv4 address as a number; false when ADDRESS is not one.
bool ipv4(const QString &address, quint32 *value)
{
    in_addr a{};
    if (::inet_pton(AF_INET, address.toLatin1().constData(), &a) != 1)
        return false;
    *value = ntohl(a.s_addr);
    return true;
}

bool inSubnet(const QString &address, const QString &cidr)
{
    quint32 a = 0;
    quint32 network = 0;
    bool prefixOk = false;
    const int prefix = cidr.section(QLatin1Char('/'), 1).toInt(&prefixOk);
    if (!ipv4(address, &a) || !ipv4(cidr.section(QLatin1Char('/'), 0, 0), &network) || !prefixOk || prefix < 0
        || prefix > 32)
        return false;
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (a & mask) == (network & mask);
}

// The steps (a(sas)) a Docker method answers with, as (step, parameters).
QList<std::pair<QString, QStringList>> steps(const QDBusMessage &reply)
{
    QList<std::pair<QString, QStringList>> out;
    const QDBusArgument arg = reply.arguments().value(0).value<QDBusArgument>();
    arg.beginArray();
    while (!arg.atEnd()) {
        QString step;
        QStringList parameters;
        arg.beginStructure();
        arg >> step >> parameters;
        arg.endStructure();
        out.append({step, parameters});
    }
    arg.endArray();
    return out;
}

QStringList stepParameters(const QList<std::pair<QString, QStringList>> &list, const QString &step)
{
    for (const auto &[name, parameters] : list) {
        if (name == step)
            return parameters;
    }
    return {QStringLiteral("<no %1 step>").arg(step)};
}

// The helper's signals as they arrive: (member, arguments).
class SignalLog : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString member;
        QVariantList arguments;
    };
    QList<Entry> entries;

    // TransactionChanged(HANDLE, STATE, ...) was seen.
    bool transaction(const QString &handle, const QString &state) const
    {
        for (const Entry &e : entries) {
            if (e.member == QLatin1String("TransactionChanged") && e.arguments.value(0).toString() == handle
                && e.arguments.value(1).toString() == state)
                return true;
        }
        return false;
    }
    // DockerProgress(..., STAGE, ...) was seen.
    bool progress(const QString &stage) const
    {
        for (const Entry &e : entries) {
            if (e.member == QLatin1String("DockerProgress") && e.arguments.value(1).toString() == stage)
                return true;
        }
        return false;
    }
    QString text() const
    {
        QStringList lines;
        for (const Entry &e : entries) {
            QStringList args;
            for (const QVariant &v : e.arguments)
                args << (v.typeId() == QMetaType::QStringList
                             ? QLatin1Char('[') + v.toStringList().join(QLatin1Char(',')) + QLatin1Char(']')
                             : v.toString());
            lines << e.member + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        return lines.join(QLatin1Char('\n'));
    }

public Q_SLOTS:
    void record(const QDBusMessage &message) { entries.append({message.member(), message.arguments()}); }
};

// One "physical host": a namespace, the helper on a bus in it, a dockerd in
// it. Destroyed daemon first, then the bus; the namespace is the Lab's.
struct Host
{
    QString label;
    QString ns;
    QString address;                           // em1's, "192.0.2.11/24"; empty: no uplink
    std::unique_ptr<DockerFixture> docker;
    std::unique_ptr<HelperBusFixture> helper;
    SignalLog signalLog;
    QString persistBackend;

    ~Host()
    {
        if (QTest::currentTestFailed() && helper)
            qWarning("host %s: bus and helper log:\n%s\nsignals:\n%s\ndockerd log:\n%s", qPrintable(label),
                     helper->log().right(12000).constData(), qPrintable(signalLog.text()),
                     docker ? docker->daemonLog().right(4000).constData() : "");
        docker.reset();
        helper.reset();
        killRollbackAgents();
    }

    // A rollback agent of a failed test acts on this namespace: it must not
    // outlive it.
    void killRollbackAgents() const
    {
        HelperBusFixture::killInNamespace(ns, QStringLiteral(PASSERELLE_ROLLBACK_BINARY));
    }
};

} // namespace

class TestExpose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void exposeTwoHostsDefaultBridge();
    void exposeUserDefinedNetwork();
    void dockerRefusingTheChangeIsRestored();
    void invalidJsonIsLeftUntouched();
    void symlinkIsRefused();
    void dockerOptsConflictThenMoved();
    void withoutConfirmationNothingChanges();
    void permanentUntilTheBridgeIsDeleted();

private:
    // The LAN namespace with its bridge and gateway, made once per test.
    bool makeLan();
    // A host namespace; with ADDRESS, an uplink em1 on the LAN with that
    // address and the default route via the gateway.
    Host *addHost(const QString &label, const QString &address, const DockerFixture::Options &options,
                  const QString &persistBackend = QStringLiteral("none"));
    void tearDownLab();

    // Expose(em1, br0, FIXEDCIDR, gateway, OPTIONS, TIMEOUT) on HOST: the handle, empty on failure.
    QString expose(Host *host, const QString &fixedCidr, const QVariantMap &options, uint confirmTimeout);
    QDBusMessage useDockerBridge(Host *host, const QVariantMap &options = QVariantMap());

    QJsonArray ipJson(const QString &ns, const QStringList &args) const;
    QStringList ipv4Addresses(const QString &ns, const QString &link) const;
    QString master(const QString &ns, const QString &link) const;
    bool linkExists(const QString &ns, const QString &link) const;
    QString defaultRouteDevice(const QString &ns) const;
    static bool pings(DockerFixture *docker, const QString &container, const QString &address);

    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<NetnsFixture> m_netns;
    QString m_lan;
    std::vector<std::unique_ptr<Host>> m_hosts;
};

void TestExpose::initTestCase()
{
    for (const QString &reason : {DockerFixture::skipReason(), HelperBusFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    for (const char *binary : {PASSERELLE_HELPER_BINARY, PASSERELLE_ROLLBACK_BINARY})
        QVERIFY2(QFileInfo(QLatin1String(binary)).isExecutable(), binary);

    m_polkit = std::make_unique<PolkitFixture>();
    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    // The test calls as root; polkit grants nothing to root by itself.
    QVERIFY2(m_polkit->writeRules(QStringLiteral("e2e"),
                                  QStringLiteral("polkit.addRule(function(action, subject) {\n"
                                                 "    if (action.id.indexOf(\"org.passerelle.\") == 0 && subject.user == \"root\")\n"
                                                 "        return polkit.Result.YES;\n"
                                                 "});\n"),
                                  &error),
             qPrintable(error));
}

void TestExpose::cleanupTestCase()
{
    tearDownLab();
    m_polkit.reset();
}

void TestExpose::cleanup()
{
    tearDownLab();
}

void TestExpose::tearDownLab()
{
    // Buses in the reverse order of their start, then the namespaces.
    while (!m_hosts.empty())
        m_hosts.pop_back();
    m_netns.reset();
    m_lan.clear();
}

bool TestExpose::makeLan()
{
    m_netns = std::make_unique<NetnsFixture>();
    m_lan = m_netns->create(QStringLiteral("lan"));
    QString error;
    if (m_lan.isEmpty()
        || !m_netns->ipBatch(m_lan,
                             {QStringLiteral("link add lan0 type bridge"), QStringLiteral("link set lan0 up"),
                              QStringLiteral("addr add %1%2 dev lan0").arg(lanGateway, lanPrefix)},
                             &error)) {
        qWarning("LAN: %s", qPrintable(error));
        return false;
    }
    return true;
}

Host *TestExpose::addHost(const QString &label, const QString &address, const DockerFixture::Options &options,
                          const QString &persistBackend)
{
    auto host = std::make_unique<Host>();
    host->label = label;
    host->address = address;
    host->persistBackend = persistBackend;
    host->ns = m_netns->create(label);
    if (host->ns.isEmpty())
        return nullptr;
    if (!address.isEmpty()) {
        const QString peer = QStringLiteral("up-") + label;
        QString error;
        if (!m_netns->ipBatch(host->ns,
                              {QStringLiteral("link add em1 type veth peer name %1 netns %2").arg(peer, m_lan),
                               QStringLiteral("addr add %1 dev em1").arg(address), QStringLiteral("link set em1 up"),
                               QStringLiteral("route add default via %1 dev em1").arg(lanGateway)},
                              &error)
            || !m_netns->ipBatch(m_lan,
                                 {QStringLiteral("link set %1 master lan0").arg(peer),
                                  QStringLiteral("link set %1 up").arg(peer)},
                                 &error)) {
            qWarning("uplink of %s: %s", qPrintable(label), qPrintable(error));
            return nullptr;
        }
    }
    host->docker = std::make_unique<DockerFixture>();
    if (!host->docker->start(host->ns, options)) {
        qWarning("dockerd on %s: %s", qPrintable(label), qPrintable(host->docker->errorString()));
        return nullptr;
    }
    host->helper = std::make_unique<HelperBusFixture>(QStringLiteral(PASSERELLE_HELPER_BINARY),
                                                      QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    QString error;
    if (!host->helper->start(host->ns, host->helper->dockerConfig(*host->docker, host->persistBackend), &error)) {
        qWarning("helper bus on %s: %s", qPrintable(label), qPrintable(error));
        return nullptr;
    }
    host->helper->connectSignal(QStringLiteral("TransactionChanged"), &host->signalLog, SLOT(record(QDBusMessage)));
    host->helper->connectSignal(QStringLiteral("DockerProgress"), &host->signalLog, SLOT(record(QDBusMessage)));
    m_hosts.push_back(std::move(host));
    return m_hosts.back().get();
}

QString TestExpose::expose(Host *host, const QString &fixedCidr, const QVariantMap &options, uint confirmTimeout)
{
    const QDBusMessage reply = host->helper->call(
        QStringLiteral("Expose"),
        {QStringLiteral("em1"), QStringLiteral("br0"), fixedCidr, lanGateway, options, QVariant::fromValue(confirmTimeout)});
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qWarning("Expose on %s: %s", qPrintable(host->label), qPrintable(HelperBusFixture::describe(reply)));
        return QString();
    }
    return reply.arguments().value(0).toString();
}

QDBusMessage TestExpose::useDockerBridge(Host *host, const QVariantMap &options)
{
    return host->helper->call(QStringLiteral("UseDockerBridge"),
                              {QStringLiteral("br0"), QString(), QString(), options});
}

QJsonArray TestExpose::ipJson(const QString &ns, const QStringList &args) const
{
    return QJsonDocument::fromJson(m_netns->ipJson(ns, args)).array();
}

QStringList TestExpose::ipv4Addresses(const QString &ns, const QString &link) const
{
    QStringList out;
    const QJsonArray links = ipJson(ns, {QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show"),
                                         QStringLiteral("dev"), link});
    for (const QJsonValue &l : links) {
        for (const QJsonValue &a : l.toObject().value(QStringLiteral("addr_info")).toArray()) {
            const QJsonObject o = a.toObject();
            out << QStringLiteral("%1/%2").arg(o.value(QStringLiteral("local")).toString())
                       .arg(o.value(QStringLiteral("prefixlen")).toInt());
        }
    }
    return out;
}

QString TestExpose::master(const QString &ns, const QString &link) const
{
    const QJsonArray links = ipJson(ns, {QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dev"), link});
    return links.isEmpty() ? QString() : links.first().toObject().value(QStringLiteral("master")).toString();
}

bool TestExpose::linkExists(const QString &ns, const QString &link) const
{
    const QJsonArray links = ipJson(ns, {QStringLiteral("link"), QStringLiteral("show")});
    for (const QJsonValue &l : links) {
        if (l.toObject().value(QStringLiteral("ifname")).toString() == link)
            return true;
    }
    return false;
}

QString TestExpose::defaultRouteDevice(const QString &ns) const
{
    const QJsonArray routes = ipJson(ns, {QStringLiteral("-4"), QStringLiteral("route"), QStringLiteral("show"),
                                          QStringLiteral("default")});
    return routes.isEmpty() ? QString() : routes.first().toObject().value(QStringLiteral("dev")).toString();
}

bool TestExpose::pings(DockerFixture *docker, const QString &container, const QString &address)
{
    // busybox's ping inside the container; a first try may wait for ARP.
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (docker->docker({QStringLiteral("exec"), container, QStringLiteral("ping"), QStringLiteral("-c1"),
                            QStringLiteral("-W2"), address})
            == 0)
            return true;
    }
    return false;
}

void TestExpose::exposeTwoHostsDefaultBridge()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    // Keys the helper has no business with, which must survive its edit.
    options.extraConfig = QJsonObject{{QStringLiteral("labels"), QJsonArray{QStringLiteral("passerelle.e2e=kept")}},
                                      {QStringLiteral("max-concurrent-downloads"), 2}};
    Host *a = addHost(QStringLiteral("a"), QStringLiteral("192.0.2.11/24"), options);
    QVERIFY(a);
    Host *b = addHost(QStringLiteral("b"), QStringLiteral("192.0.2.12/24"), options);
    QVERIFY(b);

    const QVariantMap exposeOptions{{QStringLiteral("mode"), QStringLiteral("default-bridge")},
                                    {QStringLiteral("persist"), false}};
    const QList<std::pair<Host *, QString>> plan{{a, QStringLiteral("192.0.2.128/26")},
                                                {b, QStringLiteral("192.0.2.192/26")}};
    for (const auto &[host, fixedCidr] : plan) {
        const QByteArray configBefore = readFile(host->docker->configPath());
        const QJsonObject before = jsonObject(configBefore);
        QVERIFY(before.contains(QStringLiteral("bip")));
        const qint64 pidBefore = host->docker->pid();
        QVERIFY(pidBefore > 0);

        const QString handle = expose(host, fixedCidr, exposeOptions, 60);
        QVERIFY2(!handle.isEmpty(), qPrintable(host->label));
        QTRY_VERIFY_WITH_TIMEOUT(host->signalLog.transaction(handle, QStringLiteral("pending")), 10000);
        // The network part only, until confirmed: Docker untouched so far.
        QCOMPARE(master(host->ns, QStringLiteral("em1")), QStringLiteral("br0"));
        QCOMPARE(readFile(host->docker->configPath()), configBefore);
        QCOMPARE(host->docker->pid(), pidBefore);

        const QDBusMessage confirmed = host->helper->call(QStringLiteral("Confirm"), {handle});
        QVERIFY2(confirmed.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(confirmed)));
        QTRY_VERIFY_WITH_TIMEOUT(host->signalLog.transaction(handle, QStringLiteral("committed")), 10000);

        // br0 carries em1 and the host's address and default route.
        QCOMPARE(master(host->ns, QStringLiteral("em1")), QStringLiteral("br0"));
        QCOMPARE(ipv4Addresses(host->ns, QStringLiteral("br0")), QStringList{host->address});
        QCOMPARE(ipv4Addresses(host->ns, QStringLiteral("em1")), QStringList());
        QCOMPARE(defaultRouteDevice(host->ns), QStringLiteral("br0"));

        // daemon.json: the three keys set, bip gone, everything else as it was.
        QJsonObject after = jsonObject(readFile(host->docker->configPath()));
        QCOMPARE(after.value(QStringLiteral("bridge")).toString(), QStringLiteral("br0"));
        QCOMPARE(after.value(QStringLiteral("fixed-cidr")).toString(), fixedCidr);
        QCOMPARE(after.value(QStringLiteral("default-gateway")).toString(), lanGateway);
        QVERIFY(!after.contains(QStringLiteral("bip")));
        for (const char *key : {"bridge", "fixed-cidr", "default-gateway"})
            after.remove(QLatin1String(key));
        QJsonObject expected = before;
        expected.remove(QStringLiteral("bip"));
        QCOMPARE(after, expected);

        // Restarted, and answering.
        QVERIFY(host->docker->answersPing());
        QVERIFY(host->docker->pid() > 0);
        QVERIFY(host->docker->pid() != pidBefore);
        QByteArray out;
        QCOMPARE(host->docker->docker({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("-f"),
                                       QStringLiteral("{{index .Options \"com.docker.network.bridge.name\"}}"),
                                       QStringLiteral("bridge")},
                                      &out),
                 0);
        QCOMPARE(out.trimmed(), QByteArray("br0"));
    }

    // New containers sit on the LAN, in their host's part of it.
    QVERIFY2(!a->docker->runContainer(QStringLiteral("ca")).isEmpty(), qPrintable(a->docker->errorString()));
    QVERIFY2(!b->docker->runContainer(QStringLiteral("cb")).isEmpty(), qPrintable(b->docker->errorString()));
    const QString addressA = a->docker->inspect(QStringLiteral("ca"), QStringLiteral("{{.NetworkSettings.IPAddress}}"));
    const QString addressB = b->docker->inspect(QStringLiteral("cb"), QStringLiteral("{{.NetworkSettings.IPAddress}}"));
    QVERIFY2(inSubnet(addressA, QStringLiteral("192.0.2.128/26")), qPrintable(addressA));
    QVERIFY2(inSubnet(addressB, QStringLiteral("192.0.2.192/26")), qPrintable(addressB));
    QCOMPARE(a->docker->inspect(QStringLiteral("ca"), QStringLiteral("{{.NetworkSettings.Gateway}}")), lanGateway);
    QVERIFY2(pings(a->docker.get(), QStringLiteral("ca"), lanGateway), "container on A -> LAN gateway");
    QVERIFY2(pings(a->docker.get(), QStringLiteral("ca"), addressB), "container on A -> container on B");
    QVERIFY2(pings(b->docker.get(), QStringLiteral("cb"), addressA), "container on B -> container on A");
}

void TestExpose::exposeUserDefinedNetwork()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    Host *c = addHost(QStringLiteral("c"), QStringLiteral("192.0.2.13/24"), options);
    QVERIFY(c);
    const QByteArray configBefore = readFile(c->docker->configPath());
    const qint64 pidBefore = c->docker->pid();

    const QString ipRange = QStringLiteral("192.0.2.64/27");
    const QVariantMap networkMode{{QStringLiteral("mode"), QStringLiteral("network")},
                                  {QStringLiteral("network"), QStringLiteral("lan")},
                                  {QStringLiteral("persist"), false}};
    // The preview names the network it will create, after the trial.
    const QDBusMessage preview = c->helper->call(
        QStringLiteral("PlanDocker"),
        {QStringLiteral("Expose"), QStringList{QStringLiteral("em1"), QStringLiteral("br0"), ipRange, lanGateway},
         networkMode});
    QVERIFY2(preview.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(preview)));
    const auto planned = steps(preview);
    const auto create = std::find_if(planned.begin(), planned.end(),
                                     [](const auto &st) { return st.first == QLatin1String("CreateDockerNetwork"); });
    QVERIFY2(create != planned.end(), "no CreateDockerNetwork in the plan");
    QCOMPARE(create->second, (QStringList{QStringLiteral("lan"), QStringLiteral("br0"), QStringLiteral("192.0.2.0/24"),
                                          ipRange, lanGateway}));
    QVERIFY(std::none_of(planned.begin(), planned.end(),
                         [](const auto &st) { return st.first == QLatin1String("RestartDocker"); }));

    const QString handle = expose(c, ipRange,
                                  {{QStringLiteral("mode"), QStringLiteral("network")},
                                   {QStringLiteral("network"), QStringLiteral("lan")},
                                   {QStringLiteral("persist"), false}},
                                  60);
    QVERIFY(!handle.isEmpty());
    const QDBusMessage confirmed = c->helper->call(QStringLiteral("Confirm"), {handle});
    QVERIFY2(confirmed.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(confirmed)));
    QTRY_VERIFY_WITH_TIMEOUT(c->signalLog.transaction(handle, QStringLiteral("committed")), 10000);
    QCOMPARE(master(c->ns, QStringLiteral("em1")), QStringLiteral("br0"));
    QCOMPARE(ipv4Addresses(c->ns, QStringLiteral("br0")), QStringList{c->address});

    // Through the Engine API: no restart, daemon.json as it was.
    QCOMPARE(readFile(c->docker->configPath()), configBefore);
    QCOMPARE(c->docker->pid(), pidBefore);
    QByteArray out;
    QCOMPARE(c->docker->docker({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("-f"),
                                QStringLiteral("{{json .Options}}|{{json .IPAM.Config}}"), QStringLiteral("lan")},
                               &out),
             0);
    const QList<QByteArray> parts = out.trimmed().split('|');
    QCOMPARE(parts.size(), 2);
    const QJsonObject networkOptions = jsonObject(parts.at(0));
    QCOMPARE(networkOptions.value(QStringLiteral("com.docker.network.bridge.name")).toString(), QStringLiteral("br0"));
    QCOMPARE(networkOptions.value(QStringLiteral("com.docker.network.bridge.inhibit_ipv4")).toString(),
             QStringLiteral("true"));
    const QJsonObject ipam = QJsonDocument::fromJson(parts.at(1)).array().first().toObject();
    QCOMPARE(ipam.value(QStringLiteral("Subnet")).toString(), QStringLiteral("192.0.2.0/24"));
    QCOMPARE(ipam.value(QStringLiteral("IPRange")).toString(), ipRange);
    QCOMPARE(ipam.value(QStringLiteral("Gateway")).toString(), lanGateway);

    QVERIFY2(!c->docker->runContainer(QStringLiteral("cc"), {QStringLiteral("--network"), QStringLiteral("lan")}).isEmpty(),
             qPrintable(c->docker->errorString()));
    const QString address = c->docker->inspect(QStringLiteral("cc"),
                                               QStringLiteral("{{(index .NetworkSettings.Networks \"lan\").IPAddress}}"));
    QVERIFY2(inSubnet(address, ipRange), qPrintable(address));
    QVERIFY2(pings(c->docker.get(), QStringLiteral("cc"), lanGateway), "container on the network -> LAN gateway");
    // The host keeps its own address on br0 (inhibit_ipv4: Docker adds none).
    QCOMPARE(ipv4Addresses(c->ns, QStringLiteral("br0")), QStringList{c->address});

    // One Docker network per bridge: another name is refused, nothing made.
    const QDBusMessage second = c->helper->call(
        QStringLiteral("UseDockerBridge"),
        {QStringLiteral("br0"), QString(), QString(),
         QVariantMap{{QStringLiteral("mode"), QStringLiteral("network")}, {QStringLiteral("network"), QStringLiteral("lan2")}}});
    QCOMPARE(second.errorName(), QStringLiteral("org.passerelle.Error.DockerConflict"));
    QCOMPARE(HelperBusFixture::errorParameters(second).mid(1), (QStringList{QStringLiteral("network"), QStringLiteral("lan")}));
    QVERIFY(c->docker->docker({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("lan2")}) != 0);
}

void TestExpose::dockerRefusingTheChangeIsRestored()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    // On the command line, where the helper does not look: dockerd then
    // refuses a daemon.json that sets "bridge" too.
    options.extraFlags = {QStringLiteral("--bridge=none")};
    options.bip.clear();
    Host *d = addHost(QStringLiteral("d"), QString(), options);
    QVERIFY(d);
    QVERIFY(m_netns->ipBatch(d->ns, {QStringLiteral("link add br0 type bridge"), QStringLiteral("link set br0 up"),
                                     QStringLiteral("addr add 198.51.100.1/24 dev br0")}));
    const QByteArray configBefore = readFile(d->docker->configPath());
    const qint64 pidBefore = d->docker->pid();

    const QDBusMessage reply = useDockerBridge(d);
    QCOMPARE(reply.errorName(), err("DockerFailed"));
    const QStringList parameters = HelperBusFixture::errorParameters(reply);
    QCOMPARE(parameters.size(), 3);
    QCOMPARE(parameters.at(2), QStringLiteral("restored"));
    // The daemon's own words reach the caller.
    QVERIFY2(parameters.at(1).contains(QLatin1String("bridge")), qPrintable(parameters.at(1)));
    QVERIFY(d->signalLog.progress(QStringLiteral("writing")));
    QVERIFY(d->signalLog.progress(QStringLiteral("restoring")));

    // The previous file, and a daemon started again from it.
    QCOMPARE(readFile(d->docker->configPath()), configBefore);
    QVERIFY(d->docker->pid() > 0);
    QVERIFY(d->docker->pid() != pidBefore);
    QVERIFY(d->docker->answersPing());
}

void TestExpose::invalidJsonIsLeftUntouched()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    Host *e = addHost(QStringLiteral("e"), QString(), options);
    QVERIFY(e);
    QVERIFY(m_netns->ipBatch(e->ns, {QStringLiteral("link add br0 type bridge"), QStringLiteral("link set br0 up"),
                                     QStringLiteral("addr add 198.51.100.1/24 dev br0")}));
    const qint64 pid = e->docker->pid();
    // A comma missing at the end of line 2, noticed on line 3; the running
    // daemon read the good file before.
    const QByteArray broken = "{\n  \"iptables\": false\n  \"debug\": true\n}\n";
    QVERIFY(writeFile(e->docker->configPath(), broken));

    const QDBusMessage reply = useDockerBridge(e);
    QCOMPARE(reply.errorName(), err("InvalidJson"));
    const QStringList parameters = HelperBusFixture::errorParameters(reply);
    QCOMPARE(parameters.size(), 4);
    QCOMPARE(parameters.at(0), e->docker->configPath());
    QCOMPARE(parameters.at(1), QStringLiteral("3"));
    QVERIFY(parameters.at(2).toInt() >= 1);
    QVERIFY(!parameters.at(3).isEmpty());
    QCOMPARE(readFile(e->docker->configPath()), broken);
    QCOMPARE(e->docker->pid(), pid);
    QVERIFY(e->docker->answersPing());
}

void TestExpose::symlinkIsRefused()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    Host *e = addHost(QStringLiteral("e"), QString(), options);
    QVERIFY(e);
    QVERIFY(m_netns->ipBatch(e->ns, {QStringLiteral("link add br0 type bridge"), QStringLiteral("link set br0 up"),
                                     QStringLiteral("addr add 198.51.100.1/24 dev br0")}));
    const qint64 pid = e->docker->pid();
    // daemon.json made a link to a copy elsewhere: writing through it is refused.
    const QString config = e->docker->configPath();
    const QString target = e->helper->directory() + QStringLiteral("/real-daemon.json");
    const QByteArray content = readFile(config);
    QVERIFY(writeFile(target, content));
    QVERIFY(QFile::remove(config));
    QVERIFY(QFile::link(target, config));

    const QDBusMessage reply = useDockerBridge(e);
    QCOMPARE(reply.errorName(), err("UnsafeFile"));
    QCOMPARE(HelperBusFixture::errorParameters(reply), (QStringList{config, QStringLiteral("symlink")}));
    QCOMPARE(QFileInfo(config).symLinkTarget(), target);
    QCOMPARE(readFile(target), content);
    QCOMPARE(e->docker->pid(), pid);
}

void TestExpose::dockerOptsConflictThenMoved()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    Host *e = addHost(QStringLiteral("e"), QString(), options);
    QVERIFY(e);
    QVERIFY(m_netns->ipBatch(e->ns, {QStringLiteral("link add br0 type bridge"), QStringLiteral("link set br0 up"),
                                     QStringLiteral("addr add 198.51.100.1/24 dev br0")}));
    // The seed's way, in the defaults file helper.conf names.
    const QString defaults = e->helper->directory() + QStringLiteral("/default-docker");
    const QByteArray defaultsBefore = "# Docker Upstart and SysVinit configuration file\n"
                                      "DOCKER_OPTS=\"-b=br0\"\n";
    QVERIFY(writeFile(defaults, defaultsBefore));
    const QByteArray configBefore = readFile(e->docker->configPath());
    const qint64 pid = e->docker->pid();

    QDBusMessage reply = useDockerBridge(e);
    QCOMPARE(reply.errorName(), err("DockerConflict"));
    QStringList parameters = HelperBusFixture::errorParameters(reply);
    QCOMPARE(parameters.size(), 3);
    QVERIFY2(parameters.at(0).startsWith(defaults), qPrintable(parameters.at(0)));
    QVERIFY2(parameters.at(1) == QLatin1String("-b") || parameters.at(1) == QLatin1String("--bridge"),
             qPrintable(parameters.at(1)));
    QCOMPARE(parameters.at(2), QStringLiteral("br0"));
    QCOMPARE(readFile(defaults), defaultsBefore);
    QCOMPARE(readFile(e->docker->configPath()), configBefore);
    QCOMPARE(e->docker->pid(), pid);

    reply = useDockerBridge(e, {{QStringLiteral("moveOptions"), true}});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(reply)));
    const auto done = steps(reply);
    QCOMPARE(stepParameters(done, QStringLiteral("MoveDockerOption")).value(0), parameters.at(0));
    QCOMPARE(stepParameters(done, QStringLiteral("RestartDocker")).value(0), QStringLiteral("command"));
    // A backup of the previous daemon.json, next to it.
    const QStringList backup = stepParameters(done, QStringLiteral("KeepBackup"));
    QCOMPARE(backup.value(0), e->docker->configPath());
    QCOMPARE(QFileInfo(backup.value(1)).path(), QFileInfo(e->docker->configPath()).path());
    QCOMPARE(readFile(backup.value(1)), configBefore);
    const QByteArray defaultsAfter = readFile(defaults);
    QVERIFY2(!defaultsAfter.contains("-b"), defaultsAfter.constData());
    QVERIFY(defaultsAfter.contains("# Docker Upstart and SysVinit configuration file"));
    const QJsonObject after = jsonObject(readFile(e->docker->configPath()));
    QCOMPARE(after.value(QStringLiteral("bridge")).toString(), QStringLiteral("br0"));
    QVERIFY(!after.contains(QStringLiteral("bip")));
    QVERIFY(e->docker->answersPing());
    QVERIFY(e->docker->pid() != pid);
}

void TestExpose::withoutConfirmationNothingChanges()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    Host *f = addHost(QStringLiteral("f"), QStringLiteral("192.0.2.16/24"), options);
    QVERIFY(f);
    const QByteArray configBefore = readFile(f->docker->configPath());
    const qint64 pid = f->docker->pid();

    const QString handle = expose(f, QStringLiteral("192.0.2.160/27"),
                                  {{QStringLiteral("mode"), QStringLiteral("default-bridge")},
                                   {QStringLiteral("persist"), false}},
                                  3);
    QVERIFY(!handle.isEmpty());
    QCOMPARE(master(f->ns, QStringLiteral("em1")), QStringLiteral("br0"));
    QTRY_VERIFY_WITH_TIMEOUT(f->signalLog.transaction(handle, QStringLiteral("reverted")), 20000);

    QCOMPARE(ipv4Addresses(f->ns, QStringLiteral("em1")), QStringList{f->address});
    QVERIFY(!linkExists(f->ns, QStringLiteral("br0")));
    QCOMPARE(defaultRouteDevice(f->ns), QStringLiteral("em1"));
    QCOMPARE(readFile(f->docker->configPath()), configBefore);
    QCOMPARE(f->docker->pid(), pid);
    QVERIFY(f->docker->answersPing());
    QVERIFY(!f->signalLog.progress(QStringLiteral("restarting")));
}

void TestExpose::permanentUntilTheBridgeIsDeleted()
{
    QVERIFY(makeLan());
    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    Host *f = addHost(QStringLiteral("f"), QStringLiteral("192.0.2.15/24"), options, QStringLiteral("ifupdown"));
    QVERIFY(f);
    // The host as the seed's manual way left it: em1 in the interfaces file.
    const QString dir = f->helper->directory();
    const QString interfaces = dir + QStringLiteral("/interfaces");
    const QString ours = dir + QStringLiteral("/interfaces.d/passerelle-br0");
    QVERIFY(QDir(dir).mkpath(QStringLiteral("interfaces.d")));
    const QByteArray original = QStringLiteral("source %1/interfaces.d/*\n\nauto lo\niface lo inet loopback\n\n"
                                               "auto em1\niface em1 inet static\n    address 192.0.2.15/24\n"
                                               "    gateway 192.0.2.1\n")
                                    .arg(dir)
                                    .toUtf8();
    QVERIFY(writeFile(interfaces, original));

    const QString handle = expose(f, QStringLiteral("192.0.2.224/27"), {{QStringLiteral("persist"), true}}, 60);
    QVERIFY(!handle.isEmpty());
    const QDBusMessage confirmed = f->helper->call(QStringLiteral("Confirm"), {handle});
    QVERIFY2(confirmed.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(confirmed)));
    const QByteArray stanzas = readFile(ours);
    QVERIFY2(stanzas.contains("bridge_ports em1") && stanzas.contains("address 192.0.2.15/24"), stanzas.constData());
    QVERIFY(readFile(interfaces) != original);   // em1's own stanza taken out

    // Docker depends on br0: deleting it is refused, nothing changes.
    const QDBusMessage refused = f->helper->call(QStringLiteral("DeleteBridge"),
                                                 {QStringLiteral("br0"), QVariant::fromValue(uint(30))});
    QCOMPARE(refused.errorName(), QStringLiteral("org.passerelle.Error.InUseByDocker"));
    QCOMPARE(HelperBusFixture::errorParameters(refused),
             (QStringList{QStringLiteral("br0"), f->docker->configPath()}));
    QCOMPARE(master(f->ns, QStringLiteral("em1")), QStringLiteral("br0"));

    // Docker back on docker0, then the bridge deleted: its permanent
    // configuration goes too, or br0 would come back at the next boot.
    const QDBusMessage reset = f->helper->call(QStringLiteral("ResetDockerBridge"), {QVariantMap()});
    QVERIFY2(reset.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(reset)));
    const QDBusMessage plan = f->helper->call(QStringLiteral("Plan"),
                                              {QStringLiteral("DeleteBridge"), QStringList{QStringLiteral("br0")}});
    QVERIFY2(plan.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(plan)));
    const auto planned = steps(plan);
    QVERIFY(std::any_of(planned.begin(), planned.end(), [&](const auto &st) {
        return st.first == QLatin1String("RemoveFile") && st.second.value(0) == ours;
    }));
    QVERIFY(std::any_of(planned.begin(), planned.end(), [&](const auto &st) {
        return st.first == QLatin1String("RestoreFile") && st.second.value(0) == interfaces;
    }));
    const QDBusMessage deleted = f->helper->call(QStringLiteral("DeleteBridge"),
                                                 {QStringLiteral("br0"), QVariant::fromValue(uint(30))});
    QVERIFY2(deleted.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(deleted)));
    const QString deletion = deleted.arguments().value(0).toString();
    // Files stay while the deletion is on trial.
    QVERIFY(QFileInfo::exists(ours));
    const QDBusMessage kept = f->helper->call(QStringLiteral("Confirm"), {deletion});
    QVERIFY2(kept.type() == QDBusMessage::ReplyMessage, qPrintable(HelperBusFixture::describe(kept)));
    // Gone by the time Confirm answers.
    QVERIFY(!QFileInfo::exists(ours));
    QCOMPARE(readFile(interfaces), original);
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/state/persist-br0.json")));
    QCOMPARE(ipv4Addresses(f->ns, QStringLiteral("em1")), QStringList{f->address});
}

QTEST_GUILESS_MAIN(TestExpose)
#include "tst_expose.moc"
