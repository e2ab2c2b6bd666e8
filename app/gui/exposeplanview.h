// The preview of the "expose containers on the physical network" flow, as
// PlanDocker("Expose", ...) answers it: the network steps made now (on
// trial), then what Docker's part does once the change is kept, with the
// details a list of sentences would hide: daemon.json as a diff, each file
// written with its content, the containers a restart of Docker stops, and
// the plan's warnings. Read-only rich text; the sentences come from
// core's HelperPlanText.
#pragma once

#include "helpertypes.h"

#include <QTextBrowser>

namespace Passerelle {

// A plan sorted into what the preview shows.
struct ExposePlanSummary
{
    struct File
    {
        QString path;
        QString content;
    };

    QStringList networkSteps;       // sentences, before the confirmation
    uint confirmSeconds = 0;        // the plan's ("Confirm", [seconds]); 0 when none
    QStringList dockerSteps;        // sentences, after it
    QString daemonConfig;           // EditDaemonConfig's path
    QStringList daemonDiff;         // its "-" and "+" lines
    QList<File> files;              // WriteFile
    QStringList stoppedContainers;  // ContainersStop
    QStringList keptContainers;     // ContainersKeep
    QStringList warningCodes;       // Warning's codes, in order
    QStringList warnings;           // and their sentences

    static ExposePlanSummary fromPlan(const HelperPlan &plan);
};

class ExposePlanView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ExposePlanView(QWidget *parent = nullptr);

    void showPlan(const HelperPlan &plan);
    void clearPlan();
    const ExposePlanSummary &summary() const { return m_summary; }

private:
    QString html() const;

    ExposePlanSummary m_summary;
};

} // namespace Passerelle
