#include "monitorcommand.h"

#include "cliargs.h"
#include "ownertext.h"
#include "topologyjson.h"
#include "topologymodel.h"
#include "unixsignals.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Passerelle;

namespace {

// Names of the fields that differ, as in the JSON form of a link.
QStringList changedFields(const Link &a, const Link &b)
{
    QStringList f;
    auto check = [&f](bool differs, const char *name) {
        if (differs)
            f.append(QString::fromLatin1(name));
    };
    check(a.name != b.name, "name");
    check(a.kind != b.kind, "kind");
    check(a.masterIndex != b.masterIndex, "master");
    check(a.mac != b.mac, "mac");
    check(a.mtu != b.mtu, "mtu");
    check(a.operstate != b.operstate, "operstate");
    check(a.flags != b.flags, "flags");
    check(a.peerIndex != b.peerIndex || a.peerNetnsId != b.peerNetnsId, "peer");
    check(a.stp != b.stp, "bridge");
    check(a.portState != b.portState, "port");
    check(a.addresses != b.addresses, "addresses");
    return f;
}

class EventPrinter
{
public:
    EventPrinter(const TopologyModel &model, bool json) : m_model(model), m_json(json) {}

    void print(const QString &event, QJsonObject payload, const QString &text) const
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (m_json) {
            payload.insert(QStringLiteral("event"), event);
            payload.insert(QStringLiteral("time"), now.toString(Qt::ISODateWithMs));
            Cli::printOut(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        } else {
            Cli::printOut(now.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz ")) + text + QLatin1Char('\n'));
        }
    }
    QJsonObject link(const Link &l) const { return {{QStringLiteral("link"), linkToJson(m_model, l)}}; }
    QJsonObject container(const Container &c) const
    {
        return {{QStringLiteral("container"), containerToJson(m_model, c)}};
    }
    QString linkText(const Link &l) const
    {
        return MonitorCommand::tr("%1: %2 (%3) %4").arg(QString::number(l.ifindex), l.name, l.kind, l.operstate);
    }
    QString containerText(const Container &c) const
    {
        QStringList names;
        for (const Link &l : m_model.linksOfContainer(c.id))
            names.append(l.name);
        return MonitorCommand::tr("%1 (%2, %3) links: %4")
            .arg(c.name, c.image, c.shortId(), names.isEmpty() ? QStringLiteral("-") : names.join(QLatin1Char(',')));
    }

private:
    const TopologyModel &m_model;
    bool m_json;
};

} // namespace

int MonitorCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print changes to links, bridges and containers as they happen."));
    parser.addHelpOption();
    Cli::addCommonOptions(parser);
    if (const auto done = Cli::parseCommand(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return Cli::fail(tr("monitor takes no arguments: \"%1\"").arg(parser.positionalArguments().join(QLatin1Char(' '))),
                         ExitUsage);

    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, qApp, [] { QCoreApplication::exit(ExitOk); });

    TopologyModel model;
    if (!Cli::loadLive(model, parser))
        return ExitFailure;
    // Only what happens from now on, like `ip monitor`: the state that was
    // already there is what `topology` shows.
    const EventPrinter out(model, Cli::json(parser));
    QObject::connect(&model, &TopologyModel::linkAdded, qApp, [&](const Link &l) {
        out.print(QStringLiteral("link-added"), out.link(l), tr("link added %1").arg(out.linkText(l)));
    });
    QObject::connect(&model, &TopologyModel::linkChanged, qApp, [&](const Link &before, const Link &after) {
        const QStringList fields = changedFields(before, after);
        QJsonObject payload = out.link(after);
        payload.insert(QStringLiteral("changed"), QJsonArray::fromStringList(fields));
        out.print(QStringLiteral("link-changed"), payload,
                  tr("link changed %1 [%2]").arg(out.linkText(after), fields.join(QLatin1Char(','))));
    });
    QObject::connect(&model, &TopologyModel::linkRemoved, qApp, [&](const Link &l) {
        out.print(QStringLiteral("link-removed"), out.link(l), tr("link removed %1").arg(out.linkText(l)));
    });
    QObject::connect(&model, &TopologyModel::portJoined, qApp, [&](const Link &port, const Link &bridge) {
        QJsonObject payload = out.link(port);
        payload.insert(QStringLiteral("bridge"), bridge.name);
        out.print(QStringLiteral("port-joined"), payload, tr("port %1 joined bridge %2").arg(port.name, bridge.name));
    });
    QObject::connect(&model, &TopologyModel::portLeft, qApp, [&](const Link &port, int, const QString &bridgeName) {
        QJsonObject payload = out.link(port);
        payload.insert(QStringLiteral("bridge"), bridgeName);
        out.print(QStringLiteral("port-left"), payload, tr("port %1 left bridge %2").arg(port.name, bridgeName));
    });
    QObject::connect(&model, &TopologyModel::containerStarted, qApp, [&](const Container &c) {
        out.print(QStringLiteral("container-started"), out.container(c),
                  tr("container started %1").arg(out.containerText(c)));
    });
    QObject::connect(&model, &TopologyModel::containerChanged, qApp, [&](const Container &c) {
        out.print(QStringLiteral("container-changed"), out.container(c),
                  tr("container changed %1").arg(out.containerText(c)));
    });
    QObject::connect(&model, &TopologyModel::containerStopped, qApp, [&](const Container &c) {
        out.print(QStringLiteral("container-stopped"), out.container(c),
                  tr("container stopped %1").arg(out.containerText(c)));
    });
    QObject::connect(&model, &TopologyModel::ownerChanged, qApp, [&](int ifindex, const Owner &owner) {
        const auto l = model.link(ifindex);
        if (!l)
            return;
        QJsonObject payload = out.link(*l);
        payload.insert(QStringLiteral("owner"), owner.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(ownerToJson(owner)));
        out.print(QStringLiteral("owner-changed"), payload,
                  tr("owner of %1: %2").arg(l->name, owner.isNull() ? tr("none", "no owner") : OwnerText::sentence(owner)));
    });
    QObject::connect(&model, &TopologyModel::defaultRoutesChanged, qApp, [&] {
        QJsonArray routes = topologyToJson(model).value(QStringLiteral("default_routes")).toArray();
        QStringList text;
        for (const DefaultRoute &r : model.defaultRoutes()) {
            const auto dev = model.link(r.oifIndex);
            text.append(tr("via %1 dev %2").arg(r.gateway.isEmpty() ? QStringLiteral("-") : r.gateway,
                                                dev ? dev->name : QString::number(r.oifIndex)));
        }
        out.print(QStringLiteral("default-routes-changed"), {{QStringLiteral("default_routes"), routes}},
                  tr("default routes: %1").arg(text.isEmpty() ? tr("none", "no default route") : text.join(QStringLiteral("; "))));
    });
    QObject::connect(&model, &TopologyModel::dockerStatusChanged, qApp, [&](const DockerStatus &s) {
        out.print(QStringLiteral("docker-status"), {{QStringLiteral("docker"), dockerStatusToJson(s)}},
                  s.state == DockerStatus::State::Connected
                      ? tr("Docker connected (%1, API %2)").arg(s.endpoint, s.apiVersion)
                      : s.state == DockerStatus::State::Connecting ? tr("Docker connecting to %1").arg(s.endpoint)
                      : s.state == DockerStatus::State::Unavailable ? tr("Docker unavailable: %1").arg(s.reason)
                                                                    : tr("Docker not queried"));
    });
    QObject::connect(&model, &TopologyModel::reset, qApp, [&] {
        out.print(QStringLiteral("resync"), {},
                  tr("the kernel dropped messages; state re-read (changes above include what was missed)"));
    });
    QObject::connect(&model, &TopologyModel::netlinkFailed, qApp, [](const QString &reason) {
        QCoreApplication::exit(Cli::fail(tr("netlink failed: %1").arg(reason)));
    });
    return QCoreApplication::exec();
}
