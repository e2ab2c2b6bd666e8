// The helper's root-only memory of a transaction in progress, so that it
// can be undone by whoever outlives the helper (the rollback agent, or the
// next helper). One JSON file in the state folder (/var/lib/passerelle, or
// helper.conf's state-dir), mode 0600 in a 0700 folder owned by root,
// replaced atomically (written aside, fsync, rename, fsync of the folder)
// before the first netlink change and after each step; removed once the
// transaction is committed or undone.
//
// The state folder also holds the lock that makes transactions one at a
// time across processes (flock, held by whoever owns the transaction), and
// the record of committed address moves that DeleteBridge gives back.
#pragma once

#include "step.h"
#include "transaction.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Passerelle {

class StateDirectory
{
public:
    explicit StateDirectory(const QString &path);

    // Makes the folder (0700, root) when missing; refuses one that anybody
    // but root could write to, or that is a symbolic link.
    bool prepare(QString *error) const;
    // Checks only, for the rollback agent, which never creates it.
    bool check(QString *error) const;

    QString path() const { return m_path; }
    QString journalPath() const;
    QString lockPath() const;
    QString movesPath() const;

private:
    QString m_path;
};

// An exclusive flock on the state folder's lock file, released when the
// object goes (or the process dies).
class StateLock
{
public:
    StateLock() = default;
    ~StateLock();
    StateLock(const StateLock &) = delete;
    StateLock &operator=(const StateLock &) = delete;

    // Tries for up to WAITMS; false when another process holds it.
    bool acquire(const QString &lockPath, int waitMs, QString *error);
    void release();
    bool held() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

struct JournalData
{
    enum class State { Applying, Pending, RollingBack };

    QString transaction;
    QString method;
    QStringList parameters;
    uint uid = 0;
    State state = State::Applying;
    QList<Step> steps;
    int done = 0;                   // steps the kernel made
    bool lastRefused = false;       // RollingBack: steps[done] was refused by the kernel
    LinkIndexes indexes;
    std::optional<MoveRecord> move;
    QString bootId;                 // /proc/sys/kernel/random/boot_id when written
    quint64 netns = 0;              // inode of the network namespace the steps apply to
    qint64 deadlineMs = 0;          // Pending: CLOCK_BOOTTIME milliseconds
    uint totalSeconds = 0;          // Pending: the timeout as last set

    static QString stateName(State state);
};

namespace Journal {

bool write(const QString &path, const JournalData &data, QString *error);
// Nothing (and no error) when there is no journal.
std::optional<JournalData> read(const QString &path, QString *error);
bool remove(const QString &path, QString *error);

// Committed moves, without those whose links are gone or renamed.
QList<MoveRecord> readMoves(const QString &path, const LinkSnapshot &links);
bool writeMoves(const QString &path, const QList<MoveRecord> &moves, QString *error);

// What the journal needs of the running system.
QString currentBootId();
quint64 currentNetns();
qint64 boottimeMs();

// Undoes the steps of DATA from the last one that may have been made down
// to the first, then removes the journal at PATH. False, with what could
// not be put back, when an undo failed twice.
bool rollBack(const QString &path, JournalData *data, QString *error);

} // namespace Journal

} // namespace Passerelle
