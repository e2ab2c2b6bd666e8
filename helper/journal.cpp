#include "journal.h"

#include "helperlogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Passerelle {

namespace {

constexpr int journalVersion = 1;
constexpr qint64 maxFileSize = 16 * 1024 * 1024;

QString systemError(const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

bool syncDirectory(const QString &dir, QString *error)
{
    const int fd = ::open(encoded(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = systemError(dir);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    if (!ok)
        *error = systemError(dir);
    ::close(fd);
    return ok;
}

QString parentOf(const QString &path)
{
    return path.section(QLatin1Char('/'), 0, -2);
}

// Writes BYTES to PATH so that PATH is always either the old or the new
// content, even across a crash: aside, synced, renamed, folder synced.
bool replaceFile(const QString &path, const QByteArray &bytes, QString *error)
{
    const QString aside = path + QStringLiteral(".new");
    const int fd = ::open(encoded(aside).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = systemError(aside);
        return false;
    }
    qint64 written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = systemError(aside);
            ::close(fd);
            return false;
        }
        written += n;
    }
    if (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
        *error = systemError(aside);
        ::close(fd);
        return false;
    }
    ::close(fd);
    if (::rename(encoded(aside).constData(), encoded(path).constData()) != 0) {
        *error = systemError(path);
        return false;
    }
    return syncDirectory(parentOf(path), error);
}

// The content of PATH if it is a regular file of ours that nobody else may
// read or write; empty with no error when it does not exist.
bool readOwnFile(const QString &path, QByteArray *bytes, QString *error)
{
    bytes->clear();
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return true;
        *error = systemError(path);
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 077)
        || st.st_size > maxFileSize) {
        *error = QStringLiteral("%1: not a private regular file of this user").arg(path);
        ::close(fd);
        return false;
    }
    bytes->resize(qsizetype(st.st_size));
    qint64 got = 0;
    while (got < bytes->size()) {
        const ssize_t n = ::read(fd, bytes->data() + got, size_t(bytes->size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    bytes->truncate(qsizetype(got));
    return true;
}

const char *const stateNames[] = {"applying", "pending", "rolling-back"};

} // namespace

StateDirectory::StateDirectory(const QString &path)
    : m_path(path)
{
}

QString StateDirectory::journalPath() const
{
    return m_path + QStringLiteral("/journal.json");
}

QString StateDirectory::lockPath() const
{
    return m_path + QStringLiteral("/lock");
}

QString StateDirectory::movesPath() const
{
    return m_path + QStringLiteral("/moves.json");
}

bool StateDirectory::check(QString *error) const
{
    struct stat st {};
    if (::lstat(encoded(m_path).constData(), &st) != 0) {
        *error = systemError(m_path);
        return false;
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 077)) {
        *error = QStringLiteral("%1 must be a folder of this user that nobody else may use (mode 0700)").arg(m_path);
        return false;
    }
    return true;
}

bool StateDirectory::prepare(QString *error) const
{
    if (!m_path.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("the state folder must be an absolute path: %1").arg(m_path);
        return false;
    }
    if (::mkdir(encoded(m_path).constData(), 0700) != 0 && errno != EEXIST) {
        *error = systemError(m_path);
        return false;
    }
    return check(error);
}

StateLock::~StateLock()
{
    release();
}

bool StateLock::acquire(const QString &lockPath, int waitMs, QString *error)
{
    if (m_fd >= 0)
        return true;
    // Close-on-exec: a rollback agent must never inherit the lock, or it
    // would outlive the helper that holds it.
    const int fd = ::open(encoded(lockPath).constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = systemError(lockPath);
        return false;
    }
    for (int waited = 0;; waited += 20) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            m_fd = fd;
            return true;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            *error = systemError(lockPath);
            break;
        }
        if (waited >= waitMs) {
            error->clear();
            break;
        }
        QThread::msleep(20);
    }
    ::close(fd);
    return false;
}

void StateLock::release()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

QString JournalData::stateName(State state)
{
    return QLatin1String(stateNames[int(state)]);
}

namespace Journal {

bool write(const QString &path, const JournalData &data, QString *error)
{
    QJsonArray steps;
    for (const Step &s : data.steps)
        steps.append(s.toJson());
    QJsonObject indexes;
    for (auto it = data.indexes.cbegin(); it != data.indexes.cend(); ++it)
        indexes.insert(it.key(), it.value());
    QJsonObject o{
        {QStringLiteral("version"), journalVersion},
        {QStringLiteral("transaction"), data.transaction},
        {QStringLiteral("method"), data.method},
        {QStringLiteral("parameters"), QJsonArray::fromStringList(data.parameters)},
        {QStringLiteral("uid"), qint64(data.uid)},
        {QStringLiteral("state"), JournalData::stateName(data.state)},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("done"), data.done},
        {QStringLiteral("lastRefused"), data.lastRefused},
        {QStringLiteral("indexes"), indexes},
        {QStringLiteral("bootId"), data.bootId},
        {QStringLiteral("netns"), QString::number(data.netns)},
        {QStringLiteral("deadlineMs"), data.deadlineMs},
        {QStringLiteral("totalSeconds"), qint64(data.totalSeconds)},
    };
    if (data.move)
        o.insert(QStringLiteral("move"), data.move->toJson());
    return replaceFile(path, QJsonDocument(o).toJson(QJsonDocument::Indented), error);
}

std::optional<JournalData> read(const QString &path, QString *error)
{
    error->clear();
    QByteArray bytes;
    if (!readOwnFile(path, &bytes, error) || bytes.isEmpty())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || o.value(QStringLiteral("version")).toInt() != journalVersion) {
        *error = QStringLiteral("%1: not a journal this helper can read").arg(path);
        return std::nullopt;
    }
    JournalData d;
    d.transaction = o.value(QStringLiteral("transaction")).toString();
    d.method = o.value(QStringLiteral("method")).toString();
    const QJsonArray parameters = o.value(QStringLiteral("parameters")).toArray();
    for (const QJsonValue &v : parameters)
        d.parameters.append(v.toString());
    d.uid = uint(o.value(QStringLiteral("uid")).toInteger());
    const QString state = o.value(QStringLiteral("state")).toString();
    bool knownState = false;
    for (int i = 0; i < 3; ++i) {
        if (state == QLatin1String(stateNames[i])) {
            d.state = JournalData::State(i);
            knownState = true;
        }
    }
    const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
    for (const QJsonValue &v : steps) {
        Step s;
        if (!Step::fromJson(v.toObject(), &s)) {
            *error = QStringLiteral("%1: a step cannot be read").arg(path);
            return std::nullopt;
        }
        d.steps.append(s);
    }
    d.done = o.value(QStringLiteral("done")).toInt();
    d.lastRefused = o.value(QStringLiteral("lastRefused")).toBool();
    const QJsonObject indexes = o.value(QStringLiteral("indexes")).toObject();
    for (auto it = indexes.begin(); it != indexes.end(); ++it)
        d.indexes.insert(it.key(), it.value().toInt());
    if (o.contains(QStringLiteral("move"))) {
        MoveRecord m;
        if (MoveRecord::fromJson(o.value(QStringLiteral("move")).toObject(), &m))
            d.move = m;
    }
    d.bootId = o.value(QStringLiteral("bootId")).toString();
    d.netns = o.value(QStringLiteral("netns")).toString().toULongLong();
    d.deadlineMs = o.value(QStringLiteral("deadlineMs")).toInteger();
    d.totalSeconds = uint(o.value(QStringLiteral("totalSeconds")).toInteger());
    if (!knownState || d.transaction.isEmpty() || d.done < 0 || d.done > d.steps.size()) {
        *error = QStringLiteral("%1: an inconsistent journal").arg(path);
        return std::nullopt;
    }
    return d;
}

bool remove(const QString &path, QString *error)
{
    if (::unlink(encoded(path).constData()) != 0 && errno != ENOENT) {
        *error = systemError(path);
        return false;
    }
    return syncDirectory(parentOf(path), error);
}

QList<MoveRecord> readMoves(const QString &path, const LinkSnapshot &links)
{
    QByteArray bytes;
    QString error;
    if (!readOwnFile(path, &bytes, &error)) {
        qCWarning(lcHelper, "%s", qPrintable(error));
        return {};
    }
    QList<MoveRecord> moves;
    const QJsonArray array = QJsonDocument::fromJson(bytes).array();
    for (const QJsonValue &v : array) {
        MoveRecord m;
        if (!MoveRecord::fromJson(v.toObject(), &m))
            continue;
        const auto bridge = links.byIndex(m.bridgeIndex);
        const auto port = links.byIndex(m.portIndex);
        if (bridge && port && bridge->name == m.bridge && port->name == m.port)
            moves.append(m);
    }
    return moves;
}

bool writeMoves(const QString &path, const QList<MoveRecord> &moves, QString *error)
{
    if (moves.isEmpty())
        return remove(path, error);
    QJsonArray array;
    for (const MoveRecord &m : moves)
        array.append(m.toJson());
    return replaceFile(path, QJsonDocument(array).toJson(QJsonDocument::Indented), error);
}

QString currentBootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().trimmed()) : QString();
}

quint64 currentNetns()
{
    struct stat st {};
    return ::stat("/proc/self/ns/net", &st) == 0 ? quint64(st.st_ino) : 0;
}

qint64 boottimeMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_BOOTTIME, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool rollBack(const QString &path, JournalData *data, QString *error)
{
    if (data->state != JournalData::State::RollingBack) {
        data->state = JournalData::State::RollingBack;
        // The step in flight when the helper died may or may not have been made.
        data->lastRefused = false;
        QString writeError;
        if (!write(path, *data, &writeError))
            qCWarning(lcHelper, "%s", qPrintable(writeError));
    }
    const int last = data->done < data->steps.size() ? data->done : data->done - 1;
    QStringList failures;
    for (int i = last; i >= 0; --i) {
        const Step &step = data->steps.at(i);
        Step::Outcome outcome = Step::Outcome::Done;
        if (i == data->done)
            outcome = data->lastRefused ? Step::Outcome::Refused : Step::Outcome::Unknown;
        LinkEditor::Result result = step.undo(data->indexes, outcome);
        if (!result.ok()) {
            // Once more: a link the kernel was still settling may take it now.
            QThread::msleep(50);
            result = step.undo(data->indexes, outcome);
        }
        if (result.ok()) {
            qCInfo(lcHelper, "undid %s", qPrintable(step.logText()));
        } else {
            qCCritical(lcHelper, "cannot undo %s: %s", qPrintable(step.logText()), qPrintable(result.error));
            failures.append(QStringLiteral("%1: %2").arg(step.logText(), result.error));
        }
    }
    // Removed even when an undo failed (the log says which): a journal that
    // can never be undone would make every later change Busy.
    QString removeError;
    if (!remove(path, &removeError))
        qCWarning(lcHelper, "%s", qPrintable(removeError));
    if (!failures.isEmpty()) {
        *error = failures.join(QStringLiteral("; "));
        return false;
    }
    return true;
}

} // namespace Journal

} // namespace Passerelle
