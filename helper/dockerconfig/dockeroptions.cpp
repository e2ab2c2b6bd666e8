#include "dockeroptions.h"

#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cerrno>

namespace Passerelle {

namespace {

const QString DockerOptsSetting = QStringLiteral("DOCKER_OPTS");
const QString ExecStartSetting = QStringLiteral("ExecStart");

// A file only read (units and drop-ins, which may well be links to the
// packaged ones): follows links. *exists=false when missing; a unit masked
// by a link to /dev/null reads as empty.
std::optional<HelperFailure> readPlain(const QString &path, QByteArray *content, bool *exists)
{
    content->clear();
    *exists = QFileInfo::exists(path);
    if (!*exists)
        return std::nullopt;
    if (QFileInfo(path).canonicalFilePath() == QLatin1String("/dev/null"))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return SafeFile::systemFailure("read", path, errno ? errno : EIO);
    *content = file.readAll();
    return std::nullopt;
}

// The daemon.json key of a dockerd flag name ("b", "bridge", "bip", ...).
QString daemonKeyOf(const QString &name)
{
    if (name == QLatin1String("b") || name == QLatin1String("bridge"))
        return QStringLiteral("bridge");
    if (name == QLatin1String("bip") || name == QLatin1String("fixed-cidr")
        || name == QLatin1String("default-gateway"))
        return name;
    return QString();
}

// An option found, and the words it takes on its command line.
struct FoundOption
{
    DockerOption option;
    QList<int> words;
};

DockerOption problemAt(const QString &file, const QString &setting, const QString &text, const QString &problem)
{
    DockerOption option;
    option.file = file;
    option.setting = setting;
    option.value = text;
    option.problem = problem;
    return option;
}

// dockerd's network flags among WORDS (from index FIRST), in pflag's forms.
void scanFlags(const QStringList &words, int first, const QString &file, const QString &setting,
               QList<FoundOption> *found, QList<DockerOption> *problems)
{
    for (int i = first; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == QLatin1String("--"))
            return;   // the end of flags
        QString name;
        QString written;
        QString value;
        bool inlineValue = false;
        if (word.startsWith(QLatin1String("--"))) {
            const qsizetype eq = word.indexOf(QLatin1Char('='));
            name = word.mid(2, eq < 0 ? -1 : eq - 2);
            written = word.left(eq < 0 ? word.size() : eq);
            if (eq >= 0) {
                value = word.mid(eq + 1);
                inlineValue = true;
            }
        } else if (word.startsWith(QLatin1String("-b"))) {
            name = QStringLiteral("b");
            written = QStringLiteral("-b");
            if (word.size() > 2) {
                value = word.mid(word.at(2) == QLatin1Char('=') ? 3 : 2);
                inlineValue = true;
            }
        }
        const QString key = daemonKeyOf(name);
        if (key.isEmpty())
            continue;
        FoundOption f;
        f.words << i;
        if (!inlineValue) {
            if (i + 1 >= words.size()) {
                problems->append(problemAt(file, setting, word, QStringLiteral("missing-value")));
                continue;
            }
            value = words.at(++i);
            f.words << i;
        }
        f.option.file = file;
        f.option.setting = setting;
        f.option.option = written;
        f.option.daemonKey = key;
        f.option.value = value;
        found->append(f);
    }
}

// ---- The defaults file, read as the shell would, without a shell ----

struct ShellAssignment
{
    QString name;
    qsizetype valueBegin = 0;   // the value's bytes as written
    qsizetype valueEnd = 0;
    char quote = 0;             // the first quote used in it, if any
    QByteArray value;           // after quote removal
    QString problem;            // why a shell would be needed, or empty
};

bool isNameStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

// What "$" at TEXT[I] starts: a variable, a command substitution, or a
// plain dollar sign.
QString dollarProblem(const QByteArray &text, qsizetype i)
{
    if (i + 1 >= text.size())
        return QString();
    const char next = text.at(i + 1);
    if (next == '(')
        return QStringLiteral("command-substitution");
    if (isNameStart(next) || next == '{' || (next >= '0' && next <= '9') || QByteArray("@*#?$!-").contains(next))
        return QStringLiteral("variable");
    return QString();
}

// Reads the word at *POS (the value of NAME=) as the shell would, and the
// rest of the line up to a comment. Stops at the first thing only a shell
// could tell, leaving *POS at the end of that line.
void readShellValue(const QByteArray &text, qsizetype *pos, ShellAssignment *a)
{
    qsizetype i = *pos;
    const qsizetype n = text.size();
    a->valueBegin = i;
    auto fail = [&](const QString &problem) {
        a->problem = problem;
        while (i < n && text.at(i) != '\n')
            ++i;
        *pos = i;
    };
    while (i < n) {
        const char c = text.at(i);
        if (c == ' ' || c == '\t' || c == '\n')
            break;
        if (c == '\'') {
            if (!a->quote)
                a->quote = c;
            const qsizetype close = text.indexOf('\'', i + 1);
            if (close < 0)
                return fail(QStringLiteral("unterminated-quote"));
            a->value += text.mid(i + 1, close - i - 1);
            i = close + 1;
        } else if (c == '"') {
            if (!a->quote)
                a->quote = c;
            ++i;
            for (;;) {
                if (i >= n)
                    return fail(QStringLiteral("unterminated-quote"));
                const char d = text.at(i);
                if (d == '"') {
                    ++i;
                    break;
                }
                if (d == '\\' && i + 1 < n && QByteArray("$`\"\\\n").contains(text.at(i + 1))) {
                    if (text.at(i + 1) != '\n')
                        a->value += text.at(i + 1);
                    i += 2;
                } else if (d == '`') {
                    return fail(QStringLiteral("command-substitution"));
                } else if (d == '$' && !dollarProblem(text, i).isEmpty()) {
                    return fail(dollarProblem(text, i));
                } else {
                    a->value += d;
                    ++i;
                }
            }
        } else if (c == '\\') {
            if (i + 1 < n && text.at(i + 1) != '\n')
                a->value += text.at(i + 1);
            i += 2;
        } else if (c == '`') {
            return fail(QStringLiteral("command-substitution"));
        } else if (c == '$' && !dollarProblem(text, i).isEmpty()) {
            return fail(dollarProblem(text, i));
        } else if (QByteArray(";&|<>()").contains(c)) {
            return fail(QStringLiteral("shell-syntax"));
        } else {
            a->value += c;
            ++i;
        }
    }
    a->valueEnd = qMin(i, n);
    // Only blanks and a comment may follow: "DOCKER_OPTS=-b br0" would run
    // br0 with DOCKER_OPTS set for it.
    while (i < n && (text.at(i) == ' ' || text.at(i) == '\t'))
        ++i;
    if (i < n && text.at(i) != '\n' && text.at(i) != '#')
        return fail(QStringLiteral("shell-syntax"));
    while (i < n && text.at(i) != '\n')
        ++i;
    *pos = i;
}

struct DefaultsFile
{
    bool exists = false;
    QByteArray content;
    std::optional<ShellAssignment> dockerOpts;   // the last assignment: the one that counts
    QList<DockerOption> problems;                // lines only a shell could read
    // DOCKER_OPTS split into words, as $DOCKER_OPTS is: byte spans in value.
    QList<QPair<qsizetype, qsizetype>> wordSpans;
    QList<FoundOption> found;
};

void parseDefaults(const QString &path, DefaultsFile *file)
{
    const QByteArray &text = file->content;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && (text.at(i) == ' ' || text.at(i) == '\t'))
            ++i;
        if (i >= n)
            break;
        if (text.at(i) == '\n') {
            ++i;
            continue;
        }
        const qsizetype lineStart = i;
        qsizetype lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0)
            lineEnd = n;
        if (text.at(i) == '#') {
            i = lineEnd;
            continue;
        }
        if (text.mid(i, 6) == "export" && i + 6 < n && (text.at(i + 6) == ' ' || text.at(i + 6) == '\t')) {
            i += 6;
            while (i < n && (text.at(i) == ' ' || text.at(i) == '\t'))
                ++i;
            // "export DOCKER_OPTS" alone passes the value on, unchanged.
            const QByteArray names = text.mid(i, lineEnd - i).split('#').constFirst().simplified();
            bool onlyNames = !names.isEmpty();
            for (const QByteArray &name : names.split(' '))
                onlyNames = onlyNames && !name.isEmpty() && isNameStart(name.at(0))
                    && std::all_of(name.begin(), name.end(), isNameChar);
            if (onlyNames) {
                i = lineEnd;
                continue;
            }
        }
        qsizetype nameEnd = i;
        if (nameEnd < n && isNameStart(text.at(nameEnd))) {
            while (nameEnd < n && isNameChar(text.at(nameEnd)))
                ++nameEnd;
        }
        if (nameEnd == i || nameEnd >= n || text.at(nameEnd) != '=') {
            // Not an assignment: a command, a condition, a function. Harmless
            // unless it may set DOCKER_OPTS.
            const QByteArray line = text.mid(lineStart, lineEnd - lineStart);
            if (line.contains("DOCKER_OPTS"))
                file->problems << problemAt(path, DockerOptsSetting, QString::fromUtf8(line),
                                            QStringLiteral("shell-syntax"));
            i = lineEnd;
            continue;
        }
        ShellAssignment a;
        a.name = QString::fromLatin1(text.mid(i, nameEnd - i));
        i = nameEnd + 1;
        readShellValue(text, &i, &a);
        if (a.name == DockerOptsSetting) {
            if (!a.problem.isEmpty()) {
                qsizetype end = text.indexOf('\n', a.valueBegin);
                a.valueEnd = end < 0 ? n : end;
            }
            file->dockerOpts = a;
        }
    }

    if (!file->dockerOpts)
        return;
    const ShellAssignment &a = *file->dockerOpts;
    if (!a.problem.isEmpty()) {
        file->problems << problemAt(path, DockerOptsSetting,
                                    QString::fromUtf8(text.mid(a.valueBegin, a.valueEnd - a.valueBegin)), a.problem);
        return;
    }
    // $DOCKER_OPTS unquoted: split on blanks (the shell's IFS, systemd's
    // white space).
    QStringList words;
    qsizetype w = 0;
    while (w < a.value.size()) {
        while (w < a.value.size() && QByteArray(" \t\n").contains(a.value.at(w)))
            ++w;
        const qsizetype begin = w;
        while (w < a.value.size() && !QByteArray(" \t\n").contains(a.value.at(w)))
            ++w;
        if (w > begin) {
            file->wordSpans << qMakePair(begin, w);
            words << QString::fromUtf8(a.value.mid(begin, w - begin));
        }
    }
    scanFlags(words, 0, path, DockerOptsSetting, &file->found, &file->problems);
}

// VALUE written back for the shell, in the quotes the user had chosen.
QByteArray shellQuote(const QByteArray &value, char quote)
{
    if (quote == '\'' && !value.contains('\''))
        return '\'' + value + '\'';
    bool plain = quote == 0;
    for (char c : value) {
        if (!(isNameChar(c) || QByteArray("-=./:,@+%").contains(c)))
            plain = false;
    }
    if (plain)
        return value;
    QByteArray quoted = "\"";
    for (char c : value) {
        if (QByteArray("\\\"$`").contains(c))
            quoted += '\\';
        quoted += c;
    }
    return quoted + '"';
}

// ---- docker.service and its drop-ins, read as systemd does ----

// One argument of a command line: as written, and as systemd passes it.
struct CommandWord
{
    QByteArray raw;
    QString value;
};

// systemd's C escapes (\n, \t, \xNN, \NNN, \uXXXX, ...), as in
// extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE). Appends to OUT;
// returns the bytes consumed after the backslash.
qsizetype unescapeOne(const QByteArray &text, qsizetype i, QByteArray *out)
{
    if (i >= text.size())
        return 0;
    const char c = text.at(i);
    auto hex = [&](qsizetype from, int count, uint *value) {
        if (from + count > text.size())
            return false;
        bool ok = false;
        *value = text.mid(from, count).toUInt(&ok, 16);
        return ok;
    };
    uint code = 0;
    switch (c) {
    case 'a': out->append('\a'); return 1;
    case 'b': out->append('\b'); return 1;
    case 'f': out->append('\f'); return 1;
    case 'n': out->append('\n'); return 1;
    case 'r': out->append('\r'); return 1;
    case 't': out->append('\t'); return 1;
    case 'v': out->append('\v'); return 1;
    case 's': out->append(' '); return 1;
    case 'x':
        if (hex(i + 1, 2, &code)) {
            out->append(char(code));
            return 3;
        }
        break;
    case 'u':
        if (hex(i + 1, 4, &code)) {
            out->append(QString(QChar(char16_t(code))).toUtf8());
            return 5;
        }
        break;
    case 'U':
        if (hex(i + 1, 8, &code)) {
            const char32_t ucs4 = code;
            out->append(QString::fromUcs4(&ucs4, 1).toUtf8());
            return 9;
        }
        break;
    default:
        if (c >= '0' && c <= '7' && i + 2 < text.size()) {
            bool ok = false;
            code = text.mid(i, 3).toUInt(&ok, 8);
            if (ok) {
                out->append(char(code));
                return 3;
            }
        }
        break;
    }
    out->append(c);   // \\, \", \' and anything else: the character itself
    return 1;
}

// Splits an ExecStart= value into words. False on an unterminated quote.
bool splitCommandLine(const QByteArray &line, QList<CommandWord> *words)
{
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && QByteArray(" \t\n\r").contains(line.at(i)))
            ++i;
        if (i >= n)
            break;
        const qsizetype begin = i;
        QByteArray value;
        char quote = 0;
        while (i < n) {
            const char c = line.at(i);
            if (quote) {
                if (c == quote) {
                    quote = 0;
                    ++i;
                } else if (c == '\\') {
                    i += 1 + unescapeOne(line, i + 1, &value);
                } else {
                    value += c;
                    ++i;
                }
            } else if (QByteArray(" \t\n\r").contains(c)) {
                break;
            } else if (c == '"' || c == '\'') {
                quote = c;
                ++i;
            } else if (c == '\\') {
                i += 1 + unescapeOne(line, i + 1, &value);
            } else {
                value += c;
                ++i;
            }
        }
        if (quote)
            return false;
        words->append(CommandWord{line.mid(begin, i - begin), QString::fromUtf8(value)});
    }
    return true;
}

// A unit file's [Service] settings we care about, in file order.
struct UnitSetting
{
    QString file;
    QString key;
    QByteArray value;
};

void parseUnit(const QString &path, const QByteArray &content, QList<UnitSetting> *settings)
{
    const QList<QByteArray> lines = content.split('\n');
    bool inService = false;
    QByteArray pending;   // a line continued with a trailing backslash
    bool continuing = false;
    for (QByteArray line : lines) {
        const QByteArray trimmed = line.trimmed();
        if (continuing && (trimmed.startsWith('#') || trimmed.startsWith(';')))
            continue;   // comments inside a continued line are skipped
        if (trimmed.endsWith('\\')) {
            pending += trimmed.left(trimmed.size() - 1) + ' ';
            continuing = true;
            continue;
        }
        line = continuing ? pending + trimmed : trimmed;
        pending.clear();
        continuing = false;
        if (line.isEmpty() || line.startsWith('#') || line.startsWith(';'))
            continue;
        if (line.startsWith('[')) {
            inService = line == "[Service]";
            continue;
        }
        const qsizetype eq = line.indexOf('=');
        if (!inService || eq < 0)
            continue;
        settings->append(UnitSetting{path, QString::fromUtf8(line.left(eq).trimmed()), line.mid(eq + 1).trimmed()});
    }
}

struct ServiceCommand
{
    QString file;                 // where the effective ExecStart is
    QList<CommandWord> words;
    bool usesDockerOpts = false;  // $DOCKER_OPTS or ${DOCKER_OPTS}
    QList<FoundOption> options;
    QList<DockerOption> problems;
    QStringList dropInNames;      // in the order systemd applies them
};

std::optional<HelperFailure> readService(const DockerOptionPaths &paths, ServiceCommand *service)
{
    QList<UnitSetting> settings;
    for (const QString &unit : paths.unitFiles) {
        QByteArray content;
        bool exists = false;
        if (auto failure = readPlain(unit, &content, &exists))
            return failure;
        if (exists) {
            parseUnit(unit, content, &settings);
            break;
        }
    }
    // Drop-ins: by file name across the folders, the first folder's copy of
    // a name hiding the others.
    QMap<QString, QString> dropIns;
    for (const QString &dir : paths.dropInDirs) {
        const QStringList names = QDir(dir).entryList({QStringLiteral("*.conf")}, QDir::Files | QDir::System);
        for (const QString &name : names) {
            if (!dropIns.contains(name))
                dropIns.insert(name, QDir(dir).filePath(name));
        }
    }
    service->dropInNames = dropIns.keys();
    for (const QString &path : std::as_const(dropIns)) {
        QByteArray content;
        bool exists = false;
        if (auto failure = readPlain(path, &content, &exists))
            return failure;
        parseUnit(path, content, &settings);
    }

    QList<UnitSetting> execStarts;
    QList<UnitSetting> environment;
    for (const UnitSetting &s : std::as_const(settings)) {
        if (s.key == ExecStartSetting) {
            if (s.value.isEmpty())
                execStarts.clear();
            else
                execStarts << s;
        } else if (s.key == QLatin1String("Environment") || s.key == QLatin1String("EnvironmentFile")) {
            environment << s;
        }
    }
    if (execStarts.isEmpty())
        return std::nullopt;
    const UnitSetting &exec = execStarts.constLast();
    service->file = exec.file;
    if (!splitCommandLine(exec.value, &service->words)) {
        service->problems << problemAt(exec.file, ExecStartSetting, QString::fromUtf8(exec.value),
                                       QStringLiteral("unterminated-quote"));
        return std::nullopt;
    }
    QStringList values;
    for (const CommandWord &word : std::as_const(service->words)) {
        const QString &v = word.value;
        values << v;
        if (v == QLatin1String("$DOCKER_OPTS") || v == QLatin1String("${DOCKER_OPTS}")) {
            service->usesDockerOpts = true;
            continue;
        }
        const QByteArray utf8 = v.toUtf8();
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            if (utf8.at(i) != '$')
                continue;
            if (i + 1 < utf8.size() && utf8.at(i + 1) == '$') {
                ++i;   // "$$" is a dollar sign
                continue;
            }
            if (dollarProblem(utf8, i) == QLatin1String("variable")) {
                service->problems << problemAt(exec.file, ExecStartSetting, v, QStringLiteral("variable"));
                break;
            }
        }
    }
    // $DOCKER_OPTS from anywhere but the defaults file cannot be read here.
    if (service->usesDockerOpts) {
        for (const UnitSetting &s : std::as_const(environment)) {
            QString value = QString::fromUtf8(s.value);
            if (s.key == QLatin1String("EnvironmentFile")) {
                if (value.startsWith(QLatin1Char('-')))
                    value.remove(0, 1);
                if (QFileInfo(value).absoluteFilePath() == QFileInfo(paths.defaultsFile).absoluteFilePath())
                    continue;
            } else if (!value.contains(QLatin1String("DOCKER_OPTS="))) {
                continue;
            }
            service->problems << problemAt(s.file, s.key, value, QStringLiteral("variable"));
        }
    }
    scanFlags(values, 1, exec.file, ExecStartSetting, &service->options, &service->problems);
    return std::nullopt;
}

// Everything findNetworkOptions reports, with what planOptionMove needs to
// take the options out.
struct Discovery
{
    QString defaultsPath;
    DefaultsFile defaults;
    ServiceCommand service;
};

// SAFEDEFAULTS: read the defaults file as a file to rewrite (no link).
std::optional<HelperFailure> discover(const DockerOptionPaths &paths, bool safeDefaults, Discovery *d)
{
    d->defaultsPath = paths.defaultsFile;
    if (!paths.defaultsFile.isEmpty()) {
        auto failure = safeDefaults ? SafeFile::read(paths.defaultsFile, &d->defaults.content, &d->defaults.exists)
                                    : readPlain(paths.defaultsFile, &d->defaults.content, &d->defaults.exists);
        if (failure)
            return failure;
        parseDefaults(paths.defaultsFile, &d->defaults);
    }
    return readService(paths, &d->service);
}

QList<DockerOption> reported(const Discovery &d)
{
    QList<DockerOption> options;
    for (const FoundOption &f : d.defaults.found)
        options << f.option;
    options << d.defaults.problems;
    for (const FoundOption &f : d.service.options)
        options << f.option;
    options << d.service.problems;
    return options;
}

HelperFailure conflict(const DockerOption &option, const QString &detail)
{
    return HelperFailure::make(HelperError::DockerConflict,
                               {option.file, option.option.isEmpty() ? option.setting : option.option, option.value},
                               detail);
}

// Marks in FOUND the entries matching OPTIONS; false when one is missing.
bool match(const QList<DockerOption> &options, QList<FoundOption> &found, QList<bool> *taken, const QString &setting,
           QList<DockerOption> *unmatched)
{
    taken->fill(false, found.size());
    for (const DockerOption &option : options) {
        if (option.setting != setting)
            continue;
        bool hit = false;
        for (int i = 0; i < found.size() && !hit; ++i) {
            if (!(*taken)[i] && found.at(i).option == option) {
                (*taken)[i] = true;
                hit = true;
            }
        }
        if (!hit)
            unmatched->append(option);
    }
    return unmatched->isEmpty();
}

} // namespace

bool DockerOption::operator==(const DockerOption &other) const
{
    return file == other.file && setting == other.setting && option == other.option && daemonKey == other.daemonKey
        && value == other.value && problem == other.problem;
}

std::optional<HelperFailure> findNetworkOptions(const DockerOptionPaths &paths, QList<DockerOption> *options)
{
    options->clear();
    Discovery d;
    if (auto failure = discover(paths, false, &d))
        return failure;
    *options = reported(d);
    return std::nullopt;
}

std::optional<HelperFailure> planOptionMove(const QList<DockerOption> &options, const DockerOptionPaths &paths,
                                            DockerOptionMove *move)
{
    *move = DockerOptionMove();

    // What the user must settle first.
    QMap<QString, DockerOption> byKey;
    for (const DockerOption &option : options) {
        if (!option.problem.isEmpty())
            return conflict(option, QStringLiteral("%1 in %2 cannot be read without a shell (%3): %4")
                                        .arg(option.setting, option.file, option.problem, option.value));
        const auto seen = byKey.constFind(option.daemonKey);
        if (seen != byKey.constEnd() && seen->value != option.value)
            return conflict(option, QStringLiteral("%1 %2 in %3 and %4 %5 in %6: Docker's %7 is set twice, differently")
                                        .arg(seen->option, seen->value, seen->file, option.option, option.value,
                                             option.file, option.daemonKey));
        byKey.insert(option.daemonKey, option);
    }
    if (options.isEmpty())
        return std::nullopt;

    Discovery d;
    if (auto failure = discover(paths, true, &d))
        return failure;
    QList<DockerOption> unmatched;
    QList<bool> fromDefaults;
    QList<bool> fromService;
    match(options, d.defaults.found, &fromDefaults, DockerOptsSetting, &unmatched);
    match(options, d.service.options, &fromService, ExecStartSetting, &unmatched);
    for (const DockerOption &option : options) {
        if (option.setting != DockerOptsSetting && option.setting != ExecStartSetting)
            unmatched << option;
    }
    if (!unmatched.isEmpty()) {
        const DockerOption &gone = unmatched.constFirst();
        return HelperFailure::make(HelperError::Failed, {QStringLiteral("read"), SafeFile::errnoName(ESTALE), gone.file},
                                   QStringLiteral("%1 %2 is no longer in %3 (%4): the file changed")
                                       .arg(gone.option, gone.value, gone.file, gone.setting));
    }

    if (fromDefaults.contains(true)) {
        QList<int> words;
        for (int i = 0; i < fromDefaults.size(); ++i) {
            if (fromDefaults.at(i))
                words << d.defaults.found.at(i).words;
        }
        // The words left, each with the blanks written before it (the
        // value's leading blanks for the first one), then the trailing
        // blanks: the rest of the value stays as it was.
        const ShellAssignment &a = *d.defaults.dockerOpts;
        const auto &spans = d.defaults.wordSpans;
        QByteArray value;
        bool first = true;
        for (int w = 0; w < spans.size(); ++w) {
            if (words.contains(w))
                continue;
            if (first)
                value += a.value.left(spans.at(0).first);
            const qsizetype from = first ? spans.at(w).first : spans.at(w - 1).second;
            value += a.value.mid(from, spans.at(w).second - from);
            first = false;
        }
        if (!first)
            value += a.value.mid(spans.constLast().second);
        QByteArray content = d.defaults.content;
        content.replace(a.valueBegin, a.valueEnd - a.valueBegin, shellQuote(value, a.quote));
        move->rewrites << DockerFileRewrite{d.defaultsPath, content, 0644};
    }

    if (fromService.contains(true)) {
        const QString dropIn = QDir(paths.dropInDirs.value(0)).filePath(QLatin1String(OptionsDropInName));
        const QString effectiveName = QFileInfo(d.service.file).fileName();
        const bool inDropIn = !paths.unitFiles.contains(d.service.file);
        if (inDropIn && effectiveName > QLatin1String(OptionsDropInName)) {
            // A drop-in applied after ours would still give its command line.
            const int first = int(fromService.indexOf(true));
            return conflict(d.service.options.at(first).option,
                            QStringLiteral("the command line of docker.service comes from %1, applied after %2; "
                                           "edit it there")
                                .arg(d.service.file, dropIn));
        }
        QSet<int> drop;
        for (int i = 0; i < fromService.size(); ++i) {
            if (fromService.at(i)) {
                for (int w : d.service.options.at(i).words)
                    drop.insert(w);
            }
        }
        QByteArrayList kept;
        for (int w = 0; w < d.service.words.size(); ++w) {
            if (!drop.contains(w))
                kept << d.service.words.at(w).raw;
        }
        const QByteArray content = "# Written by Passerelle: Docker's network options moved to daemon.json.\n"
                                   "# Taken from " + QFile::encodeName(d.service.file) + ".\n"
                                   "[Service]\nExecStart=\nExecStart=" + kept.join(' ') + "\n";
        move->rewrites << DockerFileRewrite{dropIn, content, 0644};
    }

    for (const DockerOption &option : options)
        move->daemonKeys.insert(option.daemonKey, option.value);
    return std::nullopt;
}

} // namespace Passerelle
