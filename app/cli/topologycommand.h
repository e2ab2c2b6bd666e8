// `passerellectl topology [--json]`: the whole picture, once.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class TopologyCommand
{
    Q_DECLARE_TR_FUNCTIONS(TopologyCommand)
public:
    static int run(const QStringList &arguments);
};
