// Docker's part of "containers on the physical network": Docker's default
// network put on a bridge (daemon.json, a restart), or a user-defined
// network on it (the Engine API), with the other places Docker reads options
// from, the permanent configuration and the firewall check.
//
// plan() and run() come from the same preparation, so the preview is what
// happens. run() keeps a way back for every file it writes: when Docker does
// not come back after the restart, every file is put back and Docker
// restarted again, and the failure says whether that worked. One run at a
// time; HelperService refuses others as Busy.
#pragma once

#include "dockerrequest.h"
#include "helperconfig.h"
#include "helpererrors.h"
#include "helpertypes.h"
#include "netstate.h"

#include <QDBusConnection>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Passerelle {

struct AppliedPersistence;
struct BridgePersistence;

class DockerSetup : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const std::optional<HelperFailure> &failure, const HelperPlan &steps)>;

    DockerSetup(const HelperConfig &config, const QDBusConnection &systemBus, QObject *parent = nullptr);
    ~DockerSetup() override;

    // What run() would do for REQUEST on STATE: the live state, or for
    // Expose the state its network part will leave. Asks Docker which
    // containers run (a restart stops them unless live-restore is on);
    // without CONTAINERNAMES the plan says how many, not which.
    void plan(const DockerRequest &request, const NetState &state, bool containerNames, Done done);
    // Carries REQUEST out on the live state; DONE gets the steps done, or
    // the failure once everything is put back. TRANSACTION names the
    // progress signals (empty outside Expose).
    void run(const DockerRequest &request, const QString &transaction, Done done);
    bool isRunning() const;

    // Whether Docker depends on BRIDGE (daemon.json's or DOCKER_OPTS'
    // bridge, a Docker network on it): InUseByDocker [bridge, source], so
    // that deleting the bridge does not leave a Docker that cannot start.
    // usesBridgeNow() reads the files only, for previews.
    std::optional<HelperFailure> usesBridgeNow(const QString &bridge) const;
    void usesBridge(const QString &bridge, std::function<void(const std::optional<HelperFailure> &)> done);

    // GetDockerSettings: each setting and where it comes from.
    void settings(std::function<void(const DockerSettingList &settings)> done);

Q_SIGNALS:
    // As DockerProgress: "writing", "restarting", "waiting", "up",
    // "checking", "restoring", "done".
    void progress(const QString &transaction, const QString &stage, const QStringList &parameters);

private:
    struct Prepared;
    struct Undo;
    std::optional<HelperFailure> prepare(const DockerRequest &request, const NetState &state, Prepared *out) const;
    // The steps that need Docker's answers (containers, live-restore, the
    // networks on the bridge), then THEN.
    void askDocker(const std::shared_ptr<Prepared> &prepared, std::function<void(std::optional<HelperFailure>)> then);
    // The containers a restart stops or keeps, then NEXT.
    void askContainers(const std::shared_ptr<Prepared> &prepared, std::function<void()> next);
    void execute(const std::shared_ptr<Prepared> &prepared, const QString &transaction, Done done);
    void restartAndWait(const QString &transaction, std::function<void(std::optional<HelperFailure>)> then);
    void putBack(const std::shared_ptr<Prepared> &prepared, const std::shared_ptr<Undo> &undo,
                 const QString &transaction, const HelperFailure &cause, bool restartAgain, Done done);
    void afterRestart(const std::shared_ptr<Prepared> &prepared, const std::shared_ptr<Undo> &undo,
                      const QString &transaction, const NetState &before, Done done);

    // Once final: what was made permanent for BRIDGE, so that DeleteBridge
    // can take it away (PersistRecord).
    void remember(const QString &bridge, const BridgePersistence &planned, const AppliedPersistence &applied);

    HelperConfig m_config;
    QDBusConnection m_bus;
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Passerelle
