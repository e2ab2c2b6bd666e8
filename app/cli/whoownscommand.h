// `passerellectl who-owns IFNAME` and `who-owns --container NAME|ID`: the
// container, namespace or process at the far end of a veth, and back.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class WhoOwnsCommand
{
    Q_DECLARE_TR_FUNCTIONS(WhoOwnsCommand)
public:
    static int run(const QStringList &arguments);
};
