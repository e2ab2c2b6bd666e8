#include "benchutil.h"

#include <QFile>
#include <QSysInfo>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace Bench {

std::atomic<bool> interrupted{false};

namespace {

void onSignal(int)
{
    interrupted = true;
}

// argv and envp as C arrays, prepared before the spawn.
struct CArgs
{
    std::vector<QByteArray> storage;
    std::vector<char *> argv;
    std::vector<QByteArray> envStorage;
    std::vector<char *> envp;

    CArgs(const QStringList &args, const QStringList &extraEnv)
    {
        for (const QString &a : args)
            storage.push_back(QFile::encodeName(a));
        for (QByteArray &s : storage)
            argv.push_back(s.data());
        argv.push_back(nullptr);

        QList<QByteArray> keys;
        for (const QString &e : extraEnv)
            keys.append(e.section(QLatin1Char('='), 0, 0).toLocal8Bit() + '=');
        for (char **e = environ; *e; ++e) {
            const QByteArray entry(*e);
            const bool overridden = std::any_of(keys.cbegin(), keys.cend(),
                                                [&entry](const QByteArray &k) { return entry.startsWith(k); });
            if (!overridden)
                envStorage.push_back(entry);
        }
        for (const QString &e : extraEnv)
            envStorage.push_back(e.toLocal8Bit());
        for (QByteArray &s : envStorage)
            envp.push_back(s.data());
        envp.push_back(nullptr);
    }
};

// Spawns with stdout and stderr going to the given fds (-1: /dev/null).
pid_t spawn(const CArgs &c, int outFd, int errFd)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    if (outFd >= 0)
        posix_spawn_file_actions_adddup2(&actions, outFd, 1);
    else
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (errFd >= 0)
        posix_spawn_file_actions_adddup2(&actions, errFd, 2);
    else
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, c.argv[0], &actions, &attr, c.argv.data(), c.envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return rc == 0 ? pid : -1;
}

} // namespace

void installInterruptHandler()
{
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
}

void checkInterrupted()
{
    if (interrupted)
        throw Abort("interrupted");
}

qint64 nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

RunResult run(const QStringList &argv, const QStringList &extraEnv, int timeoutMs)
{
    RunResult r;
    const CArgs c(argv, extraEnv);
    int outPipe[2], errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        return r;
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        ::close(outPipe[0]);
        ::close(outPipe[1]);
        return r;
    }
    const qint64 start = nowNs();
    r.startNs = start;
    const pid_t pid = spawn(c, outPipe[1], errPipe[1]);
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    if (pid < 0) {
        ::close(outPipe[0]);
        ::close(errPipe[0]);
        r.err = "cannot start " + argv.value(0).toLocal8Bit();
        return r;
    }
    const qint64 deadline = start + qint64(timeoutMs) * 1000000;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    bool timedOut = false;
    char buf[65536];
    while (open > 0) {
        const qint64 left = (deadline - nowNs()) / 1000000;
        if (left <= 0) {
            timedOut = true;
            break;
        }
        const int n = ::poll(fds, 2, int(std::min<qint64>(left, 1000)));
        if (n < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got > 0) {
                if (i == 0 && r.out.isEmpty())
                    r.firstOutNs = nowNs();
                (i == 0 ? r.out : r.err).append(buf, got);
            } else if (got == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    if (timedOut)
        ::kill(pid, SIGKILL);
    for (pollfd &f : fds) {
        if (f.fd >= 0)
            ::close(f.fd);
    }
    int status = 0;
    rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    r.wallNs = nowNs() - start;
    r.maxRssKb = usage.ru_maxrss;
    if (!timedOut && WIFEXITED(status))
        r.exitCode = WEXITSTATUS(status);
    return r;
}

RunResult runChecked(const QStringList &argv, const QStringList &extraEnv, int timeoutMs)
{
    RunResult r = run(argv, extraEnv, timeoutMs);
    if (r.exitCode != 0) {
        throw Abort(QStringLiteral("`%1` failed (exit %2): %3")
                        .arg(argv.join(QLatin1Char(' ')).left(300))
                        .arg(r.exitCode)
                        .arg(QString::fromLocal8Bit(r.err).trimmed().left(2000))
                        .toStdString());
    }
    return r;
}

Background::~Background()
{
    stop(1000);
}

bool Background::start(const QStringList &argv, const QStringList &extraEnv)
{
    const CArgs c(argv, extraEnv);
    int outPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        return false;
    char path[] = "/tmp/psl-bench-stderr-XXXXXX";
    m_errFile = ::mkostemp(path, O_CLOEXEC);
    m_errPath = QString::fromLocal8Bit(path);
    m_startNs = nowNs();
    const pid_t pid = spawn(c, outPipe[1], m_errFile);
    ::close(outPipe[1]);
    if (pid < 0) {
        ::close(outPipe[0]);
        return false;
    }
    m_pid = pid;
    m_reader = std::thread([this, fd = outPipe[0]] { readLoop(fd); });
    return true;
}

void Background::readLoop(int fd)
{
    QByteArray partial;
    char buf[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        const qint64 t = nowNs();
        partial.append(buf, got);
        std::vector<Line> complete;
        qsizetype nl;
        while ((nl = partial.indexOf('\n')) >= 0) {
            complete.push_back({t, partial.left(nl)});
            partial.remove(0, nl + 1);
        }
        if (!complete.empty()) {
            std::lock_guard<std::mutex> lock(m_mutex);
            for (Line &l : complete)
                m_lines.push_back(std::move(l));
            m_cond.notify_all();
        }
    }
    ::close(fd);
}

bool Background::isRunning() const
{
    if (m_pid <= 0)
        return false;
    int status = 0;
    return ::waitpid(pid_t(m_pid), &status, WNOHANG) == 0;
}

void Background::stop(int graceMs)
{
    if (m_pid > 0) {
        ::kill(pid_t(m_pid), SIGTERM);
        const qint64 deadline = nowNs() + qint64(graceMs) * 1000000;
        int status = 0;
        bool reaped = false;
        while (nowNs() < deadline) {
            const pid_t r = ::waitpid(pid_t(m_pid), &status, WNOHANG);
            if (r == pid_t(m_pid) || (r < 0 && errno == ECHILD)) {
                reaped = true;
                break;
            }
            sleepMs(10);
        }
        if (!reaped) {
            ::kill(pid_t(m_pid), SIGKILL);
            ::waitpid(pid_t(m_pid), &status, 0);
        }
        m_pid = 0;
    }
    if (m_reader.joinable())
        m_reader.join();
    if (m_errFile >= 0) {
        ::close(m_errFile);
        m_errFile = -1;
        ::unlink(QFile::encodeName(m_errPath).constData());
    }
}

int Background::lineCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_lines.size());
}

Background::Line Background::line(int index) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_lines.at(size_t(index));
}

int Background::waitFor(int from, const std::function<bool(const QByteArray &)> &match, int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    size_t i = size_t(std::max(from, 0));
    for (;;) {
        for (; i < m_lines.size(); ++i) {
            if (match(m_lines[i].text))
                return int(i);
        }
        if (m_cond.wait_until(lock, deadline) == std::cv_status::timeout) {
            for (; i < m_lines.size(); ++i) {
                if (match(m_lines[i].text))
                    return int(i);
            }
            return -1;
        }
    }
}

QByteArray Background::stderrText() const
{
    QFile f(m_errPath);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    if (paren < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // Fields 14 and 15 of proc(5); the list starts at field 3.
    const double ticks = fields.at(11).toDouble() + fields.at(12).toDouble();
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

long statusKb(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

bool waitUntilIdle(qint64 pid, int quietMs, int timeoutMs)
{
    const qint64 deadline = nowNs() + qint64(timeoutMs) * 1000000;
    double last = cpuSeconds(pid);
    qint64 quietSince = nowNs();
    while (nowNs() < deadline) {
        checkInterrupted();
        sleepMs(100);
        const double now = cpuSeconds(pid);
        if (now < 0)
            return false;
        if (now != last) {
            last = now;
            quietSince = nowNs();
        } else if (nowNs() - quietSince >= qint64(quietMs) * 1000000) {
            return true;
        }
    }
    return false;
}

Stats stats(std::vector<double> v)
{
    Stats s;
    s.n = int(v.size());
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    auto pct = [&v](double p) {
        const double pos = p * double(v.size() - 1);
        const size_t lo = size_t(std::floor(pos));
        const size_t hi = std::min(lo + 1, v.size() - 1);
        return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
    };
    s.min = v.front();
    s.max = v.back();
    s.p50 = pct(0.5);
    s.p90 = pct(0.9);
    s.p99 = pct(0.99);
    double sum = 0;
    for (double x : v)
        sum += x;
    s.mean = sum / double(v.size());
    return s;
}

QList<QPair<QString, QString>> machineInfo()
{
    QList<QPair<QString, QString>> info;
    utsname u {};
    ::uname(&u);
    info.append({QStringLiteral("nproc"), QString::number(std::thread::hardware_concurrency())});
    info.append({QStringLiteral("kernel"), QString::fromLatin1(u.release)});
    QFile cpu(QStringLiteral("/proc/cpuinfo"));
    if (cpu.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpu.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                info.append({QStringLiteral("cpu"), QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed())});
                break;
            }
        }
    }
    QFile mem(QStringLiteral("/proc/meminfo"));
    if (mem.open(QIODevice::ReadOnly)) {
        const QByteArray total = mem.readLine().simplified();
        info.append({QStringLiteral("memory"),
                     QStringLiteral("%1 GiB").arg(double(total.split(' ').value(1).toLongLong()) / 1048576.0, 0, 'f', 1)});
    }
    info.append({QStringLiteral("os"), QSysInfo::prettyProductName()});
    info.append({QStringLiteral("Qt"), QString::fromLatin1(qVersion())});
    const RunResult ipv = run({QStringLiteral("ip"), QStringLiteral("-V")});
    info.append({QStringLiteral("iproute2"), QString::fromLocal8Bit(ipv.out).trimmed().section(QLatin1Char(','), 1).trimmed()});
    return info;
}

QString fmt(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace Bench
