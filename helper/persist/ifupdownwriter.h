// The bridge as ifupdown configuration (Debian's /etc/network/interfaces.d,
// as in the manual procedure): one file of our own for the bridge and its
// ports, and, when a port or the bridge already has a stanza elsewhere, a
// rewrite of that file with the stanza commented out, every other byte as
// it was, so that nothing is configured twice.
#pragma once

#include "configfiles.h"
#include "persistbackend.h"
#include "persistentbridge.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

class IfupdownWriter
{
public:
    explicit IfupdownWriter(PersistSettings settings);

    // <ifupdown-dir>/passerelle-<bridge>.
    QString bridgeFilePath(const QString &bridge) const;

    // The files to write, ours first. Reads the existing configuration, writes
    // nothing. PersistConflict ["ifupdown", detail] when the interfaces file
    // is missing or does not read ifupdown-dir, or a stanza cannot be taken
    // out safely (a "mapping" of the interface).
    std::optional<HelperFailure> files(const PersistentBridge &bridge, QList<ConfigFile> *out) const;

    // The files the interfaces file reads: itself, then what its "source"
    // and "source-directory" lines name, in ifupdown's order.
    QStringList configurationFiles() const;
    // Those of them with a stanza or an auto/allow- line for IFACE.
    QStringList filesConfiguring(const QString &iface) const;
    // Whether the interfaces file reads PATH through source or source-directory.
    bool interfacesFileReads(const QString &path) const;

    // The content of our file for BRIDGE (validated beforehand).
    static QByteArray bridgeStanzas(const PersistentBridge &bridge);

    // CONTENT with IFACE's iface stanzas commented out and IFACE taken out of
    // auto/allow- lines (the old line kept as a comment), a line NOTE above
    // each block taken out ("auto em1" directly followed by its stanza is
    // one). Every other byte is kept. *CHANGED tells whether anything was.
    static QByteArray withoutInterface(const QByteArray &content, const QString &iface, const QString &note,
                                       bool *changed);

private:
    PersistSettings m_settings;
};

} // namespace Passerelle
