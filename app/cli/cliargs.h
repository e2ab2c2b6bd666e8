// What every passerellectl command shares: the options common to all of
// them, the way errors are written (stderr, one clear line, no trace) and
// the exit codes scripts rely on.
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Passerelle {
class TopologyModel;
}

// Exit codes, as users of ip and docker expect: 0 done, 1 the thing asked
// for failed or does not exist, 2 the command line is wrong.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    // Adds --json, --no-docker and --docker-host to a command's parser.
    static void addCommonOptions(QCommandLineParser &parser);
    static bool json(const QCommandLineParser &parser);
    // Parses a command's ARGUMENTS ("passerellectl COMMAND ..."). Returns the
    // exit code when the command is done already: a usage error was printed,
    // or --help was asked for.
    static std::optional<int> parseCommand(QCommandLineParser &parser, const QStringList &arguments);

    static void printOut(const QString &text);
    // A JSON document on stdout: compact like `ip -j`, indented with --pretty.
    static void printJson(const QJsonObject &object, const QCommandLineParser &parser);
    static void printError(const QString &text);
    // "passerellectl: TEXT" on stderr.
    static int fail(const QString &text, ExitCode code = ExitFailure);

    // Starts the model in one-shot mode with the common options and waits
    // until it is complete. False (with the error printed) when netlink
    // cannot be read or the model does not answer in time.
    static bool loadOnce(Passerelle::TopologyModel &model, const QCommandLineParser &parser);
    // Starts the model following events; returns once the first state is complete.
    static bool loadLive(Passerelle::TopologyModel &model, const QCommandLineParser &parser);

    // A Docker warning on stderr when Docker could not be asked, so a table
    // without containers is not mistaken for a host without any.
    static void warnIfDockerUnavailable(const Passerelle::TopologyModel &model, const QCommandLineParser &parser);
};
