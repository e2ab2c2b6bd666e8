// NameValidator against the rules of the kernel (dev_valid_name) and systemd
// (ifname_valid): one named row per case.
#include "namevalidator.h"

#include <QTest>

using namespace Passerelle;

namespace {

// "valid" or the reason's protocol key, so that a failing row prints both sides.
QString verdict(std::optional<InvalidNameReason> reason)
{
    return reason ? invalidNameReasonKey(*reason) : QStringLiteral("valid");
}

} // namespace

class TestNameValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problem_data();
    void problem();
    void reasonKeysRoundTrip();
};

void TestNameValidator::problem_data()
{
    using R = InvalidNameReason;
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    const QString valid = verdict(std::nullopt);
    QTest::newRow("br0") << QStringLiteral("br0") << valid;
    QTest::newRow("one letter") << QStringLiteral("a") << valid;
    QTest::newRow("15 bytes") << QStringLiteral("abcdefghijklmno") << valid;
    QTest::newRow("vlan dot") << QStringLiteral("em1.100") << valid;
    QTest::newRow("dash underscore") << QStringLiteral("veth-a_b") << valid;
    QTest::newRow("at sign") << QStringLiteral("veth@x") << valid;
    QTest::newRow("leading digit") << QStringLiteral("0br") << valid;
    QTest::newRow("three dots") << QStringLiteral("...") << valid;
    QTest::newRow("tilde") << QStringLiteral("br~1") << valid;

    QTest::newRow("empty") << QString() << verdict(R::Empty);
    QTest::newRow("16 bytes") << QStringLiteral("abcdefghijklmnop") << verdict(R::TooLong);
    QTest::newRow("40 bytes") << QString(40, QLatin1Char('x')) << verdict(R::TooLong);
    QTest::newRow("slash") << QStringLiteral("a/b") << verdict(R::ForbiddenCharacter);
    QTest::newRow("colon") << QStringLiteral("a:b") << verdict(R::ForbiddenCharacter);
    QTest::newRow("percent") << QStringLiteral("a%b") << verdict(R::ForbiddenCharacter);
    QTest::newRow("template") << QStringLiteral("br%d") << verdict(R::ForbiddenCharacter);
    QTest::newRow("space") << QStringLiteral("a b") << verdict(R::ForbiddenCharacter);
    QTest::newRow("leading space") << QStringLiteral(" br0") << verdict(R::ForbiddenCharacter);
    QTest::newRow("tab") << QStringLiteral("a\tb") << verdict(R::NotPrintableAscii);
    QTest::newRow("newline") << QStringLiteral("a\nb") << verdict(R::NotPrintableAscii);
    QTest::newRow("control") << QStringLiteral("a\x01") << verdict(R::NotPrintableAscii);
    QTest::newRow("delete") << QStringLiteral("a\x7f") << verdict(R::NotPrintableAscii);
    QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("a") << verdict(R::NotPrintableAscii);
    QTest::newRow("latin-1") << QStringLiteral("br\u00fc") << verdict(R::NotPrintableAscii);
    QTest::newRow("non-latin") << QStringLiteral("\u043c\u043e\u0441\u0442") << verdict(R::NotPrintableAscii);
    // 8 characters but 16 UTF-8 bytes: refused as non-ASCII before any length.
    QTest::newRow("utf-8 longer than it looks") << QStringLiteral("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9")
                                                << verdict(R::NotPrintableAscii);
    QTest::newRow("dot") << QStringLiteral(".") << verdict(R::Dot);
    QTest::newRow("dot dot") << QStringLiteral("..") << verdict(R::Dot);
    QTest::newRow("digits") << QStringLiteral("123") << verdict(R::AllDigits);
    QTest::newRow("zero") << QStringLiteral("0") << verdict(R::AllDigits);
}

void TestNameValidator::problem()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(verdict(NameValidator::problem(name)), expected);
    QCOMPARE(NameValidator::isValid(name), expected == verdict(std::nullopt));
}

void TestNameValidator::reasonKeysRoundTrip()
{
    for (auto r : {InvalidNameReason::Empty, InvalidNameReason::TooLong, InvalidNameReason::NotPrintableAscii,
                   InvalidNameReason::ForbiddenCharacter, InvalidNameReason::Dot, InvalidNameReason::AllDigits}) {
        const QString key = invalidNameReasonKey(r);
        QVERIFY(!key.isEmpty());
        QVERIFY(invalidNameReasonFromKey(key) == r);
    }
    QVERIFY(!invalidNameReasonFromKey(QStringLiteral("nonsense")));
}

QTEST_APPLESS_MAIN(TestNameValidator)
#include "tst_namevalidator.moc"
