#include "rollbackagent.h"

#include "helperlogging.h"
#include "journal.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Passerelle::RollbackAgent {

namespace {

constexpr int lifelineFd = 3;
// While the helper lives, its own timer undoes an unconfirmed change; the
// agent only steps in this long after the deadline.
constexpr qint64 graceMs = 1500;

QString systemError(const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

QString defaultPath()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/passerelle-rollback");
}

int launch(const QString &agent, const QString &journalPath, QString *error)
{
    // Root runs it: it must be root's and nobody else's to change.
    struct stat st {};
    const QByteArray program = QFile::encodeName(agent);
    if (::stat(program.constData(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid()
        || (st.st_mode & (S_IWGRP | S_IWOTH)) || !(st.st_mode & S_IXUSR)) {
        *error = QStringLiteral("%1 is missing or may be changed by others than its owner").arg(agent);
        return -1;
    }
    int lifeline[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, lifeline) != 0) {
        *error = systemError(QStringLiteral("socketpair"));
        return -1;
    }
    int status[2];
    if (::pipe2(status, O_CLOEXEC) != 0) {
        *error = systemError(QStringLiteral("pipe"));
        ::close(lifeline[0]);
        ::close(lifeline[1]);
        return -1;
    }

    // Everything the children need is made before fork(): after it, only
    // async-signal-safe calls.
    QByteArray journal = QFile::encodeName(journalPath);
    QByteArray programCopy = program;
    char *argv[] = {programCopy.data(), journal.data(), nullptr};
    char pathVar[] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";
    char langVar[] = "LC_ALL=C";
    char *envp[] = {pathVar, langVar, nullptr};

    const pid_t child = ::fork();
    if (child < 0) {
        *error = systemError(QStringLiteral("fork"));
        for (int fd : {lifeline[0], lifeline[1], status[0], status[1]})
            ::close(fd);
        return -1;
    }
    if (child == 0) {
        // A session of its own: no signal for the helper's process group
        // or terminal reaches it. The second fork leaves it to init, so
        // nobody has to reap it.
        ::setsid();
        const pid_t grandchild = ::fork();
        if (grandchild != 0)
            ::_exit(grandchild < 0 ? 1 : 0);
        const int statusFd = ::fcntl(status[1], F_DUPFD_CLOEXEC, 10);
        const int lifelineHigh = ::fcntl(lifeline[0], F_DUPFD, 10);
        if (statusFd < 0 || lifelineHigh < 0 || ::dup2(lifelineHigh, lifelineFd) != lifelineFd)
            ::_exit(126);
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, STDIN_FILENO);
            ::dup2(null, STDOUT_FILENO);
        }
        // Standard error stays: it goes where the helper's goes (the
        // system log for a bus-activated service).
        ::close_range(lifelineFd + 1, unsigned(statusFd) - 1, 0);
        ::close_range(unsigned(statusFd) + 1, ~0U, 0);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; ++s)
            ::sigaction(s, &dfl, nullptr);
        ::execve(argv[0], argv, envp);
        const int e = errno;
        [[maybe_unused]] const ssize_t n = ::write(statusFd, &e, sizeof(e));
        ::_exit(127);
    }
    ::close(lifeline[0]);
    ::close(status[1]);
    int childStatus = 0;
    while (::waitpid(child, &childStatus, 0) < 0 && errno == EINTR) {
    }
    int execErrno = 0;
    ssize_t n;
    while ((n = ::read(status[0], &execErrno, sizeof(execErrno))) < 0 && errno == EINTR) {
    }
    ::close(status[0]);
    if (!WIFEXITED(childStatus) || WEXITSTATUS(childStatus) != 0 || n > 0) {
        *error = n > 0 ? QStringLiteral("%1: %2").arg(agent, QString::fromLocal8Bit(std::strerror(execErrno)))
                       : QStringLiteral("%1 could not be started").arg(agent);
        ::close(lifeline[1]);
        return -1;
    }
    return lifeline[1];
}

void poke(int lifeline)
{
    if (lifeline >= 0) {
        const char byte = 1;
        // MSG_NOSIGNAL: an agent that is gone must not take the helper along.
        ::send(lifeline, &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    }
}

int run(const QString &journalPath)
{
    const QString folder = QFileInfo(journalPath).path();
    const StateDirectory dir(folder);
    QString error;
    if (journalPath != dir.journalPath() || !dir.check(&error)) {
        qCCritical(lcHelper, "refusing %s: %s", qPrintable(journalPath), qPrintable(error));
        return 2;
    }
    struct stat st {};
    if (::fstat(lifelineFd, &st) != 0 || !S_ISSOCK(st.st_mode)) {
        qCCritical(lcHelper, "started without the helper's lifeline on fd %d", lifelineFd);
        return 2;
    }

    std::optional<JournalData> journal = Journal::read(journalPath, &error);
    if (!journal)
        return 0;
    const QString transaction = journal->transaction;
    bool helperGone = false;
    int backoffMs = 0;
    for (;;) {
        // How long to sleep: until the deadline of a change waiting for
        // confirmation, or until the lifeline says something.
        int timeout = -1;
        if (journal->state == JournalData::State::Pending) {
            const qint64 left = journal->deadlineMs + (helperGone ? 0 : graceMs) - Journal::boottimeMs();
            timeout = int(std::clamp<qint64>(left, 0, INT_MAX));
        } else if (helperGone) {
            timeout = 0;
        }
        timeout = std::max(timeout, backoffMs);
        backoffMs = 0;
        if (!helperGone) {
            pollfd p{lifelineFd, POLLIN, 0};
            const int ready = ::poll(&p, 1, timeout);
            if (ready < 0 && errno == EINTR)
                continue;
            if (ready > 0) {
                char buffer[64];
                const ssize_t n = ::recv(lifelineFd, buffer, sizeof(buffer), 0);
                if (n <= 0 && !(n < 0 && errno == EINTR))
                    helperGone = true;
            }
        } else if (timeout > 0) {
            // Nobody pokes any more: look at the journal now and then, so
            // that a new helper finishing it first does not leave the agent
            // waiting for a deadline that no longer matters.
            ::poll(nullptr, 0, std::min(timeout, 500));
        }

        journal = Journal::read(journalPath, &error);
        if (!journal || journal->transaction != transaction)
            return 0; // committed or undone: nothing left for the agent
        const bool pending = journal->state == JournalData::State::Pending;
        const bool expired = pending && Journal::boottimeMs() >= journal->deadlineMs + (helperGone ? 0 : graceMs);
        if (!(helperGone && !pending) && !expired)
            continue;

        StateLock lock;
        if (!lock.acquire(dir.lockPath(), 0, &error)) {
            // Held: the helper lives, or a new one is finishing the journal.
            backoffMs = 200;
            continue;
        }
        journal = Journal::read(journalPath, &error);
        if (!journal || journal->transaction != transaction)
            return 0;
        if (journal->bootId != Journal::currentBootId() || journal->netns != Journal::currentNetns()) {
            qCWarning(lcHelper, "%s was written in another boot or network namespace; left alone",
                      qPrintable(journalPath));
            return 0;
        }
        if (journal->state == JournalData::State::Pending && Journal::boottimeMs() < journal->deadlineMs)
            continue; // given more time meanwhile
        qCWarning(lcHelper, "transaction %s (%s): %s, undoing it", qPrintable(transaction),
                  qPrintable(journal->method),
                  journal->state == JournalData::State::Pending ? "not confirmed in time"
                                                                : "the helper died while applying it");
        if (!Journal::rollBack(journalPath, &*journal, &error)) {
            qCCritical(lcHelper, "could not put everything back: %s", qPrintable(error));
            return 1;
        }
        return 0;
    }
}

} // namespace Passerelle::RollbackAgent
