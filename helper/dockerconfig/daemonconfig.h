// Docker's daemon.json as the helper reads and rewrites it: a value that
// changes only the network keys Passerelle owns (bridge, fixed-cidr,
// default-gateway, bip) and keeps every other key and value the user had.
//
// What "kept" means with Qt 6.4's QJsonDocument, checked by load():
// - Keys come back in alphabetical order (QJsonObject sorts them); the order
//   of keys means nothing to dockerd.
// - Numbers keep their exact decimal value. Integers within 64 bits are kept
//   digit for digit (9007199254740993 too); other numbers go through a
//   double, so load() refuses (InvalidJson, reason "number-out-of-range") a
//   number whose value Qt would write back differently:
//   12345678901234567890, 3.141592653589793238, 1e400. Spelling may change
//   when the value does not: 1.0 -> 1, 1.5e3 -> 1500, -0 -> 0.
// - A key twice in one object is refused (reason "duplicate-key"): dockerd
//   (Go's encoding/json) silently takes the last one and Qt does the same;
//   rewriting would drop the other line without the user knowing.
// - What Qt tolerates but JSON does not is refused too, so that we never
//   "repair" a file dockerd itself rejects: a number such as .5 or 1.
//   (reason "invalid-number"), a raw control character inside a string
//   (reason "control-character"), an escape such as \q (reason
//   "invalid-escape").
// - Strings are kept as text (escapes such as \/ may be spelled differently).
//   A UTF-8 byte order mark is accepted and not written back.
// - An empty file (or only white space) is an empty configuration, as for
//   dockerd.
#pragma once

#include "helpererrors.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

// Docker's default bridge network as the user asks for it.
struct DockerBridgeSettings
{
    QString bridge;            // "br0"
    QString fixedCidr;         // "192.168.7.128/25", or empty
    QString defaultGateway;    // "192.168.7.254", or empty
};

class DaemonConfig
{
public:
    // Reads PATH through SafeFile (a symlink or a non-regular file is
    // refused). A missing file is an empty configuration with exists() false.
    // Not JSON, not an object, or a value Qt would not keep (see above):
    // InvalidJson [path, line, column, reason], line and column counted from
    // 1, column in characters; reason is Qt's own message
    // (QJsonParseError::errorString()) or one of "not-an-object",
    // "number-out-of-range", "duplicate-key", "invalid-number",
    // "control-character", "invalid-escape". For Qt's own messages the place
    // is where Qt's parser stopped: at the fault or just after it.
    std::optional<HelperFailure> load(const QString &path);
    // The same checks on bytes already read; PATH only names the file in a
    // failure.
    std::optional<HelperFailure> parse(const QByteArray &content, const QString &path, bool exists = true);

    bool exists() const { return m_exists; }
    QJsonObject object() const { return m_object; }

    QString bridge() const;
    QString fixedCidr() const;
    QString defaultGateway() const;
    QString bip() const;
    bool liveRestore() const;     // containers survive a restart of dockerd

    // Docker's default network on SETTINGS.bridge: sets "bridge", sets or
    // removes "fixed-cidr" and "default-gateway" (removed when empty), and
    // removes "bip", which dockerd refuses together with "bridge".
    DaemonConfig withBridge(const DockerBridgeSettings &settings) const;
    // Back to Docker's own docker0: removes bridge, fixed-cidr and
    // default-gateway. A "bip" the user set stays (it is docker0's address).
    DaemonConfig withoutBridge() const;
    // KEYS set over the current ones: options moved in from DOCKER_OPTS or
    // a unit (planOptionMove). Apply withBridge() after, so that the new
    // bridge wins and bip goes.
    DaemonConfig withKeys(const QJsonObject &keys) const;

    // The bytes to write: indented JSON ending with a newline.
    QByteArray toJson() const;

    // The change from this configuration to AFTER, for a preview: in key
    // order, a "-" line with the old value of each removed or changed key,
    // then a "+" line with the new value of each added or changed key,
    // keys and values in JSON ("-\"bip\": \"10.9.0.1/24\"",
    // "+\"bridge\": \"br0\""). Empty when nothing changes.
    QStringList diff(const DaemonConfig &after) const;

private:
    QString stringValue(const QString &key) const;

    QJsonObject m_object;
    bool m_exists = false;
};

} // namespace Passerelle
