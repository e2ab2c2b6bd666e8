// Making the bridge Docker depends on permanent: the bridge as it is (or,
// for Expose, as the network part will leave it) described for the network
// stack that manages the host, files for ifupdown or systemd-networkd or
// connections for NetworkManager, plus docker.service's boot-order drop-in
// where systemd runs. Planned first (previewable), then applied with a way
// back.
#pragma once

#include "configfiles.h"
#include "helperconfig.h"
#include "helpererrors.h"
#include "helpertypes.h"
#include "netstate.h"
#include "networkmanagerconnections.h"
#include "persistbackend.h"
#include "persistentbridge.h"

#include <QDBusConnection>
#include <QHash>

#include <optional>

namespace Passerelle {

struct BridgePersistence
{
    PersistBackend backend = PersistBackend::None;
    QString why;                       // English: what showed the backend
    PersistentBridge bridge;
    QList<ConfigFile> files;           // ifupdown / networkd files and the boot-order drop-in
    QList<NmConnection> connections;   // NetworkManager
    bool dropIn = false;               // files holds the boot-order drop-in (systemd must reload)

    // The settings the persist folder works with, from helper.conf.
    static PersistSettings settings(const HelperConfig &config);
    // The bridge BRIDGE of STATE as a PersistentBridge (static addresses,
    // DHCP when its IPv4 address is dynamic, gateways from its default
    // routes; ports but Docker's per-container veths).
    static PersistentBridge describe(const NetState &state, const QString &bridge);
    // What making BRIDGE permanent writes, for the stack managing its first port.
    static std::optional<HelperFailure> plan(const HelperConfig &config, const NetState &state, const QString &bridge,
                                             const QDBusConnection &systemBus, BridgePersistence *out);
    // Whether NetworkManager manages PORT (to warn that a runtime-only change may be undone).
    static bool networkManagerManages(const HelperConfig &config, const QString &port, const QDBusConnection &systemBus);

    // The plan lines: ("WriteFile", [path, content]), ("AddConnection", [id, type, interface]).
    HelperPlan describeSteps() const;
};

// What apply() changed, for undo().
struct AppliedPersistence
{
    QList<AppliedConfigFile> files;
    QList<AddedNmConnection> connections;
};

std::optional<HelperFailure> applyPersistence(const BridgePersistence &persistence, const HelperConfig &config,
                                              const QDBusConnection &systemBus, AppliedPersistence *applied);
std::optional<HelperFailure> undoPersistence(const AppliedPersistence &applied, const QDBusConnection &systemBus);

// What was made permanent for a bridge, kept in the state folder once the
// change is final, so that deleting the bridge also takes its permanent
// configuration away (else it would come back at the next boot).
struct PersistRecord
{
    QString bridge;
    AppliedPersistence applied;
    QHash<QString, QByteArray> written;   // path -> SHA-256 of what we wrote

    static QString path(const HelperConfig &config, const QString &bridge);
    static std::optional<PersistRecord> load(const HelperConfig &config, const QString &bridge);
    bool save(const HelperConfig &config, QString *error) const;
    // The plan lines forgetting it: ("RemoveFile", [path]) for a file we
    // made, ("RestoreFile", [path, backup]) for one we rewrote, and
    // ("RemoveConnection", [uuid]). Files changed since are left alone.
    HelperPlan describeForget() const;
    // Undoes it (files changed by someone else since stay), then drops the record.
    void forget(const HelperConfig &config, const QDBusConnection &systemBus) const;
};

} // namespace Passerelle
