#include "inspectorpanel.h"

#include "ownertext.h"
#include "topologygraph.h"
#include "topologymodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMap>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Passerelle {

namespace {

QString roleText(const QString &role)
{
    if (role == QLatin1String("uplink"))
        return InspectorPanel::tr("uplink");
    if (role == QLatin1String("bridge"))
        return InspectorPanel::tr("bridge");
    if (role == QLatin1String("veth"))
        return InspectorPanel::tr("veth");
    return InspectorPanel::tr("other");
}

QString yesNo(bool value)
{
    return value ? InspectorPanel::tr("yes") : InspectorPanel::tr("no");
}

} // namespace

InspectorPanel::InspectorPanel(TopologyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_tree->setObjectName(QStringLiteral("inspectorTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Property"), tr("Value")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    // Addresses and ids lose their middle rather than their end when narrow.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy Value"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &InspectorPanel::copyCurrent);
    m_tree->addAction(copy);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_tree, 1);
    showNode(QString());
}

QStringList InspectorPanel::lines() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *s = m_tree->topLevelItem(i);
        out.append(s->text(0));
        for (int j = 0; j < s->childCount(); ++j)
            out.append(s->child(j)->text(0) + QStringLiteral(": ") + s->child(j)->text(1));
    }
    return out;
}

void InspectorPanel::showNode(const QString &key)
{
    m_key = key;
    refresh();
}

void InspectorPanel::refresh()
{
    m_sections.clear();
    m_hint->clear();
    m_title->clear();
    if (m_key.isEmpty()) {
        m_hint->setText(tr("Select a node in the graph or a row in the table to see its details."));
    } else if (m_key.startsWith(QLatin1String("link:"))) {
        showLink(m_key.mid(5).toInt());
    } else if (m_key.startsWith(QLatin1String("ctr:"))) {
        showContainer(m_key.mid(4));
    } else if (m_key.startsWith(QLatin1String("ns:"))) {
        showNamespace(m_key.mid(3).toInt());
    }
    m_hint->setVisible(!m_hint->text().isEmpty());
    // The model changes often on a busy host: rebuild the tree only when
    // what it shows changed, so that scrolling and the current row survive.
    if (m_sections == m_shown)
        return;
    m_shown = m_sections;
    m_tree->clear();
    for (const Section &s : std::as_const(m_shown)) {
        auto *sectionItem = new QTreeWidgetItem(m_tree, {s.title});
        QFont f = sectionItem->font(0);
        f.setBold(true);
        sectionItem->setFont(0, f);
        sectionItem->setFirstColumnSpanned(true);
        for (const Row &r : s.rows) {
            auto *item = new QTreeWidgetItem(sectionItem, {r.property, r.value});
            item->setToolTip(1, r.value);
        }
    }
    m_tree->expandAll();
}

void InspectorPanel::section(const QString &title)
{
    m_sections.append({title, {}});
}

void InspectorPanel::row(const QString &property, const QString &value)
{
    if (m_sections.isEmpty())
        section(QString());
    m_sections.last().rows.append({property, value});
}

void InspectorPanel::showLink(int ifindex)
{
    const std::optional<Link> link = m_model->link(ifindex);
    if (!link) {
        m_hint->setText(tr("This interface no longer exists."));
        return;
    }
    const Link &l = *link;
    const NodeState state = TopologyText::linkState(l);
    m_title->setText(tr("%1 (%2)", "interface name (kind)").arg(l.name, TopologyText::kindText(l.kind)));

    section(tr("Interface"));
    row(tr("Name"), l.name);
    row(tr("Kind"), TopologyText::kindText(l.kind));
    row(tr("Index"), QString::number(l.ifindex));
    row(tr("State"), TopologyText::stateText(state));
    row(tr("Operational state"), l.operstate);
    row(tr("Administratively up"), yesNo(l.isUp()));
    row(tr("Carrier"), yesNo(l.hasCarrier()));
    row(tr("MAC address"), l.mac.isEmpty() ? tr("none", "no MAC address") : l.mac);
    row(tr("MTU"), QString::number(l.mtu));
    row(tr("Role"), roleText(m_model->roleOf(l.ifindex)));

    section(tr("Addresses"));
    if (l.addresses.isEmpty())
        row(tr("Addresses"), tr("none", "no address"));
    for (const Address &a : l.addresses) {
        row(a.family == 10 ? tr("IPv6") : tr("IPv4"),
            tr("%1 (scope %2)", "address (scope)").arg(TopologyText::addressText(a), a.scope));
    }
    const QList<DefaultRoute> routes = m_model->defaultRoutes();
    for (const DefaultRoute &r : routes) {
        if (r.oifIndex != l.ifindex)
            continue;
        row(tr("Default route"),
            r.gateway.isEmpty() ? tr("on this link, metric %1").arg(r.metric)
                                : tr("via %1, metric %2").arg(r.gateway).arg(r.metric));
    }

    if (l.kind == QLatin1String("bridge")) {
        section(tr("Bridge"));
        row(tr("Spanning tree (STP)"), l.stp.has_value() ? (*l.stp ? tr("on", "STP state") : tr("off", "STP state")) : tr("unknown"));
        const QList<Link> all = m_model->links();
        int ports = 0;
        for (const Link &p : all) {
            if (p.masterIndex != l.ifindex)
                continue;
            ++ports;
            row(tr("Port %1").arg(p.name),
                tr("%1, %2", "port state, link state")
                    .arg(p.portState.isEmpty() ? tr("no port state") : TopologyText::portStateText(p.portState),
                         TopologyText::stateText(TopologyText::linkState(p))));
        }
        if (ports == 0)
            row(tr("Ports"), tr("none", "no port"));
    }

    if (l.kind == QLatin1String("bridge"))
        addDocker(l);

    if (l.masterIndex != 0) {
        const std::optional<Link> master = m_model->link(l.masterIndex);
        if (master && master->kind == QLatin1String("bridge")) {
            section(tr("Bridge port"));
            row(tr("Bridge"), master->name);
            row(tr("Port state"), l.portState.isEmpty() ? tr("unknown") : TopologyText::portStateText(l.portState));
        } else {
            section(tr("Master"));
            row(tr("Master"), master ? master->name : QString::number(l.masterIndex));
        }
    }

    if (l.peerIndex > 0 || l.peerNetnsId >= 0) {
        section(tr("Peer"));
        row(tr("Peer index"), l.peerIndex > 0 ? QString::number(l.peerIndex) : tr("unknown"));
        if (l.peerNetnsId < 0) {
            row(tr("Peer namespace"), tr("this namespace"));
            if (const std::optional<Link> peer = m_model->link(l.peerIndex))
                row(tr("Peer name"), peer->name);
        } else {
            row(tr("Peer namespace"), tr("namespace id %1").arg(l.peerNetnsId));
        }
        addOwner(l.ifindex);
    }
}

void InspectorPanel::setDockerSettings(const std::optional<DockerSettingList> &settings)
{
    if (settings == m_docker)
        return;
    m_docker = settings;
    refresh();
}

bool InspectorPanel::showsDockerBridge() const
{
    if (!m_key.startsWith(QLatin1String("link:")))
        return false;
    const std::optional<Link> l = m_model->link(m_key.mid(5).toInt());
    return l && l->kind == QLatin1String("bridge");
}

// Docker's network settings for BRIDGE, when Docker uses it or is set to:
// the bridge of its default network, where each setting comes from, and
// the settings two places give (dockerd refuses to start then).
void InspectorPanel::addDocker(const Link &bridge)
{
    if (!m_docker)
        return;
    QMap<QString, QList<DockerSetting>> bySetting;
    for (const DockerSetting &d : *m_docker)
        bySetting[d.setting].append(d);
    const QString running = bySetting.value(QStringLiteral("running-bridge")).value(0).value;
    const QList<DockerSetting> configured = bySetting.value(QStringLiteral("bridge"));
    // Without a "bridge" setting Docker makes and uses its own docker0.
    const QString defaultBridge = QStringLiteral("docker0");
    const QString effective = configured.isEmpty() ? defaultBridge : configured.first().value;
    const bool concerned = bridge.name == running || bridge.name == effective
        || std::any_of(configured.cbegin(), configured.cend(), [&](const DockerSetting &d) { return d.value == bridge.name; });
    if (!concerned)
        return;

    section(tr("Docker"));
    if (!running.isEmpty())
        row(tr("Default network now on"), running);
    else
        row(tr("Default network now on"), tr("unknown: Docker does not answer"));
    if (configured.isEmpty()) {
        row(tr("Default bridge set in"), tr("nowhere: Docker's own %1").arg(defaultBridge));
    } else {
        for (const DockerSetting &d : configured)
            row(tr("Default bridge set in"), tr("%1 (%2)", "file (value)").arg(d.source, d.value));
        if (!running.isEmpty() && running != effective)
            row(tr("Takes effect"), tr("at Docker's next restart"));
    }
    // Where to undo it, in the menu entry's words: only when daemon.json
    // (or a flag) names another bridge, as a reset has nothing to do otherwise.
    if (effective != defaultBridge)
        row(tr("Back to docker0"), tr("Docker menu ▸ Give Docker Its Own docker0 Back…", "the menu and its entry"));
    const auto setting = [&](const char *key, const QString &property) {
        for (const DockerSetting &d : bySetting.value(QLatin1String(key)))
            row(property, tr("%1 (%2)", "value (file)").arg(d.value, d.source));
    };
    setting("fixed-cidr", tr("Containers' address range"));
    setting("default-gateway", tr("Containers' gateway"));
    setting("bip", tr("Docker's own bridge address (bip)"));
    setting("live-restore", tr("Live restore"));
    // The same setting from two places: dockerd refuses to start.
    for (auto it = bySetting.cbegin(); it != bySetting.cend(); ++it) {
        if (it.value().size() < 2 || it.key() == QLatin1String("error"))
            continue;
        QStringList where;
        for (const DockerSetting &d : it.value())
            where.append(tr("%1 in %2", "value in file").arg(d.value, d.source));
        row(tr("Conflict"), tr("%1 is set in two places (%2): Docker refuses to start until one goes.")
                                .arg(it.key(), where.join(QStringLiteral("; "))));
    }
    for (const DockerSetting &d : bySetting.value(QStringLiteral("error")))
        row(tr("Cannot read"), tr("%1 (%2)", "file (error)").arg(d.source, d.value));
}

void InspectorPanel::addOwner(int ifindex)
{
    const Owner owner = m_model->ownerOf(ifindex);
    section(tr("Owner"));
    if (owner.isNull()) {
        row(tr("Owner"), tr("unknown"));
        return;
    }
    row(tr("Owner"), OwnerText::sentence(owner));
    const std::optional<Container> c =
        owner.type == QLatin1String("docker") ? m_model->container(owner.id) : std::nullopt;
    if (!c)
        return;
    row(tr("Container"), c->name);
    row(tr("Image"), c->image);
    row(tr("Container ID"), c->shortId());
    if (!c->composeProject.isEmpty())
        row(tr("Compose project"), c->composeProject);
    if (!c->networks.isEmpty())
        row(tr("Networks"), c->networks.join(QStringLiteral(", ")));
}

void InspectorPanel::showContainer(const QString &id)
{
    const std::optional<Container> container = m_model->container(id);
    if (!container) {
        m_hint->setText(tr("This container is no longer running."));
        return;
    }
    const Container &c = *container;
    m_title->setText(tr("Container %1").arg(c.name));
    section(tr("Container"));
    row(tr("Name"), c.name);
    row(tr("Image"), c.image);
    row(tr("ID"), c.id);
    row(tr("State"), c.state);
    row(tr("Compose project"), c.composeProject.isEmpty() ? tr("none", "no compose project") : c.composeProject);
    row(tr("Networks"), c.networks.isEmpty() ? tr("none", "no network") : c.networks.join(QStringLiteral(", ")));
    row(tr("PID"), c.pid > 0 ? QString::number(c.pid) : tr("not running"));
    row(tr("Namespace id"), c.netnsId >= 0 ? QString::number(c.netnsId) : tr("none", "no namespace id"));

    section(tr("Veths"));
    const QList<Link> links = m_model->linksOfContainer(c.id);
    if (links.isEmpty())
        row(tr("Veths"), tr("none", "no veth"));
    for (const Link &l : links) {
        const std::optional<Link> master = m_model->link(l.masterIndex);
        const QString state = TopologyText::stateText(TopologyText::linkState(l));
        row(l.name,
            master ? tr("%1, port of %2", "link state, port of bridge").arg(state, master->name) : state);
    }
}

void InspectorPanel::showNamespace(int nsid)
{
    m_title->setText(tr("Namespace %1").arg(nsid));
    section(tr("Namespace"));
    row(tr("Namespace id"), QString::number(nsid));
    const QList<Link> all = m_model->links();
    QList<Link> links;
    for (const Link &l : all) {
        if (l.peerNetnsId == nsid)
            links.append(l);
    }
    const Owner owner = links.isEmpty() ? Owner() : m_model->ownerOf(links.first().ifindex);
    row(tr("Owner"), owner.isNull() ? tr("unknown") : OwnerText::sentence(owner));
    if (!owner.isNull() && owner.type != QLatin1String("unknown")) {
        if (!owner.name.isEmpty())
            m_title->setText(owner.name);
        row(tr("Owner type"), owner.type);
        if (!owner.id.isEmpty())
            row(tr("Owner ID"), owner.id);
    }
    section(tr("Veths"));
    if (links.isEmpty())
        row(tr("Veths"), tr("none", "no veth"));
    for (const Link &l : std::as_const(links)) {
        row(l.name,
            tr("%1, peer index %2", "link state, peer ifindex")
                .arg(TopologyText::stateText(TopologyText::linkState(l)))
                .arg(l.peerIndex));
    }
}

void InspectorPanel::copyCurrent()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (item)
        QApplication::clipboard()->setText(item->text(1).isEmpty() ? item->text(0) : item->text(1));
}

} // namespace Passerelle
