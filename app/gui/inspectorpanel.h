// Every detail the model knows about the selected node: for a veth its peer,
// owning container, bridge and port state, addresses; for a container its
// image, id, Compose project, networks and veths; for a bridge its STP state
// and ports; for the bridge Docker uses (and docker0), Docker's default
// bridge, where that setting comes from, and a conflict when two places set
// it, and the menu entry that gives Docker its docker0 back when it uses
// another. Read from the model each time, so it is never staler than the graph;
// Docker's settings come from the helper, through the window.
#pragma once

#include "helpertypes.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Passerelle {

struct Link;
class TopologyModel;

class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPanel(TopologyModel *model, QWidget *parent = nullptr);

    QString nodeKey() const { return m_key; }
    // "Property: value" lines, as shown (for tests and copying).
    QStringList lines() const;

    // Docker's settings as GetDockerSettings lists them; nullopt when the
    // helper did not answer (nothing is said about Docker then).
    void setDockerSettings(const std::optional<DockerSettingList> &settings);
    // Whether the node shown is a bridge Docker's settings are about.
    bool showsDockerBridge() const;

public Q_SLOTS:
    // "link:IFINDEX", "ctr:ID", "ns:NSID", or empty to clear.
    void showNode(const QString &key);
    void refresh();

private:
    struct Row
    {
        QString property;
        QString value;
        bool operator==(const Row &o) const { return property == o.property && value == o.value; }
    };
    struct Section
    {
        QString title;
        QList<Row> rows;
        bool operator==(const Section &o) const { return title == o.title && rows == o.rows; }
    };

    void section(const QString &title);
    void row(const QString &property, const QString &value);
    void showLink(int ifindex);
    void showContainer(const QString &id);
    void showNamespace(int nsid);
    void addOwner(int ifindex);
    void addDocker(const Link &bridge);
    void copyCurrent();

    TopologyModel *m_model;
    QString m_key;
    std::optional<DockerSettingList> m_docker;
    QList<Section> m_sections;   // being built by refresh()
    QList<Section> m_shown;      // in the tree
    QLabel *m_title;
    QLabel *m_hint;
    QTreeWidget *m_tree;
};

} // namespace Passerelle
