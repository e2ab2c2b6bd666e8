// Restarts dockerd the way the host runs it (helper.conf [docker] restart=):
// through systemd's D-Bus API (RestartUnit, then the job's JobRemoved
// signal), the SysV init script, or the argv of restart-command=. Programs
// are started directly with their argv, never through a shell. Waiting for
// the daemon to answer again is DockerEngine::waitUntilUp's job.
//
// Failures are DockerFailed [stage, detail] ("restart-method": nothing can
// restart Docker here; "restart": the restart failed, timed out or its
// job did not end "done"; "daemon-reload": systemd's Reload failed), detail
// in English with the program's output (its last 4 KiB) or systemd's
// error. Callers append "restored" or "not-restored".
#pragma once

#include "helpererrors.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QDBusMessage;

namespace Passerelle {

class DockerRestarter : public QObject
{
    Q_OBJECT
public:
    enum class Method { Auto, Systemd, Init, Command };

    struct Settings
    {
        Method method = Method::Auto;
        QStringList command;            // restart-command=, already split
        int timeoutMs = 90000;          // a restart taking longer has failed
        QString unit = QStringLiteral("docker.service");
        // What auto looks at; the defaults are the system's own.
        QString systemdRunDirectory = QStringLiteral("/run/systemd/system");
        QString initScript = QStringLiteral("/etc/init.d/docker");
    };

    struct Description
    {
        QString method;                 // "systemd", "init", "command"; empty: none
        QString target;                 // "docker.service", "/etc/init.d/docker restart", the argv joined
        bool operator==(const Description &o) const { return method == o.method && target == o.target; }
    };

    using Done = std::function<void(const std::optional<HelperFailure> &failure)>;

    // helper.conf's words: "auto", "systemd", "init", "command".
    static std::optional<Method> methodFromKey(const QString &key);
    static QString methodKey(Method method);
    // restart-command= as an argv: split on spaces and tabs, no quoting, no
    // expansion (it never reaches a shell).
    static QStringList splitCommand(const QString &line);

    explicit DockerRestarter(const Settings &settings, QObject *parent = nullptr);
    ~DockerRestarter() override;

    // The method auto stands for here: systemd when it runs, else the init
    // script when present, else the command when set. A failure when none
    // applies, or when the chosen one cannot work (a command that is not an
    // absolute path).
    std::optional<HelperFailure> resolve(Method *method) const;
    // What restart() would do, for previews; method empty when nothing can.
    Description describe() const;

    // Restarts Docker. DONE runs once, from the event loop, unless this
    // object is destroyed first. One restart at a time.
    void restart(Done done);
    // systemd's daemon-reload (Manager.Reload), for after a drop-in changed.
    // Without systemd running there is nothing to reload: success.
    void reloadSystemd(Done done);

    // The last restart's output (stdout and stderr, the last 4 KiB), or
    // the systemd job's result.
    QByteArray lastOutput() const;

private:
    // systemd's Manager.JobRemoved(u id, o job, s unit, s result), connected
    // by name through QtDBus.
    Q_SLOT void jobRemoved(const QDBusMessage &message);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
