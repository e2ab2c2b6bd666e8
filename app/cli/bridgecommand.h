// `passerellectl bridge create|delete|add-port|remove-port|stp`: bridge
// changes, made by passerelle-helper for callers polkit authorizes.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class BridgeCommand
{
    Q_DECLARE_TR_FUNCTIONS(BridgeCommand)
public:
    static int run(const QStringList &arguments);
};
