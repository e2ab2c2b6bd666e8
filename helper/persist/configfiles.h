// Configuration files as values: each writer of this folder produces the
// list of {path, content} it would write, so that a preview can show it
// whole, and applyConfigFiles() writes the list with SafeFile and records
// how to undo it.
//
// Backups are kept in a folder of their own (the helper's state folder),
// never next to the file: ifupdown's "source /etc/network/interfaces.d/*"
// would read a backup left there as live configuration.
#pragma once

#include "helpererrors.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>

namespace Passerelle {

struct ConfigFile
{
    QString path;
    QByteArray content;
    mode_t mode = 0644;

    bool operator==(const ConfigFile &other) const
    {
        return path == other.path && content == other.content && mode == other.mode;
    }
};

// What one write changed: enough to put the old state back, even from
// another process (plain paths).
struct AppliedConfigFile
{
    QString path;
    QString backupPath;          // the previous content; empty when PATH was new
    mode_t previousMode = 0644;
    QStringList createdDirectories;   // made for PATH, deepest last; removed on undo when empty
};

// Writes FILES in order (a file whose content is already the same is left
// alone and not recorded). A missing parent folder is made. On failure the
// files written so far are undone and the failure returned.
std::optional<HelperFailure> applyConfigFiles(const QList<ConfigFile> &files, const QString &backupDirectory,
                                              QList<AppliedConfigFile> *applied);

// Puts back what applyConfigFiles() changed, last first. Keeps going after
// a failure and returns the first one.
std::optional<HelperFailure> undoConfigFiles(const QList<AppliedConfigFile> &applied);

} // namespace Passerelle
