#include "logging.h"

Q_LOGGING_CATEGORY(lcNetlink, "passerelle.netlink", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDocker, "passerelle.docker", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModel, "passerelle.model", QtWarningMsg)
