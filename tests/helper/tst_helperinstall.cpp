// `cmake --install --component helper` into a staging folder: the helper and
// its rollback agent in libexec, and its system files in the folders dbus-daemon and polkitd read
// (from pkg-config), with the service file naming the installed helper.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestHelperInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installsWhereTheSystemReads();
};

void TestHelperInstall::installsWhereTheSystemReads()
{
    QTemporaryDir stage;
    QVERIFY(stage.isValid());
    QProcess install;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DESTDIR"), stage.path());
    install.setProcessEnvironment(env);
    install.start(QStringLiteral(CMAKE_COMMAND_PATH),
                  {QStringLiteral("--install"), qEnvironmentVariable("PASSERELLE_BUILD_DIR"), QStringLiteral("--component"),
                   QStringLiteral("helper")});
    QVERIFY(install.waitForFinished(60000));
    QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());

    const QString root = stage.path();
    const QString helper = QStringLiteral(PASSERELLE_INSTALL_LIBEXECDIR "/passerelle-helper");
    QVERIFY2(QFileInfo(root + helper).isExecutable(), qPrintable(helper));
    // The rollback agent sits next to the helper, where the helper looks for it.
    const QString agent = QStringLiteral(PASSERELLE_INSTALL_LIBEXECDIR "/passerelle-rollback");
    QVERIFY2(QFileInfo(root + agent).isExecutable(), qPrintable(agent));
    QVERIFY(!(QFileInfo(root + agent).permissions() & (QFileDevice::WriteGroup | QFileDevice::WriteOther)));

    QFile service(root + QStringLiteral(PASSERELLE_DBUS_SYSTEM_SERVICES_DIR "/org.passerelle.Helper1.service"));
    QVERIFY2(service.open(QIODevice::ReadOnly), qPrintable(service.fileName()));
    const QByteArray text = service.readAll();
    QVERIFY(text.startsWith("#") || text.startsWith("[D-BUS Service]"));
    QVERIFY(text.contains("\nName=org.passerelle.Helper1\n"));
    QVERIFY2(text.contains("\nExec=" + helper.toUtf8() + "\n"), text.constData());
    QVERIFY(text.contains("\nUser=root\n"));

    QVERIFY(QFileInfo::exists(root + QStringLiteral(PASSERELLE_DBUS_SYSTEM_POLICY_DIR "/org.passerelle.Helper1.conf")));
    QVERIFY(QFileInfo::exists(root + QStringLiteral(PASSERELLE_POLKIT_ACTIONS_DIR "/org.passerelle.policy")));
    // polkitd reads only its own prefix's folder, never /usr/local.
    QVERIFY(!QStringLiteral(PASSERELLE_POLKIT_ACTIONS_DIR).startsWith(QLatin1String("/usr/local/")));
}

QTEST_GUILESS_MAIN(TestHelperInstall)
#include "tst_helperinstall.moc"
