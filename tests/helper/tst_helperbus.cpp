// passerelle-helper for real: a private system bus in a network namespace
// activates the built helper and real polkitd; polkit rules written by the
// test decide; passerellectl runs as a non-root test user. Every change is
// read back with `ip -j -d link`, and every refusal is checked to have
// changed nothing.
#include "netnsfixture.h"
#include "polkitfixture.h"
#include "systembusfixture.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

const QString helperName = QStringLiteral("org.passerelle.Helper1");
const QString helperPath = QStringLiteral("/org/passerelle/Helper1");
const QString helperInterface = QStringLiteral("org.passerelle.Helper1");
const QString manageAction = QStringLiteral("org.passerelle.bridge.manage");
const QString testUser = QStringLiteral("passerelle-test");

// The helper's settings in these tests: short enough to watch it go idle
// and to see polkit time out, long enough for a loaded machine.
constexpr int idleTimeoutSeconds = 2;
constexpr int authorizationTimeoutSeconds = 6;

QString err(const char *name)
{
    return QStringLiteral("org.passerelle.Error.") + QLatin1String(name);
}


} // namespace

class TestHelperBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void busPolicy();
    void policyReadByPolkitd();
    void unauthorizedUserChangesNothing_data();
    void unauthorizedUserChangesNothing();
    void authorizedUserMakesChanges();
    void rootIsAskedAboutToo();
    void rootRefusedWhenPolkitFails();
    void malformedInput_data();
    void malformedInput();
    void pendingAuthorizationKeepsHelperAlive();
    void authorizationTimeoutIsRefusal();
    void tooManyPendingIsBusy();
    void idleExitAndReactivation();
    void pendingChangeKeepsHelperAlive();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // passerellectl as USER (empty: root), in the C locale.
    Result ctl(const QString &user, const QStringList &args) const;
    Result runAs(const QString &user, const QString &program, const QStringList &args) const;
    QDBusMessage call(const QString &method, const QVariantList &args,
                      const QString &interface = helperInterface) const;
    QByteArray linkState() const;
    QJsonObject link(const QString &name) const;
    bool grantTestUser(const QString &extra = QString());

    std::unique_ptr<NetnsFixture> m_netns;
    std::unique_ptr<PolkitFixture> m_polkit;
    std::unique_ptr<SystemBusFixture> m_bus;
    QString m_ns;
    QString m_config;
    bool m_rulesWritten = false;
};

void TestHelperBus::initTestCase()
{
    for (const QString &reason : {NetnsFixture::skipReason(), SystemBusFixture::skipReason(), PolkitFixture::skipReason()}) {
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
    }
    QVERIFY2(QFileInfo(QStringLiteral(PASSERELLE_HELPER_BINARY)).isExecutable(), PASSERELLE_HELPER_BINARY);
    QVERIFY2(QFileInfo(QStringLiteral(PASSERELLECTL_BINARY)).isExecutable(), PASSERELLECTL_BINARY);

    m_netns = std::make_unique<NetnsFixture>();
    m_polkit = std::make_unique<PolkitFixture>();
    m_bus = std::make_unique<SystemBusFixture>();
    m_ns = m_netns->create(QStringLiteral("helper"));
    QVERIFY(!m_ns.isEmpty());
    QString error;
    QVERIFY2(m_netns->ipBatch(m_ns,
                              {
                                  QStringLiteral("link add hb-br0 type bridge"),
                                  QStringLiteral("link add hb-br1 type bridge"),
                                  QStringLiteral("link add hb-p0 type veth peer name hb-p0x"),
                                  QStringLiteral("link set hb-p0 master hb-br0"),
                                  QStringLiteral("link add hb-p1 type veth peer name hb-p1x"),
                                  QStringLiteral("link add hb-p2 type veth peer name hb-p2x"),
                              },
                              &error),
             qPrintable(error));

    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    QVERIFY2(m_polkit->ensureUser(testUser, &error), qPrintable(error));

    m_config = m_bus->directory() + QStringLiteral("/helper.conf");
    QFile conf(m_config);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral("[helper]\nidle-timeout=%1\nauthorization-timeout=%2\nstate-dir=%3\n")
                   .arg(idleTimeoutSeconds)
                   .arg(authorizationTimeoutSeconds)
                   .arg(m_bus->directory() + QStringLiteral("/state"))
                   .toUtf8());
    conf.close();

    m_bus->addService(helperName, {QStringLiteral(PASSERELLE_HELPER_BINARY), QStringLiteral("--config"), m_config});
    m_bus->addPolicy(QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    QVERIFY2(PolkitFixture::addTo(m_bus.get(), &error), qPrintable(error));
    QVERIFY2(m_bus->start(m_ns, &error), qPrintable(error));
}

void TestHelperBus::cleanupTestCase()
{
    if (m_bus && QTest::currentTestFailed())
        qWarning("bus log:\n%s", m_bus->log().constData());
    m_bus.reset();
    m_polkit.reset();
    m_netns.reset();
}

void TestHelperBus::cleanup()
{
    if (QTest::currentTestFailed() && m_bus)
        qWarning("bus log:\n%s", m_bus->log().right(6000).constData());
    if (m_rulesWritten) {
        m_polkit->removeAllRules();
        PolkitFixture::restartPolkit(m_bus.get());
        m_rulesWritten = false;
    }
}

TestHelperBus::Result TestHelperBus::runAs(const QString &user, const QString &program, const QStringList &args) const
{
    QProcess p;
    QProcessEnvironment env = m_bus->clientEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("LANGUAGE"));
    p.setProcessEnvironment(env);
    if (user.isEmpty())
        p.start(program, args);
    else
        p.start(QStringLiteral("setpriv"), PolkitFixture::runAs(user).mid(1) + QStringList{program} + args);
    Result r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

TestHelperBus::Result TestHelperBus::ctl(const QString &user, const QStringList &args) const
{
    return runAs(user, QStringLiteral(PASSERELLECTL_BINARY), args);
}

QDBusMessage TestHelperBus::call(const QString &method, const QVariantList &args, const QString &interface) const
{
    QDBusMessage msg = QDBusMessage::createMethodCall(helperName, helperPath, interface, method);
    msg.setArguments(args);
    return m_bus->bus().call(msg, QDBus::Block, 60000);
}

QByteArray TestHelperBus::linkState() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(m_netns->ipJson(m_ns, {QStringLiteral("link"), QStringLiteral("show")}));
    return QJsonDocument(NetnsFixture::withoutVolatileFields(doc.array()).toArray()).toJson(QJsonDocument::Compact);
}

QJsonObject TestHelperBus::link(const QString &name) const
{
    const QJsonArray links =
        QJsonDocument::fromJson(m_netns->ipJson(m_ns, {QStringLiteral("link"), QStringLiteral("show")})).array();
    for (const QJsonValue &l : links) {
        if (l.toObject().value(QStringLiteral("ifname")).toString() == name)
            return l.toObject();
    }
    return QJsonObject();
}

bool TestHelperBus::grantTestUser(const QString &extra)
{
    QString error;
    const QString rules = QStringLiteral("polkit.addRule(function(action, subject) {\n"
                                         "    if (action.id == \"%1\" && subject.user == \"%2\") {\n"
                                         "        %3\n"
                                         "        return polkit.Result.YES;\n"
                                         "    }\n"
                                         "});\n")
                              .arg(manageAction, testUser, extra);
    m_rulesWritten = true;
    if (!m_polkit->writeRules(QStringLiteral("grant"), rules, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return PolkitFixture::restartPolkit(m_bus.get());
}

void TestHelperBus::busPolicy()
{
    // Reading needs no authorization, and anyone may do it.
    const QStringList dest{QStringLiteral("--system"), QStringLiteral("--print-reply"),
                           QStringLiteral("--dest=") + helperName, helperPath};
    Result r = runAs(testUser, QStringLiteral("dbus-send"),
                     dest + QStringList{QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                                        QStringLiteral("string:") + helperInterface, QStringLiteral("string:Version")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("\"" PASSERELLE_VERSION "\""), r.out.constData());
    r = runAs(testUser, QStringLiteral("dbus-send"), dest + QStringList{helperInterface + QStringLiteral(".GetCapabilities")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    for (const char *m : {"CreateBridge", "DeleteBridge", "AddPort", "RemovePort", "SetLinkUp", "SetStp"})
        QVERIFY2(r.out.contains(QByteArray("\"") + m + "\""), r.out.constData());
    r = runAs(testUser, QStringLiteral("dbus-send"),
              dest + QStringList{QStringLiteral("org.freedesktop.DBus.Introspectable.Introspect")});
    QVERIFY2(r.exitCode == 0 && r.out.contains("name=\"SetStp\""), r.err.constData());

    // Only root may own the name.
    r = runAs(testUser, QStringLiteral("dbus-send"),
              {QStringLiteral("--system"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.DBus"),
               QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus.RequestName"),
               QStringLiteral("string:") + helperName, QStringLiteral("uint32:0")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("org.freedesktop.DBus.Error.AccessDenied"), r.err.constData());

    // Properties can be read, not written.
    const QDBusMessage set = call(QStringLiteral("Set"),
                                  {helperInterface, QStringLiteral("Version"), QVariant::fromValue(QDBusVariant(QStringLiteral("9")))},
                                  QStringLiteral("org.freedesktop.DBus.Properties"));
    QCOMPARE(set.errorName(), QStringLiteral("org.freedesktop.DBus.Error.AccessDenied"));
}

void TestHelperBus::policyReadByPolkitd()
{
    // polkitd parses the installed file and answers in the caller's language.
    struct Action
    {
        QString description, message;
        uint any = 0, inactive = 0, active = 0;
    };
    auto actions = [this](const QString &locale) {
        QMap<QString, Action> result;
        QDBusMessage msg = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.PolicyKit1"), QStringLiteral("/org/freedesktop/PolicyKit1/Authority"),
            QStringLiteral("org.freedesktop.PolicyKit1.Authority"), QStringLiteral("EnumerateActions"));
        msg << locale;
        const QDBusMessage reply = m_bus->bus().call(msg, QDBus::Block, 30000);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qWarning("EnumerateActions: %s", qPrintable(reply.errorMessage()));
            return result;
        }
        const QDBusArgument arg = reply.arguments().value(0).value<QDBusArgument>();
        arg.beginArray();
        while (!arg.atEnd()) {
            QString id, vendor, url, icon;
            Action a;
            QMap<QString, QString> annotations;
            arg.beginStructure();
            arg >> id >> a.description >> a.message >> vendor >> url >> icon >> a.any >> a.inactive >> a.active
                >> annotations;
            arg.endStructure();
            result.insert(id, a);
        }
        arg.endArray();
        return result;
    };
    const auto english = actions(QStringLiteral("C"));
    QVERIFY(english.contains(manageAction));
    QVERIFY(english.contains(QStringLiteral("org.passerelle.docker.configure")));
    QCOMPARE(english.value(manageAction).description, QStringLiteral("Manage network bridges"));
    // PolkitImplicitAuthorization: 2 auth_admin, 4 auth_admin_keep.
    QCOMPARE(english.value(manageAction).any, 2u);
    QCOMPARE(english.value(manageAction).inactive, 2u);
    QCOMPARE(english.value(manageAction).active, 4u);
    const auto french = actions(QStringLiteral("fr_FR.UTF-8"));
    QCOMPARE(french.value(manageAction).description, QStringLiteral("Gérer les ponts réseau"));
    QVERIFY2(french.value(QStringLiteral("org.passerelle.docker.configure")).message.contains(QStringLiteral("conteneurs")),
             qPrintable(french.value(QStringLiteral("org.passerelle.docker.configure")).message));
}

void TestHelperBus::unauthorizedUserChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    auto row = [](const char *tag, std::initializer_list<const char *> args) {
        QStringList l;
        for (const char *a : args)
            l << QLatin1String(a);
        QTest::newRow(tag) << l;
    };
    row("create", {"bridge", "create", "hb-new"});
    row("create with stp", {"bridge", "create", "hb-new", "--stp", "on"});
    row("delete", {"bridge", "delete", "hb-br1"});
    row("add-port", {"bridge", "add-port", "hb-br1", "hb-p1"});
    row("remove-port", {"bridge", "remove-port", "hb-br0", "hb-p0"});
    row("stp", {"bridge", "stp", "hb-br0", "on"});
    row("link up", {"link", "set", "hb-br0", "up"});
    row("link up port", {"link", "set", "hb-p1", "up"});
    // Authorization comes before the arguments are looked at.
    row("bad name", {"bridge", "create", "a/b"});
    row("unknown link", {"link", "set", "hb-nope", "up"});
}

void TestHelperBus::unauthorizedUserChangesNothing()
{
    QFETCH(QStringList, args);
    const QByteArray before = linkState();
    QVERIFY(before.contains("\"hb-br0\"") && before.contains("\"master\":\"hb-br0\""));
    const Result r = ctl(testUser, args);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QByteArray("passerellectl: not authorized to manage bridges (org.passerelle.Error.NotAuthorized)\n"));
    QCOMPARE(linkState(), before);
}

void TestHelperBus::authorizedUserMakesChanges()
{
    QVERIFY(grantTestUser());
    auto ok = [this](const QStringList &args) {
        const Result r = ctl(testUser, args);
        // A final change says what is done in one line ("Bridge hb-t0 created.").
        const bool oneLine = r.out.endsWith('\n') && r.out.count('\n') == 1;
        if (r.exitCode != 0 || !oneLine)
            qWarning("passerellectl %s: exit %d\n%s%s", qPrintable(args.join(QLatin1Char(' '))), r.exitCode,
                     r.out.constData(), r.err.constData());
        return r.exitCode == 0 && oneLine && r.err.isEmpty();
    };
    auto stp = [this](const QString &name) {
        return link(name).value(QStringLiteral("linkinfo")).toObject().value(QStringLiteral("info_data")).toObject()
            .value(QStringLiteral("stp_state")).toInt(-1);
    };
    auto isUp = [this](const QString &name) {
        return link(name).value(QStringLiteral("flags")).toArray().contains(QStringLiteral("UP"));
    };

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("hb-t0")}));
    QCOMPARE(link(QStringLiteral("hb-t0")).value(QStringLiteral("linkinfo")).toObject()
                 .value(QStringLiteral("info_kind")).toString(), QStringLiteral("bridge"));
    QCOMPARE(stp(QStringLiteral("hb-t0")), 0);
    QVERIFY(!isUp(QStringLiteral("hb-t0")));

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("hb-t1"), QStringLiteral("--stp"),
                QStringLiteral("on")}));
    QCOMPARE(stp(QStringLiteral("hb-t1")), 1);

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("stp"), QStringLiteral("hb-t0"), QStringLiteral("on")}));
    QCOMPARE(stp(QStringLiteral("hb-t0")), 1);
    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("stp"), QStringLiteral("hb-t0"), QStringLiteral("off")}));
    QCOMPARE(stp(QStringLiteral("hb-t0")), 0);

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("hb-t0"), QStringLiteral("hb-p1")}));
    QCOMPARE(link(QStringLiteral("hb-p1")).value(QStringLiteral("master")).toString(), QStringLiteral("hb-t0"));

    QVERIFY(ok({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("hb-t0"), QStringLiteral("up")}));
    QVERIFY(isUp(QStringLiteral("hb-t0")));
    QVERIFY(ok({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("hb-p1"), QStringLiteral("up")}));
    QVERIFY(isUp(QStringLiteral("hb-p1")));
    QVERIFY(ok({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("hb-p1"), QStringLiteral("down")}));
    QVERIFY(!isUp(QStringLiteral("hb-p1")));
    QVERIFY(ok({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("hb-t0"), QStringLiteral("down")}));
    QVERIFY(!isUp(QStringLiteral("hb-t0")));

    // A refusal with a rule in place is about the request, not the caller.
    Result r = ctl(testUser, {QStringLiteral("bridge"), QStringLiteral("add-port"), QStringLiteral("hb-t1"),
                              QStringLiteral("hb-p1")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QByteArray("passerellectl: hb-p1 is already a port of hb-t0; remove it from there first "
                               "(org.passerelle.Error.AlreadyPort)\n"));

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("remove-port"), QStringLiteral("hb-t0"), QStringLiteral("hb-p1")}));
    QVERIFY(!link(QStringLiteral("hb-p1")).contains(QStringLiteral("master")));

    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("hb-t0")}));
    QVERIFY(ok({QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("hb-t1")}));
    QVERIFY(link(QStringLiteral("hb-t0")).isEmpty());
    QVERIFY(link(QStringLiteral("hb-t1")).isEmpty());

    r = ctl(testUser, {QStringLiteral("bridge"), QStringLiteral("delete"), QStringLiteral("hb-t0")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, QByteArray("passerellectl: there is no link named \"hb-t0\" (org.passerelle.Error.NoSuchLink)\n"));
}

void TestHelperBus::rootIsAskedAboutToo()
{
    // polkitd answers yes for uid 0 before it runs any rule, so a rule
    // cannot refuse root. What shows that the helper asks anyway is the bus
    // itself: every call of root's is followed by the helper's
    // CheckAuthorization about root's bus name.
    QProcess monitor;
    monitor.setProcessEnvironment(m_bus->clientEnvironment());
    monitor.start(QStringLiteral("dbus-monitor"),
                  {QStringLiteral("--address"), m_bus->address(),
                   QStringLiteral("type='method_call',interface='org.freedesktop.PolicyKit1.Authority',"
                                  "member='CheckAuthorization'")});
    QVERIFY(monitor.waitForStarted());
    QByteArray seen;
    QTRY_VERIFY_WITH_TIMEOUT((seen += monitor.readAllStandardOutput()).contains("member=NameLost"), 10000);

    const QString connectionName = QStringLiteral("psl-root-caller");
    QDBusConnection root = m_bus->connect(connectionName);
    QVERIFY(root.isConnected());
    const QString rootName = root.baseService();
    const QList<std::pair<QString, QVariantList>> calls = {
        {QStringLiteral("CreateBridge"), {QStringLiteral("hb-r0"), false, 0u}},
        {QStringLiteral("SetStp"), {QStringLiteral("hb-r0"), true, 0u}},
        {QStringLiteral("AddPort"), {QStringLiteral("hb-r0"), QStringLiteral("hb-p2"), 0u}},
        {QStringLiteral("SetLinkUp"), {QStringLiteral("hb-r0"), true, 0u}},
        {QStringLiteral("RemovePort"), {QStringLiteral("hb-r0"), QStringLiteral("hb-p2"), 0u}},
        {QStringLiteral("DeleteBridge"), {QStringLiteral("hb-r0"), 0u}},
    };
    for (const auto &[method, args] : calls) {
        QDBusMessage msg = QDBusMessage::createMethodCall(helperName, helperPath, helperInterface, method);
        msg.setArguments(args);
        const QDBusMessage reply = root.call(msg, QDBus::Block, 60000);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(method + QLatin1Char(' ') + reply.errorMessage()));
        if (method == QLatin1String("AddPort"))
            QCOMPARE(link(QStringLiteral("hb-p2")).value(QStringLiteral("master")).toString(), QStringLiteral("hb-r0"));
    }
    QVERIFY(link(QStringLiteral("hb-r0")).isEmpty());
    SystemBusFixture::disconnect(connectionName);

    // The monitor prints each message as it sees it.
    QTest::qWait(300);
    monitor.terminate();
    monitor.waitForFinished(5000);
    seen += monitor.readAllStandardOutput();

    int askedAboutRoot = 0;
    QString block;
    auto finishBlock = [&] {
        if (block.contains(QLatin1String("member=CheckAuthorization"))
            && block.contains(QLatin1String("string \"system-bus-name\""))
            && block.contains(QStringLiteral("string \"%1\"").arg(rootName))
            && block.contains(QStringLiteral("string \"%1\"").arg(manageAction))
            && !block.contains(QStringLiteral("sender=%1 ").arg(rootName)))
            ++askedAboutRoot;
        block.clear();
    };
    const QStringList lines = QString::fromUtf8(seen).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1Char(' ')))
            finishBlock();
        block += line + QLatin1Char('\n');
    }
    finishBlock();
    QVERIFY2(askedAboutRoot == calls.size(), seen.constData());
}

void TestHelperBus::rootRefusedWhenPolkitFails()
{
    // Without its action polkitd answers every question with an error,
    // root's included; the helper takes that as a refusal.
    QVERIFY(m_polkit->removeAction());
    QVERIFY(PolkitFixture::restartPolkit(m_bus.get()));
    const QByteArray before = linkState();
    const QDBusMessage reply = call(QStringLiteral("CreateBridge"), {QStringLiteral("hb-r1"), false, 0u});
    const Result r = ctl(QString(), {QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("hb-r1")});
    QString error;
    QVERIFY2(m_polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error), qPrintable(error));
    QVERIFY(PolkitFixture::restartPolkit(m_bus.get()));

    QCOMPARE(reply.errorName(), err("NotAuthorized"));
    QCOMPARE(reply.arguments().value(1).toStringList(), QStringList{manageAction});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("(org.passerelle.Error.NotAuthorized)"), r.err.constData());
    QCOMPARE(linkState(), before);
}

void TestHelperBus::malformedInput_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QVariantList>("args");
    QTest::addColumn<QString>("interface");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("parameters");   // compared when not empty

    const QString unknownMethod = QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod");
    const QString accessDenied = QStringLiteral("org.freedesktop.DBus.Error.AccessDenied");
    auto row = [](const char *tag, const char *method, const QVariantList &args, const QString &error,
                  const QStringList &parameters = {}, const QString &interface = helperInterface) {
        QTest::newRow(tag) << QString::fromLatin1(method) << args << interface << error << parameters;
    };
    auto s = [](const char *text) { return QString::fromUtf8(text); };

    const QList<std::tuple<const char *, QString, const char *>> badNames = {
        {"empty", QString(), "empty"},
        {"16 bytes", s("abcdefghijklmnop"), "too-long"},
        {"slash", s("a/b"), "forbidden-character"},
        {"space", s("a b"), "forbidden-character"},
        {"colon", s("a:b"), "forbidden-character"},
        {"percent", s("a%b"), "forbidden-character"},
        {"dot", s("."), "dot"},
        {"dot dot", s(".."), "dot"},
        {"digits", s("123"), "all-digits"},
        {"non-ascii", s("br\u00fc"), "not-printable-ascii"},
        {"tab", s("a\tb"), "not-printable-ascii"},
        {"newline", s("a\nb"), "not-printable-ascii"},
        {"control", s("a\x01"), "not-printable-ascii"},
        {"delete", s("a\x7f"), "not-printable-ascii"},
    };
    for (const auto &[tag, name, reason] : badNames) {
        const QStringList params{name, QLatin1String(reason)};
        const QByteArray t(tag);
        row(("CreateBridge " + t).constData(), "CreateBridge", {name, false, 0u}, err("InvalidName"), params);
        row(("AddPort port " + t).constData(), "AddPort", {QStringLiteral("hb-br1"), name, 0u}, err("InvalidName"), params);
        row(("SetLinkUp " + t).constData(), "SetLinkUp", {name, true, 0u}, err("InvalidName"), params);
    }
    row("DeleteBridge bad", "DeleteBridge", {s(".."), 0u}, err("InvalidName"), {s(".."), s("dot")});
    row("AddPort bridge bad", "AddPort", {s("a b"), s("hb-p1"), 0u}, err("InvalidName"), {s("a b"), s("forbidden-character")});
    row("RemovePort bad", "RemovePort", {s("hb-br0"), s("123"), 0u}, err("InvalidName"), {s("123"), s("all-digits")});
    row("SetStp bad", "SetStp", {QString(), true, 0u}, err("InvalidName"), {QString(), s("empty")});

    row("DeleteBridge unknown", "DeleteBridge", {s("hb-nope"), 0u}, err("NoSuchLink"), {s("hb-nope")});
    row("AddPort unknown bridge", "AddPort", {s("hb-nope"), s("hb-p1"), 0u}, err("NoSuchLink"), {s("hb-nope")});
    row("AddPort unknown port", "AddPort", {s("hb-br1"), s("hb-nope"), 0u}, err("NoSuchLink"), {s("hb-nope")});
    row("RemovePort unknown", "RemovePort", {s("hb-br0"), s("hb-nope"), 0u}, err("NoSuchLink"), {s("hb-nope")});
    row("SetLinkUp unknown", "SetLinkUp", {s("hb-nope"), true, 0u}, err("NoSuchLink"), {s("hb-nope")});
    row("SetStp unknown", "SetStp", {s("hb-nope"), true, 0u}, err("NoSuchLink"), {s("hb-nope")});

    row("SetLinkUp lo", "SetLinkUp", {s("lo"), false, 0u}, err("IsLoopback"), {s("lo")});
    row("AddPort lo", "AddPort", {s("hb-br1"), s("lo"), 0u}, err("IsLoopback"), {s("lo")});
    row("DeleteBridge lo", "DeleteBridge", {s("lo"), 0u}, err("IsLoopback"), {s("lo")});
    row("CreateBridge lo", "CreateBridge", {s("lo"), false, 0u}, err("AlreadyExists"), {s("lo")});
    row("CreateBridge taken", "CreateBridge", {s("hb-br0"), true, 0u}, err("AlreadyExists"), {s("hb-br0")});

    row("DeleteBridge veth", "DeleteBridge", {s("hb-p1"), 0u}, err("NotABridge"), {s("hb-p1"), s("veth")});
    row("AddPort to veth", "AddPort", {s("hb-p1"), s("hb-p2"), 0u}, err("NotABridge"), {s("hb-p1"), s("veth")});
    row("SetStp veth", "SetStp", {s("hb-p1"), true, 0u}, err("NotABridge"), {s("hb-p1"), s("veth")});

    row("AddPort itself", "AddPort", {s("hb-br1"), s("hb-br1"), 0u}, err("Loop"), {s("hb-br1"), s("hb-br1")});
    row("AddPort bridge", "AddPort", {s("hb-br1"), s("hb-br0"), 0u}, err("Loop"), {s("hb-br1"), s("hb-br0")});
    row("AddPort other bridge's port", "AddPort", {s("hb-br1"), s("hb-p0"), 0u}, err("AlreadyPort"), {s("hb-p0"), s("hb-br0")});
    row("RemovePort not a port", "RemovePort", {s("hb-br1"), s("hb-p0"), 0u}, err("NotAPort"), {s("hb-p0"), s("hb-br1")});

    // Wrong types never reach the helper's code: QtDBus matches a method by
    // name and signature and answers UnknownMethod when none matches.
    row("CreateBridge (i)", "CreateBridge", {5}, unknownMethod);
    row("CreateBridge (s)", "CreateBridge", {s("hb-x")}, unknownMethod);
    row("CreateBridge (ss)", "CreateBridge", {s("hb-x"), s("true")}, unknownMethod);
    row("CreateBridge (sbs)", "CreateBridge", {s("hb-x"), false, s("extra")}, unknownMethod);
    row("CreateBridge (sb), the old signature", "CreateBridge", {s("hb-x"), false}, unknownMethod);
    row("CreateBridge (sbi)", "CreateBridge", {s("hb-x"), false, 5}, unknownMethod);
    row("BridgePort (ssbb)", "BridgePort", {s("hb-br1"), s("hb-p1"), true, false}, unknownMethod);
    row("Confirm (u)", "Confirm", {5u}, unknownMethod);
    row("confirm timeout too long", "CreateBridge", {s("hb-x"), false, 3601u}, err("InvalidArgument"),
        {s("confirmTimeout"), s("3601")});
    row("Confirm unknown", "Confirm", {s("0123456789abcdef0123456789abcdef")}, err("NoSuchTransaction"),
        {s("0123456789abcdef0123456789abcdef")});
    row("Revert unknown", "Revert", {s("nope")}, err("NoSuchTransaction"), {s("nope")});
    row("SetConfirmTimeout unknown", "SetConfirmTimeout", {s("nope"), 5u}, err("NoSuchTransaction"), {s("nope")});
    row("BridgePort bad port", "BridgePort", {s("hb-br1"), s("a b"), true, false, 0u}, err("InvalidName"),
        {s("a b"), s("forbidden-character")});
    row("BridgePort into itself", "BridgePort", {s("hb-p1"), s("hb-p1"), true, false, 0u}, err("Loop"),
        {s("hb-p1"), s("hb-p1")});
    row("BridgePort other bridge's port", "BridgePort", {s("hb-new"), s("hb-p0"), true, false, 0u}, err("AlreadyPort"),
        {s("hb-p0"), s("hb-br0")});
    row("BridgePort a bridge", "BridgePort", {s("hb-new"), s("hb-br1"), true, false, 0u}, err("Loop"),
        {s("hb-new"), s("hb-br1")});
    row("BridgePort into veth", "BridgePort", {s("hb-p1"), s("hb-p2"), true, false, 0u}, err("NotABridge"),
        {s("hb-p1"), s("veth")});
    row("Plan unknown method", "Plan", {s("RunCommand"), QStringList{s("x")}}, err("InvalidArgument"),
        {s("method"), s("RunCommand")});
    row("Plan wrong arguments", "Plan", {s("SetLinkUp"), QStringList{s("hb-p1"), s("yes")}}, err("InvalidArgument"),
        {s("arguments"), s("SetLinkUp")});
    row("Plan bad name", "Plan", {s("DeleteBridge"), QStringList{s("..")}}, err("InvalidName"), {s(".."), s("dot")});
    row("PlanBridgePort unknown port", "PlanBridgePort", {s("hb-br1"), s("hb-nope"), true, false}, err("NoSuchLink"),
        {s("hb-nope")});
    row("SetLinkUp (si)", "SetLinkUp", {s("hb-p1"), 1}, unknownMethod);
    row("AddPort (s)", "AddPort", {s("hb-br1")}, unknownMethod);
    row("DeleteBridge (as)", "DeleteBridge", {QStringList{s("hb-br1")}}, unknownMethod);
    row("SetStp (sy)", "SetStp", {s("hb-br1"), QVariant::fromValue(uchar(1))}, unknownMethod);
    row("unknown method", "RunCommand", {s("ip link del hb-br0")}, unknownMethod);
    // The bus policy lets through this interface's methods only.
    row("unknown interface", "CreateBridge", {s("hb-x"), false, 0u}, accessDenied, {},
        QStringLiteral("org.passerelle.Helper1.Debug"));
}

void TestHelperBus::malformedInput()
{
    QFETCH(QString, method);
    QFETCH(QVariantList, args);
    QFETCH(QString, interface);
    QFETCH(QString, error);
    QFETCH(QStringList, parameters);

    // Make sure the helper runs, and note who it is.
    QCOMPARE(call(QStringLiteral("GetCapabilities"), {}).type(), QDBusMessage::ReplyMessage);
    const qint64 pid = m_bus->ownerPid(helperName);
    QVERIFY(pid > 0);
    const QByteArray before = linkState();
    QVERIFY(before.contains("\"hb-br0\"") && before.contains("\"master\":\"hb-br0\""));

    const QDBusMessage reply = call(method, args, interface);
    QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
    QCOMPARE(reply.errorName(), error);
    if (!parameters.isEmpty())
        QCOMPARE(reply.arguments().value(1).toStringList(), parameters);

    QCOMPARE(m_bus->ownerPid(helperName), pid);
    QCOMPARE(call(QStringLiteral("GetCapabilities"), {}).type(), QDBusMessage::ReplyMessage);
    QCOMPARE(linkState(), before);
}

void TestHelperBus::pendingAuthorizationKeepsHelperAlive()
{
    // polkit takes longer to answer than the helper's idle time: the helper
    // waits for the answer rather than exit under a caller.
    QVERIFY(grantTestUser(QStringLiteral("polkit.spawn([\"/bin/sleep\", \"3.5\"]);")));
    QElapsedTimer timer;
    timer.start();
    const Result r = ctl(testUser, {QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("hb-slow")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(timer.elapsed() >= 3000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!link(QStringLiteral("hb-slow")).isEmpty());
    QCOMPARE(call(QStringLiteral("DeleteBridge"), {QStringLiteral("hb-slow"), 0u}).type(), QDBusMessage::ReplyMessage);
}

void TestHelperBus::authorizationTimeoutIsRefusal()
{
    // polkit answers yes, but only after the helper's authorization timeout.
    QVERIFY(grantTestUser(QStringLiteral("polkit.spawn([\"/bin/sleep\", \"9\"]);")));
    const QByteArray before = linkState();
    QElapsedTimer timer;
    timer.start();
    const Result r = ctl(testUser, {QStringLiteral("bridge"), QStringLiteral("create"), QStringLiteral("hb-late")});
    const qint64 took = timer.elapsed();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("(org.passerelle.Error.NotAuthorized)"), r.err.constData());
    QVERIFY2(took >= (authorizationTimeoutSeconds - 1) * 1000 && took < 9000, qPrintable(QString::number(took)));
    // The late yes must not be acted upon either.
    QTest::qWait(int(qMax<qint64>(0, 10000 - timer.elapsed())));
    QCOMPARE(linkState(), before);
}

void TestHelperBus::tooManyPendingIsBusy()
{
    // polkitd frozen: authorizations wait. One caller gets as many waiting
    // calls as the helper allows (4 by default), then Busy; other callers
    // and calls that need no authorization are still served.
    QCOMPARE(call(QStringLiteral("DeleteBridge"), {QStringLiteral("hb-nope"), 0u}).errorName(), err("NoSuchLink"));
    const qint64 polkitd = m_bus->ownerPid(QStringLiteral("org.freedesktop.PolicyKit1"));
    QVERIFY(polkitd > 0);
    QVERIFY(::kill(pid_t(polkitd), SIGSTOP) == 0);
    struct Resume
    {
        qint64 pid;
        ~Resume() { ::kill(pid_t(pid), SIGCONT); }
    } resume{polkitd};

    const QString otherName = QStringLiteral("psl-other-caller");
    QDBusConnection other = m_bus->connect(otherName);
    QVERIFY(other.isConnected());
    QList<QDBusPendingCall> calls;
    for (int i = 0; i < 5; ++i) {
        QDBusMessage msg = QDBusMessage::createMethodCall(helperName, helperPath, helperInterface,
                                                          QStringLiteral("DeleteBridge"));
        msg << QStringLiteral("hb-nope") << 0u;
        calls.append(m_bus->bus().asyncCall(msg, 60000));
    }
    QDBusMessage otherMsg = QDBusMessage::createMethodCall(helperName, helperPath, helperInterface,
                                                           QStringLiteral("DeleteBridge"));
    otherMsg << QStringLiteral("hb-nope") << 0u;
    QDBusPendingCall otherCall = other.asyncCall(otherMsg, 60000);

    calls.last().waitForFinished();
    QCOMPARE(calls.last().reply().errorName(), err("Busy"));
    QCOMPARE(calls.last().reply().arguments().value(1).toStringList(), QStringList{QStringLiteral("too-many-pending")});
    QCOMPARE(call(QStringLiteral("GetCapabilities"), {}).type(), QDBusMessage::ReplyMessage);
    QTest::qWait(300);
    for (int i = 0; i < 4; ++i)
        QVERIFY2(!calls.at(i).isFinished(), qPrintable(QString::number(i)));
    QVERIFY(!otherCall.isFinished());

    ::kill(pid_t(polkitd), SIGCONT);
    for (int i = 0; i < 4; ++i) {
        calls[i].waitForFinished();
        QCOMPARE(calls.at(i).reply().errorName(), err("NoSuchLink"));
    }
    otherCall.waitForFinished();
    QCOMPARE(otherCall.reply().errorName(), err("NoSuchLink"));
    SystemBusFixture::disconnect(otherName);
}

void TestHelperBus::idleExitAndReactivation()
{
    QCOMPARE(call(QStringLiteral("GetCapabilities"), {}).type(), QDBusMessage::ReplyMessage);
    const qint64 first = m_bus->ownerPid(helperName);
    QVERIFY(first > 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_bus->waitUntilReleased(helperName, (idleTimeoutSeconds + 10) * 1000));
    QVERIFY2(timer.elapsed() >= (idleTimeoutSeconds - 1) * 1000, qPrintable(QString::number(timer.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(SystemBusFixture::processGone(first), 5000);

    const QDBusMessage reply = call(QStringLiteral("GetCapabilities"), {});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    const qint64 second = m_bus->ownerPid(helperName);
    QVERIFY(second > 0);
    QVERIFY(second != first);
}

// Receives TransactionChanged as any client would.
class TransactionSignals : public QObject
{
    Q_OBJECT
public:
    QStringList seen;
public Q_SLOTS:
    void changed(const QString &transaction, const QString &state, uint secondsLeft)
    {
        seen.append(QStringLiteral("%1 %2 %3").arg(transaction, state).arg(secondsLeft));
    }
};

void TestHelperBus::pendingChangeKeepsHelperAlive()
{
    // A change waiting for confirmation outlives the idle time (2 s); it is
    // undone when its own time (4 s) is up, and only then does the helper go.
    TransactionSignals signals_;
    QVERIFY(m_bus->bus().connect(QString(), helperPath, helperInterface, QStringLiteral("TransactionChanged"), &signals_,
                                 SLOT(changed(QString,QString,uint))));
    const QByteArray before = linkState();
    QElapsedTimer timer;
    timer.start();
    const QDBusMessage reply = call(QStringLiteral("CreateBridge"), {QStringLiteral("hb-pend"), false, 4u});
    QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
    const QString handle = reply.arguments().value(0).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(handle).hasMatch(), qPrintable(handle));
    const qint64 pid = m_bus->ownerPid(helperName);
    QVERIFY(!link(QStringLiteral("hb-pend")).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(signals_.seen.contains(handle + QStringLiteral(" pending 4")), 2000);

    QTest::qWait(3000);
    QCOMPARE(m_bus->ownerPid(helperName), pid);
    QVERIFY(!link(QStringLiteral("hb-pend")).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(link(QStringLiteral("hb-pend")).isEmpty(), 5000);
    QVERIFY2(timer.elapsed() >= 3500, qPrintable(QString::number(timer.elapsed())));
    QTRY_VERIFY_WITH_TIMEOUT(signals_.seen.contains(handle + QStringLiteral(" reverted 0")), 2000);
    QCOMPARE(linkState(), before);
    QVERIFY(m_bus->waitUntilReleased(helperName, (idleTimeoutSeconds + 10) * 1000));
    m_bus->bus().disconnect(QString(), helperPath, helperInterface, QStringLiteral("TransactionChanged"), &signals_,
                            SLOT(changed(QString,QString,uint)));
}

QTEST_GUILESS_MAIN(TestHelperBus)
#include "tst_helperbus.moc"
