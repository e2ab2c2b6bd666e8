// Loads the user's language for Passerelle and for Qt's own strings.
#pragma once

#include <QString>
#include <QStringList>

namespace Passerelle {

// The languages to try, best first: the override ("fr", "en") when given,
// else LANGUAGE, LC_ALL, LC_MESSAGES, LANG in the order gettext reads them.
QStringList preferredLanguages(const QString &override = QString());

// Installs Qt's catalogue, then ours, on the running application. Returns
// the language chosen ("en" when none of the preferred ones is translated).
QString installTranslations(const QString &override = QString());

// The language chosen in the GUI's preferences ("fr", "en"), empty for the
// system's; kept in the user's settings.
QString savedLanguage();
void saveLanguage(const QString &language);

// Finds "--lang X" or "--lang=X" in argv before any parser runs, so that
// even --help is printed in that language.
QString languageFromArguments(const QStringList &arguments);

// The languages Passerelle speaks, sorted ("en", "fr"): English, the
// source, and each catalogue built into the program.
QStringList supportedLanguages();
// Whether LANGUAGE ("fr", "fr_CA", "en_US.UTF-8") is one of them, as
// installTranslations() would find it; --lang takes no other.
bool isSupportedLanguage(const QString &language);

} // namespace Passerelle
