#include "helperplantext.h"

#include "helpererrortext.h"

namespace Passerelle {

namespace {

QString name(const QStringList &p, int i)
{
    return HelperErrorText::printableName(p.value(i));
}

} // namespace

QString HelperPlanText::step(const HelperPlanStep &step)
{
    const QStringList &p = step.parameters;
    const QString &s = step.name;
    if (s == QLatin1String("CreateBridge"))
        return p.value(1) == QLatin1String("stp-on") ? tr("Create bridge %1 (STP on)").arg(name(p, 0))
                                                     : tr("Create bridge %1 (STP off)").arg(name(p, 0));
    if (s == QLatin1String("SetMac"))
        return tr("Give %1 the MAC address %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("SetLinkUp"))
        return tr("Bring %1 up").arg(name(p, 0));
    if (s == QLatin1String("SetLinkDown"))
        return tr("Bring %1 down").arg(name(p, 0));
    if (s == QLatin1String("SetStp"))
        return p.value(1) == QLatin1String("stp-on") ? tr("Turn STP on for bridge %1").arg(name(p, 0))
                                                     : tr("Turn STP off for bridge %1").arg(name(p, 0));
    if (s == QLatin1String("SetMaster"))
        return tr("Make %1 a port of bridge %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("ReleasePort"))
        return tr("Release %1 from bridge %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("MoveAddress"))
        return tr("Add the address %1 of %2 to %3").arg(name(p, 0), name(p, 1), name(p, 2));
    if (s == QLatin1String("RestoreAddress"))
        return tr("Give the address %1 back to %3 (from %2)").arg(name(p, 0), name(p, 1), name(p, 2));
    if (s == QLatin1String("RemoveAddress"))
        return tr("Remove the address %1 from %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("MoveRoute") || s == QLatin1String("RestoreRoute")) {
        const bool back = s == QLatin1String("RestoreRoute");
        const QString metric = name(p, 4);
        if (p.value(0) == QLatin1String("default")) {
            if (p.value(1).isEmpty())
                return back ? tr("Give the default route (metric %3) back to %2 (from %1)").arg(name(p, 2), name(p, 3), metric)
                            : tr("Move the default route (metric %3) from %1 to %2").arg(name(p, 2), name(p, 3), metric);
            return back ? tr("Give the default route via %1 (metric %4) back to %3 (from %2)")
                              .arg(name(p, 1), name(p, 2), name(p, 3), metric)
                        : tr("Move the default route via %1 (metric %4) from %2 to %3")
                              .arg(name(p, 1), name(p, 2), name(p, 3), metric);
        }
        if (p.value(1).isEmpty())
            return back ? tr("Give the route to %1 (metric %4) back to %3 (from %2)")
                              .arg(name(p, 0), name(p, 2), name(p, 3), metric)
                        : tr("Move the route to %1 (metric %4) from %2 to %3").arg(name(p, 0), name(p, 2), name(p, 3), metric);
        return back ? tr("Give the route to %1 via %2 (metric %5) back to %4 (from %3)")
                          .arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3), metric)
                    : tr("Move the route to %1 via %2 (metric %5) from %3 to %4")
                          .arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3), metric);
    }
    if (s == QLatin1String("DeleteBridge"))
        return tr("Delete bridge %1").arg(name(p, 0));
    if (s == QLatin1String("Confirm")) {
        const int seconds = p.value(0).toInt();
        return tr("Keep the change only if confirmed within %n second(s); otherwise undo all of it", nullptr, seconds);
    }
    QStringList printable;
    for (const QString &x : p)
        printable.append(HelperErrorText::printableName(x));
    return QStringLiteral("%1 %2").arg(HelperErrorText::printableName(s), printable.join(QLatin1Char(' ')));
}

QString HelperPlanText::operation(const QString &method, const QStringList &p)
{
    const bool on = p.value(1) == QLatin1String("true");
    if (method == QLatin1String("CreateBridge"))
        return tr("create bridge %1").arg(name(p, 0));
    if (method == QLatin1String("DeleteBridge"))
        return tr("delete bridge %1").arg(name(p, 0));
    if (method == QLatin1String("AddPort"))
        return tr("make %2 a port of bridge %1").arg(name(p, 0), name(p, 1));
    if (method == QLatin1String("RemovePort"))
        return tr("release %2 from bridge %1").arg(name(p, 0), name(p, 1));
    if (method == QLatin1String("SetLinkUp"))
        return on ? tr("bring %1 up").arg(name(p, 0)) : tr("bring %1 down").arg(name(p, 0));
    if (method == QLatin1String("SetStp"))
        return on ? tr("turn STP on for bridge %1").arg(name(p, 0)) : tr("turn STP off for bridge %1").arg(name(p, 0));
    if (method == QLatin1String("BridgePort"))
        return p.value(2) == QLatin1String("true")
            ? tr("bridge %2 into %1, moving its addresses and routes").arg(name(p, 0), name(p, 1))
            : tr("bridge %2 into %1, leaving its addresses on it").arg(name(p, 0), name(p, 1));
    QStringList printable;
    for (const QString &x : p)
        printable.append(HelperErrorText::printableName(x));
    return QStringLiteral("%1 %2").arg(HelperErrorText::printableName(method), printable.join(QLatin1Char(' ')));
}

} // namespace Passerelle
