// The places other than daemon.json where dockerd takes its network options
// (-b/--bridge, --bip, --fixed-cidr, --default-gateway), and their move into
// daemon.json. dockerd refuses to start when an option comes both from a
// flag and from daemon.json, so the helper must find them before it writes
// daemon.json.
//
// Two places are read, without ever running a shell:
// - DOCKER_OPTS in the defaults file (/etc/default/docker), which the init
//   script sources and docker.service reads as EnvironmentFile. The last
//   uncommented assignment counts (as in the shell); "export" and single,
//   double or no quotes are understood. What only a shell could tell
//   ($VAR, $(...), backticks, several commands on the line) is reported as
//   an option with a problem, never skipped.
// - The dockerd command line of docker.service: the first unit file found,
//   then its drop-ins (*.conf, same name: the first folder wins; applied in
//   name order). ExecStart= lines in [Service] add a command, an empty one
//   resets; the last one is effective. systemd's quoting (single and double
//   quotes, C escapes, a trailing backslash continuing the line) is
//   understood. $DOCKER_OPTS / ${DOCKER_OPTS} in it stands for the defaults
//   file, read as above; any other variable is a problem.
// Options are recognised as "-b br0", "-b=br0", "-bbr0", "--bridge br0" and
// "--bridge=br0" (pflag's forms). Combined short flags ("-Db br0") are not
// understood.
#pragma once

#include "helpererrors.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <sys/types.h>

namespace Passerelle {

// Where to look; Debian's paths by default, others in tests.
struct DockerOptionPaths
{
    QString defaultsFile = QStringLiteral("/etc/default/docker");
    // In systemd's order of precedence: the first that exists is the unit.
    QStringList unitFiles = {
        QStringLiteral("/etc/systemd/system/docker.service"),
        QStringLiteral("/lib/systemd/system/docker.service"),
        QStringLiteral("/usr/lib/systemd/system/docker.service"),
    };
    // In order of precedence too; planOptionMove writes into the first.
    QStringList dropInDirs = {
        QStringLiteral("/etc/systemd/system/docker.service.d"),
        QStringLiteral("/run/systemd/system/docker.service.d"),
        QStringLiteral("/lib/systemd/system/docker.service.d"),
    };
};

// One network option found outside daemon.json, or something there that
// cannot be read without a shell.
struct DockerOption
{
    QString file;        // the defaults file, the unit or the drop-in
    QString setting;     // "DOCKER_OPTS" or "ExecStart"; for a problem, also
                         // "Environment" or "EnvironmentFile" (DOCKER_OPTS
                         // given to the unit from elsewhere)
    QString option;      // as written: "-b", "--bridge", "--bip"
    QString daemonKey;   // "bridge", "bip", "fixed-cidr", "default-gateway"
    QString value;       // "br0"
    // Empty for an option read. Otherwise daemonKey is empty, value holds
    // the text in question and problem says why it could not be read:
    // "command-substitution" ($(...), backticks), "variable" ($FOO),
    // "shell-syntax" (;, |, &, redirections, another command on the line),
    // "unterminated-quote", "missing-value" (-b at the end).
    QString problem;

    bool operator==(const DockerOption &other) const;
};

// What moving options into daemon.json writes.
struct DockerFileRewrite
{
    QString path;
    QByteArray content;
    mode_t mode = 0644;   // for a new file; SafeFile::write keeps an existing file's mode
};

struct DockerOptionMove
{
    QList<DockerFileRewrite> rewrites;
    QJsonObject daemonKeys;   // {"bridge": "br0", ...} for DaemonConfig::withKeys()
};

// The drop-in planOptionMove writes, in the first of dropInDirs.
inline constexpr char OptionsDropInName[] = "passerelle-options.conf";

// Every network option (and every problem) in PATHS, in file order. Missing
// files are not a failure; one that cannot be read is (Failed [what, errno
// name, path]).
std::optional<HelperFailure> findNetworkOptions(const DockerOptionPaths &paths, QList<DockerOption> *options);

// The rewrites that take OPTIONS (as found by findNetworkOptions) out of
// their files, and the daemon.json keys that replace them:
// - the defaults file with those options taken out of the effective
//   DOCKER_OPTS assignment, every other byte as it was;
// - for the command line of the unit, a drop-in OptionsDropInName
//   resetting ExecStart and giving the same command line without those
//   options (each other argument exactly as written).
// Refused with DockerConflict [file, option, value]: the same key with two
// different values; an option that has a problem; an ExecStart that a
// drop-in named after OptionsDropInName would still override. Failed
// [what, errno name, path] when a file changed since OPTIONS were found or
// cannot be read. The files are read again; nothing is written.
std::optional<HelperFailure> planOptionMove(const QList<DockerOption> &options, const DockerOptionPaths &paths,
                                            DockerOptionMove *move);

} // namespace Passerelle
