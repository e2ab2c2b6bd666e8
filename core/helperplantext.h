// The steps of a plan from passerelle-helper (Plan, PlanBridgePort,
// PlanDocker), the changes waiting for confirmation (GetPending) and the
// stages of a Docker restart (DockerProgress) as sentences in the user's
// language, written from the stable names and parameters documented in
// resources/org.passerelle.Helper1.xml.
#pragma once

#include "helpertypes.h"

#include <QCoreApplication>

namespace Passerelle {

class HelperPlanText
{
    Q_DECLARE_TR_FUNCTIONS(HelperPlanText)
public:
    // "Create bridge br0 (STP off)". A step this program does not know is
    // shown by its name and parameters rather than hidden.
    static QString step(const HelperPlanStep &step);
    // The sentence of a ("Warning", [code, parameter...]) step, without the
    // "Warning:" that step() puts before it.
    static QString warning(const QStringList &parameters);
    // "bridge em1 into br0, moving its addresses and routes": a changing
    // method and its parameters, as GetPending lists them.
    static QString operation(const QString &method, const QStringList &parameters);
    // When followUp() speaks: of a change still waiting ("then, once
    // confirmed: ..."), or while its confirmation carries it out ("now: ...").
    enum class FollowUpTime { OnceConfirmed, Now };
    // What a pending change does once confirmed, one sentence per line:
    // for an Expose, the Docker part ("Docker's default bridge becomes br0,
    // then Docker restarts", the address range, permanence). Docker is said
    // to wait for the bridge at boot only when STEPS (the Expose's plan)
    // write the boot-order drop-in; without them, only that the bridge
    // comes back. Empty for a change whose confirmation only keeps it.
    static QStringList followUp(const QString &method, const QStringList &parameters,
                                FollowUpTime when = FollowUpTime::OnceConfirmed, const HelperPlan &steps = {});
    // Whether STEPS write the docker.service drop-in that makes Docker wait
    // for the bridge at boot (passerelle-bridge.conf).
    static bool dockerWaitsForBridge(const HelperPlan &steps);
    // What a Docker call did (UseDockerBridge, ResetDockerBridge), from the
    // steps it answered with: one line per change, in the past tense
    // ("Wrote /etc/network/interfaces.d/passerelle-br0"). Docker's restart
    // and the wait that follows make one line; the waits, checks and
    // warnings are left out (warning() writes those). A step this program
    // has no such sentence for is shown as step() shows it.
    static QStringList done(const HelperPlan &steps);
    // "Restarting Docker through systemd": a DockerProgress stage.
    static QString progress(const QString &stage, const QStringList &parameters);
};

} // namespace Passerelle
