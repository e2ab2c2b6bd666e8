#include "transaction.h"

#include <QJsonArray>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <algorithm>

namespace Passerelle {

namespace {

QJsonArray addressesToJson(const QList<AddressState> &addresses)
{
    QJsonArray out;
    for (const AddressState &a : addresses)
        out.append(a.toJson());
    return out;
}

QJsonArray routesToJson(const QList<RouteState> &routes)
{
    QJsonArray out;
    for (const RouteState &r : routes)
        out.append(r.toJson());
    return out;
}

bool hasAddress(const QList<AddressState> &addresses, const AddressState &address)
{
    return std::any_of(addresses.begin(), addresses.end(),
                       [&address](const AddressState &a) { return a.sameAddress(address); });
}

bool hasRoute(const QList<RouteState> &routes, const RouteState &route)
{
    return std::any_of(routes.begin(), routes.end(),
                       [&route](const RouteState &r) { return r.sameRouteExceptLink(route); });
}

QList<AddressState> movableAddresses(const NetState &state, int ifindex)
{
    QList<AddressState> out;
    const QList<AddressState> all = state.addressesOf(ifindex);
    for (const AddressState &a : all) {
        if (Transaction::isMovable(a))
            out.append(a);
    }
    return out;
}

QList<RouteState> movableRoutes(const NetState &state, int ifindex)
{
    QList<RouteState> out;
    const QList<RouteState> all = state.routesThrough(ifindex);
    for (const RouteState &r : all) {
        if (Transaction::isMovable(r))
            out.append(r);
    }
    return out;
}

Step makeStep(Step::Kind kind, const QString &link, const QString &target = QString())
{
    Step s;
    s.kind = kind;
    s.link = link;
    s.target = target;
    return s;
}

void planBridgePort(const Operation &op, const NetState &state, Plan *plan)
{
    const LinkState port = *state.links.byName(op.port);
    const auto existing = state.links.byName(op.link);
    if (!existing) {
        Step create = makeStep(Step::Kind::CreateBridge, op.link);
        create.on = op.enable;
        plan->steps.append(create);
        // The port's MAC, so that switches and DHCP servers keep
        // recognising the host.
        Step mac = makeStep(Step::Kind::SetMac, op.link);
        mac.mac = port.mac;
        plan->steps.append(mac);
    }
    if (!existing || !existing->up) {
        Step up = makeStep(Step::Kind::SetLinkUp, op.link);
        up.on = true;
        plan->steps.append(up);
    }

    // The order keeps the host reachable at every step. The bridge gets the
    // addresses while the port still has them: its routes come after the
    // port's, so nothing changes yet. Once the port is enslaved, frames it
    // receives go up through the bridge, which already answers for the
    // addresses (IPv6 neighbour discovery only answers on a link that has
    // the address); the port still sends fine. Then each route is added
    // through the bridge next to the port's and the port's removed, which
    // moves sending over; only then do the port's addresses go, taking
    // their own routes with them. Rollback runs the same way back.
    const QList<AddressState> bridgeAddresses = existing ? state.addressesOf(existing->ifindex) : QList<AddressState>();
    const QList<RouteState> bridgeRoutes = existing ? state.routesThrough(existing->ifindex) : QList<RouteState>();
    QList<AddressState> moved;
    QList<RouteState> movedRoutes;
    if (op.moveAddresses) {
        const QList<AddressState> addresses = Transaction::inAddingOrder(movableAddresses(state, port.ifindex));
        for (const AddressState &a : addresses) {
            moved.append(a);
            if (hasAddress(bridgeAddresses, a))
                continue;
            Step step = makeStep(Step::Kind::MoveAddress, op.port, op.link);
            step.address = a;
            plan->steps.append(step);
        }
    }
    if (port.masterIndex != (existing ? existing->ifindex : -1)) {
        Step enslave = makeStep(Step::Kind::SetMaster, op.port, op.link);
        enslave.linkState = port;
        plan->steps.append(enslave);
    }
    if (op.moveAddresses) {
        const QList<RouteState> routes = movableRoutes(state, port.ifindex);
        for (const RouteState &r : routes) {
            // One already through the bridge stays as it is, and so does
            // the port's: adding it again would be refused.
            if (hasRoute(bridgeRoutes, r))
                continue;
            Step step = makeStep(Step::Kind::MoveRoute, op.port, op.link);
            step.route = r;
            plan->steps.append(step);
            movedRoutes.append(r);
        }
        // Removed in the opposite order to adding: IPv4 secondaries before
        // their primary (which would take them along).
        for (auto it = moved.crbegin(); it != moved.crend(); ++it) {
            Step step = makeStep(Step::Kind::RemoveAddress, op.port);
            step.address = *it;
            plan->steps.append(step);
        }
    }
    if (!port.up) {
        Step up = makeStep(Step::Kind::SetLinkUp, op.port);
        up.on = true;
        plan->steps.append(up);
    }
    if (op.moveAddresses && (!moved.isEmpty() || !movedRoutes.isEmpty())) {
        MoveRecord record;
        record.bridge = op.link;
        record.port = op.port;
        record.portIndex = port.ifindex;
        record.bridgeIndex = existing ? existing->ifindex : 0;
        // As the port listed them: DeleteBridge puts them back in adding order.
        record.addresses = movableAddresses(state, port.ifindex);
        record.routes = movedRoutes;
        plan->move = record;
    }
}

void planDeleteBridge(const Operation &op, const NetState &state, const QList<MoveRecord> &moves, Plan *plan)
{
    const LinkState bridge = *state.links.byName(op.link);
    const QList<AddressState> onBridge = state.addressesOf(bridge.ifindex);
    const QList<RouteState> throughBridge = movableRoutes(state, bridge.ifindex);
    QList<RouteState> givenBack;
    const QList<LinkState> ports = state.links.portsOf(bridge.ifindex);
    for (const LinkState &port : ports) {
        const MoveRecord *record = nullptr;
        for (const MoveRecord &m : moves) {
            if (m.bridgeIndex == bridge.ifindex && m.bridge == bridge.name && m.portIndex == port.ifindex
                && m.port == port.name)
                record = &m;
        }
        const QList<AddressState> onPort = state.addressesOf(port.ifindex);
        if (record) {
            // Those still on the bridge, as they are there now.
            for (const AddressState &was : Transaction::inAddingOrder(record->addresses)) {
                for (const AddressState &now : onBridge) {
                    if (now.sameAddress(was) && !hasAddress(onPort, was)) {
                        Step step = makeStep(Step::Kind::RestoreAddress, bridge.name, port.name);
                        step.address = now;
                        plan->steps.append(step);
                    }
                }
            }
        }
        Step release = makeStep(Step::Kind::ReleasePort, port.name, bridge.name);
        release.linkState = port;
        plan->steps.append(release);
        if (record) {
            for (const RouteState &was : record->routes) {
                for (const RouteState &now : throughBridge) {
                    if (now.sameRouteExceptLink(was) && !hasRoute(givenBack, now)) {
                        Step step = makeStep(Step::Kind::RestoreRoute, bridge.name, port.name);
                        step.route = now;
                        plan->steps.append(step);
                        givenBack.append(now);
                    }
                }
            }
        }
    }
    Step remove = makeStep(Step::Kind::DeleteBridge, bridge.name);
    remove.linkState = bridge;
    for (const AddressState &a : Transaction::inAddingOrder(onBridge)) {
        if (Transaction::isMovable(a))
            remove.addresses.append(a);
    }
    for (const RouteState &r : throughBridge) {
        if (!hasRoute(givenBack, r))
            remove.routes.append(r);
    }
    plan->steps.append(remove);
}

} // namespace

QJsonObject MoveRecord::toJson() const
{
    return QJsonObject{
        {QStringLiteral("bridge"), bridge},
        {QStringLiteral("bridgeIndex"), bridgeIndex},
        {QStringLiteral("port"), port},
        {QStringLiteral("portIndex"), portIndex},
        {QStringLiteral("addresses"), addressesToJson(addresses)},
        {QStringLiteral("routes"), routesToJson(routes)},
    };
}

bool MoveRecord::fromJson(const QJsonObject &o, MoveRecord *out)
{
    MoveRecord m;
    m.bridge = o.value(QStringLiteral("bridge")).toString();
    m.bridgeIndex = o.value(QStringLiteral("bridgeIndex")).toInt();
    m.port = o.value(QStringLiteral("port")).toString();
    m.portIndex = o.value(QStringLiteral("portIndex")).toInt();
    const QJsonArray addresses = o.value(QStringLiteral("addresses")).toArray();
    for (const QJsonValue &v : addresses) {
        AddressState a;
        if (!AddressState::fromJson(v.toObject(), &a))
            return false;
        m.addresses.append(a);
    }
    const QJsonArray routes = o.value(QStringLiteral("routes")).toArray();
    for (const QJsonValue &v : routes) {
        RouteState r;
        if (!RouteState::fromJson(v.toObject(), &r))
            return false;
        m.routes.append(r);
    }
    if (m.bridge.isEmpty() || m.port.isEmpty() || m.bridgeIndex <= 0 || m.portIndex <= 0)
        return false;
    *out = m;
    return true;
}

HelperPlan Plan::describe() const
{
    HelperPlan out;
    for (const Step &s : steps)
        out.append(s.describe());
    return out;
}

namespace Transaction {

bool isMovable(const AddressState &address)
{
    if (address.family == AF_INET)
        return true;
    return address.family == AF_INET6 && address.scope != RT_SCOPE_LINK && !(address.flags & IFA_F_TEMPORARY);
}

bool isMovable(const RouteState &route)
{
    return route.singlePath && route.oif > 0 && route.protocol != RTPROT_KERNEL && route.table != RT_TABLE_LOCAL
        && route.type == RTN_UNICAST;
}

QList<AddressState> inAddingOrder(const QList<AddressState> &addresses)
{
    QList<AddressState> v4;
    QList<AddressState> v6;
    for (const AddressState &a : addresses)
        (a.family == AF_INET ? v4 : v6).append(a);
    std::reverse(v6.begin(), v6.end());
    return v4 + v6;
}

std::optional<HelperFailure> plan(const Operation &operation, const NetState &state, const QList<MoveRecord> &moves,
                                  Plan *out)
{
    if (auto failure = operation.validateNames())
        return failure;
    if (auto failure = operation.check(state.links))
        return failure;

    Plan plan;
    plan.operation = operation;
    const Operation &op = operation;
    const auto link = state.links.byName(op.link);
    const auto port = state.links.byName(op.port);
    switch (op.kind) {
    case Operation::Kind::CreateBridge: {
        Step create = makeStep(Step::Kind::CreateBridge, op.link);
        create.on = op.enable;
        plan.steps.append(create);
        break;
    }
    case Operation::Kind::DeleteBridge:
        planDeleteBridge(op, state, moves, &plan);
        break;
    case Operation::Kind::AddPort:
        if (port->masterIndex != link->ifindex) {
            Step enslave = makeStep(Step::Kind::SetMaster, op.port, op.link);
            enslave.linkState = *port;
            plan.steps.append(enslave);
        }
        break;
    case Operation::Kind::RemovePort: {
        Step release = makeStep(Step::Kind::ReleasePort, op.port, op.link);
        release.linkState = *port;
        plan.steps.append(release);
        break;
    }
    case Operation::Kind::SetLinkUp:
        if (link->up != op.enable) {
            Step up = makeStep(Step::Kind::SetLinkUp, op.link);
            up.on = op.enable;
            up.previousOn = link->up;
            plan.steps.append(up);
        }
        break;
    case Operation::Kind::SetStp:
        if ((link->stp > 0) != op.enable) {
            Step stp = makeStep(Step::Kind::SetStp, op.link);
            stp.on = op.enable;
            stp.previousOn = link->stp > 0;
            plan.steps.append(stp);
        }
        break;
    case Operation::Kind::BridgePort:
        planBridgePort(op, state, &plan);
        break;
    }

    // Fill in what the steps undo to, and which links they name.
    for (Step &s : plan.steps) {
        for (const QString &name : {s.link, s.target}) {
            if (name.isEmpty())
                continue;
            const auto l = state.links.byName(name);
            plan.indexes.insert(name, l ? l->ifindex : 0);
            if (l)
                plan.touched.insert(l->ifindex);
        }
        if (const auto l = state.links.byName(s.link)) {
            if (s.kind == Step::Kind::SetMac)
                s.previousMac = l->mac;
            if (s.kind == Step::Kind::SetLinkUp)
                s.previousOn = l->up;
        }
    }
    *out = plan;
    return std::nullopt;
}

QSet<int> criticalLinks(const NetState &state, const QList<int> &sessionLinks)
{
    QSet<int> critical(sessionLinks.begin(), sessionLinks.end());
    for (const RouteState &r : state.routes) {
        if (!r.isDefault() || r.table == RT_TABLE_LOCAL || r.type != RTN_UNICAST)
            continue;
        if (r.oif > 0)
            critical.insert(r.oif);
        for (const int l : r.pathLinks)
            critical.insert(l);
    }
    // Cutting a bridge's port cuts the bridge.
    const QSet<int> carriers = critical;
    for (const int c : carriers) {
        for (const LinkState &port : state.links.portsOf(c))
            critical.insert(port.ifindex);
    }
    critical.remove(0);
    return critical;
}

} // namespace Transaction

} // namespace Passerelle
