// Fails when the catalogues lag behind the sources: lupdate, run on a copy of
// each .ts with the options of `update_translations`, finds a string the
// catalogue lacks; or a French entry is unfinished, empty or obsolete; or a
// translation loses or changes a placeholder (%1..%9, %n). passerelle_en.ts
// holds only plural forms (lupdate -pluralonly): each must be filled.
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;               // "", "unfinished", "obsolete", "vanished"
    QStringList translations;   // one, or one per plural form
};

QString keyOf(const Entry &e)
{
    return e.context + QChar(0x1f) + e.source + QChar(0x1f) + e.comment;
}

QString describe(const Entry &e)
{
    QString text = e.source;
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    if (text.size() > 90)
        text = text.left(87) + QLatin1String("...");
    return QStringLiteral("[%1] \"%2\"%3")
        .arg(e.context, text, e.comment.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.comment));
}

// Reads a Qt Linguist .ts file into entries keyed by context, source and disambiguation.
bool readTs(const QString &path, QMap<QString, Entry> *entries, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("context")) {
                context.clear();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Entry();
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (inMessage && name == QLatin1String("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            entries->insert(keyOf(current), current);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

// "%1", "%L2", "%n" as they are used by QString::arg() and tr()'s plurals,
// sorted; a translation may use one twice.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?([1-9]|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(QLatin1Char('%') + it.next().captured(1));
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

class TestTranslationsComplete : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogue_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("pluralOnly");
        QTest::newRow("fr") << QStringLiteral("passerelle_fr.ts") << false;
        QTest::newRow("en plural forms") << QStringLiteral("passerelle_en.ts") << true;
    }

    void catalogue()
    {
        QFETCH(QString, file);
        QFETCH(bool, pluralOnly);
        const QString original = QDir(QStringLiteral(PASSERELLE_TS_DIR)).filePath(file);
        QVERIFY2(QFile::exists(original), qPrintable(original));

        // lupdate on a copy: what the catalogue would become with the sources as they are.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(file);
        QVERIFY(QFile::copy(original, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList args = QStringLiteral(PASSERELLE_LUPDATE_OPTIONS).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (pluralOnly)
            args.prepend(QStringLiteral("-pluralonly"));
        args << QStringLiteral("@" PASSERELLE_LUPDATE_LST) << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(PASSERELLE_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(90000), "lupdate did not finish");
        const QByteArray log = lupdate.readAll();
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, log.constData());

        QMap<QString, Entry> before;
        QMap<QString, Entry> after;
        QString error;
        QVERIFY2(readTs(original, &before, &error), qPrintable(error));
        QVERIFY2(readTs(copy, &after, &error), qPrintable(error));

        QStringList missing;
        QStringList unfinished;
        QStringList obsolete;
        QStringList badPlaceholders;
        for (const Entry &e : std::as_const(after)) {
            if (!before.contains(keyOf(e)))
                missing.append(describe(e));
        }
        for (const Entry &e : std::as_const(before)) {
            if (!after.contains(keyOf(e)) || e.type == QLatin1String("obsolete") || e.type == QLatin1String("vanished")) {
                obsolete.append(describe(e));
                continue;
            }
            const bool empty = e.translations.isEmpty()
                || std::any_of(e.translations.cbegin(), e.translations.cend(),
                               [](const QString &t) { return t.trimmed().isEmpty(); });
            if (e.type == QLatin1String("unfinished") || empty || (e.numerus && e.translations.size() < 2)) {
                unfinished.append(describe(e));
                continue;
            }
            const QStringList expected = placeholders(e.source);
            for (const QString &t : e.translations) {
                const QStringList got = placeholders(t);
                if (got != expected) {
                    badPlaceholders.append(QStringLiteral("%1 -> \"%2\": %3 instead of %4")
                                               .arg(describe(e), t, got.join(QLatin1Char(' ')),
                                                    expected.join(QLatin1Char(' '))));
                }
            }
        }

        const auto report = [&file](const char *what, const QStringList &list) {
            if (list.isEmpty())
                return;
            qWarning("%s: %lld %s:", qPrintable(file), qlonglong(list.size()), what);
            for (const QString &line : list)
                qWarning("  %s", qPrintable(line));
        };
        report("strings of the sources missing from the catalogue", missing);
        report(pluralOnly ? "plural forms unfinished or empty" : "entries unfinished or empty", unfinished);
        report("obsolete entries (no longer in the sources)", obsolete);
        report("translations whose placeholders differ from the source", badPlaceholders);
        if (!missing.isEmpty() || !obsolete.isEmpty()) {
            qWarning("Refresh the catalogues with `cmake --build BUILD_DIR --target update_translations`, "
                     "then translate the new entries.");
        }
        qInfo("%s: %lld entries checked", qPrintable(file), qlonglong(before.size()));
        QVERIFY(!pluralOnly || std::all_of(before.cbegin(), before.cend(), [](const Entry &e) { return e.numerus; }));
        QVERIFY(missing.isEmpty());
        QVERIFY(unfinished.isEmpty());
        QVERIFY(obsolete.isEmpty());
        QVERIFY(badPlaceholders.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "tst_translations_complete.moc"
