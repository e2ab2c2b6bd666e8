// A refusal from passerelle-helper (or from the bus on its way there) as one
// sentence in the user's language, written from the stable error name and
// its parameters, never from the helper's English detail.
#pragma once

#include "helpererrors.h"

#include <QCoreApplication>

namespace Passerelle {

class HelperErrorText
{
    Q_DECLARE_TR_FUNCTIONS(HelperErrorText)
public:
    // "not authorized to manage bridges". Starts in lower case, as the
    // command line prints it after "passerellectl: ".
    static QString sentence(const HelperFailure &failure);

    // A name as typed, with control and non-ASCII characters escaped, so an
    // error about a bad name can be read and does not garble the terminal.
    static QString printableName(const QString &name);
};

} // namespace Passerelle
