// Root rewrites files other programs read at boot (daemon.json,
// /etc/default/docker, network configuration). A reader must only ever see
// the old file or the new one, whole, and a link planted where the file
// should be must never redirect a root write elsewhere.
#pragma once

#include "helpererrors.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <sys/types.h>

namespace Passerelle::SafeFile {

// "ENOENT" for ENOENT (the number when the C library has no name).
QString errnoName(int err);
// A system call on PATH failed with ERR: Failed [WHAT, errno name, path],
// as every file the helper touches reports it.
HelperFailure systemFailure(const char *what, const QString &path, int err);

// The suffix of the copy write() keeps of the file it replaces.
inline constexpr char BackupSuffix[] = ".passerelle-backup";

// Reads PATH whole. A symlink or anything but a regular file is refused
// (UnsafeFile [path, "symlink"|"not-regular"]). A missing file is not a
// failure: *exists becomes false and CONTENT empty.
std::optional<HelperFailure> read(const QString &path, QByteArray *content, bool *exists);

// Replaces PATH with CONTENT: a temporary file in the same folder, fsync,
// rename over PATH, fsync of the folder. Refuses a symlink or a non-regular
// PATH, and a folder that is missing. When PATH existed and BACKUPPATH is
// not null, the old file is first kept as PATH + BackupSuffix (replacing an
// older backup) and *backupPath names it; it is empty when PATH was new.
std::optional<HelperFailure> write(const QString &path, const QByteArray &content, mode_t mode,
                                   QString *backupPath);

// Undoes write(): puts BACKUPPATH back as PATH, or removes PATH when
// BACKUPPATH is empty (the file did not exist before).
std::optional<HelperFailure> restore(const QString &path, const QString &backupPath);

} // namespace Passerelle::SafeFile
