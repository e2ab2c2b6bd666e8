#include "safefile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Passerelle::SafeFile {

QString errnoName(int err)
{
    const char *name = strerrorname_np(err);
    return name ? QString::fromLatin1(name) : QString::number(err);
}

HelperFailure systemFailure(const char *what, const QString &path, int err)
{
    return HelperFailure::make(HelperError::Failed, {QLatin1String(what), errnoName(err), path},
                               QStringLiteral("%1 %2: %3").arg(QLatin1String(what), path,
                                                               QString::fromLocal8Bit(std::strerror(err))));
}

namespace {

HelperFailure unsafe(const QString &path, const char *reason)
{
    return HelperFailure::make(HelperError::UnsafeFile, {path, QLatin1String(reason)},
                               QStringLiteral("%1 is %2; not touching it")
                                   .arg(path, QLatin1String(reason) == QLatin1String("symlink")
                                                  ? QStringLiteral("a symbolic link")
                                                  : QStringLiteral("not a regular file")));
}

// lstat, so that a link is seen as a link. exists=false for ENOENT.
std::optional<HelperFailure> checkRegular(const QString &path, bool *exists, struct stat *st)
{
    const QByteArray native = QFile::encodeName(path);
    if (::lstat(native.constData(), st) != 0) {
        if (errno == ENOENT) {
            *exists = false;
            return std::nullopt;
        }
        return systemFailure("stat", path, errno);
    }
    *exists = true;
    if (S_ISLNK(st->st_mode))
        return unsafe(path, "symlink");
    if (!S_ISREG(st->st_mode))
        return unsafe(path, "not-regular");
    return std::nullopt;
}

bool writeAll(int fd, const QByteArray &content)
{
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<HelperFailure> syncFolder(const QString &path)
{
    const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemFailure("open", QFile::decodeName(folder), errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return systemFailure("fsync", QFile::decodeName(folder), err);
    return std::nullopt;
}

// CONTENT into a new file next to PATH, synced; its name in *tempPath.
std::optional<HelperFailure> writeTemporary(const QString &path, const QByteArray &content, mode_t mode,
                                            QString *tempPath)
{
    QByteArray templ = QFile::encodeName(path) + ".passerelle-XXXXXX";
    const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0)
        return systemFailure("create", path, errno);
    *tempPath = QFile::decodeName(templ);
    int err = 0;
    if (::fchmod(fd, mode) != 0 || !writeAll(fd, content) || ::fsync(fd) != 0)
        err = errno;
    ::close(fd);
    if (err != 0) {
        ::unlink(templ.constData());
        return systemFailure("write", path, err);
    }
    return std::nullopt;
}

} // namespace

std::optional<HelperFailure> read(const QString &path, QByteArray *content, bool *exists)
{
    content->clear();
    struct stat st {};
    if (auto failure = checkRegular(path, exists, &st))
        return failure;
    if (!*exists)
        return std::nullopt;
    // O_NOFOLLOW: the file may have become a link since lstat.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ELOOP ? unsafe(path, "symlink") : systemFailure("open", path, errno);
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFile::AutoCloseHandle)) {
        ::close(fd);
        return systemFailure("read", path, EIO);
    }
    *content = file.readAll();
    return std::nullopt;
}

std::optional<HelperFailure> write(const QString &path, const QByteArray &content, mode_t mode, QString *backupPath)
{
    if (backupPath)
        backupPath->clear();
    bool exists = false;
    struct stat st {};
    if (auto failure = checkRegular(path, &exists, &st))
        return failure;
    const QByteArray native = QFile::encodeName(path);

    QString temp;
    if (auto failure = writeTemporary(path, content, exists ? (st.st_mode & 07777) : mode, &temp))
        return failure;
    if (exists && ::fchownat(AT_FDCWD, QFile::encodeName(temp).constData(), st.st_uid, st.st_gid, 0) != 0) {
        const int err = errno;
        ::unlink(QFile::encodeName(temp).constData());
        return systemFailure("chown", path, err);
    }

    if (exists && backupPath) {
        // A hard link keeps the old file's bytes under the backup name
        // without a window where neither name holds them.
        const QString backup = path + QLatin1String(BackupSuffix);
        const QByteArray nativeBackup = QFile::encodeName(backup);
        struct stat bst {};
        if (::lstat(nativeBackup.constData(), &bst) == 0 && !S_ISREG(bst.st_mode)) {
            ::unlink(QFile::encodeName(temp).constData());
            return unsafe(backup, S_ISLNK(bst.st_mode) ? "symlink" : "not-regular");
        }
        ::unlink(nativeBackup.constData());
        if (::link(native.constData(), nativeBackup.constData()) != 0) {
            const int err = errno;
            ::unlink(QFile::encodeName(temp).constData());
            return systemFailure("backup", path, err);
        }
        *backupPath = backup;
    }

    if (::rename(QFile::encodeName(temp).constData(), native.constData()) != 0) {
        const int err = errno;
        ::unlink(QFile::encodeName(temp).constData());
        return systemFailure("rename", path, err);
    }
    return syncFolder(path);
}

std::optional<HelperFailure> restore(const QString &path, const QString &backupPath)
{
    const QByteArray native = QFile::encodeName(path);
    if (backupPath.isEmpty()) {
        if (::unlink(native.constData()) != 0 && errno != ENOENT)
            return systemFailure("remove", path, errno);
        return syncFolder(path);
    }
    bool exists = false;
    struct stat st {};
    if (auto failure = checkRegular(backupPath, &exists, &st))
        return failure;
    if (!exists)
        return systemFailure("restore", backupPath, ENOENT);
    if (::rename(QFile::encodeName(backupPath).constData(), native.constData()) != 0)
        return systemFailure("rename", path, errno);
    return syncFolder(path);
}

} // namespace Passerelle::SafeFile
