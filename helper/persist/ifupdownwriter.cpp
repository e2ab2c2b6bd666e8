#include "ifupdownwriter.h"

#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <sys/stat.h>

namespace Passerelle {

namespace {

HelperFailure conflict(const QString &detail)
{
    return HelperFailure::make(HelperError::PersistConflict, {QStringLiteral("ifupdown"), detail}, detail);
}

// One line of an interfaces file as ifupdown reads it: a backslash at the
// end joins the next physical line. BEGIN/END index the physical lines.
struct LogicalLine
{
    int begin = 0;
    int end = 0;
    QStringList words;   // empty for blank lines and comments
};

QList<QByteArray> physicalLines(const QByteArray &content)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < content.size()) {
        const qsizetype nl = content.indexOf('\n', start);
        const qsizetype stop = nl < 0 ? content.size() : nl + 1;
        lines.append(content.mid(start, stop - start));   // keeps its '\n'
        start = stop;
    }
    return lines;
}

QList<LogicalLine> logicalLines(const QList<QByteArray> &lines)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QList<LogicalLine> result;
    for (int i = 0; i < lines.size();) {
        LogicalLine line;
        line.begin = i;
        QByteArray text;
        while (i < lines.size()) {
            QByteArray part = lines.at(i++);
            if (part.endsWith('\n'))
                part.chop(1);
            if (part.endsWith('\r'))
                part.chop(1);
            if (part.endsWith('\\')) {
                part.chop(1);
                text += part;
                continue;
            }
            text += part;
            break;
        }
        line.end = i;
        const QString trimmed = QString::fromUtf8(text).trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#')))
            line.words = trimmed.split(space, Qt::SkipEmptyParts);
        result.append(line);
    }
    return result;
}

bool isStanzaKeyword(const QString &word)
{
    static const QStringList keywords{QStringLiteral("iface"), QStringLiteral("mapping"), QStringLiteral("auto"),
                                      QStringLiteral("source"), QStringLiteral("source-directory"),
                                      QStringLiteral("source-dir"), QStringLiteral("rename"),
                                      QStringLiteral("no-auto-down"), QStringLiteral("no-scripts")};
    return keywords.contains(word) || word.startsWith(QLatin1String("allow-"));
}

// Lines that list interfaces after the keyword.
bool isInterfaceListKeyword(const QString &word)
{
    return word == QLatin1String("auto") || word.startsWith(QLatin1String("allow-"))
        || word == QLatin1String("no-auto-down") || word == QLatin1String("no-scripts");
}

// The files a "source" glob or a "source-directory" names, relative paths
// taken from the folder of the file that has the line, sorted as glob() does.
QStringList expandSource(const QString &keyword, const QString &argument, const QString &fromFile)
{
    QString pattern = argument;
    if (QDir::isRelativePath(pattern))
        pattern = QFileInfo(fromFile).path() + QLatin1Char('/') + pattern;
    QStringList files;
    if (keyword != QLatin1String("source")) {
        // source-directory: regular files named ^[a-zA-Z0-9_-]+$ only.
        static const QRegularExpression allowed(QStringLiteral("^[a-zA-Z0-9_-]+$"));
        const QDir dir(pattern);
        for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name)) {
            if (allowed.match(name).hasMatch())
                files.append(dir.filePath(name));
        }
        return files;
    }
    const QFileInfo info(pattern);
    const QString dirPart = info.path();
    const QString namePart = info.fileName();
    if (dirPart.contains(QRegularExpression(QStringLiteral("[*?\\[]"))))
        return files;   // globs in folder names: not worth following
    const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(namePart));
    const QDir dir(dirPart);
    for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
        if (glob.match(name).hasMatch() && !(name.startsWith(QLatin1Char('.')) && !namePart.startsWith(QLatin1Char('.'))))
            files.append(dir.filePath(name));
    }
    return files;
}

void collectFiles(const QString &file, QStringList *files, int depth)
{
    if (files->contains(file) || depth > 4)
        return;
    files->append(file);
    QByteArray content;
    bool exists = false;
    if (SafeFile::read(file, &content, &exists) || !exists)
        return;
    for (const LogicalLine &line : logicalLines(physicalLines(content))) {
        if (line.words.size() < 2)
            continue;
        const QString &keyword = line.words.first();
        if (keyword == QLatin1String("source") || keyword == QLatin1String("source-directory")
            || keyword == QLatin1String("source-dir")) {
            for (const QString &included : expandSource(keyword, line.words.at(1), file))
                collectFiles(included, files, depth + 1);
        }
    }
}

QString ifupdownMac(const QString &mac)
{
    return mac.toLower();
}

} // namespace

IfupdownWriter::IfupdownWriter(PersistSettings settings)
    : m_settings(std::move(settings))
{
}

QString IfupdownWriter::bridgeFilePath(const QString &bridge) const
{
    return QDir(m_settings.ifupdownDirectory).filePath(QStringLiteral("passerelle-") + fileNameSafe(bridge));
}

QStringList IfupdownWriter::configurationFiles() const
{
    QStringList files;
    collectFiles(m_settings.interfacesFile, &files, 0);
    return files;
}

bool IfupdownWriter::interfacesFileReads(const QString &path) const
{
    QByteArray content;
    bool exists = false;
    if (SafeFile::read(m_settings.interfacesFile, &content, &exists) || !exists)
        return false;
    const QString wanted = QDir::cleanPath(path);
    const QString wantedDir = QFileInfo(wanted).path();
    const QString wantedName = QFileInfo(wanted).fileName();
    for (const LogicalLine &line : logicalLines(physicalLines(content))) {
        if (line.words.size() < 2)
            continue;
        const QString &keyword = line.words.first();
        QString argument = line.words.at(1);
        if (QDir::isRelativePath(argument))
            argument = QFileInfo(m_settings.interfacesFile).path() + QLatin1Char('/') + argument;
        argument = QDir::cleanPath(argument);
        if (keyword == QLatin1String("source")) {
            // The file may not exist yet: match the glob, not the listing.
            const QFileInfo info(argument);
            if (info.path() == wantedDir
                && QRegularExpression(QRegularExpression::wildcardToRegularExpression(info.fileName()))
                       .match(wantedName)
                       .hasMatch())
                return true;
        } else if (keyword == QLatin1String("source-directory") || keyword == QLatin1String("source-dir")) {
            static const QRegularExpression allowed(QStringLiteral("^[a-zA-Z0-9_-]+$"));
            if (argument == wantedDir && allowed.match(wantedName).hasMatch())
                return true;
        }
    }
    return false;
}

QStringList IfupdownWriter::filesConfiguring(const QString &iface) const
{
    QStringList result;
    for (const QString &file : configurationFiles()) {
        QByteArray content;
        bool exists = false;
        if (SafeFile::read(file, &content, &exists) || !exists)
            continue;
        for (const LogicalLine &line : logicalLines(physicalLines(content))) {
            if (line.words.size() < 2)
                continue;
            const QString &keyword = line.words.first();
            const bool names = ((keyword == QLatin1String("iface") || keyword == QLatin1String("mapping"))
                                && line.words.at(1) == iface)
                || (isInterfaceListKeyword(keyword) && line.words.mid(1).contains(iface));
            if (names) {
                result.append(file);
                break;
            }
        }
    }
    return result;
}

QByteArray IfupdownWriter::bridgeStanzas(const PersistentBridge &bridge)
{
    const QStringList v4 = bridge.ipv4Addresses();
    const QStringList v6 = bridge.ipv6Addresses();
    QString text;
    text += QStringLiteral("# Written by Passerelle so that the bridge %1 and its ports come back after a reboot.\n"
                           "# Passerelle replaces this file when the bridge changes.\n")
                .arg(bridge.name);
    text += QStringLiteral("auto %1\n").arg(bridge.name);
    const QString method = bridge.dhcpv4 ? QStringLiteral("dhcp")
        : v4.isEmpty()                   ? QStringLiteral("manual")
                                         : QStringLiteral("static");
    text += QStringLiteral("iface %1 inet %2\n").arg(bridge.name, method);
    // bridge-utils' hooks (if-pre-up.d/bridge) read the bridge_* options.
    text += QStringLiteral("    bridge_ports %1\n").arg(bridge.ports.join(QLatin1Char(' ')));
    text += QStringLiteral("    bridge_stp %1\n").arg(bridge.stp ? QStringLiteral("on") : QStringLiteral("off"));
    if (!bridge.mac.isEmpty())
        text += QStringLiteral("    bridge_hw %1\n").arg(ifupdownMac(bridge.mac));
    // One stanza per address: ifupdown takes one address line per stanza
    // and several stanzas for one interface.
    for (int i = 0; i < v4.size(); ++i) {
        if (i > 0)
            text += QStringLiteral("\niface %1 inet static\n").arg(bridge.name);
        text += QStringLiteral("    address %1\n").arg(v4.at(i));
        if (i == 0 && !bridge.ipv4Gateway.isEmpty())
            text += QStringLiteral("    gateway %1\n").arg(bridge.ipv4Gateway);
    }
    for (int i = 0; i < v6.size(); ++i) {
        text += QStringLiteral("\niface %1 inet6 static\n").arg(bridge.name);
        text += QStringLiteral("    address %1\n").arg(v6.at(i));
        if (i == 0 && !bridge.ipv6Gateway.isEmpty())
            text += QStringLiteral("    gateway %1\n").arg(bridge.ipv6Gateway);
    }
    for (const QString &port : bridge.ports)
        text += QStringLiteral("\niface %1 inet manual\n").arg(port);
    return text.toUtf8();
}

QByteArray IfupdownWriter::withoutInterface(const QByteArray &content, const QString &iface, const QString &note,
                                            bool *changed)
{
    const QList<QByteArray> lines = physicalLines(content);
    const QList<LogicalLine> logical = logicalLines(lines);
    const QByteArray noteLine = QByteArrayLiteral("# ") + note.toUtf8() + '\n';
    const auto commented = [&lines](const LogicalLine &line) {
        QByteArray out;
        for (int i = line.begin; i < line.end; ++i) {
            out += '#' + lines.at(i);
            if (!out.endsWith('\n'))
                out += '\n';   // a last line without one; the comment must end
        }
        return out;
    };

    QByteArray out;
    bool any = false;
    bool inStanza = false;
    // The note heads each block of lines taken out: "auto em1" directly
    // followed by "iface em1 ..." is one block and gets one note.
    bool afterTakenOut = false;
    const auto takeOut = [&](const LogicalLine &line) {
        if (!afterTakenOut)
            out += noteLine;
        out += commented(line);
        afterTakenOut = true;
    };
    for (const LogicalLine &line : logical) {
        const QString keyword = line.words.value(0);
        if (!line.words.isEmpty() && isStanzaKeyword(keyword)) {
            inStanza = false;
            if (keyword == QLatin1String("iface") && line.words.value(1) == iface) {
                inStanza = true;
                any = true;
                takeOut(line);
                continue;
            }
            if (isInterfaceListKeyword(keyword) && line.words.mid(1).contains(iface)) {
                any = true;
                QStringList rest = line.words.mid(1);
                rest.removeAll(iface);
                takeOut(line);
                if (!rest.isEmpty()) {
                    out += (keyword + QLatin1Char(' ') + rest.join(QLatin1Char(' ')) + QLatin1Char('\n')).toUtf8();
                    afterTakenOut = false;
                }
                continue;
            }
        } else if (inStanza && !line.words.isEmpty()) {
            // An option of the stanza taken out: part of its block, even
            // after a comment kept between options.
            out += commented(line);
            afterTakenOut = true;
            continue;
        }
        for (int i = line.begin; i < line.end; ++i)
            out += lines.at(i);
        afterTakenOut = false;
    }
    if (changed)
        *changed = any;
    return any ? out : content;
}

std::optional<HelperFailure> IfupdownWriter::files(const PersistentBridge &bridge, QList<ConfigFile> *out) const
{
    if (auto failure = bridge.validate())
        return failure;
    if (!QFileInfo::exists(m_settings.interfacesFile))
        return conflict(QStringLiteral("%1 does not exist: ifupdown is not set up here").arg(m_settings.interfacesFile));
    const QString ours = bridgeFilePath(bridge.name);
    if (!interfacesFileReads(ours))
        return conflict(QStringLiteral("%1 does not read %2 (no \"source %3/*\" line)")
                            .arg(m_settings.interfacesFile, ours, m_settings.ifupdownDirectory));

    QList<ConfigFile> result{{ours, bridgeStanzas(bridge), 0644}};
    QStringList names = bridge.ports;
    names.prepend(bridge.name);
    // Each file once, in ifupdown's reading order, with every interface of
    // ours taken out of it.
    for (const QString &file : configurationFiles()) {
        if (QDir::cleanPath(file) == QDir::cleanPath(ours))
            continue;
        QByteArray content;
        bool exists = false;
        if (auto failure = SafeFile::read(file, &content, &exists))
            return failure;
        if (!exists)
            continue;
        QByteArray rewritten = content;
        for (const QString &iface : std::as_const(names)) {
            // A mapping picks the stanza at ifup time: no line to comment out.
            for (const LogicalLine &line : logicalLines(physicalLines(rewritten))) {
                if (line.words.value(0) == QLatin1String("mapping") && line.words.mid(1).contains(iface))
                    return conflict(QStringLiteral("%1 maps %2 (a \"mapping\" stanza); it cannot be taken out safely")
                                        .arg(file, iface));
            }
            const QString note = iface == bridge.name
                ? QStringLiteral("Passerelle: %1 is configured in %2 now; its previous configuration:").arg(iface, ours)
                : QStringLiteral("Passerelle: %1 is a port of %2 now, configured in %3; its previous configuration:")
                      .arg(iface, bridge.name, ours);
            rewritten = withoutInterface(rewritten, iface, note, nullptr);
        }
        if (rewritten == content)
            continue;
        struct stat st {};
        const mode_t mode = ::stat(QFile::encodeName(file).constData(), &st) == 0 ? (st.st_mode & 07777) : 0644;
        result.append({file, rewritten, mode});
    }
    if (out)
        *out = result;
    return std::nullopt;
}

} // namespace Passerelle
