#include "persistentbridge.h"

#include <QRegularExpression>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace Passerelle {

namespace {

std::optional<HelperFailure> invalid(const QString &field, const QString &value, const QString &why)
{
    return HelperFailure::make(HelperError::InvalidArgument, {field, value},
                               QStringLiteral("%1 \"%2\" cannot be made permanent: %3").arg(field, value, why));
}

// Interface names as the kernel takes them, minus what would break a
// configuration line: whitespace, '#', '=', quotes, globs, '/'.
bool isSafeInterfaceName(const QString &name)
{
    static const QRegularExpression grammar(QStringLiteral("^[A-Za-z0-9_.:@+-]{1,15}$"));
    return grammar.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

enum class Family { None, V4, V6 };

// Address text as inet_pton reads it; no scope ("%eth0"), no spaces.
Family addressFamily(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    if (text.isEmpty() || bytes.size() != text.size() || bytes.contains('\0'))
        return Family::None;
    unsigned char buffer[sizeof(in6_addr)];
    if (inet_pton(AF_INET, bytes.constData(), buffer) == 1)
        return Family::V4;
    if (inet_pton(AF_INET6, bytes.constData(), buffer) == 1)
        return Family::V6;
    return Family::None;
}

// "192.0.2.10/24": an address and a prefix length in range.
Family cidrFamily(const QString &cidr)
{
    const QStringList parts = cidr.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return Family::None;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}$"));
    if (!digits.match(parts.at(1)).hasMatch())
        return Family::None;
    const int prefix = parts.at(1).toInt();
    const Family family = addressFamily(parts.at(0));
    if ((family == Family::V4 && prefix > 32) || (family == Family::V6 && prefix > 128))
        return Family::None;
    return family;
}

} // namespace

QStringList PersistentBridge::ipv4Addresses() const
{
    QStringList v4;
    for (const QString &a : staticAddresses) {
        if (cidrFamily(a) == Family::V4)
            v4.append(a);
    }
    return v4;
}

QStringList PersistentBridge::ipv6Addresses() const
{
    QStringList v6;
    for (const QString &a : staticAddresses) {
        if (cidrFamily(a) == Family::V6)
            v6.append(a);
    }
    return v6;
}

std::optional<HelperFailure> PersistentBridge::validate() const
{
    if (!isSafeInterfaceName(name))
        return invalid(QStringLiteral("bridge"), name, QStringLiteral("not an interface name"));
    if (ports.isEmpty())
        return invalid(QStringLiteral("ports"), QString(), QStringLiteral("a bridge needs a port"));
    for (const QString &port : ports) {
        if (!isSafeInterfaceName(port) || port == name)
            return invalid(QStringLiteral("port"), port, QStringLiteral("not an interface name"));
        if (ports.count(port) > 1)
            return invalid(QStringLiteral("port"), port, QStringLiteral("listed twice"));
    }
    static const QRegularExpression macGrammar(QStringLiteral("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$"));
    if (!mac.isEmpty() && !macGrammar.match(mac).hasMatch())
        return invalid(QStringLiteral("mac"), mac, QStringLiteral("not a MAC address"));
    for (const QString &a : staticAddresses) {
        const auto family = cidrFamily(a);
        if (family == Family::None)
            return invalid(QStringLiteral("address"), a, QStringLiteral("not an address/prefix-length"));
        if (family == Family::V4 && dhcpv4)
            return invalid(QStringLiteral("address"), a, QStringLiteral("IPv4 comes from DHCP"));
    }
    if (!ipv4Gateway.isEmpty() && (addressFamily(ipv4Gateway) != Family::V4 || dhcpv4))
        return invalid(QStringLiteral("ipv4Gateway"), ipv4Gateway,
                       dhcpv4 ? QStringLiteral("the gateway comes from DHCP") : QStringLiteral("not an IPv4 address"));
    if (!ipv6Gateway.isEmpty() && addressFamily(ipv6Gateway) != Family::V6)
        return invalid(QStringLiteral("ipv6Gateway"), ipv6Gateway, QStringLiteral("not an IPv6 address"));
    if (!ipv4Gateway.isEmpty() && ipv4Addresses().isEmpty())
        return invalid(QStringLiteral("ipv4Gateway"), ipv4Gateway, QStringLiteral("no IPv4 address to reach it from"));
    return std::nullopt;
}

QString fileNameSafe(const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-'
            || u == '_';
        if (!keep)
            c = QLatin1Char('_');
    }
    return safe;
}

} // namespace Passerelle
