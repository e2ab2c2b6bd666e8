// Small tools for the benchmark driver: processes started with posix_spawn
// and timed to the nanosecond (QProcess adds event-loop latency to what is
// measured), the stdout of long-running processes read line by line with
// the time each line arrived, /proc readers for CPU time and RSS, and
// percentiles.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace Bench {

// A sanity check failed, a tool is missing or the user pressed Ctrl-C: the
// driver unwinds, so that the fixtures remove what they created.
struct Abort : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// Set by SIGINT/SIGTERM; long loops call checkInterrupted().
extern std::atomic<bool> interrupted;
void installInterruptHandler();
void checkInterrupted();

// CLOCK_MONOTONIC in nanoseconds: shared by every process on the machine,
// so a child can report a moment the driver compares with its own.
qint64 nowNs();
inline double ms(qint64 ns) { return double(ns) / 1e6; }
void sleepMs(int ms);

struct RunResult
{
    int exitCode = -1;       // -1: could not start, killed or timed out
    qint64 startNs = 0;      // nowNs() just before the spawn
    qint64 firstOutNs = 0;   // nowNs() when the first byte of stdout arrived
    qint64 wallNs = 0;       // from just before the spawn to the reaped exit
    QByteArray out;
    QByteArray err;
    long maxRssKb = 0;       // ru_maxrss of the child
};

// Runs ARGV (PATH is searched) with EXTRAENV ("K=V") added to the
// environment, captures stdout and stderr, and waits at most timeoutMs.
RunResult run(const QStringList &argv, const QStringList &extraEnv = {}, int timeoutMs = 120000);
// Same, throws Abort with the command and its stderr when it fails.
RunResult runChecked(const QStringList &argv, const QStringList &extraEnv = {}, int timeoutMs = 120000);

// A process that keeps running (a monitor, the GUI): its stdout is read by
// a thread of its own that stamps every line with nowNs() as it arrives.
class Background
{
public:
    struct Line
    {
        qint64 ns;
        QByteArray text;
    };

    Background() = default;
    ~Background();
    Background(const Background &) = delete;
    Background &operator=(const Background &) = delete;

    bool start(const QStringList &argv, const QStringList &extraEnv = {});
    qint64 pid() const { return m_pid; }
    qint64 startedNs() const { return m_startNs; }
    bool isRunning() const;
    // SIGTERM, then SIGKILL after graceMs; reaps the process.
    void stop(int graceMs = 3000);

    int lineCount() const;
    Line line(int index) const;
    // Waits for a line at index >= from that matches; its index, -1 on timeout.
    int waitFor(int from, const std::function<bool(const QByteArray &)> &match, int timeoutMs);
    QByteArray stderrText() const;

private:
    void readLoop(int fd);

    qint64 m_pid = 0;
    qint64 m_startNs = 0;
    int m_errFile = -1;
    QString m_errPath;
    std::thread m_reader;
    mutable std::mutex m_mutex;
    std::condition_variable m_cond;
    std::vector<Line> m_lines;
};

// utime + stime of a whole process (all its threads), in seconds.
double cpuSeconds(qint64 pid);
// A field of /proc/PID/status in kB (VmRSS, VmHWM), -1 when unreadable.
long statusKb(qint64 pid, const char *field);
// Waits until PID has used no CPU for quietMs (at most timeoutMs); true if it settled.
bool waitUntilIdle(qint64 pid, int quietMs, int timeoutMs);

struct Stats
{
    int n = 0;
    double min = 0, p50 = 0, p90 = 0, p99 = 0, max = 0, mean = 0;
};
Stats stats(std::vector<double> values);

// "nproc", "kernel", "cpu"... as (name, value) rows for the report.
QList<QPair<QString, QString>> machineInfo();
QString fmt(double v, int decimals = 1);

} // namespace Bench
