// `passerellectl confirm|revert [TRANSACTION]` and `passerellectl status`:
// the change passerelle-helper keeps on trial until it is confirmed, and
// undoes otherwise.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class TransactionCommand
{
    Q_DECLARE_TR_FUNCTIONS(TransactionCommand)
public:
    // COMMAND is "confirm", "revert" or "status".
    static int run(const QString &command, const QStringList &arguments);
};
