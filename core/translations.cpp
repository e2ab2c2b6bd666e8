#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <algorithm>

namespace Passerelle {

namespace {

// Qt's own catalogues (qtbase_fr of Qt 6.4) lack these texts of --help;
// listed here, lupdate puts them in ours, which is asked first.
[[maybe_unused]] const char *const qtbaseGaps[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
};

} // namespace

QStringList preferredLanguages(const QString &override)
{
    QStringList result;
    auto add = [&result](const QString &value) {
        // "fr_FR.UTF-8@euro" -> "fr_FR" and "fr"
        QString lang = value.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
        if (lang.isEmpty() || lang == QLatin1String("C") || lang == QLatin1String("POSIX"))
            return;
        if (!result.contains(lang))
            result.append(lang);
        const QString base = lang.section(QLatin1Char('_'), 0, 0);
        if (!result.contains(base))
            result.append(base);
    };
    if (!override.isEmpty()) {
        add(override);
        return result;
    }
    // gettext: LANGUAGE (a list) wins unless the locale is C; then the first
    // of LC_ALL, LC_MESSAGES, LANG that is set.
    QString locale;
    for (const char *var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        locale = qEnvironmentVariable(var);
        if (!locale.isEmpty())
            break;
    }
    const bool cLocale = locale.isEmpty() || locale == QLatin1String("C") || locale == QLatin1String("POSIX");
    if (!cLocale) {
        const QStringList languages = qEnvironmentVariable("LANGUAGE").split(QLatin1Char(':'), Qt::SkipEmptyParts);
        for (const QString &l : languages)
            add(l);
        add(locale);
    }
    return result;
}

QString installTranslations(const QString &override)
{
    auto *app = QCoreApplication::instance();
    const QStringList languages = preferredLanguages(override);
    for (const QString &lang : languages) {
        if (lang == QLatin1String("en") || lang.startsWith(QLatin1String("en_")))
            break; // English is the source language
        auto *ours = new QTranslator(app);
        if (!ours->load(QStringLiteral(":/i18n/passerelle_") + lang)) {
            delete ours;
            continue;
        }
        // Qt's own strings first, so ours win where both translate.
        auto *qt = new QTranslator(app);
        if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
        QCoreApplication::installTranslator(ours);
        QLocale::setDefault(QLocale(lang));
        return lang;
    }
    // English plural forms come from passerelle_en.
    auto *english = new QTranslator(app);
    if (english->load(QStringLiteral(":/i18n/passerelle_en")))
        QCoreApplication::installTranslator(english);
    else
        delete english;
    return QStringLiteral("en");
}

namespace {
QSettings userSettings()
{
    return QSettings(QStringLiteral("passerelle"), QStringLiteral("passerelle"));
}
} // namespace

QString savedLanguage()
{
    return userSettings().value(QStringLiteral("language")).toString();
}

void saveLanguage(const QString &language)
{
    QSettings settings = userSettings();
    if (language.isEmpty())
        settings.remove(QStringLiteral("language"));
    else
        settings.setValue(QStringLiteral("language"), language);
}

QString languageFromArguments(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return QString();
}

QStringList supportedLanguages()
{
    QStringList out{QStringLiteral("en")};
    const QStringList catalogues =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("passerelle_*.qm")}, QDir::Files);
    for (const QString &file : catalogues) {
        const QString lang = file.mid(11).chopped(3);   // "passerelle_" ... ".qm"
        if (!out.contains(lang))
            out.append(lang);
    }
    out.sort();
    return out;
}

bool isSupportedLanguage(const QString &language)
{
    const QStringList supported = supportedLanguages();
    const QStringList candidates = preferredLanguages(language);
    return std::any_of(candidates.cbegin(), candidates.cend(),
                       [&supported](const QString &c) { return supported.contains(c); });
}

} // namespace Passerelle
