// The logging category of the helper's conversation with dockerd, systemd
// and the firewall. Restarts and firewall changes are reported at info
// level, which the journal of a system service keeps.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDockerEngine)
