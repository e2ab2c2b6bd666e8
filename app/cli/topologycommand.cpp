#include "topologycommand.h"

#include "cliargs.h"
#include "texttable.h"
#include "topologyjson.h"
#include "topologymodel.h"
#include "ownertext.h"

#include <QJsonDocument>

using namespace Passerelle;

namespace {

QString addressesText(const Link &l)
{
    QStringList parts;
    for (const Address &a : l.addresses)
        parts.append(a.local + QLatin1Char('/') + QString::number(a.prefixLength));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(','));
}

} // namespace

int TopologyCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the host's links, bridges, veths and the containers that own them."));
    parser.addHelpOption();
    Cli::addCommonOptions(parser);
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return Cli::fail(tr("topology takes no arguments: \"%1\"").arg(parser.positionalArguments().join(QLatin1Char(' '))),
                         ExitUsage);

    TopologyModel model;
    if (!Cli::loadOnce(model, parser))
        return ExitFailure;

    if (Cli::json(parser)) {
        Cli::printJson(topologyToJson(model), parser);
        Cli::warnIfDockerUnavailable(model, parser);
        return ExitOk;
    }

    TextTable links({tr("INDEX"), tr("NAME"), tr("KIND"), tr("STATE"), tr("MASTER"), tr("MAC"), tr("MTU"),
                     tr("ADDRESSES"), tr("OWNER")});
    for (const Link &l : model.links()) {
        const auto master = l.masterIndex ? model.link(l.masterIndex) : std::nullopt;
        QString state = l.operstate;
        if (!l.portState.isEmpty())
            state += QLatin1Char('/') + l.portState;
        links.addRow({QString::number(l.ifindex), l.name, l.kind, state, master ? master->name : QStringLiteral("-"),
                      l.mac.isEmpty() ? QStringLiteral("-") : l.mac, QString::number(l.mtu), addressesText(l),
                      OwnerText::brief(model.ownerOf(l.ifindex))});
    }
    QString out = links.toString();

    const QList<Container> containers = model.containers();
    if (!containers.isEmpty()) {
        TextTable table({tr("CONTAINER ID"), tr("NAME"), tr("IMAGE"), tr("PROJECT"), tr("NETWORKS"), tr("LINKS")});
        for (const Container &c : containers) {
            QStringList names;
            for (const Link &l : model.linksOfContainer(c.id))
                names.append(l.name);
            table.addRow({c.shortId(), c.name, c.image, c.composeProject.isEmpty() ? QStringLiteral("-") : c.composeProject,
                          c.networks.join(QLatin1Char(',')), names.isEmpty() ? QStringLiteral("-") : names.join(QLatin1Char(','))});
        }
        out += QLatin1Char('\n') + table.toString();
    }
    Cli::printOut(out);
    Cli::warnIfDockerUnavailable(model, parser);
    return ExitOk;
}
