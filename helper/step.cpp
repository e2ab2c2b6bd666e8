#include "step.h"

#include "addresseditor.h"

#include <QJsonArray>

#include <array>
#include <cerrno>
#include <initializer_list>
#include <utility>

namespace Passerelle {

namespace {

using Result = LinkEditor::Result;

constexpr std::array<std::pair<Step::Kind, const char *>, 12> kindNames{{
    {Step::Kind::CreateBridge, "CreateBridge"},
    {Step::Kind::SetMac, "SetMac"},
    {Step::Kind::SetLinkUp, "SetLinkUp"},
    {Step::Kind::SetStp, "SetStp"},
    {Step::Kind::SetMaster, "SetMaster"},
    {Step::Kind::ReleasePort, "ReleasePort"},
    {Step::Kind::MoveAddress, "MoveAddress"},
    {Step::Kind::RemoveAddress, "RemoveAddress"},
    {Step::Kind::MoveRoute, "MoveRoute"},
    {Step::Kind::RestoreAddress, "RestoreAddress"},
    {Step::Kind::RestoreRoute, "RestoreRoute"},
    {Step::Kind::DeleteBridge, "DeleteBridge"},
}};

QString kindName(Step::Kind kind)
{
    for (const auto &[k, name] : kindNames) {
        if (k == kind)
            return QLatin1String(name);
    }
    return QString();
}

bool kindFromName(const QString &name, Step::Kind *kind)
{
    for (const auto &[k, n] : kindNames) {
        if (name == QLatin1String(n)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QString stpWord(bool on)
{
    return on ? QStringLiteral("stp-on") : QStringLiteral("stp-off");
}

Result missingLink(const QString &name)
{
    return Result{ENODEV, QStringLiteral("no link named %1 in this transaction").arg(name)};
}

// RESULT, or success when the kernel answered one of ERRNOS: what undoing
// wants is already the case.
Result tolerate(Result result, std::initializer_list<int> errnos)
{
    for (const int e : errnos) {
        if (result.kernelErrno == e)
            return Result();
    }
    return result;
}

// ADDRESS as it is on another link: an IPv4 label names its link
// ("em1", "em1:0"), so it is renamed with it.
AddressState onLink(AddressState address, int ifindex, const QString &from, const QString &to)
{
    address.ifindex = ifindex;
    if (address.label == from) {
        address.label = to;
    } else if (address.label.startsWith(from + QLatin1Char(':'))) {
        const QString renamed = to + address.label.mid(from.size());
        address.label = renamed.size() <= 15 ? renamed : to;
    }
    return address;
}

RouteState throughLink(RouteState route, int ifindex)
{
    route.oif = ifindex;
    return route;
}

// Whether a bridge called NAME (with ifindex INDEX unless 0) exists.
bool bridgeExists(int index, const QString &name)
{
    Result read;
    const auto link = LinkEditor::snapshot(&read).byName(name);
    return read.ok() && link && link->isBridge() && (index == 0 || link->ifindex == index);
}

} // namespace

HelperPlanStep Step::describe() const
{
    switch (kind) {
    case Kind::CreateBridge:
    case Kind::SetStp:
        return {kindName(kind), {link, stpWord(on)}};
    case Kind::SetMac:
        return {kindName(kind), {link, macToText(mac)}};
    case Kind::SetLinkUp:
        return {on ? QStringLiteral("SetLinkUp") : QStringLiteral("SetLinkDown"), {link}};
    case Kind::SetMaster:
    case Kind::ReleasePort:
        return {kindName(kind), {link, target}};
    case Kind::MoveAddress:
    case Kind::RestoreAddress:
        return {kindName(kind), {address.text(), link, target}};
    case Kind::RemoveAddress:
        return {kindName(kind), {address.text(), link}};
    case Kind::MoveRoute:
    case Kind::RestoreRoute:
        return {kindName(kind),
                {route.destinationText(), route.gatewayText(), link, target, QString::number(route.metric())}};
    case Kind::DeleteBridge:
        return {kindName(kind), {link}};
    }
    return {kindName(kind), {}};
}

QString Step::logText() const
{
    const HelperPlanStep d = describe();
    return QStringLiteral("%1(%2)").arg(d.name, d.parameters.join(QStringLiteral(", ")));
}

Result Step::apply(LinkIndexes *indexes) const
{
    const int index = indexes->value(link);
    const int targetIndex = indexes->value(target);
    if (kind != Kind::CreateBridge && index == 0)
        return missingLink(link);
    switch (kind) {
    case Kind::CreateBridge: {
        const Result created = LinkEditor::createBridge(link, on);
        if (!created.ok())
            return created;
        Result read;
        const auto made = LinkEditor::snapshot(&read).byName(link);
        if (made)
            indexes->insert(link, made->ifindex);
        return made ? Result() : missingLink(link);
    }
    case Kind::SetMac:
        return LinkEditor::setMac(index, mac);
    case Kind::SetLinkUp:
        return LinkEditor::setUp(index, on);
    case Kind::SetStp:
        return LinkEditor::setStp(index, on);
    case Kind::SetMaster:
        if (targetIndex == 0)
            return missingLink(target);
        return LinkEditor::setMaster(index, targetIndex);
    case Kind::ReleasePort:
        return LinkEditor::setMaster(index, 0);
    case Kind::MoveAddress:
    case Kind::RestoreAddress:
        if (targetIndex == 0)
            return missingLink(target);
        return AddressEditor::addAddress(onLink(address, targetIndex, link, target));
    case Kind::RemoveAddress:
        return AddressEditor::deleteAddress(onLink(address, index, link, link));
    case Kind::MoveRoute:
    case Kind::RestoreRoute: {
        if (targetIndex == 0)
            return missingLink(target);
        // Next to the route (same destination and metric) rather than
        // instead of it: for a moment both links carry it, the old one
        // first, so traffic never finds no route.
        const RouteState moved = throughLink(route, targetIndex);
        const Result added = AddressEditor::addRoute(moved, true);
        if (!added.ok())
            return added;
        const Result removed = AddressEditor::deleteRoute(throughLink(route, index));
        if (!removed.ok())
            AddressEditor::deleteRoute(moved); // refused as a whole: take back the half made
        return removed;
    }
    case Kind::DeleteBridge:
        return LinkEditor::deleteLink(index);
    }
    return Result();
}

Result Step::undo(const LinkIndexes &indexes, Outcome outcome) const
{
    const int index = indexes.value(link);
    const int targetIndex = indexes.value(target);
    // Adding something back that was there before is always right; taking
    // away something is only right when this transaction made it.
    const bool mayHaveMade = outcome != Outcome::Refused;
    switch (kind) {
    case Kind::CreateBridge: {
        if (!mayHaveMade)
            return Result();
        // Only the bridge this step made: the ifindex it recorded or, when
        // the helper died before recording it, a bridge of that name (the
        // plan was made when no link had it).
        Result read;
        const auto made = LinkEditor::snapshot(&read).byName(link);
        if (!read.ok())
            return read;
        if (!made || !made->isBridge() || (index != 0 && made->ifindex != index))
            return Result();
        return tolerate(LinkEditor::deleteLink(made->ifindex), {ENODEV});
    }
    case Kind::SetMac:
        // A bridge this transaction made has no MAC to go back to: it goes.
        if (index == 0 || previousMac.isEmpty())
            return Result();
        return tolerate(LinkEditor::setMac(index, previousMac), {ENODEV});
    case Kind::SetLinkUp:
        if (index == 0)
            return Result();
        return tolerate(LinkEditor::setUp(index, previousOn), {ENODEV});
    case Kind::SetStp:
        if (index == 0)
            return Result();
        return tolerate(LinkEditor::setStp(index, previousOn), {ENODEV});
    case Kind::SetMaster:
        if (index == 0)
            return Result();
        return tolerate(LinkEditor::setMaster(index, linkState.masterIndex), {ENODEV});
    case Kind::ReleasePort: {
        if (index == 0 || targetIndex == 0)
            return missingLink(index == 0 ? link : target);
        const Result enslaved = LinkEditor::setMaster(index, targetIndex);
        if (!enslaved.ok())
            return enslaved;
        return LinkEditor::setPortOptions(index, linkState.portOptions);
    }
    case Kind::MoveAddress:
    case Kind::RestoreAddress:
        if (!mayHaveMade || targetIndex == 0)
            return Result();
        return tolerate(AddressEditor::deleteAddress(onLink(address, targetIndex, link, target)),
                        {EADDRNOTAVAIL, ENODEV, ENOENT});
    case Kind::RemoveAddress:
        if (index == 0)
            return missingLink(link);
        return tolerate(AddressEditor::addAddress(onLink(address, index, link, link)), {EEXIST});
    case Kind::MoveRoute:
    case Kind::RestoreRoute: {
        if (index == 0)
            return missingLink(link);
        // The route back first, then the copy away: the same order as
        // forwards, so there is always one.
        const Result back = tolerate(AddressEditor::addRoute(throughLink(route, index), true), {EEXIST});
        if (!back.ok() || !mayHaveMade || targetIndex == 0)
            return back;
        return tolerate(AddressEditor::deleteRoute(throughLink(route, targetIndex)), {ESRCH, ENODEV, ENOENT});
    }
    case Kind::DeleteBridge: {
        if (!mayHaveMade || bridgeExists(index, link))
            return Result();
        // Made again as it was, with its ifindex: its ports, addresses and
        // routes are given back by the undo of the steps before this one.
        LinkEditor::BridgeSpec spec;
        spec.name = link;
        spec.ifindex = linkState.ifindex;
        spec.mac = linkState.mac;
        spec.stp = linkState.stp > 0;
        Result made = LinkEditor::createBridge(spec);
        if (!made.ok())
            return made;
        // Then each option that differs from a new bridge's, one by one: a
        // kernel reports some it cannot set (vlan_filtering without
        // CONFIG_BRIDGE_VLAN_FILTERING), and those are its defaults anyway.
        Result read;
        const auto fresh = LinkEditor::snapshot(&read).byIndex(linkState.ifindex);
        for (const RawAttribute &option : linkState.bridgeOptions) {
            if (fresh && fresh->bridgeOptions.contains(option))
                continue;
            const Result set = LinkEditor::setBridgeOptions(linkState.ifindex, {option});
            if (!set.ok())
                return set;
        }
        if (linkState.up) {
            made = LinkEditor::setUp(linkState.ifindex, true);
            if (!made.ok())
                return made;
        }
        for (const AddressState &a : addresses) {
            made = tolerate(AddressEditor::addAddress(onLink(a, linkState.ifindex, link, link)), {EEXIST});
            if (!made.ok())
                return made;
        }
        for (const RouteState &r : routes) {
            made = tolerate(AddressEditor::addRoute(throughLink(r, linkState.ifindex), true), {EEXIST});
            if (!made.ok())
                return made;
        }
        return Result();
    }
    }
    return Result();
}

QJsonObject Step::toJson() const
{
    QJsonObject o{
        {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("link"), link},
        {QStringLiteral("on"), on},
        {QStringLiteral("previousOn"), previousOn},
    };
    if (!target.isEmpty())
        o.insert(QStringLiteral("target"), target);
    if (!mac.isEmpty())
        o.insert(QStringLiteral("mac"), macToText(mac));
    if (!previousMac.isEmpty())
        o.insert(QStringLiteral("previousMac"), macToText(previousMac));
    if (!address.local.isEmpty())
        o.insert(QStringLiteral("address"), address.toJson());
    if (route.family != 0)
        o.insert(QStringLiteral("route"), route.toJson());
    if (!linkState.name.isEmpty())
        o.insert(QStringLiteral("linkState"), linkToJson(linkState));
    if (!addresses.isEmpty()) {
        QJsonArray a;
        for (const AddressState &x : addresses)
            a.append(x.toJson());
        o.insert(QStringLiteral("addresses"), a);
    }
    if (!routes.isEmpty()) {
        QJsonArray a;
        for (const RouteState &x : routes)
            a.append(x.toJson());
        o.insert(QStringLiteral("routes"), a);
    }
    return o;
}

bool Step::fromJson(const QJsonObject &o, Step *out)
{
    Step s;
    if (!kindFromName(o.value(QStringLiteral("kind")).toString(), &s.kind))
        return false;
    s.link = o.value(QStringLiteral("link")).toString();
    s.target = o.value(QStringLiteral("target")).toString();
    s.on = o.value(QStringLiteral("on")).toBool();
    s.previousOn = o.value(QStringLiteral("previousOn")).toBool();
    s.mac = macFromText(o.value(QStringLiteral("mac")).toString());
    s.previousMac = macFromText(o.value(QStringLiteral("previousMac")).toString());
    if (o.contains(QStringLiteral("address")) && !AddressState::fromJson(o.value(QStringLiteral("address")).toObject(), &s.address))
        return false;
    if (o.contains(QStringLiteral("route")) && !RouteState::fromJson(o.value(QStringLiteral("route")).toObject(), &s.route))
        return false;
    if (o.contains(QStringLiteral("linkState")) && !linkFromJson(o.value(QStringLiteral("linkState")).toObject(), &s.linkState))
        return false;
    const QJsonArray addresses = o.value(QStringLiteral("addresses")).toArray();
    for (const QJsonValue &v : addresses) {
        AddressState a;
        if (!AddressState::fromJson(v.toObject(), &a))
            return false;
        s.addresses.append(a);
    }
    const QJsonArray routes = o.value(QStringLiteral("routes")).toArray();
    for (const QJsonValue &v : routes) {
        RouteState r;
        if (!RouteState::fromJson(v.toObject(), &r))
            return false;
        s.routes.append(r);
    }
    if (s.link.isEmpty())
        return false;
    *out = s;
    return true;
}

} // namespace Passerelle
