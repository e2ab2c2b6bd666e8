// Where else dockerd takes its network options (dockeroptions.h): DOCKER_OPTS
// in the defaults file and the command line of docker.service with its
// drop-ins, read from real files laid out as on Debian inside a temporary
// folder; and their move into daemon.json, written with SafeFile and read
// back: nothing left to conflict, everything else kept.
#include "dockeroptions.h"
#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Passerelle;

namespace {

const QByteArray kDebianUnit = "[Unit]\n"
                               "Description=Docker Application Container Engine\n"
                               "Requires=docker.socket\n"
                               "\n"
                               "[Service]\n"
                               "Type=notify\n"
                               "EnvironmentFile=-%1\n"
                               "ExecStart=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock "
                               "$DOCKER_OPTS\n"
                               "ExecReload=/bin/kill -s HUP $MAINPID\n"
                               "\n"
                               "[Install]\n"
                               "WantedBy=multi-user.target\n";

// The Debian defaults file as shipped: comments only.
const QByteArray kDebianDefaults = "# Here in Debian, this file is sourced by:\n"
                                   "#   - /etc/init.d/docker (sysvinit)\n"
                                   "#   - systemd's docker.service\n"
                                   "\n"
                                   "# Customize location of Docker binary (especially for development testing).\n"
                                   "#DOCKERD=\"/usr/local/bin/dockerd\"\n"
                                   "\n"
                                   "# Use DOCKER_OPTS to modify the daemon startup options.\n"
                                   "#DOCKER_OPTS=\"--dns 8.8.8.8 --dns 8.8.4.4\"\n";

// "option key value" for an option, "!problem" for a problem, to compare
// whole lists at once.
QStringList describe(const QList<DockerOption> &options)
{
    QStringList lines;
    for (const DockerOption &o : options) {
        if (o.problem.isEmpty())
            lines << QStringLiteral("%1 %2 %3").arg(o.option, o.daemonKey, o.value);
        else
            lines << QLatin1Char('!') + o.problem;
    }
    return lines;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDockerOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void defaultsFile_data();
    void defaultsFile();
    void serviceCommand_data();
    void serviceCommand();
    void moveDockerOpts_data();
    void moveDockerOpts();
    void moveExecStart();
    void moveBothPlaces();
    void conflictingValues();
    void problemNotMoved();
    void staleOptions();
    void laterDropInWins();
    void linkedDefaultsNotRewritten();

private:
    // A root file system in miniature: the same layout as Debian's.
    bool put(const QString &path, const QByteArray &content);
    QString etcDropIns() const { return m_paths.dropInDirs.at(0); }
    QString libDropIns() const { return m_paths.dropInDirs.at(2); }
    QString libUnit() const { return m_paths.unitFiles.at(1); }
    QString etcUnit() const { return m_paths.unitFiles.at(0); }
    QByteArray debianUnit() const { return QString::fromUtf8(kDebianUnit).arg(m_paths.defaultsFile).toUtf8(); }
    // Writes every rewrite of MOVE as the helper will.
    void apply(const DockerOptionMove &move);

    std::unique_ptr<QTemporaryDir> m_dir;
    DockerOptionPaths m_paths;
};

void TestDockerOptions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString root = m_dir->path();
    m_paths = DockerOptionPaths();
    m_paths.defaultsFile = root + m_paths.defaultsFile;
    for (QString &unit : m_paths.unitFiles)
        unit = root + unit;
    for (QString &dir : m_paths.dropInDirs)
        dir = root + dir;
    QVERIFY(QDir().mkpath(QFileInfo(m_paths.defaultsFile).path()));
    QVERIFY(QDir().mkpath(QFileInfo(libUnit()).path()));
}

bool TestDockerOptions::put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

void TestDockerOptions::apply(const DockerOptionMove &move)
{
    for (const DockerFileRewrite &rewrite : move.rewrites) {
        QVERIFY(QDir().mkpath(QFileInfo(rewrite.path).path()));
        const auto failure = SafeFile::write(rewrite.path, rewrite.content, rewrite.mode, nullptr);
        QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    }
}

void TestDockerOptions::defaultsFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("the seed") << QByteArray("DOCKER_OPTS=\"-b=br0\"\n") << QStringList{"-b bridge br0"};
    QTest::newRow("Debian's, untouched") << kDebianDefaults << QStringList();
    QTest::newRow("spaced") << QByteArray("DOCKER_OPTS=\"--bridge br0 --dns 8.8.8.8\"\n")
                            << QStringList{"--bridge bridge br0"};
    QTest::newRow("exported, single quotes")
        << QByteArray("export DOCKER_OPTS='--bip=10.9.0.1/24 --fixed-cidr 10.9.0.0/25'\n")
        << QStringList{"--bip bip 10.9.0.1/24", "--fixed-cidr fixed-cidr 10.9.0.0/25"};
    QTest::newRow("exported afterwards") << QByteArray("DOCKER_OPTS=\"-b br0\"\nexport DOCKER_OPTS DOCKERD  # both\n")
                                         << QStringList{"-b bridge br0"};
    QTest::newRow("unquoted, value stuck") << QByteArray("DOCKER_OPTS=-bbr0") << QStringList{"-b bridge br0"};
    QTest::newRow("indented, comment after") << QByteArray("\t  DOCKER_OPTS=\"-b br0\"   # the LAN\n")
                                             << QStringList{"-b bridge br0"};
    QTest::newRow("commented out") << QByteArray("#DOCKER_OPTS=\"-b=br0\"\n  # DOCKER_OPTS=\"-b br1\"\n")
                                   << QStringList();
    QTest::newRow("the last assignment counts")
        << QByteArray("DOCKER_OPTS=\"-b br1\"\nDOCKER_OPTS=\"--dns 1.1.1.1\"\n") << QStringList();
    QTest::newRow("v6 options are others")
        << QByteArray("DOCKER_OPTS=\"--fixed-cidr-v6 2001:db8::/64 --default-gateway=192.168.7.254 "
                      "--default-gateway-v6=2001:db8::1\"\n")
        << QStringList{"--default-gateway default-gateway 192.168.7.254"};
    QTest::newRow("over two lines") << QByteArray("DOCKER_OPTS=\"--dns 8.8.8.8\n    -b br0\"\n")
                                    << QStringList{"-b bridge br0"};
    QTest::newRow("escaped quotes and continuation")
        << QByteArray("DOCKER_OPTS=\"--label \\\"x\\\" \\\n-b \"br0\n") << QStringList{"-b bridge br0"};
    QTest::newRow("other variables may need a shell")
        << QByteArray("HOSTNAME=$(hostname)\nDOCKER_OPTS=\"--bip 10.9.0.1/24\"\n")
        << QStringList{"--bip bip 10.9.0.1/24"};
    QTest::newRow("after --") << QByteArray("DOCKER_OPTS=\"--dns 8.8.8.8 -- -b br0\"\n") << QStringList();
    QTest::newRow("a dollar that is not a variable") << QByteArray("DOCKER_OPTS=\"--label cost=5$ -b br0\"\n")
                                                     << QStringList{"-b bridge br0"};

    QTest::newRow("command substitution")
        << QByteArray("DOCKER_OPTS=\"$(cat /etc/docker-opts)\"\n") << QStringList{"!command-substitution"};
    QTest::newRow("backticks") << QByteArray("DOCKER_OPTS=`cat /etc/docker-opts`\n")
                               << QStringList{"!command-substitution"};
    QTest::newRow("itself appended") << QByteArray("DOCKER_OPTS=\"-b br0\"\nDOCKER_OPTS=\"$DOCKER_OPTS --dns 1.1.1.1\"\n")
                                     << QStringList{"!variable"};
    QTest::newRow("braced variable") << QByteArray("DOCKER_OPTS=-b${BRIDGE}\n") << QStringList{"!variable"};
    QTest::newRow("unquoted with a space") << QByteArray("DOCKER_OPTS=-b br0\n") << QStringList{"!shell-syntax"};
    QTest::newRow("two commands") << QByteArray("DOCKER_OPTS=\"-b br0\"; echo hi\n")
                                  << QStringList{"!shell-syntax"};
    QTest::newRow("a condition") << QByteArray("[ -d /sys/class/net/br0 ] && DOCKER_OPTS=\"-b br0\"\n")
                                 << QStringList{"!shell-syntax"};
    QTest::newRow("unterminated quote") << QByteArray("DOCKER_OPTS=\"-b br0\n") << QStringList{"!unterminated-quote"};
    QTest::newRow("flag without value") << QByteArray("DOCKER_OPTS=\"--dns 8.8.8.8 --bridge\"\n")
                                        << QStringList{"!missing-value"};
}

void TestDockerOptions::defaultsFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    QVERIFY(put(m_paths.defaultsFile, content));
    QList<DockerOption> options;
    const auto failure = findNetworkOptions(m_paths, &options);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(describe(options), expected);
    for (const DockerOption &o : options) {
        QCOMPARE(o.file, m_paths.defaultsFile);
        QCOMPARE(o.setting, QStringLiteral("DOCKER_OPTS"));
    }
}

void TestDockerOptions::serviceCommand_data()
{
    QTest::addColumn<QByteArray>("libUnit");
    QTest::addColumn<QByteArray>("etcUnit");
    QTest::addColumn<QByteArray>("libDropIn");   // 10-network.conf in /lib/.../docker.service.d
    QTest::addColumn<QByteArray>("etcDropIn");   // 10-network.conf in /etc/.../docker.service.d
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("file");           // "lib", "etc", "lib-dropin", "etc-dropin"

    const QByteArray service = "[Service]\n";
    QTest::newRow("in the unit") << service + "ExecStart=/usr/bin/dockerd -H fd:// -b br0\n" << QByteArray()
                                 << QByteArray() << QByteArray() << QStringList{"-b bridge br0"} << QStringLiteral("lib");
    QTest::newRow("systemd quoting")
        << service + "ExecStart=/usr/bin/dockerd \"--bridge=br0\" '--bip' \"10.9.0.1/24\" --label=\"a b\"\n"
        << QByteArray() << QByteArray() << QByteArray()
        << QStringList{"--bridge bridge br0", "--bip bip 10.9.0.1/24"} << QStringLiteral("lib");
    QTest::newRow("C escapes") << service + "ExecStart=/usr/bin/dockerd --bridge\\x3dbr0 --fixed-cidr\\s10.1.0.0/24\n"
                               << QByteArray() << QByteArray() << QByteArray() << QStringList{"--bridge bridge br0"}
                               << QStringLiteral("lib");
    QTest::newRow("continued lines")
        << service + "ExecStart=/usr/bin/dockerd \\\n  -H fd:// \\\n# a comment in between\n  --bridge br0 \\\n  --dns 8.8.8.8\n"
        << QByteArray() << QByteArray() << QByteArray() << QStringList{"--bridge bridge br0"} << QStringLiteral("lib");
    QTest::newRow("prefixed executable") << service + "ExecStart=-/usr/bin/dockerd -b=br0\n" << QByteArray()
                                         << QByteArray() << QByteArray() << QStringList{"-b bridge br0"} << QStringLiteral("lib");
    QTest::newRow("another section") << "[Unit]\nExecStart=/usr/bin/dockerd -b br0\n" + service
                                            + "ExecStart=/usr/bin/dockerd\n"
                                     << QByteArray() << QByteArray() << QByteArray() << QStringList() << QStringLiteral("lib");
    QTest::newRow("drop-in resets") << service + "ExecStart=/usr/bin/dockerd -b br1\n" << QByteArray() << QByteArray()
                                    << service + "ExecStart=\nExecStart=/usr/bin/dockerd -H fd://\n" << QStringList()
                                    << QStringLiteral("etc");
    QTest::newRow("drop-in after the unit")
        << service + "ExecStart=/usr/bin/dockerd -b br1\n" << QByteArray() << QByteArray()
        << service + "ExecStart=\nExecStart=/usr/bin/dockerd --bip 10.1.0.1/24\n"
        << QStringList{"--bip bip 10.1.0.1/24"} << QStringLiteral("etc-dropin");
    QTest::newRow("empty ExecStart, nothing after") << service + "ExecStart=/usr/bin/dockerd -b br1\n" << QByteArray()
                                                    << QByteArray() << service + "ExecStart=\n" << QStringList()
                                                    << QStringLiteral("lib");
    QTest::newRow("/etc's drop-in hides /lib's")
        << service + "ExecStart=/usr/bin/dockerd\n" << QByteArray()
        << service + "ExecStart=\nExecStart=/usr/bin/dockerd -b br9\n" << QByteArray("# nothing here\n") << QStringList()
        << QStringLiteral("lib");
    QTest::newRow("/lib's drop-in") << service + "ExecStart=/usr/bin/dockerd\n" << QByteArray()
                                    << service + "ExecStart=\nExecStart=/usr/bin/dockerd -b br9\n" << QByteArray()
                                    << QStringList{"-b bridge br9"} << QStringLiteral("lib-dropin");
    QTest::newRow("/etc's unit hides /lib's")
        << service + "ExecStart=/usr/bin/dockerd -b br1\n" << service + "ExecStart=/usr/bin/dockerd --bridge=br2\n"
        << QByteArray() << QByteArray() << QStringList{"--bridge bridge br2"} << QStringLiteral("etc");
    QTest::newRow("another variable") << service + "ExecStart=/usr/bin/dockerd $EXTRA_OPTS\n" << QByteArray()
                                      << QByteArray() << QByteArray() << QStringList{"!variable"} << QStringLiteral("lib");
    QTest::newRow("dollar dollar") << service + "ExecStart=/usr/bin/dockerd --label=price=$$5 -b br0\n"
                                   << QByteArray() << QByteArray() << QByteArray() << QStringList{"-b bridge br0"}
                                   << QStringLiteral("lib");
    QTest::newRow("DOCKER_OPTS from Environment=")
        << service + "Environment=\"DOCKER_OPTS=-b br0\"\nExecStart=/usr/bin/dockerd $DOCKER_OPTS\n" << QByteArray()
        << QByteArray() << QByteArray() << QStringList{"!variable"} << QStringLiteral("lib");
    QTest::newRow("unterminated quote") << service + "ExecStart=/usr/bin/dockerd \"-b br0\n" << QByteArray()
                                        << QByteArray() << QByteArray() << QStringList{"!unterminated-quote"} << QStringLiteral("lib");
}

void TestDockerOptions::serviceCommand()
{
    QFETCH(QByteArray, libUnit);
    QFETCH(QByteArray, etcUnit);
    QFETCH(QByteArray, libDropIn);
    QFETCH(QByteArray, etcDropIn);
    QFETCH(QStringList, expected);
    QFETCH(QString, file);

    QVERIFY(put(this->libUnit(), libUnit));
    if (!etcUnit.isEmpty())
        QVERIFY(put(this->etcUnit(), etcUnit));
    const QString name = QStringLiteral("10-network.conf");
    if (!libDropIn.isEmpty())
        QVERIFY(put(QDir(libDropIns()).filePath(name), libDropIn));
    if (!etcDropIn.isEmpty())
        QVERIFY(put(QDir(etcDropIns()).filePath(name), etcDropIn));

    QList<DockerOption> options;
    const auto failure = findNetworkOptions(m_paths, &options);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(describe(options), expected);
    const QString where = file == QLatin1String("lib")          ? this->libUnit()
                        : file == QLatin1String("etc")          ? this->etcUnit()
                        : file == QLatin1String("lib-dropin") ? QDir(libDropIns()).filePath(name)
                                                                : QDir(etcDropIns()).filePath(name);
    for (const DockerOption &o : options) {
        if (o.setting == QLatin1String("ExecStart"))
            QCOMPARE(o.file, where);
    }
}

void TestDockerOptions::moveDockerOpts_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QJsonObject>("keys");

    const QByteArray head = kDebianDefaults + "FOO=\"bar  baz\"   # kept\n";
    const QByteArray tail = "\nexport OTHER=1\n# the end";
    QTest::newRow("the seed") << head + "DOCKER_OPTS=\"-b=br0\"" + tail << head + "DOCKER_OPTS=\"\"" + tail
                              << QJsonObject{{"bridge", "br0"}};
    QTest::newRow("others kept") << head + "DOCKER_OPTS=\"--dns 8.8.8.8  -b br0 --bip=10.9.0.1/24\t--dns 1.1.1.1\""
                                            + tail
                                 << head + "DOCKER_OPTS=\"--dns 8.8.8.8\t--dns 1.1.1.1\"" + tail
                                 << QJsonObject{{"bridge", "br0"}, {"bip", "10.9.0.1/24"}};
    QTest::newRow("first word") << QByteArray("DOCKER_OPTS=\" --bridge br0 --dns 8.8.8.8 \"\n")
                                << QByteArray("DOCKER_OPTS=\" --dns 8.8.8.8 \"\n") << QJsonObject{{"bridge", "br0"}};
    QTest::newRow("single quotes kept")
        << QByteArray("export DOCKER_OPTS='--fixed-cidr 10.9.0.0/25 --log-level warn'  # comment\n")
        << QByteArray("export DOCKER_OPTS='--log-level warn'  # comment\n")
        << QJsonObject{{"fixed-cidr", "10.9.0.0/25"}};
    QTest::newRow("unquoted") << QByteArray("DOCKER_OPTS=-b=br0\n") << QByteArray("DOCKER_OPTS=\n")
                              << QJsonObject{{"bridge", "br0"}};
    QTest::newRow("dead assignment left alone")
        << QByteArray("DOCKER_OPTS=\"-b br1\"\nDOCKER_OPTS=\"-b br0 --dns 8.8.8.8\"\n")
        << QByteArray("DOCKER_OPTS=\"-b br1\"\nDOCKER_OPTS=\"--dns 8.8.8.8\"\n") << QJsonObject{{"bridge", "br0"}};
}

void TestDockerOptions::moveDockerOpts()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QJsonObject, keys);
    QVERIFY(put(m_paths.defaultsFile, before));
    QVERIFY(put(libUnit(), debianUnit()));

    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(options.size(), keys.size());
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(move.daemonKeys, keys);
    QCOMPARE(move.rewrites.size(), 1);
    QCOMPARE(move.rewrites.at(0).path, m_paths.defaultsFile);
    QCOMPARE(move.rewrites.at(0).content, after);
    QCOMPARE(readAll(m_paths.defaultsFile), before);   // planning writes nothing

    apply(move);
    QCOMPARE(readAll(m_paths.defaultsFile), after);
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList());
}

void TestDockerOptions::moveExecStart()
{
    QVERIFY(put(m_paths.defaultsFile, kDebianDefaults));
    QVERIFY(put(libUnit(), "[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd:// --bridge br0 \\\n"
                           "  --bip=10.9.0.1/24 --containerd=/run/containerd/containerd.sock "
                           "\"--label=a b\" --data-root=/srv/%N\n"));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), (QStringList{"--bridge bridge br0", "--bip bip 10.9.0.1/24"}));

    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(move.daemonKeys, (QJsonObject{{"bridge", "br0"}, {"bip", "10.9.0.1/24"}}));
    QCOMPARE(move.rewrites.size(), 1);
    const QString dropIn = QDir(etcDropIns()).filePath(QStringLiteral("passerelle-options.conf"));
    QCOMPARE(move.rewrites.at(0).path, dropIn);
    const QByteArray content = move.rewrites.at(0).content;
    // Every other argument exactly as written: quotes, specifiers.
    QVERIFY2(content.endsWith("[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// "
                              "--containerd=/run/containerd/containerd.sock \"--label=a b\" --data-root=/srv/%N\n"),
             content.constData());
    QVERIFY(!QFileInfo::exists(dropIn));

    apply(move);
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList());

    // Moving again rewrites our own drop-in, not a second one.
    QVERIFY(put(dropIn, readAll(dropIn).replace("ExecStart=/usr/bin/dockerd", "ExecStart=/usr/bin/dockerd -b br0")));
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList{"-b bridge br0"});
    QCOMPARE(options.at(0).file, dropIn);
    QVERIFY(!planOptionMove(options, m_paths, &move));
    QCOMPARE(move.rewrites.size(), 1);
    QCOMPARE(move.rewrites.at(0).path, dropIn);
    apply(move);
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList());
}

void TestDockerOptions::moveBothPlaces()
{
    QVERIFY(put(m_paths.defaultsFile, "DOCKER_OPTS=\"-b br0\"\n"));
    QVERIFY(put(libUnit(), "[Service]\nEnvironmentFile=-" + m_paths.defaultsFile.toUtf8()
                               + "\nExecStart=/usr/sbin/dockerd --bridge=br0 $DOCKER_OPTS\n"));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), (QStringList{"-b bridge br0", "--bridge bridge br0"}));
    DockerOptionMove move;
    QVERIFY(!planOptionMove(options, m_paths, &move));
    QCOMPARE(move.daemonKeys, (QJsonObject{{"bridge", "br0"}}));
    QCOMPARE(move.rewrites.size(), 2);
    QVERIFY(move.rewrites.at(1).content.endsWith("ExecStart=/usr/sbin/dockerd $DOCKER_OPTS\n"));
    apply(move);
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList());
}

void TestDockerOptions::conflictingValues()
{
    QVERIFY(put(m_paths.defaultsFile, "DOCKER_OPTS=\"-b br0\"\n"));
    QVERIFY(put(libUnit(), "[Service]\nExecStart=/usr/sbin/dockerd --bridge br1 $DOCKER_OPTS\n"));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY(failure);
    QVERIFY2(failure->is(HelperError::DockerConflict), qPrintable(failure->name));
    QCOMPARE(failure->parameters, (QStringList{libUnit(), QStringLiteral("--bridge"), QStringLiteral("br1")}));
    QVERIFY(move.rewrites.isEmpty());
}

void TestDockerOptions::problemNotMoved()
{
    const QByteArray content = "DOCKER_OPTS=\"$(cat /etc/docker-opts)\"\n";
    QVERIFY(put(m_paths.defaultsFile, content));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(options.size(), 1);
    QCOMPARE(options.at(0).value, QStringLiteral("\"$(cat /etc/docker-opts)\""));
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::DockerConflict));
    QCOMPARE(failure->parameters.value(0), m_paths.defaultsFile);
    QCOMPARE(failure->parameters.value(1), QStringLiteral("DOCKER_OPTS"));
    QVERIFY(move.rewrites.isEmpty());
}

void TestDockerOptions::staleOptions()
{
    QVERIFY(put(m_paths.defaultsFile, "DOCKER_OPTS=\"-b br0\"\n"));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QVERIFY(put(m_paths.defaultsFile, "DOCKER_OPTS=\"-b br1\"\n"));
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::Failed));
    QCOMPARE(failure->parameters, (QStringList{"read", "ESTALE", m_paths.defaultsFile}));
}

void TestDockerOptions::laterDropInWins()
{
    QVERIFY(put(libUnit(), "[Service]\nExecStart=/usr/sbin/dockerd\n"));
    const QString late = QDir(etcDropIns()).filePath(QStringLiteral("zz-tuning.conf"));
    QVERIFY(put(late, "[Service]\nExecStart=\nExecStart=/usr/sbin/dockerd -b br0\n"));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList{"-b bridge br0"});
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::DockerConflict));
    QCOMPARE(failure->parameters, (QStringList{late, "-b", "br0"}));

    // One applied before ours is fine: ours comes after it.
    QVERIFY(QFile::rename(late, QDir(etcDropIns()).filePath(QStringLiteral("override.conf"))));
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QVERIFY(!planOptionMove(options, m_paths, &move));
    apply(move);
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList());
}

// Reading follows links (units usually are links); rewriting never does.
void TestDockerOptions::linkedDefaultsNotRewritten()
{
    const QString real = m_dir->filePath(QStringLiteral("docker-defaults"));
    const QByteArray content = "DOCKER_OPTS=\"-b br0\"\n";
    QVERIFY(put(real, content));
    QVERIFY(QFile::link(real, m_paths.defaultsFile));
    QList<DockerOption> options;
    QVERIFY(!findNetworkOptions(m_paths, &options));
    QCOMPARE(describe(options), QStringList{"-b bridge br0"});
    DockerOptionMove move;
    const auto failure = planOptionMove(options, m_paths, &move);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::UnsafeFile));
    QCOMPARE(failure->parameters, (QStringList{m_paths.defaultsFile, "symlink"}));
    QCOMPARE(readAll(real), content);
}

QTEST_GUILESS_MAIN(TestDockerOptions)
#include "tst_dockeroptions.moc"
