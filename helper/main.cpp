// passerelle-helper: the privileged half of Passerelle. Started by the
// system bus on demand (org.passerelle.Helper1), it changes bridges and
// links for callers polkit authorizes, and exits when idle.
#include "helperconfig.h"
#include "helperlogging.h"
#include "helperservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QAbstractEventDispatcher>
#include <QDBusConnection>

#include <cstdlib>

using namespace Passerelle;

int main(int argc, char *argv[])
{
    // polkit's answers come as GLib callbacks on the default main context,
    // which only Qt's GLib event dispatcher runs. QT_NO_GLIB would select
    // the other dispatcher and every authorization would time out.
    qunsetenv("QT_NO_GLIB");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("passerelle-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASSERELLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Passerelle's privileged helper on the system bus."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("config"),
                      QStringLiteral("Read settings from FILE instead of %1.").arg(HelperConfig::defaultPath()),
                      QStringLiteral("FILE")});
    parser.process(app);

    const QByteArray dispatcher = QCoreApplication::eventDispatcher()->metaObject()->className();
    if (dispatcher != "QEventDispatcherGlib") {
        qCCritical(lcHelper, "the event dispatcher is %s, not GLib's: polkit could not answer", dispatcher.constData());
        return EXIT_FAILURE;
    }

    const bool explicitConfig = parser.isSet(QStringLiteral("config"));
    const QString configPath = explicitConfig ? parser.value(QStringLiteral("config")) : HelperConfig::defaultPath();
    HelperConfig config;
    QString error;
    QStringList warnings;
    if (!HelperConfig::load(configPath, explicitConfig, &config, &error, &warnings)) {
        qCCritical(lcHelper, "%s", qPrintable(error));
        return EXIT_FAILURE;
    }
    for (const QString &w : std::as_const(warnings))
        qCWarning(lcHelper, "%s", qPrintable(w));

    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCCritical(lcHelper, "cannot connect to the system bus: %s", qPrintable(bus.lastError().message()));
        return EXIT_FAILURE;
    }
    HelperService service(config, bus);
    if (!service.start(&error)) {
        qCCritical(lcHelper, "%s", qPrintable(error));
        return EXIT_FAILURE;
    }
    QObject::connect(&service, &HelperService::finished, &app, &QCoreApplication::quit);
    return app.exec();
}
