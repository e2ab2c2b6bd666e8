#include "namevalidator.h"

namespace Passerelle::NameValidator {

std::optional<InvalidNameReason> problem(const QString &name)
{
    if (name.isEmpty())
        return InvalidNameReason::Empty;
    bool allDigits = true;
    bool forbidden = false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        // Printable ASCII and the space; the space is reported as forbidden below.
        if (u < 0x20 || u > 0x7e)
            return InvalidNameReason::NotPrintableAscii;
        if (u == u' ' || u == u'/' || u == u':' || u == u'%')
            forbidden = true;
        if (u < u'0' || u > u'9')
            allDigits = false;
    }
    if (forbidden)
        return InvalidNameReason::ForbiddenCharacter;
    // All ASCII from here on, so characters are bytes.
    if (name.size() > MaxNameBytes)
        return InvalidNameReason::TooLong;
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return InvalidNameReason::Dot;
    // ip and systemd read an all-digit name as an ifindex.
    if (allDigits)
        return InvalidNameReason::AllDigits;
    return std::nullopt;
}

} // namespace Passerelle::NameValidator
