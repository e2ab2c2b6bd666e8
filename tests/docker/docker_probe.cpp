// Prints what a one-shot DockerClient says about one endpoint as a JSON
// line; with --init-pids ANCHOR_ID ANCHOR_PID ID..., the init pids of those
// containers that their cgroups tell ({"ID": PID, ...}). The tests run it
// under an unprivileged uid, which they cannot become for a while and come
// back.
#include "containerpids.h"
#include "dockerclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool initPids = argc > 3 && qstrcmp(argv[1], "--init-pids") == 0;
    if (argc != 2 && !initPids) {
        std::fprintf(stderr, "usage: %s ENDPOINT | --init-pids ANCHOR_ID ANCHOR_PID ID...\n", argv[0]);
        return 2;
    }
    auto print = [](const QJsonObject &o) {
        std::puts(QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    };
    if (initPids) {
        const QStringList args = QCoreApplication::arguments();
        const QHash<QString, qint64> pids =
            Passerelle::findContainerInitPids(args.at(2), args.at(3).toLongLong(), args.mid(4));
        QJsonObject o;
        for (auto it = pids.cbegin(); it != pids.cend(); ++it)
            o.insert(it.key(), it.value());
        print(o);
        return 0;
    }
    Passerelle::DockerClient client(QString::fromLocal8Bit(argv[1]));
    QObject::connect(&client, &Passerelle::DockerClient::statusChanged, &app,
                     [&](const Passerelle::DockerStatus &s) {
                         if (s.state != Passerelle::DockerStatus::State::Unavailable)
                             return;
                         print({{QStringLiteral("state"), QStringLiteral("unavailable")},
                                {QStringLiteral("endpoint"), s.endpoint},
                                {QStringLiteral("reason"), s.reason}});
                         app.exit(0);
                     });
    QObject::connect(&client, &Passerelle::DockerClient::containersReset, &app,
                     [&](const QList<Passerelle::Container> &list) {
                         print({{QStringLiteral("state"), QStringLiteral("connected")},
                                {QStringLiteral("containers"), int(list.size())}});
                         app.exit(0);
                     });
    client.start(false);
    QTimer::singleShot(30000, &app, [&app] { app.exit(3); });
    return app.exec();
}
