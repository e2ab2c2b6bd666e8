#include "cliargs.h"

#include "topologymodel.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

void Cli::addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), tr("Print JSON instead of text.")});
    parser.addOption({{QStringLiteral("p"), QStringLiteral("pretty")}, tr("With --json, indent the output for people.")});
    parser.addOption({QStringLiteral("no-docker"), tr("Do not ask Docker who owns the containers.")});
    parser.addOption({{QStringLiteral("H"), QStringLiteral("docker-host")},
                      tr("Docker daemon socket to connect to (default: $DOCKER_HOST or unix:///var/run/docker.sock)."),
                      tr("URL")});
}

bool Cli::json(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("json"));
}

std::optional<int> Cli::parseCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return fail(parser.errorText(), ExitUsage);
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program by its path; users type "passerellectl COMMAND".
        QString help = parser.helpText();
        help.replace(QCoreApplication::arguments().constFirst(), arguments.value(0));
        printOut(help);
        return ExitOk;
    }
    return std::nullopt;
}

void Cli::printOut(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {

// QJsonDocument's Indented format writes an empty array or object over two
// lines ("[\n    ]"): joined back into "[]" and "{}". A string holds no raw
// newline, so "[" or "{" then a newline is always the document's own.
QByteArray withEmptyContainersJoined(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        out.append(c);
        if ((c != '[' && c != '{') || i + 1 >= in.size() || in.at(i + 1) != '\n')
            continue;
        qsizetype j = i + 2;
        while (j < in.size() && in.at(j) == ' ')
            ++j;
        if (j < in.size() && in.at(j) == (c == '[' ? ']' : '}')) {
            out.append(in.at(j));
            i = j;
        }
    }
    return out;
}

} // namespace

void Cli::printJson(const QJsonObject &object, const QCommandLineParser &parser)
{
    // Straight to bytes: the document is UTF-8 already, and large.
    const bool pretty = parser.isSet(QStringLiteral("pretty"));
    QByteArray bytes = QJsonDocument(object).toJson(pretty ? QJsonDocument::Indented : QJsonDocument::Compact);
    if (pretty)
        bytes = withEmptyContainersJoined(bytes);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    if (!bytes.endsWith('\n'))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void Cli::printError(const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
}

int Cli::fail(const QString &text, ExitCode code)
{
    printError(QStringLiteral("passerellectl: ") + text);
    return code;
}

namespace {

bool load(Passerelle::TopologyModel &model, const QCommandLineParser &parser, bool live)
{
    Passerelle::TopologyModel::Options options;
    options.live = live;
    options.docker = !parser.isSet(QStringLiteral("no-docker"));
    options.dockerEndpoint = parser.value(QStringLiteral("docker-host"));

    QString netlinkError;
    QEventLoop loop;
    QObject::connect(&model, &Passerelle::TopologyModel::ready, &loop, &QEventLoop::quit);
    QObject::connect(&model, &Passerelle::TopologyModel::netlinkFailed, &loop, [&](const QString &reason) {
        netlinkError = reason;
        loop.quit();
    });
    // Docker and netlink both answer within their own timeouts; this only
    // guards against a reader that never answers at all.
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    model.start(options);
    if (!model.isReady())
        loop.exec();
    if (!netlinkError.isEmpty()) {
        Cli::fail(Cli::tr("cannot read the network interfaces: %1").arg(netlinkError));
        return false;
    }
    if (!model.isReady()) {
        Cli::fail(Cli::tr("the topology could not be read within 60 seconds"));
        return false;
    }
    return true;
}

} // namespace

bool Cli::loadOnce(Passerelle::TopologyModel &model, const QCommandLineParser &parser)
{
    return load(model, parser, false);
}

bool Cli::loadLive(Passerelle::TopologyModel &model, const QCommandLineParser &parser)
{
    return load(model, parser, true);
}

void Cli::warnIfDockerUnavailable(const Passerelle::TopologyModel &model, const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("no-docker")))
        return;
    const Passerelle::DockerStatus s = model.dockerStatus();
    if (s.state == Passerelle::DockerStatus::State::Unavailable)
        printError(tr("passerellectl: warning: Docker is not reachable (%1); containers are not shown.").arg(s.reason));
}
