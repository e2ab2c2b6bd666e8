// daemon.json as the helper rewrites it (daemonconfig.h): every key the user
// had keeps its value through withBridge + SafeFile::write + load, checked
// key by key with Qt and by Python's json module as a second, independent
// parser; files Qt could not keep exactly are refused with the place they
// break; links, folders, backups and missing files on a real file system.
#include "daemonconfig.h"
#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Passerelle;

namespace {

// data/daemon-rich.json: a daemon.json as found on real hosts, with
// everything a rewrite could lose: nested objects, arrays, big integers,
// doubles, unicode, escapes, null, and the bip that must go. (A file rather
// than a raw string: moc misreads "//" inside raw strings.)
QByteArray richConfig()
{
    QFile f(QFINDTESTDATA("data/daemon-rich.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

bool writeRaw(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Runs python3 with SCRIPT and ARGS; its stdout+stderr in *output.
bool runPython(const QString &script, const QStringList &args, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("python3"), QStringList{QStringLiteral("-c"), script} + args);
    if (!p.waitForFinished(30000))
        return false;
    *output = p.readAll();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestDaemonConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void keepsEveryOtherKey();
    void numbers_data();
    void numbers();
    void refused_data();
    void refused();
    void invalidFileUntouched();
    void symlinkRefused();
    void directoryRefused();
    void backupAndRestore();
    void missingFileCreated();
    void emptyFile();
    void withBridgeAndBack();
    void withKeys();
    void diff();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const QString &name) const { return m_dir->filePath(name); }
};

void TestDaemonConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDaemonConfig::keepsEveryOtherKey()
{
    const QString file = path(QStringLiteral("daemon.json"));
    const QByteArray rich = richConfig();
    QVERIFY(rich.contains("\"bip\""));
    QVERIFY(writeRaw(file, rich));

    DaemonConfig before;
    auto failure = before.load(file);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QVERIFY(before.exists());
    QCOMPARE(before.bip(), QStringLiteral("10.9.0.1/24"));
    QVERIFY(before.liveRestore());

    const DaemonConfig after = before.withBridge({QStringLiteral("br0"), QStringLiteral("192.168.7.128/25"),
                                                  QStringLiteral("192.168.7.254")});
    QString backup;
    failure = SafeFile::write(file, after.toJson(), 0644, &backup);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    QCOMPARE(backup, file + QStringLiteral(".passerelle-backup"));
    QCOMPARE(readAll(backup), rich);

    const QByteArray written = readAll(file);
    QVERIFY(written.endsWith("}\n"));
    QVERIFY2(written.contains("9007199254740993"), written.constData());
    QVERIFY2(written.contains("-9223372036854775808"), written.constData());

    DaemonConfig reloaded;
    failure = reloaded.load(file);
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    const QJsonObject old = before.object();
    const QJsonObject now = reloaded.object();
    for (auto it = old.begin(); it != old.end(); ++it) {
        if (it.key() == QLatin1String("bip"))
            continue;
        QVERIFY2(now.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(now.value(it.key()) == it.value(), qPrintable(it.key()));
    }
    QVERIFY(!now.contains(QStringLiteral("bip")));
    QCOMPARE(reloaded.bridge(), QStringLiteral("br0"));
    QCOMPARE(reloaded.fixedCidr(), QStringLiteral("192.168.7.128/25"));
    QCOMPARE(reloaded.defaultGateway(), QStringLiteral("192.168.7.254"));
    QCOMPARE(now.size(), old.size() - 1 + 3);
    QCOMPARE(now.value(QStringLiteral("big")).toInteger(), Q_INT64_C(9007199254740993));

    // A second parser, with exact integers and decimals: the written file
    // is JSON, has no duplicate key, and holds the original values.
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed: cannot check the file with a second JSON parser");
    const QString script = QStringLiteral(
        "import json, sys\n"
        "from decimal import Decimal\n"
        "def pairs(items):\n"
        "    keys = [k for k, _ in items]\n"
        "    assert len(keys) == len(set(keys)), \"duplicate key in %r\" % keys\n"
        "    return dict(items)\n"
        "def load(p):\n"
        "    with open(p, 'rb') as f:\n"
        "        return json.loads(f.read().decode('utf-8'), object_pairs_hook=pairs, parse_float=Decimal)\n"
        "old, new = load(sys.argv[1]), load(sys.argv[2])\n"
        "del old['bip']\n"
        "old.update({'bridge': 'br0', 'fixed-cidr': '192.168.7.128/25', 'default-gateway': '192.168.7.254'})\n"
        "assert old == new, \"differs: %r\" % {k: (old.get(k), new.get(k)) for k in set(old) | set(new) if old.get(k) != new.get(k)}\n"
        "assert type(new['big']) is int and new['big'] == 9007199254740993\n"
        "print('same')\n");

    QByteArray output;
    QVERIFY2(runPython(script, {backup, file}, &output), output.constData());
    QCOMPARE(output.trimmed(), QByteArray("same"));
}

void TestDaemonConfig::numbers_data()
{
    QTest::addColumn<QByteArray>("literal");
    // Values Qt keeps exactly, even when spelled differently.
    QTest::newRow("2^53+1") << QByteArray("9007199254740993");
    QTest::newRow("int64 max") << QByteArray("9223372036854775807");
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808");
    QTest::newRow("1.0") << QByteArray("1.0");
    QTest::newRow("1.5e3") << QByteArray("1.5e3");
    QTest::newRow("0.1") << QByteArray("0.1");
    QTest::newRow("-0") << QByteArray("-0");
    QTest::newRow("denormal") << QByteArray("5e-324");
    QTest::newRow("1E+19") << QByteArray("1E+19");
    QTest::newRow("trailing zeros") << QByteArray("2.50000");
}

// What Qt writes back has the same exact decimal value, as Python's
// Decimal sees it.
void TestDaemonConfig::numbers()
{
    QFETCH(QByteArray, literal);
    DaemonConfig config;
    const auto failure = config.parse("{\"n\": " + literal + "}", QStringLiteral("daemon.json"));
    QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
    const QString file = path(QStringLiteral("n.json"));
    QVERIFY(writeRaw(file, config.toJson()));
    if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
        QSKIP("python3 is not installed: cannot compare decimal values");
    QByteArray output;
    const QString script = QStringLiteral(
        "import json,sys\nfrom decimal import Decimal\n"
        "v = json.load(open(sys.argv[1]), parse_float=Decimal, parse_int=Decimal)['n']\n"
        "assert v == Decimal(sys.argv[2]), '%s != %s' % (v, sys.argv[2])\n");
    QVERIFY2(runPython(script, {file, QString::fromLatin1(literal)}, &output),
             (output + readAll(file)).constData());
}

void TestDaemonConfig::refused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");

    QTest::newRow("above int64") << QByteArray("{\"n\": 12345678901234567890}") << 1 << 7
                                 << QStringLiteral("number-out-of-range");
    QTest::newRow("2^63") << QByteArray("{\n  \"n\": 9223372036854775808\n}") << 2 << 8
                          << QStringLiteral("number-out-of-range");
    QTest::newRow("too precise") << QByteArray("{\"pi\": 3.141592653589793238}") << 1 << 8
                                 << QStringLiteral("number-out-of-range");
    QTest::newRow("2^53+1 as a double") << QByteArray("{\"n\": 9007199254740993.0}") << 1 << 7
                                        << QStringLiteral("number-out-of-range");
    QTest::newRow("1e400") << QByteArray("{\"a\": 1,\n \"n\": 1e400}") << 2 << 7
                           << QStringLiteral("number-out-of-range");
    QTest::newRow("-1e400 in an array") << QByteArray("{\"a\": [1, -1e400]}") << 1 << 11
                                        << QStringLiteral("number-out-of-range");
    QTest::newRow("1e-400") << QByteArray("{\"n\": 1e-400}") << 1 << 7 << QStringLiteral("number-out-of-range");
    QTest::newRow(".5") << QByteArray("{\"n\": .5}") << 1 << 7 << QStringLiteral("invalid-number");
    QTest::newRow("1.") << QByteArray("{\"n\": [2, 1.]}") << 1 << 11 << QStringLiteral("invalid-number");
    QTest::newRow("duplicate key") << QByteArray("{\n  \"bridge\": \"br0\",\n  \"bridge\": \"br1\"\n}") << 3 << 3
                                   << QStringLiteral("duplicate-key");
    QTest::newRow("duplicate nested key, spelled differently")
        << QByteArray("{\"a\": {\"x\": 1}, \"b\": {\"x\": 1, \"\\u0078\": 2}}") << 1 << 31
        << QStringLiteral("duplicate-key");
    QTest::newRow("raw control character") << QByteArray("{\"é\": \"a\x01\"}") << 1 << 9
                                           << QStringLiteral("control-character");
    QTest::newRow("invalid escape") << QByteArray("{\"a\": \"\\q\"}") << 1 << 8 << QStringLiteral("invalid-escape");
    // Refused by Qt itself: its message, where its parser stopped.
    QTest::newRow("short unicode escape") << QByteArray("{\"a\": \"\\u00e\"}") << 1 << 13
                                          << QStringLiteral("invalid escape sequence");
    QTest::newRow("array") << QByteArray("\n  [1, 2]\n") << 2 << 3 << QStringLiteral("not-an-object");
    QTest::newRow("string") << QByteArray("\"bridge\"") << 1 << 1 << QStringLiteral("not-an-object");
    QTest::newRow("number") << QByteArray("\t42\n") << 1 << 2 << QStringLiteral("not-an-object");
    QTest::newRow("garbage") << QByteArray("bridge: br0\n") << 1 << 1 << QStringLiteral("not-an-object");
}

void TestDaemonConfig::refused()
{
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reason);

    DaemonConfig config;
    const auto failure = config.parse(content, QStringLiteral("/etc/docker/daemon.json"));
    QVERIFY(failure);
    QVERIFY2(failure->is(HelperError::InvalidJson), qPrintable(failure->name));
    QCOMPARE(failure->parameters,
             (QStringList{QStringLiteral("/etc/docker/daemon.json"), QString::number(line), QString::number(column),
                          reason}));
    QVERIFY(config.object().isEmpty());
}

// Broken JSON: the place Qt stops at, and nothing written.
void TestDaemonConfig::invalidFileUntouched()
{
    const QString file = path(QStringLiteral("daemon.json"));
    // The second comma of line 3; "é" is one column, two bytes.
    const QByteArray broken = "{\n  \"debug\": true,\n  \"é\": \"10.9.0.1/24\",,\n  \"x\": 1\n}\n";
    QVERIFY(writeRaw(file, broken));
    const QDateTime mtime = QFileInfo(file).lastModified();

    DaemonConfig config;
    const auto failure = config.load(file);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::InvalidJson));
    QCOMPARE(failure->parameters.value(0), file);
    QCOMPARE(failure->parameters.value(1), QStringLiteral("3"));
    // Qt stops just after the second comma (column 22). "é" counts as one
    // column: in bytes it would be 24.
    QCOMPARE(failure->parameters.value(2), QStringLiteral("23"));
    QCOMPARE(failure->parameters.value(3), QStringLiteral("unterminated object"));   // Qt's words
    QVERIFY(failure->detail.contains(file + QStringLiteral(":3:23")));

    QCOMPARE(readAll(file), broken);
    QCOMPARE(QFileInfo(file).lastModified(), mtime);
    QVERIFY(!QFileInfo::exists(file + QStringLiteral(".passerelle-backup")));
}

void TestDaemonConfig::symlinkRefused()
{
    const QString target = path(QStringLiteral("elsewhere.json"));
    const QByteArray content = "{\"bip\": \"10.9.0.1/24\"}\n";
    QVERIFY(writeRaw(target, content));
    const QString link = path(QStringLiteral("daemon.json"));
    QVERIFY(QFile::link(target, link));

    DaemonConfig config;
    auto failure = config.load(link);
    QVERIFY(failure);
    QVERIFY2(failure->is(HelperError::UnsafeFile), qPrintable(failure->name));
    QCOMPARE(failure->parameters, (QStringList{link, QStringLiteral("symlink")}));

    // Nor does the writer follow it.
    failure = SafeFile::write(link, DaemonConfig().withBridge({QStringLiteral("br0"), {}, {}}).toJson(), 0644,
                              nullptr);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::UnsafeFile));
    QCOMPARE(readAll(target), content);
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestDaemonConfig::directoryRefused()
{
    const QString folder = path(QStringLiteral("daemon.json"));
    QVERIFY(QDir().mkdir(folder));
    DaemonConfig config;
    const auto failure = config.load(folder);
    QVERIFY(failure);
    QVERIFY(failure->is(HelperError::UnsafeFile));
    QCOMPARE(failure->parameters, (QStringList{folder, QStringLiteral("not-regular")}));
    QVERIFY(QFileInfo(folder).isDir());
}

void TestDaemonConfig::backupAndRestore()
{
    const QString file = path(QStringLiteral("daemon.json"));
    // Spacing, key order and escapes a rewrite changes; restore() must give
    // these exact bytes back.
    const QByteArray original = "{ \"storage-driver\":\"overlay2\" ,\"bip\" : \"10.9.0.1/24\",\"a\\/b\": 1.50 }";
    QVERIFY(writeRaw(file, original));
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));

    DaemonConfig config;
    QVERIFY(!config.load(file));
    QString backup;
    QVERIFY(!SafeFile::write(file, config.withBridge({QStringLiteral("br0"), {}, {}}).toJson(), 0644, &backup));
    QVERIFY(!backup.isEmpty());
    QVERIFY(readAll(file) != original);
    QCOMPARE(QFileInfo(file).permissions(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);

    QVERIFY(!SafeFile::restore(file, backup));
    QCOMPARE(readAll(file), original);
    QVERIFY(!QFileInfo::exists(backup));
    DaemonConfig back;
    QVERIFY(!back.load(file));
    QCOMPARE(back.bip(), QStringLiteral("10.9.0.1/24"));
    QVERIFY(back.bridge().isEmpty());
}

void TestDaemonConfig::missingFileCreated()
{
    const QString file = path(QStringLiteral("daemon.json"));
    DaemonConfig config;
    QVERIFY(!config.load(file));
    QVERIFY(!config.exists());
    QVERIFY(config.object().isEmpty());

    QString backup = QStringLiteral("not cleared");
    QVERIFY(!SafeFile::write(file, config.withBridge({QStringLiteral("br0"), {}, {}}).toJson(), 0644, &backup));
    QVERIFY(backup.isEmpty());
    DaemonConfig created;
    QVERIFY(!created.load(file));
    QVERIFY(created.exists());
    QCOMPARE(created.object(), (QJsonObject{{QStringLiteral("bridge"), QStringLiteral("br0")}}));

    // Undoing a creation removes the file.
    QVERIFY(!SafeFile::restore(file, backup));
    QVERIFY(!QFileInfo::exists(file));
}

void TestDaemonConfig::emptyFile()
{
    for (const QByteArray &content : {QByteArray(), QByteArray(" \n\t\n"), QByteArray("\xEF\xBB\xBF\n")}) {
        DaemonConfig config;
        const auto failure = config.parse(content, QStringLiteral("daemon.json"));
        QVERIFY2(!failure, qPrintable(failure ? failure->detail : QString()));
        QVERIFY(config.exists());
        QVERIFY(config.object().isEmpty());
    }
    DaemonConfig bom;
    QVERIFY(!bom.parse("\xEF\xBB\xBF{\"debug\": true}", QStringLiteral("daemon.json")));
    QCOMPARE(bom.object().value(QStringLiteral("debug")), QJsonValue(true));
    QVERIFY(!bom.toJson().startsWith("\xEF\xBB\xBF"));
}

void TestDaemonConfig::withBridgeAndBack()
{
    DaemonConfig config;
    QVERIFY(!config.parse("{\"bridge\": \"br1\", \"fixed-cidr\": \"10.0.0.0/24\", \"default-gateway\": \"10.0.0.1\","
                          "                              \"bip\": \"10.9.0.1/24\", \"debug\": true}",
                          QStringLiteral("daemon.json")));

    // Empty settings take the old ones out; bip always goes.
    const DaemonConfig bridged = config.withBridge({QStringLiteral("br0"), QString(), QString()});
    QCOMPARE(bridged.object(), (QJsonObject{{QStringLiteral("bridge"), QStringLiteral("br0")},
                                            {QStringLiteral("debug"), true}}));
    QCOMPARE(config.bridge(), QStringLiteral("br1"));   // a value: the original is unchanged

    // Back to docker0: bip stays.
    const DaemonConfig reset = config.withoutBridge();
    QCOMPARE(reset.object(), (QJsonObject{{QStringLiteral("bip"), QStringLiteral("10.9.0.1/24")},
                                          {QStringLiteral("debug"), true}}));

    const QByteArray json = bridged.toJson();
    QVERIFY(json.endsWith('\n'));
    QVERIFY(json.contains("\n    \"bridge\": \"br0\""));   // indented
    DaemonConfig again;
    QVERIFY(!again.parse(json, QStringLiteral("daemon.json")));
    QCOMPARE(again.object(), bridged.object());
}

void TestDaemonConfig::withKeys()
{
    DaemonConfig config;
    QVERIFY(!config.parse("{\"bip\": \"10.9.0.1/24\", \"mtu\": 1400}", QStringLiteral("daemon.json")));
    const DaemonConfig moved = config.withKeys({{QStringLiteral("bip"), QStringLiteral("10.8.0.1/24")},
                                                {QStringLiteral("fixed-cidr"), QStringLiteral("10.8.0.0/25")}});
    QCOMPARE(moved.bip(), QStringLiteral("10.8.0.1/24"));
    QCOMPARE(moved.fixedCidr(), QStringLiteral("10.8.0.0/25"));
    QCOMPARE(moved.object().value(QStringLiteral("mtu")).toInteger(), 1400);
    // The new bridge wins over moved keys and bip goes.
    const DaemonConfig final = moved.withBridge({QStringLiteral("br0"), QStringLiteral("192.168.7.128/25"), {}});
    QVERIFY(final.bip().isEmpty());
    QCOMPARE(final.fixedCidr(), QStringLiteral("192.168.7.128/25"));
}

void TestDaemonConfig::diff()
{
    DaemonConfig before;
    QVERIFY(!before.parse("{\"bip\": \"10.9.0.1/24\", \"bridge\": \"br1\", \"debug\": true, \"log-opts\": {\"max-size\": \"10m\"}}",
                          QStringLiteral("daemon.json")));
    const DaemonConfig after =
        before.withBridge({QStringLiteral("br0"), QStringLiteral("192.168.7.128/25"), QString()});
    QCOMPARE(before.diff(after), (QStringList{
                                     QStringLiteral("-\"bip\": \"10.9.0.1/24\""),
                                     QStringLiteral("-\"bridge\": \"br1\""),
                                     QStringLiteral("+\"bridge\": \"br0\""),
                                     QStringLiteral("+\"fixed-cidr\": \"192.168.7.128/25\""),
                                 }));
    QVERIFY(after.diff(after).isEmpty());

    DaemonConfig other;
    QVERIFY(!other.parse("{\"log-opts\": {\"max-size\": \"20m\"}, \"quote\\u0022d\": [1, \"x\"]}", QStringLiteral("d.json")));
    QCOMPARE(before.withoutBridge().diff(other), (QStringList{
                                                     QStringLiteral("-\"bip\": \"10.9.0.1/24\""),
                                                     QStringLiteral("-\"debug\": true"),
                                                     QStringLiteral("-\"log-opts\": {\"max-size\":\"10m\"}"),
                                                     QStringLiteral("+\"log-opts\": {\"max-size\":\"20m\"}"),
                                                     QStringLiteral("+\"quote\\\"d\": [1,\"x\"]"),
                                                 }));
}

QTEST_GUILESS_MAIN(TestDaemonConfig)
#include "tst_daemonconfig.moc"
