// `passerellectl expose PORT --bridge BRIDGE`: the whole "containers on the
// physical network" flow in one command. passerelle-helper bridges PORT
// into BRIDGE now, on trial; `passerellectl confirm` keeps it and only then
// reconfigures and restarts Docker; without confirmation all of it is put
// back and Docker is never touched.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class ExposeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExposeCommand)
public:
    static int run(const QStringList &arguments);
};
