#include "dockerrestarter.h"

#include "dockerenginelogging.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

namespace Passerelle {

namespace {

const QString kSystemdService = QStringLiteral("org.freedesktop.systemd1");
const QString kSystemdPath = QStringLiteral("/org/freedesktop/systemd1");
const QString kSystemdManager = QStringLiteral("org.freedesktop.systemd1.Manager");

// What an error report keeps of a program's output.
constexpr qsizetype kMaxOutput = 4096;

HelperFailure dockerFailed(const QString &stage, const QString &detail)
{
    return HelperFailure::make(HelperError::DockerFailed, {stage, detail}, detail);
}

} // namespace

class DockerRestarter::Private
{
public:
    Private(DockerRestarter *q, const Settings &settings)
        : q(q)
        , settings(settings)
    {
    }

    DockerRestarter *q;
    Settings settings;
    QByteArray output;

    // The restart in progress.
    Done done;
    QTimer *timer = nullptr;
    QProcess *process = nullptr;
    bool timedOut = false;
    quint64 session = 0;                 // bumped when a restart ends: late answers are dropped
    QString jobPath;                     // systemd: our job, once RestartUnit answered
    QHash<QString, QString> removedJobs; // systemd: job -> result, seen before RestartUnit answered
    bool watchingJobs = false;

    bool busy() const { return bool(done); }
    void finish(const std::optional<HelperFailure> &failure);
    void startTimer();
    void runProgram(const QStringList &argv);
    void restartWithSystemd();
    void jobEnded(const QString &result);
    void stopWatchingJobs();
    void appendOutput(const QByteArray &bytes);
};

void DockerRestarter::Private::appendOutput(const QByteArray &bytes)
{
    output.append(bytes);
    if (output.size() > kMaxOutput)
        output.remove(0, output.size() - kMaxOutput);
}

void DockerRestarter::Private::finish(const std::optional<HelperFailure> &failure)
{
    ++session;
    if (timer)
        timer->stop();
    stopWatchingJobs();
    jobPath.clear();
    removedJobs.clear();
    if (process) {
        process->disconnect(q);
        process->deleteLater();
        process = nullptr;
    }
    if (failure)
        qCWarning(lcDockerEngine) << "restarting Docker failed:" << failure->detail;
    else
        qCInfo(lcDockerEngine) << "Docker restarted";
    // The callback may start another restart.
    const Done callback = std::exchange(done, Done());
    callback(failure);
}

void DockerRestarter::Private::startTimer()
{
    timedOut = false;
    if (!timer) {
        timer = new QTimer(q);
        timer->setSingleShot(true);
        // A coarse timer may fire 5% early: a restart is never cut short.
        timer->setTimerType(Qt::PreciseTimer);
    }
    timer->disconnect(q);
    QObject::connect(timer, &QTimer::timeout, q, [this] {
        timedOut = true;
        if (process) {
            // finished() reports it, with the output so far.
            qCWarning(lcDockerEngine) << "restart command still running after" << settings.timeoutMs << "ms: killed";
            process->kill();
            return;
        }
        finish(dockerFailed(QStringLiteral("restart"),
                            QStringLiteral("systemd's job restarting %1 did not end within %2 s")
                                .arg(settings.unit, QString::number(settings.timeoutMs / 1000.0))));
    });
    timer->start(settings.timeoutMs);
}

void DockerRestarter::Private::runProgram(const QStringList &argv)
{
    output.clear();
    process = new QProcess(q);
    process->setProgram(argv.first());
    process->setArguments(argv.mid(1));
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    const QString shown = argv.join(QLatin1Char(' '));
    QObject::connect(process, &QProcess::readyReadStandardOutput, q, [this] {
        appendOutput(process->readAllStandardOutput());
    });
    QObject::connect(process, &QProcess::errorOccurred, q, [this, shown](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // the others end with finished()
        finish(dockerFailed(QStringLiteral("restart"),
                            QStringLiteral("cannot run %1: %2").arg(shown, process->errorString())));
    });
    QObject::connect(process, &QProcess::finished, q, [this, shown](int exitCode, QProcess::ExitStatus status) {
        appendOutput(process->readAllStandardOutput());
        const QString tail = QString::fromLocal8Bit(output).trimmed();
        const QString said = tail.isEmpty() ? QStringLiteral("no output") : QStringLiteral("output:\n") + tail;
        if (timedOut) {
            finish(dockerFailed(QStringLiteral("restart"), QStringLiteral("%1 did not end within %2 s and was killed; %3")
                                                               .arg(shown, QString::number(settings.timeoutMs / 1000.0), said)));
        } else if (status != QProcess::NormalExit) {
            finish(dockerFailed(QStringLiteral("restart"), QStringLiteral("%1 crashed; %2").arg(shown, said)));
        } else if (exitCode != 0) {
            finish(dockerFailed(QStringLiteral("restart"),
                                QStringLiteral("%1 exited with status %2; %3").arg(shown, QString::number(exitCode), said)));
        } else {
            finish(std::nullopt);
        }
    });
    qCInfo(lcDockerEngine) << "restarting Docker:" << shown;
    startTimer();
    process->start();
}

void DockerRestarter::Private::restartWithSystemd()
{
    output.clear();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        const QString why = bus.lastError().message();
        QTimer::singleShot(0, q, [this, why] {
            finish(dockerFailed(QStringLiteral("restart"), QStringLiteral("cannot reach systemd on the system bus: %1").arg(why)));
        });
        return;
    }
    // The signal first: the job may end before RestartUnit's answer reaches
    // us. systemd only sends JobRemoved to subscribed clients; the
    // subscription lasts as long as the connection, which the helper shares
    // with its own service, so it is never undone here.
    watchingJobs = bus.connect(kSystemdService, kSystemdPath, kSystemdManager, QStringLiteral("JobRemoved"), q,
                               SLOT(jobRemoved(QDBusMessage)));
    if (!watchingJobs) {
        QTimer::singleShot(0, q, [this] {
            finish(dockerFailed(QStringLiteral("restart"), QStringLiteral("cannot watch systemd's jobs")));
        });
        return;
    }
    const quint64 current = session;
    bus.asyncCall(QDBusMessage::createMethodCall(kSystemdService, kSystemdPath, kSystemdManager, QStringLiteral("Subscribe")));

    QDBusMessage call = QDBusMessage::createMethodCall(kSystemdService, kSystemdPath, kSystemdManager,
                                                       QStringLiteral("RestartUnit"));
    call << settings.unit << QStringLiteral("replace");
    qCInfo(lcDockerEngine) << "restarting" << settings.unit << "through systemd";
    startTimer();
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, settings.timeoutMs), q);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, q, [this, current](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (current != session)
            return;
        const QDBusPendingReply<QDBusObjectPath> reply = *w;
        if (reply.isError()) {
            finish(dockerFailed(QStringLiteral("restart"), QStringLiteral("systemd refused to restart %1: %2 (%3)")
                                                               .arg(settings.unit, reply.error().message(), reply.error().name())));
            return;
        }
        jobPath = reply.value().path();
        const auto seen = removedJobs.constFind(jobPath);
        if (seen != removedJobs.constEnd())
            jobEnded(*seen);
    });
}

void DockerRestarter::Private::jobEnded(const QString &result)
{
    output = result.toUtf8();
    // "done", else "canceled", "timeout", "failed", "dependency", "skipped".
    if (result == QLatin1String("done")) {
        finish(std::nullopt);
        return;
    }
    finish(dockerFailed(QStringLiteral("restart"),
                        QStringLiteral("systemd's job restarting %1 ended with result \"%2\"").arg(settings.unit, result)));
}

void DockerRestarter::Private::stopWatchingJobs()
{
    if (!watchingJobs)
        return;
    QDBusConnection::systemBus().disconnect(kSystemdService, kSystemdPath, kSystemdManager, QStringLiteral("JobRemoved"),
                                            q, SLOT(jobRemoved(QDBusMessage)));
    watchingJobs = false;
}

std::optional<DockerRestarter::Method> DockerRestarter::methodFromKey(const QString &key)
{
    for (Method m : {Method::Auto, Method::Systemd, Method::Init, Method::Command}) {
        if (key == methodKey(m))
            return m;
    }
    return std::nullopt;
}

QString DockerRestarter::methodKey(Method method)
{
    switch (method) {
    case Method::Auto:
        return QStringLiteral("auto");
    case Method::Systemd:
        return QStringLiteral("systemd");
    case Method::Init:
        return QStringLiteral("init");
    case Method::Command:
        return QStringLiteral("command");
    }
    return QString();
}

QStringList DockerRestarter::splitCommand(const QString &line)
{
    static const QRegularExpression blanks(QStringLiteral("[ \\t]+"));
    return line.split(blanks, Qt::SkipEmptyParts);
}

DockerRestarter::DockerRestarter(const Settings &settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, settings))
{
}

DockerRestarter::~DockerRestarter()
{
    d->stopWatchingJobs();
    if (d->process) {
        // Its signals must not reach d while it dies with us.
        d->process->disconnect(this);
    }
}

std::optional<HelperFailure> DockerRestarter::resolve(Method *method) const
{
    const Settings &s = d->settings;
    Method chosen = s.method;
    if (chosen == Method::Auto) {
        if (QFileInfo(s.systemdRunDirectory).isDir())
            chosen = Method::Systemd;
        else if (QFileInfo::exists(s.initScript))
            chosen = Method::Init;
        else if (!s.command.isEmpty())
            chosen = Method::Command;
        else
            return dockerFailed(QStringLiteral("restart-method"),
                                QStringLiteral("nothing can restart Docker here: systemd does not run (no %1), there is no %2, "
                                               "and helper.conf sets no restart-command")
                                    .arg(s.systemdRunDirectory, s.initScript));
    }
    if (chosen == Method::Command) {
        if (s.command.isEmpty())
            return dockerFailed(QStringLiteral("restart-method"),
                                QStringLiteral("helper.conf asks for restart=command but sets no restart-command"));
        // Never looked up in PATH: root runs exactly the program configured.
        if (!QDir::isAbsolutePath(s.command.first()))
            return dockerFailed(QStringLiteral("restart-method"),
                                QStringLiteral("restart-command must start with an absolute path, not %1").arg(s.command.first()));
    }
    if (chosen == Method::Init && !QFileInfo(s.initScript).isExecutable())
        return dockerFailed(QStringLiteral("restart-method"), QStringLiteral("%1 is missing or not executable").arg(s.initScript));
    *method = chosen;
    return std::nullopt;
}

DockerRestarter::Description DockerRestarter::describe() const
{
    Method method = Method::Auto;
    if (resolve(&method))
        return {};
    switch (method) {
    case Method::Systemd:
        return {methodKey(method), d->settings.unit};
    case Method::Init:
        return {methodKey(method), d->settings.initScript + QStringLiteral(" restart")};
    case Method::Command:
        return {methodKey(method), d->settings.command.join(QLatin1Char(' '))};
    case Method::Auto:
        break;
    }
    return {};
}

void DockerRestarter::restart(Done done)
{
    if (d->busy()) {
        QTimer::singleShot(0, this, [done] {
            done(dockerFailed(QStringLiteral("restart"), QStringLiteral("a restart of Docker is already running")));
        });
        return;
    }
    Method method = Method::Auto;
    if (const auto failure = resolve(&method)) {
        QTimer::singleShot(0, this, [done, failure] { done(failure); });
        return;
    }
    d->done = std::move(done);
    switch (method) {
    case Method::Systemd:
        d->restartWithSystemd();
        return;
    case Method::Init:
        d->runProgram({d->settings.initScript, QStringLiteral("restart")});
        return;
    case Method::Command:
        d->runProgram(d->settings.command);
        return;
    case Method::Auto:
        break;
    }
}

void DockerRestarter::reloadSystemd(Done done)
{
    // Whether systemd reads drop-ins depends on systemd running, not on how
    // Docker is restarted (a restart-command may well be systemctl).
    if (!QFileInfo::exists(d->settings.systemdRunDirectory)) {
        QTimer::singleShot(0, this, [done] { done(std::nullopt); });
        return;
    }
    QDBusConnection bus = QDBusConnection::systemBus();
    const QDBusMessage call = QDBusMessage::createMethodCall(kSystemdService, kSystemdPath, kSystemdManager,
                                                             QStringLiteral("Reload"));
    qCInfo(lcDockerEngine) << "reloading systemd's units";
    // Reload answers once systemd has read its units again.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, d->settings.timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [done](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<> reply = *w;
        if (reply.isError()) {
            done(dockerFailed(QStringLiteral("daemon-reload"), QStringLiteral("systemd's Reload failed: %1 (%2)")
                                                                   .arg(reply.error().message(), reply.error().name())));
            return;
        }
        done(std::nullopt);
    });
}

QByteArray DockerRestarter::lastOutput() const
{
    return d->output;
}

void DockerRestarter::jobRemoved(const QDBusMessage &message)
{
    const QList<QVariant> args = message.arguments();
    if (args.size() < 4 || !d->busy())
        return;
    const QString job = qvariant_cast<QDBusObjectPath>(args.at(1)).path();
    const QString result = args.at(3).toString();
    if (d->jobPath.isEmpty()) {
        // RestartUnit has not answered yet: this may be our job.
        d->removedJobs.insert(job, result);
        return;
    }
    if (job == d->jobPath)
        d->jobEnded(result);
}

} // namespace Passerelle
