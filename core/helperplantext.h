// The steps of a plan from passerelle-helper (Plan, PlanBridgePort) and the
// changes waiting for confirmation (GetPending) as sentences in the user's
// language, written from the stable step names and parameters documented in
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
    // "bridge em1 into br0, moving its addresses and routes": a changing
    // method and its parameters, as GetPending lists them.
    static QString operation(const QString &method, const QStringList &parameters);
};

} // namespace Passerelle
