// The links of the helper's network namespace as one read saw them: what an
// operation is checked against before anything is written. Filled by
// LinkEditor; plain values, no libnl.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Passerelle {

struct LinkState
{
    int ifindex = 0;
    QString name;
    QString kind;            // IFLA_INFO_KIND: "bridge", "veth", "dummy"; empty for physical devices
    int masterIndex = 0;     // 0 when the link is nobody's port
    bool up = false;         // IFF_UP
    bool loopback = false;   // IFF_LOOPBACK

    bool isBridge() const { return kind == QLatin1String("bridge"); }
};

class LinkSnapshot
{
public:
    LinkSnapshot() = default;
    explicit LinkSnapshot(QList<LinkState> links)
        : m_links(std::move(links))
    {
    }

    const QList<LinkState> &links() const { return m_links; }

    std::optional<LinkState> byName(const QString &name) const
    {
        for (const LinkState &l : m_links) {
            if (l.name == name)
                return l;
        }
        return std::nullopt;
    }

    std::optional<LinkState> byIndex(int ifindex) const
    {
        for (const LinkState &l : m_links) {
            if (l.ifindex == ifindex)
                return l;
        }
        return std::nullopt;
    }

private:
    QList<LinkState> m_links;
};

} // namespace Passerelle
