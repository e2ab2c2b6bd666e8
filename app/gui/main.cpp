// passerelle: the graphical window on the host's bridges, veths and containers.
#include "mainwindow.h"
#include "topologymodel.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

class GuiCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)
public:
    static QString description() { return tr("Shows the bridges, interfaces and containers of this host, live."); }
    static QString screenshotHelp()
    {
        return tr("Save a picture of the window to FILE once the topology is shown, then quit.");
    }
    static QString fileName() { return tr("FILE"); }
    static QString langHelp() { return tr("Use this language instead of the system's."); }
    static QString unsupportedLanguage() { return tr("passerelle: unsupported language \"%1\" for --lang (supported: %2)"); }
    static QString notReady() { return tr("The topology was not ready after %1 seconds; saving what is shown."); }
    static QString cannotWrite() { return tr("Cannot write the screenshot to %1."); }
};

// Long enough for a slow Docker daemon to answer or fail.
constexpr int ScreenshotDeadlineMs = 30000;
// After the first layout, let the view paint and fit once before grabbing.
constexpr int ScreenshotSettleMs = 300;

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("passerelle"));
    QApplication::setApplicationVersion(QStringLiteral(PASSERELLE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.passerelle.Passerelle"));
    // Before the parser or any widget produces text.
    // --lang, else the language chosen in View > Language, else the system's.
    const QString lang = Passerelle::languageFromArguments(QCoreApplication::arguments());
    // A --lang Passerelle does not speak is a usage error, said in the
    // language it would otherwise use.
    const bool unsupported = !lang.isEmpty() && !Passerelle::isSupportedLanguage(lang);
    Passerelle::installTranslations(lang.isEmpty() || unsupported ? Passerelle::savedLanguage() : lang);
    if (unsupported) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(GuiCommandLine::unsupportedLanguage().arg(
                         lang, Passerelle::supportedLanguages().join(QStringLiteral(", ")))));
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(GuiCommandLine::description());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"), GuiCommandLine::screenshotHelp(),
                                              GuiCommandLine::fileName());
    parser.addOption(screenshotOption);
    parser.addOption({QStringLiteral("lang"), GuiCommandLine::langHelp(), QStringLiteral("fr|en")});
    parser.process(app);

    Passerelle::TopologyModel model;
    model.start();
    Passerelle::MainWindow window(&model);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        bool taken = false;
        auto take = [&window, &taken, file] {
            if (std::exchange(taken, true))
                return;
            if (!window.grab().toImage().save(file)) {
                std::fprintf(stderr, "%s\n", qPrintable(GuiCommandLine::cannotWrite().arg(file)));
                QCoreApplication::exit(1);
                return;
            }
            QCoreApplication::exit(0);
        };
        QObject::connect(&window, &Passerelle::MainWindow::graphReady, &window,
                         [take] { QTimer::singleShot(ScreenshotSettleMs, take); });
        QTimer::singleShot(ScreenshotDeadlineMs, &window, [&window, take] {
            if (!window.isGraphReady())
                std::fprintf(stderr, "%s\n", qPrintable(GuiCommandLine::notReady().arg(ScreenshotDeadlineMs / 1000)));
            take();
        });
    }

    const int status = QApplication::exec();
    model.stop();
    return status;
}
