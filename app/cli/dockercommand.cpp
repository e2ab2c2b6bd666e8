#include "dockercommand.h"

#include "cliargs.h"
#include "helpercall.h"
#include "helperclient.h"
#include "helpererrortext.h"
#include "helperplantext.h"
#include "texttable.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Passerelle;

namespace {

QString usageLine()
{
    return DockerCommand::tr(
        "usage: passerellectl docker use-bridge BRIDGE [--fixed-cidr CIDR] [--default-gateway IP]\n"
        "           [--mode default-bridge|network] [--network NAME] [--no-restart] [--persist|--no-persist]\n"
        "           [--move-options] [--allow-forwarding] [--dry-run]\n"
        "       passerellectl docker reset-bridge [--network NAME] [--move-options] [--no-restart] [--dry-run]\n"
        "       passerellectl docker status [--json]");
}

int usageError()
{
    return Cli::fail(usageLine(), ExitUsage);
}

QString quoted(const QString &text)
{
    return HelperErrorText::printableName(text);
}

// Docker's own grammar for network names, with a length cap of ours.
bool isNetworkName(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return re.match(text).hasMatch();
}

// The settings GetDockerSettings lists that are not daemon options.
const QString runningBridgeKey = QStringLiteral("running-bridge");
const QString restartKey = QStringLiteral("restart");
const QString persistKey = QStringLiteral("persist");
const QString errorKey = QStringLiteral("error");
const QString liveRestoreKey = QStringLiteral("live-restore");

bool isOption(const DockerSetting &s)
{
    return s.setting != runningBridgeKey && s.setting != restartKey && s.setting != persistKey
        && s.setting != errorKey;
}

// The same option taken from more than one place: dockerd refuses to start.
QList<DockerSettingList> conflicts(const DockerSettingList &settings)
{
    QList<DockerSettingList> out;
    QStringList seen;
    for (const DockerSetting &s : settings) {
        if (!isOption(s) || seen.contains(s.setting))
            continue;
        seen.append(s.setting);
        DockerSettingList same;
        for (const DockerSetting &t : settings) {
            if (t.setting == s.setting)
                same.append(t);
        }
        if (same.size() > 1)
            out.append(same);
    }
    return out;
}

std::optional<DockerSetting> find(const DockerSettingList &settings, const QString &key)
{
    for (const DockerSetting &s : settings) {
        if (s.setting == key)
            return s;
    }
    return std::nullopt;
}

QJsonObject statusJson(const DockerSettingList &settings)
{
    QJsonObject root;
    const auto running = find(settings, runningBridgeKey);
    root.insert(QStringLiteral("running_bridge"), running ? QJsonValue(running->value) : QJsonValue());
    QJsonArray options;
    for (const DockerSetting &s : settings) {
        if (isOption(s))
            options.append(QJsonObject{{QStringLiteral("setting"), s.setting},
                                       {QStringLiteral("value"), s.value},
                                       {QStringLiteral("source"), s.source}});
    }
    root.insert(QStringLiteral("settings"), options);
    QJsonArray conflictArray;
    for (const DockerSettingList &same : conflicts(settings)) {
        QJsonArray sources;
        for (const DockerSetting &s : same)
            sources.append(QJsonObject{{QStringLiteral("value"), s.value}, {QStringLiteral("source"), s.source}});
        conflictArray.append(
            QJsonObject{{QStringLiteral("setting"), same.first().setting}, {QStringLiteral("sources"), sources}});
    }
    root.insert(QStringLiteral("conflicts"), conflictArray);
    const auto restart = find(settings, restartKey);
    root.insert(QStringLiteral("restart"),
                restart ? QJsonValue(QJsonObject{{QStringLiteral("method"), restart->value},
                                                 {QStringLiteral("detail"), restart->source}})
                        : QJsonValue());
    const auto persist = find(settings, persistKey);
    root.insert(QStringLiteral("persist"),
                persist ? QJsonValue(QJsonObject{{QStringLiteral("backend"), persist->value},
                                                 {QStringLiteral("detail"), persist->source}})
                        : QJsonValue());
    QJsonArray errors;
    for (const DockerSetting &s : settings) {
        if (s.setting == errorKey)
            errors.append(QJsonObject{{QStringLiteral("error"), s.value}, {QStringLiteral("source"), s.source}});
    }
    root.insert(QStringLiteral("errors"), errors);
    return root;
}

QString statusText(const DockerSettingList &settings)
{
    QString text;
    if (const auto running = find(settings, runningBridgeKey))
        text += DockerCommand::tr("Docker's default bridge: %1 (as the running daemon reports it)\n").arg(quoted(running->value));
    else
        text += DockerCommand::tr("Docker's default bridge: unknown (Docker does not answer)\n");

    TextTable table({DockerCommand::tr("SETTING"), DockerCommand::tr("VALUE"), DockerCommand::tr("SOURCE")});
    for (const DockerSetting &s : settings) {
        if (isOption(s))
            table.addRow({quoted(s.setting), quoted(s.value), quoted(s.source)});
    }
    if (table.isEmpty())
        text += DockerCommand::tr("No network setting of Docker's is set in its configuration: Docker uses docker0.\n");
    else
        text += QLatin1Char('\n') + table.toString() + QLatin1Char('\n');
    // live-restore is listed only where a file sets it; unset, Docker's
    // default holds (unknown when a file could not be read).
    if (!find(settings, liveRestoreKey) && !find(settings, errorKey))
        text += DockerCommand::tr("live-restore: off (Docker's default): a restart of Docker stops the running "
                                  "containers\n");

    for (const DockerSettingList &same : conflicts(settings)) {
        QStringList where;
        for (const DockerSetting &s : same)
            where.append(DockerCommand::tr("%1 in %2").arg(quoted(s.value), quoted(s.source)));
        text += DockerCommand::tr("Conflict: %1 is set in more than one place (%2): dockerd would refuse to start\n")
                    .arg(quoted(same.first().setting), where.join(QStringLiteral(", ")));
    }

    if (const auto restart = find(settings, restartKey)) {
        const QString detail = quoted(restart->source);
        if (restart->value == QLatin1String("systemd"))
            text += DockerCommand::tr("Restart: through systemd (%1)\n").arg(detail);
        else if (restart->value == QLatin1String("init"))
            text += DockerCommand::tr("Restart: with the init script (%1)\n").arg(detail);
        else if (restart->value == QLatin1String("command"))
            text += DockerCommand::tr("Restart: with the command %1\n").arg(detail);
        else
            text += DockerCommand::tr("Restart: %1 (%2)\n").arg(quoted(restart->value), detail);
    }
    // Where a permanent configuration would go (helper.conf's [persist]
    // backend), not whether one was written.
    if (const auto persist = find(settings, persistKey)) {
        const QString file = persist->source.isEmpty() ? QStringLiteral("helper.conf") : quoted(persist->source);
        if (persist->value == QLatin1String("none"))
            text += DockerCommand::tr("Permanent configuration: none is written ([persist] backend of %1)\n").arg(file);
        else if (persist->value == QLatin1String("auto"))
            text += DockerCommand::tr("Permanent configuration goes to: the network stack that manages the port "
                                      "(auto, the [persist] backend of %1)\n")
                        .arg(file);
        else
            text += DockerCommand::tr("Permanent configuration goes to: %1 (the [persist] backend of %2)\n")
                        .arg(quoted(persist->value), file);
    }
    return text;
}

int status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DockerCommand::tr("Show the bridge Docker's default network uses, the network settings of Docker's "
                          "configuration and where each comes from, conflicts (the same setting in two places, "
                          "which stops dockerd from starting), how passerelle-helper restarts Docker and which "
                          "network stack gets the permanent configuration. Needs no authorization."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), DockerCommand::tr("Print JSON instead of text.")});
    parser.addOption({{QStringLiteral("p"), QStringLiteral("pretty")},
                      DockerCommand::tr("With --json, indent the output for people.")});
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError();

    HelperClient client;
    QDBusPendingReply<DockerSettingList> reply = client.dockerSettings();
    if (const int code = HelperCall::wait(client, reply); code != ExitOk)
        return code;
    const DockerSettingList settings = reply.value();
    if (Cli::json(parser))
        Cli::printJson(statusJson(settings), parser);
    else
        Cli::printOut(statusText(settings));
    // A file the helper could not read is a warning, not a failure: the
    // rest of the status stands.
    for (const DockerSetting &s : settings) {
        if (s.setting == errorKey)
            Cli::printError(DockerCommand::tr("passerellectl: warning: %1 cannot be read (%2)")
                                .arg(quoted(s.source), quoted(s.value)));
    }
    return ExitOk;
}

bool hasStep(const HelperPlan &steps, const char *name)
{
    return std::any_of(steps.cbegin(), steps.cend(),
                       [name](const HelperPlanStep &s) { return s.name == QLatin1String(name); });
}

// Where Docker stands after a call, as "passerellectl confirm" ends an
// expose: what the call was for, told from what it did.
QString useBridgeHeadline(const HelperPlan &steps, const QString &bridge, const DockerCommand::BridgeArguments &args)
{
    const bool nothingDone = HelperPlanText::done(steps).isEmpty();
    if (args.mode == QLatin1String("network")) {
        const QString network = quoted(args.options.value(QStringLiteral("network"), bridge).toString());
        return hasStep(steps, "CreateDockerNetwork")
            ? DockerCommand::tr("Done: the Docker network %1 on bridge %2 is ready.").arg(network, quoted(bridge))
            : DockerCommand::tr("Done: the Docker network %1 was already on bridge %2.").arg(network, quoted(bridge));
    }
    if (hasStep(steps, "RestartDocker"))
        return DockerCommand::tr("Done: Docker's default bridge is %1.").arg(quoted(bridge));
    if (hasStep(steps, "EditDaemonConfig"))
        return DockerCommand::tr("Done: Docker's default bridge is %1 from Docker's next start.").arg(quoted(bridge));
    return nothingDone
        ? DockerCommand::tr("Nothing to change: Docker's default bridge already is %1.").arg(quoted(bridge))
        : DockerCommand::tr("Done: daemon.json already named %1 as Docker's default bridge.").arg(quoted(bridge));
}

QString resetBridgeHeadline(const HelperPlan &steps)
{
    if (hasStep(steps, "RestartDocker"))
        return DockerCommand::tr("Done: Docker uses its own docker0 again.");
    if (hasStep(steps, "EditDaemonConfig"))
        return DockerCommand::tr("Done: Docker uses its own docker0 again from its next start.");
    return HelperPlanText::done(steps).isEmpty()
        ? DockerCommand::tr("Nothing to change: Docker already uses its own docker0.")
        : DockerCommand::tr("Done: daemon.json already left Docker its own docker0.");
}

// What a Docker call did: the headline, the changes one per line, then the
// warnings on stderr. The progress printed meanwhile told the restart as
// it went; the plan's own wording (--dry-run) is for what would be done.
void printDone(const QString &headline, const HelperPlan &steps, bool reachable)
{
    QString text = headline + QLatin1Char('\n');
    for (const QString &line : HelperPlanText::done(steps))
        text += QStringLiteral("  %1\n").arg(line);
    Cli::printOut(text);
    HelperCall::printWarnings(steps, reachable);
}

int useBridge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DockerCommand::tr("Put Docker's default network on BRIDGE, an existing bridge of the LAN (br0 with em1 as a "
                          "port), so that new containers get addresses on the LAN. passerelle-helper checks the "
                          "bridge and the addresses, rewrites daemon.json (keeping every other setting, with a "
                          "backup), restarts Docker and waits until it answers again; if Docker does not come "
                          "back, the previous configuration is restored. polkit may ask for a password.\n"
                          "\n"
                          "Containers are then directly reachable from the LAN: their network security is yours "
                          "to ensure."));
    parser.addHelpOption();
    DockerCommand::addBridgeOptions(parser, false);
    parser.addOption({QStringLiteral("no-restart"),
                      DockerCommand::tr("Write the configuration but do not restart Docker (it then takes the "
                                        "new settings at its next start).")});
    HelperCall::addDryRunOption(parser);
    parser.addPositionalArgument(DockerCommand::tr("BRIDGE"), DockerCommand::tr("The bridge, such as br0."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError();
    auto bridgeArgs = DockerCommand::bridgeArguments(parser);
    if (!bridgeArgs)
        return ExitUsage;
    if (parser.isSet(QStringLiteral("no-restart")))
        bridgeArgs->options.insert(QStringLiteral("restart"), false);
    const QString bridge = positional.first();

    HelperClient client;
    if (HelperCall::dryRun(parser))
        return HelperCall::planDocker(client, QStringLiteral("UseDockerBridge"),
                                      {bridge, bridgeArgs->fixedCidr, bridgeArgs->defaultGateway}, bridgeArgs->options,
                                      0);
    DockerProgressPrinter progress{QString()};
    QDBusPendingReply<HelperPlan> reply =
        client.useDockerBridge(bridge, bridgeArgs->fixedCidr, bridgeArgs->defaultGateway, bridgeArgs->options);
    if (const int code = HelperCall::waitWithEvents(client, reply); code != ExitOk)
        return code;
    printDone(useBridgeHeadline(reply.value(), bridge, *bridgeArgs), reply.value(), true);
    return ExitOk;
}

int resetBridge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        DockerCommand::tr("Give Docker its own docker0 back: passerelle-helper removes bridge, fixed-cidr and "
                          "default-gateway from daemon.json (keeping every other setting, with a backup), "
                          "restarts Docker and waits until it answers again. polkit may ask for a password."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("network"),
                      DockerCommand::tr("Also remove the Docker network NAME (made by use-bridge --mode network)."),
                      DockerCommand::tr("NAME")});
    parser.addOption({QStringLiteral("move-options"),
                      DockerCommand::tr("Move -b, --bip and the like from DOCKER_OPTS or docker.service into "
                                        "daemon.json instead of stopping at the conflict.")});
    parser.addOption({QStringLiteral("no-restart"),
                      DockerCommand::tr("Write the configuration but do not restart Docker.")});
    HelperCall::addDryRunOption(parser);
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError();
    QVariantMap options;
    if (parser.isSet(QStringLiteral("network"))) {
        const QString network = parser.value(QStringLiteral("network"));
        if (!isNetworkName(network))
            return Cli::fail(DockerCommand::tr("--network takes a Docker network name (letters, digits, '_', '.' "
                                               "and '-'), not \"%1\"")
                                 .arg(quoted(network)),
                             ExitUsage);
        options.insert(QStringLiteral("network"), network);
    }
    if (parser.isSet(QStringLiteral("move-options")))
        options.insert(QStringLiteral("moveOptions"), true);
    if (parser.isSet(QStringLiteral("no-restart")))
        options.insert(QStringLiteral("restart"), false);

    HelperClient client;
    if (HelperCall::dryRun(parser))
        return HelperCall::planDocker(client, QStringLiteral("ResetDockerBridge"), {}, options, 0);
    DockerProgressPrinter progress{QString()};
    QDBusPendingReply<HelperPlan> reply = client.resetDockerBridge(options);
    if (const int code = HelperCall::waitWithEvents(client, reply); code != ExitOk)
        return code;
    printDone(resetBridgeHeadline(reply.value()), reply.value(), false);
    return ExitOk;
}

} // namespace

bool DockerCommand::isIpv4Address(const QString &text)
{
    // Go's parser (dockerd's) takes no leading zeros and no short forms.
    static const QRegularExpression re(
        QStringLiteral("^(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    for (int i = 1; i <= 4; ++i) {
        if (m.captured(i).toInt() > 255)
            return false;
    }
    return true;
}

bool DockerCommand::isIpv4Subnet(const QString &text)
{
    const int slash = text.indexOf(QLatin1Char('/'));
    if (slash < 0 || !isIpv4Address(text.left(slash)))
        return false;
    static const QRegularExpression prefix(QStringLiteral("^(0|[1-9][0-9]?)$"));
    const QString length = text.mid(slash + 1);
    return prefix.match(length).hasMatch() && length.toInt() <= 32;
}

QString DockerCommand::ipv4Network(const QString &subnet)
{
    if (!isIpv4Subnet(subnet))
        return subnet;
    const int slash = subnet.indexOf(QLatin1Char('/'));
    const QStringList bytes = subnet.left(slash).split(QLatin1Char('.'));
    const int length = subnet.mid(slash + 1).toInt();
    quint32 address = 0;
    for (const QString &b : bytes)
        address = (address << 8) | b.toUInt();
    const quint32 mask = length == 0 ? 0 : ~quint32(0) << (32 - length);
    address &= mask;
    return QStringLiteral("%1.%2.%3.%4/%5")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff)
        .arg(length);
}

void DockerCommand::addBridgeOptions(QCommandLineParser &parser, bool persistByDefault)
{
    parser.addOption({QStringLiteral("fixed-cidr"),
                      tr("The part of the bridge's subnet containers take addresses from, such as "
                         "192.168.7.128/25, so that they stay out of the LAN's DHCP pool (default: the whole "
                         "subnet)."),
                      tr("CIDR")});
    parser.addOption({QStringLiteral("default-gateway"),
                      tr("The containers' gateway, inside the subnet: the LAN's router (default: the bridge's "
                         "own address)."),
                      tr("IP")});
    parser.addOption({QStringLiteral("mode"),
                      tr("default-bridge: Docker's default network uses the bridge (daemon.json, then a restart "
                         "of Docker; the default). network: a user-defined Docker network on the bridge, "
                         "created through the Engine API, without a restart."),
                      QStringLiteral("default-bridge|network")});
    parser.addOption({QStringLiteral("network"),
                      tr("With --mode network: the Docker network's name (default: the bridge's name)."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("persist"),
                      persistByDefault
                          ? tr("Make the bridge and its port permanent for the network stack that manages the "
                               "host, and where systemd runs Docker, make it wait for the bridge at boot (the "
                               "default).")
                          : tr("Make the bridge and its port permanent for the network stack that manages the "
                               "host, and where systemd runs Docker, make it wait for the bridge at boot. Without "
                               "it, the bridge is gone after a reboot.")});
    parser.addOption({QStringLiteral("no-persist"),
                      persistByDefault ? tr("Change only the running system: after a reboot the bridge is gone.")
                                       : tr("Change only the running system (the default).")});
    parser.addOption({QStringLiteral("move-options"),
                      tr("Move the bridge options Docker also takes from DOCKER_OPTS or its unit's command line "
                         "into daemon.json, instead of stopping at the conflict.")});
    parser.addOption({QStringLiteral("allow-forwarding"),
                      tr("When the firewall would drop traffic between the LAN and the containers, accept "
                         "traffic within the bridge (a rule in Docker's DOCKER-USER chain).")});
}

std::optional<DockerCommand::BridgeArguments> DockerCommand::bridgeArguments(const QCommandLineParser &parser)
{
    BridgeArguments out;
    out.fixedCidr = parser.value(QStringLiteral("fixed-cidr"));
    if (parser.isSet(QStringLiteral("fixed-cidr")) && !isIpv4Subnet(out.fixedCidr)) {
        Cli::fail(tr("--fixed-cidr takes an IPv4 subnet such as 192.168.7.128/25, not \"%1\"").arg(quoted(out.fixedCidr)),
                  ExitUsage);
        return std::nullopt;
    }
    // A subnet is named by its first address: Docker and the helper refuse
    // host bits, and the one meant is almost always the network around it.
    if (const QString network = ipv4Network(out.fixedCidr); network != out.fixedCidr) {
        Cli::fail(tr("--fixed-cidr %1 has host bits set: did you mean %2?").arg(quoted(out.fixedCidr), network),
                  ExitUsage);
        return std::nullopt;
    }
    out.defaultGateway = parser.value(QStringLiteral("default-gateway"));
    if (parser.isSet(QStringLiteral("default-gateway")) && !isIpv4Address(out.defaultGateway)) {
        Cli::fail(tr("--default-gateway takes an IPv4 address such as 192.168.7.254, not \"%1\"")
                      .arg(quoted(out.defaultGateway)),
                  ExitUsage);
        return std::nullopt;
    }
    out.mode = QStringLiteral("default-bridge");
    if (parser.isSet(QStringLiteral("mode"))) {
        out.mode = parser.value(QStringLiteral("mode"));
        if (out.mode != QLatin1String("default-bridge") && out.mode != QLatin1String("network")) {
            Cli::fail(tr("--mode takes default-bridge or network, not \"%1\"").arg(quoted(out.mode)), ExitUsage);
            return std::nullopt;
        }
        out.options.insert(QStringLiteral("mode"), out.mode);
    }
    if (parser.isSet(QStringLiteral("network"))) {
        const QString network = parser.value(QStringLiteral("network"));
        if (out.mode != QLatin1String("network")) {
            Cli::fail(tr("--network is only for --mode network"), ExitUsage);
            return std::nullopt;
        }
        if (!isNetworkName(network)) {
            Cli::fail(tr("--network takes a Docker network name (letters, digits, '_', '.' and '-'), not \"%1\"")
                          .arg(quoted(network)),
                      ExitUsage);
            return std::nullopt;
        }
        out.options.insert(QStringLiteral("network"), network);
    }
    const bool persist = parser.isSet(QStringLiteral("persist"));
    const bool noPersist = parser.isSet(QStringLiteral("no-persist"));
    if (persist && noPersist) {
        Cli::fail(tr("--persist and --no-persist exclude each other"), ExitUsage);
        return std::nullopt;
    }
    if (persist || noPersist)
        out.options.insert(QStringLiteral("persist"), persist);
    if (parser.isSet(QStringLiteral("move-options")))
        out.options.insert(QStringLiteral("moveOptions"), true);
    if (parser.isSet(QStringLiteral("allow-forwarding")))
        out.options.insert(QStringLiteral("allowForwarding"), true);
    return out;
}

int DockerCommand::run(const QStringList &arguments)
{
    // Each subcommand has options of its own: it gets a parser of its own,
    // and its --help names it ("passerellectl docker use-bridge").
    const QString sub = arguments.value(1);
    const QStringList rest = QStringList{arguments.value(0) + QLatin1Char(' ') + sub} + arguments.mid(2);
    if (sub == QLatin1String("use-bridge"))
        return useBridge(rest);
    if (sub == QLatin1String("reset-bridge"))
        return resetBridge(rest);
    if (sub == QLatin1String("status"))
        return status(rest);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Docker's default network on a bridge of the LAN.\n"
           "\n"
           "  use-bridge BRIDGE   Docker's default network on BRIDGE (daemon.json, then a restart of Docker)\n"
           "  reset-bridge        Docker's own docker0 again\n"
           "  status [--json]     The bridge Docker uses and where each setting comes from\n"
           "\n"
           "Run 'passerellectl docker SUBCOMMAND --help' for the options of each."));
    parser.addHelpOption();
    parser.addPositionalArgument(tr("SUBCOMMAND"), tr("use-bridge, reset-bridge or status."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    return usageError();
}
