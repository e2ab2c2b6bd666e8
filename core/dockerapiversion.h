// The Engine API version a Docker client speaks, negotiated as the docker
// CLI does: the daemon's Api-Version header from /_ping, capped at the
// newest version this code was written against. Shared by core's
// DockerClient and the helper's DockerEngine, so both speak the same.
#pragma once

#include <QByteArray>
#include <QString>

namespace Passerelle::DockerApiVersion {

// "1.41" for a daemon offering 1.41; "1.43" for a newer one; "1.24" when
// the header is missing or unreadable (daemons older than 1.25 sent none).
QString negotiate(const QByteArray &apiVersionHeader);

} // namespace Passerelle::DockerApiVersion
