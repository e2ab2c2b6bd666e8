// A refused or failed change in plain words, as plasma-nm reports a failed
// connection: a translated title saying what could not be done ("Cannot
// bridge em1 into br0"), the sentence for the helper's error name and
// parameters, and the raw D-Bus error behind the Details button.
#pragma once

#include "helpererrors.h"
#include "linkchange.h"

#include <QCoreApplication>

class QMessageBox;
class QWidget;

namespace Passerelle {

class ChangeErrorDialog
{
    Q_DECLARE_TR_FUNCTIONS(ChangeErrorDialog)
public:
    enum class Step { Apply, Keep, Revert, Extend };

    // "Cannot bridge em1 into br0", "Cannot keep the changes"...
    static QString title(Step step, const LinkChange &change);
    // The helper's sentence as a sentence of its own: capital, full stop.
    static QString sentence(const HelperFailure &failure);
    // Error name, parameters and the helper's English detail.
    static QString details(const HelperFailure &failure);

    // Opens a window-modal message box (deleted when closed) and returns it.
    static QMessageBox *show(QWidget *parent, Step step, const LinkChange &change, const HelperFailure &failure);
};

} // namespace Passerelle
