#include "whoownscommand.h"

#include "cliargs.h"
#include "ownertext.h"
#include "topologyjson.h"
#include "topologymodel.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Passerelle;

namespace {

int printContainerLinks(const TopologyModel &model, const QString &wanted, const QCommandLineParser &parser)
{
    const auto container = model.container(wanted);
    if (!container) {
        if (model.dockerStatus().state != DockerStatus::State::Connected)
            return Cli::fail(WhoOwnsCommand::tr("no such container: %1 (Docker is not reachable: %2)")
                                 .arg(wanted, model.dockerStatus().reason));
        return Cli::fail(WhoOwnsCommand::tr("no such container: %1").arg(wanted));
    }
    const QList<Link> links = model.linksOfContainer(container->id);
    if (Cli::json(parser)) {
        QJsonArray array;
        for (const Link &l : links)
            array.append(linkToJson(model, l));
        QJsonObject o{{QStringLiteral("container"), containerToJson(model, *container)},
                      {QStringLiteral("links"), array}};
        Cli::printJson(o, parser);
        return ExitOk;
    }
    if (links.isEmpty()) {
        Cli::printOut(WhoOwnsCommand::tr("%1 has no link in this namespace (network mode host or none?)\n")
                          .arg(container->name));
        return ExitOk;
    }
    QString out;
    for (const Link &l : links) {
        const auto master = l.masterIndex ? model.link(l.masterIndex) : std::nullopt;
        out += master ? WhoOwnsCommand::tr("%1: %2, port of %3\n").arg(container->name, l.name, master->name)
                      : WhoOwnsCommand::tr("%1: %2\n").arg(container->name, l.name);
    }
    Cli::printOut(out);
    return ExitOk;
}

int printLinkOwner(const TopologyModel &model, const QString &ifname, const QCommandLineParser &parser)
{
    const auto link = model.linkByName(ifname);
    if (!link)
        return Cli::fail(WhoOwnsCommand::tr("cannot find device \"%1\"").arg(ifname));
    const Owner owner = model.ownerOf(link->ifindex);
    if (Cli::json(parser)) {
        QJsonObject o{{QStringLiteral("link"), linkToJson(model, *link)},
                      {QStringLiteral("owner"), owner.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(ownerToJson(owner))}};
        if (owner.type == QLatin1String("docker")) {
            if (const auto c = model.container(owner.id))
                o.insert(QStringLiteral("container"), containerToJson(model, *c));
        }
        Cli::printJson(o, parser);
        return ExitOk;
    }
    if (owner.isNull()) {
        if (link->peerIndex != 0) {
            const auto peer = model.link(link->peerIndex);
            Cli::printOut(WhoOwnsCommand::tr("%1: its peer %2 is in this namespace\n")
                              .arg(ifname, peer ? peer->name : QString::number(link->peerIndex)));
        } else {
            Cli::printOut(WhoOwnsCommand::tr("%1: not connected to another namespace\n").arg(ifname));
        }
        return ExitOk;
    }
    QString line = WhoOwnsCommand::tr("%1: %2").arg(ifname, OwnerText::sentence(owner));
    if (owner.type == QLatin1String("docker")) {
        if (const auto c = model.container(owner.id))
            line = WhoOwnsCommand::tr("%1: %2, image %3").arg(ifname, OwnerText::sentence(owner), c->image);
    }
    Cli::printOut(line + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace

int WhoOwnsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show who holds the far end of a veth, or the veths of a container."));
    parser.addHelpOption();
    Cli::addCommonOptions(parser);
    parser.addOption({QStringLiteral("container"), tr("Show the host-side links of this container."), tr("NAME|ID")});
    parser.addPositionalArgument(QStringLiteral("IFNAME"), tr("A host-side interface, such as a container's veth."));
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const bool byContainer = parser.isSet(QStringLiteral("container"));
    if (byContainer ? !positional.isEmpty() : positional.size() != 1)
        return Cli::fail(tr("usage: passerellectl who-owns IFNAME | --container NAME|ID"), ExitUsage);
    if (byContainer && parser.isSet(QStringLiteral("no-docker")))
        return Cli::fail(tr("--container needs Docker; it cannot be used with --no-docker"), ExitUsage);

    TopologyModel model;
    if (!Cli::loadOnce(model, parser))
        return ExitFailure;
    return byContainer ? printContainerLinks(model, parser.value(QStringLiteral("container")), parser)
                       : printLinkOwner(model, positional.first(), parser);
}
