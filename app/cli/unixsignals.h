// Turns SIGINT and SIGTERM into a Qt signal (through a socket pair, since
// almost nothing may be called from a signal handler), so Ctrl-C ends
// `monitor` cleanly: threads stopped, output flushed.
#pragma once

#include <QObject>

class QSocketNotifier;

class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};
