#include "helperplantext.h"

#include "helpererrortext.h"

#include <algorithm>

namespace Passerelle {

namespace {

QString name(const QStringList &p, int i)
{
    return HelperErrorText::printableName(p.value(i));
}

// The parameters from FIRST on, printable, as a list in a sentence.
QString names(const QStringList &p, int first)
{
    QStringList out;
    for (int i = first; i < p.size(); ++i)
        out.append(HelperErrorText::printableName(p.at(i)));
    return out.join(QStringLiteral(", "));
}

// Lines of a file or a diff under the sentence that announces them,
// indented so that they read as part of the step.
QString block(const QStringList &lines)
{
    QString out;
    for (const QString &line : lines)
        out += QStringLiteral("\n      ") + HelperErrorText::printableName(line);
    return out;
}

} // namespace

QString HelperPlanText::warning(const QStringList &p)
{
    const QString code = p.value(0);
    if (code == QLatin1String("containers-reachable"))
        return tr("Containers are then directly reachable from the LAN: their network security is yours to ensure");
    if (code == QLatin1String("forwarding-dropped"))
        return tr("The firewall may silently drop traffic between the LAN and containers on %1 (br_netfilter is "
                  "loaded and Docker's FORWARD policy is DROP)")
            .arg(name(p, 1));
    if (code == QLatin1String("networkmanager-runtime"))
        return tr("NetworkManager manages %1 and may undo a change made only at runtime").arg(name(p, 1));
    if (code == QLatin1String("not-persistent"))
        return tr("Bridge %1 is not made permanent: after a reboot it is gone, and Docker does not start until it "
                  "exists")
            .arg(name(p, 1));
    if (code == QLatin1String("no-restart"))
        return tr("Docker is not restarted: it uses the new settings only from its next start");
    if (code == QLatin1String("address-not-restored"))
        return tr("Docker took the address %1 from %2 and it could not be put back: %3")
            .arg(name(p, 1), name(p, 2), name(p, 3));
    if (code == QLatin1String("route-not-restored"))
        return tr("The route to %1 via %2 through %3 went away with Docker's restart and could not be put back: %4")
            .arg(name(p, 1), name(p, 2), name(p, 3), name(p, 4));
    if (code == QLatin1String("forwarding-not-allowed"))
        return tr("Traffic within %1 could not be allowed in the firewall: %2").arg(name(p, 1), name(p, 2));
    if (code == QLatin1String("network-not-removed"))
        return tr("The Docker network %1 could not be removed: %2").arg(name(p, 1), name(p, 2));
    if (code == QLatin1String("bip-removed"))
        return tr("The setting bip (%1) is removed: Docker refuses bip together with bridge").arg(name(p, 1));
    if (code == QLatin1String("fixed-cidr-removed"))
        return tr("The setting fixed-cidr (%1) is removed: containers take addresses from the whole subnet of the "
                  "bridge")
            .arg(name(p, 1));
    if (code == QLatin1String("default-gateway-removed"))
        return tr("The setting default-gateway (%1) is removed: the containers' gateway is the bridge's own address")
            .arg(name(p, 1));
    // A warning this program does not know: its code and parameters as they came.
    return QStringLiteral("%1 %2").arg(name(p, 0), names(p, 1)).trimmed();
}

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
    if (s == QLatin1String("RestoreAddress")) {
        if (p.value(1).isEmpty())   // after Docker's restart: nothing it came from
            return tr("Put the address %1 back on %2 (Docker had taken it)").arg(name(p, 0), name(p, 2));
        return tr("Give the address %1 back to %3 (from %2)").arg(name(p, 0), name(p, 1), name(p, 2));
    }
    if (s == QLatin1String("RemoveAddress"))
        return tr("Remove the address %1 from %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("RestoreRoute") && p.value(2).isEmpty()) {
        if (p.value(1).isEmpty())
            return tr("Put the route to %1 back through %2 (Docker had taken it)").arg(name(p, 0), name(p, 3));
        return tr("Put the route to %1 via %2 back through %3 (Docker had taken it)")
            .arg(name(p, 0), name(p, 1), name(p, 3));
    }
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

    // Docker on the physical network.
    if (s == QLatin1String("DockerConflict"))
        return tr("Docker also takes %2 %3 from %1: with both, dockerd would refuse to start")
            .arg(name(p, 0), name(p, 1), name(p, 2));
    if (s == QLatin1String("MoveDockerOption"))
        return tr("Move %2 %3 from %1 into daemon.json as \"%4\"").arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3));
    if (s == QLatin1String("EditDaemonConfig"))
        return tr("Edit %1 (- removed or changed, + added or changed):").arg(name(p, 0)) + block(p.mid(1));
    if (s == QLatin1String("KeepBackup"))
        return tr("Keep the previous %1 as %2").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("WriteFile")) {
        QString content = p.value(1);
        if (content.endsWith(QLatin1Char('\n')))
            content.chop(1);
        return tr("Write %1:").arg(name(p, 0)) + block(content.split(QLatin1Char('\n')));
    }
    if (s == QLatin1String("RemoveFile"))
        return tr("Remove %1").arg(name(p, 0));
    if (s == QLatin1String("RestoreFile"))
        return tr("Give %1 back its previous content (kept as %2)").arg(name(p, 0), name(p, 1));
    if (s == QLatin1String("RemoveConnection"))
        return tr("Delete the NetworkManager connection %1").arg(name(p, 0));
    if (s == QLatin1String("AddConnection"))
        return tr("Add the NetworkManager connection \"%1\" (%2 on %3)").arg(name(p, 0), name(p, 1), name(p, 2));
    if (s == QLatin1String("ReloadSystemd"))
        return tr("Have systemd read its unit files again");
    if (s == QLatin1String("ContainersStop"))
        return tr("The restart stops %n running container(s) (live-restore is off): %1", nullptr, int(p.size()))
            .arg(names(p, 0));
    if (s == QLatin1String("ContainersStopCount"))
        return tr("The restart stops %n running container(s) (live-restore is off)", nullptr, p.value(0).toInt());
    if (s == QLatin1String("ContainersKeepCount"))
        return tr("%n running container(s) keep running through the restart (live-restore is on)", nullptr,
                  p.value(0).toInt());
    if (s == QLatin1String("ContainersKeep"))
        return tr("%n running container(s) keep running through the restart (live-restore is on): %1", nullptr,
                  int(p.size()))
            .arg(names(p, 0));
    if (s == QLatin1String("RestartDocker")) {
        if (p.value(0) == QLatin1String("systemd"))
            return tr("Restart Docker through systemd (%1)").arg(name(p, 1));
        if (p.value(0) == QLatin1String("init"))
            return tr("Restart Docker with its init script (%1)").arg(name(p, 1));
        if (p.value(0) == QLatin1String("command"))
            return tr("Restart Docker with the command %1").arg(name(p, 1));
        return tr("Restart Docker (%1: %2)").arg(name(p, 0), name(p, 1));
    }
    if (s == QLatin1String("WaitForDocker"))
        return tr("Wait up to %n second(s) for Docker to answer again", nullptr, p.value(0).toInt());
    if (s == QLatin1String("CheckBridge") && p.value(0).isEmpty())
        return tr("Check that the host kept its default route; put it back if Docker took it");
    if (s == QLatin1String("CheckBridge"))
        return tr("Check that %1 kept its addresses and the host its default route; put them back if Docker took them")
            .arg(name(p, 0));
    if (s == QLatin1String("CreateDockerNetwork")) {
        // [name, bridge, subnet, ip range, gateway]; range and gateway may be empty.
        const bool range = !p.value(3).isEmpty();
        const bool gateway = !p.value(4).isEmpty();
        if (range && gateway)
            return tr("Create the Docker network %1 on bridge %2 (subnet %3, container addresses from %4, gateway %5)")
                .arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3), name(p, 4));
        if (range)
            return tr("Create the Docker network %1 on bridge %2 (subnet %3, container addresses from %4)")
                .arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3));
        if (gateway)
            return tr("Create the Docker network %1 on bridge %2 (subnet %3, gateway %4)")
                .arg(name(p, 0), name(p, 1), name(p, 2), name(p, 4));
        return tr("Create the Docker network %1 on bridge %2 (subnet %3)").arg(name(p, 0), name(p, 1), name(p, 2));
    }
    if (s == QLatin1String("RemoveDockerNetwork"))
        return tr("Remove the Docker network %1").arg(name(p, 0));
    if (s == QLatin1String("AllowForwarding"))
        return tr("Let the firewall forward traffic within bridge %1 (an ACCEPT rule in the DOCKER-USER chain)")
            .arg(name(p, 0));
    if (s == QLatin1String("Warning"))
        return tr("Warning: %1").arg(warning(p));

    QStringList printable;
    for (const QString &x : p)
        printable.append(HelperErrorText::printableName(x));
    return QStringLiteral("%1 %2").arg(HelperErrorText::printableName(s), printable.join(QLatin1Char(' ')));
}

QStringList HelperPlanText::done(const HelperPlan &steps)
{
    const auto has = [&steps](const QString &name) {
        return std::any_of(steps.cbegin(), steps.cend(), [&name](const HelperPlanStep &s) { return s.name == name; });
    };
    // A backup of a file this list edits is said with the edit.
    const auto backupOf = [&steps](const QString &path) {
        for (const HelperPlanStep &s : steps) {
            if (s.name == QLatin1String("KeepBackup") && s.parameters.value(0) == path)
                return s.parameters.value(1);
        }
        return QString();
    };
    // The reply comes only once Docker answers again; WaitForDocker says it did.
    const bool answers = has(QStringLiteral("WaitForDocker"));

    QStringList lines;
    for (const HelperPlanStep &step : steps) {
        const QStringList &p = step.parameters;
        const QString &s = step.name;
        if (s == QLatin1String("Warning") || s == QLatin1String("WaitForDocker") || s == QLatin1String("CheckBridge"))
            continue;   // warnings go to warning(); a check tells only what it put back
        if (s == QLatin1String("MoveDockerOption")) {
            lines.append(tr("Moved %2 %3 from %1 into daemon.json as \"%4\"").arg(name(p, 0), name(p, 1), name(p, 2), name(p, 3)));
        } else if (s == QLatin1String("EditDaemonConfig")) {
            const QString backup = backupOf(p.value(0));
            lines.append((backup.isEmpty() ? tr("Wrote %1, which did not exist before:").arg(name(p, 0))
                                           : tr("Edited %1 (the previous version is kept as %2):")
                                                 .arg(name(p, 0), HelperErrorText::printableName(backup)))
                         + block(p.mid(1)));
        } else if (s == QLatin1String("KeepBackup")) {
            bool edited = false;
            for (const HelperPlanStep &e : steps)
                edited = edited || (e.name == QLatin1String("EditDaemonConfig") && e.parameters.value(0) == p.value(0));
            if (!edited)
                lines.append(tr("Kept the previous %1 as %2").arg(name(p, 0), name(p, 1)));
        } else if (s == QLatin1String("WriteFile")) {
            lines.append(tr("Wrote %1").arg(name(p, 0)));
        } else if (s == QLatin1String("RemoveFile")) {
            lines.append(tr("Removed %1").arg(name(p, 0)));
        } else if (s == QLatin1String("RestoreFile")) {
            lines.append(tr("Gave %1 back its previous content (kept as %2)").arg(name(p, 0), name(p, 1)));
        } else if (s == QLatin1String("RemoveConnection")) {
            lines.append(tr("Deleted the NetworkManager connection %1").arg(name(p, 0)));
        } else if (s == QLatin1String("AddConnection")) {
            lines.append(tr("Added the NetworkManager connection \"%1\" (%2 on %3)").arg(name(p, 0), name(p, 1), name(p, 2)));
        } else if (s == QLatin1String("ReloadSystemd")) {
            lines.append(tr("Had systemd read its unit files again"));
        } else if (s == QLatin1String("ContainersStop")) {
            lines.append(tr("The restart stopped %n running container(s) (live-restore is off): %1", nullptr, int(p.size()))
                             .arg(names(p, 0)));
        } else if (s == QLatin1String("ContainersStopCount")) {
            lines.append(tr("The restart stopped %n running container(s) (live-restore is off)", nullptr, p.value(0).toInt()));
        } else if (s == QLatin1String("ContainersKeep")) {
            lines.append(tr("%n running container(s) kept running through the restart (live-restore is on): %1", nullptr,
                            int(p.size()))
                             .arg(names(p, 0)));
        } else if (s == QLatin1String("ContainersKeepCount")) {
            lines.append(tr("%n running container(s) kept running through the restart (live-restore is on)", nullptr,
                            p.value(0).toInt()));
        } else if (s == QLatin1String("RestartDocker")) {
            const QString how = p.value(0);
            if (how == QLatin1String("systemd"))
                lines.append(answers ? tr("Restarted Docker through systemd (%1); it answers again").arg(name(p, 1))
                                     : tr("Restarted Docker through systemd (%1)").arg(name(p, 1)));
            else if (how == QLatin1String("init"))
                lines.append(answers ? tr("Restarted Docker with its init script (%1); it answers again").arg(name(p, 1))
                                     : tr("Restarted Docker with its init script (%1)").arg(name(p, 1)));
            else if (how == QLatin1String("command"))
                lines.append(answers ? tr("Restarted Docker with the command %1; it answers again").arg(name(p, 1))
                                     : tr("Restarted Docker with the command %1").arg(name(p, 1)));
            else
                lines.append(answers ? tr("Restarted Docker (%1: %2); it answers again").arg(name(p, 0), name(p, 1))
                                     : tr("Restarted Docker (%1: %2)").arg(name(p, 0), name(p, 1)));
        } else if (s == QLatin1String("CreateDockerNetwork")) {
            lines.append(tr("Created the Docker network %1 on bridge %2 (subnet %3)").arg(name(p, 0), name(p, 1), name(p, 2)));
        } else if (s == QLatin1String("RemoveDockerNetwork")) {
            lines.append(tr("Removed the Docker network %1").arg(name(p, 0)));
        } else if (s == QLatin1String("AllowForwarding")) {
            lines.append(tr("Added an ACCEPT rule to the DOCKER-USER chain: the firewall forwards traffic within "
                            "bridge %1")
                             .arg(name(p, 0)));
        } else {
            // RestoreAddress and RestoreRoute read as done already ("Put the
            // address ... back"); any other step as the plan says it.
            lines.append(HelperPlanText::step(step));
        }
    }
    return lines;
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
    if (method == QLatin1String("Expose"))
        return tr("expose containers on the physical network: bridge %1 into %2, moving its addresses and routes")
            .arg(name(p, 0), name(p, 1));
    QStringList printable;
    for (const QString &x : p)
        printable.append(HelperErrorText::printableName(x));
    return QStringLiteral("%1 %2").arg(HelperErrorText::printableName(method), printable.join(QLatin1Char(' ')));
}

bool HelperPlanText::dockerWaitsForBridge(const HelperPlan &steps)
{
    // The boot-order drop-in (helper/persist/dockerbootorder): written only
    // where systemd runs Docker.
    return std::any_of(steps.cbegin(), steps.cend(), [](const HelperPlanStep &s) {
        return s.name == QLatin1String("WriteFile")
            && s.parameters.value(0).endsWith(QLatin1String("/passerelle-bridge.conf"));
    });
}

QStringList HelperPlanText::followUp(const QString &method, const QStringList &p, FollowUpTime when,
                                     const HelperPlan &steps)
{
    // Expose's parameters: [port, bridge, fixedCidr, defaultGateway, mode, persist].
    if (method != QLatin1String("Expose"))
        return {};
    QStringList lines;
    const bool network = p.value(4) == QLatin1String("network");
    if (when == FollowUpTime::Now)
        lines.append(network ? tr("now: a Docker network on bridge %1 (Docker is not restarted)").arg(name(p, 1))
                             : tr("now: Docker's default bridge -> %1, and a restart of Docker").arg(name(p, 1)));
    else
        lines.append(network
                         ? tr("then, once confirmed: a Docker network on bridge %1 (Docker is not restarted)").arg(name(p, 1))
                         : tr("then, once confirmed: Docker's default bridge -> %1, and a restart of Docker").arg(name(p, 1)));
    if (p.value(2).isEmpty())
        lines.append(tr("containers take addresses from the whole subnet of %1").arg(name(p, 1)));
    else
        lines.append(tr("containers take addresses from %1").arg(name(p, 2)));
    if (!p.value(3).isEmpty())
        lines.append(tr("their gateway: %1").arg(name(p, 3)));
    if (p.value(5) == QLatin1String("false"))
        lines.append(tr("not made permanent: %1 is gone after a reboot").arg(name(p, 1)));
    else if (dockerWaitsForBridge(steps))
        lines.append(tr("made permanent: %1 and its port come back after a reboot, and Docker waits for them")
                         .arg(name(p, 1)));
    else
        lines.append(tr("made permanent: %1 and its port come back after a reboot").arg(name(p, 1)));
    return lines;
}

QString HelperPlanText::progress(const QString &stage, const QStringList &p)
{
    if (stage == QLatin1String("writing"))
        return tr("Writing %1").arg(name(p, 0));
    if (stage == QLatin1String("restarting")) {
        if (p.value(0) == QLatin1String("systemd"))
            return tr("Restarting Docker through systemd");
        if (p.value(0) == QLatin1String("init"))
            return tr("Restarting Docker with its init script");
        if (p.value(0) == QLatin1String("command"))
            return tr("Restarting Docker with the configured command");
        return tr("Restarting Docker (%1)").arg(name(p, 0));
    }
    if (stage == QLatin1String("waiting"))
        return tr("Waiting for Docker to answer (%n second(s) so far)", nullptr, p.value(0).toInt());
    if (stage == QLatin1String("up"))
        return tr("Docker answers again (after %n second(s))", nullptr, p.value(0).toInt());
    if (stage == QLatin1String("checking"))
        return tr("Checking that %1 kept its addresses and the default route").arg(name(p, 0));
    if (stage == QLatin1String("restoring")) {
        // [reason]: DockerFailed's stage, or the first parameter of the
        // error that stopped the change (a file's path, say).
        const QString &why = p.value(0);
        if (why == QLatin1String("restart"))
            return tr("Restarting Docker failed: putting the previous configuration back");
        if (why == QLatin1String("start"))
            return tr("Docker did not answer after the restart: putting the previous configuration back");
        if (why == QLatin1String("check"))
            return tr("The check after Docker's restart failed: putting the previous configuration back");
        if (why == QLatin1String("daemon-reload"))
            return tr("systemd could not read its unit files again: putting the previous configuration back");
        if (why == QLatin1String("network") || why == QLatin1String("create-network"))
            return tr("Docker refused the network: putting the previous configuration back");
        if (why.isEmpty())
            return tr("A step failed: putting the previous configuration back");
        return tr("A step failed (%1): putting the previous configuration back").arg(name(p, 0));
    }
    if (stage == QLatin1String("done"))
        return tr("Docker's configuration is done");
    QStringList printable;
    for (const QString &x : p)
        printable.append(HelperErrorText::printableName(x));
    return QStringLiteral("%1 %2").arg(HelperErrorText::printableName(stage), printable.join(QLatin1Char(' ')));
}

} // namespace Passerelle
