// A DockerClient running in a thread of its own, as TopologyModel runs it,
// and a recorder of what it reports, applied to a container map the tests
// compare with what Docker says.
#pragma once

#include "dockerclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThread>

class DockerClientRecorder : public QObject
{
public:
    QList<Passerelle::DockerStatus> statuses;
    QList<QList<Passerelle::Container>> resets;
    QList<Passerelle::Container> updates;
    QStringList removals;
    // What a consumer would hold: the last reset with the updates since.
    QHash<QString, Passerelle::Container> current;

    void attach(Passerelle::DockerClient *client)
    {
        using Passerelle::DockerClient;
        connect(client, &DockerClient::statusChanged, this,
                [this](const Passerelle::DockerStatus &s) { statuses.append(s); });
        connect(client, &DockerClient::containersReset, this, [this](const QList<Passerelle::Container> &list) {
            resets.append(list);
            current.clear();
            for (const Passerelle::Container &c : list)
                current.insert(c.id, c);
        });
        connect(client, &DockerClient::containerUpdated, this, [this](const Passerelle::Container &c) {
            updates.append(c);
            current.insert(c.id, c);
        });
        connect(client, &DockerClient::containerRemoved, this, [this](const QString &id) {
            removals.append(id);
            current.remove(id);
        });
    }

    Passerelle::DockerStatus lastStatus() const
    {
        return statuses.isEmpty() ? Passerelle::DockerStatus() : statuses.constLast();
    }
    QStringList currentIds() const
    {
        QStringList ids = current.keys();
        ids.sort();
        return ids;
    }
    const Passerelle::Container *byName(const QString &name) const
    {
        for (const Passerelle::Container &c : current) {
            if (c.name == name)
                return &c;
        }
        return nullptr;
    }
    bool updatedWithName(const QString &name) const
    {
        for (const Passerelle::Container &c : updates) {
            if (c.name == name)
                return true;
        }
        return false;
    }
};

// Threads inherit the network namespace of the thread that starts them:
// enter the namespace first.
class DockerClientHarness
{
public:
    explicit DockerClientHarness(const QString &endpoint)
    {
        client = new Passerelle::DockerClient(endpoint);
        client->moveToThread(&thread);
        recorder.attach(client);
        QObject::connect(&thread, &QThread::finished, client, &QObject::deleteLater);
        thread.start();
    }
    ~DockerClientHarness()
    {
        QMetaObject::invokeMethod(client, &Passerelle::DockerClient::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    void start(bool live = true)
    {
        QMetaObject::invokeMethod(client, [c = client, live] { c->start(live); }, Qt::QueuedConnection);
    }
    void stop() { QMetaObject::invokeMethod(client, &Passerelle::DockerClient::stop, Qt::BlockingQueuedConnection); }

    QThread thread;
    Passerelle::DockerClient *client = nullptr;
    DockerClientRecorder recorder;
};
