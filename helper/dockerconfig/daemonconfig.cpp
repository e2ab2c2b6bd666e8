#include "daemonconfig.h"

#include "safefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <vector>

namespace Passerelle {

namespace {

const QString BridgeKey = QStringLiteral("bridge");
const QString FixedCidrKey = QStringLiteral("fixed-cidr");
const QString DefaultGatewayKey = QStringLiteral("default-gateway");
const QString BipKey = QStringLiteral("bip");
const QString LiveRestoreKey = QStringLiteral("live-restore");

// Where a check failed: a byte offset into the file and the reason.
struct JsonProblem
{
    qsizetype offset = 0;
    QString reason;
};

HelperFailure invalidJson(const QString &path, const QByteArray &content, const JsonProblem &problem)
{
    // Line and column from 1; the column counts characters, not bytes, as an
    // editor does (UTF-8 continuation bytes are not counted).
    const qsizetype end = qBound(qsizetype(0), problem.offset, content.size());
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(content.at(i));
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return HelperFailure::make(HelperError::InvalidJson,
                               {path, QString::number(line), QString::number(column), problem.reason},
                               QStringLiteral("%1:%2:%3: not usable as Docker's configuration: %4")
                                   .arg(path)
                                   .arg(line)
                                   .arg(column)
                                   .arg(problem.reason));
}

bool isJsonWhitespace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isHex4(const QByteArray &digits)
{
    if (digits.size() != 4)
        return false;
    for (char c : digits) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

bool isNumberCharacter(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// RFC 8259's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
// Qt also takes ".5" and "1.".
bool isStrictJsonNumber(const QByteArray &token)
{
    qsizetype i = 0;
    const qsizetype n = token.size();
    auto digits = [&]() {
        const qsizetype start = i;
        while (i < n && token.at(i) >= '0' && token.at(i) <= '9')
            ++i;
        return i - start;
    };
    if (i < n && token.at(i) == '-')
        ++i;
    if (i < n && token.at(i) == '0')
        ++i;
    else if (digits() == 0)
        return false;
    if (i < n && token.at(i) == '.') {
        ++i;
        if (digits() == 0)
            return false;
    }
    if (i < n && (token.at(i) == 'e' || token.at(i) == 'E')) {
        ++i;
        if (i < n && (token.at(i) == '+' || token.at(i) == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

// A number's exact decimal value: digits without leading or trailing zeros
// and the power of ten of the last one. Zero is {false, "", 0}, whatever
// its sign.
struct Decimal
{
    bool negative = false;
    QByteArray digits;
    qint64 exponent = 0;
    bool operator==(const Decimal &other) const
    {
        return negative == other.negative && digits == other.digits && exponent == other.exponent;
    }
};

std::optional<Decimal> exactDecimal(const QByteArray &number)
{
    Decimal d;
    qsizetype i = 0;
    if (i < number.size() && number.at(i) == '-') {
        d.negative = true;
        ++i;
    }
    qint64 fractionDigits = 0;
    bool inFraction = false;
    for (; i < number.size() && number.at(i) != 'e' && number.at(i) != 'E'; ++i) {
        const char c = number.at(i);
        if (c == '.') {
            inFraction = true;
        } else if (c >= '0' && c <= '9') {
            d.digits.append(c);
            if (inFraction)
                ++fractionDigits;
        } else {
            return std::nullopt;
        }
    }
    qint64 exponent = 0;
    if (i < number.size()) {
        bool ok = false;
        exponent = number.mid(i + 1).toLongLong(&ok);   // "+19" and "-5" both parse
        if (!ok)
            return std::nullopt;
    }
    d.exponent = exponent - fractionDigits;
    qsizetype lead = 0;
    while (lead < d.digits.size() && d.digits.at(lead) == '0')
        ++lead;
    d.digits.remove(0, lead);
    while (!d.digits.isEmpty() && d.digits.endsWith('0')) {
        d.digits.chop(1);
        ++d.exponent;
    }
    if (d.digits.isEmpty())
        return Decimal{};
    return d;
}

// Whether Qt writes back the same value as TOKEN denotes: it keeps 64-bit
// integers as integers and everything else as a double.
bool qtKeepsNumber(const QByteArray &token)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + token + "]");
    if (!doc.isArray() || doc.array().size() != 1)
        return false;
    QByteArray written = doc.toJson(QJsonDocument::Compact);
    written = written.mid(1, written.size() - 2);
    const auto before = exactDecimal(token);
    const auto after = exactDecimal(written);
    return before && after && *before == *after;
}

// The checks Qt's parser does not make, on a document it accepted: strict
// number syntax, numbers Qt would change, duplicate keys, raw control
// characters in strings. Qt already checked the structure, so this only
// follows it.
std::optional<JsonProblem> checkBeyondQt(const QByteArray &text, qsizetype start)
{
    struct Container
    {
        bool isObject = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    std::vector<Container> stack;
    qsizetype i = start;
    const qsizetype n = text.size();
    while (i < n) {
        const char c = text.at(i);
        if (isJsonWhitespace(c)) {
            ++i;
        } else if (c == '{' || c == '[') {
            stack.push_back(Container{c == '{', c == '{', {}});
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
            ++i;
        } else if (c == ',') {
            if (!stack.empty() && stack.back().isObject)
                stack.back().expectKey = true;
            ++i;
        } else if (c == ':') {
            ++i;
        } else if (c == '"') {
            const qsizetype begin = i++;
            while (i < n && text.at(i) != '"') {
                const unsigned char s = static_cast<unsigned char>(text.at(i));
                if (s < 0x20)
                    return JsonProblem{i, QStringLiteral("control-character")};
                if (s == '\\') {
                    // Qt takes "\q" too; JSON and dockerd do not.
                    const char e = i + 1 < n ? text.at(i + 1) : '\0';
                    const bool valid = (e != '\0' && QByteArray("\"\\/bfnrt").contains(e))
                        || (e == 'u' && isHex4(text.mid(i + 2, 4)));
                    if (!valid)
                        return JsonProblem{i, QStringLiteral("invalid-escape")};
                    i += 2;
                } else {
                    ++i;
                }
            }
            ++i;
            if (!stack.empty() && stack.back().isObject && stack.back().expectKey) {
                stack.back().expectKey = false;
                const QByteArray raw = text.mid(begin, i - begin);
                const QString key = QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString();
                if (stack.back().keys.contains(key))
                    return JsonProblem{begin, QStringLiteral("duplicate-key")};
                stack.back().keys.insert(key);
            }
        } else if (isNumberCharacter(c)) {
            const qsizetype begin = i;
            while (i < n && isNumberCharacter(text.at(i)))
                ++i;
            const QByteArray token = text.mid(begin, i - begin);
            if (!isStrictJsonNumber(token))
                return JsonProblem{begin, QStringLiteral("invalid-number")};
            if (!qtKeepsNumber(token))
                return JsonProblem{begin, QStringLiteral("number-out-of-range")};
        } else {
            // true, false, null
            const qsizetype begin = i;
            while (i < n && text.at(i) >= 'a' && text.at(i) <= 'z')
                ++i;
            if (i == begin)
                ++i;   // not reached for JSON Qt accepted; never loop forever
        }
    }
    return std::nullopt;
}

// JSON-rendered, compact: "\"br0\"", "true", "{\"a\":1}".
QString renderJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace

std::optional<HelperFailure> DaemonConfig::load(const QString &path)
{
    QByteArray content;
    bool exists = false;
    if (auto failure = SafeFile::read(path, &content, &exists))
        return failure;
    return parse(content, path, exists);
}

std::optional<HelperFailure> DaemonConfig::parse(const QByteArray &content, const QString &path, bool exists)
{
    m_object = QJsonObject();
    m_exists = exists;

    qsizetype start = 0;
    if (content.startsWith("\xEF\xBB\xBF"))
        start = 3;
    qsizetype first = start;
    while (first < content.size() && isJsonWhitespace(content.at(first)))
        ++first;
    if (first == content.size())
        return std::nullopt;   // empty: dockerd's empty configuration too

    // Qt 6.4 calls a lone string or number an "illegal value".
    if (content.at(first) != '{' && content.at(first) != '[')
        return invalidJson(path, content, JsonProblem{first, QStringLiteral("not-an-object")});

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError) {
        JsonProblem problem{error.offset, error.errorString()};
        if (error.error == QJsonParseError::IllegalNumber) {
            // Qt refuses a well-formed number it cannot hold in a double
            // (1e400): say so, at the number, rather than "illegal number"
            // somewhere after it.
            const qsizetype at = qBound(qsizetype(0), qsizetype(error.offset), content.size());
            qsizetype begin = at;
            while (begin > 0 && isNumberCharacter(content.at(begin - 1)))
                --begin;
            qsizetype end = begin;
            while (end < content.size() && isNumberCharacter(content.at(end)))
                ++end;
            if (end > begin && isStrictJsonNumber(content.mid(begin, end - begin)))
                problem = JsonProblem{begin, QStringLiteral("number-out-of-range")};
        }
        return invalidJson(path, content, problem);
    }
    if (!doc.isObject())
        return invalidJson(path, content, JsonProblem{first, QStringLiteral("not-an-object")});
    if (auto problem = checkBeyondQt(content, start))
        return invalidJson(path, content, *problem);
    m_object = doc.object();
    return std::nullopt;
}

QString DaemonConfig::stringValue(const QString &key) const
{
    return m_object.value(key).toString();
}

QString DaemonConfig::bridge() const
{
    return stringValue(BridgeKey);
}

QString DaemonConfig::fixedCidr() const
{
    return stringValue(FixedCidrKey);
}

QString DaemonConfig::defaultGateway() const
{
    return stringValue(DefaultGatewayKey);
}

QString DaemonConfig::bip() const
{
    return stringValue(BipKey);
}

bool DaemonConfig::liveRestore() const
{
    return m_object.value(LiveRestoreKey).toBool(false);
}

DaemonConfig DaemonConfig::withBridge(const DockerBridgeSettings &settings) const
{
    DaemonConfig result = *this;
    result.m_object.insert(BridgeKey, settings.bridge);
    if (settings.fixedCidr.isEmpty())
        result.m_object.remove(FixedCidrKey);
    else
        result.m_object.insert(FixedCidrKey, settings.fixedCidr);
    if (settings.defaultGateway.isEmpty())
        result.m_object.remove(DefaultGatewayKey);
    else
        result.m_object.insert(DefaultGatewayKey, settings.defaultGateway);
    result.m_object.remove(BipKey);
    return result;
}

DaemonConfig DaemonConfig::withoutBridge() const
{
    DaemonConfig result = *this;
    result.m_object.remove(BridgeKey);
    result.m_object.remove(FixedCidrKey);
    result.m_object.remove(DefaultGatewayKey);
    return result;
}

DaemonConfig DaemonConfig::withKeys(const QJsonObject &keys) const
{
    DaemonConfig result = *this;
    for (auto it = keys.begin(); it != keys.end(); ++it)
        result.m_object.insert(it.key(), it.value());
    return result;
}

QByteArray DaemonConfig::toJson() const
{
    QByteArray json = QJsonDocument(m_object).toJson(QJsonDocument::Indented);
    if (!json.endsWith('\n'))
        json.append('\n');
    return json;
}

QStringList DaemonConfig::diff(const DaemonConfig &after) const
{
    QStringList keys = m_object.keys() + after.m_object.keys();
    keys.sort();
    keys.removeDuplicates();
    QStringList lines;
    for (const QString &key : std::as_const(keys)) {
        const bool before = m_object.contains(key);
        const bool now = after.m_object.contains(key);
        if (before && now && m_object.value(key) == after.m_object.value(key))
            continue;
        const QString name = renderJson(key);
        if (before)
            lines << QStringLiteral("-%1: %2").arg(name, renderJson(m_object.value(key)));
        if (now)
            lines << QStringLiteral("+%1: %2").arg(name, renderJson(after.m_object.value(key)));
    }
    return lines;
}

} // namespace Passerelle
