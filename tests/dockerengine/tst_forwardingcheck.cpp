// ForwardingCheck inside network namespaces of the test's own: rules set up
// with the real iptables (iptables-nft, as dockerd writes them) and nft,
// read and changed through libnftables from a thread that entered the
// namespace, and checked again with `iptables -S`. Last, the rules a real
// dockerd writes for its bridge.
#include "dockerfixture.h"
#include "forwardingcheck.h"
#include "netnsfixture.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using Passerelle::ForwardingCheck;
using Passerelle::ForwardingFinding;
using Passerelle::HelperError;
using Passerelle::HelperFailure;

namespace {

const QString kBridge = QStringLiteral("pslbr0");
const QString kSysctl = QStringLiteral("/proc/sys/net/bridge/bridge-nf-call-iptables");

// Runs WHAT on a thread of its own inside NS: libnftables' netlink socket
// and /proc/sys/net belong to the namespace of the thread that opens them.
bool inNamespace(const QString &ns, const std::function<void()> &what)
{
    bool entered = false;
    std::thread thread([&] {
        const int fd = ::open(QFile::encodeName(QStringLiteral("/run/netns/") + ns).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return;
        entered = ::setns(fd, CLONE_NEWNET) == 0;
        ::close(fd);
        if (entered)
            what();
    });
    thread.join();
    return entered;
}

QString describe(const std::optional<HelperFailure> &failure)
{
    return failure ? failure->name + QLatin1Char(' ') + failure->parameters.join(QLatin1Char('|')) : QString();
}

} // namespace

class TestForwardingCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void policyAcceptIsNoProblem();
    void dropWithoutRuleIsAProblem();
    void fixThenUndo();
    void rulesThatAcceptOrNot_data();
    void rulesThatAcceptOrNot();
    void fixNeedsDockerUser();
    void fixThatCannotHelpIsUndone();
    void undoLeavesOthersRulesAlone();
    void brNetfilterPaths();
    void dockerdOwnRules();

private:
    bool iptables(const QStringList &args, QByteArray *out = nullptr);
    // Docker's skeleton: FORWARD policy drop, jumping first to DOCKER-USER,
    // which returns.
    void dockerLikeChains();
    std::optional<HelperFailure> check(ForwardingFinding *finding, const ForwardingCheck &checker = ForwardingCheck());
    QByteArray dockerUserListing();

    std::unique_ptr<NetnsFixture> m_netns;
    QString m_ns;
    bool m_brNetfilter = false;
};

void TestForwardingCheck::initTestCase()
{
    const QString skip = NetnsFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    if (NetnsFixture::run(QStringLiteral("iptables"), {QStringLiteral("--version")}) != 0)
        QSKIP("iptables is not installed: the rules dockerd writes cannot be reproduced");
    // br_netfilter may be a module (modprobe loads it) or built in (no
    // /sys/module entry, but its sysctls exist).
    if (!QFileInfo::exists(kSysctl))
        NetnsFixture::run(QStringLiteral("modprobe"), {QStringLiteral("br_netfilter")});
    m_brNetfilter = QFileInfo::exists(kSysctl);
}

void TestForwardingCheck::init()
{
    m_netns = std::make_unique<NetnsFixture>();
    m_ns = m_netns->create(QStringLiteral("fwd"));
    QVERIFY(!m_ns.isEmpty());
    QVERIFY(m_netns->ip(m_ns, {QStringLiteral("link"), QStringLiteral("add"), kBridge, QStringLiteral("type"), QStringLiteral("bridge")}));
}

void TestForwardingCheck::cleanup()
{
    m_netns.reset();
}

bool TestForwardingCheck::iptables(const QStringList &args, QByteArray *out)
{
    QByteArray err;
    const int rc = NetnsFixture::run(QStringLiteral("ip"),
                                     QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_ns, QStringLiteral("iptables")} + args,
                                     out, &err);
    if (rc != 0)
        qWarning("iptables %s: %s", qPrintable(args.join(QLatin1Char(' '))), err.constData());
    return rc == 0;
}

void TestForwardingCheck::dockerLikeChains()
{
    QVERIFY(iptables({QStringLiteral("-P"), QStringLiteral("FORWARD"), QStringLiteral("DROP")}));
    QVERIFY(iptables({QStringLiteral("-N"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(iptables({QStringLiteral("-A"), QStringLiteral("DOCKER-USER"), QStringLiteral("-j"), QStringLiteral("RETURN")}));
    QVERIFY(iptables({QStringLiteral("-A"), QStringLiteral("FORWARD"), QStringLiteral("-j"), QStringLiteral("DOCKER-USER")}));
}

std::optional<HelperFailure> TestForwardingCheck::check(ForwardingFinding *finding, const ForwardingCheck &checker)
{
    std::optional<HelperFailure> failure;
    if (!inNamespace(m_ns, [&] { failure = checker.check(kBridge, finding); }))
        return HelperFailure{QStringLiteral("test"), {}, QStringLiteral("cannot enter %1").arg(m_ns)};
    return failure;
}

QByteArray TestForwardingCheck::dockerUserListing()
{
    QByteArray out;
    iptables({QStringLiteral("-S"), QStringLiteral("DOCKER-USER")}, &out);
    return out;
}

void TestForwardingCheck::policyAcceptIsNoProblem()
{
    ForwardingFinding finding;
    auto failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    // A namespace starts with no table at all.
    QVERIFY(!finding.filterTable);
    QVERIFY(!finding.forwardDrop);
    QVERIFY(!finding.problem());

    // iptables creates the table with FORWARD's policy accept.
    QVERIFY(iptables({QStringLiteral("-N"), QStringLiteral("DOCKER-USER")}));
    failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(finding.filterTable);
    QVERIFY(finding.dockerUserChain);
    QVERIFY(!finding.forwardDrop);
    QVERIFY(!finding.problem());
}

void TestForwardingCheck::dropWithoutRuleIsAProblem()
{
    if (!m_brNetfilter)
        QSKIP("br_netfilter cannot be loaded here (no /proc/sys/net/bridge): bridged traffic never meets iptables");
    dockerLikeChains();
    ForwardingFinding finding;
    const auto failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(finding.brNetfilter);
    QVERIFY(finding.callIptables);
    QVERIFY(finding.forwardDrop);
    QVERIFY(finding.dockerUserChain);
    QCOMPARE(finding.acceptedIn, QString());
    QCOMPARE(finding.passerelleHandle, 0);
    QVERIFY(finding.problem());
}

void TestForwardingCheck::fixThenUndo()
{
    if (!m_brNetfilter)
        QSKIP("br_netfilter cannot be loaded here (no /proc/sys/net/bridge): bridged traffic never meets iptables");
    dockerLikeChains();
    const ForwardingCheck checker;
    qint64 handle = 0;
    std::optional<HelperFailure> failure;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.fix(kBridge, &handle); }));
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(handle > 0);

    ForwardingFinding finding;
    failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(!finding.problem());
    QCOMPARE(finding.acceptedIn, QStringLiteral("DOCKER-USER"));
    QCOMPARE(finding.acceptHandle, handle);
    QCOMPARE(finding.passerelleHandle, handle);

    // iptables reads it as one of its own rules, first in the chain.
    const QByteArray listing = dockerUserListing();
    QVERIFY2(listing.contains("-N DOCKER-USER\n-A DOCKER-USER -i pslbr0 -o pslbr0 -m comment --comment passerelle -j ACCEPT\n"
                              "-A DOCKER-USER -j RETURN"),
             listing.constData());

    // Fixing again adds nothing.
    qint64 again = 0;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.fix(kBridge, &again); }));
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QCOMPARE(again, handle);
    QCOMPARE(dockerUserListing().count("passerelle"), 1);

    QVERIFY(inNamespace(m_ns, [&] { failure = checker.undo(handle); }));
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY2(!dockerUserListing().contains("passerelle"), dockerUserListing().constData());
    QVERIFY(dockerUserListing().contains("-A DOCKER-USER -j RETURN"));
    failure = check(&finding);
    QVERIFY(!failure);
    QVERIFY(finding.problem());

    // Undoing twice is harmless.
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.undo(handle); }));
    QVERIFY2(!failure, qPrintable(describe(failure)));
}

void TestForwardingCheck::rulesThatAcceptOrNot_data()
{
    QTest::addColumn<QStringList>("rule");       // appended to FORWARD with iptables, after the jump
    QTest::addColumn<bool>("accepted");

    auto words = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); };
    // What dockerd writes for inter-container traffic on its bridge.
    QTest::newRow("docker's icc rule") << words("-i pslbr0 -o pslbr0 -j ACCEPT") << true;
    QTest::newRow("iptables wildcard") << words("-i pslbr+ -o psl+ -j ACCEPT") << true;
    QTest::newRow("in interface only") << words("-i pslbr0 -j ACCEPT") << true;
    QTest::newRow("with a comment") << words("-i pslbr0 -o pslbr0 -m comment --comment lan -j ACCEPT") << true;
    QTest::newRow("leaving the bridge") << words("-i pslbr0 ! -o pslbr0 -j ACCEPT") << false;
    QTest::newRow("another bridge") << words("-i docker0 -o docker0 -j ACCEPT") << false;
    QTest::newRow("another wildcard") << words("-i br+ -o br+ -j ACCEPT") << false;
    QTest::newRow("only some sources") << words("-i pslbr0 -o pslbr0 -s 10.0.0.0/8 -j ACCEPT") << false;
    QTest::newRow("only established") << words("-o pslbr0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT")
                                      << false;
}

void TestForwardingCheck::rulesThatAcceptOrNot()
{
    if (!m_brNetfilter)
        QSKIP("br_netfilter cannot be loaded here (no /proc/sys/net/bridge): bridged traffic never meets iptables");
    QFETCH(QStringList, rule);
    QFETCH(bool, accepted);
    dockerLikeChains();
    QVERIFY(iptables(QStringList{QStringLiteral("-A"), QStringLiteral("FORWARD")} + rule));
    ForwardingFinding finding;
    const auto failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(finding.forwardDrop);
    QCOMPARE(finding.acceptedIn.isEmpty(), !accepted);
    QCOMPARE(finding.problem(), !accepted);
    if (accepted) {
        QCOMPARE(finding.acceptedIn, QStringLiteral("FORWARD"));
        QVERIFY(finding.acceptHandle > 0);
    }
}

void TestForwardingCheck::fixNeedsDockerUser()
{
    QVERIFY(iptables({QStringLiteral("-P"), QStringLiteral("FORWARD"), QStringLiteral("DROP")}));
    const ForwardingCheck checker;
    qint64 handle = 0;
    std::optional<HelperFailure> failure;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.fix(kBridge, &handle); }));
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::Failed));
    QCOMPARE(failure->parameters.value(1), QStringLiteral("ENOENT"));
    QVERIFY(failure->detail.contains(QStringLiteral("DOCKER-USER")));
    QCOMPARE(handle, 0);
}

void TestForwardingCheck::fixThatCannotHelpIsUndone()
{
    // DOCKER-USER exists, but FORWARD drops the bridge's traffic before
    // reaching it: a rule there would change nothing.
    QVERIFY(iptables({QStringLiteral("-P"), QStringLiteral("FORWARD"), QStringLiteral("DROP")}));
    QVERIFY(iptables({QStringLiteral("-N"), QStringLiteral("DOCKER-USER")}));
    QVERIFY(iptables({QStringLiteral("-A"), QStringLiteral("FORWARD"), QStringLiteral("-i"), kBridge, QStringLiteral("-j"),
                      QStringLiteral("DROP")}));
    QVERIFY(iptables({QStringLiteral("-A"), QStringLiteral("FORWARD"), QStringLiteral("-j"), QStringLiteral("DOCKER-USER")}));
    const ForwardingCheck checker;
    qint64 handle = 0;
    std::optional<HelperFailure> failure;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.fix(kBridge, &handle); }));
    QVERIFY(failure);
    QVERIFY2(failure->detail.contains(QStringLiteral("would not accept")), qPrintable(failure->detail));
    QCOMPARE(handle, 0);
    QVERIFY2(!dockerUserListing().contains("passerelle"), dockerUserListing().constData());
}

void TestForwardingCheck::undoLeavesOthersRulesAlone()
{
    dockerLikeChains();
    // The admin's own rule in DOCKER-USER, and its handle.
    QVERIFY(iptables({QStringLiteral("-I"), QStringLiteral("DOCKER-USER"), QStringLiteral("-i"), kBridge, QStringLiteral("-o"),
                      kBridge, QStringLiteral("-j"), QStringLiteral("ACCEPT")}));
    QByteArray out;
    QCOMPARE(NetnsFixture::run(QStringLiteral("ip"),
                               {QStringLiteral("netns"), QStringLiteral("exec"), m_ns, QStringLiteral("nft"), QStringLiteral("-a"),
                                QStringLiteral("list"), QStringLiteral("chain"), QStringLiteral("ip"), QStringLiteral("filter"),
                                QStringLiteral("DOCKER-USER")},
                               &out),
             0);
    qint64 handle = 0;
    for (const QByteArray &line : out.split('\n')) {
        if (line.contains("accept") && line.contains("# handle "))
            handle = line.mid(line.indexOf("# handle ") + 9).trimmed().toLongLong();
    }
    QVERIFY2(handle > 0, out.constData());
    const ForwardingCheck checker;
    std::optional<HelperFailure> failure;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.undo(handle); }));
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::InvalidArgument));
    QVERIFY(dockerUserListing().contains("-A DOCKER-USER -i pslbr0 -o pslbr0 -j ACCEPT"));
}

void TestForwardingCheck::brNetfilterPaths()
{
    dockerLikeChains();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto writeFile = [&](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    };

    // Neither the module nor its sysctl: bridged traffic never meets iptables.
    ForwardingCheck::Paths none;
    none.brNetfilterModule = dir.filePath(QStringLiteral("no-module"));
    none.callIptables = dir.filePath(QStringLiteral("no-sysctl"));
    ForwardingFinding finding;
    auto failure = check(&finding, ForwardingCheck(none));
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QVERIFY(finding.forwardDrop);
    QVERIFY(!finding.brNetfilter);
    QVERIFY(!finding.problem());

    // The module, with bridge-nf-call-iptables turned off.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("br_netfilter")));
    QVERIFY(writeFile(QStringLiteral("call-iptables"), "0\n"));
    ForwardingCheck::Paths off;
    off.brNetfilterModule = dir.filePath(QStringLiteral("br_netfilter"));
    off.callIptables = dir.filePath(QStringLiteral("call-iptables"));
    failure = check(&finding, ForwardingCheck(off));
    QVERIFY(!failure);
    QVERIFY(finding.brNetfilter);
    QVERIFY(!finding.callIptables);
    QVERIFY(!finding.problem());

    // Turned on.
    QVERIFY(writeFile(QStringLiteral("call-iptables"), "1\n"));
    failure = check(&finding, ForwardingCheck(off));
    QVERIFY(!failure);
    QVERIFY(finding.callIptables);
    QVERIFY(finding.problem());

    // Built in: no module folder, but the sysctl.
    ForwardingCheck::Paths builtIn = off;
    builtIn.brNetfilterModule = dir.filePath(QStringLiteral("no-module"));
    failure = check(&finding, ForwardingCheck(builtIn));
    QVERIFY(!failure);
    QVERIFY(finding.brNetfilter);
    QVERIFY(finding.problem());
}

void TestForwardingCheck::dockerdOwnRules()
{
    const QString skip = DockerFixture::skipReason();
    if (!skip.isEmpty())
        QSKIP(qPrintable(skip));
    if (!m_brNetfilter)
        QSKIP("br_netfilter cannot be loaded here (no /proc/sys/net/bridge): bridged traffic never meets iptables");
    QVERIFY(m_netns->ip(m_ns, {QStringLiteral("address"), QStringLiteral("add"), QStringLiteral("10.81.0.1/24"), QStringLiteral("dev"), kBridge}));
    QVERIFY(m_netns->ip(m_ns, {QStringLiteral("link"), QStringLiteral("set"), kBridge, QStringLiteral("up")}));
    DockerFixture docker;
    DockerFixture::Options options;
    options.iptables = true;
    options.bridge = kBridge;
    options.importImage = false;
    QVERIFY2(docker.start(m_ns, options), qPrintable(docker.errorString()));

    // dockerd sets FORWARD's policy to drop and accepts traffic within its
    // bridge itself (inter-container communication is on by default).
    ForwardingFinding finding;
    auto failure = check(&finding);
    QVERIFY2(!failure, qPrintable(describe(failure)));
    QByteArray rules;
    iptables({QStringLiteral("-S")}, &rules);
    QVERIFY2(finding.forwardDrop, rules.constData());
    QVERIFY2(finding.dockerUserChain, rules.constData());
    QVERIFY2(!finding.acceptedIn.isEmpty(), rules.constData());
    QVERIFY(!finding.problem());

    // Without that rule of Docker's, the check finds the problem, and the
    // fix in DOCKER-USER (which dockerd made) ends it.
    QVERIFY(iptables({QStringLiteral("-D"), QStringLiteral("FORWARD"), QStringLiteral("-i"), kBridge, QStringLiteral("-o"), kBridge,
                      QStringLiteral("-j"), QStringLiteral("ACCEPT")}));
    failure = check(&finding);
    QVERIFY(!failure);
    iptables({QStringLiteral("-S")}, &rules);
    QVERIFY2(finding.problem(), rules.constData());
    const ForwardingCheck checker;
    qint64 handle = 0;
    QVERIFY(inNamespace(m_ns, [&] { failure = checker.fix(kBridge, &handle); }));
    QVERIFY2(!failure, qPrintable(describe(failure)));
    failure = check(&finding);
    QVERIFY(!failure);
    QVERIFY(!finding.problem());
    QCOMPARE(finding.acceptHandle, handle);
    QVERIFY(dockerUserListing().contains("-A DOCKER-USER -i pslbr0 -o pslbr0 -m comment --comment passerelle -j ACCEPT"));
    QVERIFY(docker.stop());
}

QTEST_GUILESS_MAIN(TestForwardingCheck)
#include "tst_forwardingcheck.moc"
