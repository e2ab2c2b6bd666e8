// Prints what a one-shot DockerClient says about one endpoint as a JSON
// line. tst_dockerendpoints runs it under an unprivileged uid, which the
// test itself cannot become for a while and come back.
#include "dockerclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s ENDPOINT\n", argv[0]);
        return 2;
    }
    auto print = [](const QJsonObject &o) {
        std::puts(QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    };
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
