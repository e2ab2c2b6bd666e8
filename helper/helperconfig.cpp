#include "helperconfig.h"

#include <QFileInfo>
#include <QSettings>

namespace Passerelle {

namespace {

struct IntKey
{
    const char *key;
    int HelperConfig::*field;
    int min;
    int max;
};

constexpr IntKey intKeys[] = {
    {"idle-timeout", &HelperConfig::idleTimeoutSeconds, 0, 24 * 3600},
    {"authorization-timeout", &HelperConfig::authorizationTimeoutSeconds, 1, 3600},
    {"max-pending-per-caller", &HelperConfig::maxPendingPerCaller, 1, 64},
    {"confirm-timeout", &HelperConfig::confirmTimeoutSeconds, 1, 3600},
};

} // namespace

QString HelperConfig::defaultPath()
{
    return QStringLiteral(PASSERELLE_HELPER_CONFIG);
}

QString HelperConfig::defaultStateDirectory()
{
    return QStringLiteral(PASSERELLE_STATE_DIR);
}

bool HelperConfig::load(const QString &path, bool explicitPath, HelperConfig *config, QString *error,
                        QStringList *warnings)
{
    *config = HelperConfig();
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!explicitPath)
            return true;
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    if (!info.isReadable()) {
        *error = QStringLiteral("%1: cannot be read").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error = QStringLiteral("%1: not a valid INI file").arg(path);
        return false;
    }
    settings.beginGroup(QStringLiteral("helper"));
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        if (key == QLatin1String("state-dir")) {
            const QString dir = settings.value(key).toString().trimmed();
            if (dir.startsWith(QLatin1Char('/')) && !dir.contains(QLatin1String("/../")) && !dir.endsWith(QLatin1String("/..")))
                config->stateDirectory = dir;
            else
                warnings->append(QStringLiteral("%1: [helper] state-dir must be an absolute path; using %2")
                                     .arg(path, config->stateDirectory));
            continue;
        }
        const IntKey *known = nullptr;
        for (const IntKey &k : intKeys) {
            if (key == QLatin1String(k.key))
                known = &k;
        }
        if (!known) {
            warnings->append(QStringLiteral("%1: unknown key [helper] %2 ignored").arg(path, key));
            continue;
        }
        bool ok = false;
        const int value = settings.value(key).toString().trimmed().toInt(&ok);
        if (!ok || value < known->min || value > known->max) {
            warnings->append(QStringLiteral("%1: [helper] %2 must be a number from %3 to %4; using %5")
                                 .arg(path, key)
                                 .arg(known->min)
                                 .arg(known->max)
                                 .arg(config->*(known->field)));
            continue;
        }
        config->*(known->field) = value;
    }
    return true;
}

} // namespace Passerelle
