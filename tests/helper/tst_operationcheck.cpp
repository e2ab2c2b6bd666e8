// Operation::validateNames() and Operation::check() on a hand-made snapshot:
// every refusal the helper makes before touching the kernel, one named row
// each, with the error name and the parameters clients read.
#include "operation.h"

#include <QTest>

#include <cerrno>

using namespace Passerelle;

Q_DECLARE_METATYPE(Passerelle::Operation)

namespace {

LinkState link(int ifindex, const char *name, const char *kind, int master = 0, bool loopback = false)
{
    LinkState l;
    l.ifindex = ifindex;
    l.name = QLatin1String(name);
    l.kind = QLatin1String(kind);
    l.masterIndex = master;
    l.loopback = loopback;
    return l;
}

LinkSnapshot lab()
{
    return LinkSnapshot({
        link(1, "lo", "", 0, true),
        link(2, "em1", ""),
        link(3, "br0", "bridge"),
        link(4, "vp0", "veth", 3),         // port of br0
        link(5, "br1", "bridge"),
        link(6, "bond0", "bond"),
        link(7, "vb", "dummy", 6),         // enslaved to a bond
        link(9, "bond1", "bond"),
        link(8, "br2", "bridge", 9),       // a bridge below bond1
        link(10, "br3", "bridge", 11),     // a cycle the kernel never makes:
        link(11, "x11", "dummy", 10),      // the walk upwards must still end
    });
}

} // namespace

class TestOperationCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data();
    void check();
    void kernelFailures();
};

void TestOperationCheck::check_data()
{
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<QString>("error");          // empty: may proceed
    QTest::addColumn<QStringList>("parameters");

    const QString ok;
    auto e = [](const char *name) { return QStringLiteral("org.passerelle.Error.") + QLatin1String(name); };
    auto p = [](std::initializer_list<const char *> l) {
        QStringList out;
        for (const char *s : l)
            out << QLatin1String(s);
        return out;
    };

    QTest::newRow("create") << Operation::createBridge(QStringLiteral("br9"), false) << ok << QStringList();
    QTest::newRow("create taken") << Operation::createBridge(QStringLiteral("em1"), true) << e("AlreadyExists") << p({"em1"});
    QTest::newRow("create lo") << Operation::createBridge(QStringLiteral("lo"), false) << e("AlreadyExists") << p({"lo"});
    QTest::newRow("create bad name") << Operation::createBridge(QStringLiteral("br 9"), false) << e("InvalidName")
                                     << p({"br 9", "forbidden-character"});

    QTest::newRow("delete") << Operation::deleteBridge(QStringLiteral("br1")) << ok << QStringList();
    QTest::newRow("delete missing") << Operation::deleteBridge(QStringLiteral("br7")) << e("NoSuchLink") << p({"br7"});
    QTest::newRow("delete lo") << Operation::deleteBridge(QStringLiteral("lo")) << e("IsLoopback") << p({"lo"});
    QTest::newRow("delete veth") << Operation::deleteBridge(QStringLiteral("vp0")) << e("NotABridge") << p({"vp0", "veth"});
    QTest::newRow("delete physical") << Operation::deleteBridge(QStringLiteral("em1")) << e("NotABridge") << p({"em1", ""});
    QTest::newRow("delete digits") << Operation::deleteBridge(QStringLiteral("3")) << e("InvalidName") << p({"3", "all-digits"});

    QTest::newRow("add") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("em1")) << ok << QStringList();
    QTest::newRow("add again") << Operation::addPort(QStringLiteral("br0"), QStringLiteral("vp0")) << ok << QStringList();
    QTest::newRow("add to missing") << Operation::addPort(QStringLiteral("br7"), QStringLiteral("em1")) << e("NoSuchLink") << p({"br7"});
    QTest::newRow("add missing") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("em7")) << e("NoSuchLink") << p({"em7"});
    QTest::newRow("add to non-bridge") << Operation::addPort(QStringLiteral("em1"), QStringLiteral("vp0")) << e("NotABridge") << p({"em1", ""});
    QTest::newRow("add lo") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("lo")) << e("IsLoopback") << p({"lo"});
    QTest::newRow("add to lo") << Operation::addPort(QStringLiteral("lo"), QStringLiteral("em1")) << e("IsLoopback") << p({"lo"});
    QTest::newRow("add itself") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("br1")) << e("Loop") << p({"br1", "br1"});
    QTest::newRow("add a bridge") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("br0")) << e("Loop") << p({"br1", "br0"});
    QTest::newRow("add the device above") << Operation::addPort(QStringLiteral("br2"), QStringLiteral("bond1")) << e("Loop") << p({"br2", "bond1"});
    QTest::newRow("add port of another bridge") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("vp0")) << e("AlreadyPort") << p({"vp0", "br0"});
    QTest::newRow("add bond slave") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("vb")) << e("AlreadyPort") << p({"vb", "bond0"});
    QTest::newRow("add under a cycle") << Operation::addPort(QStringLiteral("br3"), QStringLiteral("em1")) << ok << QStringList();
    QTest::newRow("add bad port name") << Operation::addPort(QStringLiteral("br1"), QStringLiteral("..")) << e("InvalidName") << p({"..", "dot"});
    // Names are validated before the links are looked at, the bridge first.
    QTest::newRow("add both bad") << Operation::addPort(QString(), QStringLiteral("a/b")) << e("InvalidName") << p({"", "empty"});

    QTest::newRow("remove") << Operation::removePort(QStringLiteral("br0"), QStringLiteral("vp0")) << ok << QStringList();
    QTest::newRow("remove non-port") << Operation::removePort(QStringLiteral("br1"), QStringLiteral("vp0")) << e("NotAPort") << p({"vp0", "br1"});
    QTest::newRow("remove free link") << Operation::removePort(QStringLiteral("br0"), QStringLiteral("em1")) << e("NotAPort") << p({"em1", "br0"});
    QTest::newRow("remove from non-bridge") << Operation::removePort(QStringLiteral("bond0"), QStringLiteral("vb")) << e("NotABridge") << p({"bond0", "bond"});

    QTest::newRow("up") << Operation::setLinkUp(QStringLiteral("em1"), true) << ok << QStringList();
    QTest::newRow("down lo") << Operation::setLinkUp(QStringLiteral("lo"), false) << e("IsLoopback") << p({"lo"});
    QTest::newRow("up missing") << Operation::setLinkUp(QStringLiteral("em7"), true) << e("NoSuchLink") << p({"em7"});
    QTest::newRow("up too long") << Operation::setLinkUp(QStringLiteral("abcdefghijklmnop"), true) << e("InvalidName")
                                 << p({"abcdefghijklmnop", "too-long"});

    QTest::newRow("stp") << Operation::setStp(QStringLiteral("br0"), true) << ok << QStringList();
    QTest::newRow("stp on veth") << Operation::setStp(QStringLiteral("vp0"), true) << e("NotABridge") << p({"vp0", "veth"});
    QTest::newRow("stp missing") << Operation::setStp(QStringLiteral("br7"), false) << e("NoSuchLink") << p({"br7"});
}

void TestOperationCheck::check()
{
    QFETCH(Operation, operation);
    QFETCH(QString, error);
    QFETCH(QStringList, parameters);

    std::optional<HelperFailure> failure = operation.validateNames();
    if (!failure)
        failure = operation.check(lab());
    QCOMPARE(failure ? failure->name : QString(), error);
    if (failure)
        QCOMPARE(failure->parameters, parameters);
    QCOMPARE(operation.actionId(), QStringLiteral("org.passerelle.bridge.manage"));
}

void TestOperationCheck::kernelFailures()
{
    const auto create = Operation::createBridge(QStringLiteral("br9"), false);
    QCOMPARE(create.kernelFailure(EEXIST, QStringLiteral("File exists")).name,
             QStringLiteral("org.passerelle.Error.AlreadyExists"));
    const auto add = Operation::addPort(QStringLiteral("br1"), QStringLiteral("br0"));
    QCOMPARE(add.kernelFailure(ELOOP, QString()).parameters, (QStringList{QStringLiteral("br1"), QStringLiteral("br0")}));
    const HelperFailure failed = add.kernelFailure(EOPNOTSUPP, QStringLiteral("Operation not supported"));
    QCOMPARE(failed.name, QStringLiteral("org.passerelle.Error.Failed"));
    QCOMPARE(failed.parameters, (QStringList{QStringLiteral("AddPort"), QStringLiteral("EOPNOTSUPP"),
                                             QStringLiteral("Operation not supported")}));
}

QTEST_APPLESS_MAIN(TestOperationCheck)
#include "tst_operationcheck.moc"
