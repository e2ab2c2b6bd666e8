// View > Language: the choice is kept in the user's settings and the next
// start of passerelle speaks it, unless --lang says otherwise.
#include "languagemenu.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Passerelle;

class TestLanguageMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        // Settings go to a folder of this test, never the user's own.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        QCOMPARE(savedLanguage(), QString());
    }

    void choosingFrenchIsKept()
    {
        LanguageMenu menu;
        QAction *system = menu.findChild<QAction *>(QStringLiteral("language-system"));
        QAction *french = menu.findChild<QAction *>(QStringLiteral("language-fr"));
        QVERIFY(system && french);
        QVERIFY(system->isChecked());
        QCOMPARE(french->text(), QStringLiteral("Français"));
        closeNextMessageBox();
        french->trigger();
        QCOMPARE(savedLanguage(), QStringLiteral("fr"));
        QVERIFY(LanguageMenu().findChild<QAction *>(QStringLiteral("language-fr"))->isChecked());
    }

    void nextStartSpeaksIt()
    {
        QCOMPARE(guiHelp({}).left(14), QStringLiteral("Utilisation : "));
        // --lang still wins.
        QCOMPARE(guiHelp({QStringLiteral("--lang"), QStringLiteral("en")}).left(7), QStringLiteral("Usage: "));
    }

    void systemLanguageForgetsTheChoice()
    {
        LanguageMenu menu;
        closeNextMessageBox();
        menu.findChild<QAction *>(QStringLiteral("language-system"))->trigger();
        QCOMPARE(savedLanguage(), QString());
        QCOMPARE(guiHelp({}).left(7), QStringLiteral("Usage: "));
    }

private:
    // The confirmation is modal: answer it once it shows.
    static void closeNextMessageBox()
    {
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
    }

    QString guiHelp(const QStringList &extra) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
            env.remove(QString::fromLatin1(var));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("PASSERELLE_BUILD_DIR") + QStringLiteral("/app/gui/passerelle"),
                extra + QStringList{QStringLiteral("--help")});
        if (!p.waitForFinished(30000))
            return QString();
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    QTemporaryDir m_config;
};

QTEST_MAIN(TestLanguageMenu)
#include "tst_languagemenu.moc"
