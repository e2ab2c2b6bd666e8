// `passerellectl link set NAME up|down`, made by passerelle-helper for
// callers polkit authorizes.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class LinkCommand
{
    Q_DECLARE_TR_FUNCTIONS(LinkCommand)
public:
    static int run(const QStringList &arguments);
};
