// `passerellectl monitor [--json]`: every change as it happens, one line
// each, like `ip monitor` and `docker events`. Ctrl-C ends it.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class MonitorCommand
{
    Q_DECLARE_TR_FUNCTIONS(MonitorCommand)
public:
    static int run(const QStringList &arguments);
};
