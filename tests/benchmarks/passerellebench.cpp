// passerelle-bench: the figures of issue 2's "Speed" section, each measured
// next to what iproute2 or docker does on the same data in the same run.
// Run as root; everything happens in network namespaces it creates (and a
// private dockerd in one of them), removed at the end, on failure and on
// Ctrl-C. Not a test: the machine is shared and noisy, so it prints figures
// (medians of interleaved runs) and says which goals were met.
//
//   passerelle-bench [--quick] [--results FILE] [--veths N] [--containers N[,N...]]
//                    [--idle-seconds N] [--runs N] [--no-gui] [--no-docker]
//                    [--docker-only] [--passerellectl PATH] [--candidate PATH]
// The same switches as environment variables, for `cmake --build --target
// benchmark`: PASSERELLE_BENCH_QUICK=1, PASSERELLE_BENCH_VETHS,
// PASSERELLE_BENCH_CONTAINERS, PASSERELLE_BENCH_IDLE_SECONDS,
// PASSERELLE_BENCH_RUNS, PASSERELLE_BENCH_NO_GUI=1, PASSERELLE_BENCH_NO_DOCKER=1.
#include "benchutil.h"
#include "dockerclient.h"
#include "dockerfixture.h"
#include "namespaceowners.h"
#include "netlinkmonitor.h"
#include "netnsfixture.h"
#include "report.h"
#include "topologyjson.h"
#include "topologymodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <cstdio>
#include <thread>

#include <unistd.h>

using namespace Bench;

namespace {

struct Config
{
    int veths = 1000;
    int peerNamespaces = 500;
    int bridges = 10;
    int runs = 15;             // cold runs of each command, interleaved
    int inProcessRuns = 5;
    int latencyEvents = 200;
    int guiRuns = 5;
    int panFrames = 120;
    int idleSeconds = 60;
    QList<int> containerSteps{100, 200}; // measured at each count, adding containers
    bool dockerOnly = false;
    int dockerRuns = 5;
    int dockerIdleSeconds = 30;
    int createParallel = 3;    // concurrent `docker run`
    bool gui = true;
    bool docker = true;
    bool quick = false;
    QString results;
    QString ctl = QStringLiteral(PASSERELLECTL_PATH);
    QString candidate;         // another passerellectl, measured in the same runs (sections 1 and 5)
#ifdef PASSERELLE_GUI_PATH
    QString guiBinary = QStringLiteral(PASSERELLE_GUI_PATH);
    QString guiProbe = QStringLiteral(PASSERELLE_BENCH_GUI_PATH);
#endif
};

QString nsPath(const QString &ns)
{
    return QStringLiteral("/run/netns/") + ns;
}

// Both sides of every comparison enter the namespace the same way.
QStringList inNs(const QString &ns, const QStringList &command)
{
    return QStringList{QStringLiteral("nsenter"), QStringLiteral("--net=") + nsPath(ns)} + command;
}

QString msText(double v)
{
    return v < 10 ? fmt(v, 2) + QStringLiteral(" ms") : fmt(v, 1) + QStringLiteral(" ms");
}

QString withP90(const Stats &s)
{
    return QStringLiteral("%1 (p90 %2)").arg(msText(s.p50), msText(s.p90));
}

QString ratioText(double ours, double theirs)
{
    return theirs > 0 ? fmt(ours / theirs, 2) + QStringLiteral("x") : QStringLiteral("-");
}

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

QJsonDocument parseJson(const QByteArray &bytes, const char *what)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isNull())
        throw Abort(QStringLiteral("%1: invalid JSON: %2").arg(QLatin1String(what), error.errorString()).toStdString());
    return doc;
}

// ---------------------------------------------------------------------------
// The lab: one namespace with VETHS veths whose peers live in
// PEERNAMESPACES other namespaces, BRIDGES bridges with half the veths as
// ports, everything up (so the veths have carrier and IPv6 link-local
// addresses, as a Docker host's have); and an empty namespace as baseline.

struct Lab
{
    QString big;
    QString empty;
    QStringList peers;
    int veths = 0;
    int bridges = 0;
    int perPeer = 1;
    int bigLinks() const { return 1 + veths + bridges; }
    QString peerOf(int veth) const { return peers.at(veth / perPeer); }
};

Lab buildLab(NetnsFixture &fx, const Config &cfg, Report &report)
{
    const qint64 t0 = nowNs();
    Lab lab;
    lab.veths = cfg.veths;
    lab.bridges = cfg.bridges;
    lab.perPeer = std::max(1, (cfg.veths + cfg.peerNamespaces - 1) / cfg.peerNamespaces);
    lab.big = fx.create(QStringLiteral("big"));
    lab.empty = fx.create(QStringLiteral("empty"));
    if (lab.big.isEmpty() || lab.empty.isEmpty())
        throw Abort("cannot create network namespaces");
    for (int j = 0; j * lab.perPeer < cfg.veths; ++j) {
        checkInterrupted();
        const QString name = fx.create(QStringLiteral("n%1").arg(j));
        if (name.isEmpty())
            throw Abort("cannot create network namespaces");
        lab.peers.append(name);
    }
    progress(QStringLiteral("%1 namespaces in %2 s").arg(lab.peers.size() + 2).arg(fmt(ms(nowNs() - t0) / 1000)));

    QStringList commands;
    for (int i = 0; i < lab.veths; ++i) {
        commands.append(QStringLiteral("link add v%1 type veth peer name eth%2 netns %3")
                            .arg(i)
                            .arg(i % lab.perPeer)
                            .arg(lab.peerOf(i)));
    }
    for (int b = 0; b < lab.bridges; ++b) {
        commands.append(QStringLiteral("link add br%1 type bridge").arg(b));
        commands.append(QStringLiteral("link set br%1 up").arg(b));
    }
    for (int i = 0; i < lab.veths / 2 && lab.bridges > 0; ++i)
        commands.append(QStringLiteral("link set v%1 master br%2").arg(i).arg(i % lab.bridges));
    for (int i = 0; i < lab.veths; ++i)
        commands.append(QStringLiteral("link set v%1 up").arg(i));
    QString error;
    if (!fx.ipBatch(lab.big, commands, &error))
        throw Abort(("ip -batch failed: " + error).toStdString());
    for (int j = 0; j < lab.peers.size(); ++j) {
        checkInterrupted();
        QStringList up;
        for (int k = 0; k < lab.perPeer && j * lab.perPeer + k < lab.veths; ++k)
            up.append(QStringLiteral("link set eth%1 up").arg(k));
        if (!fx.ipBatch(lab.peers.at(j), up, &error))
            throw Abort(("ip -batch failed: " + error).toStdString());
    }
    const RunResult check = runChecked({QStringLiteral("ip"), QStringLiteral("-n"), lab.big, QStringLiteral("-j"),
                                        QStringLiteral("link"), QStringLiteral("show")});
    const int count = int(parseJson(check.out, "ip -j link show").array().size());
    if (count != lab.bigLinks())
        throw Abort(QStringLiteral("the lab has %1 links, expected %2").arg(count).arg(lab.bigLinks()).toStdString());
    const double seconds = ms(nowNs() - t0) / 1000;
    report.note(QStringLiteral("Lab: %1 veths in one namespace, peers in %2 namespaces (%3 each), %4 bridges with "
                               "%5 veths as ports, all up; built in %6 s with ip -batch.")
                    .arg(lab.veths)
                    .arg(lab.peers.size())
                    .arg(lab.perPeer)
                    .arg(lab.bridges)
                    .arg(lab.bridges > 0 ? lab.veths / 2 : 0)
                    .arg(fmt(seconds)));
    return lab;
}

// ---------------------------------------------------------------------------
// 1. topology --json against ip -j -d link show; owners; memory.

// The veths' owners must be the named namespaces that hold their peers.
void checkTopologyJson(const QByteArray &out, const Lab &lab)
{
    const QJsonArray links = parseJson(out, "passerellectl topology --json").object().value(QStringLiteral("links")).toArray();
    if (links.size() < lab.bigLinks())
        throw Abort(QStringLiteral("topology --json shows %1 links, expected %2").arg(links.size()).arg(lab.bigLinks()).toStdString());
    int checked = 0;
    for (const QJsonValue &v : links) {
        const QJsonObject l = v.toObject();
        const QString name = l.value(QStringLiteral("name")).toString();
        if (l.value(QStringLiteral("kind")).toString() != QLatin1String("veth") || !name.startsWith(QLatin1Char('v')))
            continue;
        bool ok = false;
        const int i = name.mid(1).toInt(&ok);
        if (!ok || i < 0 || i >= lab.veths)
            continue;
        const QJsonObject owner = l.value(QStringLiteral("owner")).toObject();
        if (owner.value(QStringLiteral("type")).toString() != QLatin1String("netns")
            || owner.value(QStringLiteral("name")).toString() != lab.peerOf(i)) {
            throw Abort(QStringLiteral("wrong owner for %1: %2, expected netns %3")
                            .arg(name, QString::fromUtf8(QJsonDocument(owner).toJson(QJsonDocument::Compact)), lab.peerOf(i))
                            .toStdString());
        }
        ++checked;
    }
    if (checked != lab.veths)
        throw Abort(QStringLiteral("topology --json shows %1 of the %2 veths").arg(checked).arg(lab.veths).toStdString());
}

void benchTopology(const Lab &lab, const Config &cfg, Report &report)
{
    section("1. topology --json vs ip -j -d link show");
    const QStringList ctl = inNs(lab.big, {cfg.ctl, QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("--no-docker")});
    const QStringList ip = inNs(lab.big, {QStringLiteral("ip"), QStringLiteral("-j"), QStringLiteral("-d"), QStringLiteral("link"), QStringLiteral("show")});

    // A first run of each warms the page cache and checks the output.
    const RunResult first = runChecked(ctl);
    checkTopologyJson(first.out, lab);
    const int ipLinks = int(parseJson(runChecked(ip).out, "ip -j -d link show").array().size());
    if (ipLinks != lab.bigLinks())
        throw Abort("ip -j -d link show does not see the lab");

    QStringList cand = ctl;
    if (!cfg.candidate.isEmpty()) {
        cand[2] = cfg.candidate;
        checkTopologyJson(runChecked(cand).out, lab);
    }
    std::vector<double> ours, theirs, oursRss, theirsRss, oursFirst, theirsFirst, candidate;
    for (int r = 0; r < cfg.runs; ++r) {
        checkInterrupted();
        // Rotate which goes first, so none always follows another.
        const int kinds = cfg.candidate.isEmpty() ? 2 : 3;
        for (int k = 0; k < kinds; ++k) {
            const int kind = (r + k) % kinds;
            if (kind == 2) {
                candidate.push_back(ms(runChecked(cand).wallNs));
                continue;
            }
            const bool passerelle = kind == 0;
            const RunResult res = runChecked(passerelle ? ctl : ip);
            (passerelle ? ours : theirs).push_back(ms(res.wallNs));
            (passerelle ? oursRss : theirsRss).push_back(double(res.maxRssKb));
            (passerelle ? oursFirst : theirsFirst).push_back(ms(res.firstOutNs - res.startNs));
        }
    }
    const Stats a = stats(ours), b = stats(theirs);
    const double ratio = a.p50 / b.p50;
    report.add({QStringLiteral("1"),
                QStringLiteral("`topology --json --no-docker`, %1 links (median of %2)").arg(lab.bigLinks()).arg(cfg.runs),
                withP90(a), QStringLiteral("`ip -j -d link show` ") + withP90(b), ratioText(a.p50, b.p50),
                QStringLiteral("<= 3x"), ratio <= 3 ? Verdict::Met : Verdict::Missed});
    if (!candidate.empty()) {
        const Stats c = stats(candidate);
        report.add({QStringLiteral("1"), QStringLiteral("same, candidate build %1").arg(cfg.candidate), withP90(c),
                    QStringLiteral("`ip -j -d link show` ") + withP90(b), ratioText(c.p50, b.p50), QStringLiteral("<= 3x"),
                    c.p50 / b.p50 <= 3 ? Verdict::Met : Verdict::Missed});
    }
    report.note(QStringLiteral("1: peak RSS (ru_maxrss) of one `topology --json` run %1 MiB, of `ip -j -d link show` %2 MiB; "
                               "first byte on stdout after %3 and %4. The JSON was checked: %5 links, every veth owned by "
                               "the named namespace of its peer.")
                    .arg(fmt(stats(oursRss).p50 / 1024), fmt(stats(theirsRss).p50 / 1024))
                    .arg(msText(stats(oursFirst).p50), msText(stats(theirsFirst).p50))
                    .arg(lab.bigLinks()));
}

// The same work inside this process, to split the CLI's wall time into
// process start, model (dump + owners) and JSON; and the owner lookup alone.
void benchInProcess(NetnsFixture &fx, const Lab &lab, const Config &cfg, Report &report)
{
    section("1. in-process: model ready, JSON, namespace owners");
    if (!fx.enter(lab.big))
        throw Abort("cannot enter the lab namespace");
    struct Leave
    {
        ~Leave() { NetnsFixture::leave(); }
    } leave;

    std::vector<double> ready, json;
    for (int r = 0; r < cfg.inProcessRuns; ++r) {
        checkInterrupted();
        Passerelle::TopologyModel model;
        Passerelle::TopologyModel::Options options;
        options.live = false;
        options.docker = false;
        QEventLoop loop;
        QObject::connect(&model, &Passerelle::TopologyModel::ready, &loop, &QEventLoop::quit);
        QObject::connect(&model, &Passerelle::TopologyModel::netlinkFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        const qint64 t0 = nowNs();
        model.start(options);
        if (!model.isReady())
            loop.exec();
        const qint64 t1 = nowNs();
        if (!model.isReady() || model.links().size() != lab.bigLinks())
            throw Abort("the in-process model did not read the lab");
        const QByteArray doc = QJsonDocument(Passerelle::topologyToJson(model)).toJson(QJsonDocument::Indented);
        const qint64 t2 = nowNs();
        ready.push_back(ms(t1 - t0));
        json.push_back(ms(t2 - t1));
        model.stop();
    }
    // The netlink dump alone, as the model's reader makes it in one-shot mode.
    std::vector<double> dumps;
    for (int r = 0; r < cfg.inProcessRuns; ++r) {
        Passerelle::NetlinkMonitor monitor;
        int seen = 0;
        QObject::connect(&monitor, &Passerelle::NetlinkMonitor::snapshot,
                         [&seen](const QList<Passerelle::Link> &links, const QList<Passerelle::DefaultRoute> &) { seen = int(links.size()); });
        const qint64 t0 = nowNs();
        monitor.start(false);
        dumps.push_back(ms(nowNs() - t0));
        if (seen != lab.bigLinks())
            throw Abort("NetlinkMonitor did not read the lab");
    }

    // Owners: the lookup the model's worker makes for namespaces Docker
    // does not claim, over the lab's peer namespaces.
    QList<int> nsids;
    for (const QString &peer : lab.peers) {
        const int nsid = Passerelle::NetlinkMonitor::netnsIdForPath(nsPath(peer));
        if (nsid < 0)
            throw Abort(("no nsid for " + peer).toStdString());
        nsids.append(nsid);
    }
    std::vector<double> lookups, ipLookups;
    // `ip netns list` asks the nsid of every /run/netns entry, as the lookup
    // does (`ip netns list-id` would be closer but iproute2 6.1 stops after
    // the first part of the kernel's multi-part answer).
    const QStringList listId = inNs(lab.big, {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("list")});
    for (int r = 0; r < cfg.inProcessRuns; ++r) {
        checkInterrupted();
        const qint64 t0 = nowNs();
        const QHash<int, Passerelle::Owner> owners = Passerelle::NamespaceOwners::lookup(nsids);
        lookups.push_back(ms(nowNs() - t0));
        for (int j = 0; j < lab.peers.size(); ++j) {
            const Passerelle::Owner o = owners.value(nsids.at(j));
            if (o.type != QLatin1String("netns") || o.name != lab.peers.at(j))
                throw Abort(("NamespaceOwners::lookup got the wrong owner for " + lab.peers.at(j)).toStdString());
        }
        const RunResult res = runChecked(listId);
        if (res.out.count("(id: ") < lab.peers.size())
            throw Abort("ip netns list does not show the nsids of the lab's namespaces");
        ipLookups.push_back(ms(res.wallNs));
    }
    const int others = int(QDir(QStringLiteral("/run/netns")).entryList(QDir::Files | QDir::System).size());
    const double per = stats(lookups).p50 / lab.peers.size() * 1000;
    const double ipPer = stats(ipLookups).p50 / lab.peers.size() * 1000;
    report.add({QStringLiteral("1"),
                QStringLiteral("owner per namespace (`NamespaceOwners::lookup` of %1 nsids) / %1").arg(lab.peers.size()),
                fmt(per, 1) + QStringLiteral(" µs"), QStringLiteral("`ip netns list` ") + fmt(ipPer, 1) + QStringLiteral(" µs"),
                ratioText(per, ipPer), QString(), Verdict::None});
    report.note(QStringLiteral("1: owners: the lookup took %1 for the %2 nsids in one process, `ip netns list` %3 as a process "
                               "of its own (start included); both walk /run/netns, which held %4 namespaces during the run "
                               "(other users' too), and ask the kernel for each one's nsid.")
                    .arg(msText(stats(lookups).p50))
                    .arg(lab.peers.size())
                    .arg(msText(stats(ipLookups).p50))
                    .arg(others));
    const double model = stats(ready).p50, dump = stats(dumps).p50, owners = stats(lookups).p50;
    report.note(QStringLiteral("1: where `topology --json` spends its time, in one process (medians of %1): TopologyModel "
                               "ready in %2, of which the netlink dump (NetlinkMonitor one-shot, libnl caches + conversion) "
                               "%3 and NamespaceOwners::lookup %4, leaving %5 for the model's thread hops, its 20 ms owner "
                               "coalescing timer and applying links and owners; then topologyToJson + toJson(Indented) %6. "
                               "The rest of the CLI's wall time is process start (dynamic linking of Qt) and exit.")
                    .arg(cfg.inProcessRuns)
                    .arg(msText(model), msText(dump), msText(owners), msText(model - dump - owners), msText(stats(json).p50)));
}

// ---------------------------------------------------------------------------
// 2. monitor: memory, latency.

bool isLinkAdded(const QByteArray &line, const QString &name)
{
    return line.contains("\"event\":\"link-added\"") && line.contains("\"name\":\"" + name.toLatin1() + '"');
}

bool isIpMonitorAdd(const QByteArray &line, const QString &name)
{
    return !line.startsWith("Deleted") && line.contains(": " + name.toLatin1() + ':');
}

// Adds a bridge until the monitor reports one: it prints only what happens
// after its model is ready. Returns an upper bound of the time to ready.
double waitMonitorReady(Background &monitor, const QString &ns, int &probe)
{
    const qint64 deadline = nowNs() + qint64(120) * 1000000000;
    for (;;) {
        checkInterrupted();
        if (!monitor.isRunning())
            throw Abort(("passerellectl monitor ended: " + QString::fromLocal8Bit(monitor.stderrText())).toStdString());
        const QString name = QStringLiteral("probe%1").arg(probe++);
        const int from = monitor.lineCount();
        runChecked({QStringLiteral("ip"), QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("add"), name,
                    QStringLiteral("type"), QStringLiteral("bridge")});
        const int idx = monitor.waitFor(from, [&name](const QByteArray &l) { return isLinkAdded(l, name); }, 150);
        runChecked({QStringLiteral("ip"), QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("del"), name});
        if (idx >= 0)
            return ms(monitor.line(idx).ns - monitor.startedNs());
        if (nowNs() > deadline)
            throw Abort("passerellectl monitor never became ready");
    }
}

struct Monitors
{
    Background big;
    Background empty;
    Background ip;
};

void benchMonitor(const Lab &lab, const Config &cfg, Monitors &m, Report &report)
{
    section("2. monitor: memory and latency");
    const QStringList args{cfg.ctl, QStringLiteral("monitor"), QStringLiteral("--json"), QStringLiteral("--no-docker")};
    if (!m.ip.start(inNs(lab.big, {QStringLiteral("ip"), QStringLiteral("monitor"), QStringLiteral("link")}))
        || !m.big.start(inNs(lab.big, args)) || !m.empty.start(inNs(lab.empty, args)))
        throw Abort("cannot start the monitors");
    int probe = 0;
    const double readyBig = waitMonitorReady(m.big, lab.big, probe);
    const double readyEmpty = waitMonitorReady(m.empty, lab.empty, probe);
    waitUntilIdle(m.big.pid(), 1000, 30000);
    waitUntilIdle(m.empty.pid(), 1000, 30000);
    const long rssBig = statusKb(m.big.pid(), "VmRSS"), rssEmpty = statusKb(m.empty.pid(), "VmRSS");
    const long hwmBig = statusKb(m.big.pid(), "VmHWM"), hwmEmpty = statusKb(m.empty.pid(), "VmHWM");
    const long rssIp = statusKb(m.ip.pid(), "VmRSS");
    const int extra = lab.bigLinks() - 1;
    const double perLink = double(rssBig - rssEmpty) * 1024 / extra;
    const double hwmPerLink = double(hwmBig - hwmEmpty) * 1024 / extra;
    report.add({QStringLiteral("1"),
                QStringLiteral("RSS per link (`monitor`, lab minus empty namespace) / %1").arg(extra),
                fmt(perLink / 1024, 2) + QStringLiteral(" KiB"),
                QStringLiteral("`ip monitor link` ") + fmt(double(rssIp) / 1024) + QStringLiteral(" MiB in all, no state"),
                QString(), QString(), Verdict::None});
    report.note(QStringLiteral("1: memory: `monitor --json --no-docker` VmRSS %1 MiB in the lab, %2 MiB in an empty namespace, "
                               "after it became ready and went idle; peak (VmHWM) per link %3 KiB. It was ready within %4 in "
                               "the lab and %5 in the empty namespace (first change printed; an upper bound).")
                    .arg(fmt(double(rssBig) / 1024), fmt(double(rssEmpty) / 1024), fmt(hwmPerLink / 1024, 2),
                         msText(readyBig), msText(readyEmpty)));

    // Latency: one bridge at a time, spaced, seen by both monitors at once.
    std::vector<double> fromExit, fromSpawn, ipFromExit, ipFromSpawn, behindIp;
    int lost = 0;
    QStringList cleanup;
    for (int i = 0; i < cfg.latencyEvents; ++i) {
        checkInterrupted();
        const QString name = QStringLiteral("lat%1").arg(i);
        const int fromOurs = m.big.lineCount(), fromIp = m.ip.lineCount();
        const RunResult add = runChecked({QStringLiteral("ip"), QStringLiteral("-n"), lab.big, QStringLiteral("link"),
                                          QStringLiteral("add"), name, QStringLiteral("type"), QStringLiteral("bridge")});
        cleanup.append(QStringLiteral("link del ") + name);
        const qint64 exited = add.startNs + add.wallNs;
        const int a = m.big.waitFor(fromOurs, [&name](const QByteArray &l) { return isLinkAdded(l, name); }, 3000);
        const int b = m.ip.waitFor(fromIp, [&name](const QByteArray &l) { return isIpMonitorAdd(l, name); }, 3000);
        if (a < 0 || b < 0) {
            ++lost;
            continue;
        }
        const qint64 ta = m.big.line(a).ns, tb = m.ip.line(b).ns;
        fromExit.push_back(ms(ta - exited));
        fromSpawn.push_back(ms(ta - add.startNs));
        ipFromExit.push_back(ms(tb - exited));
        ipFromSpawn.push_back(ms(tb - add.startNs));
        behindIp.push_back(ms(ta - tb));
        sleepMs(15 + int(QRandomGenerator::global()->bounded(20)));
    }
    QFile batch(QDir::tempPath() + QStringLiteral("/psl-bench-%1.batch").arg(QCoreApplication::applicationPid()));
    if (batch.open(QIODevice::WriteOnly)) {
        batch.write(cleanup.join(QLatin1Char('\n')).toUtf8() + '\n');
        batch.close();
        run({QStringLiteral("ip"), QStringLiteral("-n"), lab.big, QStringLiteral("-force"), QStringLiteral("-batch"), batch.fileName()});
        batch.remove();
    }
    if (fromExit.empty())
        throw Abort("no monitor event was seen");
    const Stats s = stats(fromExit), sp = stats(fromSpawn), ip = stats(ipFromExit), ipsp = stats(ipFromSpawn), d = stats(behindIp);
    auto pcts = [](const Stats &x) {
        return QStringLiteral("p50 %1 / p90 %2 / p99 %3 ms").arg(fmt(x.p50, 2), fmt(x.p90, 2), fmt(x.p99, 2));
    };
    report.add({QStringLiteral("2"),
                QStringLiteral("`monitor --json` latency: `ip link add` spawned -> JSON line read (%1 events)").arg(sp.n),
                pcts(sp), QStringLiteral("`ip monitor link` ") + pcts(ipsp), ratioText(sp.p50, ipsp.p50),
                QStringLiteral("p50 < 10 ms"), sp.p50 < 10 ? Verdict::Met : Verdict::Missed});
    report.add({QStringLiteral("2"), QStringLiteral("same, from `ip link add` exited"), pcts(s),
                QStringLiteral("`ip monitor link` ") + pcts(ip), QString(), QString(), Verdict::None});
    report.add({QStringLiteral("2"), QStringLiteral("`monitor` line read after `ip monitor`'s, same event"), pcts(d),
                QString(), QString(), QString(), Verdict::None});
    report.note(QStringLiteral("2: one bridge added every 15-35 ms with `ip -n LAB link add`, both monitors running at once in "
                               "the lab and seeing the same events. Spawn-based figures include the start of `ip` itself; "
                               "exit-based ones are negative when the event was printed before `ip` was reaped. The goal is "
                               "judged on the spawn-based p50, an upper bound. %1 of %2 events were not seen within 3 s.")
                    .arg(lost)
                    .arg(cfg.latencyEvents));
}

// ---------------------------------------------------------------------------
// 3. GUI: first paint and frames.

#ifdef PASSERELLE_GUI_PATH
QJsonObject runGuiProbe(const QString &ns, const Config &cfg, const QStringList &args, qint64 *spawnNs,
                        double *exitMs = nullptr)
{
    const RunResult r = run(inNs(ns, QStringList{cfg.guiProbe} + args), {QStringLiteral("QT_QPA_PLATFORM=offscreen")}, 300000);
    const QByteArray line = r.out.trimmed().split('\n').constLast();
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (r.exitCode != 0 || !o.value(QStringLiteral("ok")).toBool()) {
        throw Abort(QStringLiteral("passerelle-bench-gui failed (exit %1): %2 %3")
                        .arg(r.exitCode)
                        .arg(QString::fromLocal8Bit(line.left(500)), QString::fromLocal8Bit(r.err.right(1500)))
                        .toStdString());
    }
    *spawnNs = r.startNs;
    // The probe prints its line just before the window and the model are destroyed.
    if (exitMs)
        *exitMs = ms(r.startNs + r.wallNs - r.firstOutNs);
    return o;
}

void reportPan(Report &report, const QJsonObject &pan, const QString &what)
{
    const QJsonObject full = pan.value(QStringLiteral("full")).toObject();
    const QJsonObject inc = pan.value(QStringLiteral("incremental")).toObject();
    const double p50 = full.value(QStringLiteral("p50")).toDouble();
    report.add({QStringLiteral("3"),
                QStringLiteral("frame while panning, %1, zoom %2% (%3 nodes in view)")
                    .arg(what)
                    .arg(qRound(pan.value(QStringLiteral("zoom")).toDouble() * 100))
                    .arg(pan.value(QStringLiteral("visible_nodes")).toInt()),
                QStringLiteral("%1 (p90 %2)").arg(msText(p50), msText(full.value(QStringLiteral("p90")).toDouble())),
                QString(), QString(), QStringLiteral("< 16 ms"), p50 < 16 ? Verdict::Met : Verdict::Missed});
    report.note(QStringLiteral("3: panning %1 at zoom %2%: whole viewport (%3) redrawn p50 %4 / p90 %5; scroll + strip p50 %6 / p90 %7.")
                    .arg(what)
                    .arg(qRound(pan.value(QStringLiteral("zoom")).toDouble() * 100))
                    .arg(pan.value(QStringLiteral("viewport")).toString())
                    .arg(msText(p50), msText(full.value(QStringLiteral("p90")).toDouble()),
                         msText(inc.value(QStringLiteral("p50")).toDouble()), msText(inc.value(QStringLiteral("p90")).toDouble())));
}

void benchGui(const Lab &lab, const Config &cfg, Report &report)
{
    section("3. GUI: first paint and frames (offscreen)");
    std::vector<double> total, start, model, layout, paint;
    const QStringList ipArgs = inNs(lab.big, {QStringLiteral("ip"), QStringLiteral("-d"), QStringLiteral("link"), QStringLiteral("show")});
    std::vector<double> ipTimes, exits;
    QJsonObject last;
    for (int r = 0; r < cfg.guiRuns; ++r) {
        checkInterrupted();
        const bool pan = r == cfg.guiRuns - 1;
        qint64 spawn = 0;
        double exitMs = 0;
        const QJsonObject o = runGuiProbe(lab.big, cfg, pan ? QStringList{QStringLiteral("--pan"), QString::number(cfg.panFrames)} : QStringList(),
                                          &spawn, &exitMs);
        exits.push_back(exitMs);
        auto t = [&o](const char *key) { return qint64(o.value(QLatin1String(key)).toDouble()); };
        total.push_back(ms(t("t_paint") - spawn));
        start.push_back(ms(t("t_main") - spawn));
        model.push_back(ms(t("t_ready") - t("t_main")));
        layout.push_back(ms(t("t_graph") - t("t_ready")));
        paint.push_back(ms(t("t_paint") - t("t_graph")));
        ipTimes.push_back(ms(runChecked(ipArgs).wallNs));
        if (pan)
            last = o;
    }
    const Stats s = stats(total);
    const double ip = stats(ipTimes).p50;
    report.add({QStringLiteral("3"),
                QStringLiteral("GUI first paint of the laid-out graph, from spawn, %1 nodes (median of %2)")
                    .arg(last.value(QStringLiteral("nodes")).toInt())
                    .arg(s.n),
                withP90(s), QStringLiteral("`ip -d link show` ") + msText(ip), ratioText(s.p50, ip),
                QStringLiteral("< 500 ms"), s.p50 < 500 ? Verdict::Met : Verdict::Missed});
    report.note(QStringLiteral("3: first paint, medians: process start to main() %1, main() to model ready %2 (QApplication, "
                               "window, netlink dump, owners), ready to graph laid out %3, to the end of the first paint %4. "
                               "Scene: %5 nodes, %6 edges, %7 bus items, %8 items in all, %9 units, fitted at zoom %10. "
                               "Closing (window, scene and model destroyed, process gone) took %11.")
                    .arg(msText(stats(start).p50), msText(stats(model).p50), msText(stats(layout).p50), msText(stats(paint).p50))
                    .arg(last.value(QStringLiteral("nodes")).toInt())
                    .arg(last.value(QStringLiteral("edges")).toInt())
                    .arg(last.value(QStringLiteral("buses")).toInt())
                    .arg(last.value(QStringLiteral("items")).toInt())
                    .arg(last.value(QStringLiteral("scene")).toString())
                    .arg(fmt(last.value(QStringLiteral("fit_zoom")).toDouble(), 3))
                    .arg(msText(stats(exits).p50)));

    // The goal's 2,000 nodes: a made-up host of 10 bridges x 100 veths, each
    // peer in a namespace of its own (no kernel needed; run in the empty namespace).
    qint64 spawn = 0;
    const QJsonObject synthetic = runGuiProbe(lab.empty, cfg, {QStringLiteral("--synthetic"), QStringLiteral("--pan"), QString::number(cfg.panFrames)}, &spawn);
    const QString synthName = QStringLiteral("made-up host, %1 nodes").arg(synthetic.value(QStringLiteral("nodes")).toInt());
    for (const QJsonValue &p : synthetic.value(QStringLiteral("pan")).toArray())
        reportPan(report, p.toObject(), synthName);
    const QString realName = QStringLiteral("lab (%1 nodes)").arg(last.value(QStringLiteral("nodes")).toInt());
    for (const QJsonValue &p : last.value(QStringLiteral("pan")).toArray()) {
        if (qFuzzyCompare(p.toObject().value(QStringLiteral("zoom")).toDouble(), 1.0))
            reportPan(report, p.toObject(), realName);
    }
    for (const auto &[o, name] : {std::pair{synthetic, synthName}, std::pair{last, realName}}) {
        const QJsonObject fit = o.value(QStringLiteral("fit")).toObject();
        const double p50 = fit.value(QStringLiteral("p50")).toDouble();
        report.add({QStringLiteral("3"),
                    QStringLiteral("frame, whole graph in view, %1, zoom %2%")
                        .arg(name, fmt(fit.value(QStringLiteral("zoom")).toDouble() * 100, 0)),
                    QStringLiteral("%1 (p90 %2)").arg(msText(p50), msText(fit.value(QStringLiteral("p90")).toDouble())),
                    QString(), QString(), QStringLiteral("< 16 ms"), p50 < 16 ? Verdict::Met : Verdict::Missed});
    }
    report.note(QStringLiteral("3: frames on the offscreen platform (raster, antialiased), %1 per measure: \"whole viewport\" "
                               "scrolls 40 px then repaints the entire viewport; \"scroll + strip\" lets Qt scroll the "
                               "backing store and paint the uncovered strip, as a drag does.")
                    .arg(cfg.panFrames));
}
#endif

// ---------------------------------------------------------------------------
// 4. Idle CPU.

void benchIdle(const Lab &lab, const Config &cfg, Monitors &m, Report &report)
{
    section("4. idle CPU");
    Background gui;
#ifdef PASSERELLE_GUI_PATH
    if (cfg.gui) {
        // Docker as a user without a daemon has it: the socket is missing.
        const QString noDocker = QStringLiteral("DOCKER_HOST=unix://%1/psl-bench-%2-no-docker.sock")
                                     .arg(QDir::tempPath())
                                     .arg(QCoreApplication::applicationPid());
        if (!gui.start(inNs(lab.big, {cfg.guiBinary}), {QStringLiteral("QT_QPA_PLATFORM=offscreen"), noDocker}))
            throw Abort("cannot start the GUI");
        sleepMs(500);
        if (!waitUntilIdle(gui.pid(), 3000, 60000))
            progress(QStringLiteral("the GUI did not settle within 60 s; measuring anyway"));
    }
#endif
    waitUntilIdle(m.big.pid(), 2000, 30000);
    progress(QStringLiteral("measuring %1 s").arg(cfg.idleSeconds));
    const QList<Background *> procs{&m.big, &m.ip, &gui};
    QList<double> before;
    for (Background *p : procs)
        before.append(p->pid() > 0 ? cpuSeconds(p->pid()) : 0);
    const qint64 t0 = nowNs();
    while (nowNs() - t0 < qint64(cfg.idleSeconds) * 1000000000) {
        checkInterrupted();
        sleepMs(100);
    }
    const double seconds = ms(nowNs() - t0) / 1000;
    QList<double> pct;
    for (int i = 0; i < procs.size(); ++i)
        pct.append(procs[i]->pid() > 0 ? (cpuSeconds(procs[i]->pid()) - before[i]) / seconds * 100 : -1);
    const QString ref = QStringLiteral("`ip monitor link` %1%").arg(fmt(pct[1], 3));
    report.add({QStringLiteral("4"),
                QStringLiteral("idle CPU, `monitor --json --no-docker` in the lab (%1 s, % of a core)").arg(cfg.idleSeconds),
                fmt(pct[0], 3) + QLatin1Char('%'), ref, QString(), QStringLiteral("< 0.5%"),
                pct[0] < 0.5 ? Verdict::Met : Verdict::Missed});
    if (gui.pid() > 0) {
        report.add({QStringLiteral("4"),
                    QStringLiteral("idle CPU, GUI `passerelle` in the lab (offscreen, no Docker socket)"),
                    fmt(pct[2], 3) + QLatin1Char('%'), ref, QString(), QStringLiteral("< 0.5%"),
                    pct[2] < 0.5 ? Verdict::Met : Verdict::Missed});
        report.note(QStringLiteral("4: the GUI's VmRSS with the lab on screen: %1 MiB; CPU times from /proc/PID/stat "
                                   "(utime + stime, all threads, %2 Hz ticks).")
                        .arg(fmt(double(statusKb(gui.pid(), "VmRSS")) / 1024))
                        .arg(::sysconf(_SC_CLK_TCK)));
    }
    gui.stop();
}

// ---------------------------------------------------------------------------
// 5. Real Docker: topology against the admin's pipeline.

struct Pipeline
{
    double totalMs = 0;
    double ipMs = 0, bridgeMs = 0, psMs = 0, inspectMs = 0, nsenterMs = 0;
    int containers = 0;
    int peersFound = 0;
};

// What an admin runs today to see which container sits behind which veth.
Pipeline adminPipeline(const QString &ns, const QStringList &env)
{
    Pipeline p;
    const RunResult ip = runChecked(inNs(ns, {QStringLiteral("ip"), QStringLiteral("-j"), QStringLiteral("-d"), QStringLiteral("link"), QStringLiteral("show")}));
    const RunResult br = runChecked(inNs(ns, {QStringLiteral("bridge"), QStringLiteral("-j"), QStringLiteral("link")}));
    const RunResult ps = runChecked({QStringLiteral("docker"), QStringLiteral("ps"), QStringLiteral("-q")}, env);
    const QStringList ids = QString::fromLatin1(ps.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const RunResult inspect = runChecked(QStringList{QStringLiteral("docker"), QStringLiteral("inspect")} + ids, env);
    p.ipMs = ms(ip.wallNs);
    p.bridgeMs = ms(br.wallNs);
    p.psMs = ms(ps.wallNs);
    p.inspectMs = ms(inspect.wallNs);
    QSet<int> hostIndexes;
    for (const QJsonValue &l : parseJson(ip.out, "ip -j -d link show").array())
        hostIndexes.insert(l.toObject().value(QStringLiteral("ifindex")).toInt());
    for (const QJsonValue &c : parseJson(inspect.out, "docker inspect").array()) {
        const qint64 pid = c.toObject().value(QStringLiteral("State")).toObject().value(QStringLiteral("Pid")).toInteger();
        const RunResult links = runChecked({QStringLiteral("nsenter"), QStringLiteral("-t"), QString::number(pid), QStringLiteral("-n"),
                                            QStringLiteral("ip"), QStringLiteral("-j"), QStringLiteral("link")});
        p.nsenterMs += ms(links.wallNs);
        ++p.containers;
        for (const QJsonValue &l : parseJson(links.out, "ip -j link").array()) {
            const QJsonObject o = l.toObject();
            if (o.value(QStringLiteral("ifname")).toString() == QLatin1String("eth0")
                && hostIndexes.contains(o.value(QStringLiteral("link_index")).toInt()))
                ++p.peersFound;
        }
    }
    p.totalMs = p.ipMs + p.bridgeMs + p.psMs + p.inspectMs + p.nsenterMs;
    return p;
}

void checkDockerJson(const QByteArray &out, int expected)
{
    const QJsonObject o = parseJson(out, "passerellectl topology --json").object();
    QSet<QString> names;
    for (const QJsonValue &c : o.value(QStringLiteral("containers")).toArray())
        names.insert(c.toObject().value(QStringLiteral("name")).toString());
    int owned = 0;
    for (const QJsonValue &l : o.value(QStringLiteral("links")).toArray()) {
        const QJsonObject owner = l.toObject().value(QStringLiteral("owner")).toObject();
        if (owner.value(QStringLiteral("type")).toString() == QLatin1String("docker")
            && names.contains(owner.value(QStringLiteral("name")).toString()))
            ++owned;
    }
    if (names.size() < expected || owned < expected) {
        throw Abort(QStringLiteral("topology --json shows %1 containers and %2 veths owned by them, expected %3 (docker: %4)")
                        .arg(names.size())
                        .arg(owned)
                        .arg(expected)
                        .arg(QString::fromUtf8(QJsonDocument(o.value(QStringLiteral("docker")).toObject()).toJson(QJsonDocument::Compact)))
                        .toStdString());
    }
}

// Where the CLI's time goes with Docker, inside one process in the
// daemon's namespace: the Docker client alone (ping, list, one inspect per
// container), the nsid of each container, the whole model, the JSON.
void dockerInProcess(NetnsFixture &fx, const QString &ns, const QString &endpoint, int count, const Config &cfg,
                     Report &report)
{
    if (!fx.enter(ns))
        throw Abort("cannot enter the Docker namespace");
    struct Leave
    {
        ~Leave() { NetnsFixture::leave(); }
    } leave;
    std::vector<double> client, model, json, nsids;
    for (int r = 0; r < cfg.inProcessRuns; ++r) {
        checkInterrupted();
        {
            Passerelle::DockerClient docker(endpoint);
            QEventLoop loop;
            int listed = -1;
            QObject::connect(&docker, &Passerelle::DockerClient::containersReset, &loop,
                             [&](const QList<Passerelle::Container> &list) {
                                 listed = int(list.size());
                                 loop.quit();
                             });
            QObject::connect(&docker, &Passerelle::DockerClient::statusChanged, &loop, [&](const Passerelle::DockerStatus &st) {
                if (st.state == Passerelle::DockerStatus::State::Unavailable)
                    loop.quit();
            });
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            const qint64 t0 = nowNs();
            QMetaObject::invokeMethod(&docker, [&docker] { docker.start(false); }, Qt::QueuedConnection);
            loop.exec();
            client.push_back(ms(nowNs() - t0));
            docker.stop();
            if (listed < count)
                throw Abort("the Docker client did not list the containers");
        }
        Passerelle::TopologyModel m;
        Passerelle::TopologyModel::Options options;
        options.live = false;
        options.dockerEndpoint = endpoint;
        QEventLoop loop;
        QObject::connect(&m, &Passerelle::TopologyModel::ready, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        const qint64 t0 = nowNs();
        m.start(options);
        if (!m.isReady())
            loop.exec();
        const qint64 t1 = nowNs();
        if (!m.isReady() || m.containers().size() < count)
            throw Abort("the in-process model did not see the containers");
        const QByteArray doc = QJsonDocument(Passerelle::topologyToJson(m)).toJson(QJsonDocument::Indented);
        const qint64 t2 = nowNs();
        model.push_back(ms(t1 - t0));
        json.push_back(ms(t2 - t1));
        const QList<Passerelle::Container> containers = m.containers();
        const qint64 t3 = nowNs();
        for (const Passerelle::Container &c : containers)
            Passerelle::NetlinkMonitor::netnsIdForPid(c.pid);
        nsids.push_back(ms(nowNs() - t3));
        m.stop();
    }
    report.note(QStringLiteral("5: where `topology --json` spends its time with Docker, in one process (medians of %1): "
                               "TopologyModel ready in %2; the Docker client alone (ping, list, %3 inspects) takes %4, "
                               "RTM_GETNSID for the %3 container pids %5; then topologyToJson + toJson(Indented) %6. "
                               "The rest of the CLI's wall time is process start and exit.")
                    .arg(cfg.inProcessRuns)
                    .arg(msText(stats(model).p50))
                    .arg(count)
                    .arg(msText(stats(client).p50), msText(stats(nsids).p50), msText(stats(json).p50)));
}

// Starts containers b<from>..b<to-1>, a few `docker run` at a time.
void createContainers(int from, int to, const Config &cfg, const QStringList &env)
{
    std::atomic<int> next{from};
    std::atomic<int> failures{0};
    std::mutex errorMutex;
    QString firstError;
    std::vector<std::thread> workers;
    for (int w = 0; w < cfg.createParallel; ++w) {
        workers.emplace_back([&] {
            for (int i = next++; i < to && !interrupted && failures == 0; i = next++) {
                const RunResult r = run({QStringLiteral("docker"), QStringLiteral("run"), QStringLiteral("-d"),
                                         QStringLiteral("--name"), QStringLiteral("b%1").arg(i, 3, 10, QLatin1Char('0')),
                                         QStringLiteral("--stop-timeout"), QStringLiteral("2"), DockerFixture::imageName()},
                                        env, 180000);
                if (r.exitCode != 0) {
                    ++failures;
                    std::lock_guard<std::mutex> lock(errorMutex);
                    firstError = QString::fromLocal8Bit(r.err).trimmed();
                }
                if (i % 50 == 49)
                    progress(QStringLiteral("%1 containers").arg(i + 1));
            }
        });
    }
    for (std::thread &t : workers)
        t.join();
    checkInterrupted();
    if (failures > 0)
        throw Abort(("docker run failed: " + firstError).toStdString());
}

// topology --json against the admin's pipeline, with COUNT containers running.
void compareWithPipeline(const QString &ns, const DockerFixture &docker, const QStringList &env, int count,
                         const Config &cfg, Report &report)
{
    const QStringList ctl = inNs(ns, {cfg.ctl, QStringLiteral("topology"), QStringLiteral("--json"), QStringLiteral("-H"), docker.endpoint()});
    checkDockerJson(runChecked(ctl).out, count);
    const Pipeline check = adminPipeline(ns, env);
    if (check.containers < count || check.peersFound < count)
        throw Abort("the admin pipeline does not find every container's veth");

    QStringList cand = ctl;
    if (!cfg.candidate.isEmpty()) {
        cand[2] = cfg.candidate;
        checkDockerJson(runChecked(cand).out, count);
    }
    std::vector<double> ours, firstOut, theirs, candidate;
    QList<Pipeline> pipes;
    for (int r = 0; r < cfg.dockerRuns; ++r) {
        checkInterrupted();
        const int kinds = cfg.candidate.isEmpty() ? 2 : 3;
        for (int k = 0; k < kinds; ++k) {
            const int kind = (r + k) % kinds;
            if (kind == 0) {
                const RunResult res = runChecked(ctl);
                ours.push_back(ms(res.wallNs));
                firstOut.push_back(ms(res.firstOutNs - res.startNs));
            } else if (kind == 1) {
                pipes.append(adminPipeline(ns, env));
                theirs.push_back(pipes.last().totalMs);
            } else {
                candidate.push_back(ms(runChecked(cand).wallNs));
            }
        }
    }
    const Stats a = stats(ours), b = stats(theirs);
    const double speedup = b.p50 / a.p50;
    report.add({QStringLiteral("5"),
                QStringLiteral("`topology --json`, real dockerd, %1 containers (median of %2)").arg(count).arg(a.n),
                withP90(a),
                QStringLiteral("ip, bridge, docker ps, docker inspect, %1 nsenter: ").arg(check.containers) + withP90(b),
                fmt(speedup, 1) + QStringLiteral("x faster"), QStringLiteral(">= 10x faster"),
                speedup >= 10 ? Verdict::Met : Verdict::Missed});
    if (!candidate.empty()) {
        const Stats c = stats(candidate);
        report.add({QStringLiteral("5"), QStringLiteral("same, %1 containers, candidate build %2").arg(count).arg(cfg.candidate),
                    withP90(c), QStringLiteral("same pipeline ") + withP90(b),
                    fmt(b.p50 / c.p50, 1) + QStringLiteral("x faster"), QStringLiteral(">= 10x faster"),
                    b.p50 / c.p50 >= 10 ? Verdict::Met : Verdict::Missed});
    }
    std::vector<double> ip, br, ps, insp, nse;
    for (const Pipeline &p : pipes) {
        ip.push_back(p.ipMs);
        br.push_back(p.bridgeMs);
        ps.push_back(p.psMs);
        insp.push_back(p.inspectMs);
        nse.push_back(p.nsenterMs);
    }
    report.note(QStringLiteral("5: %1 containers: pipeline medians ip %2, bridge %3, docker ps %4, docker inspect %5, "
                               "%1 nsenter + ip %6 (%7 each); `topology --json` wrote its first byte after %8. Every "
                               "container's veth was found by both.")
                    .arg(count)
                    .arg(msText(stats(ip).p50), msText(stats(br).p50), msText(stats(ps).p50), msText(stats(insp).p50),
                         msText(stats(nse).p50), msText(stats(nse).p50 / count), msText(stats(firstOut).p50)));
}

void benchDocker(NetnsFixture &fx, const Config &cfg, Report &report)
{
    section("5. real Docker");
    const QString skip = DockerFixture::skipReason();
    if (!skip.isEmpty()) {
        report.note(QStringLiteral("5: skipped: %1").arg(skip));
        return;
    }
    const QString ns = fx.create(QStringLiteral("dock"));
    if (ns.isEmpty())
        throw Abort("cannot create the Docker namespace");
    DockerFixture docker;
    qint64 t0 = nowNs();
    if (!docker.start(ns))
        throw Abort(("cannot start dockerd: " + docker.errorString()).toStdString());
    const QStringList env = docker.dockerEnvironment().toStringList();
    progress(QStringLiteral("dockerd up and image imported in %1 s").arg(fmt(ms(nowNs() - t0) / 1000)));

    int running = 0;
    QStringList created;
    for (int count : cfg.containerSteps) {
        t0 = nowNs();
        createContainers(running, count, cfg, env);
        created.append(QStringLiteral("%1 in %2 s").arg(count - running).arg(fmt(ms(nowNs() - t0) / 1000)));
        running = count;
        progress(QStringLiteral("%1 containers running").arg(running));
        sleepMs(2000);
        compareWithPipeline(ns, docker, env, running, cfg, report);
    }
    report.note(QStringLiteral("5: containers are busybox from `docker import` on the default bridge, run by a private "
                               "dockerd in its own namespace (DockerFixture), created %1 at a time: %2.")
                    .arg(cfg.createParallel)
                    .arg(created.join(QStringLiteral(", then "))));

    dockerInProcess(fx, ns, docker.endpoint(), running, cfg, report);

    if (cfg.dockerIdleSeconds > 0) {
        Background monitor;
        if (!monitor.start(inNs(ns, {cfg.ctl, QStringLiteral("monitor"), QStringLiteral("--json"), QStringLiteral("-H"), docker.endpoint()})))
            throw Abort("cannot start the monitor");
        if (monitor.waitFor(0, [](const QByteArray &l) { return l.contains("docker-status"); }, 1000) < 0)
            sleepMs(500);
        waitUntilIdle(monitor.pid(), 2000, 30000);
        const double before = cpuSeconds(monitor.pid());
        const double dockerdBefore = cpuSeconds(docker.pid());
        const qint64 s0 = nowNs();
        while (nowNs() - s0 < qint64(cfg.dockerIdleSeconds) * 1000000000) {
            checkInterrupted();
            sleepMs(100);
        }
        const double seconds = ms(nowNs() - s0) / 1000;
        const double pct = (cpuSeconds(monitor.pid()) - before) / seconds * 100;
        const double dockerdPct = (cpuSeconds(docker.pid()) - dockerdBefore) / seconds * 100;
        report.add({QStringLiteral("4"),
                    QStringLiteral("idle CPU, `monitor --json` on dockerd with %1 containers (%2 s)").arg(running).arg(cfg.dockerIdleSeconds),
                    fmt(pct, 3) + QLatin1Char('%'), QStringLiteral("dockerd meanwhile %1%").arg(fmt(dockerdPct, 3)),
                    QString(), QStringLiteral("< 0.5%"), pct < 0.5 ? Verdict::Met : Verdict::Missed});
        monitor.stop();
    }
    progress(QStringLiteral("stopping dockerd and %1 containers").arg(running));
}

int finish(Report &report, const Config &cfg, int status, const QString &loadBefore, qint64 started);

int intOption(const QCommandLineParser &parser, const char *name, const char *env, int value)
{
    if (parser.isSet(QLatin1String(name)))
        return parser.value(QLatin1String(name)).toInt();
    if (qEnvironmentVariableIsSet(env))
        return qEnvironmentVariableIntValue(env);
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Passerelle's benchmarks, against iproute2 and docker on the same data."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("quick"), QStringLiteral("A short run on a smaller lab.")},
        {QStringLiteral("results"), QStringLiteral("Write the table as Markdown to FILE."), QStringLiteral("FILE")},
        {QStringLiteral("veths"), QStringLiteral("Veths in the lab (peers: two per namespace)."), QStringLiteral("N")},
        {QStringLiteral("containers"), QStringLiteral("Docker containers, or increasing counts to measure at each "
                                                      "(default 100,200; 0: no Docker part)."), QStringLiteral("N[,N...]")},
        {QStringLiteral("docker-only"), QStringLiteral("Only the Docker figures (no lab).")},
        {QStringLiteral("passerellectl"), QStringLiteral("Measure this passerellectl instead of the one built here."),
         QStringLiteral("PATH")},
        {QStringLiteral("candidate"), QStringLiteral("Also measure this passerellectl in the same runs (topology figures)."),
         QStringLiteral("PATH")},
        {QStringLiteral("idle-seconds"), QStringLiteral("Length of the idle CPU measure."), QStringLiteral("N")},
        {QStringLiteral("runs"), QStringLiteral("Cold runs of each command."), QStringLiteral("N")},
        {QStringLiteral("no-gui"), QStringLiteral("Skip the GUI figures.")},
        {QStringLiteral("no-docker"), QStringLiteral("Skip the Docker figures.")},
    });
    parser.process(app);

    Config cfg;
    cfg.quick = parser.isSet(QStringLiteral("quick")) || qEnvironmentVariableIntValue("PASSERELLE_BENCH_QUICK") > 0;
    if (cfg.quick) {
        cfg.veths = 200;
        cfg.bridges = 4;
        cfg.runs = 5;
        cfg.inProcessRuns = 3;
        cfg.latencyEvents = 50;
        cfg.guiRuns = 3;
        cfg.panFrames = 40;
        cfg.idleSeconds = 10;
        cfg.containerSteps = {20};
        cfg.dockerRuns = 3;
        cfg.dockerIdleSeconds = 5;
    }
    cfg.veths = std::max(2, intOption(parser, "veths", "PASSERELLE_BENCH_VETHS", cfg.veths));
    cfg.peerNamespaces = std::max(1, cfg.veths / 2);
    const QString steps = parser.isSet(QStringLiteral("containers")) ? parser.value(QStringLiteral("containers"))
                                                                      : qEnvironmentVariable("PASSERELLE_BENCH_CONTAINERS");
    if (!steps.isEmpty()) {
        cfg.containerSteps.clear();
        for (const QString &part : steps.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const int n = part.trimmed().toInt();
            if (n > 0 && (cfg.containerSteps.isEmpty() || n > cfg.containerSteps.constLast()))
                cfg.containerSteps.append(n);
        }
    }
    cfg.dockerOnly = parser.isSet(QStringLiteral("docker-only"));
    if (parser.isSet(QStringLiteral("passerellectl")))
        cfg.ctl = parser.value(QStringLiteral("passerellectl"));
    cfg.candidate = parser.value(QStringLiteral("candidate"));
    cfg.idleSeconds = std::max(1, intOption(parser, "idle-seconds", "PASSERELLE_BENCH_IDLE_SECONDS", cfg.idleSeconds));
    cfg.runs = std::max(1, intOption(parser, "runs", "PASSERELLE_BENCH_RUNS", cfg.runs));
    cfg.gui = !parser.isSet(QStringLiteral("no-gui")) && qEnvironmentVariableIntValue("PASSERELLE_BENCH_NO_GUI") == 0;
    cfg.docker = !cfg.containerSteps.isEmpty() && !parser.isSet(QStringLiteral("no-docker"))
        && qEnvironmentVariableIntValue("PASSERELLE_BENCH_NO_DOCKER") == 0;
    cfg.results = parser.value(QStringLiteral("results"));
#ifndef PASSERELLE_GUI_PATH
    cfg.gui = false;
#endif

    const QString skip = NetnsFixture::skipReason();
    if (!skip.isEmpty()) {
        std::fprintf(stderr, "passerelle-bench: %s\n", qPrintable(skip));
        return 77;
    }
    installInterruptHandler();

    Report report;
    QList<QPair<QString, QString>> machine = machineInfo();
    // The tree measured: the commit, and whether files differed from it.
    const QString source = QStringLiteral(PASSERELLE_SOURCE_DIR);
    const QString head = QString::fromLatin1(run({QStringLiteral("git"), QStringLiteral("-C"), source, QStringLiteral("rev-parse"),
                                                  QStringLiteral("--short"), QStringLiteral("HEAD")}).out).trimmed();
    if (!head.isEmpty()) {
        // --no-optional-locks: status must not refresh the index of a tree others work in.
        const bool dirty = !run({QStringLiteral("git"), QStringLiteral("--no-optional-locks"), QStringLiteral("-C"), source,
                                 QStringLiteral("status"),
                                 QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=no")})
                                .out.trimmed()
                                .isEmpty();
        machine.append({QStringLiteral("source"), head + (dirty ? QStringLiteral(" with local changes") : QString())});
    }
    report.setMachine(machine);
    const QString loadBefore = QString::fromLatin1(run({QStringLiteral("cat"), QStringLiteral("/proc/loadavg")}).out).section(QLatin1Char(' '), 0, 2);
    const qint64 started = nowNs();
    int status = 0;
    try {
        NetnsFixture fx;
        if (cfg.dockerOnly) {
            benchDocker(fx, cfg, report);
        } else {
            section("building the lab");
            const Lab lab = buildLab(fx, cfg, report);
            report.setSetup(QStringLiteral("Lab: one namespace with %1 veth pairs (peers in %2 other namespaces) and %3 bridges; "
                                           "every command runs inside it through `nsenter --net`. Times are wall-clock medians "
                                           "of cold processes, Passerelle and the reference interleaved.")
                                .arg(lab.veths)
                                .arg(lab.peers.size())
                                .arg(lab.bridges));
            benchTopology(lab, cfg, report);
            benchInProcess(fx, lab, cfg, report);
            // Declared after fx: on failure they end before the namespaces go.
            Monitors monitors;
            benchMonitor(lab, cfg, monitors, report);
#ifdef PASSERELLE_GUI_PATH
            if (cfg.gui)
                benchGui(lab, cfg, report);
#endif
            monitors.empty.stop();
            benchIdle(lab, cfg, monitors, report);
            monitors.big.stop();
            monitors.ip.stop();
            if (cfg.docker)
                benchDocker(fx, cfg, report);
        }
        section("removing the namespaces");
    } catch (const Abort &e) {
        std::fprintf(stderr, "\npasserelle-bench: %s\n", e.what());
        status = interrupted ? 130 : 1;
    }
    return finish(report, cfg, status, loadBefore, started);
}

namespace {

// Prints the table and writes the Markdown file; returns the exit status.
int finish(Report &report, const Config &cfg, int status, const QString &loadBefore, qint64 started)
{
    if (interrupted && status == 0)
        status = 130;

    const QString loadAfter = QString::fromLatin1(run({QStringLiteral("cat"), QStringLiteral("/proc/loadavg")}).out).section(QLatin1Char(' '), 0, 2);
    report.note(QStringLiteral("Load average (1, 5, 15 min) %1 before, %2 after; total run %3 min%4.")
                    .arg(loadBefore, loadAfter, fmt(ms(nowNs() - started) / 60000))
                    .arg(cfg.quick ? QStringLiteral(" (--quick)") : QString()));
    if (status != 0)
        report.note(QStringLiteral("The run did not complete (%1): the figures above are partial.")
                        .arg(interrupted ? QStringLiteral("interrupted") : QStringLiteral("failed")));
    std::printf("\n%s", qPrintable(report.text()));
    if (!cfg.results.isEmpty()) {
        QFile f(cfg.results);
        const QString command = QStringLiteral("cmake --build BUILD --target benchmark")
            + (cfg.quick ? QStringLiteral(" (PASSERELLE_BENCH_QUICK=1)") : QString());
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(report.markdown(command).toUtf8()) > 0)
            std::printf("\nWritten to %s\n", qPrintable(cfg.results));
        else
            std::fprintf(stderr, "passerelle-bench: cannot write %s\n", qPrintable(cfg.results));
    }
    return status;
}

} // namespace
