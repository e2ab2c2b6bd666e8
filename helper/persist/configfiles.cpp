#include "configfiles.h"

#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace Passerelle {

namespace {

HelperFailure failed(const QString &what, const QString &path, int errnum)
{
    const QString detail = QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(strerror(errnum)));
    const char *name = strerrorname_np(errnum);
    return HelperFailure::make(HelperError::Failed,
                               {QStringLiteral("Persist"), name ? QString::fromLatin1(name) : QString(), detail}, detail);
}

// One backup per path, named after the whole path so two files called
// "interfaces" in different folders do not meet.
QString backupPathFor(const QString &backupDirectory, const QString &path)
{
    return backupDirectory + QLatin1Char('/')
        + QString::fromLatin1(QUrl::toPercentEncoding(path, QByteArray(), QByteArrayLiteral("%")));
}

std::optional<HelperFailure> makeDirectories(const QString &directory, mode_t mode, QStringList *created)
{
    QStringList missing;
    QString d = QDir::cleanPath(directory);
    while (!d.isEmpty() && d != QLatin1String("/") && !QFileInfo::exists(d)) {
        missing.prepend(d);
        d = QFileInfo(d).path();
    }
    for (const QString &m : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(m).constData(), mode) != 0 && errno != EEXIST)
            return failed(QStringLiteral("cannot make the folder"), m, errno);
        if (created)
            created->append(m);
    }
    return std::nullopt;
}

} // namespace

std::optional<HelperFailure> applyConfigFiles(const QList<ConfigFile> &files, const QString &backupDirectory,
                                              QList<AppliedConfigFile> *applied)
{
    QList<AppliedConfigFile> done;
    const auto fail = [&done](const HelperFailure &failure) -> std::optional<HelperFailure> {
        undoConfigFiles(done);
        return failure;
    };

    for (const ConfigFile &file : files) {
        QByteArray previous;
        bool exists = false;
        if (auto failure = SafeFile::read(file.path, &previous, &exists))
            return fail(*failure);
        if (exists && previous == file.content)
            continue;

        AppliedConfigFile record;
        record.path = file.path;
        if (exists) {
            struct stat st {};
            if (::lstat(QFile::encodeName(file.path).constData(), &st) != 0)
                return fail(failed(QStringLiteral("cannot read"), file.path, errno));
            record.previousMode = st.st_mode & 07777;
            if (auto failure = makeDirectories(backupDirectory, 0700, nullptr))
                return fail(*failure);
            record.backupPath = backupPathFor(backupDirectory, file.path);
            if (auto failure = SafeFile::write(record.backupPath, previous, 0600, nullptr))
                return fail(*failure);
        } else if (auto failure = makeDirectories(QFileInfo(file.path).path(), 0755, &record.createdDirectories)) {
            return fail(*failure);
        }
        // Recorded before the write: a failed write may still have replaced the file.
        done.append(record);
        if (auto failure = SafeFile::write(file.path, file.content, file.mode, nullptr))
            return fail(*failure);
    }
    if (applied)
        applied->append(done);
    return std::nullopt;
}

std::optional<HelperFailure> undoConfigFiles(const QList<AppliedConfigFile> &applied)
{
    std::optional<HelperFailure> first;
    const auto note = [&first](const std::optional<HelperFailure> &failure) {
        if (failure && !first)
            first = failure;
    };
    for (auto it = applied.crbegin(); it != applied.crend(); ++it) {
        if (it->backupPath.isEmpty()) {
            note(SafeFile::restore(it->path, QString()));
            for (auto dir = it->createdDirectories.crbegin(); dir != it->createdDirectories.crend(); ++dir)
                ::rmdir(QFile::encodeName(*dir).constData());   // only when empty, which is the point
            continue;
        }
        // Copied back rather than renamed: the backup folder may sit on
        // another filesystem than /etc.
        QByteArray previous;
        bool exists = false;
        auto failure = SafeFile::read(it->backupPath, &previous, &exists);
        if (!failure && !exists)
            failure = failed(QStringLiteral("the backup is gone:"), it->backupPath, ENOENT);
        if (!failure)
            failure = SafeFile::write(it->path, previous, it->previousMode, nullptr);
        if (!failure)
            QFile::remove(it->backupPath);
        note(failure);
    }
    return first;
}

} // namespace Passerelle
