// passerelle-exposebench: issue 4's "expose containers on the physical
// network" flow timed through passerelle-helper (Expose, then Confirm, on a
// private system bus with real polkitd) next to the seed's manual way done
// by a script of the standard tools (ip, jq, the restart command, curl), on
// the same namespace and the same dockerd, in alternating runs. Between runs
// the host is put back as it was (br0 deleted, em1's address and default
// route back, daemon.json back, dockerd restarted) outside the timed region.
// Not a test: run as root; it installs the helper's polkit action and a rule
// for root while it runs, like tst_expose, so no other polkit test may run
// at the same time.
//
//   passerelle-exposebench [--runs N] [--results FILE]
// PASSERELLE_BENCH_RUNS=N does the same as --runs, for the build target.
#include "benchutil.h"
#include "dockerfixture.h"
#include "helperbusfixture.h"
#include "netnsfixture.h"
#include "polkitfixture.h"
#include "report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/stat.h>

using namespace Bench;

namespace {

// The host as the seed has it: em1 on the LAN, its address and default route.
const QString hostAddress = QStringLiteral("192.0.2.11/24");
const QString lanGateway = QStringLiteral("192.0.2.1");
// The part of the LAN the containers take addresses from.
const QString fixedCidr = QStringLiteral("192.0.2.128/26");

void section(const char *title)
{
    std::printf("\n== %s\n", title);
    std::fflush(stdout);
}

void progress(const QString &text)
{
    std::printf("   %s\n", qPrintable(text));
    std::fflush(stdout);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        throw Abort(("cannot write " + path).toStdString());
}

QString msText(double v)
{
    return v < 10 ? fmt(v, 2) + QStringLiteral(" ms") : fmt(v, 0) + QStringLiteral(" ms");
}

// "median (min-max)", the way every row shows its runs.
QString spread(const Stats &s)
{
    return QStringLiteral("%1 (%2-%3)").arg(msText(s.p50), msText(s.min), msText(s.max));
}

QString ratioText(double ours, double theirs)
{
    return theirs > 0 ? fmt(ours / theirs, 2) + QStringLiteral("x") : QStringLiteral("-");
}

// The helper's signals, stamped with nowNs() as they arrive (they are
// dispatched while a call waits for its reply).
class SignalClock : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        qint64 ns;
        QString member;
        QVariantList arguments;
    };
    QList<Entry> entries;

    // When DockerProgress(HANDLE, STAGE, ...) arrived; 0 if it did not.
    qint64 progress(const QString &handle, const QString &stage) const
    {
        for (const Entry &e : entries) {
            if (e.member == QLatin1String("DockerProgress") && e.arguments.value(0).toString() == handle
                && e.arguments.value(1).toString() == stage)
                return e.ns;
        }
        return 0;
    }
    bool transaction(const QString &handle, const QString &state) const
    {
        for (const Entry &e : entries) {
            if (e.member == QLatin1String("TransactionChanged") && e.arguments.value(0).toString() == handle
                && e.arguments.value(1).toString() == state)
                return true;
        }
        return false;
    }

public Q_SLOTS:
    void record(const QDBusMessage &message) { entries.append({nowNs(), message.member(), message.arguments()}); }
};

// One run of either way, in milliseconds.
struct Timing
{
    double whole = 0;
    double network = 0;   // Passerelle: Expose's reply; manual: the ip commands
    double docker = 0;    // Passerelle: Confirm's reply; manual: jq, restart command, curl
    double restart = 0;   // dockerd's restart alone (see the notes)
};

// The namespaces, dockerd, polkit and the helper's bus, with what a run
// needs to reach them. Members in the order they must be made; destroyed
// in reverse: the helper's bus, dockerd, polkit's files, the namespaces.
struct Lab
{
    NetnsFixture netns;
    QString lan;
    QString host;
    std::unique_ptr<PolkitFixture> polkit;
    std::unique_ptr<DockerFixture> docker;
    std::unique_ptr<HelperBusFixture> helper;
    SignalClock signalClock;
    QByteArray originalConfig;
    QString em1Mac;

    ~Lab()
    {
        helper.reset();
        docker.reset();
        killRollbackAgents();
        polkit.reset();
    }

    // A rollback agent of an interrupted run acts on the host's namespace:
    // it must not outlive it.
    void killRollbackAgents() const
    {
        HelperBusFixture::killInNamespace(host, QStringLiteral(PASSERELLE_ROLLBACK_BINARY));
    }

    QStringList ip(const QStringList &args) const
    {
        return QStringList{QStringLiteral("ip"), QStringLiteral("-n"), host} + args;
    }
    QJsonArray ipJson(const QStringList &args) const
    {
        return QJsonDocument::fromJson(netns.ipJson(host, args)).array();
    }
    QStringList curlPing() const
    {
        return {QStringLiteral("curl"), QStringLiteral("-sf"), QStringLiteral("--max-time"), QStringLiteral("2"),
                QStringLiteral("--unix-socket"), docker->socketPath(), QStringLiteral("http://localhost/_ping")};
    }
};

void buildLab(Lab &lab)
{
    section("building the lab");
    const qint64 t0 = nowNs();
    lab.lan = lab.netns.create(QStringLiteral("lan"));
    lab.host = lab.netns.create(QStringLiteral("host"));
    if (lab.lan.isEmpty() || lab.host.isEmpty())
        throw Abort("cannot create the namespaces");
    // em1 (a veth; its peer in the LAN carries the gateway), its address
    // and the default route via the gateway.
    if (!lab.netns.addUplink(lab.host, lab.lan, hostAddress, lanGateway + QStringLiteral("/24")))
        throw Abort("cannot give the host its uplink em1");
    const QJsonArray em1 = lab.ipJson({QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dev"), QStringLiteral("em1")});
    lab.em1Mac = em1.first().toObject().value(QStringLiteral("address")).toString();
    if (lab.em1Mac.isEmpty())
        throw Abort("em1 has no MAC address");

    lab.polkit = std::make_unique<PolkitFixture>();
    QString error;
    if (!lab.polkit->installAction(QStringLiteral(PASSERELLE_POLKIT_POLICY), &error))
        throw Abort(error.toStdString());
    // The benchmark calls as root; polkit grants nothing to root by itself.
    if (!lab.polkit->writeRules(QStringLiteral("exposebench"),
                                QStringLiteral("polkit.addRule(function(action, subject) {\n"
                                               "    if (action.id.indexOf(\"org.passerelle.\") == 0 && subject.user == \"root\")\n"
                                               "        return polkit.Result.YES;\n"
                                               "});\n"),
                                &error))
        throw Abort(error.toStdString());

    DockerFixture::Options options;
    options.restartable = true;
    options.importImage = false;
    lab.docker = std::make_unique<DockerFixture>();
    if (!lab.docker->start(lab.host, options))
        throw Abort(("cannot start dockerd: " + lab.docker->errorString()).toStdString());
    lab.originalConfig = readFile(lab.docker->configPath());
    if (!QJsonDocument::fromJson(lab.originalConfig).object().contains(QStringLiteral("bip")))
        throw Abort("the fixture's daemon.json has no bip: the run would not remove one");

    lab.helper = std::make_unique<HelperBusFixture>(QStringLiteral(PASSERELLE_HELPER_BINARY),
                                                    QStringLiteral(PASSERELLE_HELPER_BUS_POLICY));
    if (!lab.helper->start(lab.host, lab.helper->dockerConfig(*lab.docker), &error))
        throw Abort(("cannot start the helper's bus: " + error).toStdString());
    lab.helper->connectSignal(QStringLiteral("TransactionChanged"), &lab.signalClock, SLOT(record(QDBusMessage)));
    lab.helper->connectSignal(QStringLiteral("DockerProgress"), &lab.signalClock, SLOT(record(QDBusMessage)));
    progress(QStringLiteral("namespaces, dockerd, polkit files and the helper's bus ready in %1 s")
                 .arg(fmt(ms(nowNs() - t0) / 1000)));
}

// ---------------------------------------------------------------------------
// The state before and after a run, checked outside the timed region.

QString master(const Lab &lab, const QString &link)
{
    const QJsonArray links = lab.ipJson({QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dev"), link});
    return links.isEmpty() ? QString() : links.first().toObject().value(QStringLiteral("master")).toString();
}

QStringList ipv4Addresses(const Lab &lab, const QString &link)
{
    QStringList out;
    const QJsonArray links = lab.ipJson({QStringLiteral("-4"), QStringLiteral("addr"), QStringLiteral("show"),
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

QString defaultRouteDevice(const Lab &lab)
{
    const QJsonArray routes = lab.ipJson({QStringLiteral("-4"), QStringLiteral("route"), QStringLiteral("show"),
                                          QStringLiteral("default")});
    return routes.isEmpty() ? QString() : routes.first().toObject().value(QStringLiteral("dev")).toString();
}

void check(bool ok, const QString &what)
{
    if (!ok)
        throw Abort(what.toStdString());
}

// Both ways must leave the host the same: em1 in br0, the address and the
// default route on br0 with em1's MAC, daemon.json pointing Docker at br0
// without bip, a new dockerd answering.
void checkExposed(const Lab &lab, qint64 pidBefore, const char *way)
{
    const QString w = QLatin1String(way);
    check(master(lab, QStringLiteral("em1")) == QLatin1String("br0"), w + QStringLiteral(": em1 is not in br0"));
    check(ipv4Addresses(lab, QStringLiteral("br0")) == QStringList{hostAddress},
          w + QStringLiteral(": br0 has ") + ipv4Addresses(lab, QStringLiteral("br0")).join(QLatin1Char(' ')));
    check(ipv4Addresses(lab, QStringLiteral("em1")).isEmpty(), w + QStringLiteral(": em1 kept its address"));
    check(defaultRouteDevice(lab) == QLatin1String("br0"), w + QStringLiteral(": the default route is on ") + defaultRouteDevice(lab));
    const QJsonArray br0 = lab.ipJson({QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dev"), QStringLiteral("br0")});
    check(br0.first().toObject().value(QStringLiteral("address")).toString() == lab.em1Mac,
          w + QStringLiteral(": br0 does not have em1's MAC"));
    const QJsonObject config = QJsonDocument::fromJson(readFile(lab.docker->configPath())).object();
    check(config.value(QStringLiteral("bridge")).toString() == QLatin1String("br0")
              && config.value(QStringLiteral("fixed-cidr")).toString() == fixedCidr
              && config.value(QStringLiteral("default-gateway")).toString() == lanGateway
              && !config.contains(QStringLiteral("bip")),
          w + QStringLiteral(": daemon.json is ") + QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact)));
    check(lab.docker->pid() > 0 && lab.docker->pid() != pidBefore, w + QStringLiteral(": dockerd was not restarted"));
    check(lab.docker->answersPing(), w + QStringLiteral(": dockerd does not answer"));
}

// Back to the seed's starting point: no br0, em1 with its address and the
// default route, the original daemon.json, dockerd restarted on docker0.
void reset(Lab &lab)
{
    runChecked(lab.ip({QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("br0")}));
    runChecked(lab.ip({QStringLiteral("addr"), QStringLiteral("replace"), hostAddress, QStringLiteral("dev"), QStringLiteral("em1")}));
    runChecked(lab.ip({QStringLiteral("route"), QStringLiteral("replace"), QStringLiteral("default"), QStringLiteral("via"),
                       lanGateway, QStringLiteral("dev"), QStringLiteral("em1")}));
    writeFile(lab.docker->configPath(), lab.originalConfig);
    runChecked(lab.docker->restartCommand(), {}, 120000);
    check(lab.docker->answersPing(), QStringLiteral("reset: dockerd does not answer"));
    check(master(lab, QStringLiteral("em1")).isEmpty() && ipv4Addresses(lab, QStringLiteral("em1")) == QStringList{hostAddress}
              && defaultRouteDevice(lab) == QLatin1String("em1"),
          QStringLiteral("reset: em1 is not as it was"));
    // The bridge network of the restarted daemon is docker0 again.
    QByteArray out;
    lab.docker->docker({QStringLiteral("network"), QStringLiteral("inspect"), QStringLiteral("-f"),
                        QStringLiteral("{{index .Options \"com.docker.network.bridge.name\"}}"), QStringLiteral("bridge")},
                       &out);
    check(out.trimmed() == "docker0", QStringLiteral("reset: Docker's bridge is ") + QString::fromUtf8(out.trimmed()));
    // A daemon just started keeps working for a while: every run starts
    // from a settled one, as a person's would.
    waitUntilIdle(lab.docker->pid(), 500, 10000);
}

// ---------------------------------------------------------------------------
// The two ways.

Timing runPasserelle(Lab &lab)
{
    const qint64 pidBefore = lab.docker->pid();
    const QVariantMap options{{QStringLiteral("mode"), QStringLiteral("default-bridge")}, {QStringLiteral("persist"), false}};
    lab.signalClock.entries.clear();

    const qint64 t0 = nowNs();
    const QDBusMessage exposed = lab.helper->call(QStringLiteral("Expose"),
                                                  {QStringLiteral("em1"), QStringLiteral("br0"), fixedCidr, lanGateway,
                                                   options, QVariant::fromValue(uint(60))});
    const qint64 t1 = nowNs();
    if (exposed.type() != QDBusMessage::ReplyMessage)
        throw Abort(("Expose: " + HelperBusFixture::describe(exposed)).toStdString());
    const QString handle = exposed.arguments().value(0).toString();
    const QDBusMessage confirmed = lab.helper->call(QStringLiteral("Confirm"), {handle});
    const qint64 t2 = nowNs();
    if (confirmed.type() != QDBusMessage::ReplyMessage)
        throw Abort(("Confirm: " + HelperBusFixture::describe(confirmed)).toStdString());

    // Settled before the state is checked and put back: the change is final.
    for (int i = 0; i < 100 && !lab.signalClock.transaction(handle, QStringLiteral("committed")); ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        sleepMs(50);
    }
    check(lab.signalClock.transaction(handle, QStringLiteral("committed")), QStringLiteral("Expose: never committed"));
    checkExposed(lab, pidBefore, "Passerelle");

    Timing t;
    t.whole = ms(t2 - t0);
    t.network = ms(t1 - t0);
    t.docker = ms(t2 - t1);
    const qint64 restarting = lab.signalClock.progress(handle, QStringLiteral("restarting"));
    const qint64 up = lab.signalClock.progress(handle, QStringLiteral("up"));
    t.restart = restarting > 0 && up > restarting ? ms(up - restarting) : 0;
    return t;
}

Timing runManual(Lab &lab)
{
    const qint64 pidBefore = lab.docker->pid();
    const QString config = lab.docker->configPath();
    const QList<QStringList> network{
        lab.ip({QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"), QStringLiteral("type"), QStringLiteral("bridge")}),
        lab.ip({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"), QStringLiteral("address"), lab.em1Mac}),
        lab.ip({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"), QStringLiteral("up")}),
        lab.ip({QStringLiteral("addr"), QStringLiteral("del"), hostAddress, QStringLiteral("dev"), QStringLiteral("em1")}),
        lab.ip({QStringLiteral("addr"), QStringLiteral("add"), hostAddress, QStringLiteral("dev"), QStringLiteral("br0")}),
        lab.ip({QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("em1"), QStringLiteral("master"), QStringLiteral("br0")}),
        lab.ip({QStringLiteral("route"), QStringLiteral("replace"), QStringLiteral("default"), QStringLiteral("via"), lanGateway,
                QStringLiteral("dev"), QStringLiteral("br0")}),
    };
    // jq as a script would use it; the redirection and the mv are this
    // process writing its output and renaming it.
    const QStringList jq{QStringLiteral("jq"),
                         QStringLiteral(".bridge = \"br0\" | .[\"fixed-cidr\"] = \"%1\" | .[\"default-gateway\"] = \"%2\" | del(.bip)")
                             .arg(fixedCidr, lanGateway),
                         config};
    const QString staged = config + QStringLiteral(".new");

    const qint64 t0 = nowNs();
    for (const QStringList &argv : network)
        runChecked(argv);
    const qint64 t1 = nowNs();
    writeFile(staged, runChecked(jq).out);
    if (::rename(QFile::encodeName(staged).constData(), QFile::encodeName(config).constData()) != 0)
        throw Abort("cannot rename the new daemon.json");
    const qint64 t2 = nowNs();
    runChecked(lab.docker->restartCommand(), {}, 120000);
    const qint64 t3 = nowNs();
    // until curl ... /_ping; do sleep 0.1; done
    while (run(lab.curlPing()).exitCode != 0) {
        checkInterrupted();
        if (ms(nowNs() - t3) > 60000)
            throw Abort("manual: dockerd did not answer within 60 s");
        sleepMs(100);
    }
    const qint64 t4 = nowNs();
    checkExposed(lab, pidBefore, "manual");

    Timing t;
    t.whole = ms(t4 - t0);
    t.network = ms(t1 - t0);
    t.docker = ms(t4 - t1);
    t.restart = ms(t3 - t2);
    return t;
}

// The steps the helper announces for the run, for the notes.
QString plannedSteps(Lab &lab)
{
    const QDBusMessage plan = lab.helper->call(
        QStringLiteral("PlanDocker"),
        {QStringLiteral("Expose"), QStringList{QStringLiteral("em1"), QStringLiteral("br0"), fixedCidr, lanGateway},
         QVariantMap{{QStringLiteral("mode"), QStringLiteral("default-bridge")}, {QStringLiteral("persist"), false}}});
    if (plan.type() != QDBusMessage::ReplyMessage)
        throw Abort(("PlanDocker: " + HelperBusFixture::describe(plan)).toStdString());
    QStringList names;
    const QDBusArgument arg = plan.arguments().value(0).value<QDBusArgument>();
    arg.beginArray();
    while (!arg.atEnd()) {
        QString step;
        QStringList parameters;
        arg.beginStructure();
        arg >> step >> parameters;
        arg.endStructure();
        // A warning says what about: its first parameter.
        names << (step == QLatin1String("Warning") ? step + QStringLiteral(" (%1)").arg(parameters.value(0)) : step);
    }
    arg.endArray();
    return names.join(QStringLiteral(", "));
}

// Where Expose's time goes without the netlink changes: warm calls to
// methods that need no polkit and change nothing, in the initial state.
void probeHelper(Lab &lab, Report &report)
{
    section("helper calls that change nothing (no polkit)");
    const QVariantMap options{{QStringLiteral("mode"), QStringLiteral("default-bridge")}, {QStringLiteral("persist"), false}};
    const QList<std::pair<QString, QVariantList>> calls{
        {QStringLiteral("GetPending"), {}},
        {QStringLiteral("PlanBridgePort"),
         {QStringLiteral("br0"), QStringLiteral("em1"), true, false}},
        {QStringLiteral("PlanDocker"),
         {QStringLiteral("Expose"), QStringList{QStringLiteral("em1"), QStringLiteral("br0"), fixedCidr, lanGateway}, options}},
    };
    QStringList parts;
    for (const auto &[method, args] : calls) {
        std::vector<double> v;
        for (int i = 0; i < 10; ++i) {
            const qint64 t0 = nowNs();
            const QDBusMessage reply = lab.helper->call(method, args);
            v.push_back(ms(nowNs() - t0));
            if (reply.type() != QDBusMessage::ReplyMessage)
                throw Abort((method + QStringLiteral(": ") + HelperBusFixture::describe(reply)).toStdString());
        }
        const Stats s = stats(v);
        progress(QStringLiteral("%1: %2").arg(method, spread(s)));
        parts << QStringLiteral("%1 %2").arg(method, msText(s.p50));
    }
    report.note(QStringLiteral("Warm helper calls that change nothing and ask no polkit, medians of 10: ") + parts.join(QStringLiteral(", "))
                + QStringLiteral(" (the bus round trip; the network plan; the whole plan with the Docker checks). Expose's "
                                 "reply adds to its plan the polkit checks, the netlink steps, the journal and the "
                                 "rollback agent."));
}

struct Results
{
    Timing firstPasserelle;
    Timing firstManual;
    std::vector<Timing> passerelle;
    std::vector<Timing> manual;
};

Stats statsOf(const std::vector<Timing> &runs, double Timing::*field)
{
    std::vector<double> v;
    for (const Timing &t : runs)
        v.push_back(t.*field);
    return stats(v);
}

void measure(Lab &lab, int runs, Results &results)
{
    section("the flow, alternating (each run followed by a reset outside the timed region)");
    // Round 0 is the first call ever: the bus activates the helper and
    // polkitd, which reads its rules. It is reported on its own.
    for (int round = 0; round <= runs; ++round) {
        const bool passerelleFirst = round % 2 == 0;
        for (int i = 0; i < 2; ++i) {
            checkInterrupted();
            const bool passerelle = (i == 0) == passerelleFirst;
            const Timing t = passerelle ? runPasserelle(lab) : runManual(lab);
            progress(QStringLiteral("%1 %2: whole %3, network %4, Docker %5 (restart %6)")
                         .arg(round == 0 ? QStringLiteral("first") : QStringLiteral("run %1").arg(round))
                         .arg(passerelle ? QStringLiteral("Passerelle") : QStringLiteral("manual    "))
                         .arg(msText(t.whole), msText(t.network), msText(t.docker), msText(t.restart)));
            if (round == 0)
                (passerelle ? results.firstPasserelle : results.firstManual) = t;
            else
                (passerelle ? results.passerelle : results.manual).push_back(t);
            reset(lab);
        }
    }
}

void addRows(const Results &r, Report &report)
{
    const Stats pWhole = statsOf(r.passerelle, &Timing::whole);
    const Stats mWhole = statsOf(r.manual, &Timing::whole);
    const Stats pNet = statsOf(r.passerelle, &Timing::network);
    const Stats mNet = statsOf(r.manual, &Timing::network);
    const Stats pDocker = statsOf(r.passerelle, &Timing::docker);
    const Stats mDocker = statsOf(r.manual, &Timing::docker);
    const Stats pRestart = statsOf(r.passerelle, &Timing::restart);
    const Stats mRestart = statsOf(r.manual, &Timing::restart);

    report.add({QStringLiteral("1"), QStringLiteral("whole flow, Expose call to Confirm's reply (Docker answering), median of %1").arg(pWhole.n),
                spread(pWhole), QStringLiteral("ip ×7, jq, restart command, curl /_ping: ") + spread(mWhole),
                ratioText(pWhole.p50, mWhole.p50), QString()});
    report.add({QStringLiteral("2"), QStringLiteral("network part: Expose's reply (br0, MAC, address, route, em1 in br0)"),
                spread(pNet), QStringLiteral("7 `ip` commands: ") + spread(mNet), ratioText(pNet.p50, mNet.p50), QString()});
    report.add({QStringLiteral("3"), QStringLiteral("Docker part: Confirm's reply (daemon.json, restart, /_ping, checks)"),
                spread(pDocker), QStringLiteral("jq + mv, restart command, curl /_ping: ") + spread(mDocker),
                ratioText(pDocker.p50, mDocker.p50), QString()});
    report.add({QStringLiteral("4"), QStringLiteral("of which the dockerd restart (restart command, to the daemon answering)"),
                spread(pRestart) + QStringLiteral(", %1% of the flow").arg(fmt(pRestart.p50 / pWhole.p50 * 100, 0)),
                spread(mRestart) + QStringLiteral(", %1% of the flow").arg(fmt(mRestart.p50 / mWhole.p50 * 100, 0)),
                ratioText(pRestart.p50, mRestart.p50), QString()});
    report.add({QStringLiteral("5"), QStringLiteral("first run: helper and polkitd activated by the bus, first authorization"),
                QStringLiteral("%1 (Expose %2, Confirm %3)")
                    .arg(msText(r.firstPasserelle.whole), msText(r.firstPasserelle.network), msText(r.firstPasserelle.docker)),
                QStringLiteral("%1 (ip %2, Docker %3)")
                    .arg(msText(r.firstManual.whole), msText(r.firstManual.network), msText(r.firstManual.docker)),
                ratioText(r.firstPasserelle.whole, r.firstManual.whole), QString()});

    report.note(QStringLiteral("Outside the restart, Passerelle's flow takes %1 (median whole minus restart) against %2 for the "
                               "script; the rest of Confirm (validation, daemon.json written with fsync and a backup, the "
                               "bridge's address and default route checked after the restart) is %3.")
                    .arg(msText(pWhole.p50 - pRestart.p50), msText(mWhole.p50 - mRestart.p50),
                         msText(pDocker.p50 - pRestart.p50)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times issue 4's expose flow through passerelle-helper against the "
                                                    "seed's manual way (ip, jq, the restart command), same dockerd."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("runs"), QStringLiteral("Timed runs of each way, after a first one reported apart (default 5)."),
         QStringLiteral("N")},
        {QStringLiteral("results"), QStringLiteral("Write the table as Markdown to FILE."), QStringLiteral("FILE")},
    });
    parser.process(app);
    int runs = qEnvironmentVariableIntValue("PASSERELLE_BENCH_RUNS");
    if (parser.isSet(QStringLiteral("runs")))
        runs = parser.value(QStringLiteral("runs")).toInt();
    if (runs <= 0)
        runs = 5;
    const QString results = parser.value(QStringLiteral("results"));

    for (const QString &reason : {NetnsFixture::skipReason(), DockerFixture::skipReason(), HelperBusFixture::skipReason()}) {
        if (!reason.isEmpty()) {
            std::fprintf(stderr, "passerelle-exposebench: %s\n", qPrintable(reason));
            return 77;
        }
    }
    for (const QString &tool : {QStringLiteral("jq"), QStringLiteral("curl")}) {
        if (run({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("command -v ") + tool}).exitCode != 0) {
            std::fprintf(stderr, "passerelle-exposebench: %s is needed for the manual way\n", qPrintable(tool));
            return 77;
        }
    }
    installInterruptHandler();

    Report report;
    QList<QPair<QString, QString>> machine = machineInfo();
    // The tree measured; --no-optional-locks: status must not refresh the
    // index of a tree others work in.
    const QString source = QStringLiteral(PASSERELLE_SOURCE_DIR);
    const QString head = QString::fromLatin1(run({QStringLiteral("git"), QStringLiteral("-C"), source, QStringLiteral("rev-parse"),
                                                  QStringLiteral("--short"), QStringLiteral("HEAD")}).out).trimmed();
    if (!head.isEmpty()) {
        const bool dirty = !run({QStringLiteral("git"), QStringLiteral("--no-optional-locks"), QStringLiteral("-C"), source,
                                 QStringLiteral("status"), QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=no")})
                                .out.trimmed()
                                .isEmpty();
        machine.append({QStringLiteral("source"), head + (dirty ? QStringLiteral(" with local changes") : QString())});
    }
    report.setMachine(machine);
    const QString loadBefore =
        QString::fromLatin1(run({QStringLiteral("cat"), QStringLiteral("/proc/loadavg")}).out).section(QLatin1Char(' '), 0, 2);
    const qint64 started = nowNs();
    int status = 0;
    try {
        Lab lab;
        buildLab(lab);
        report.setSetup(QStringLiteral("Host namespace with em1 (a veth to a LAN namespace holding the gateway %1), "
                                       "address %2 and the default route; a private dockerd in it restarted by "
                                       "DockerFixture's restart command (SIGTERM, start, poll /_ping every 100 ms); "
                                       "passerelle-helper on a private system bus in the namespace with real polkitd "
                                       "(a rule grants root). Expose(em1, br0, %3, %1, {persist: false}) then Confirm, "
                                       "against the seed's way by a script of the standard tools; %4 runs of each, "
                                       "alternating, after a first pair reported apart; medians (min-max).")
                            .arg(lanGateway, hostAddress, fixedCidr)
                            .arg(runs));
        report.note(QStringLiteral("Passerelle's steps (PlanDocker): ") + plannedSteps(lab) + QLatin1Char('.'));
        report.note(QStringLiteral("The script: ip link add br0 type bridge; ip link set br0 address <em1's MAC>; "
                                   "ip link set br0 up; ip addr del/add (em1 to br0); ip link set em1 master br0; "
                                   "ip route replace default via %1 dev br0; jq (set bridge, fixed-cidr, "
                                   "default-gateway, del bip) > daemon.json.new and rename; the restart command; "
                                   "curl /_ping until it answers. Each `ip -n` is one process, as in a script; "
                                   "no shell between them.")
                        .arg(lanGateway));
        Results r;
        measure(lab, runs, r);
        addRows(r, report);
        probeHelper(lab, report);
        section("removing the lab");
    } catch (const Abort &e) {
        std::fprintf(stderr, "\npasserelle-exposebench: %s\n", e.what());
        status = interrupted ? 130 : 1;
    }

    const QString loadAfter =
        QString::fromLatin1(run({QStringLiteral("cat"), QStringLiteral("/proc/loadavg")}).out).section(QLatin1Char(' '), 0, 2);
    report.note(QStringLiteral("Load average (1, 5, 15 min) %1 before, %2 after; total run %3 min.")
                    .arg(loadBefore, loadAfter, fmt(ms(nowNs() - started) / 60000)));
    if (status != 0)
        report.note(QStringLiteral("The run did not complete: the figures above are partial."));
    std::printf("\n%s", qPrintable(report.text()));
    if (!results.isEmpty()) {
        QFile f(results);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && f.write(report.markdown(QStringLiteral("cmake --build BUILD --target benchmark-expose")).toUtf8()) > 0)
            std::printf("\nWritten to %s\n", qPrintable(results));
        else
            std::fprintf(stderr, "passerelle-exposebench: cannot write %s\n", qPrintable(results));
    }
    return status;
}

#include "exposebench.moc"
