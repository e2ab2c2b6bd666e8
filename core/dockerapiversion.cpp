#include "dockerapiversion.h"

#include <QStringList>

namespace Passerelle::DockerApiVersion {

namespace {

// The newest API version this code was written against, and the one to
// assume when /_ping does not say.
constexpr int newestMinor = 43;
const QLatin1String fallback("1.24");

// "1.41" -> 41 for major version 1; 1000 for a future major; -1 when unreadable.
int minorOf(const QString &version)
{
    const QStringList parts = version.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 2)
        return -1;
    bool okMajor = false, okMinor = false;
    const int major = parts.at(0).toInt(&okMajor);
    const int minor = parts.at(1).toInt(&okMinor);
    if (!okMajor || !okMinor || minor < 0)
        return -1;
    if (major > 1)
        return 1000; // a future major version: newer than anything we know
    return major == 1 ? minor : -1;
}

} // namespace

QString negotiate(const QByteArray &apiVersionHeader)
{
    const QString server = QString::fromLatin1(apiVersionHeader).trimmed();
    const int minor = minorOf(server);
    if (minor < 0)
        return fallback;
    if (minor > newestMinor)
        return QStringLiteral("1.%1").arg(newestMinor);
    return server;
}

} // namespace Passerelle::DockerApiVersion
