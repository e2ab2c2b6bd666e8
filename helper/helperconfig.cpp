#include "helperconfig.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>

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

bool isAbsolutePath(const QString &path)
{
    return path.startsWith(QLatin1Char('/')) && !path.contains(QLatin1String("/../"))
        && !path.endsWith(QLatin1String("/.."));
}

// [docker] and [persist]: paths, choices and the restart argv. A bad value
// keeps the default and is reported, like the [helper] numbers.
void loadDocker(QSettings &settings, const QString &path, DockerConfig *docker, QStringList *warnings)
{
    settings.beginGroup(QStringLiteral("docker"));
    const QStringList keys = settings.childKeys();
    for (const QString &key : keys) {
        // QSettings splits unquoted commas into a list; take the raw text back.
        const QVariant raw = settings.value(key);
        const QString value = (raw.metaType().id() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(','))
                                                                              : raw.toString())
                                  .trimmed();
        const auto badPath = [&] {
            warnings->append(QStringLiteral("%1: [docker] %2 must be an absolute path; ignored").arg(path, key));
        };
        if (key == QLatin1String("config")) {
            isAbsolutePath(value) ? void(docker->daemonConfig = value) : badPath();
        } else if (key == QLatin1String("defaults-file")) {
            isAbsolutePath(value) ? void(docker->defaultsFile = value) : badPath();
        } else if (key == QLatin1String("socket")) {
            if (value.startsWith(QLatin1String("unix:///")))
                docker->socket = value;
            else
                warnings->append(QStringLiteral("%1: [docker] socket must be unix:///PATH; ignored").arg(path));
        } else if (key == QLatin1String("restart")) {
            if (QStringList{QStringLiteral("auto"), QStringLiteral("systemd"), QStringLiteral("init"),
                            QStringLiteral("command")}
                    .contains(value))
                docker->restart = value;
            else
                warnings->append(
                    QStringLiteral("%1: [docker] restart must be auto, systemd, init or command; ignored").arg(path));
        } else if (key == QLatin1String("restart-command")) {
            const QStringList argv = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (argv.isEmpty() || isAbsolutePath(argv.first()))
                docker->restartCommand = argv;
            else
                warnings->append(
                    QStringLiteral("%1: [docker] restart-command must start with an absolute path; ignored").arg(path));
        } else if (key == QLatin1String("restart-timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            // At most 600: Expose's trial (3600 s at most) must outlast a
            // restart, a failed wait, and the restart that puts things back.
            if (ok && seconds >= 5 && seconds <= 600)
                docker->restartTimeoutSeconds = seconds;
            else
                warnings->append(QStringLiteral("%1: [docker] restart-timeout must be a number from 5 to 600; using %2")
                                     .arg(path)
                                     .arg(docker->restartTimeoutSeconds));
        } else if (key == QLatin1String("unit-dirs")) {
            const QStringList dirs = value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (std::all_of(dirs.begin(), dirs.end(), isAbsolutePath))
                docker->unitDirs = dirs;
            else
                badPath();
        } else {
            warnings->append(QStringLiteral("%1: unknown key [docker] %2 ignored").arg(path, key));
        }
    }
    settings.endGroup();
}

void loadPersist(QSettings &settings, const QString &path, PersistConfig *persist, QStringList *warnings)
{
    settings.beginGroup(QStringLiteral("persist"));
    const QStringList keys = settings.childKeys();
    const QList<std::pair<const char *, QString PersistConfig::*>> paths{
        {"ifupdown-dir", &PersistConfig::ifupdownDir},
        {"interfaces-file", &PersistConfig::interfacesFile},
        {"networkd-dir", &PersistConfig::networkdDir},
        {"dropin-dir", &PersistConfig::dropInDir},
    };
    for (const QString &key : keys) {
        const QString value = settings.value(key).toString().trimmed();
        if (key == QLatin1String("backend")) {
            if (QStringList{QStringLiteral("auto"), QStringLiteral("ifupdown"), QStringLiteral("networkd"),
                            QStringLiteral("networkmanager"), QStringLiteral("none")}
                    .contains(value))
                persist->backend = value;
            else
                warnings->append(QStringLiteral("%1: [persist] backend must be auto, ifupdown, networkd, "
                                                "networkmanager or none; ignored")
                                     .arg(path));
            continue;
        }
        bool known = false;
        for (const auto &[name, field] : paths) {
            if (key != QLatin1String(name))
                continue;
            known = true;
            if (isAbsolutePath(value))
                persist->*field = value;
            else
                warnings->append(QStringLiteral("%1: [persist] %2 must be an absolute path; ignored").arg(path, key));
        }
        if (!known)
            warnings->append(QStringLiteral("%1: unknown key [persist] %2 ignored").arg(path, key));
    }
    settings.endGroup();
}

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
    config->path = path;
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
            if (isAbsolutePath(dir))
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
    settings.endGroup();
    loadDocker(settings, path, &config->docker, warnings);
    loadPersist(settings, path, &config->persist, warnings);
    return true;
}

} // namespace Passerelle
